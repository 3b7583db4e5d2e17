"""Accuracy and speed of every activation: the catalog beside its peers.

    python scripts/benchmark.py                  # every function, both dtypes (a few minutes)
    python scripts/benchmark.py --quick          # a few functions on a small grid
    python scripts/benchmark.py --only gelu,silu --output out.json

For every spec of the catalog (elementwise: f and its derivative; the others: f on
rows) and for float64 and float32 it measures

* the largest error in ULP against the mpmath reference (``activations.reference``)
  on a fixed grid over the whole finite domain (``reference.grid``, thinned to about
  60 % of its points unless ``--grid full``), the input where it occurs, how many
  points break the accuracy rule (4 + 2κ ULP; 16 + 2κ for the softmax family) and how
  many of those are NaN or ±inf where the truth is finite (``nonfinite``; such points
  are left out of ``max_ulp``).  Derivatives are not compared exactly at a kink,
  where every library picks its own one-sided value;
* the time per 1e6 elements on one thread (best of several runs);

for the catalog, for the textbook NumPy formula kept in each spec (``spec.naive``),
and, where they provide the function, for SciPy, PyTorch (CPU) and JAX (CPU, float64
enabled).  PyTorch and JAX are optional peers: when one is not importable its rows
are left out and its version is recorded as null.  Their derivatives come from their
own autograd (the backward pass each framework really runs), so their derivative
times include the forward pass.

The result goes to ``docs/data/benchmark.json``, which ``scripts/docgen/accuracy.py``
renders into the "Accuracy & speed" page.  ``nonfinite`` and the extra ``meta`` keys
(mpmath version, grid, runs, elements timed, seconds taken) extend the documented
schema; readers may ignore them.
"""

from __future__ import annotations

import os

# One thread everywhere, set before NumPy, PyTorch or JAX are imported.
for _var in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "BLIS_NUM_THREADS",
):
    os.environ[_var] = "1"
