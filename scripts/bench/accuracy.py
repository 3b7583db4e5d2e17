"""The benchmark's accuracy measurement: every implementation's results against the
truth of :mod:`activations.reference`, summarised per (function, quantity, dtype,
implementation).

The truth, the condition number κ and the rule (``base + 2κ`` ULP) all come from
:mod:`activations.reference`; what is decided here is only what is measured where:
derivatives are not compared exactly at a kink, the reference is double-checked by
the precision ladder wherever a result breaks the rule against it, and each output
of a row is reported at one input.
"""

from __future__ import annotations

import math
import sys
import time
from typing import Any

import mpmath
import numpy as np

import activations as act
from activations import reference

from . import QUANTITIES

Truths = tuple[list, list[float]]  # true values (None: no truth) and their κ


def _element_truths(spec: act.Spec, x: np.ndarray) -> dict[str, Truths]:
    """f and f′ (and their condition numbers) at every point, from one reference pass.

    A point where mpmath itself fails gets ``None`` (it is left out of the summary).
    """
    out: dict[str, Truths] = {q: ([], []) for q in QUANTITIES}
    failed = 0
    for xi in x.tolist():
        try:
            derivs = reference.reference(spec, xi)  # f, f′, f″
        except (ArithmeticError, ValueError) as exc:
            failed += 1
            if failed == 1:
                print(f"{spec.name}: no reference at x={xi!r} ({exc!r})", file=sys.stderr)
            derivs = None
        for order, q in enumerate(QUANTITIES):
            if derivs is None:
                out[q][0].append(None)
                out[q][1].append(math.nan)
                continue
            t, dt = derivs[order], derivs[order + 1]
            out[q][0].append(t)
            out[q][1].append(reference.kappa(t, xi * dt))
    if failed:
        print(f"{spec.name}: {failed} of {len(x)} points without a reference", file=sys.stderr)
    return out


def _recheck(
    spec: act.Spec,
    x: np.ndarray,
    truths: dict[str, Truths],
    outputs: dict[str, dict[str, np.ndarray]],
    dtype: str,
) -> int:
    """Double-check the reference wherever some result breaks the rule against it.

    The value is recomputed by the precision ladder (``reference.checked_truths``);
    where that differs from the reference (whose working precision is chosen ahead of
    time and can fall short), it replaces it.  Returns the number of values replaced.
    """
    replaced = 0
    for quantity, per_impl in outputs.items():
        values, kappas = truths[quantity]
        suspects: set[int] = set()
        for y in per_impl.values():
            judged = reference.compare(x, y, values, kappas, dtype=dtype)
            suspects.update(np.flatnonzero(~judged.ok).tolist())
        if not suspects:
            continue
        order = 0 if quantity == "f" else 1
        where = sorted(suspects)
        for i, better in zip(where, reference.checked_truths(spec, order, x[where]), strict=True):
            if better is None:
                continue
            t, dt = better
            old = values[i]
            if t == old or (t != 0 and abs((old - t) / t) < mpmath.mpf(10) ** -20):
                continue
            values[i] = t
            kappas[i] = reference.kappa(t, float(x[i]) * dt)
            replaced += 1
    if replaced:
        print(f"{spec.name} {dtype}: reference corrected at {replaced} points", file=sys.stderr)
    return replaced


def reported_at(spec: act.Spec, row: np.ndarray, n_out: int) -> np.ndarray:
    """The input each output of a row is reported at (its ``worst_x``): the input
    itself for the softmax family, the gate input b for the GLUs (second half), the
    winning input for maxout."""
    if n_out == len(row):
        return row
    if reference.is_halves(spec):
        return row[n_out:]
    return row.reshape(n_out, -1).max(axis=1)


def summary(
    x_at: np.ndarray, y: np.ndarray, truths: list, kappas: list[float], dtype: str, base: float
) -> dict[str, Any]:
    """One row of the results: the largest error in ULP (over the finite results),
    where it occurs, the points breaking the rule, the NaN/inf results, the points."""
    keep = np.array([t is not None for t in truths], dtype=bool)
    judged = reference.compare(
        np.asarray(x_at)[keep],
        np.asarray(y)[keep],
        [t for t in truths if t is not None],
        [k for k, ok in zip(kappas, keep, strict=True) if ok],
        dtype=dtype,
        base=base,
    )
    ulps = judged.ulps
    finite = np.isfinite(ulps)
    worst = int(np.argmax(np.where(finite, ulps, np.inf))) if len(ulps) else 0
    return {
        "max_ulp": float(ulps[finite].max()) if finite.any() else None,
        "worst_x": float(judged.x[worst]) if len(ulps) else None,
        "violations": int((~judged.ok).sum()),
        "nonfinite": int((~finite).sum()),
        "points": len(ulps),
    }


def accuracy_task(task: dict[str, Any]) -> dict[str, Any]:
    """Worker: truths for one (spec, dtype), then a summary per quantity and implementation."""
    spec = act.get(task["name"])
    x, dtype, outputs = task["x"], task["dtype"], task["outputs"]
    if spec.elementwise:
        truths = _element_truths(spec, x)
        # Derivatives are not compared exactly at a kink: each library picks its own
        # one-sided value there (the catalog's convention is tested and documented).
        at_kink = np.isin(x, [k.at for k in spec.kinks])
        values, kappas = truths["grad"]
        truths["grad"] = (
            [None if k else t for t, k in zip(values, at_kink, strict=True)],
            kappas,
        )
        x_at = x
        corrections = _recheck(spec, x, truths, outputs, dtype)
    else:
        values, kappas, x_at_rows = [], [], []
        for row in x:
            found = reference.row_truth(spec, row.tolist())
            values += found.values
            kappas += found.kappas
            x_at_rows.append(reported_at(spec, row, len(found.values)))
        x_at = np.concatenate(x_at_rows) if x_at_rows else np.zeros(0)
        truths = {"f": (values, kappas)}
        corrections = 0
    base = reference.base_ulps(spec)
    summaries = {
        quantity: {
            impl: summary(x_at, y.reshape(-1), *truths[quantity], dtype, base)
            for impl, y in per_impl.items()
        }
        for quantity, per_impl in outputs.items()
    }
    return {"summaries": summaries, "corrections": corrections}


def numbered_task(item: tuple[int, dict[str, Any]]) -> tuple[int, Any, float]:
    """:func:`accuracy_task` for a process pool: (index, summary, seconds taken)."""
    t0 = time.perf_counter()
    result = accuracy_task(item[1])
    return item[0], result, time.perf_counter() - t0
