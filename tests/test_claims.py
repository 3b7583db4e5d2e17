"""Claims made on the teaching pages that need more than a one-line snippet.

The interview answers (docs/interview.md), the corrections (docs/misconceptions.md)
and the source map (docs/sources.md) link to these tests by name. Each test checks
a statement against the catalog, with mpmath as the judge where a number is quoted;
the tests named ``test_source_*`` show a claim of one of the source documents to be
wrong (or right), as the pages say.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest

import activations as act

GRID = np.linspace(-40.0, 40.0, 160_001)  # step 5e-4, includes 0
RNG_SEED = 20260523


def _rng() -> np.random.Generator:
    return np.random.default_rng(RNG_SEED)


def _mp(name: str, **params):
    """The spec's expression at high precision, as a function of an mpmath number."""
    spec = act.get(name)
    from activations.reference import reference

    def f(x):
        return reference(spec, float(x), params=params)[0]

    return f


# --- sigmoid and tanh ---------------------------------------------------------------


def test_sigmoid_grad_is_at_most_a_quarter_with_its_maximum_at_zero():
    g = act.get("sigmoid").grad(GRID)
    assert g.max() == 0.25
    assert GRID[np.argmax(g)] == 0.0
    assert np.all(g <= 0.25)
    # σ(1 − σ) ≤ 1/4 because s(1 − s) = 1/4 − (s − 1/2)², equality only at s = 1/2.
    s = act.sigmoid(GRID)
    assert np.allclose(0.25 - (s - 0.5) ** 2, g, rtol=0, atol=1e-15)


def test_depth_bound_of_sigmoid_layers():
    # Each sigmoid layer multiplies the backpropagated signal by σ′(z) ≤ 1/4
    # (times the weights): ten layers scale it by at most 4⁻¹⁰ ≈ 9.5e-7.
    z = _rng().normal(size=(10, 1000))
    factor = np.prod(act.get("sigmoid").grad(z), axis=0)
    assert np.all(factor <= 0.25**10)
    assert 0.25**10 == pytest.approx(9.5367431640625e-07)


def test_tanh_is_a_rescaled_sigmoid():
    x = np.linspace(-20, 20, 4001)
    assert np.allclose(act.tanh(x), 2 * act.sigmoid(2 * x) - 1, rtol=0, atol=4e-16)
    # ... but not a *shifted* one: tanh(x) − σ(x) is not constant.
    diff = act.tanh(x) - act.sigmoid(x)
    assert np.ptp(diff) > 1.0


def test_tanh_grad_is_at_most_one_with_its_maximum_at_zero():
    g = act.get("tanh").grad(GRID)
    assert g.max() == 1.0
    assert GRID[np.argmax(g)] == 0.0


def test_tanh_grad_falls_below_sigmoid_grad_beyond_1_66():
    """tanh′ = 4σ′(2x): four times larger at 0, but it decays like e^{−2|x|}, not e^{−|x|}."""
    with mpmath.workdps(30):
        cross = mpmath.findroot(
            lambda x: (1 - mpmath.tanh(x) ** 2) - mpmath.exp(-x) / (1 + mpmath.exp(-x)) ** 2, 1.5
        )
    assert float(cross) == pytest.approx(1.66289, abs=1e-5)
    tanh_g, sig_g = act.get("tanh").grad, act.get("sigmoid").grad
    inside = np.linspace(0, float(cross) - 1e-3, 500)
    outside = np.linspace(float(cross) + 1e-3, 30, 500)
    assert np.all(tanh_g(inside) > sig_g(inside))
    assert np.all(tanh_g(outside) < sig_g(outside))
    assert np.allclose(tanh_g(GRID), 4 * sig_g(2 * GRID), rtol=1e-14, atol=0)


# --- ReLU family ----------------------------------------------------------------------


def test_he_initialisation_factor_two():
    """E[ReLU(z)²] = Var(z)/2 for z symmetric about 0 (He et al. 2015, §2.2): ReLU halves
    the second moment, hence He's gain √2. Not for a z with a non-zero mean."""

    def second_moment(density, lo, hi):
        with mpmath.workdps(20):
            return float(
                mpmath.quad(lambda z: float(act.relu(float(z))) ** 2 * density(z), [lo, 0, hi])
            )

    inf = mpmath.inf
    assert second_moment(mpmath.npdf, -inf, inf) == pytest.approx(0.5, abs=1e-12)  # N(0, 1)
    assert second_moment(lambda z: mpmath.npdf(z, 0, 3), -inf, inf) == pytest.approx(4.5, rel=1e-12)
    assert second_moment(lambda z: mpmath.mpf(1) / 2, -1, 1) == pytest.approx(
        1 / 6, rel=1e-12
    )  # U(−1, 1): Var 1/3
    # z ~ N(1, 1) has Var(z) = 1, but E[ReLU(z)²] = 2Φ(1) + φ(1) ≈ 1.92, not 1/2.
    shifted = second_moment(lambda z: mpmath.npdf(z, 1, 1), -inf, inf)
    assert shifted == pytest.approx(float(2 * mpmath.ncdf(1) + mpmath.npdf(1)), rel=1e-12)
    assert shifted > 1.9


def test_relu_network_represents_abs():
    x = np.linspace(-5, 5, 101)
    assert np.array_equal(act.relu(x) + act.relu(-x), np.abs(x))


def test_leaky_relu_defaults_disagree_between_frameworks():
    """The catalog's table of framework defaults (what the pages render) lists 0.01 for
    PyTorch and JAX and another value for Keras; the frameworks themselves are checked in
    the framework tests below."""
    slopes = {
        (fw.framework, fw.name): fw.defaults.get("negative_slope")
        for fw in act.get("leaky_relu").frameworks
    }
    values = {v for v in slopes.values() if v is not None}
    assert act.get("leaky_relu").params["negative_slope"] == 0.01
    assert {0.01, 0.2} <= values, slopes
    pytorch = [v for (fw, _), v in slopes.items() if fw == "PyTorch"]
    jax = [v for (fw, _), v in slopes.items() if fw == "JAX"]
    assert pytorch == [0.01] and jax == [0.01]


