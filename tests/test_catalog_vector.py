"""The softmax family and the gated linear units against mpmath, and their contracts.

Accuracy rule (``activations.reference``): per element, error ≤ 16 + 2Σκ ULP of the
true value for the softmax family (κ_j = |x_j ∂f_i/∂x_j / f_i| summed over the row),
4 + 2(κ_a + κ_b) for the GLUs (elementwise in the halves a and b); true values below
the smallest normal number need only be within it.  The truths are the library's
(``reference.row_truth``), cross-checked in ``test_reference.py``.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import scipy
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.exceptions import AxisError

import activations as act
from activations import reference
from activations._symbolic import elementary

DTYPES = [np.float64, np.float32]
ROWWISE = ["softmax", "log_softmax", "softmin", "sparsemax", "entmax15"]
ALL = [*ROWWISE, "glu", "reglu", "geglu", "swiglu", "maxout"]
# The snippets' tests (test_snippets.py) measure against the same truths: in the same
# worker, the library's caches compute each of them once per run.
ROW_TRUTHS = pytest.mark.xdist_group("row-truths")
GLUS = [("glu", {}), ("reglu", {}), ("geglu", {}), ("geglu", {"approximate": "tanh"}),
        ("swiglu", {})]  # fmt: skip


# --------------------------------------------------------------------------- inputs


def row_cases():
    for dtype in DTYPES:
        for n in reference.ROW_LENGTHS:
            for kind in reference.ROW_KINDS:
                yield pytest.param(kind, n, dtype, id=f"{kind}-n{n}-{np.dtype(dtype).name}")


# --------------------------------------------------------------------------- accuracy


@ROW_TRUTHS
@pytest.mark.parametrize(("kind", "n", "dtype"), list(row_cases()))
def test_softmax_family_matches_mpmath(kind, n, dtype):
    x = reference.row(kind, n, dtype)
    row = x.tolist()
    for name in ROWWISE:
        if name == "softmin" and kind == "neginf":
            continue  # softmin of a row with −inf entries is the +inf case, tested below
        spec = act.get(name)
        truth = reference.row_truth(spec, row)
        reference.assert_meets_rule(spec.fn(x), truth, base=reference.base_ulps(spec), label=name)


@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
def test_batched_rows_match_row_by_row(dtype):
    rows = np.stack(
        [reference.row(kind, 100, dtype, 7 + i) for i, kind in enumerate(reference.ROW_KINDS)]
    )
    for name in ROWWISE:
        fn = act.get(name).fn
        whole = fn(rows)
        for i in range(rows.shape[0]):
            np.testing.assert_array_equal(whole[i], fn(rows[i]), err_msg=name)
        # along axis 0 of the transpose: the same numbers
        np.testing.assert_array_equal(fn(rows.T, axis=0), whole.T, err_msg=name)


# --------------------------------------------------------------------------- VJPs


@ROW_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize("n", reference.VJP_LENGTHS)
@pytest.mark.parametrize("name", ROWWISE)
def test_vjp_matches_mpmath_jacobian(name, n, dtype):
    spec = act.get(name)
    for kind, x, g in reference.vjp_rows(n, dtype):
        v = spec.vjp(x, g)
        assert v.dtype == dtype
        truth = reference.row_vjp_truth(spec, x.tolist(), g.tolist())
        reference.assert_meets_rule(v, truth, base=reference.ROW_BASE, label=f"{name} {kind}")


@pytest.mark.parametrize("name", ROWWISE)
def test_vjp_matches_finite_differences(name):
    rng = np.random.default_rng(5)
    spec = act.get(name)
    for axis in (0, 1, -1):
        x = rng.standard_normal((4, 6, 5)) * 2
        g = rng.standard_normal(x.shape)
        u = rng.standard_normal(x.shape)
        h = 1e-6

        def loss(t, x=x, g=g, u=u, axis=axis):
            return np.sum(g * spec.fn(x + t * u, axis=axis))

        fd = (loss(h) - loss(-h)) / (2 * h)
        assert np.sum(spec.vjp(x, g, axis=axis) * u) == pytest.approx(fd, rel=1e-6, abs=1e-8)


# --------------------------------------------------------------------------- limits


def test_softmax_limits_and_nan():
    inf, nan = np.inf, np.nan
    np.testing.assert_array_equal(act.softmax([0.0, inf, -inf, 5.0]), [0, 1, 0, 0])
    np.testing.assert_array_equal(act.log_softmax([0.0, inf]), [-inf, 0.0])
    assert np.signbit(act.log_softmax([0.0, inf])[1]) == np.False_
    assert np.isnan(act.softmax([inf, 1.0, inf])).all()  # no limit
    assert np.isnan(act.softmax([-inf, -inf])).all()  # no limit
    assert np.isnan(act.log_softmax([-inf, -inf, -inf])).all()
    np.testing.assert_array_equal(act.softmax([-inf]), [1.0])  # a 1-row is always 1
    np.testing.assert_array_equal(act.log_softmax([-inf]), [0.0])
    for name in ROWWISE:
        fn = act.get(name).fn
        y = fn([[1.0, nan, 2.0], [1.0, 2.0, 3.0]])
        assert np.isnan(y[0]).all() and not np.isnan(y[1]).any(), name
        assert np.isnan(fn([nan])).all(), name
    np.testing.assert_array_equal(act.softmin([0.0, -inf, 3.0]), [0, 1, 0])
    np.testing.assert_array_equal(act.sparsemax([0.0, inf, -inf]), [0, 1, 0])
    assert np.isnan(act.sparsemax([inf, inf, 0.0])).all()
    np.testing.assert_array_equal(act.sparsemax([-inf, 0.0, 0.25]), [0, 0.375, 0.625])


TEXTBOOK_ROWS = {  # the paper algorithms on raw scores, as the specs' `naive.why` describe
    "sparsemax": "z = np.sort(x, axis=-1)[..., ::-1]; k = np.arange(1, x.shape[-1] + 1); "
    "cs = np.cumsum(z, axis=-1); kz = np.sum(1 + k * z > cs, axis=-1, keepdims=True); "
    "tau = (np.take_along_axis(cs, kz - 1, axis=-1) - 1) / kz; np.maximum(x - tau, 0)",
    "entmax15": "z = x / 2; s = np.sort(z, axis=-1)[..., ::-1]; k = np.arange(1, x.shape[-1] + 1); "
    "mean = np.cumsum(s, axis=-1) / k; ss = k * (np.cumsum(s**2, axis=-1) / k - mean**2); "
    "tau = mean - np.sqrt(np.maximum((1 - ss) / k, 0)); "
    "n = np.sum(tau <= s, axis=-1, keepdims=True); "
    "np.maximum(z - np.take_along_axis(tau, n - 1, axis=-1), 0) ** 2",
}


def _textbook(spec, x, **params):
    """Evaluate the textbook form: ``spec.naive.fn`` or :data:`TEXTBOOK_ROWS`."""
    *setup, last = TEXTBOOK_ROWS.get(spec.name, spec.naive.fn).split("; ")
    ns = {"np": np, "scipy": scipy, "x": np.asarray(x), **spec.params, **params}
    with np.errstate(all="ignore"):
        exec("; ".join(setup), ns)
        return np.asarray(eval(last, ns))


TEXTBOOK_FAILS = [  # (name, input row, params): where each spec's `naive.why` says
    ("softmax", [710.0, 0.0], {}),
    ("log_softmax", [50.0, 0.0], {}),
    ("softmin", [-710.0, 0.0], {}),
    ("sparsemax", [1e17, 0.0], {}),
    ("entmax15", [1e4 + 0.3, 1e4, 1e4 - 0.2, 1e4 - 5], {}),
    ("glu", [1e300, -730.0], {}),
    ("swiglu", [1e300, -730.0], {}),
    ("geglu", [1.0, -10.0], {}),
]


@pytest.mark.parametrize(("name", "row", "params"), TEXTBOOK_FAILS,
                         ids=[c[0] for c in TEXTBOOK_FAILS])  # fmt: skip
def test_textbook_form_fails_where_the_catalog_does_not(name, row, params):
    spec = act.get(name)
    t = np.array([float(v) for v in reference.row_truth(spec, row, params=params).values])
    ours = spec.fn(np.array(row), **params)
    theirs = _textbook(spec, np.array(row), **params)
    assert ours.shape == theirs.shape == t.shape
    np.testing.assert_allclose(ours, t, rtol=1e-12, atol=0)
    with np.errstate(all="ignore"):
        rel = np.abs(theirs - t) / np.abs(t)
    # at least a million ULP off somewhere (or inf/NaN), as the spec's `naive.why` says
    assert np.any(rel > 1e-10) or not np.isfinite(theirs).all(), theirs


def test_textbook_forms_agree_on_moderate_inputs():
    rng = np.random.default_rng(6)
    x = rng.standard_normal((4, 10))
    for name in ALL:
        spec = act.get(name)
        if spec.naive.fn is None and name not in TEXTBOOK_ROWS:
            continue
        kwargs = {"pieces": 2} if name == "maxout" else {}
        np.testing.assert_allclose(_textbook(spec, x), spec.fn(x, **kwargs), rtol=1e-9, atol=1e-12)


# --------------------------------------------------------------------------- properties


@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
def test_sparsemax_is_a_sparse_distribution(dtype):
    rng = np.random.default_rng(11)
    x = (rng.standard_normal((200, 50)) * 3).astype(dtype)
    p = act.sparsemax(x)
    assert p.dtype == dtype
    assert (p >= 0).all()
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=50 * np.finfo(dtype).eps)
    assert (p == 0).sum() > x.size // 2  # many exact zeros at this scale
    # exact zeros are exactly the entries at or below the threshold
    support = p > 0
    tau = np.max(np.where(support, x - p, -np.inf), axis=-1, keepdims=True)
    assert (x[~support] <= (tau + 1e-5 * np.maximum(1, np.abs(tau))).repeat(50, 1)[~support]).all()


@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
def test_softmax_sums_to_one_and_is_shift_invariant(dtype):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal((100, 37)) * 5).astype(dtype)
    eps = float(np.finfo(dtype).eps)
    s = act.softmax(x)
    np.testing.assert_allclose(s.sum(axis=-1), 1.0, rtol=8 * eps)
    for c in (1.0, -20.0, 64.0):
        shifted = act.softmax(x + dtype(c))  # x + c rounds, so allow the κ of the shift
        np.testing.assert_allclose(shifted, s, rtol=64 * eps * (abs(c) + 20), atol=0)


@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
def test_log_softmax_is_log_of_softmax(dtype):
    rng = np.random.default_rng(4)
    x = (rng.standard_normal((50, 20)) * 30).astype(dtype)
    s = act.softmax(x).astype(np.float64)
    ok = s > np.finfo(dtype).tiny
    ls = act.log_softmax(x).astype(np.float64)
    eps = float(np.finfo(dtype).eps)
    np.testing.assert_allclose(ls[ok], np.log(s[ok]), rtol=32 * eps, atol=4 * eps)
    assert (ls <= 0).all()


@settings(max_examples=60, deadline=None)
@given(
    hnp.arrays(
        st.sampled_from([np.float16, np.float32, np.float64]),
        hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=6),
        elements={
            "allow_nan": False,
            "allow_infinity": False,
            "min_value": -1e4,
            "max_value": 1e4,
        },
    ),
    st.integers(-3, 2),
)
def test_probability_outputs_property(x, axis):
    axis = axis % x.ndim
    for name in ("softmax", "softmin", "sparsemax", "entmax15"):
        y = act.get(name).fn(x, axis=axis)
        assert y.dtype == x.dtype and y.shape == x.shape
        assert np.isfinite(y).all() and (y >= 0).all() and (y <= 1).all()
        tol = 0.01 if x.dtype == np.float16 else 1e-5
        np.testing.assert_allclose(y.astype(np.float64).sum(axis=axis), 1.0, atol=tol)
    assert (act.log_softmax(x, axis=axis) <= 0).all()


# --------------------------------------------------------------------------- I/O


@pytest.mark.parametrize("name", ALL)
def test_dtypes_shapes_and_axes(name):
    fn = act.get(name).fn
    x = np.random.default_rng(0).standard_normal((2, 4, 6))
    for dtype in (np.float16, np.float32, np.float64):
        assert fn(x.astype(dtype)).dtype == dtype
    assert fn(np.arange(4)).dtype == np.float64
    assert fn([True, False]).dtype == np.float64
    np.testing.assert_array_equal(fn([1.0, 2.0, 3.0, 4.0]), fn(np.array([1.0, 2.0, 3.0, 4.0])))
    for axis in range(-3, 3):
        y = fn(x, axis=axis)
        ref = np.moveaxis(fn(np.moveaxis(x, axis, -1)), -1, axis)
        np.testing.assert_array_equal(y, ref)
    empty = fn(np.zeros((3, 0)))
    assert empty.shape == (3, 0) and empty.dtype == np.float64
    assert fn(np.zeros((0, 4)), axis=-1).shape[0] == 0


def test_zero_dim_input_is_a_row_of_one():
    for name in ROWWISE:
        y = act.get(name).fn(np.float32(3.0))
        assert np.ndim(y) == 0 and y.dtype == np.float32
        assert float(y) == (0.0 if name == "log_softmax" else 1.0)


@pytest.mark.parametrize("name", ALL)
def test_bad_input(name):
    spec = act.get(name)
    fname = spec.fn.__name__
    with pytest.raises(TypeError, match=fname):
        spec.fn(np.array([1 + 2j, 3j]))
    with pytest.raises(TypeError, match=fname):
        spec.fn(["a", "b"])
    with pytest.raises(TypeError, match=fname):
        spec.fn(np.array([object(), object()]))
    with pytest.raises(AxisError, match=f"{fname}: axis"):
        spec.fn(np.zeros((2, 4)), axis=2)
    with pytest.raises(AxisError, match=f"{fname}: axis"):
        spec.fn(np.zeros((2, 4)), axis=-3)
    with pytest.raises(TypeError, match=fname):
        spec.fn(np.zeros((2, 4)), axis=1.0)
    vname = spec.vjp.__name__
    with pytest.raises(TypeError, match=vname):
        spec.vjp(np.zeros(4), np.array(["a", "b", "c", "d"]))
    with pytest.raises(ValueError, match=vname):
        spec.vjp(np.zeros(4), np.zeros(7))


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


# --------------------------------------------------------------------------- GLUs


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


# --------------------------------------------------------------------------- specs


def _concrete(expr, n=3):
    return expr.subs(sp.Symbol("n", integer=True, positive=True), n).doit()


@pytest.mark.parametrize("name", ["softmax", "log_softmax", "softmin"])
def test_softmax_derivation_steps_agree(name):
    spec = act.get(name)
    xb = sp.IndexedBase("x", real=True)
    sb = sp.IndexedBase("s", real=True)
    i, k = sp.symbols("i k", integer=True, positive=True)
    rng = np.random.default_rng(0)
    vals = rng.standard_normal(3)
    s_vals = np.exp(vals) / np.exp(vals).sum()
    sub = {xb[j + 1]: float(v) for j, v in enumerate(vals)}
    sub.update({sb[j + 1]: float(v) for j, v in enumerate(s_vals)})
    steps = [sp.Derivative(spec.expr, xb[k])] + [s.expr for s in spec.derivation]
    for ii in (1, 2, 3):
        for kk in (1, 2, 3):
            values = [
                float(_concrete(e).subs({i: ii, k: kk}).doit().subs(sub).evalf(30)) for e in steps
            ]
            assert values == pytest.approx([values[0]] * len(values), rel=1e-12, abs=1e-14)
    assert spec.formula.startswith(r"\frac{e^{{x}_{i}}}") or name != "softmax"


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


@pytest.mark.parametrize("name", ALL)
def test_specs_are_complete(name):
    spec = act.get(name)
    assert spec.elementwise is False and spec.grad is None and spec.vjp is not None
    assert spec.family in ("softmax", "glu")
    assert spec.formula and spec.derivative and spec.derivation
    assert spec.strengths and spec.weaknesses and spec.typical_use
    assert spec.paper is not None and spec.paper.year == spec.year
    assert {f.framework for f in spec.frameworks} == {"PyTorch", "Keras 3", "tf.keras 2", "JAX"}
    assert spec.fn.__doc__ and "Examples" in spec.fn.__doc__
    assert spec.fn.__name__ in act.__all__


def test_framework_defaults_recorded():
    torch_fw = {f.framework: f for f in act.get("softmax").frameworks[::-1]}  # first entry
    assert torch_fw["PyTorch"].defaults["axis"] is act.IMPLICIT  # dim=None: implicit
    assert torch_fw["Keras 3"].defaults["axis"] == -1
    assert torch_fw["JAX"].defaults["axis"] == -1
    glu_fw = {f.framework: f for f in act.get("glu").frameworks}
    assert glu_fw["PyTorch"].defaults["axis"] == -1
    assert act.get("geglu").params == {"approximate": "none"}
    assert act.get("maxout").params == {"pieces": 2}


# --------------------------------------------------------------------------- peers


def test_peers_agree_on_moderate_inputs_and_half_order():
    """The framework claims in the specs (torch/JAX names, GLU half order, NaN for +inf)."""
    torch = pytest.importorskip("torch")
    jax_nn = pytest.importorskip("jax.nn")
    rng = np.random.default_rng(12)
    x = rng.standard_normal((6, 8)) * 3
    xt = torch.from_numpy(x)
    for ours, theirs in (
        (act.softmax(x), torch.softmax(xt, dim=-1)),
        (act.log_softmax(x), torch.log_softmax(xt, dim=-1)),
        (act.softmin(x), torch.nn.functional.softmin(xt, dim=-1)),
        (act.glu(x), torch.nn.functional.glu(xt, dim=-1)),
        (act.glu(x, axis=0), torch.nn.GLU(dim=0)(xt)),
    ):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(act.glu(x), np.asarray(jax_nn.glu(x.astype(np.float32))), rtol=1e-5)
    # torch gives NaN for any +inf in a row; the catalog gives the one-hot limit for one
    row = torch.tensor([0.0, float("inf"), 1.0], dtype=torch.float64)
    assert torch.isnan(torch.softmax(row, dim=0)).all()
    assert np.isnan(np.asarray(jax_nn.softmax(row.numpy().astype(np.float32)))).all()
    np.testing.assert_array_equal(act.softmax(row.numpy()), [0.0, 1.0, 0.0])
