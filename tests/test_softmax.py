"""What is particular to the softmax family (``src/activations/_softmax.py``: softmax,
log-softmax, softmin, sparsemax, 1.5-entmax): accuracy and VJPs against mpmath,
limits, distributions, derivations, framework defaults.  (Where the textbook
algorithms fail: test_catalog_accuracy.py.)

Accuracy rule (``activations.reference``): per element, error ≤ 16 + 2Σκ ULP of the
true value (κ_j = |x_j ∂f_i/∂x_j / f_i| summed over the row); true values below the
smallest normal number need only be within it.  The truths are the library's
(``reference.row_truth``), cross-checked in ``test_reference.py``.  What every function
of a row accepts (dtypes, axes, empty rows, bad input) is in ``test_inputs.py``.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import activations as act
from activations import reference

DTYPES = [np.float64, np.float32]
ROWWISE = ["softmax", "log_softmax", "softmin", "sparsemax", "entmax15"]
# The snippets' tests (test_snippets.py) measure against the same truths: in the same
# worker, the library's caches compute each of them once per run.
ROW_TRUTHS = pytest.mark.xdist_group("row-truths")


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


def test_zero_dim_input_is_a_row_of_one():
    for name in ROWWISE:
        y = act.get(name).fn(np.float32(3.0))
        assert np.ndim(y) == 0 and y.dtype == np.float32
        assert float(y) == (0.0 if name == "log_softmax" else 1.0)


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


def test_framework_defaults_recorded():
    torch_fw = {f.framework: f for f in act.get("softmax").frameworks[::-1]}  # first entry
    assert torch_fw["PyTorch"].defaults["axis"] is act.IMPLICIT  # dim=None: implicit
    assert torch_fw["Keras 3"].defaults["axis"] == -1
    assert torch_fw["JAX"].defaults["axis"] == -1


# --------------------------------------------------------------------------- peers


def test_peers_agree_on_moderate_inputs_and_infinity():
    """The framework claims in the specs (torch/JAX names, NaN for +inf)."""
    torch = pytest.importorskip("torch")
    jax_nn = pytest.importorskip("jax.nn")
    rng = np.random.default_rng(12)
    x = rng.standard_normal((6, 8)) * 3
    xt = torch.from_numpy(x)
    for ours, theirs in (
        (act.softmax(x), torch.softmax(xt, dim=-1)),
        (act.log_softmax(x), torch.log_softmax(xt, dim=-1)),
        (act.softmin(x), torch.nn.functional.softmin(xt, dim=-1)),
    ):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-13, atol=1e-15)
    # torch gives NaN for any +inf in a row; the catalog gives the one-hot limit for one
    row = torch.tensor([0.0, float("inf"), 1.0], dtype=torch.float64)
    assert torch.isnan(torch.softmax(row, dim=0)).all()
    assert np.isnan(np.asarray(jax_nn.softmax(row.numpy().astype(np.float32)))).all()
    np.testing.assert_array_equal(act.softmax(row.numpy()), [0.0, 1.0, 0.0])