def test_leaky_relu_with_slope_one_is_the_identity():
    x = np.linspace(-3, 3, 61)
    assert np.array_equal(act.leaky_relu(x, negative_slope=1.0), x)


def test_prelu_slope_gradient_is_x_on_the_negative_side():
    spec = act.get("prelu")
    (name,) = [p.name for p in spec.parameters if p.learnable]
    x = np.array([-2.0, -0.5, 0.5, 2.0])
    g = spec.param_grads[name](x, **{name: 0.25})
    assert np.array_equal(g, np.array([-2.0, -0.5, 0.0, 0.0]))
    assert spec.params[name] == 0.25


# --- exponential-linear ---------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.5, 1.0, 2.0])
def test_elu_floor_is_minus_alpha(alpha):
    assert act.elu(-np.inf, alpha=alpha) == -alpha
    assert act.elu(-50.0, alpha=alpha) == pytest.approx(-alpha, rel=1e-15)
    assert np.all(act.elu(np.linspace(-30, 0, 301), alpha=alpha) > -alpha)


def test_source_elu_derivative_is_f_plus_alpha():
    """002's derivation f′(x) = f(x) + α for x ≤ 0 is right (at x = 0 as the left
    derivative, which is the catalog's convention there; ELU is differentiable at 0 only
    for α = 1)."""
    spec = act.get("elu")
    x = np.linspace(-20, 0, 2001)
    for alpha in (0.5, 1.0, 2.0):
        assert np.allclose(spec.grad(x, alpha=alpha), spec.fn(x, alpha=alpha) + alpha, atol=1e-15)


def test_elu_derivative_jumps_at_zero_unless_alpha_is_one():
    spec = act.get("elu")
    left, right = -1e-12, 1e-12
    for alpha in (0.5, 2.0):
        assert spec.grad(left, alpha=alpha) == pytest.approx(alpha)
        assert spec.grad(right, alpha=alpha) == 1.0
    assert spec.grad(left, alpha=1.0) == pytest.approx(1.0)


def test_celu_is_c1_for_every_alpha():
    spec = act.get("celu")
    for alpha in (0.5, 1.0, 2.0):
        assert spec.grad(-1e-12, alpha=alpha) == pytest.approx(1.0)
        assert spec.grad(1e-12, alpha=alpha) == 1.0
        assert act.celu(-np.inf, alpha=alpha) == -alpha


def test_selu_constants_give_a_fixed_point_of_mean_zero_and_variance_one():
    """For z ~ N(0, 1), E[selu(z)] = 0 and E[selu(z)²] = 1 with the catalog's λ and α."""
    lam = float(act.selu(1.0))
    lam_alpha = -float(act.selu(-np.inf))
    assert lam == pytest.approx(1.0507009873554805, rel=1e-15)
    assert lam_alpha / lam == pytest.approx(1.6732632423543772, rel=1e-15)
    with mpmath.workdps(30):
        lam_m, la_m = mpmath.mpf(lam), mpmath.mpf(lam_alpha)

        def selu(z):
            return lam_m * z if z > 0 else la_m * mpmath.expm1(z)

        mean = mpmath.quad(lambda z: selu(z) * mpmath.npdf(z), [-mpmath.inf, 0, mpmath.inf])
        second = mpmath.quad(lambda z: selu(z) ** 2 * mpmath.npdf(z), [-mpmath.inf, 0, mpmath.inf])
    assert abs(float(mean)) < 1e-15
    assert float(second) == pytest.approx(1.0, abs=1e-15)
    # The catalog's function agrees with the closed form used above.
    z = np.linspace(-10, 10, 2001)
    closed = np.where(z > 0, lam * z, lam_alpha * np.expm1(np.minimum(z, 0)))
    assert np.allclose(act.selu(z), closed, rtol=1e-15, atol=1e-16)


def test_source_selu_constants_are_right_to_32_digits():
    """002 quotes λ and α to 32 digits; they solve mean 0, second moment 1 for z ~ N(0, 1)."""
    with mpmath.workdps(60):
        phi_m1, phi_m2, e = mpmath.ncdf(-1), mpmath.ncdf(-2), mpmath.e
        # E[z; z>0] = 1/√(2π), E[e^z − 1; z<0] = √e Φ(−1) − 1/2: the mean vanishes for
        alpha = -(1 / mpmath.sqrt(2 * mpmath.pi)) / (mpmath.sqrt(e) * phi_m1 - mpmath.mpf(1) / 2)
        # E[z²; z>0] = 1/2, E[(e^z − 1)²; z<0] = e²Φ(−2) − 2√e Φ(−1) + 1/2
        neg = e**2 * phi_m2 - 2 * mpmath.sqrt(e) * phi_m1 + mpmath.mpf(1) / 2
        lam = 1 / mpmath.sqrt(mpmath.mpf(1) / 2 + alpha**2 * neg)
        quoted_lam = mpmath.mpf("1.0507009873554804934193349852946")
        quoted_alpha = mpmath.mpf("1.6732632423543772848170429916717")
        assert abs(lam - quoted_lam) < mpmath.mpf("1e-31")
        assert abs(alpha - quoted_alpha) < mpmath.mpf("1e-31")
    assert float(act.selu(1.0)) == float(lam)
    assert -float(act.selu(-np.inf)) == pytest.approx(float(lam * alpha), rel=2e-16)


def test_softplus_grad_is_sigmoid_and_gap_to_relu_is_at_most_log_2():
    x = np.linspace(-40, 40, 8001)
    assert np.allclose(act.get("softplus").grad(x), act.sigmoid(x), rtol=1e-15, atol=0)
    gap = act.softplus(x) - act.relu(x)
    assert gap.max() == pytest.approx(np.log(2), rel=1e-15)
    assert x[np.argmax(gap)] == 0.0


