"""Function-specific behaviour of the sigmoid-like, ReLU-like, shrinkage and classical
families: limits, NaN, the sign of zero, exactness of the piecewise-linear functions,
RReLU's generator, PReLU's weight gradient, parameter validation and dtypes.

The generic checks (mpmath accuracy over the whole domain, properties, derivations,
input handling) live in the lead's test modules; this file pins down what each of
these functions promises in its own docstring and notes.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations._symbolic import MPMATH_NAMESPACE, X

OURS = {
    "sigmoid-like": [
        "sigmoid",
        "tanh",
        "hard_sigmoid",
        "hard_tanh",
        "softsign",
        "log_sigmoid",
        "sparse_sigmoid",
    ],
    "relu-like": ["relu", "relu6", "leaky_relu", "prelu", "rrelu", "threshold", "relu_squared"],
    "shrinkage": ["hardshrink", "softshrink", "tanhshrink"],
    "classical": ["identity", "binary_step", "gaussian", "sinusoid", "exponential"],
}
NAMES = [n for names in OURS.values() for n in names]
SPECS = [act.get(n) for n in NAMES]


def _settings(spec):
    """Default parameters plus every example value, one parameter at a time."""
    out = [{}]
    for p in spec.parameters:
        out += [{p.name: v} for v in p.examples if v != p.default]
    return out


# ------------------------------------------------------------------ the catalog itself


def test_every_function_is_registered_in_its_family():
    for family, names in OURS.items():
        for name in names:
            spec = act.get(name)
            assert spec.name == name and spec.family == family
            assert getattr(act, name) is spec.fn


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("logistic", "sigmoid"),
        ("hardtanh", "hard_tanh"),
        ("hardsigmoid", "hard_sigmoid"),
        ("logsigmoid", "log_sigmoid"),
        ("soft_sign", "softsign"),
        ("squared_relu", "relu_squared"),
        ("linear", "identity"),
        ("heaviside", "binary_step"),
        ("step", "binary_step"),
        ("sin", "sinusoid"),
        ("exp", "exponential"),
        ("hard_shrink", "hardshrink"),
        ("tanh_shrink", "tanhshrink"),
    ],
)
def test_aliases(alias, name):
    assert act.get(alias).name == name


@pytest.mark.parametrize("alias", ["gelu_new", "gelu_pytorch_tanh"])
def test_names_of_the_tanh_gelu_are_not_aliases_of_the_exact_default(alias):
    # Hugging Face's names denote the tanh form; an alias would return the exact GELU.
    with pytest.raises(KeyError):
        act.get(alias)


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
    tfk2 = next(f for f in act.get("hard_sigmoid").frameworks if f.framework == "tf.keras 2")
    assert tfk2.fn is not None and tfk2.source


# ------------------------------------------------------------------ NaN and infinities


@pytest.mark.parametrize("spec", SPECS, ids=NAMES)
def test_nan_propagates_in_f_and_grad_for_every_parameter_setting(spec):
    x = np.array([np.nan, -2.0, 0.0, 3.0, np.nan])
    for params in _settings(spec):
        for fn in (spec.fn, spec.grad):
            y = fn(x, **params)
            assert np.isnan(y[0]) and np.isnan(y[4]), (fn.__name__, params)
            assert not np.any(np.isnan(y[1:4])), (fn.__name__, params)


LIMITS = {  # name: (f(-inf), f(+inf), f'(-inf), f'(+inf))
    "sigmoid": (0.0, 1.0, 0.0, 0.0),
    "tanh": (-1.0, 1.0, 0.0, 0.0),
    "hard_sigmoid": (0.0, 1.0, 0.0, 0.0),
    "hard_tanh": (-1.0, 1.0, 0.0, 0.0),
    "softsign": (-1.0, 1.0, 0.0, 0.0),
    "log_sigmoid": (-np.inf, 0.0, 1.0, 0.0),
    "sparse_sigmoid": (0.0, 1.0, 0.0, 0.0),
    "relu": (0.0, np.inf, 0.0, 1.0),
    "relu6": (0.0, 6.0, 0.0, 0.0),
    "leaky_relu": (-np.inf, np.inf, 0.01, 1.0),
    "prelu": (-np.inf, np.inf, 0.25, 1.0),
    "rrelu": (-np.inf, np.inf, (1 / 8 + 1 / 3) / 2, 1.0),
    "threshold": (0.0, np.inf, 0.0, 1.0),
    "relu_squared": (0.0, np.inf, 0.0, np.inf),
    "hardshrink": (-np.inf, np.inf, 1.0, 1.0),
    "softshrink": (-np.inf, np.inf, 1.0, 1.0),
    "tanhshrink": (-np.inf, np.inf, 1.0, 1.0),
    "identity": (-np.inf, np.inf, 1.0, 1.0),
    "binary_step": (0.0, 1.0, 0.0, 0.0),
    "gaussian": (0.0, 0.0, 0.0, 0.0),
    "exponential": (0.0, np.inf, 0.0, np.inf),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_limits_at_infinity(name, dtype):
    spec = act.get(name)
    x = np.array([-np.inf, np.inf], dtype=dtype)
    f_lo, f_hi, g_lo, g_hi = LIMITS[name]
    np.testing.assert_array_equal(spec.fn(x), np.array([f_lo, f_hi], dtype=dtype))
    np.testing.assert_array_equal(spec.grad(x), np.array([g_lo, g_hi], dtype=dtype))


def test_sine_has_no_limit_at_infinity():
    x = np.array([-np.inf, np.inf])
    assert np.all(np.isnan(act.sinusoid(x))) and np.all(np.isnan(act.get("sin").grad(x)))


def test_zero_slopes_give_zero_at_minus_infinity_not_nan():
    assert act.leaky_relu(-np.inf, negative_slope=0.0) == 0.0
    y = act.prelu(np.array([-np.inf, -np.inf, 2.0]), weight=[0.0, 0.5, 0.0])
    np.testing.assert_array_equal(y, [0.0, -np.inf, 2.0])


# ------------------------------------------------------------------ the sign of zero

SIGNED_ZERO = {  # f(-0.0): value and sign bit, as the docstrings promise
    "relu": (0.0, False),
    "relu6": (0.0, False),
    "relu_squared": (0.0, False),
    "threshold": (0.0, False),
    "leaky_relu": (0.0, True),
    "prelu": (0.0, True),
    "rrelu": (0.0, True),
    "hard_tanh": (0.0, True),
    "softsign": (0.0, True),
    "tanh": (0.0, True),
    "tanhshrink": (0.0, True),
    "softshrink": (0.0, True),
    "hardshrink": (0.0, True),
    "identity": (0.0, True),
    "sinusoid": (0.0, True),
    "binary_step": (1.0, False),
    "gaussian": (1.0, False),
    "sigmoid": (0.5, False),
    "hard_sigmoid": (0.5, False),
    "sparse_sigmoid": (0.5, False),
    "exponential": (1.0, False),
}


@pytest.mark.parametrize("name", sorted(SIGNED_ZERO))
def test_negative_zero(name):
    value, negative = SIGNED_ZERO[name]
    y = act.get(name).fn(np.array([-0.0]))[0]
    assert y == value and bool(np.signbit(y)) == negative


@pytest.mark.parametrize("name", ["hardshrink", "softshrink", "tanhshrink", "softsign", "tanh"])
def test_odd_functions_are_odd_bit_for_bit(name):
    x = np.concatenate([np.linspace(0, 4, 401), np.geomspace(1e-300, 1e300, 201)])
    fn = act.get(name).fn
    y, y_neg = fn(x), fn(-x)
    np.testing.assert_array_equal(y_neg, -y)
    assert np.array_equal(np.signbit(y_neg), ~np.signbit(y))


# ------------------------------------------------------------------ exactness


def _floats(n=400, seed=0, scale=8.0):
    rng = np.random.default_rng(seed)
    return np.concatenate([rng.uniform(-scale, scale, n), rng.standard_normal(n) * 1e-3])


@pytest.mark.parametrize("slope", [0.01, 0.2, 0.3, 2.5, -0.25])
def test_leaky_relu_is_one_correctly_rounded_product(slope):
    x = _floats()
    y = act.leaky_relu(x, negative_slope=slope)
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        want = xi if xi > 0 else float(Fraction(xi) * Fraction(slope))
        assert yi == want


def test_softshrink_sparse_sigmoid_relu_squared_are_correctly_rounded():
    x = _floats()
    half = Fraction(1, 2)
    for xi, s, p, q in zip(
        x.tolist(),
        act.softshrink(x).tolist(),
        act.sparse_sigmoid(x).tolist(),
        act.relu_squared(x).tolist(),
        strict=True,
    ):
        fx = Fraction(xi)
        want_s = float(fx - half) if xi > 0.5 else float(fx + half) if xi < -0.5 else 0.0
        want_p = float(min(max((fx + 1) / 2, Fraction(0)), Fraction(1)))
        want_q = float(fx * fx) if xi > 0 else 0.0
        assert (s, p, q) == (want_s, want_p, want_q), xi


@pytest.mark.parametrize("name", ["relu", "relu6", "hard_tanh", "hardshrink", "binary_step"])
def test_comparison_functions_never_round(name):
    x = _floats()
    y = act.get(name).fn(x)
    assert set(np.unique(y[y != x]).tolist()) <= {0.0, 1.0, 6.0, -1.0}


def test_hard_sigmoid_is_within_one_ulp_and_exact_near_minus_three():
    x = np.concatenate([_floats(), -3.0 + np.geomspace(1e-15, 1e-3, 50)])
    y = act.hard_sigmoid(x)
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        true = min(max((Fraction(xi) + 3) / 6, Fraction(0)), Fraction(1))
        ulp = math.ulp(float(true)) if true else math.ulp(0.0)
        assert abs(Fraction(yi) - true) <= ulp, xi
    near = x[(x > -3) & (x < -2.999)]
    for xi, yi in zip(near.tolist(), act.hard_sigmoid(near).tolist(), strict=True):
        assert yi == float((Fraction(xi) + 3) / 6)  # x + 3 is exact there: one rounding


# ------------------------------------------------------------------ where textbooks fail


def _mp(expr, x, dps=80):
    f = sp.lambdify(X, expr, modules=[MPMATH_NAMESPACE, "mpmath"])
    with mpmath.workdps(dps):
        return float(f(mpmath.mpf(x)))


@pytest.mark.parametrize("x", [20.0, 40.0, 300.0, -300.0])
def test_tanh_grad_keeps_its_tail(x):
    true = 1.0 / float(mpmath.cosh(mpmath.mpf(x)) ** 2)
    assert act.get("tanh").grad(x) == pytest.approx(true, rel=4e-16)
    naive = eval(act.get("tanh").naive.grad, {"np": np, "x": np.float64(x)})
    assert naive == 0.0  # the failure the spec's `why` describes


def test_log_sigmoid_tails_and_the_textbook_failure():
    assert act.log_sigmoid(-1000.0) == -1000.0
    assert act.log_sigmoid(40.0) == pytest.approx(-math.exp(-40.0), rel=1e-15)
    assert act.get("log_sigmoid").grad(40.0) == pytest.approx(math.exp(-40.0), rel=1e-15)
    naive = act.get("log_sigmoid").naive
    with np.errstate(all="ignore"):
        assert eval(naive.fn, {"np": np, "x": np.float64(-1000.0)}) == -np.inf
        assert eval(naive.fn, {"np": np, "x": np.float64(40.0)}) == 0.0


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tanhshrink_near_zero_and_around_the_switch(dtype):
    x = np.concatenate([np.geomspace(1e-30, 2.0, 400), np.linspace(0.74, 0.76, 41)]).astype(dtype)
    y = act.tanhshrink(x)
    eps = np.finfo(dtype).eps
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        with mpmath.workdps(120):
            true = mpmath.mpf(xi) - mpmath.tanh(mpmath.mpf(xi))
        if abs(true) < np.finfo(dtype).tiny:
            continue
        assert abs(yi - true) / abs(true) < 6 * eps, xi
    naive = eval(act.get("tanhshrink").naive.fn, {"np": np, "x": np.float64(1e-9)})
    assert naive == 0.0  # textbook x - tanh(x) loses everything; the truth is 3.3e-28


def test_softsign_and_its_derivative_at_the_extremes():
    big = np.finfo(np.float64).max
    np.testing.assert_array_equal(act.softsign([-big, big]), [-1.0, 1.0])
    assert act.get("softsign").grad(1e100) == pytest.approx(1e-200, rel=1e-15)
    with np.errstate(all="ignore"):
        assert np.isnan(eval(act.get("softsign").naive.fn, {"np": np, "x": np.inf}))


def test_gaussian_derivative_at_infinity_is_zero_not_nan():
    with np.errstate(all="ignore"):
        assert np.isnan(eval(act.get("gaussian").naive.grad, {"np": np, "x": np.inf}))
    np.testing.assert_array_equal(act.get("gaussian").grad([-np.inf, np.inf]), [0.0, 0.0])


# ------------------------------------------------------------------ rrelu


def test_rrelu_eval_mode_is_leaky_relu_with_the_mean_slope():
    x = _floats()
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


def test_prelu_weight_gradient_matches_sympy_and_finite_differences():
    spec = act.get("prelu")
    a = spec.parameters[0].symbol
    dfda = sp.diff(spec.expr, a)
    pgrad = spec.param_grads["weight"]
    x = np.linspace(-4, 4, 81)
    for w in (0.25, -0.1, 1.5):
        got = pgrad(x, weight=w)
        want = [_mp(dfda.subs(a, sp.nsimplify(w)), xi) for xi in x.tolist()]
        np.testing.assert_array_equal(got, want)
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


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("name", "kwargs", "error", "match"),
    [
        ("leaky_relu", {"negative_slope": float("inf")}, ValueError, "negative_slope"),
        ("leaky_relu", {"negative_slope": True}, TypeError, "negative_slope"),
        ("prelu", {"weight": [0.1, float("nan")]}, ValueError, "weight"),
        ("prelu", {"weight": ["a"]}, TypeError, "weight"),
        ("prelu", {"weight": [1 + 1j]}, TypeError, "weight"),
        ("hard_tanh", {"min_val": 1.0, "max_val": -1.0}, ValueError, "min_val"),
        ("hard_tanh", {"min_val": 1.0}, ValueError, "max_val"),
        ("hardshrink", {"lambd": -0.1}, ValueError, "lambd"),
        ("softshrink", {"lambd": -0.1}, ValueError, "lambd"),
        ("softshrink", {"lambd": float("inf")}, ValueError, "lambd"),
        ("threshold", {"value": float("-inf")}, ValueError, "value"),
        ("threshold", {"threshold": None}, TypeError, "threshold"),
    ],
)
def test_invalid_parameters_name_function_and_parameter(name, kwargs, error, match):
    spec = act.get(name)
    for fn in (spec.fn, spec.grad):
        with pytest.raises(error, match=rf"{name}: .*{match}"):
            fn([0.5, -0.5], **kwargs)


def test_hardshrink_and_softshrink_accept_lambda_zero():
    x = np.array([-1.0, -0.0, 0.0, 2.0])
    np.testing.assert_array_equal(act.hardshrink(x, lambd=0), x)
    np.testing.assert_array_equal(act.softshrink(x, lambd=0), x)


# ------------------------------------------------------------------ dtypes and shapes


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("spec", SPECS, ids=NAMES)
def test_dtype_is_preserved_for_every_parameter_setting(spec, dtype):
    x = np.linspace(-4, 4, 17).astype(dtype)
    for params in _settings(spec):
        for fn in (spec.fn, spec.grad):
            assert fn(x, **params).dtype == dtype, (fn.__name__, params)


def test_float16_values_are_the_rounded_float32_values():
    x = np.linspace(-6, 6, 49).astype(np.float16)
    for spec in SPECS:
        if spec.name == "rrelu":
            continue
        want = spec.fn(x.astype(np.float32)).astype(np.float16)
        np.testing.assert_array_equal(spec.fn(x), want, err_msg=spec.name)


def test_identity_returns_its_input_without_copy_and_converts_others():
    x = np.array([1.0, -0.0])
    assert act.identity(x) is x
    y = act.identity([1, 2])
    assert y.dtype == np.float64 and y.tolist() == [1.0, 2.0]


# ------------------------------------------------------------------ kinks and conventions


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("relu", {}, 0.0, 0.0),
        ("relu6", {}, 6.0, 0.0),
        ("leaky_relu", {"negative_slope": 0.2}, 0.0, 0.2),
        ("prelu", {"weight": 0.1}, 0.0, 0.1),
        ("hard_tanh", {}, -1.0, 0.0),
        ("hard_tanh", {"min_val": 0.0, "max_val": 6.0}, 6.0, 0.0),
        ("hard_sigmoid", {}, 3.0, 0.0),
        ("sparse_sigmoid", {}, -1.0, 0.0),
        ("hardshrink", {"lambd": 1.0}, 1.0, 0.0),
        ("softshrink", {}, -0.5, 0.0),
        ("threshold", {"threshold": 1.0, "value": -2.0}, 1.0, 0.0),
        ("binary_step", {}, 0.0, 0.0),
        ("softsign", {}, 0.0, 1.0),
        ("relu_squared", {}, 0.0, 0.0),
    ],
)
def test_gradient_conventions_at_kinks(name, params, x, want):
    assert float(act.get(name).grad(x, **params)) == want


def test_threshold_values_and_continuous_fast_path():
    x = np.array([-2.0, 1.0, 1.5, np.nan, -0.0])
    np.testing.assert_array_equal(
        act.threshold(x, threshold=1.0, value=-5.0), [-5.0, -5.0, 1.5, np.nan, -5.0]
    )
    np.testing.assert_array_equal(
        act.threshold(x, threshold=1.0, value=1.0), [1, 1, 1.5, np.nan, 1]
    )
    np.testing.assert_array_equal(act.threshold(x), act.relu(x))
