"""What is particular to the ReLU-like family (``src/activations/_relu_like.py``: ReLU,
ReLU6, leaky ReLU, PReLU, RReLU, threshold, squared ReLU).

The generic suites run on every function: accuracy over the whole floating-point
domain (test_catalog_accuracy.py), inputs, limits, signed zeros and dtypes
(test_inputs.py; invalid parameter values too), kink conventions, aliases and the
gradients in a learnable parameter at its example values (test_conformance.py). Here:
exactness, the framework defaults that disagree, zero slopes at −∞, RReLU's
generator, PReLU's other weights and per-channel weight, threshold's values.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import activations as act
from activations import reference


def test_framework_defaults_record_the_disagreements():
    def defaults(name, param):
        return {(f.framework, f.name): f.defaults.get(param) for f in act.get(name).frameworks}

    leaky = defaults("leaky_relu", "negative_slope")
    assert leaky[("Keras 3", "keras.activations.leaky_relu")] == 0.2
    assert leaky[("Keras 3", "keras.layers.LeakyReLU")] == 0.3
    assert leaky[("tf.keras 2", "tf.keras.layers.LeakyReLU")] == 0.3
    assert leaky[("tf.keras 2", "tf.nn.leaky_relu")] == 0.2
    prelu = defaults("prelu", "weight")
    assert prelu[("PyTorch", "torch.nn.PReLU")] == 0.25
    assert prelu[("Keras 3", "keras.layers.PReLU")] == 0.0


def test_zero_slopes_give_zero_at_minus_infinity_not_nan():
    assert act.leaky_relu(-np.inf, negative_slope=0.0) == 0.0
    y = act.prelu(np.array([-np.inf, -np.inf, 2.0]), weight=[0.0, 0.5, 0.0])
    np.testing.assert_array_equal(y, [0.0, -np.inf, 2.0])


# ------------------------------------------------------------------ exactness


@pytest.mark.parametrize("slope", [0.01, 0.2, 0.3, 2.5, -0.25])
def test_leaky_relu_is_one_correctly_rounded_product(slope, floats):
    x = floats
    y = act.leaky_relu(x, negative_slope=slope)
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        want = xi if xi > 0 else float(Fraction(xi) * Fraction(slope))
        assert yi == want


def test_relu_squared_is_correctly_rounded(floats):
    for xi, yi in zip(floats.tolist(), act.relu_squared(floats).tolist(), strict=True):
        assert yi == (float(Fraction(xi) ** 2) if xi > 0 else 0.0), xi


@pytest.mark.parametrize(("name", "constants"), [("relu", {0.0}), ("relu6", {0.0, 6.0})])
def test_relu_and_relu6_never_round(name, constants, floats):
    y = act.get(name).fn(floats)
    assert set(np.unique(y[y != floats]).tolist()) <= constants


# ------------------------------------------------------------------ rrelu


def test_rrelu_eval_mode_is_leaky_relu_with_the_mean_slope(floats):
    x = floats
    np.testing.assert_array_equal(act.rrelu(x), act.leaky_relu(x, (1 / 8 + 1 / 3) / 2))
    np.testing.assert_array_equal(
        act.rrelu(x, lower=0.1, upper=0.3), act.leaky_relu(x, negative_slope=0.2)
    )
    gen = np.random.default_rng(0)
    before = gen.bit_generator.state
    act.rrelu(x, generator=gen)  # ignored in evaluation mode: nothing drawn
    assert gen.bit_generator.state == before


def test_rrelu_training_samples_one_slope_per_element_within_bounds():
    x = -np.linspace(0.5, 3.0, 5000)
    y = act.rrelu(x, lower=0.1, upper=0.4, training=True, generator=np.random.default_rng(1))
    slopes = y / x
    assert np.all((slopes >= 0.1) & (slopes <= 0.4))
    assert slopes.std() > 0.05  # not one shared slope
    assert abs(slopes.mean() - 0.25) < 0.01  # uniform on [0.1, 0.4]
    pos = np.linspace(0.5, 3.0, 50)
    np.testing.assert_array_equal(
        act.rrelu(pos, training=True, generator=np.random.default_rng(1)), pos
    )


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_rrelu_training_is_reproducible_and_grad_matches(dtype):
    x = np.linspace(-3, 3, 61).astype(dtype)
    kw = {"training": True}
    y1 = act.rrelu(x, generator=np.random.default_rng(42), **kw)
    y2 = act.rrelu(x, generator=np.random.default_rng(42), **kw)
    g = act.get("rrelu").grad(x, generator=np.random.default_rng(42), **kw)
    assert y1.dtype == y2.dtype == g.dtype == dtype
    np.testing.assert_array_equal(y1, y2)
    neg = x < 0
    np.testing.assert_allclose(g[neg], (y1[neg] / x[neg]).astype(dtype), rtol=2e-3)
    assert np.all(g[x > 0] == 1)
    y3 = act.rrelu(x, generator=np.random.default_rng(43), **kw)
    assert not np.array_equal(y1, y3)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"lower": 0.5, "upper": 0.2}, ValueError, "lower"),
        ({"training": True}, ValueError, "generator"),
        ({"training": True, "generator": 0}, TypeError, "generator"),
        ({"training": True, "generator": np.random.RandomState(0)}, TypeError, "generator"),
        ({"training": "yes"}, TypeError, "training"),
        ({"upper": float("inf")}, ValueError, "upper"),
        ({"lower": "0.1"}, TypeError, "lower"),
    ],
)
def test_rrelu_validation(kwargs, error, match):
    for fn in (act.rrelu, act.get("rrelu").grad):
        with pytest.raises(error, match=rf"rrelu: .*{match}"):
            fn([1.0, -1.0], **kwargs)


# ------------------------------------------------------------------ prelu


@pytest.mark.parametrize("w", [-0.1, 1.5])
def test_prelu_weight_gradient_is_exact_at_other_weights(w):
    # (the default and the example weights: test_conformance.py::
    # test_param_grads_match_the_expression)
    spec = act.get("prelu")
    x = np.linspace(-4, 4, 81)
    got = spec.param_grads["weight"](x, weight=w)
    want = [reference.parameter_derivative(spec, "weight", xi, params={"weight": w}) for xi in x]
    np.testing.assert_array_equal(got, np.array(want, dtype=float))
    h = 1e-6
    fd = (act.prelu(x, weight=w + h) - act.prelu(x, weight=w - h)) / (2 * h)
    np.testing.assert_allclose(got, fd, rtol=1e-8, atol=1e-9)


def test_prelu_per_channel_weight_broadcasts_and_sums_to_the_weight_gradient():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 4, 5))  # N, C, H, W
    w = np.array([0.1, 0.25, 0.5])
    wc = w[:, None, None]
    y = act.prelu(x, weight=wc)
    for c in range(3):
        np.testing.assert_array_equal(y[:, c], act.prelu(x[:, c], weight=float(w[c])))
    g = rng.standard_normal(x.shape)  # upstream gradient
    dw = (g * act.get("prelu").param_grads["weight"](x, weight=wc)).sum(axis=(0, 2, 3))
    h = 1e-6
    for c in range(3):
        wp, wm = w.copy(), w.copy()
        wp[c] += h
        wm[c] -= h
        num = (
            np.sum(g * act.prelu(x, weight=wp[:, None, None]))
            - np.sum(g * act.prelu(x, weight=wm[:, None, None]))
        ) / (2 * h)
        assert dw[c] == pytest.approx(num, rel=1e-6)
    gx = act.get("prelu").grad(x, weight=wc)
    np.testing.assert_array_equal(gx, np.where(x > 0, 1.0, np.broadcast_to(wc, x.shape)))


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_prelu_array_weight_keeps_the_input_dtype(dtype):
    x = np.linspace(-2, 2, 8).astype(dtype).reshape(2, 4)
    w = np.array([0.1, 0.2, 0.3, 0.4])  # float64 weight
    spec = act.get("prelu")
    for fn in (spec.fn, spec.grad, spec.param_grads["weight"]):
        assert fn(x, weight=w).dtype == dtype


# ------------------------------------------------------------------ threshold


def test_threshold_values_and_continuous_fast_path():
    x = np.array([-2.0, 1.0, 1.5, np.nan, -0.0])
    np.testing.assert_array_equal(
        act.threshold(x, threshold=1.0, value=-5.0), [-5.0, -5.0, 1.5, np.nan, -5.0]
    )
    np.testing.assert_array_equal(
        act.threshold(x, threshold=1.0, value=1.0), [1, 1, 1.5, np.nan, 1]
    )
    np.testing.assert_array_equal(act.threshold(x), act.relu(x))