# --- Gaussian- and self-gated -----------------------------------------------------------

MINIMA = {  # name: (x at the minimum, minimum value), to 6 decimals
    "gelu": (-0.751792, -0.169971),
    "silu": (-1.278465, -0.278465),
    "mish": (-1.192431, -0.308843),
}


@pytest.mark.parametrize("name", MINIMA)
def test_global_minimum_of_non_monotonic_gates(name):
    """The minimum is a root of f′ (found in mpmath); the catalog agrees and never goes below."""
    f = _mp(name)
    with mpmath.workdps(40):
        x_star = mpmath.findroot(lambda x: mpmath.diff(f, x), MINIMA[name][0])
        f_star = f(x_star)
    assert float(x_star) == pytest.approx(MINIMA[name][0], abs=1e-6)
    assert float(f_star) == pytest.approx(MINIMA[name][1], abs=1e-6)
    spec = act.get(name)
    assert spec.grad(float(x_star) - 1e-3) < 0 < spec.grad(float(x_star) + 1e-3)
    assert spec.fn(GRID).min() >= float(f_star) - 1e-15
    assert float(spec.fn(float(x_star))) == pytest.approx(float(f_star), rel=1e-14)


def test_silu_minimum_equals_minus_one_plus_its_location():
    """At SiLU's minimum x* = −1 − W(1/e), and SiLU(x*) = x* + 1."""
    x_star, f_star = MINIMA["silu"]
    assert f_star == pytest.approx(x_star + 1, abs=2e-6)
    with mpmath.workdps(30):
        w = mpmath.lambertw(mpmath.exp(-1))
    assert float(-1 - w) == pytest.approx(x_star, abs=1e-6)


def test_gelu_is_not_x_sigmoid_1_702x():
    """x·σ(1.702x) is an approximation (error up to 0.02); the tanh form is 40× closer."""
    x = np.linspace(-10, 10, 200_001)
    exact = act.gelu(x)
    sig_approx = x * act.sigmoid(1.702 * x)
    assert np.allclose(act.quick_gelu(x), sig_approx, rtol=1e-15, atol=1e-300)
    tanh_approx = act.gelu(x, approximate="tanh")
    err_sig = np.abs(exact - sig_approx).max()
    err_tanh = np.abs(exact - tanh_approx).max()
    assert err_sig == pytest.approx(0.0203, abs=1e-4)
    assert err_tanh == pytest.approx(4.73e-4, abs=1e-6)
    assert err_sig > 40 * err_tanh


def test_gelu_default_approximation_differs_between_frameworks():
    """The catalog's table of framework defaults: exact for PyTorch, the tanh form for JAX
    (the frameworks themselves: test_pytorch_gelu_defaults_to_the_exact_form and
    test_jax_gelu_defaults_to_tanh_and_leaky_relu_gradient_at_zero_is_one)."""
    approx = {fw.framework: fw.defaults.get("approximate") for fw in act.get("gelu").frameworks}
    assert act.get("gelu").params["approximate"] == "none"
    assert approx["PyTorch"] in ("none", False)
    assert approx["JAX"] in ("tanh", True)


def test_gelu_tanh_approximation_is_not_the_exact_function():
    assert float(act.gelu(1.0)) == pytest.approx(0.8413447460685429, rel=1e-15)
    assert float(act.gelu(1.0, approximate="tanh")) == pytest.approx(0.8411919906082768, rel=1e-14)


# --- softmax family -----------------------------------------------------------------------


def test_softmax_is_invariant_to_shifts_but_not_to_scaling():
    x = _rng().normal(size=(50, 7))
    p = act.softmax(x)
    assert np.allclose(act.softmax(x + 123.0), p, rtol=1e-13, atol=0)
    assert np.allclose(act.softmax(x - x.max(axis=-1, keepdims=True)), p, rtol=1e-14, atol=0)
    assert not np.allclose(act.softmax(2 * x), p)
    # Temperature changes confidence but never the arg-max.
    assert np.array_equal(np.argmax(act.softmax(x / 5.0), axis=-1), np.argmax(p, axis=-1))


def test_softmax_jacobian_is_diag_p_minus_p_p_transpose():
    spec = act.get("softmax")
    x = _rng().normal(size=6)
    p = act.softmax(x)
    jac = np.stack([spec.vjp(x, e) for e in np.eye(6)])
    assert np.allclose(jac, np.diag(p) - np.outer(p, p), rtol=0, atol=1e-16)
    # Rows sum to zero: the outputs sum to one whatever x is.
    assert np.allclose(jac.sum(axis=1), 0.0, atol=1e-16)
    # And finite differences agree.
    h = 1e-6
    fd = np.stack([(act.softmax(x + h * e) - act.softmax(x - h * e)) / (2 * h) for e in np.eye(6)])
    assert np.allclose(jac, fd, atol=1e-9)


def test_softmax_cross_entropy_gradient_is_p_minus_y():
    x = _rng().normal(size=(20, 5)) * 3
    y = np.eye(5)[_rng().integers(0, 5, size=20)]
    p = act.softmax(x)
    # loss = −Σ y · log_softmax(x): its gradient is the VJP of log_softmax with g = −y.
    grad_via_log_softmax = act.get("log_softmax").vjp(x, -y)
    # The same through softmax then log: dL/dp = −y/p, pulled back through softmax.
    grad_via_softmax = act.get("softmax").vjp(x, -y / p)
    assert np.allclose(grad_via_log_softmax, p - y, rtol=0, atol=1e-15)
    assert np.allclose(grad_via_softmax, p - y, rtol=0, atol=1e-14)


