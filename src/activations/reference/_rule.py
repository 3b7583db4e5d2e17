"""The accuracy rule, the condition number it is stated in, and the measurement.

An error of at most ``base + 2κ`` units in the last place of the true value, where
κ is the condition number of the computed quantity (:func:`kappa`) and ``base`` is
:data:`BASE` (4), or :data:`ROW_BASE` (16) for results that sum over a row (the
softmax family).  A true value below the smallest normal number needs only to be
within that number; a true value beyond the largest finite number must come back as
``±inf`` of the right sign (:func:`ulp_error`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np

from .._spec import Spec
from . import _store
from ._exact import expression, reference

BASE = 4.0
"""The rule's allowance at κ = 0, in ULP."""

ROW_BASE = 16.0
"""The allowance at κ = 0 for results that sum over a row (the softmax family)."""


def base_ulps(spec: Spec) -> float:
    """The rule's ``base`` for ``spec``'s f: :data:`ROW_BASE` for the softmax family."""
    return ROW_BASE if spec.family == "softmax" else BASE


def allowed_ulps(kappa: float, base: float = BASE) -> float:
    """The rule: ``base + 2κ`` ULP."""
    return base + 2.0 * kappa


def kappa(value: Any, sensitivity: Any) -> float:
    """The condition number ``κ = Σ_v |v ∂g/∂v| / |g|`` of a quantity ``g = value``,
    given ``sensitivity = Σ_v |v ∂g/∂v|`` over its inputs ``v`` (``|x g′(x)|`` for a
    function of one x).  0 where both vanish, ∞ where only the value does."""
    if value != 0:
        return float(abs(sensitivity / value))
    return 0.0 if sensitivity == 0 else math.inf


@functools.lru_cache(maxsize=8)
def _limits(dtype: np.dtype) -> tuple[float, float, float]:
    info = np.finfo(dtype)
    return float(info.tiny), float(info.max), float(info.eps)


def _ulp(magnitude: float, dtype: np.dtype) -> float:
    """The spacing just below ``magnitude`` rounded to ``dtype`` (at most its largest
    finite number): the unit in the last place the error is counted in."""
    huge = _limits(dtype)[1]
    if dtype == np.float64:
        r = min(magnitude, huge)
        return r - math.nextafter(r, 0.0)
    scalar = dtype.type
    r = scalar(huge) if magnitude > huge else scalar(magnitude)
    return float(r - np.nextafter(r, scalar(0)))


def ulp_error(y: float, t: mpmath.mpf, dtype: np.dtype) -> tuple[float, bool | None]:
    """Error of ``y`` in ULPs of ``t`` rounded to ``dtype``.

    Returns ``(ulps, verdict)`` where ``verdict`` is ``True``/``False`` when a special
    rule (underflow, overflow, NaN) decides on its own, else ``None``.
    """
    dtype = np.dtype(dtype)
    tiny, huge, eps = _limits(dtype)
    if math.isnan(y):
        return math.inf, False
    if abs(t) > huge * (1 + eps / 2):
        return (0.0, True) if (math.isinf(y) and (y > 0) == (t > 0)) else (math.inf, False)
    if math.isinf(y):
        return math.inf, False
    err = abs(mpmath.mpf(y) - t)
    if abs(t) < tiny:
        return float(err / tiny), bool(err <= tiny)
    return float(err / mpmath.mpf(_ulp(abs(float(t)), dtype))), None


def judge(
    y: float, t: mpmath.mpf, k: float, dtype: Any, base: float = BASE
) -> tuple[float, float, bool]:
    """``(ulps, allowed, ok)``: the error of ``y`` against the truth ``t`` whose
    condition number is ``k``, the rule's allowance, and whether ``y`` meets the rule."""
    ulps, verdict = ulp_error(y, t, np.dtype(dtype))
    allowed = allowed_ulps(k, base)
    return ulps, allowed, verdict if verdict is not None else ulps <= allowed


