"""The symbolic side of every spec: derivations, LaTeX, and grad = d/dx expr.

``grad`` against ``diff(expr)`` over the whole floating-point domain is
``test_catalog_accuracy.py``; here every step of each derivation is shown equal to
``diff(expr)`` at 50 significant digits (piecewise steps included, at random points
on both sides of every kink), and the LaTeX is shown to come from the expressions.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations import reference
from activations._symbolic import X, elementary, to_latex

ELEMENTWISE = [s for s in act.specs() if s.elementwise]
IDS = [s.name for s in ELEMENTWISE]


def _points(spec, n=24):
    rng = np.random.default_rng(7)
    pts = [*rng.uniform(-6, 6, n), 0.37, -0.37, 2.5, -2.5]
    for k in spec.kinks:
        pts += [k.at + 1e-3, k.at - 1e-3]
    return [float(p) for p in pts if all(abs(p - k.at) > 1e-9 for k in spec.kinks)]


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_each_derivation_step_equals_the_derivative(spec):
    assert spec.derivation, f"{spec.name} has no derivation"
    target = reference.mp_function(reference.expression(spec, spec.derivative_expr))
    for i, step in enumerate(spec.derivation):
        value = reference.mp_function(reference.expression(spec, step.expr.doit()))
        with mpmath.workdps(50):
            for x in _points(spec):
                want, got = target(mpmath.mpf(x)), value(mpmath.mpf(x))
                assert abs(got - want) <= mpmath.mpf(10) ** -40 * max(1, abs(want)), (
                    f"step {i} ({step.note!r}) differs from d/dx f at x={x}: {got} vs {want}"
                )


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_smooth_derivations_simplify_symbolically(spec):
    """Where no piece is involved, SymPy proves the last step equals diff(expr)."""
    last = spec.derivation[-1].expr.doit()
    if last.has(sp.Piecewise) or spec.expr.has(sp.Piecewise):
        pytest.skip("piecewise: checked numerically on both sides of every kink")
    diff = sp.simplify(elementary(last - spec.derivative_expr).rewrite(sp.exp))
    assert diff == 0 or _is_numerically_zero(spec, diff)


def _is_numerically_zero(spec, expr):
    f = reference.mp_function(reference.expression(spec, expr))
    with mpmath.workdps(60):
        return all(abs(f(mpmath.mpf(x))) < mpmath.mpf(10) ** -45 for x in _points(spec))


@pytest.mark.parametrize("spec", act.specs(), ids=[s.name for s in act.specs()])
def test_latex_is_printed_from_the_expressions(spec):
    assert spec.formula == to_latex(spec.expr, spec.latex_names)
    for (latex, note), step in zip(spec.derivation_latex, spec.derivation, strict=True):
        assert latex == to_latex(step.expr, spec.latex_names)
        assert note == step.note
    assert "\\" in spec.formula or spec.formula.strip(), "empty formula"


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_expr_uses_only_declared_symbols(spec):
    allowed = {X, *spec.symbols.values()}
    stray = spec.expr.free_symbols - allowed
    assert not stray, f"{spec.name}: expr uses undeclared symbols {stray}"
    for v in spec.variants:
        assert v.expr.free_symbols <= allowed
