"""Function-specific checks of the exponential-linear and gaussian-gated specs.

The generic suites (accuracy over the whole grid, properties, inputs) run on every
spec; this file checks what is particular to these functions: tail values against
mpmath at the points where the textbook formulas fail, the SELU constants against
their closed form, the swish β-gradient, GELU's ``approximate`` switch, limits,
signed zeros, kink conventions and dtypes.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

import activations as act
from activations import reference

EXPONENTIAL = ["elu", "celu", "selu", "softplus", "squareplus", "sparse_plus"]
GATED = ["gelu", "silu", "quick_gelu", "hard_swish", "mish"]
ALL = EXPONENTIAL + GATED


# ----------------------------------------------------------------------------- helpers


def _mp_sigmoid(t):
    return 1 / (1 + mpmath.exp(-t))


def _truth(name, x, order=0, **params):
    """f or f′ at x from mpmath, at a precision that resolves every cancellation."""
    x = mpmath.mpf(float(x))
    digits = 60 + int(2 * abs(mpmath.log10(abs(x)))) if x != 0 else 60
    digits += int(min(abs(x), 1e4) ** 2 / 2) if name == "gelu" else 0
    digits += int(min(abs(x), 1e4)) if name != "gelu" else 0
    with mpmath.workdps(min(digits, 20000)):
        f = _MP[name](**params)
        value = f(x) if order == 0 else mpmath.diff(f, x, order)
        return +value


def _mp_gelu(approximate="none"):
    if approximate == "tanh":
        c = mpmath.sqrt(2 / mpmath.pi)
        return lambda x: x * _mp_sigmoid(2 * c * (x + mpmath.mpf(44715) / 10**6 * x**3))
    return lambda x: x * mpmath.ncdf(x)


_MP = {
    "elu": lambda alpha=1.0: lambda x: x if x > 0 else alpha * mpmath.expm1(x),
    "softplus": lambda beta=1.0: lambda x: mpmath.log1p(mpmath.exp(beta * x)) / beta,
    "squareplus": lambda b=4.0: lambda x: (x + mpmath.sqrt(x * x + b)) / 2,
    "gelu": _mp_gelu,
    "silu": lambda beta=1.0: lambda x: x * _mp_sigmoid(beta * x),
    "quick_gelu": lambda: lambda x: x * _mp_sigmoid(mpmath.mpf(1702) / 1000 * x),
    "mish": lambda: lambda x: x * mpmath.tanh(mpmath.log1p(mpmath.exp(x))),
}


def _allowed(name, x, order=0, **params):
    """The catalog's rule 4 + 2κ at x, with κ = |x g′/g| from mpmath (g = f or f′)."""
    t = _truth(name, x, order, **params)
    dt = _truth(name, x, order + 1, **params)
    kappa = abs(mpmath.mpf(float(x)) * dt / t) if t != 0 else 0
    return reference.allowed_ulps(float(kappa))


def _ulps(y, t, dtype):
    """Error of y in ULPs of t; special cases (subnormal truth, overflow) must pass."""
    ulps, verdict = reference.ulp_error(float(y), t, np.dtype(dtype))
    if verdict is not None:
        assert verdict, (float(y), t)
        return 0.0
    return ulps


# Points in the tails where the textbook formulas lose every digit (f64 / f32).
TAIL_POINTS = {
    "elu": [(-1e-20, {}), (-1e-9, {}), (-700.0, {}), (-1e-300, {"alpha": 2.0})],
    "softplus": [(-700.0, {}), (-40.0, {}), (20.0, {}), (40.0, {}), (-300.0, {"beta": 2.0})],
    "squareplus": [(-1e9, {}), (-1e30, {}), (-1e150, {}), (-1e200, {}), (1e200, {})],
    "gelu": [(-6.0, {}), (-10.0, {}), (-30.0, {}), (-37.0, {}), (-20.0, {"approximate": "tanh"})],
    "silu": [(-712.0, {}), (-740.0, {}), (30.0, {}), (-300.0, {"beta": 2.0})],
    "quick_gelu": [(-400.0, {}), (-418.0, {})],
    "mish": [(-50.0, {}), (-712.0, {}), (35.0, {})],
}


@pytest.mark.parametrize(
    ("name", "x", "params"),
    [(n, x, p) for n, pts in TAIL_POINTS.items() for x, p in pts],
)
def test_tail_values_match_mpmath(name, x, params):
    spec = act.get(name)
    for order, func in ((0, spec.fn), (1, spec.grad)):
        t = _truth(name, x, order, **params)
        y = func(np.float64(x), **params)
        assert np.isfinite(y)
        bound = _allowed(name, x, order, **params)
        assert _ulps(y, t, np.float64) <= bound, (name, order, x, float(y), t)