def test_two_class_softmax_is_the_sigmoid_of_the_difference():
    z = np.linspace(-30, 30, 601)
    pair = np.stack([z, np.zeros_like(z)], axis=-1)
    assert np.allclose(act.softmax(pair)[:, 0], act.sigmoid(z), rtol=1e-14, atol=0)


def test_log_softmax_keeps_what_log_of_softmax_loses():
    x = np.array([0.0, -800.0])
    assert act.log_softmax(x)[1] == -800.0
    with np.errstate(divide="ignore"):
        assert np.log(act.softmax(x))[1] == -np.inf


def test_softmin_is_softmax_of_the_negation():
    x = _rng().normal(size=(4, 9))
    assert np.allclose(act.softmin(x), act.softmax(-x), rtol=1e-15, atol=0)


def test_softmax_range_is_the_open_unit_interval_for_rows_of_two_or_more():
    """Mathematically every entry lies in (0, 1) and approaches both ends; a one-entry row
    gives exactly 1. In float64 an entry rounds to 0 or 1 once the gap is large enough."""
    x = _rng().normal(size=(200, 5)) * 10
    p = act.softmax(x)
    assert np.all((p > 0) & (p < 1))
    for gap in (5.0, 20.0, 35.0):
        small, big = act.softmax(np.array([0.0, gap]))
        assert 0 < small < 1 and 0 < big < 1
        assert float(small) == pytest.approx(float(1 / (1 + mpmath.exp(gap))), rel=1e-14)
    assert act.softmax(np.array([2.5])).tolist() == [1.0]
    assert act.softmax(np.array([0.0, -800.0])).tolist() == [1.0, 0.0]  # rounding, not the range


def test_sparsemax_returns_exact_zeros_and_sums_to_one():
    x = np.array([2.0, 1.5, 0.1, -1.0])
    p = act.sparsemax(x)
    assert np.array_equal(p, np.array([0.75, 0.25, 0.0, 0.0]))
    assert act.softmax(x).min() > 0


def test_source_softmax_code_normalises_the_wrong_axis_for_a_batch():
    """000's softmax (global max, sum over axis 0) is right for one vector, wrong for a batch."""
    logits = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])  # two samples, three classes

    def source_softmax(x):  # the formula as the source writes it
        e = np.exp(x - np.max(x))
        return e / e.sum(axis=0)

    assert np.allclose(source_softmax(logits[0]), act.softmax(logits[0]))
    wrong = source_softmax(logits)
    assert not np.allclose(wrong.sum(axis=-1), 1.0)  # rows do not sum to 1
    assert np.allclose(act.softmax(logits).sum(axis=-1), 1.0)


# --- numerics -----------------------------------------------------------------------------


def test_source_sigmoid_grad_formula_cancels_in_the_tail():
    """s·(1 − s) is exactly 0 for x ≳ 37 in float64; the true σ′(40) ≈ 4.25e-18."""
    x = 40.0
    s = 1 / (1 + np.exp(-x))
    assert s * (1 - s) == 0.0
    truth = float(mpmath.exp(-40) / (1 + mpmath.exp(-40)) ** 2)
    assert float(act.get("sigmoid").grad(x)) == pytest.approx(truth, rel=1e-15)


def test_source_tanh_grad_formula_cancels_in_the_tail():
    x = 20.0
    assert 1 - np.tanh(x) ** 2 == 0.0
    truth = float(1 / mpmath.cosh(20) ** 2)
    assert float(act.get("tanh").grad(x)) == pytest.approx(truth, rel=1e-14)


def test_naive_softplus_overflows_and_underflows():
    with np.errstate(over="ignore"):
        assert np.log(1 + np.exp(800.0)) == np.inf
    assert np.log(1 + np.exp(-40.0)) == 0.0
    assert float(act.softplus(800.0)) == 800.0
    assert float(act.softplus(-40.0)) == pytest.approx(
        float(mpmath.log1p(mpmath.exp(-40))), rel=1e-15
    )


def test_naive_softmax_overflows():
    x = np.array([1000.0, 1001.0])
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(x) / np.exp(x).sum()
    assert np.all(np.isnan(naive))
    assert np.allclose(act.softmax(x), [1 / (1 + np.e), np.e / (1 + np.e)], rtol=1e-15)


def test_naive_gelu_erf_form_cancels_for_negative_inputs():
    from scipy.special import erf

    x = -10.0
    naive = 0.5 * x * (1 + erf(x / np.sqrt(2)))
    truth = float(mpmath.mpf(x) * mpmath.ncdf(x))
    assert naive == 0.0 or abs(naive - truth) / abs(truth) > 0.5
    assert float(act.gelu(x)) == pytest.approx(truth, rel=1e-14)


def test_naive_elu_loses_digits_near_zero():
    x = 1e-10
    naive = np.exp(-x) - 1
    truth = float(mpmath.expm1(-x))
    assert abs(naive - truth) / abs(truth) > 1e-8
    assert float(act.elu(-x)) == pytest.approx(truth, rel=1e-15)


def test_log_sigmoid_is_minus_softplus_of_minus_x():
    x = np.linspace(-800, 800, 1601)
    assert np.allclose(act.log_sigmoid(x), -act.softplus(-x), rtol=1e-15, atol=0)
    assert float(act.log_sigmoid(-800.0)) == -800.0
    with np.errstate(divide="ignore", over="ignore"):
        assert np.log(1 / (1 + np.exp(800.0))) == -np.inf


# --- claims of the source documents -----------------------------------------------------


