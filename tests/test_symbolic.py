"""The symbolic side of every spec: derivations, LaTeX, and grad = d/dx expr.

``grad`` against ``diff(expr)`` over the whole floating-point domain is
``test_catalog_accuracy.py``; here every step of each derivation is shown equal to
``diff(expr)`` at 50 significant digits (piecewise steps included, at random points
on both sides of every kink), and the printer spells derivatives, sums, conditions
and exponents as a textbook does.  (That the displayed forms equal the expressions is
test_display.py; that the pages print the spec's LaTeX, test_generator.py.)
"""

from __future__ import annotations

import re

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations import reference
from activations._symbolic import (
    Phi,
    X,
    between,
    cases,
    elementary,
    sigmoid,
    to_latex,
)

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


# ---------------------------------------------------------------- the printer


def _after_derivative_operators(latex: str) -> list[str]:
    """The text after each d/d· or ∂/∂· operator (its denominator's closing brace)."""
    out = []
    for m in re.finditer(r"\\frac\{(?:d|\\partial)\}\{", latex):
        depth, i = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(latex[i], 0)
            i += 1
        out.append(latex[i:])
    return out


def test_a_derivative_applies_to_its_bracket_only():
    product_rule = sp.Add(
        sp.Mul(sp.Derivative(X, X), Phi(X), evaluate=False),
        sp.Mul(X, sp.Derivative(Phi(X), X), evaluate=False),
        evaluate=False,
    )
    assert to_latex(product_rule) == (
        r"\frac{d}{dx}\left[x\right] \cdot \Phi(x) + x \cdot \frac{d}{dx}\left[\Phi(x)\right]"
    )
    a = sp.Symbol("a", real=True)
    assert to_latex(sp.Derivative(a * X, a)) == r"\frac{\partial}{\partial a}\left[a x\right]"


@pytest.mark.parametrize("spec", act.specs(), ids=[s.name for s in act.specs()])
def test_every_derivative_in_a_derivation_is_bracketed(spec):
    for latex, _ in spec.derivation_latex:
        for rest in _after_derivative_operators(latex):
            assert rest.startswith(r"\left["), (spec.name, latex)
        assert r"\frac{d}{d x}" not in latex and r"{\partial x}" not in latex, latex


def test_textbook_spelling_of_sums_conditions_and_exponents():
    theta = sp.Symbol("theta", real=True)
    assert to_latex(sp.exp(X) - 1) == "e^{x} - 1"  # SymPy stores it as -1 + e^x
    assert to_latex(sp.Piecewise((X, X > theta), (0, True))) == (
        r"\begin{cases} x & \text{if } x > \theta \\ 0 & \text{otherwise} \end{cases}"
    )  # SymPy's Piecewise turns x > θ into θ < x
    assert to_latex(cases((1, between(-3, X, 3)), (0, True))).startswith(
        r"\begin{cases} 1 & \text{if } -3 < x < 3"
    )
    assert to_latex(sp.exp(-(X**2) / 2)) == "e^{- x^{2} / 2}"
    assert to_latex(sp.log(sigmoid(X))) == r"\log \sigma(x)"
    # growing parentheses only around tall content (they add a thin space before them)
    assert (
        to_latex(sp.Mul(sigmoid(X), 1 - sigmoid(X), evaluate=False)) == r"\sigma(x) (1 - \sigma(x))"
    )
    assert to_latex(sp.tanh(X / 2) ** 2) == r"\tanh^{2}\mathopen{}\left(\frac{x}{2}\right)"
    assert to_latex(theta * X) == r"\theta x" and to_latex(X * theta) == r"\theta x"
    lam = sp.Symbol("lambda", positive=True)
    selu_like = sp.Mul(lam, sp.Piecewise((X, X > 0), (0, True)), evaluate=False)
    assert to_latex(selu_like).startswith(r"\lambda \begin{cases}")  # no parentheses


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_expr_uses_only_declared_symbols(spec):
    allowed = {X, *spec.symbols.values()}
    stray = spec.expr.free_symbols - allowed
    assert not stray, f"{spec.name}: expr uses undeclared symbols {stray}"
    for v in spec.variants:
        assert v.expr.free_symbols <= allowed