@pytest.mark.parametrize(
    ("name", "x"),
    [("gelu", -7.0), ("silu", -95.0), ("mish", -95.0), ("softplus", -90.0), ("elu", -1e-30)],
)
def test_tail_values_float32(name, x):
    spec = act.get(name)
    for order, func in ((0, spec.fn), (1, spec.grad)):
        t = _truth(name, x, order)
        y = func(np.float32(x))
        assert y.dtype == np.float32
        bound = _allowed(name, x, order)
        assert _ulps(y, t, np.float32) <= bound, (name, order, x, float(y), t)


@pytest.mark.parametrize(
    ("name", "x"),
    [
        ("gelu", -10.0),
        ("softplus", -40.0),
        ("softplus", 800.0),
        ("squareplus", -1e9),
        ("elu", -1e-20),
        ("mish", -50.0),
    ],
)
def test_textbook_formula_fails_where_the_spec_says(name, x):
    # The claim in Naive.why must be true: the textbook value is useless there.
    spec = act.get(name)
    import scipy.special  # noqa: F401  (the GELU textbook form uses it)

    ns = {"np": np, "scipy": __import__("scipy"), "x": np.float64(x), **spec.params}
    with np.errstate(all="ignore"):
        naive = float(eval(spec.naive.fn, ns))
    truth = _truth(name, x)
    assert _ulps(float(spec.fn(x)), truth, np.float64) <= _allowed(name, x)
    assert not math.isfinite(naive) or abs(naive - truth) > 1e-6 * abs(truth)


def test_squareplus_whole_grid_against_high_precision():
    # (x + √(x² + b))/2 cancels for x ≪ 0; the truth needs ~2·log10|x| extra digits.
    spec = act.get("squareplus")
    for dtype in (np.float64, np.float32):
        x = reference.grid(dtype, n_log=120, n_lin=81)
        for order, func in ((0, spec.fn), (1, spec.grad)):
            y = func(x)
            for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
                t = _truth("squareplus", xi, order)
                if abs(t) > float(np.finfo(dtype).max):
                    assert math.isinf(yi)
                    continue
                assert _ulps(yi, t, dtype) <= 8, (dtype, order, xi, yi, t)


# ----------------------------------------------------------------------------- SELU


def test_selu_constants_match_closed_form():
    with mpmath.workdps(60):
        e = mpmath.e
        c = mpmath.erfc(1 / mpmath.sqrt(2))
        alpha = -mpmath.sqrt(2 / mpmath.pi) / (c * mpmath.exp(mpmath.mpf(1) / 2) - 1)
        scale = (
            (1 - c * mpmath.sqrt(e))
            * mpmath.sqrt(2 * mpmath.pi)
            * (
                2 * mpmath.erfc(mpmath.sqrt(2)) * e**2
                + mpmath.pi * c**2 * e
                - 2 * (2 + mpmath.pi) * c * mpmath.sqrt(e)
                + mpmath.pi
                + 2
            )
            ** mpmath.mpf(-0.5)
        )
        from activations import _exponential as ex

        assert ex.SELU_ALPHA == float(alpha)
        assert ex.SELU_SCALE == float(scale)
        assert ex._SELU_SCALE_ALPHA == float(alpha * scale)
        # the symbolic constants carry 32 correct digits
        assert abs(mpmath.mpf(ex._SYM_ALPHA.evalf(40)) - alpha) < mpmath.mpf("1e-31")
        assert abs(mpmath.mpf(ex._SYM_SCALE.evalf(40)) - scale) < mpmath.mpf("1e-31")
        assert float(ex._SYM_SCALE) == ex.SELU_SCALE and float(ex._SYM_ALPHA) == ex.SELU_ALPHA


def test_selu_expression_prints_lambda_and_alpha():
    import sympy as sp

    from activations._symbolic import X

    spec = act.get("selu")
    assert spec.formula.startswith(r"\lambda") and r"\alpha" in spec.formula
    assert r"\lambda" in spec.derivative and "1.05" not in spec.formula
    assert sp.jscode(spec.expr.args[0] * X) == "1.0507009873554805*x"


def test_selu_is_scaled_elu():
    x = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(
        act.selu(x), act.elu(x, alpha=1.6732632423543772) * 1.0507009873554805, rtol=4e-16
    )
    assert act.selu(-np.inf) == -1.7580993408473768


# ----------------------------------------------------------------------------- swish β


@pytest.mark.parametrize("beta", [1.0, 0.5, 2.0, -1.5, 0.0])
def test_silu_beta_gradient_matches_finite_differences(beta):
    g = act.get("silu").param_grads["beta"]
    x = np.array([-6.0, -1.3, -0.2, 0.0, 0.7, 2.0, 9.0])
    h = 1e-6
    fd = (act.silu(x, beta=beta + h) - act.silu(x, beta=beta - h)) / (2 * h)
    # rounding of f (≤ 1e-15·|x|) divided by 2h bounds the finite-difference error
    np.testing.assert_allclose(g(x, beta=beta), fd, rtol=1e-6, atol=1e-8)
    with mpmath.workdps(40):  # and high-precision finite differences of the mpmath SiLU
        for xi, gi in zip(x.tolist(), g(x, beta=beta).tolist(), strict=True):
            fd_mp = mpmath.diff(lambda b, xi=xi: xi * _mp_sigmoid(b * xi), beta)
            assert abs(gi - fd_mp) <= 4e-16 * max(abs(fd_mp), 1e-300) + 1e-300


