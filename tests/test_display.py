"""The displayed formulas: each spec's textbook form of f and f′ is its ``expr``.

Every display form (``display``, ``display_derivative``, ``display_also``, the
variants') is proven equal to the catalog's expression (or its derivative):
symbolically where SymPy reduces the difference to 0, for every x and every
parameter value; and at 50 significant digits, at the default parameters and at every
example value, on a grid that covers both sides of every kink and the kink itself
(where a piecewise form says which piece a kink belongs to, which SymPy's
simplification of piecewise expressions does not always check).  Forms of functions
of a whole row are proven on concrete rows, and where the expression leaves a symbol
open (τ of sparsemax), against the catalog's functions.  Every symbol a displayed
formula uses is defined under it on the page.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations._symbolic import (
    GELU,
    MPMATH_NAMESPACE,
    ROW,
    Phi,
    ReLU6,
    SiLU,
    Softplus,
    X,
    clip,
    delta,
    elementary,
    frac,
    max_,
    max_over,
    min_,
    phi,
    pos,
    sigmoid,
    softmax_at,
    standard,
)
from scripts.docgen import pages

ELEMENTWISE = [s for s in act.specs() if s.elementwise]
ROWS = [s for s in act.specs() if not s.elementwise]

# Forms SymPy's simplify does not reduce to 0 (checked at 50 digits instead), and why
# they are equal: hard tanh's clip equals the cases only for a < b, which hard_tanh
# requires; the others are equal everywhere but their conditions differ in form
# (|x| > λ against x > λ ∨ x < −λ; ReLU6 against three pieces).  A form leaves this
# set when symbolically_zero proves it.
NUMERIC_ONLY = {
    ("hard_tanh", "f"),
    ("hard_swish", "f"),
    ("hardshrink", "f"),
    ("hardshrink", "f′"),
    ("softshrink", "f′"),
}


def _forms(spec):
    """(label, display form, the expression it must equal) for each displayed form."""
    values = {t.symbol: t.value for t in spec.terms if t.value is not None}
    out = [("f", spec.display, spec.expr), ("f′", spec.display_derivative, spec.derivative_expr)]
    out += [("f, another form", form, spec.expr) for _, form in spec.display_also]
    out += [(f"f, {v.label}", v.display, v.expr) for v in spec.variants]
    return [(label, standard(form).subs(values), target) for label, form, target in out]


def symbolically_zero(difference) -> bool:
    e = elementary(standard(difference)).rewrite(sp.erf)
    e = sp.piecewise_fold(e.rewrite(sp.Piecewise))
    return sp.simplify(e.rewrite(sp.exp)) == 0


def _settings(spec):
    """The default parameters, then each example value of each parameter in turn."""
    numeric = [
        p
        for p in spec.parameters
        if isinstance(p.default, int | float) and not isinstance(p.default, bool)
    ]
    base = {p.name: p.default for p in numeric}
    out = [base]
    for p in numeric:
        for v in p.examples:
            if v != p.default:
                out.append({**base, p.name: v})
    return out


def _boundaries(expr) -> set:
    """Where a piece of expr begins or ends: the roots of its conditions."""
    found = set()
    e = standard(expr).rewrite(sp.Piecewise)
    for rel in e.atoms(sp.core.relational.Relational):
        if rel.has(X):
            found |= {r for r in sp.solve(sp.Eq(rel.lhs, rel.rhs), X) if r.is_real}
    return found


def _points(spec, exprs, subs):
    """Random points, and each kink, on it and on both sides of it (1e-3 and 1e-30 away)."""
    rng = np.random.default_rng(8)
    pts = [mpmath.mpf(float(p)) for p in rng.uniform(-6, 6, 24)]
    pts += [mpmath.mpf(p) for p in ("0.37", "-0.37", "2.5", "-2.5", "0")]
    kinks = {sp.nsimplify(k.at) for k in spec.kinks}
    for e in exprs:
        kinks |= _boundaries(e.subs(subs))
    for c in kinks:
        c = mpmath.mpf(sp.N(c, 60))
        pts += [c, c + mpmath.mpf("1e-3"), c - mpmath.mpf("1e-3")]
        pts += [c + mpmath.mpf("1e-30"), c - mpmath.mpf("1e-30")]
    return pts


def assert_equal_at_50_digits(spec, form, target, label="f"):
    """form == target at 50 significant digits, at every parameter setting."""
    for setting in _settings(spec):
        subs = {spec.symbols[k]: sp.nsimplify(v) for k, v in setting.items() if k in spec.symbols}
        got, want = (
            sp.lambdify(X, e.subs(subs).doit(), modules=[MPMATH_NAMESPACE, "mpmath"])
            for e in (form, target)
        )
        with mpmath.workdps(60):
            for x in _points(spec, (form, target), subs):
                g, w = got(x), want(x)
                assert g is not None and abs(g - w) <= mpmath.mpf(10) ** -50 * max(1, abs(w)), (
                    f"{spec.name} {label} at {setting}: display gives {g} at x = "
                    f"{mpmath.nstr(x, 20)}, the expression {w}"
                )


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=[s.name for s in ELEMENTWISE])
def test_display_forms_equal_the_expression(spec):
    assert spec.display is not None and spec.display_derivative is not None, spec.name
    for label, form, target in _forms(spec):
        if (spec.name, label) not in NUMERIC_ONLY:
            assert symbolically_zero(form - target), f"{spec.name} {label}"
        # also at the kinks themselves, which SymPy's piecewise simplification can miss
        assert_equal_at_50_digits(spec, form, target, label)


def test_a_wrong_display_form_is_caught():
    softsign, hardshrink, elu = act.get("softsign"), act.get("hardshrink"), act.get("elu")
    alpha, lam = elu.symbols["alpha"], hardshrink.symbols["lambd"]
    # 1 + x for 1 + |x|: right for x ≥ 0 only
    wrong = X / (1 + X)
    assert not symbolically_zero(wrong - softsign.expr)
    with pytest.raises(AssertionError, match="softsign"):
        assert_equal_at_50_digits(softsign, wrong, softsign.expr)
    # e^x + 1 for e^x − 1
    wrong = sp.Piecewise((X, X > 0), (alpha * (sp.exp(X) + 1), True))
    assert not symbolically_zero(wrong - elu.expr)
    with pytest.raises(AssertionError, match="elu"):
        assert_equal_at_50_digits(elu, wrong, elu.expr)
    # |x| ≥ λ for |x| > λ: differs only at the kinks ±λ themselves
    wrong = sp.Piecewise((X, sp.Abs(X) >= lam), (0, True), evaluate=False)
    with pytest.raises(AssertionError, match="hardshrink"):
        assert_equal_at_50_digits(hardshrink, wrong, hardshrink.expr)


# ---------------------------------------------------------------- rows

_N = sp.Symbol("n", integer=True, positive=True)
_I, _J, _K = sp.symbols("i j k", integer=True, positive=True)
_F = sp.IndexedBase("f", real=True)
_S = sp.IndexedBase("s", real=True)
_TAU = sp.Symbol(r"\tau", real=True)


def _row(expr, n, i):
    return standard(expr).subs({_N: n, _I: i}).doit()


SOFTMAX_LIKE = ["softmax", "log_softmax", "softmin"]
SPARSE = ["sparsemax", "entmax15"]
GLUS = ["glu", "reglu", "geglu", "swiglu"]


def test_every_function_of_a_row_has_its_display_forms_proven_below():
    assert {*SOFTMAX_LIKE, *SPARSE, *GLUS, "maxout"} == {s.name for s in ROWS}
    assert all(s.display is not None and s.display_derivative is not None for s in ROWS)


@pytest.mark.parametrize("name", SOFTMAX_LIKE)
def test_softmax_family_display_forms(name):
    spec, n = act.get(name), 3
    for i in range(1, n + 1):
        assert symbolically_zero(_row(spec.display, n, i) - _row(spec.expr, n, i)), i
        outputs = {_F[j]: _row(spec.expr, n, j) for j in range(1, n + 1)}
        for k in range(1, n + 1):
            shown = _row(spec.display_derivative, n, i).subs({_K: k}).subs(outputs).doit()
            want = sp.diff(_row(spec.expr, n, i), ROW[k])
            assert symbolically_zero(shown - want), (i, k)


def _solve_tau(definition, row) -> mpmath.mpf:
    """τ from its displayed defining equation, for a concrete row (50 digits)."""
    eq = standard(definition).subs(_N, len(row)).doit()
    vals = {ROW[j + 1]: sp.Float(v, 60) for j, v in enumerate(row)}
    g = sp.lambdify(_TAU, (eq.lhs - eq.rhs).subs(vals), modules="mpmath")
    lo, hi = mpmath.mpf(min(row)) - 2, mpmath.mpf(max(row))
    return mpmath.findroot(g, (lo, hi), solver="anderson")


@pytest.mark.parametrize("name", SPARSE)
def test_sparse_maps_display_forms(name):
    """f as displayed is expr for every τ; with τ from its displayed definition it is
    the catalog's function, and the displayed derivative its vector-Jacobian product."""
    spec = act.get(name)
    assert symbolically_zero(standard(spec.display) - spec.expr)
    tau_def = next(t.definition for t in spec.terms if t.symbol == _TAU)
    support = next((t.definition for t in spec.terms if t.symbol == _S), None)
    rng = np.random.default_rng(3)
    rows = [rng.standard_normal(5) * scale for scale in (0.3, 1.0, 4.0)] + [np.zeros(4)]
    for row in rows:
        n = len(row)
        with mpmath.workdps(50):
            tau = _solve_tau(tau_def, row.tolist())
            vals = {ROW[j + 1]: sp.Float(v, 60) for j, v in enumerate(row)}
            vals[_TAU] = sp.Float(tau, 50)
            p = [_row(spec.display, n, i).subs(vals) for i in range(1, n + 1)]
            np.testing.assert_allclose([float(v) for v in p], act.get(name).fn(row), atol=1e-15)
            given = {_F[j + 1]: p[j] for j in range(n)}
            if support is not None:
                given |= {
                    _S[j]: standard(support.rhs).subs(_J, j).subs(vals).doit()
                    for j in range(1, n + 1)
                }
            jac = np.array(
                [
                    [
                        float(
                            _row(spec.display_derivative, n, i)
                            .subs(_K, k)
                            .doit()
                            .subs(given)
                            .doit()
                        )
                        for k in range(1, n + 1)
                    ]
                    for i in range(1, n + 1)
                ]
            )
        vjp = np.array([spec.vjp(row, np.eye(n)[i]) for i in range(n)])
        np.testing.assert_allclose(jac, vjp, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", GLUS)
def test_glu_display_forms(name):
    spec = act.get(name)
    a, b = sp.symbols("a b", real=True)
    assert symbolically_zero(standard(spec.display) - spec.expr)
    shown = standard(spec.display_derivative)
    for got, wrt in zip(shown, (a, b), strict=True):
        assert symbolically_zero(got - sp.diff(spec.expr, wrt)), (name, wrt)
    for v in spec.variants:
        got = sp.lambdify((a, b), standard(v.display), modules=[MPMATH_NAMESPACE, "mpmath"])
        want = sp.lambdify((a, b), v.expr, modules=[MPMATH_NAMESPACE, "mpmath"])
        with mpmath.workdps(60):
            for bv in np.linspace(-6, 6, 25):
                av, bv = mpmath.mpf("1.7"), mpmath.mpf(float(bv))
                g, w = got(av, bv), want(av, bv)
                assert abs(g - w) <= mpmath.mpf(10) ** -50 * max(1, abs(w)), (name, bv)


def test_maxout_display_forms():
    """max over the displayed group is the catalog's maxout; the displayed derivative
    (1 at the first maximum) its vector-Jacobian product."""
    spec = act.get("maxout")
    z = next(t for t in spec.terms if t.symbol.name == "z").definition
    jstar = next(t.symbol for t in spec.terms if t.symbol.name == "j^*")
    pieces = spec.symbols["pieces"]
    rng = np.random.default_rng(5)
    for k in (2, 3):
        row = np.round(rng.standard_normal(3 * k), 1)
        row[1] = row[0]  # a tie: the first maximum takes the gradient
        groups = []
        for i in range(1, 4):
            entries = {
                z.lhs.subs({_I: i, _J: j}): z.rhs.subs({_I: i, _J: j, pieces: k})
                for j in range(1, k + 1)
            }
            value = standard(spec.display.subs(pieces, k).subs(_I, i)).subs(entries)
            groups.append(float(value.subs({ROW[m + 1]: float(v) for m, v in enumerate(row)})))
        np.testing.assert_array_equal(groups, act.maxout(row, pieces=k))
        g = rng.standard_normal(3)
        v = np.zeros_like(row)
        for i in range(1, 4):
            block = row[(i - 1) * k : i * k]
            for j in range(1, k + 1):
                d = spec.display_derivative.subs({_J: j, jstar: int(np.argmax(block)) + 1})
                v[(i - 1) * k + j - 1] = g[i - 1] * float(d)
        np.testing.assert_array_equal(v, spec.vjp(row, g, pieces=k))


# ---------------------------------------------------------------- symbols defined

# Functions a reader knows without a definition.
TEXTBOOK = {
    sp.exp,
    sp.log,
    sp.tanh,
    sp.sin,
    sp.cos,
    sp.Abs,
    sp.Piecewise,
    max_,
    min_,
    frac,
    max_over,
}


def _needs_definition(spec) -> set:
    """Every symbol, constant and function of the displayed formulas that is not x,
    the row x or the output f, nor a function every reader knows."""
    need = set()
    for e in spec.displayed:
        for s in e.free_symbols - {X, ROW.label, _F.label}:
            if isinstance(s, sp.Indexed):
                continue  # its base and indices are listed on their own
            need.add(s)
        need |= {c for c in e.atoms(sp.NumberSymbol) if c not in (sp.pi, sp.E)}
        for node in sp.preorder_traversal(e):
            if isinstance(node, sp.Function) and type(node) not in TEXTBOOK:
                need.add(type(node))
    return need


@pytest.mark.parametrize("spec", act.specs(), ids=[s.name for s in act.specs()])
def test_every_symbol_of_the_formulas_is_defined_under_them(spec):
    defined = {getattr(m.key, "label", m.key): m for m in spec.where}  # z for z_{ij}
    missing = _needs_definition(spec) - set(defined)
    assert not missing, f"{spec.name}: no definition for {missing}"
    page = pages.render(spec)
    block = page[page.index("## Formula") : page.index("![")]  # the formulas, before the plot
    for key in _needs_definition(spec):
        m = defined[key]
        assert f"- ${m.symbol}$ — " in block, (spec.name, m.symbol)
        if m.param is not None:
            assert f"Default: `{pages.fmt_value(m.param.default)}`" in block


def test_named_functions_are_what_their_definitions_say():
    """The definition printed under a formula is the meaning the proofs above use."""
    for fn in (sigmoid, Phi, phi, clip, pos, Softplus, ReLU6, GELU, SiLU, softmax_at, delta):
        lhs, rhs = fn.definition()
        if fn is Phi:
            rhs = standard(rhs).doit()
        if fn is delta:
            for i in (1, 2):
                for k in (1, 2):
                    pair = {sp.Symbol("i", integer=True): i, sp.Symbol("k", integer=True): k}
                    assert standard(lhs).subs(pair) == rhs.subs(pair), (i, k)
            continue
        diff = standard(lhs) - standard(rhs)
        if fn is softmax_at:
            diff = diff.subs(_N, 3).subs(_K, 2).doit()
        assert symbolically_zero(diff), fn.__name__