@dataclass(frozen=True)
class Accuracy:
    """Per-point errors of one function against the reference."""

    x: np.ndarray
    y: np.ndarray
    truth: list
    ulps: np.ndarray  # error in units of the true value's last place (0 where exempt)
    allowed: np.ndarray  # base + 2κ (inf where the rule does not bound the error)
    ok: np.ndarray

    def worst(self, n: int = 5) -> list[str]:
        """The ``n`` worst violations (or the worst errors if none), for messages."""
        ratio = np.where(self.ok, self.ulps / np.maximum(self.allowed, 1) - 1e9, self.ulps)
        ratio = np.where(np.isnan(ratio), -np.inf, ratio)  # points without a truth: last
        idx = np.argsort(ratio, kind="stable")[::-1][:n]
        return [
            f"x={float(self.x[i])!r}: got {float(self.y.flat[i])!r}, "
            f"true {self.truth[i] if self.truth[i] is None else mpmath.nstr(self.truth[i], 17)}, "
            f"{self.ulps[i]:.3g} ULP (allowed {self.allowed[i]:.3g})"
            for i in idx
        ]


def compare(
    x: np.ndarray,
    y: np.ndarray,
    truths: Sequence[Any],
    kappas: Sequence[float],
    *,
    dtype: Any = None,
    base: float = BASE,
) -> Accuracy:
    """Judge the results ``y`` (in ``dtype``, by default ``y``'s) against ``truths``
    with condition numbers ``kappas``, point by point.  ``x`` is where each result is
    reported.  A truth of None (mpmath found none) exempts its point: NaN error, ok."""
    y = np.asarray(y)
    dtype = np.dtype(dtype or y.dtype)
    n = len(truths)
    ulps, allowed = np.zeros(n), np.zeros(n)
    ok = np.zeros(n, dtype=bool)
    for i, (yi, t, k) in enumerate(zip(y.ravel().tolist(), truths, kappas, strict=True)):
        if t is None:
            ulps[i], allowed[i], ok[i] = math.nan, math.nan, True
        else:
            ulps[i], allowed[i], ok[i] = judge(yi, t, k, dtype, base)
    return Accuracy(np.asarray(x), y, list(truths), ulps, allowed, ok)


def measure(
    spec: Spec,
    x: np.ndarray,
    *,
    order: int = 0,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
    base: float = BASE,
    func: Callable[..., Any] | None = None,
) -> Accuracy:
    """Evaluate f (order 0) or f′ (order 1) on ``x`` and compare with the reference.

    ``func`` overrides the function measured (the benchmark passes textbook formulas).
    """
    params = dict(params or {})
    kwargs = dict(params)
    if variant is not None:
        kwargs.update(next(v.kwargs for v in spec.variants if v.label == variant))
    if func is None:
        func = spec.fn if order == 0 else spec.grad
    y = np.asarray(func(x, **kwargs))
    refs = _reference_on_grid(
        spec.name, x.tobytes(), x.dtype.str, tuple(sorted(params.items())), variant
    )
    truths = [r[order] for r in refs]
    kappas = [kappa(r[order], xi * r[order + 1]) for xi, r in zip(x.tolist(), refs, strict=True)]
    return compare(x, y, truths, kappas, dtype=x.dtype, base=base)


@functools.lru_cache(maxsize=256)  # every (spec, grid, params, variant) of a test run: 136
def _reference_on_grid(
    spec_name: str, x_bytes: bytes, dtype: str, params: tuple, variant: str | None
) -> tuple:
    from .._spec import get

    spec = get(spec_name)
    x = np.frombuffer(x_bytes, dtype=dtype)
    k = _store.key(expression(spec, params=dict(params), variant=variant), x_bytes, dtype)
    return _store.stored(
        spec_name,
        k,
        lambda: tuple(
            reference(spec, xi, params=dict(params), variant=variant) for xi in x.tolist()
        ),
    )


def assert_meets_rule(y: Any, truth: Any, *, base: float = BASE, label: str = "") -> None:
    """Assert that every element of ``y`` meets the rule against ``truth`` (a
    :class:`~activations.reference.Truth`: true values and their κ, in ``y``'s order),
    in ``y``'s dtype; the message names the worst offenders (by index)."""
    y = np.asarray(y).ravel()
    judged = compare(np.arange(y.size), y, truth.values, truth.kappas, base=base)
    bad = int((~judged.ok).sum())
    if bad:
        worst = "; ".join(judged.worst())
        raise AssertionError(f"{label}: {bad} elements break the rule: {worst}")