def test_source_sigmoid_is_steep_only_next_to_its_flat_tails():
    """002: between −2 and 2 the sigmoid is "very steep", "small changes in x bring about
    large changes in y". Steep relative to its tails: [−2, 2] holds about three quarters of
    its range and its slope there is at least σ′(2) ≈ 0.105, against below σ′(5) ≈ 0.0066
    for |x| > 5. But |Δy| ≤ |Δx|/4 everywhere: no small change in x is amplified."""
    grad = act.get("sigmoid").grad
    inside = np.linspace(-2, 2, 4001)
    assert act.sigmoid(2.0) - act.sigmoid(-2.0) > 0.76
    assert grad(inside).min() == pytest.approx(0.1049935854035065, rel=1e-14)  # σ′(±2)
    tails = np.concatenate([np.linspace(-30, -5.001, 2000), np.linspace(5.001, 30, 2000)])
    assert grad(tails).max() < grad(5.0) < 0.0067
    secant = np.abs(np.diff(act.sigmoid(inside)) / np.diff(inside))
    assert secant.max() <= 0.25


def _weight_gradients_of_a_deep_network(name: str, unit_normal_weights: bool):
    """‖∂L/∂W_l‖ for the 30 hidden layers and the last hidden layer's output, for the
    network of the vanishing-gradients notebook (30 × 64 units, a batch of 256, seed 7)
    at its standard initialisation or with every weight drawn from N(0, 1)."""
    from activations import nn

    depth, width, batch = 30, 64, 256
    rng = np.random.default_rng(7)
    x = rng.normal(size=(batch, width))
    y = rng.integers(0, 10, size=batch)
    model = nn.MLP([width] + [width] * depth + [10], name, seed=7)
    if unit_normal_weights:
        for w in model.weights:
            w[:] = rng.normal(0.0, 1.0, size=w.shape)
    _, grad = nn.softmax_cross_entropy(model.forward(x), y)
    return nn.grad_norms(model.backward(grad))[:-1], model.cache[-2][2]


def test_source_relu_can_explode_gradients_when_the_weights_are_too_large():
    """003: ReLU "can explode gradients in some cases". Right. ReLU′ ∈ {0, 1}, so the
    activation never multiplies a backpropagated gradient by more than 1; but it neither
    saturates nor bounds its output on the active side, so with weights of too large a gain
    (N(0, 1), no 1/√fan_in scaling) nothing caps the growth: the forward activations grow
    layer after layer, and every weight gradient ∂L/∂W_l = δ_l a_{l−1}ᵀ grows with them."""
    assert set(np.unique(act.get("relu").grad(GRID))) == {0.0, 1.0}
    he, _ = _weight_gradients_of_a_deep_network("relu", unit_normal_weights=False)
    big, out = _weight_gradients_of_a_deep_network("relu", unit_normal_weights=True)
    assert big.min() > 1e15 * he.max()
    assert np.abs(out).max() > 1e20  # ReLU's forward activations are not capped
    # tanh with the same N(0, 1) weights: outputs stay in (−1, 1), and its largest weight
    # gradient is many orders of magnitude below ReLU's smallest.
    tanh_big, tanh_out = _weight_gradients_of_a_deep_network("tanh", unit_normal_weights=True)
    assert np.abs(tanh_out).max() <= 1.0
    assert tanh_big.max() < 1e-10 * big.min()


def test_source_selu_derivative_is_two_simple_pieces():
    """002: SELU's derivative "can be complex". It is λ for x > 0 and λαe^x for x ≤ 0."""
    lam = float(act.selu(1.0))
    lam_alpha = -float(act.selu(-np.inf))
    x = np.linspace(-20, 20, 4001)
    expected = np.where(x > 0, lam, lam_alpha * np.exp(np.minimum(x, 0)))
    assert np.allclose(act.get("selu").grad(x), expected, rtol=1e-14, atol=0)


def test_source_swish_derivative_is_short():
    """002: Swish's derivative is "not as straightforward". It is f + σ(x)(1 − f)."""
    x = np.linspace(-30, 30, 6001)
    f, s = act.silu(x), act.sigmoid(x)
    assert np.allclose(act.get("silu").grad(x), f + s * (1 - f), rtol=1e-12, atol=1e-300)


def test_source_gelu_derivative_involves_the_normal_pdf():
    """002 is right here: GELU′(x) = Φ(x) + x φ(x)."""
    from scipy.special import ndtr

    x = np.linspace(-8, 8, 1601)
    pdf = np.exp(-(x**2) / 2) / np.sqrt(2 * np.pi)
    assert np.allclose(act.get("gelu").grad(x), ndtr(x) + x * pdf, rtol=1e-12, atol=1e-300)


# --- the pages cite these tests by name -------------------------------------------------

PAGES = ("interview.md", "misconceptions.md", "choosing.md", "sources.md")


@pytest.mark.parametrize("page", PAGES)
def test_every_test_a_page_cites_exists(page):
    text = (Path(__file__).resolve().parents[1] / "docs" / page).read_text(encoding="utf-8")
    cited = set(re.findall(r"`(?:tests/test_claims\.py::)?(test_[a-z0-9_]+)`", text))
    assert cited, f"{page} cites no test"
    module = sys.modules[__name__]
    missing = sorted(name for name in cited if not callable(getattr(module, name, None)))
    assert not missing, f"{page} cites tests that do not exist: {missing}"


def test_every_test_file_and_test_a_page_or_module_names_exists():
    """Paths such as ``tests/test_gated.py`` or ``tests/test_x.py::test_y`` in the pages,
    notebooks, library and scripts name a file and a test that exist (files get renamed)."""
    root = Path(__file__).resolve().parents[1]
    sources = [root / "README.md", root / "CONTRIBUTING.md"]
    for folder, pattern in (
        ("docs", "*.md"),
        ("docs", "*.py"),
        ("src", "*.py"),
        ("scripts", "*.py"),
    ):
        sources += sorted((root / folder).rglob(pattern))
    cited = 0
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for path, name in re.findall(
            r"\b(tests/test_[a-z0-9_]+\.py)(?:::(test_[a-z0-9_]+))?", text
        ):
            cited += 1
            where = f"{source.relative_to(root)} names {path}"
            assert (root / path).is_file(), where
            if name:
                assert re.search(
                    rf"^def {name}\b", (root / path).read_text(encoding="utf-8"), re.M
                ), f"{where}::{name}"
    assert cited > 10, cited


