"""What is particular to the gated linear units and maxout (``src/activations/_glu.py``:
GLU, ReGLU, GEGLU, SwiGLU, maxout): accuracy and VJPs against mpmath, the order of the
halves, limits and tails, maxout's groups, derivations, parameters.  (Where the
textbook forms fail: test_catalog_accuracy.py.)

Accuracy rule (``activations.reference``): per element, error ≤ 4 + 2(κ_a + κ_b) ULP of
the true value (elementwise in the halves a and b); true values below the smallest
normal number need only be within it.  The truths are the library's
(``reference.row_truth``, ``reference.halves_vjp_truth``), cross-checked in
``test_reference.py``.  What every function of a row accepts (dtypes, axes, empty
rows, bad input) is in ``test_inputs.py``.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations import reference
from activations._symbolic import elementary

DTYPES = [np.float64, np.float32]
# The snippets' tests (test_snippets.py) measure against the same truths: in the same
# worker, the library's caches compute each of them once per run.
ROW_TRUTHS = pytest.mark.xdist_group("row-truths")
GLUS = [("glu", {}), ("reglu", {}), ("geglu", {}), ("geglu", {"approximate": "tanh"}),
        ("swiglu", {})]  # fmt: skip


# --------------------------------------------------------------------------- accuracy


@ROW_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "params"), GLUS, ids=lambda v: v if isinstance(v, str) else "")
def test_glu_matches_mpmath(name, params, dtype):
    spec = act.get(name)
    a, b = reference.halves_grid(dtype)
    x = np.stack([a, b], axis=-1)  # each row [a, b]: one output per row
    y = spec.fn(x, **params)[:, 0]
    assert y.dtype == dtype
    values, kappas = [], []
    for row in x.tolist():
        truth = reference.row_truth(spec, row, params=params)
        assert None not in truth.values, (name, row)
        values += truth.values
        kappas += truth.kappas
    truth = reference.Truth(values, kappas)
    reference.assert_meets_rule(y, truth, base=reference.base_ulps(spec), label=f"{name}{params}")


@ROW_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "params"), GLUS, ids=lambda v: v if isinstance(v, str) else "")
def test_glu_vjp_matches_mpmath(name, params, dtype):
    spec = act.get(name)
    a, b, g = reference.halves_vjp_grid(dtype)
    x = np.stack([a, b], axis=-1)
    v = spec.vjp(x, g[:, None], **params)
    assert v.shape == x.shape and v.dtype == dtype
    truths = reference.halves_vjp_truth(spec, a.tolist(), b.tolist(), g.tolist(), params=params)
    for half, truth in zip("ab", truths, strict=True):
        v_half = v[:, 0] if half == "a" else v[:, 1]
        label = f"{name} vjp ({half})"
        reference.assert_meets_rule(v_half, truth, base=reference.ROW_BASE, label=label)


@pytest.mark.parametrize(("name", "params"), GLUS, ids=lambda v: v if isinstance(v, str) else "")
def test_glu_vjp_matches_finite_differences(name, params):
    rng = np.random.default_rng(8)
    spec = act.get(name)
    x = rng.standard_normal((3, 8, 6)) * 2
    for axis in (1, -1):
        out_shape = list(x.shape)
        out_shape[axis] //= 2
        g = rng.standard_normal(out_shape)
        u = rng.standard_normal(x.shape)
        h = 1e-6

        def loss(t, g=g, u=u, axis=axis):
            return np.sum(g * spec.fn(x + t * u, axis=axis, **params))

        fd = (loss(h) - loss(-h)) / (2 * h)
        got = np.sum(spec.vjp(x, g, axis=axis, **params) * u)
        assert got == pytest.approx(fd, rel=1e-6, abs=1e-8)


# --------------------------------------------------------------------------- limits and tails


def test_glu_halves_order_and_limits():
    inf, nan = np.inf, np.nan
    # torch.nn.GLU order: first half is the value, second half the gate
    np.testing.assert_allclose(act.glu([2.0, 0.0]), [1.0])
    np.testing.assert_allclose(act.glu([0.0, 2.0]), [0.0])
    x = np.array([[inf, inf, -inf, 0.0, 3.0, nan, 1.0, 0.0], [-2.0, -800.0, 5.0, -inf, 0.0, 1.0,
                  nan, inf]])  # fmt: skip
    a, b = x[0], x[1]
    np.testing.assert_array_equal(act.glu(x, axis=0)[0], [inf, inf, -inf, 0.0, 1.5, nan, nan, 0])
    np.testing.assert_array_equal(act.reglu(x, axis=0)[0], [0.0, 0.0, -inf, 0.0, 0.0, nan, nan, 0])
    sw = act.swiglu(x, axis=0)[0]
    np.testing.assert_array_equal(sw, [-inf, -inf, -inf, 0.0, 0.0, nan, nan, 0.0])
    for approx in ("none", "tanh"):
        ge = act.geglu(x, axis=0, approximate=approx)[0]
        np.testing.assert_array_equal(ge, [-inf, -inf, -inf, 0.0, 0.0, nan, nan, 0.0])
    # a = ±inf with b = −inf (gate → 0): no limit
    for name in ("glu", "swiglu", "geglu"):
        assert np.isnan(act.get(name).fn([inf, -inf])).all(), name
    assert (a.size, b.size) == (8, 8)


def test_glu_tail_keeps_digits():
    # a huge, gate subnormal: a * h(b) computed in log space
    y = act.glu([1e300, -730.0])[0]
    with mpmath.workdps(40):
        t = mpmath.mpf(1e300) / (1 + mpmath.exp(730))
    assert abs(y - float(t)) <= 1e-13 * float(t)


def test_geglu_tanh_vjp_is_finite_for_huge_gates():
    # x = [a, b]: b³ overflows beyond about 1e103 (float64) or 1e13 (float32); GELU′(b) is
    # then 1 (b > 0) or 0 (b < 0), not inf·0 = NaN, so ∂/∂b = a·GELU′(b) = [2, 0]
    spec = act.get("geglu")
    for dtype, big in ((np.float64, 1e200), (np.float32, 1e30)):
        x = np.array([2.0, 3.0, big, -big], dtype=dtype)
        v = spec.vjp(x, np.ones(2, dtype=dtype), approximate="tanh")
        assert v.dtype == dtype
        np.testing.assert_array_equal(v, np.array([big, 0.0, 2.0, 0.0], dtype=dtype))


# --------------------------------------------------------------------------- maxout


def test_maxout_groups_and_vjp():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 12))
    for k in (1, 2, 3, 4, 6, 12):
        np.testing.assert_array_equal(act.maxout(x, pieces=k), x.reshape(3, -1, k).max(axis=-1))
        np.testing.assert_array_equal(
            act.maxout(x.T, pieces=k, axis=0), x.reshape(3, -1, k).max(axis=-1).T
        )
    g = rng.standard_normal((3, 4))
    v = act.get("maxout").vjp(x, g, pieces=3)
    assert v.shape == x.shape
    np.testing.assert_array_equal(v.reshape(3, 4, 3).sum(axis=-1), g)
    assert ((v.reshape(3, 4, 3) != 0).sum(axis=-1) <= 1).all()
    assert np.isnan(act.maxout([np.nan, 1.0, 2.0, 3.0])[0])
    assert act.maxout(np.float32([1, 2])).dtype == np.float32


# --------------------------------------------------------------------------- parameters and specs


@pytest.mark.parametrize("name", ["glu", "reglu", "geglu", "swiglu"])
def test_odd_split_names_axis_and_size(name):
    fn = act.get(name).fn
    with pytest.raises(ValueError, match=rf"{name}: axis 0 has odd size 3"):
        fn(np.zeros((3, 4)), axis=0)
    with pytest.raises(ValueError, match=rf"{name}: axis -1 has odd size 5"):
        fn(np.zeros((2, 5)))
    with pytest.raises(ValueError, match=name):
        fn(1.0)


def test_bad_parameters():
    with pytest.raises(ValueError, match="geglu: approximate"):
        act.geglu([1.0, 2.0], approximate="erf")
    with pytest.raises(TypeError, match="geglu: approximate"):
        act.geglu([1.0, 2.0], approximate=True)
    with pytest.raises(ValueError, match="maxout: axis -1 has size 5, not a multiple of pieces=2"):
        act.maxout(np.zeros(5))
    with pytest.raises(ValueError, match="maxout: pieces"):
        act.maxout(np.zeros(4), pieces=0)
    with pytest.raises(TypeError, match="maxout: pieces"):
        act.maxout(np.zeros(4), pieces=2.0)
    with pytest.raises(TypeError, match="swiglu: unexpected argument 'beta'"):
        act.swiglu(np.zeros(4), beta=1.0)


@pytest.mark.parametrize("name", ["glu", "reglu", "geglu", "swiglu"])
def test_glu_derivation_is_the_gradient(name):
    spec = act.get(name)
    a, b = sp.symbols("a b", real=True)
    first, last = spec.derivation[0].expr, spec.derivation[-1].expr
    want = sp.ImmutableMatrix([[sp.diff(spec.expr, a), sp.diff(spec.expr, b)]])
    for pt in (-2.5, -0.3, 0.7, 3.1):
        sub = {a: sp.Rational(17, 10), b: sp.nsimplify(pt)}
        for got in (first.doit(), last):
            diff = (elementary(got) - elementary(want)).subs(sub).evalf(30)
            assert all(abs(float(d)) < 1e-20 for d in diff), (name, pt)
    for v in spec.variants:
        assert v.expr.free_symbols <= {a, b}


def test_framework_defaults_recorded():
    glu_fw = {f.framework: f for f in act.get("glu").frameworks}
    assert glu_fw["PyTorch"].defaults["axis"] == -1
    assert act.get("geglu").params == {"approximate": "none"}
    assert act.get("maxout").params == {"pieces": 2}


# --------------------------------------------------------------------------- peers


def test_peers_agree_on_moderate_inputs_and_half_order():
    """The framework claims in the specs (torch/JAX names, the order of the halves)."""
    torch = pytest.importorskip("torch")
    jax_nn = pytest.importorskip("jax.nn")
    x = np.random.default_rng(12).standard_normal((6, 8)) * 3
    xt = torch.from_numpy(x)
    for ours, theirs in (
        (act.glu(x), torch.nn.functional.glu(xt, dim=-1)),
        (act.glu(x, axis=0), torch.nn.GLU(dim=0)(xt)),
    ):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(act.glu(x), np.asarray(jax_nn.glu(x.astype(np.float32))), rtol=1e-5)