@pytest.mark.parametrize(("x", "beta"), [(-30.0, 1.0), (40.0, 1.0), (1e200, 1e-190), (3.0, 0.0)])
def test_silu_beta_gradient_matches_mpmath(x, beta):
    g = act.get("silu").param_grads["beta"]
    with mpmath.workdps(80):
        xm, bm = mpmath.mpf(x), mpmath.mpf(beta)
        t = xm * xm * _mp_sigmoid(bm * xm) * _mp_sigmoid(-bm * xm)
    assert _ulps(g(x, beta=beta), t, np.float64) <= 8


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
    with mpmath.workdps(50):
        x0 = mpmath.findroot(lambda t: mpmath.ncdf(t) + t * mpmath.npdf(t), -0.75)
    spec = act.get("gelu")
    for x in np.float64(float(x0)) + np.array([-1e-6, -1e-9, 1e-9, 1e-6]):
        t = _truth("gelu", x, 1)
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


# ----------------------------------------------------------------------------- kinks


def test_hard_swish_kinks_take_the_outer_pieces():
    g = act.get("hard_swish").grad
    np.testing.assert_array_equal(g(np.array([-3.0, 3.0])), [0.0, 1.0])
    inside = np.nextafter(np.array([-3.0, 3.0]), 0.0)
    np.testing.assert_allclose(g(inside), [-0.5, 1.5], rtol=1e-15)


def test_elu_kink_takes_alpha():
    assert float(act.get("elu").grad(0.0, alpha=2.5)) == 2.5
    assert float(act.get("elu").grad(1e-300, alpha=2.5)) == 1.0
    assert float(act.get("selu").grad(0.0)) == 1.7580993408473768


def test_sparse_plus_pieces_and_continuity():
    x = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.0 + 2**-52, 5.0])
    np.testing.assert_array_equal(
        act.sparse_plus(x), [0.0, 0.0, 0.0625, 0.25, 0.5625, 1.0, 1.0 + 2**-52, 5.0]
    )
    np.testing.assert_array_equal(
        act.get("sparse_plus").grad(x), [0.0, 0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0]
    )


# ----------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("func", "kwargs", "pname"),
    [
        (act.softplus, {"beta": 0.0}, "beta"),
        (act.softplus, {"beta": -1.0}, "beta"),
        (act.celu, {"alpha": 0.0}, "alpha"),
        (act.squareplus, {"b": -1.0}, "b"),
    ],
)
def test_invalid_parameters_raise_value_error(func, kwargs, pname):
    with pytest.raises(ValueError, match=pname):
        func(1.0, **kwargs)


def test_softplus_has_no_threshold_and_beta_scales():
    assert act.get("softplus").params == {"beta": 1.0}
    assert float(act.softplus(20.0)) == 20.000000002061153  # PyTorch returns 20.0
    x = np.linspace(-3, 3, 61)
    np.testing.assert_allclose(act.softplus(x, beta=2.0), act.softplus(2 * x) / 2, rtol=1e-15)
    assert float(act.softplus(1e308, beta=10.0)) == 1e308  # βx overflows; the value does not


def test_squareplus_b_zero_is_relu():
    x = np.array([-2.0, -0.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.squareplus(x, b=0.0), [0.0, 0.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.get("squareplus").grad(x, b=0), [0.0, 0.0, 0.0, 1.0])


def test_minima_claimed_in_properties():
    for name, x0 in (("gelu", -0.75), ("silu", -1.28), ("quick_gelu", -0.75), ("mish", -1.19)):
        f = _MP[name]()
        with mpmath.workdps(40):
            xm = mpmath.findroot(lambda t, f=f: mpmath.diff(f, t), x0)
            assert act.get(name).properties.range[0] == float(f(xm)), name
    assert act.get("hard_swish").properties.range[0] == float(act.hard_swish(-1.5))


def test_gelu_textbook_thresholds_quoted_in_the_spec():
    import scipy.special

    with np.errstate(all="ignore"):
        for dtype, zero_at, nonzero_at in ((np.float64, -8.4, -8.3), (np.float32, -5.6, -5.5)):
            x = np.array([zero_at, nonzero_at], dtype=dtype)
            y = 0.5 * x * (1 + scipy.special.erf(x / dtype(np.sqrt(2))))
            assert y[0] == 0 and y[1] != 0
            assert np.all(act.gelu(x) < 0)