# --- what the peers do (claims the pages make about PyTorch and JAX) --------------------


def test_pytorch_exact_gelu_underflows_and_softplus_switches_to_x():
    torch = pytest.importorskip("torch")
    x = torch.tensor([-10.0, -8.5], dtype=torch.float64)
    assert torch.nn.functional.gelu(x).tolist() == [0.0, 0.0]  # true: -7.6e-23, -8.1e-17
    assert float(act.gelu(-8.5)) == pytest.approx(-8.057604598872762e-17, rel=1e-14)
    above = torch.tensor([20.5], dtype=torch.float64)
    assert torch.nn.functional.softplus(above).item() == 20.5  # its threshold=20 returns x
    assert float(act.softplus(20.5)) > 20.5


def test_jax_gelu_defaults_to_tanh_and_leaky_relu_gradient_at_zero_is_one():
    jax = pytest.importorskip("jax")
    import inspect

    assert inspect.signature(jax.nn.gelu).parameters["approximate"].default is True
    assert inspect.signature(jax.nn.leaky_relu).parameters["negative_slope"].default == 0.01
    assert float(jax.grad(jax.nn.leaky_relu)(0.0)) == 1.0
    assert float(jax.grad(jax.nn.relu)(0.0)) == 0.0


def test_pytorch_leaky_relu_default_slope_and_gradient_at_zero():
    """PyTorch: negative_slope 0.01 for the module and the function; at x = 0 the gradient
    is the slope (JAX returns 1 there: the JAX test above)."""
    torch = pytest.importorskip("torch")
    import inspect

    assert torch.nn.LeakyReLU().negative_slope == 0.01
    assert (
        inspect.signature(torch.nn.functional.leaky_relu).parameters["negative_slope"].default
        == 0.01
    )
    x = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.leaky_relu(x).sum().backward()
    assert x.grad.tolist() == [0.01]


def test_pytorch_gelu_defaults_to_the_exact_form():
    torch = pytest.importorskip("torch")
    x = np.linspace(-6.0, 6.0, 1201)
    t = torch.from_numpy(x)
    assert torch.nn.GELU().approximate == "none"
    np.testing.assert_allclose(
        torch.nn.functional.gelu(t).numpy(), act.gelu(x), rtol=1e-13, atol=1e-15
    )
    tanh_form = torch.nn.functional.gelu(t, approximate="tanh").numpy()
    np.testing.assert_allclose(tanh_form, act.gelu(x, approximate="tanh"), rtol=1e-13, atol=1e-15)
    assert np.abs(tanh_form - act.gelu(x)).max() > 1e-4


def test_pytorch_softmax_does_not_overflow_for_large_logits():
    """A naive exp(x)/Σexp(x) gives NaN here (test_naive_softmax_overflows); PyTorch's
    softmax does not. Large gaps still round entries to exactly 0 and 1."""
    torch = pytest.importorskip("torch")
    big = torch.softmax(torch.tensor([1000.0, 1001.0], dtype=torch.float64), dim=0).numpy()
    np.testing.assert_allclose(big, act.softmax(np.array([1000.0, 1001.0])), rtol=1e-15)
    far = torch.softmax(torch.tensor([0.0, -800.0], dtype=torch.float64), dim=0)
    assert far.tolist() == [1.0, 0.0]


def test_jax_softmax_does_not_overflow_for_large_logits():
    jax = pytest.importorskip("jax")
    with jax.enable_x64(True):
        big = np.asarray(jax.nn.softmax(np.array([1000.0, 1001.0])))
        far = np.asarray(jax.nn.softmax(np.array([0.0, -800.0])))
    np.testing.assert_allclose(big, act.softmax(np.array([1000.0, 1001.0])), rtol=1e-15)
    assert far.tolist() == [1.0, 0.0]


