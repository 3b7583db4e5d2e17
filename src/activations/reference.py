"""High-precision reference values and the catalog's accuracy rule.

The truth for every elementwise function is its spec's SymPy expression evaluated
in mpmath, at a working precision chosen per point so that the cancellations an
expression may contain (``1 - tanh``, ``log(1 + e^x)``, ``x - tanh x``) are
resolved: at least 50 significant digits beyond them.  The test suite and the
benchmark both measure against it.

The accuracy rule (see :func:`allowed_ulps`): an error of at most ``4 + 2κ`` units in
the last place of the true value, where ``κ(x) = |x g′(x) / g(x)|`` is the condition
number of the computed quantity ``g``; a true value below the smallest normal
number needs only to be within that number; a true value beyond the largest
finite number must come back as ``±inf`` of the right sign.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from ._spec import Spec
from ._symbolic import MPMATH_NAMESPACE, X

BASE_DIGITS = 50
MAX_EXTRA_DIGITS = 1500


def working_digits(x: float) -> int:
    """Decimal digits to evaluate at for input ``x``.

    Cancellations in the expressions are at worst like ``1 - tanh(c x³)`` for large
    |x| (up to ~|x|³/2 digits) and ``x - tanh x`` for tiny |x| (~2 log10(1/|x|)
    digits).  Beyond :data:`MAX_EXTRA_DIGITS` any quantity that needs more is far
    below the smallest float64 subnormal.
    """
    ax = abs(x)
    if ax == 0 or not math.isfinite(ax):
        extra = 0.0
    elif ax > 4000:
        # exponential cancellations are below 1e-1700 here; what remains is x against
        # √(x² + b)-like terms, which need about 2·log10|x| digits
        extra = 2 * math.log10(ax) + 10
    elif ax >= 1:
        extra = MAX_EXTRA_DIGITS if ax > 15 else 0.5 * ax**3 + 10
    else:
        extra = min(MAX_EXTRA_DIGITS, -3 * math.log10(ax))
    return BASE_DIGITS + int(extra)


def _expr(spec: Spec, params: Mapping[str, Any], variant: str | None) -> sp.Expr:
    expr = spec.expr
    if variant is not None:
        expr = next(v.expr for v in spec.variants if v.label == variant)
    values = {**spec.params, **params}
    subs = {
        spec.symbols[k]: sp.nsimplify(v)
        for k, v in values.items()
        if k in spec.symbols and isinstance(v, int | float) and not isinstance(v, bool)
    }
    return expr.subs(subs)


@functools.lru_cache(maxsize=512)
def _compiled(spec_name: str, params: tuple, variant: str | None):
    """f, f′, f″ as one mpmath function (common subexpressions shared)."""
    from ._spec import get

    spec = get(spec_name)
    expr = _expr(spec, dict(params), variant)
    derivs = [expr, sp.diff(expr, X)]
    derivs.append(sp.diff(derivs[1], X))
    # Common subexpressions are shared, except across the pieces of a Piecewise: CSE
    # would hoist a piece's pole (1/(1 + x) at x = -1) out of the branch that guards it.
    cse = not any(d.has(sp.Piecewise) for d in derivs)
    return sp.lambdify(X, derivs, modules=[MPMATH_NAMESPACE, "mpmath"], cse=cse)


def reference(
    spec: Spec,
    x: float,
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """f(x), f′(x) and f″(x) of ``spec`` from its SymPy expression, in mpmath.

    ``x`` must be finite; the working precision is :func:`working_digits` (x).
    """
    func = _compiled(spec.name, tuple(sorted((params or {}).items())), variant)
    with mpmath.workdps(working_digits(x)):
        f, df, d2f = func(mpmath.mpf(float(x)))
        return mpmath.mpf(f), mpmath.mpf(df), mpmath.mpf(d2f)


@functools.lru_cache(maxsize=64)
def _reference_on_grid(
    spec_name: str, x_bytes: bytes, dtype: str, params: tuple, variant: str | None
) -> tuple:
    from ._spec import get

    spec = get(spec_name)
    x = np.frombuffer(x_bytes, dtype=dtype)
    return tuple(reference(spec, xi, params=dict(params), variant=variant) for xi in x.tolist())


@dataclass(frozen=True)
class Accuracy:
    """Per-point errors of one function against the reference."""

    x: np.ndarray
    y: np.ndarray
    truth: list
    ulps: np.ndarray  # error in units of the true value's last place (0 where exempt)
    allowed: np.ndarray  # 4 + 2κ (inf where the rule does not bound the error)
    ok: np.ndarray

    def worst(self, n: int = 5) -> list[str]:
        """The ``n`` worst violations (or the worst errors if none), for messages."""
        ratio = np.where(self.ok, self.ulps / np.maximum(self.allowed, 1) - 1e9, self.ulps)
        idx = np.argsort(ratio)[::-1][:n]
        return [
            f"x={self.x[i]!r}: got {self.y[i]!r}, true {mpmath.nstr(self.truth[i], 17)}, "
            f"{self.ulps[i]:.3g} ULP (allowed {self.allowed[i]:.3g})"
            for i in idx
        ]


def allowed_ulps(kappa: float, base: float = 4.0) -> float:
    """The rule: ``base + 2κ`` ULP."""
    return base + 2.0 * kappa


def ulp_error(y: float, t: mpmath.mpf, dtype: np.dtype) -> tuple[float, bool | None]:
    """Error of ``y`` in ULPs of ``t`` rounded to ``dtype``.

    Returns ``(ulps, verdict)`` where ``verdict`` is ``True``/``False`` when a special
    rule (underflow, overflow, NaN) decides on its own, else ``None``.
    """
    dtype = np.dtype(dtype)
    info = np.finfo(dtype)
    tiny, huge = float(info.tiny), float(info.max)
    if math.isnan(y):
        return math.inf, False
    if abs(t) > huge * (1 + float(info.eps) / 2):
        return (0.0, True) if (math.isinf(y) and (y > 0) == (t > 0)) else (math.inf, False)
    if math.isinf(y):
        return math.inf, False
    err = abs(mpmath.mpf(y) - t)
    if abs(t) < tiny:
        return float(err / tiny), bool(err <= tiny)
    with np.errstate(over="ignore"):
        t_rounded = np.abs(np.asarray(float(t), dtype=dtype))
        t_rounded = np.minimum(t_rounded, info.max)  # t may round up to the overflow threshold
        ulp = float(t_rounded - np.nextafter(t_rounded, dtype.type(0)))
    return float(err / mpmath.mpf(ulp)), None


def measure(
    spec: Spec,
    x: np.ndarray,
    *,
    order: int = 0,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
    base: float = 4.0,
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
    dtype = x.dtype
    ulps = np.zeros(x.shape)
    allowed = np.zeros(x.shape)
    ok = np.zeros(x.shape, dtype=bool)
    truths = []
    refs = _reference_on_grid(
        spec.name, x.tobytes(), x.dtype.str, tuple(sorted(params.items())), variant
    )
    for i, (xi, yi) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
        t, dt = refs[i][order], refs[i][order + 1]
        truths.append(t)
        kappa = abs(xi * dt / t) if t != 0 else (0.0 if xi * dt == 0 else math.inf)
        allowed[i] = allowed_ulps(float(kappa), base)
        ulps[i], verdict = ulp_error(yi, t, dtype)
        ok[i] = verdict if verdict is not None else ulps[i] <= allowed[i]
    return Accuracy(x, y, truths, ulps, allowed, ok)


def grid(
    dtype: Any,
    *,
    extra: tuple[float, ...] = (),
    n_log: int = 240,
    n_lin: int = 401,
    lin_span: float = 40.0,
) -> np.ndarray:
    """A fixed test grid over the whole finite domain of ``dtype``, both signs.

    Log-spaced magnitudes from the smallest subnormal to the largest finite number,
    a dense linear part around 0, the extremes themselves, ``extra`` points (kinks),
    and their floating-point neighbours.
    """
    dtype = np.dtype(dtype)
    info = np.finfo(dtype)
    lo = math.log10(float(info.smallest_subnormal))
    hi = math.log10(float(info.max))
    mags = np.concatenate(
        [
            np.array([10.0**e for e in np.linspace(lo, hi, n_log)[:-1]]),
            [info.smallest_subnormal, info.tiny, info.eps, 1.0, info.max],
        ]
    )
    mags = mags[mags <= float(info.max)].astype(dtype)
    lin = np.linspace(-lin_span, lin_span, n_lin).astype(dtype)
    pts = [mags, -mags, lin, np.array([0.0, -0.0], dtype=dtype)]
    for e in extra:
        c = np.asarray(e, dtype=dtype)
        pts.append(np.array([np.nextafter(c, -np.inf), c, np.nextafter(c, np.inf)], dtype))
    g = np.concatenate(pts).astype(dtype)
    g = g[np.isfinite(g)]
    return np.unique(g)