os.environ["JAX_PLATFORMS"] = "cpu"
os.environ["JAX_ENABLE_X64"] = "1"
os.environ["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable  # noqa: E402
from fractions import Fraction  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import mpmath  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from docgen.accuracy import (  # noqa: E402
    catalog_fingerprint,
    checked_truths,
    expression_function,
    ladder_value,
    textbook_function,
)

import activations as act  # noqa: E402
from activations import reference  # noqa: E402

DEFAULT_OUTPUT = ROOT / "docs" / "data" / "benchmark.json"
IMPLS = ("catalog", "textbook", "scipy", "pytorch", "jax")
DTYPES = ("float64", "float32")
QUANTITIES = ("f", "grad")
NOTICE = (
    "Written by scripts/benchmark.py — do not edit. Rerun: python scripts/benchmark.py "
    "(then python scripts/generate.py to refresh the Accuracy & speed page)."
)
QUICK_NAMES = ("sigmoid", "relu", "gelu", "softmax")
ROW_LENGTH = 16  # elements per row for the functions that are not elementwise

Impl = Callable[[np.ndarray], Any]


# --------------------------------------------------------------------------- peers
# Catalog name -> the peer's function, called as f(x, p) with ``p`` the catalog's
# parameter values (the catalog follows PyTorch's names and defaults).  Only the
# functions a library actually provides are listed; a formula assembled from other
# functions would measure that formula, not the library.


def _scipy_table() -> dict[str, Callable[..., Any]]:
    from scipy import special

    return {
        "sigmoid": lambda x, p: special.expit(x),
        "log_sigmoid": lambda x, p: special.log_expit(x),
        "gelu": lambda x, p: x * special.ndtr(x),
        "silu": lambda x, p: x * special.expit(x),
        "softmax": lambda x, p: special.softmax(x, axis=-1),
        "log_softmax": lambda x, p: special.log_softmax(x, axis=-1),
        "softmin": lambda x, p: special.softmax(-x, axis=-1),
    }


def _torch_table(torch: Any) -> dict[str, Callable[..., Any]]:
    F = torch.nn.functional
    return {
        "sigmoid": lambda x, p: torch.sigmoid(x),
        "tanh": lambda x, p: torch.tanh(x),
        "hard_sigmoid": lambda x, p: F.hardsigmoid(x),
        "hard_tanh": lambda x, p: F.hardtanh(x, p.get("min_val", -1.0), p.get("max_val", 1.0)),
        "softsign": lambda x, p: F.softsign(x),
        "relu": lambda x, p: F.relu(x),
        "relu6": lambda x, p: F.relu6(x),
        "leaky_relu": lambda x, p: F.leaky_relu(x, p.get("negative_slope", 0.01)),
        "prelu": lambda x, p: F.prelu(
            x, torch.tensor([float(p.get("weight", 0.25))], dtype=x.dtype)
        ),
        "rrelu": lambda x, p: F.rrelu(
            x, p.get("lower", 1.0 / 8), p.get("upper", 1.0 / 3), training=False
        ),
        "elu": lambda x, p: F.elu(x, p.get("alpha", 1.0)),
        "celu": lambda x, p: F.celu(x, p.get("alpha", 1.0)),
        "selu": lambda x, p: F.selu(x),
        "gelu": lambda x, p: F.gelu(x, approximate=p.get("approximate", "none")),
        "silu": lambda x, p: F.silu(x),
        "hard_swish": lambda x, p: F.hardswish(x),
        "mish": lambda x, p: F.mish(x),
        "softplus": lambda x, p: F.softplus(x, beta=p.get("beta", 1.0)),
        "log_sigmoid": lambda x, p: F.logsigmoid(x),
        "hardshrink": lambda x, p: F.hardshrink(x, p.get("lambd", 0.5)),
        "softshrink": lambda x, p: F.softshrink(x, p.get("lambd", 0.5)),
        "tanhshrink": lambda x, p: F.tanhshrink(x),
        "threshold": lambda x, p: F.threshold(x, p["threshold"], p["value"]),
        "sinusoid": lambda x, p: torch.sin(x),
        "exponential": lambda x, p: torch.exp(x),
        "softmax": lambda x, p: F.softmax(x, dim=-1),
        "log_softmax": lambda x, p: F.log_softmax(x, dim=-1),
        "softmin": lambda x, p: F.softmin(x, dim=-1),
        "glu": lambda x, p: F.glu(x, dim=-1),
    }


def _jax_table(jax: Any) -> dict[str, Callable[..., Any]]:
    nn, jnp = jax.nn, jax.numpy

    def softplus(x, p):
        beta = p.get("beta", 1.0)
        return nn.softplus(x) if beta == 1 else nn.softplus(beta * x) / beta

    return {
        "identity": lambda x, p: nn.identity(x),
        "sigmoid": lambda x, p: nn.sigmoid(x),
        "tanh": lambda x, p: jnp.tanh(x),
        "hard_sigmoid": lambda x, p: nn.hard_sigmoid(x),
        "hard_tanh": lambda x, p: nn.hard_tanh(x),
        "softsign": lambda x, p: nn.soft_sign(x),
        "relu": lambda x, p: nn.relu(x),
        "relu6": lambda x, p: nn.relu6(x),
        "leaky_relu": lambda x, p: nn.leaky_relu(x, p.get("negative_slope", 0.01)),
        "elu": lambda x, p: nn.elu(x, p.get("alpha", 1.0)),
        "celu": lambda x, p: nn.celu(x, p.get("alpha", 1.0)),
        "selu": lambda x, p: nn.selu(x),
        "gelu": lambda x, p: nn.gelu(x, approximate=p.get("approximate", "none") == "tanh"),
        "silu": lambda x, p: nn.silu(x),
        "hard_swish": lambda x, p: nn.hard_swish(x),
        "mish": lambda x, p: nn.mish(x),
        "softplus": softplus,
        "log_sigmoid": lambda x, p: nn.log_sigmoid(x),
        "squareplus": lambda x, p: nn.squareplus(x, p.get("b", 4.0)),
        "sparse_plus": lambda x, p: nn.sparse_plus(x),
        "sparse_sigmoid": lambda x, p: nn.sparse_sigmoid(x),
        "sinusoid": lambda x, p: jnp.sin(x),
        "exponential": lambda x, p: jnp.exp(x),
        "softmax": lambda x, p: nn.softmax(x, axis=-1),
        "log_softmax": lambda x, p: nn.log_softmax(x, axis=-1),
        "softmin": lambda x, p: nn.softmax(-x, axis=-1),
        "glu": lambda x, p: nn.glu(x, axis=-1),
    }


def _import_torch() -> Any:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # already set in this process
        pass
    return torch


def _import_jax() -> Any:
    try:
        import jax
    except ImportError:
        return None
    jax.config.update("jax_enable_x64", True)
    jax.config.update("jax_platforms", "cpu")
    return jax


# ----------------------------------------------------------------- implementations


def _numpy_params(spec: act.Spec) -> dict[str, Any]:
    return dict(spec.params)


def _textbook(spec: act.Spec, quantity: str) -> Impl | None:
    try:
        func = textbook_function(spec, quantity)
    except (SyntaxError, ValueError) as exc:
        print(f"{spec.name} {quantity} textbook: cannot use the formula ({exc})", file=sys.stderr)
        return None
    return None if func is None else (lambda x: func(x))


def _catalog(spec: act.Spec, quantity: str) -> Impl | None:
    func = spec.fn if quantity == "f" else spec.grad
    if func is None:
        return None
    params = _numpy_params(spec)
    return lambda x: func(x, **params)


def _scipy(spec: act.Spec, quantity: str) -> Impl | None:
    fn = _scipy_table().get(spec.name)
    if fn is None or quantity != "f":
        return None
    params = _numpy_params(spec)

    def run(x: np.ndarray) -> Any:
        with np.errstate(all="ignore"):
            return fn(x, params)

    return run


def _torch(torch: Any, spec: act.Spec, quantity: str) -> Impl | None:
    fn = _torch_table(torch).get(spec.name) if torch is not None else None
    if fn is None:
        return None
    params = _numpy_params(spec)
    if quantity == "f":
        return lambda x: fn(torch.from_numpy(x), params).numpy()

    def grad(x: np.ndarray) -> Any:
        xt = torch.from_numpy(x).requires_grad_(True)
        y = fn(xt, params)
        y.backward(torch.ones_like(y))
        return xt.grad.numpy()

    return grad


def _jax(jax: Any, spec: act.Spec, quantity: str) -> Impl | None:
    fn = _jax_table(jax).get(spec.name) if jax is not None else None
    if fn is None:
        return None
    params = _numpy_params(spec)
    f = jax.jit(lambda x: fn(x, params))
    if quantity == "f":
        compiled = f
    else:
        compiled = jax.jit(jax.grad(lambda x: jax.numpy.sum(fn(x, params))))

    def run(x: np.ndarray) -> Any:
        return np.asarray(compiled(jax.numpy.asarray(x)).block_until_ready())

    run.device = lambda x: jax.device_put(x)  # type: ignore[attr-defined]
    run.raw = lambda xd: compiled(xd).block_until_ready()  # type: ignore[attr-defined]
    return run


def implementations(spec: act.Spec, quantity: str, peers: dict[str, Any]) -> dict[str, Impl]:
    """The implementations of ``spec``'s ``quantity`` to compare, by impl label."""
    found = {
        "catalog": _catalog(spec, quantity),
        "textbook": _textbook(spec, quantity),
        "scipy": _scipy(spec, quantity),
        "pytorch": _torch(peers.get("torch"), spec, quantity),
        "jax": _jax(peers.get("jax"), spec, quantity),
    }
    return {k: v for k, v in found.items() if v is not None}


def _evaluate(impl: Impl, x: np.ndarray, out_shape: tuple[int, ...]) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            y = np.asarray(impl(x))
            if y.shape != out_shape:
                y = np.broadcast_to(y, out_shape)
            return np.asarray(y, dtype=x.dtype)  # what a caller stores: the input's dtype


# ------------------------------------------------------------------ accuracy inputs


def _kink_points(spec: act.Spec) -> tuple[float, ...]:
    pts = [k.at for k in spec.kinks]
    pts += [
        v for v in spec.params.values() if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    return tuple(float(p) for p in pts) + tuple(-float(p) for p in pts)


GRIDS = {
    "quick": {"n_log": 40, "n_lin": 41},
    "thinned": {"n_log": 160, "n_lin": 161},
    "full": {},
}
"""Sizes passed to ``reference.grid``: "full" is the test suite's grid; "thinned" (the
default) keeps every kink and the whole range with about 60 % of the points."""


def accuracy_grid(spec: act.Spec, dtype: str, grid: str) -> np.ndarray:
    """The elementwise grid: ``reference.grid`` plus both sides of the spec's kinks."""
    return reference.grid(dtype, extra=_kink_points(spec), **GRIDS[grid])


def accuracy_rows(dtype: str, grid: str) -> np.ndarray:
    """Rows of ``ROW_LENGTH`` inputs for the functions that are not elementwise.

    The whole-domain grid shuffled into rows (huge spreads: overflow in the textbook
    formulas), random rows of several scales around several offsets (cancellation in
    ``x - max`` and in log-sum-exp), and a few hand-picked rows (ties, zeros, one
    dominant entry, entries at the overflow threshold).
    """
    rng = np.random.default_rng(20261123)
    info = np.finfo(dtype)
    quick = grid == "quick"
    g = reference.grid(dtype, **GRIDS[grid])
    g = rng.permutation(g)
    g = g[: len(g) // ROW_LENGTH * ROW_LENGTH].reshape(-1, ROW_LENGTH)
    if quick:
        g = g[:4]
    scales = (1e-3, 1.0, 10.0, 100.0) if quick else (1e-3, 0.1, 1.0, 10.0, 100.0, 1e3)
    offsets = (0.0, 1e3) if quick else (0.0, 50.0, -1e3, 1e4)
    random_rows = [
        offset + scale * rng.standard_normal(ROW_LENGTH)
        for scale in scales
        for offset in offsets
        for _ in range(1)
    ]
    big = float(info.max)
    special_rows = [
        np.zeros(ROW_LENGTH),
        np.full(ROW_LENGTH, 3.0),
        np.r_[100.0, np.zeros(ROW_LENGTH - 1)],
        np.r_[-100.0, np.zeros(ROW_LENGTH - 1)],
        np.r_[big, -big, np.linspace(-1.0, 1.0, ROW_LENGTH - 2)],
        np.r_[np.full(ROW_LENGTH // 2, big / 2), np.full(ROW_LENGTH // 2, -big / 2)],
        np.linspace(-30.0, 30.0, ROW_LENGTH),
    ]
    rows = np.concatenate([g, np.array(random_rows), np.array(special_rows)]).astype(dtype)
    return rows


# ------------------------------------------------------------ high-precision truths
# Non-elementwise references, row -> list of mpf.  Each avoids cancellation by
# construction (differences of inputs are exact at the working precision; sums of
# positive terms; log1p), so a modest working precision suffices.

ROW_DPS = 80


def _mp_softmax(row: list) -> list:
    return [1 / mpmath.fsum(mpmath.exp(xj - xi) for xj in row) for xi in row]


def _mp_log_softmax(row: list) -> list:
    out = []
    for i, xi in enumerate(row):
        rest = mpmath.fsum(mpmath.exp(xj - xi) for j, xj in enumerate(row) if j != i)
        out.append(-mpmath.log1p(rest))
    return out


def _mp_softmin(row: list) -> list:
    return _mp_softmax([-v for v in row])


def _exact(v: Any) -> Fraction:
    sign, man, exp, _ = mpmath.mpf(v)._mpf_  # mpf.man_exp drops the sign
    return (-1 if sign else 1) * Fraction(man) * Fraction(2) ** exp


def _mp_sparsemax(row: list) -> list:
    """Exact (rational arithmetic): the threshold τ subtracts nearly equal sums."""
    z = [_exact(v) for v in row]
    ordered = sorted(z, reverse=True)
    cumulative = Fraction(0)
    k_best, sum_best = 1, ordered[0]
    for k, zk in enumerate(ordered, start=1):
        cumulative += zk
        if 1 + k * zk > cumulative:
            k_best, sum_best = k, cumulative
    tau = (sum_best - 1) / k_best
    return [mpmath.mpf(max(v - tau, 0).numerator) / max(v - tau, 0).denominator for v in z]


def _mp_entmax15(row: list) -> list:
    """1.5-entmax, [z_i/2 − τ]₊² summing to 1: the exact sort-based algorithm (support
    from the running τ_k, then τ as the smaller root of the quadratic on the support),
    at enough digits that sums of squares of any floats are exact."""
    with mpmath.workdps(1500):
        zs = [mpmath.mpf(v) / 2 for v in row]
        ordered = sorted(zs, reverse=True)
        s1 = s2 = mpmath.mpf(0)
        tau_best = ordered[0] - 1
        for k, zk in enumerate(ordered, start=1):
            s1 += zk
            s2 += zk * zk
            disc = s1 * s1 - k * (s2 - 1)
            if disc < 0:
                break
            tau = (s1 - mpmath.sqrt(disc)) / k
            if tau <= zk:
                tau_best = tau
        return [+(max(v - tau_best, mpmath.mpf(0)) ** 2) for v in zs]


GLU_GATES = {"glu": "sigmoid", "reglu": "relu", "geglu": "gelu", "swiglu": "silu"}
"""Gated linear units: a · h(b) with a the first half of the row, b the second."""


def _glu_truths(name: str, row: np.ndarray) -> tuple[list, list[float]]:
    """a · h(b) and its condition number 1 + |b h′(b) / h(b)|, from the gate's
    expression (``docgen.accuracy.checked_truths``: 60 digits checked against 120,
    ``activations.reference`` where they disagree)."""
    gate = act.get(GLU_GATES[name])
    half = len(row) // 2
    gates = checked_truths(gate, 0, np.asarray(row[half:], dtype=np.float64))
    truths, kappas = [], []
    for a, hb, b in zip(row[:half].tolist(), gates, row[half:].tolist(), strict=True):
        if hb is None:
            truths.append(None)
            kappas.append(math.nan)
            continue
        h, dh = hb
        with mpmath.workdps(ROW_DPS):
            t = mpmath.mpf(a) * h
            sens = abs(mpmath.mpf(a) * h) + abs(mpmath.mpf(a) * b * dh)
            truths.append(t)
            kappas.append(float(sens / abs(t)) if t != 0 else (0.0 if sens == 0 else math.inf))
    return truths, kappas


def _mp_maxout(row: list) -> list:
    pieces = int(act.get("maxout").params.get("pieces", 2))
    return [max(row[i : i + pieces]) for i in range(0, len(row), pieces)]


ROW_REFERENCES: dict[str, Callable[[list], list]] = {
    "softmax": _mp_softmax,
    "log_softmax": _mp_log_softmax,
    "softmin": _mp_softmin,
    "sparsemax": _mp_sparsemax,
    "maxout": _mp_maxout,
    "entmax15": _mp_entmax15,
}
"""mpmath truth for the functions that are not elementwise (f on one row); the GLUs
(:data:`GLU_GATES`) are measured through their gate's elementwise reference."""


def _row_truths(name: str, row: np.ndarray) -> tuple[list, list[float]]:
    """True outputs of one row and their condition numbers κ_i = Σ_j |x_j ∂y_i/∂x_j / y_i|.

    κ comes from relative perturbations of each input at high precision.
    """
    if name in GLU_GATES:
        return _glu_truths(name, row)
    ref = ROW_REFERENCES[name]
    h = mpmath.mpf(10) ** -30
    with mpmath.workdps(ROW_DPS):
        xs = [mpmath.mpf(float(v)) for v in row]
        y = ref(xs)
        sens = [mpmath.mpf(0)] * len(y)
        for j, xj in enumerate(xs):
            if xj == 0:
                continue
            bumped = list(xs)
            bumped[j] = xj * (1 + h)
            yj = ref(bumped)
            sens = [s + abs(b - a) / h for s, a, b in zip(sens, y, yj, strict=True)]
        kappas = []
        for t, s in zip(y, sens, strict=True):
            if t != 0:
                kappas.append(float(s / abs(t)))
            else:
                kappas.append(0.0 if s == 0 else math.inf)
    return y, kappas


def _recheck(
    spec: act.Spec,
    x: np.ndarray,
    truths: dict[str, tuple[list, list[float]]],
    outputs: dict[str, dict[str, np.ndarray]],
    dtype: str,
    base: float,
) -> int:
    """Double-check the reference wherever some result breaks the rule against it.

    The value is recomputed at increasing precision until two precisions agree
    (``docgen.accuracy.ladder_value``); where that differs from the reference (whose
    working precision is chosen ahead of time and can fall short), it replaces it.
    Returns the number of values replaced.
    """
    replaced = 0
    for quantity, per_impl in outputs.items():
        values, kappas = truths[quantity]
        suspects = set()
        for y in per_impl.values():
            for i, (yi, t, k) in enumerate(zip(y.tolist(), values, kappas, strict=True)):
                if t is None or i in suspects:
                    continue
                u, verdict = reference.ulp_error(yi, t, np.dtype(dtype))
                if not (verdict if verdict is not None else u <= reference.allowed_ulps(k, base)):
                    suspects.add(i)
        if not suspects:
            continue
        func = expression_function(spec, 0 if quantity == "f" else 1)
        for i in sorted(suspects):
            better = ladder_value(func, float(x[i]))
            if better is None:
                continue
            t, dt = better
            old = values[i]
            if t == old or (t != 0 and abs((old - t) / t) < mpmath.mpf(10) ** -20):
                continue
            xi = float(x[i])
            values[i] = t
            kappas[i] = float(abs(xi * dt / t)) if t != 0 else (0.0 if xi * dt == 0 else math.inf)
            replaced += 1
    if replaced:
        print(f"{spec.name} {dtype}: reference corrected at {replaced} points", file=sys.stderr)
    return replaced


def _reported_at(name: str, row: np.ndarray, n_out: int) -> np.ndarray:
    """The input each output of a row is reported at (its ``worst_x``): the input
    itself for the softmax family, the gate input b for the GLUs (second half), the
    winning input for maxout."""
    if n_out == len(row):
        return row
    if name in GLU_GATES:
        return row[n_out:]
    return row.reshape(n_out, -1).max(axis=1)


def _element_truths(spec: act.Spec, x: np.ndarray) -> dict[str, tuple[list, list[float]]]:
    """f and f′ (and their condition numbers) at every point, from one reference pass.

    A point where mpmath itself fails gets ``None`` (it is left out of the summary).
    """
    out: dict[str, tuple[list, list[float]]] = {q: ([], []) for q in QUANTITIES}
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
            kappa = abs(xi * dt / t) if t != 0 else (0.0 if xi * dt == 0 else math.inf)
            out[q][0].append(t)
            out[q][1].append(float(kappa))
    if failed:
        print(f"{spec.name}: {failed} of {len(x)} points without a reference", file=sys.stderr)
    return out


def _summary(
    x_at: np.ndarray, y: np.ndarray, truths: list, kappas: list[float], dtype: str, base: float
) -> dict[str, Any]:
    keep = np.array([t is not None for t in truths], dtype=bool)
    x_at, y = x_at[keep], y[keep]
    kappas = [k for k, ok in zip(kappas, keep, strict=True) if ok]
    truths = [t for t in truths if t is not None]
    ulps = np.zeros(len(truths))
    bad = np.zeros(len(truths), dtype=bool)
    for i, (yi, t, k) in enumerate(zip(y.tolist(), truths, kappas, strict=True)):
        u, verdict = reference.ulp_error(yi, t, np.dtype(dtype))
        ulps[i] = u
        ok = verdict if verdict is not None else u <= reference.allowed_ulps(k, base)
        bad[i] = not ok
    finite = np.isfinite(ulps)
    worst = int(np.argmax(np.where(finite, ulps, np.inf))) if len(ulps) else 0
    return {
        "max_ulp": float(ulps[finite].max()) if finite.any() else None,
        "worst_x": float(x_at[worst]) if len(ulps) else None,
        "violations": int(bad.sum()),
        "nonfinite": int((~finite).sum()),
        "points": len(truths),
    }


def accuracy_task(task: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
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
        base = 4.0
        corrections = _recheck(spec, x, truths, outputs, dtype, base)
    else:
        values, kappas, x_at_rows = [], [], []
        for row in x:
            t, k = _row_truths(spec.name, row)
            values += t
            kappas += k
            x_at_rows.append(_reported_at(spec.name, row, len(t)))
        x_at = np.concatenate(x_at_rows) if x_at_rows else np.zeros(0)
        truths = {"f": (values, kappas)}
        base = 16.0 if spec.family == "softmax" else 4.0
        corrections = 0
    summaries = {
        quantity: {
            impl: _summary(x_at, y.reshape(-1), *truths[quantity], dtype, base)
            for impl, y in per_impl.items()
        }
        for quantity, per_impl in outputs.items()
    }
    return {"summaries": summaries, "corrections": corrections}


def _numbered_task(item: tuple[int, dict[str, Any]]) -> tuple[int, Any, float]:
    t0 = time.perf_counter()
    summary = accuracy_task(item[1])
    return item[0], summary, time.perf_counter() - t0


class _Serial:
    """Stands in for a process pool when there is one job."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, func: Callable[..., Any], items: list[Any]) -> Any:
        return map(func, items)


# ----------------------------------------------------------------------------- timing


def time_impl(impl: Impl, x: np.ndarray, runs: int, budget: float = 0.2) -> float:
    """Best wall time of at least ``runs`` calls, in seconds (one warm-up call first);
    more calls, up to 50, while the total stays under ``budget`` seconds, so that a
    quiet moment is caught on a busy machine."""
    raw, arg = impl, x
    if hasattr(impl, "raw"):  # JAX: keep the array on the device, time the kernel only
        raw, arg = impl.raw, impl.device(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            raw(arg)
            best, spent, count = math.inf, 0.0, 0
            while count < runs or (spent < budget and count < 50):
                t0 = time.perf_counter()
                raw(arg)
                elapsed = time.perf_counter() - t0
                best, spent, count = min(best, elapsed), spent + elapsed, count + 1
    return best


def timing_input(spec: act.Spec, dtype: str, n: int) -> np.ndarray:
    rng = np.random.default_rng(1)
    x = (4.0 * rng.standard_normal(n)).astype(dtype)
    if not spec.elementwise:
        x = x.reshape(-1, 1000 if n >= 10**5 else 100)
    return x


# ------------------------------------------------------------------------------ meta


def machine() -> tuple[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    cores = os.cpu_count() or 1
    return f"{platform.system()} {platform.machine()}, {cores} cores", cpu


def versions(peers: dict[str, Any]) -> dict[str, str | None]:
    torch, jax = peers.get("torch"), peers.get("jax")
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "mpmath": mpmath.__version__,
        "torch": torch.__version__ if torch is not None else None,
        "jax": jax.__version__ if jax is not None else None,
    }


# ------------------------------------------------------------------------------- main


def select(only: list[str] | None, quick: bool) -> list[act.Spec]:
    if only:
        return [act.get(n) for n in only]
    if quick:
        chosen = [s for s in act.specs() if s.name in QUICK_NAMES]
        return chosen or act.specs()[:2]
    return act.specs()


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    specs = select(args.only, args.quick)
    peers = {} if args.no_peers else {"torch": _import_torch(), "jax": _import_jax()}
    n_time = 10**5 if args.quick else 10**6
    runs = args.runs or (2 if args.quick else 5)

    # 1. Outputs of every implementation on the accuracy inputs (fast, in this process).
    tasks, impls_of = [], {}
    for spec in specs:
        quantities = QUANTITIES if spec.elementwise and spec.grad is not None else ("f",)
        for quantity in quantities:
            impls_of[spec.name, quantity] = implementations(spec, quantity, peers)
        for dtype in DTYPES:
            if spec.elementwise:
                x = accuracy_grid(spec, dtype, args.grid)
            elif spec.name in ROW_REFERENCES or spec.name in GLU_GATES:
                x = accuracy_rows(dtype, args.grid)
            else:
                print(f"{spec.name}: no row reference; accuracy not measured", file=sys.stderr)
                continue
            outputs: dict[str, dict[str, np.ndarray]] = {}
            for quantity in quantities:
                outputs[quantity] = {}
                for label, impl in impls_of[spec.name, quantity].items():
                    try:
                        y = _evaluate(impl, x, _out_shape(spec, impl, x))
                    except Exception as exc:  # a peer that rejects this dtype, say
                        print(f"{spec.name} {quantity} {dtype} {label}: {exc}", file=sys.stderr)
                        continue
                    outputs[quantity][label] = y
            tasks.append({"name": spec.name, "dtype": dtype, "x": x, "outputs": outputs})

    # 2. The mpmath truths and the summaries, on every core.
    jobs = max(1, min(args.jobs, len(tasks)))
    summaries: list[Any] = [None] * len(tasks)
    numbered = list(enumerate(tasks))
    with multiprocessing.get_context("spawn").Pool(jobs) if jobs > 1 else _Serial() as pool:
        for done, (i, summary, seconds) in enumerate(
            pool.imap_unordered(_numbered_task, numbered), start=1
        ):
            summaries[i] = summary
            if args.verbose:
                t = tasks[i]
                print(
                    f"[{done}/{len(tasks)}] accuracy {t['name']} {t['dtype']}: {seconds:.1f} s",
                    file=sys.stderr,
                )
    accuracy = {
        (t["name"], quantity, t["dtype"]): per_impl
        for t, s in zip(tasks, summaries, strict=True)
        for quantity, per_impl in s["summaries"].items()
    }
    corrections: dict[str, int] = {}
    for t, s in zip(tasks, summaries, strict=True):
        if s["corrections"]:
            corrections[t["name"]] = corrections.get(t["name"], 0) + s["corrections"]
    t_accuracy = time.perf_counter() - started

    # 3. Timing, one implementation at a time, nothing else running.
    results = []
    for spec in specs:
        for quantity in QUANTITIES:
            impls = impls_of.get((spec.name, quantity))
            if impls is None:
                continue
            for dtype in DTYPES:
                x = timing_input(spec, dtype, n_time)
                acc = accuracy.get((spec.name, quantity, dtype), {})
                for label in IMPLS:
                    if label not in impls:
                        continue
                    try:
                        seconds = time_impl(impls[label], x, runs)
                        ms = round(seconds * 1e3 * (10**6 / x.size), 4)
                    except Exception as exc:
                        print(f"{spec.name} {quantity} {dtype} {label}: {exc}", file=sys.stderr)
                        ms = None
                    row = acc.get(label) or {
                        "max_ulp": None,
                        "worst_x": None,
                        "violations": 0,
                        "nonfinite": 0,
                        "points": 0,
                    }
                    results.append(
                        {"name": spec.name, "quantity": quantity, "dtype": dtype, "impl": label,
                         **row, "ms_per_1e6": ms}
                    )  # fmt: skip
                    if args.verbose:
                        print(_line(results[-1]), file=sys.stderr)

    desc, cpu = machine()
    elapsed = time.perf_counter() - started
    return {
        "_generated": NOTICE,
        "meta": {
            "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
            "machine": desc,
            "cpu": cpu,
            "threads": 1,
            "versions": versions(peers),
            "catalog_fingerprint": catalog_fingerprint(),
            "grid": args.grid,
            "runs": runs,
            "elements_timed": n_time,
            "seconds": {"accuracy": round(t_accuracy, 1), "total": round(elapsed, 1)},
            "reference_corrections": corrections,
        },
        "results": results,
    }


def _out_shape(spec: act.Spec, impl: Impl, x: np.ndarray) -> tuple[int, ...]:
    """Elementwise: the input's shape; rows: one output row per input row (GLUs halve it)."""
    if spec.elementwise:
        return x.shape
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            width = np.shape(np.asarray(impl(x[:1])))[-1]
    return (x.shape[0], width)


def _line(r: dict[str, Any]) -> str:
    ulp = "—" if r["max_ulp"] is None else f"{r['max_ulp']:.3g}"
    ms = "—" if r["ms_per_1e6"] is None else f"{r['ms_per_1e6']:.3g} ms"
    return (
        f"{r['name']:>14} {r['quantity']:>4} {r['dtype']} {r['impl']:>8}: "
        f"{ulp:>9} ULP, {r['violations']:>4} violations, {ms}"
    )


def dump(data: dict[str, Any]) -> str:
    """Deterministic JSON: fixed key order inside each record, indent 1."""
    return json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few functions, small grid")
    parser.add_argument("--only", type=lambda s: [n for n in s.split(",") if n], default=None)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--grid",
        choices=sorted(GRIDS),
        default=None,
        help="accuracy grid (default: thinned; quick with --quick)",
    )
    parser.add_argument("--no-peers", action="store_true", help="skip PyTorch and JAX")
    parser.add_argument("--runs", type=int, default=0, help="timing runs (best of)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    args.grid = args.grid or ("quick" if args.quick else "thinned")
    data = run(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dump(data), encoding="utf-8")
    secs = data["meta"]["seconds"]
    print(
        f"benchmark: {len(data['results'])} rows, accuracy {secs['accuracy']} s, "
        f"total {secs['total']} s -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