def test_recorded_pytorch_softplus_is_what_pytorch_computes():
    torch = pytest.importorskip("torch")
    fw = next(f for f in act.get("softplus").frameworks if f.framework == "PyTorch")
    x = np.linspace(-30.0, 30.0, 60001)
    theirs = torch.nn.functional.softplus(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(fw.fn(x), theirs, rtol=1e-15, atol=0)


# --- claims of the interview page (docs/interview.md) -----------------------------------
# Kept in one block: property words as the project defines them, the numbers behind the
# 2026 questions (attention scaling, temperature, half precision) and what PyTorch 2.13 and
# JAX 0.10 do. The framework tests skip cleanly when the framework is not installed.

# E[f(Z)] for Z ~ N(0, 1), to 5 decimals; 0 means zero-centred.
MEANS_FOR_STANDARD_NORMAL_INPUT = {
    "tanh": 0.0,
    "softsign": 0.0,
    "selu": 0.0,
    "leaky_relu": 0.39495,
    "elu": 0.16052,
    "gelu": 0.28209,
    "silu": 0.20662,
    "mish": 0.24040,
    "relu": 0.39894,
    "sigmoid": 0.5,
}


@pytest.mark.parametrize("name", MEANS_FOR_STANDARD_NORMAL_INPUT)
def test_mean_output_for_standard_normal_input(name):
    """Zero-centred means E[f(Z)] = 0; the catalog's f integrated against φ in mpmath."""
    from activations.reference import reference

    spec = act.get(name)
    with mpmath.workdps(20):
        mean = mpmath.quad(lambda z: reference(spec, float(z))[0] * mpmath.npdf(z), [-12, 0, 12])
    expected = MEANS_FOR_STANDARD_NORMAL_INPUT[name]
    assert float(mean) == pytest.approx(expected, abs=5e-6)
    if expected == 0.0:
        assert abs(float(mean)) < 1e-15
    else:
        assert float(mean) > 0.1  # "closer to 0 than ReLU" is not zero-centred


def test_mean_outputs_match_their_closed_forms():
    """ReLU 1/√(2π), Leaky ReLU (1 − α)/√(2π), GELU E[φ(Z)] = 1/(2√π) (Stein's lemma),
    ELU 1/√(2π) + √e·Φ(−1) − 1/2."""
    with mpmath.workdps(30):
        inv_sqrt_2pi = 1 / mpmath.sqrt(2 * mpmath.pi)
        closed = {
            "relu": inv_sqrt_2pi,
            "leaky_relu": (1 - mpmath.mpf("0.01")) * inv_sqrt_2pi,
            "gelu": 1 / (2 * mpmath.sqrt(mpmath.pi)),
            "elu": inv_sqrt_2pi + mpmath.sqrt(mpmath.e) * mpmath.ncdf(-1) - mpmath.mpf(1) / 2,
        }
    for name, value in closed.items():
        assert float(value) == pytest.approx(MEANS_FOR_STANDARD_NORMAL_INPUT[name], abs=5e-6)


def test_softmax_temperature_limits_and_gradient_scale():
    x = np.array([2.0, 1.0, 0.1, -0.5])
    assert np.allclose(act.softmax(x / 1e-3), np.eye(4)[0], atol=1e-300)
    assert np.allclose(act.softmax(x / 1e6), np.full(4, 0.25), rtol=1e-5)
    # d softmax(x/T)/dx = (1/T)·J(x/T): the VJP at x/T divided by T, against differences.
    spec = act.get("softmax")
    g = np.array([0.3, -1.0, 0.5, 0.2])
    for temperature in (0.5, 1.0, 4.0):
        analytic = spec.vjp(x / temperature, g) / temperature
        h = 1e-6

        def p(v, t=temperature):
            return act.softmax(v / t)

        fd = np.array([g @ (p(x + h * e) - p(x - h * e)) / (2 * h) for e in np.eye(4)])
        assert np.allclose(analytic, fd, atol=1e-8)
        assert np.argmax(act.softmax(x / temperature)) == 0


def test_attention_logit_variance_grows_with_d_k():
    """Var(q·k) = d_k for independent unit-variance components; after 1/√d_k it is 1."""
    rng = _rng()
    for d_k in (16, 64, 256):
        q, k = rng.standard_normal((2, 20_000, d_k))
        s = np.sum(q * k, axis=1)
        assert s.var() == pytest.approx(d_k, rel=0.05)
        assert (s / np.sqrt(d_k)).var() == pytest.approx(1.0, rel=0.05)


def test_half_precision_exp_overflows_above_log_65504():
    assert float(np.finfo(np.float16).max) == 65504.0
    assert np.log(65504.0) == pytest.approx(11.0898664885, abs=1e-10)
    largest = np.float16(11.0859375)
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(largest))
        assert np.exp(np.nextafter(largest, np.float16(12))) == np.inf
        assert np.exp(np.float16(11.1)) == np.inf
    # bfloat16 = the upper 16 bits of a float32: largest value (2 − 2⁻⁷)·2¹²⁷.
    bf16_max = np.array([0x7F7F0000], dtype=np.uint32).view(np.float32)[0]
    assert float(bf16_max) == (2 - 2**-7) * 2.0**127


def test_pytorch_cross_entropy_is_log_softmax_then_nll_loss():
    """PyTorch's cross_entropy is not one fused operation: for class-index targets its
    autograd graph is nll_loss after log_softmax, and the gradient they give is p − y."""
    torch = pytest.importorskip("torch")
    x = np.array([[2.0, 1.0, 0.1], [-1.0, 3.0, 0.5]])
    logits = torch.tensor(x, requires_grad=True)
    target = torch.tensor([1, 2])
    loss = torch.nn.functional.cross_entropy(logits, target, reduction="sum")
    assert loss.grad_fn.name() == "NllLossBackward0"
    assert [f.name() for f, _ in loss.grad_fn.next_functions] == ["LogSoftmaxBackward0"]
    loss.backward()
    expected = act.softmax(x) - np.eye(3)[[1, 2]]
    np.testing.assert_allclose(logits.grad.numpy(), expected, rtol=1e-14, atol=1e-16)


def test_pytorch_relu_gradient_at_zero_is_zero():
    torch = pytest.importorskip("torch")
    x = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    torch.relu(x).sum().backward()
    assert x.grad.tolist() == [0.0, 0.0, 0.0]


def test_pytorch_prelu_starts_at_a_quarter():
    torch = pytest.importorskip("torch")
    assert torch.nn.PReLU().weight.tolist() == [0.25]


def test_pytorch_and_jax_hard_sigmoid_is_relu6_of_x_plus_3_over_6():
    x = np.linspace(-5.0, 5.0, 1001)
    expected = act.relu6(x + 3) / 6
    assert np.allclose(act.hard_sigmoid(x), expected, rtol=0, atol=1e-15)
    torch = pytest.importorskip("torch")
    theirs = torch.nn.functional.hardsigmoid(torch.from_numpy(x)).numpy()
    assert np.allclose(theirs, expected, rtol=0, atol=1e-15)
    jax = pytest.importorskip("jax")
    with jax.enable_x64(True):
        assert np.allclose(np.asarray(jax.nn.hard_sigmoid(x)), expected, rtol=0, atol=1e-15)


def test_pytorch_calculate_gain_and_linear_default_init():
    torch = pytest.importorskip("torch")
    gain = torch.nn.init.calculate_gain
    assert gain("tanh") == 5.0 / 3
    assert gain("relu") == np.sqrt(2.0)
    assert gain("selu") == 3.0 / 4
    assert gain("linear") == 1
    # nn.Linear: kaiming_uniform_(a=√5) is U(−1/√fan_in, 1/√fan_in), and so is the bias.
    torch.manual_seed(0)
    fan_in = 256
    layer = torch.nn.Linear(fan_in, 512)
    bound = 1 / np.sqrt(fan_in)
    w, b = layer.weight.detach().numpy(), layer.bias.detach().numpy()
    assert np.abs(w).max() <= bound and np.abs(w).max() > 0.99 * bound
    assert np.abs(b).max() <= bound
    assert w.var() == pytest.approx(1 / (3 * fan_in), rel=0.02)


