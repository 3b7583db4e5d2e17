"""What "exact" means: a spec's SymPy expression evaluated in mpmath.

Two ways to choose the working precision, each defined once here:

* :func:`reference` picks it ahead of time from |x| (:func:`working_digits`), enough
  for every cancellation the catalog's expressions contain.  The test suite measures
  every elementwise function against it over the whole floating-point domain.
* :func:`ladder` evaluates at rising precision (:data:`LADDER`) until two agree.  It
  is cheaper where the ahead-of-time choice is generous (the plots, the GLUs) and it
  double-checks :func:`reference` wherever the benchmark finds a result off.
"""

from __future__ import annotations

import functools
import math
import struct
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import mpmath
import sympy as sp

from .._spec import Spec
from .._symbolic import MPMATH_NAMESPACE, X

BASE_DIGITS = 50
MAX_EXTRA_DIGITS = 1500

LADDER = (60, 120, 240, 480, 960, 1920, 3840)
"""Working precisions (decimal digits) tried in turn by :func:`ladder`."""

RESOLVE_MARGIN = 10
"""Digits the ladder keeps beyond the agreement it asks for, against terms of order 1."""


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


def _real(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def variant_of(spec: Spec, params: Mapping[str, Any] | None) -> str | None:
    """The label of the variant that ``params`` select (None: the spec's own expression)."""
    given = params or {}
    for v in spec.variants:
        if v.kwargs and all(k in given and given[k] == val for k, val in v.kwargs.items()):
            return v.label
    return None


def expression(
    spec: Spec,
    expr: sp.Expr | None = None,
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> sp.Expr:
    """``expr`` with the spec's numeric parameter values substituted (``params``
    overriding the defaults).  ``expr`` defaults to the spec's expression, or to that
    of its ``variant``, which ``params`` may also select (GELU's ``approximate="tanh"``)."""
    if expr is None:
        expr = spec.expr
        if variant is None:
            variant = variant_of(spec, params)
        if variant is not None:
            expr = next(v.expr for v in spec.variants if v.label == variant)
    values = {**spec.params, **(params or {})}
    symbols = spec.symbols
    subs = {symbols[k]: sp.nsimplify(v) for k, v in values.items() if k in symbols and _real(v)}
    return expr.subs(subs)


def derivatives(expr: sp.Expr, n: int, symbol: sp.Symbol = X) -> list[sp.Expr]:
    """``[expr, expr′, …, expr⁽ⁿ⁾]`` with respect to ``symbol``."""
    out = [expr]
    for _ in range(n):
        out.append(sp.diff(out[-1], symbol))
    return out


def mp_function(exprs: sp.Expr | Sequence[sp.Expr], args: Any = X) -> Callable[..., Any]:
    """``exprs`` (one expression or a list) as an mpmath function of ``args``.

    The catalog's named functions (σ, Φ) map to their accurate mpmath versions.  The
    result is computed at the caller's working precision (``mpmath.workdps``).  A list
    shares its common subexpressions, except across the pieces of a Piecewise: CSE
    would hoist a piece's pole (1/(1 + x) at x = -1) out of the branch that guards it.
    """
    many = isinstance(exprs, list | tuple)
    items = list(exprs) if many else [exprs]
    cse = many and not any(sp.sympify(e).has(sp.Piecewise) for e in items)
    target = items if many else exprs
    return sp.lambdify(args, target, modules=[MPMATH_NAMESPACE, "mpmath"], cse=cse)


@functools.lru_cache(maxsize=512)
def _compiled(spec_name: str, params: tuple, variant: str | None, orders: tuple[int, ...]):
    """The spec's derivatives of the given orders as one mpmath function of x."""
    from .._spec import get

    expr = expression(get(spec_name), params=dict(params), variant=variant)
    found = derivatives(expr, max(orders))
    return mp_function([found[k] for k in orders])


def elementwise_function(
    spec: Spec,
    orders: Sequence[int] = (0, 1, 2),
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> Callable[[mpmath.mpf], list]:
    """x ↦ the list of the spec's derivatives of the given ``orders`` (0 is f itself),
    from its expression, in mpmath (cached)."""
    return _compiled(spec.name, tuple(sorted((params or {}).items())), variant, tuple(orders))


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
    func = elementwise_function(spec, params=params, variant=variant)
    with mpmath.workdps(working_digits(x)):
        f, df, d2f = func(mpmath.mpf(float(x)))
        return mpmath.mpf(f), mpmath.mpf(df), mpmath.mpf(d2f)


@functools.lru_cache(maxsize=64)
def _compiled_parameter_derivative(spec_name: str, name: str) -> tuple[Callable[..., Any], tuple]:
    """∂f/∂p as an mpmath function of x and the real parameters (their names second)."""
    from .._spec import get

    spec = get(spec_name)
    real = tuple(k for k, v in spec.params.items() if k in spec.symbols and _real(v))
    args = (X, *(spec.symbols[k] for k in real))
    return mp_function(sp.diff(spec.expr, spec.symbols[name]), args), real


def parameter_derivative(
    spec: Spec, name: str, x: float, *, params: Mapping[str, Any] | None = None
) -> mpmath.mpf:
    """∂f/∂p at ``x`` for the parameter ``p`` called ``name`` (the truth for
    ``spec.param_grads[name]``), from the spec's SymPy expression in mpmath at
    :func:`working_digits` (x), the real parameters at ``params`` (overriding the
    defaults) taken exactly as the floats they are.

    >>> import activations as act
    >>> float(parameter_derivative(act.get("prelu"), "weight", -2.0))
    -2.0
    """
    func, real = _compiled_parameter_derivative(spec.name, name)
    values = {**spec.params, **(params or {})}
    with mpmath.workdps(working_digits(x)):
        return +mpmath.mpf(func(*(mpmath.mpf(float(v)) for v in (x, *(values[k] for k in real)))))


def ladder(
    func: Callable[..., Any],
    *args: float,
    digits: Sequence[int] = (25, 3),
    cap: int | None = None,
    resolve: bool = True,
) -> tuple | None:
    """``func(*args)`` (a list of values) from the lowest precision of :data:`LADDER`
    whose result agrees with the next one: value ``i`` to ``digits[i]`` significant
    digits (the last entry of ``digits`` serves the rest).

    Two precisions that agree may both have lost the same terms: 1 + e⁻⁷⁰⁰ is 1 at 60
    and at 120 digits, and ``log`` of it 0.  So a value is only trusted from a
    precision that resolves it against terms of order 1 (:data:`RESOLVE_MARGIN` digits
    beyond ``digits[i]``), unless it is too small for any rung to resolve (far below
    every float); ``resolve=False`` drops this for functions known to hold no
    ill-conditioned step after a rounding (as ``log(1 + e^x)`` does).  A value
    that is exactly 0 at two precisions is not trusted (a cancellation may have lost
    everything) until the top of the ladder.  None if mpmath fails or nothing
    converges.

    With ``cap`` (a precision known to be enough, such as :func:`working_digits`) the
    ladder stops there: the values at ``cap`` are returned when no two lower
    precisions agree, and at once when all that is left unsettled are exact zeros.
    """
    rungs = LADDER if cap is None else (*(p for p in LADDER if p < cap), cap)
    prev, prev_precision = None, 0
    for precision in rungs:
        vals = _evaluate(func, args, precision)
        if vals is None:
            return None
        if prev is not None:
            tols = [digits[min(i, len(digits) - 1)] for i in range(len(vals))]
            agree = [
                _agree(a, b, tol, prev_precision if resolve else None, rungs[-1])
                for a, b, tol in zip(prev, vals, tols, strict=True)
            ]
            zero = [a == b == 0 for a, b in zip(prev, vals, strict=True)]
            if all(agree):
                return tuple(vals)
            if all(g or z for g, z in zip(agree, zero, strict=True)):
                if precision == rungs[-1]:
                    return tuple(vals)
                if cap is not None:
                    top = _evaluate(func, args, cap)
                    return None if top is None else tuple(top)
        prev, prev_precision = vals, precision
    return tuple(vals) if cap is not None else None


def _agree(a: mpmath.mpf, b: mpmath.mpf, tol: int, low: int | None, top: int) -> bool:
    """``a`` (at ``low`` digits) and ``b`` agree to ``tol`` digits, and ``low`` digits
    resolve them against terms of order 1 (or no rung up to ``top`` could; or ``low``
    is None: not asked)."""
    if b == 0 or abs((a - b) / b) >= mpmath.mpf(10) ** -tol:
        return False
    if low is None:
        return True
    needed = tol + RESOLVE_MARGIN
    return abs(b) >= mpmath.mpf(10) ** (needed - low) or abs(b) < mpmath.mpf(10) ** (needed - top)


def _evaluate(func: Callable[..., Any], args: tuple, precision: int) -> list | None:
    try:
        with mpmath.workdps(precision):
            return [+mpmath.mpf(v) for v in func(*(mpmath.mpf(a) for a in args))]
    except (ArithmeticError, ValueError):
        return None


def checked_truths(
    spec: Spec,
    order: int,
    x: Sequence[float],
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> list[tuple[Any, Any] | None]:
    """(g, g′) at every x for g = f (order 0) or f′ (order 1), from the spec's SymPy
    expression in mpmath, by the :func:`ladder` (g to 25 digits, g′ to 3).

    Much faster than :func:`reference` where that works at 1550 digits (|x| > 15); the
    plots of the Accuracy & speed page need a few hundred points in a few seconds.
    """
    from . import _store

    func = elementwise_function(spec, (order, order + 1), params=params, variant=variant)
    points = [float(xi) for xi in x]
    expr = expression(spec, params=params, variant=variant)
    k = _store.key(expr, struct.pack(f"<{len(points)}d", *points), f"ladder-{order}")
    return list(_store.stored(spec.name, k, lambda: tuple(ladder(func, xi) for xi in points)))
