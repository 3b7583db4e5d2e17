"""Every property a spec claims, checked against the function and its expression.

Definitions (the same ones the pages print):

- range ``(lo, hi, lo_included, hi_included)``: every value lies in it, the bounds
  are approached (attained when included), unbounded sides really are unbounded;
- monotonic: ``increasing`` means f′ > 0 wherever the true f′ is a normal number,
  ``non-decreasing`` f′ ≥ 0 with f′ = 0 somewhere, ``no`` f′ takes both signs;
- smoothness: f is C⁰/C¹/C² when it and its first 0/1/2 derivatives are continuous
  at every kink and the next one jumps at some kink; C^∞ has no kinks at all;
- saturation: the side(s) on which f′(x) → 0 as |x| → ∞ (the tails of
  :mod:`activations.properties`);
- self-gated: f(x) = x·g(x) with a gate 0 ≤ g ≤ 1;
- cost: counted from the expression's transcendental functions.

The properties that are computed rather than declared (mean output, zero-centred,
zero-gradient region, tails, dead units) are tested in ``test_computed_properties.py``.
"""

from __future__ import annotations

import itertools
import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from scipy import optimize

import activations as act
from activations import properties, reference
from activations._glu import _GroupMax as GroupMax
from activations._symbolic import Phi, X, sigmoid

ELEMENTWISE = [s for s in act.specs() if s.elementwise]
IDS = [s.name for s in ELEMENTWISE]
GRID = reference.grid(np.float64, n_log=160, n_lin=2001, lin_span=20.0)


def _expr(spec, order=0):
    """The spec's order-th derivative at its default parameters, as an mpmath function."""
    func = reference.elementwise_function(spec, (order,))
    return lambda x: func(x)[0]


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_range(spec):
    lo, hi, lo_in, hi_in = spec.properties.range
    y = spec.fn(GRID)
    assert np.all(y >= lo) and np.all(y <= hi), f"values outside [{lo}, {hi}]"
    x0 = GRID[(GRID > -20) & (GRID < 20)]
    for bound, sign, included in ((lo, 1, lo_in), (hi, -1, hi_in)):
        if math.isinf(bound):
            extreme = sign * np.min(sign * spec.fn(GRID))
            assert abs(extreme) > 1e100, f"claimed unbounded, but f stays within {extreme}"
            continue
        # The bound is approached: the grid's extreme, polished by a local optimiser.
        found = float(np.min(sign * spec.fn(GRID)))
        i = int(np.argmin(sign * spec.fn(x0)))
        try:
            res = optimize.minimize_scalar(
                lambda t, s=sign: s * float(spec.fn(t)), bracket=(x0[i - 1], x0[i], x0[i + 1])
            )
            found = min(found, float(res.fun))
        except (ValueError, IndexError):  # extreme at the edge: monotonic there
            pass
        extreme = sign * found
        assert abs(extreme - bound) <= 1e-9 * max(1.0, abs(bound)), (
            f"bound {bound} not approached (most extreme value found: {extreme})"
        )
        attained = bool(np.any(spec.fn(x0) == bound)) or abs(extreme - bound) < 1e-12
        if included:
            assert attained, f"bound {bound} claimed included but not attained on [-20, 20]"
        else:
            f = _expr(spec)
            with mpmath.workdps(60):
                for x in np.linspace(-30, 30, 61):
                    assert sign * (f(mpmath.mpf(float(x))) - bound) > 0, (
                        f"bound {bound} claimed excluded but attained at {x}"
                    )


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_monotonic(spec):
    claim = spec.properties.monotonic
    g = spec.grad(GRID)
    g = g[~np.isnan(g)]
    fprime = _expr(spec, 1)
    near = GRID[np.abs(GRID) < 50]
    if claim in ("increasing", "non-decreasing"):
        assert np.all(g >= 0)
        with mpmath.workdps(50):
            slopes = [fprime(mpmath.mpf(float(x))) for x in near]
        assert all(t >= 0 for t in slopes), "f′ < 0 somewhere"
        # Two neighbouring grid points with f′ = 0: f is flat on the interval between.
        flat = any(a == 0 and b == 0 for a, b in itertools.pairwise(slopes))
        assert flat == (claim == "non-decreasing"), f"claimed {claim}, flat stretch: {flat}"
        if claim == "increasing":  # f′ = 0 only at isolated points: positive beside them
            with mpmath.workdps(50):
                for x, t in zip(near, slopes, strict=True):
                    if t == 0:
                        h = mpmath.mpf(10) ** -6
                        assert fprime(x - h) > 0 and fprime(x + h) > 0, x
    elif claim == "decreasing":
        assert np.all(g < 0)
    else:
        assert np.any(g < 0) and np.any(g > 0), "claimed non-monotonic, but f′ keeps one sign"


