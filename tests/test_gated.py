"""What is particular to the Gaussian- and self-gated family (``src/activations/_gated.py``:
GELU, SiLU/swish, quick GELU, hard swish, mish).

The generic suites run on every function: accuracy over the whole floating-point
domain (test_catalog_accuracy.py), inputs, limits, signed zeros and dtypes
(test_inputs.py), kink conventions, aliases and the gradients in a learnable parameter
at its example values (test_conformance.py), the tails where the textbook formulas
fail (test_catalog_accuracy.py). Here: the swish β-gradient at other β and in the
tails, GELU's ``approximate`` switch and its textbook thresholds, the derivative near
its zero, hard swish's kinks, the minima the properties quote.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import scipy.special

import activations as act
from activations import reference
from scripts.bench.textbook import textbook_function

# ----------------------------------------------------------------------------- swish β


@pytest.mark.parametrize("beta", [-1.5, 0.0])
def test_silu_beta_gradient_at_negative_and_zero_beta(beta):
    # (the default and the example values: test_conformance.py::
    # test_param_grads_match_the_expression)
    g = act.get("silu").param_grads["beta"]
    x = np.array([-6.0, -1.3, -0.2, 0.0, 0.7, 2.0, 9.0])
    h = 1e-6
    fd = (act.silu(x, beta=beta + h) - act.silu(x, beta=beta - h)) / (2 * h)
    # rounding of f (≤ 1e-15·|x|) divided by 2h bounds the finite-difference error
    np.testing.assert_allclose(g(x, beta=beta), fd, rtol=1e-6, atol=1e-8)
    for xi, gi in zip(x.tolist(), g(x, beta=beta).tolist(), strict=True):
        truth = reference.parameter_derivative(act.get("silu"), "beta", xi, params={"beta": beta})
        assert abs(gi - truth) <= 4e-16 * max(abs(truth), 1e-300) + 1e-300, (xi, gi, truth)


@pytest.mark.parametrize(("x", "beta"), [(-30.0, 1.0), (40.0, 1.0), (1e200, 1e-190), (3.0, 0.0)])
def test_silu_beta_gradient_in_the_tails(x, beta):
    # x = 1e200 with β = 1e-190: x² overflows, the gradient x²σ(βx)σ(−βx) is far below
    # the smallest subnormal
    truth = reference.parameter_derivative(act.get("silu"), "beta", x, params={"beta": beta})
    got = act.get("silu").param_grads["beta"](x, beta=beta)
    ulps, verdict = reference.ulp_error(float(got), truth, np.float64)
    assert verdict or (verdict is None and ulps <= 8), (got, truth)


def test_silu_beta_gradient_limits_and_dtype():
    g = act.get("silu").param_grads["beta"]
    x = np.array([-np.inf, np.inf, np.nan])
    np.testing.assert_array_equal(g(x), [0.0, 0.0, np.nan])
    np.testing.assert_array_equal(g(x[:2], beta=0.0), [np.inf, np.inf])
    assert g(np.float32(2.0)).dtype == np.float32
    assert act.get("silu").parameters[0].learnable


def test_silu_beta_family():
    x = np.linspace(-4, 4, 81)
    np.testing.assert_array_equal(act.silu(x, beta=0.0), x / 2)
    np.testing.assert_allclose(act.silu(x, beta=60.0), np.maximum(x, 0), atol=0.01)
    np.testing.assert_array_equal(act.quick_gelu(x), act.silu(x, beta=1.702))


# ----------------------------------------------------------------------------- GELU


@pytest.mark.parametrize("bad", ["exact", "Tanh", True, False, None, "erf"])
def test_gelu_rejects_unknown_approximate(bad):
    for func in (act.gelu, act.get("gelu").grad):
        with pytest.raises(ValueError, match="approximate") as info:
            func(1.0, approximate=bad)
        assert "gelu" in str(info.value) and repr(bad) in str(info.value)


def test_gelu_forms_and_framework_defaults():
    spec = act.get("gelu")
    assert spec.params == {"approximate": "none"}
    defaults = {fw.name: fw.defaults["approximate"] for fw in spec.frameworks}
    assert defaults == {
        "torch.nn.functional.gelu / torch.nn.GELU": "none",
        "keras.activations.gelu": "none",
        "keras.ops.gelu": "tanh",
        "tf.keras.activations.gelu / tf.nn.gelu": "none",
        "jax.nn.gelu": "tanh",
    }
    x = np.linspace(-4, 4, 81)
    exact, approx = act.gelu(x), act.gelu(x, approximate="tanh")
    assert 1e-4 < np.max(np.abs(exact - approx)) < 1e-3  # close but not the same function
    assert [v.kwargs for v in spec.variants] == [{"approximate": "tanh"}]


def test_gelu_derivative_near_its_zero():
    # GELU′ vanishes at x0 ≈ −0.7518 (the minimum); the catalog still has the sign right
    # and the value within the conditioning allowance.
    spec = act.get("gelu")
    grad = reference.elementwise_function(spec, (1,))
    with mpmath.workdps(50):
        x0 = mpmath.findroot(lambda t: grad(t)[0], -0.75)
    for x in np.float64(float(x0)) + np.array([-1e-6, -1e-9, 1e-9, 1e-6]):
        t = reference.reference(spec, float(x))[1]
        y = spec.grad(x)
        assert np.sign(y) == np.sign(float(t))
        assert abs(y - float(t)) <= 8 * np.spacing(0.25)
    assert float(spec.fn(float(x0))) == pytest.approx(spec.properties.range[0], abs=1e-16)


def test_gelu_where_scipy_ndtr_loses_digits():
    # SciPy's ndtr computes erfc(|x|/√2) as 1 − erf for |x| < √2: on this grid, between the
    # accuracy grid's points, GELU broke the rule at 64 points in (−1.411, −1.307), by up to
    # 1.72×, before Φ was recomputed on (−1.5, −1).
    x = np.linspace(-3.0, -0.5, 20001)
    x = x[(x > -1.42) & (x < -1.3)]
    spec = act.get("gelu")
    for order in (0, 1):
        result = reference.measure(spec, x, order=order)
        assert result.ok.all(), result.worst()


# ----------------------------------------------------------------------------- hard swish


def test_hard_swish_kinks_take_the_outer_pieces():
    g = act.get("hard_swish").grad
    np.testing.assert_array_equal(g(np.array([-3.0, 3.0])), [0.0, 1.0])
    inside = np.nextafter(np.array([-3.0, 3.0]), 0.0)
    np.testing.assert_allclose(g(inside), [-0.5, 1.5], rtol=1e-15)


# ----------------------------------------------------------------------------- minima


def test_minima_claimed_in_properties():
    for name, x0 in (("gelu", -0.75), ("silu", -1.28), ("mish", -1.19)):
        f = reference.elementwise_function(act.get(name), (0, 1))
        with mpmath.workdps(40):
            xm = mpmath.findroot(lambda t, f=f: f(t)[1], x0)
            assert act.get(name).properties.range[0] == float(f(xm)[0]), name
    # quick GELU's 1.702 is a decimal constant; the spec's expression holds the nearest
    # float64 (as the NumPy code does), whose minimum is 1 ULP lower: the range quotes
    # the minimum of x·σ(1.702x) with the decimal constant
    with mpmath.workdps(40):
        c = mpmath.mpf(1702) / 1000
        f = lambda t: t / (1 + mpmath.exp(-c * t))  # noqa: E731
        xm = mpmath.findroot(lambda t: mpmath.diff(f, t), -0.75)
        assert act.get("quick_gelu").properties.range[0] == float(f(xm))
    assert act.get("hard_swish").properties.range[0] == float(act.hard_swish(-1.5))


def test_gelu_textbook_thresholds_quoted_in_the_spec():
    # The spec's textbook formula underflows to 0 from −8.4 in float64; a float32
    # program from −5.6 (the spec's formula computes in float64 through np.sqrt(2), so
    # the float32 program is written out with its constant in float32).
    y = textbook_function(act.get("gelu"), "f")(np.array([-8.4, -8.3]))
    assert y[0] == 0 and y[1] != 0
    x32 = np.array([-5.6, -5.5], dtype=np.float32)
    y32 = 0.5 * x32 * (1 + scipy.special.erf(x32 / np.float32(np.sqrt(2))))
    assert y32.dtype == np.float32 and y32[0] == 0 and y32[1] != 0
    assert np.all(act.gelu(np.array([-8.4, -8.3])) < 0) and np.all(act.gelu(x32) < 0)