def test_pytorch_saves_relu_output_and_gelu_silu_input():
    """What the backward pass keeps: ReLU its result, GELU and SiLU their input."""
    torch = pytest.importorskip("torch")
    x = torch.randn(8, dtype=torch.float64, requires_grad=True)
    y = torch.relu(x)
    assert y.grad_fn._saved_result.equal(y)
    assert not hasattr(y.grad_fn, "_saved_self")
    for fn in (torch.nn.functional.gelu, torch.nn.functional.silu):
        y = fn(x)
        assert y.grad_fn._saved_self.equal(x)
        assert not hasattr(y.grad_fn, "_saved_result")


def test_pytorch_autocast_covers_softmax_but_not_gelu():
    """CUDA autocast registers kernels (casting to float32) for softmax, log_softmax, exp and
    layer_norm, none for gelu or silu; on the CPU softmax stays in bfloat16."""
    torch = pytest.importorskip("torch")
    has = torch._C._dispatch_has_kernel_for_dispatch_key
    for op in ("aten::softmax.int", "aten::log_softmax.int", "aten::exp", "aten::layer_norm"):
        assert has(op, "AutocastCUDA"), op
    for op in ("aten::gelu", "aten::silu", "aten::relu"):
        assert not has(op, "AutocastCUDA"), op
    x = torch.randn(4, 8)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        h = torch.nn.functional.linear(x, torch.randn(8, 8))
        assert h.dtype == torch.bfloat16
        assert torch.softmax(h, dim=-1).dtype == torch.bfloat16


def test_jax_tanh_gelu_returns_zero_in_the_tail():
    jax = pytest.importorskip("jax")
    with jax.enable_x64(True):
        x = np.array([-8.5, -10.0])
        assert np.asarray(jax.nn.gelu(x)).tolist() == [0.0, 0.0]  # default: tanh form
        exact = np.asarray(jax.nn.gelu(x, approximate=False))
    assert exact == pytest.approx(act.gelu(x), rel=1e-12)


def test_pytorch_float32_gelu_returns_zero_at_minus_6():
    """CPU float32: 0 at −6 (GELU(−6) ≈ −5.9e-9 is a normal float32), not at −5."""
    torch = pytest.importorskip("torch")
    x = torch.tensor([-5.0, -6.0], dtype=torch.float32)
    near, far = torch.nn.functional.gelu(x).tolist()
    assert near != 0.0 and far == 0.0
    truth = float(mpmath.mpf(-6) * mpmath.ncdf(-6))
    assert abs(truth) > np.finfo(np.float32).tiny
    assert float(act.gelu(np.float32(-6.0))) == pytest.approx(truth, rel=1e-6)


def test_pytorch_bfloat16_gelu_is_the_float32_result_rounded_once():
    torch = pytest.importorskip("torch")
    x = torch.linspace(-8.0, 8.0, 20_001).to(torch.bfloat16)
    gelu = torch.nn.functional.gelu
    assert torch.equal(gelu(x), gelu(x.float()).to(torch.bfloat16))


@pytest.mark.parametrize("framework", ["torch", "jax"])
def test_pytorch_and_jax_sigmoid_round_to_one_where_the_catalog_does(framework):
    """1/(1 + e^{−x}) is exactly 1 once 1 + e^{−x} rounds to 1: from ln 2^53 in float64, before
    a correctly rounded σ would be (ln 2^54). The peers' σ switches at the catalog's input."""
    from activations.properties import rounding

    thresholds = {r.dtype: r.threshold for r in rounding("sigmoid") if r.bound == 1.0}
    assert thresholds["float64"] == pytest.approx(53 * np.log(2), abs=1e-12)
    assert thresholds["float32"] == pytest.approx(24 * np.log(2), rel=1e-6)
    lib = pytest.importorskip(framework)
    for dtype, t in thresholds.items():
        pair = np.array([np.nextafter(t, 0.0, dtype=dtype), t], dtype=dtype)
        if framework == "torch":
            got = lib.sigmoid(lib.from_numpy(pair)).numpy()
        else:
            with lib.enable_x64(True):
                got = np.asarray(lib.nn.sigmoid(pair))
        assert got.dtype == pair.dtype
        assert got[0] < 1.0 and got[1] == 1.0, (dtype, got)
    with mpmath.workdps(50):  # a correctly rounded σ is still below 1 there
        assert float(1 / (1 + mpmath.exp(-mpmath.mpf(thresholds["float64"])))) < 1.0


def test_pytorch_bce_loss_clamps_the_log_and_the_sigmoid_gradient_is_zero():
    """A saturated σ: BCELoss gives 100 (wrong) and 0 (right) instead of inf and NaN, and no
    gradient reaches the logit; the loss on the logit stays finite and keeps its gradient."""
    torch = pytest.importorskip("torch")
    bce = torch.nn.functional.binary_cross_entropy
    one = torch.tensor([1.0, 1.0])
    assert bce(one, torch.tensor([0.0, 1.0]), reduction="none").tolist() == [100.0, 0.0]
    z = torch.tensor([40.0], dtype=torch.float64, requires_grad=True)
    loss = bce(torch.sigmoid(z), torch.zeros(1, dtype=torch.float64))
    loss.backward()
    assert loss.item() == 100.0 and z.grad.item() == 0.0
    z.grad = None
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z, torch.zeros(1, dtype=z.dtype))
    loss.backward()
    assert loss.item() == pytest.approx(40.0, rel=1e-15) and z.grad.item() == 1.0