def _jumps(spec, order):
    """Whether the order-th derivative jumps at each kink (left vs right limit)."""
    f = _expr(spec, order)
    out = []
    with mpmath.workdps(60):
        h = mpmath.mpf(10) ** -30
        for k in spec.kinks:
            a = mpmath.mpf(k.at)
            out.append(abs(f(a + h) - f(a - h)) > mpmath.mpf(10) ** -20)
    return out


SMOOTH_ORDER = {"discontinuous": 0, "C0": 1, "C1": 2, "C2": 3}


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_smoothness(spec):
    claim = spec.properties.smoothness
    if claim == "Cinf":
        assert not spec.kinks, "C∞ functions have no kinks"
        assert not spec.expr.has(sp.Piecewise) or not spec.kinks
        return
    assert spec.kinks, f"{claim} claimed, but no kink is declared"
    n = SMOOTH_ORDER[claim]
    for order in range(n):
        assert not any(_jumps(spec, order)), f"derivative {order} jumps at a kink"
    assert any(_jumps(spec, n)), f"derivative {n} is continuous at every kink: not {claim}"


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_saturation(spec):
    # The declared side(s) are the ones the computed tails say f′ → 0 on, and f′ is
    # below 1e-6 at 1e8 on exactly those sides.
    assert spec.properties.saturation == properties.saturation(spec)
    fprime = _expr(spec, 1)
    with mpmath.workdps(50):
        left = abs(fprime(mpmath.mpf(-1e8))) < 1e-6
        right = abs(fprime(mpmath.mpf(1e8))) < 1e-6
    got = {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
        (bool(left), bool(right)), "none"
    )
    assert spec.properties.saturation == got


@pytest.mark.parametrize(
    "spec",
    [s for s in ELEMENTWISE if s.properties.self_gated],
    ids=[s.name for s in ELEMENTWISE if s.properties.self_gated],
)
def test_self_gated(spec):
    x = GRID[(GRID != 0) & (np.abs(GRID) < 1e6)]
    gate = spec.fn(x) / x
    assert np.all(gate >= 0) and np.all(gate <= 1 + 1e-15)


_TRANSCENDENTAL = (sp.exp, sp.log, sp.tanh, sp.sin, sp.cos, sp.erf, sp.erfc, Phi, sigmoid)


_COMPARISONS = (sp.Piecewise, sp.Max, sp.Min, GroupMax)


def _copy(v) -> bool:
    """A value that is taken, not computed: a number, x, a parameter, an entry of x."""
    return v.is_number or isinstance(v, sp.Symbol | sp.Indexed)


def _cost(expr):
    n = sum(1 for node in sp.preorder_traversal(expr) if isinstance(node, _TRANSCENDENTAL))
    if n == 0:
        if not isinstance(expr, _COMPARISONS):
            return "arithmetic"
        pieces = [v for v, _ in expr.args] if isinstance(expr, sp.Piecewise) else expr.args
        return "comparison" if all(_copy(v) for v in pieces) else "arithmetic"
    return "one transcendental" if n == 1 else "several transcendentals"


def test_cost_counts_parameters_as_copies_and_sums_as_arithmetic():
    theta, v = sp.symbols("theta v", real=True)
    assert _cost(sp.Piecewise((X, X > theta), (v, True))) == "comparison"
    assert _cost(sp.Piecewise((X - theta, X > theta), (0, True))) == "arithmetic"


@pytest.mark.parametrize("spec", act.specs(), ids=[s.name for s in act.specs()])
def test_cost_follows_from_expression(spec):
    assert spec.properties.cost == _cost(spec.expr)
