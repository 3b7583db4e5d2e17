"""The properties :mod:`activations.properties` computes from the catalog: checked
against independent computations (the NumPy implementation, closed forms, textbook
classifications) and against what the catalog's own prose says.
"""

from __future__ import annotations

import itertools
import math
import re

import mpmath
import numpy as np
import pytest
import sympy as sp
from scipy import integrate, stats

import activations as act
from activations import properties, reference
from activations.reference import _store

ELEMENTWISE = [s for s in act.specs() if s.elementwise]
IDS = [s.name for s in ELEMENTWISE]


def _quad_numpy(spec) -> float:
    """E[f(Z)] from the NumPy implementation, by SciPy quadrature split at the kinks
    (over [−40, 40]: the normal density beyond is below 1e−340)."""
    cuts = sorted({k.at for k in spec.kinks} | {0.0})
    edges = [-40.0, *cuts, 40.0]

    def integrand(x):
        return float(spec.fn(x, **spec.params)) * stats.norm.pdf(x)

    return sum(
        integrate.quad(integrand, a, b, epsabs=1e-13, epsrel=1e-12, limit=200)[0]
        for a, b in itertools.pairwise(edges)
    )


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_mean_output_agrees_with_the_implementation(spec):
    assert float(properties.mean_output(spec)) == pytest.approx(_quad_numpy(spec), abs=1e-9)


def test_mean_output_closed_forms():
    # The reference reads a parameter as the decimal it was written as (0.01 = 1/100).
    ratio = sp.nsimplify(act.get("leaky_relu").params["negative_slope"])
    with mpmath.workdps(properties.MEAN_DIGITS):
        slope = mpmath.mpf(ratio.p) / ratio.q
        inv_sqrt_2pi = 1 / mpmath.sqrt(2 * mpmath.pi)
        closed = {
            "relu": inv_sqrt_2pi,
            "leaky_relu": (1 - slope) * inv_sqrt_2pi,
            "gelu": 1 / (2 * mpmath.sqrt(mpmath.pi)),  # E[Z Φ(Z)] = E[φ(Z)]
            # E[Z; Z > 0] + E[e^Z − 1; Z ≤ 0] = 1/√(2π) + √e Φ(−1) − 1/2
            "elu": inv_sqrt_2pi + mpmath.sqrt(mpmath.e) * mpmath.ncdf(-1) - mpmath.mpf(1) / 2,
            "sigmoid": mpmath.mpf(1) / 2,  # σ(x) − 1/2 is odd
            "exponential": mpmath.sqrt(mpmath.e),  # E[e^Z]
        }
        for name, value in closed.items():
            assert abs(properties.mean_output(name) - value) < mpmath.mpf(10) ** -25, name


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_zero_centred_means_a_zero_mean(spec):
    mean = properties.mean_output(spec)
    centred = properties.zero_centred(spec)
    if centred:
        # Odd functions integrate to 0 exactly; SELU's constants make its mean 0.
        x = reference.grid(np.float64, n_log=60, n_lin=101)
        odd = np.array_equal(spec.fn(-x), -spec.fn(x), equal_nan=True)
        assert odd or spec.name == "selu", f"{spec.name}: zero mean but not odd"
        assert abs(mean) <= properties.ZERO_MEAN_TOLERANCE
    else:
        assert abs(mean) > 1e-3  # far from the tolerance: the verdict is not borderline


def test_the_issue_examples_are_not_zero_centred():
    # Outputs of both signs are not a zero mean.
    for name in ("leaky_relu", "prelu", "rrelu", "elu", "celu", "gelu", "silu", "mish"):
        assert properties.zero_centred(name) is False, name
    for name in ("tanh", "softsign", "hard_tanh", "selu", "identity"):
        assert properties.zero_centred(name) is True, name


def test_selu_is_self_normalising_at_its_constants():
    # The reason its mean is 0: α and λ solve E[selu(Z)] = 0 and E[selu(Z)²] = 1.
    f = reference.elementwise_function(act.get("selu"), orders=(0,))
    with mpmath.workdps(30):
        second = mpmath.quad(lambda x: f(x)[0] ** 2 * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf])
    assert abs(second - 1) < 1e-12


def _inside(region: sp.Set, x: float) -> bool:
    return bool(region.contains(sp.Float(x)))


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_zero_gradient_region_is_where_the_derivative_is_zero(spec):
    region = properties.zero_gradient_region(spec)
    points = [float(v) for v in np.linspace(-30.0, 30.0, 241)]
    for k in spec.kinks:
        points += [k.at - 1e-6, k.at + 1e-6]
    outside_zeros = []
    for x in points:
        true_slope = reference.reference(spec, x)[1]
        if _inside(region, x):
            assert true_slope == 0, f"{spec.name}: f′({x}) = {true_slope} inside {region}"
            assert float(spec.grad(x, **spec.params)) == 0.0
        elif true_slope == 0:
            outside_zeros.append(x)
    # Outside the region f′ vanishes only at isolated points (a minimum, a kink).
    assert len(outside_zeros) <= 2, f"{spec.name}: f′ = 0 at {outside_zeros} outside {region}"


@pytest.mark.parametrize(
    ("name", "side", "kind", "order"),
    [
        ("relu", "left", "zero", 0),
        ("relu", "right", "constant", 0),
        ("elu", "left", "exponential", 0),
        ("sigmoid", "right", "exponential", 0),
        ("gelu", "left", "gaussian", 0),
        ("gaussian", "right", "gaussian", 0),
        ("softsign", "left", "power", 2),
        ("squareplus", "left", "power", 2),
        ("leaky_relu", "left", "constant", 0),
        ("sinusoid", "left", "oscillating", 0),
        ("relu_squared", "right", "growing", 0),
        ("exponential", "right", "growing", 0),
    ],
)
def test_tail_classification_of_textbook_cases(name, side, kind, order):
    tail = properties.tail(name, side)
    assert (tail.kind, tail.order) == (kind, order)


def test_tail_limits():
    assert properties.tail("leaky_relu", "left").limit == pytest.approx(0.01, rel=1e-12)
    assert properties.tail("selu", "right").limit == pytest.approx(act.selu(1.0), rel=1e-12)
    assert properties.tail("squareplus", "right").limit == pytest.approx(1.0, abs=1e-20)


@pytest.mark.parametrize(
    ("names", "verdict"),
    [
        (("relu", "relu6", "hard_sigmoid", "hard_tanh", "threshold", "hard_swish"), "yes"),
        (("sparse_plus", "relu_squared", "hardshrink", "binary_step"), "yes"),
        (("elu", "selu", "celu", "softplus", "gelu", "silu", "mish", "sigmoid"), "vanishing"),
        (("leaky_relu", "prelu", "rrelu", "identity", "sinusoid", "tanhshrink"), "no"),
    ],
)
def test_dead_unit_verdicts(names, verdict):
    for name in names:
        assert properties.dead_units(name).verdict == verdict, name


def test_gradient_floor():
    rrelu = act.get("rrelu").params
    assert properties.gradient_floor("leaky_relu") == 0.01
    assert properties.gradient_floor("prelu") == 0.25
    assert properties.gradient_floor("rrelu") == pytest.approx(
        (rrelu["lower"] + rrelu["upper"]) / 2, rel=1e-15
    )
    for name in ("elu", "gelu", "relu", "sinusoid"):
        assert properties.gradient_floor(name) == 0.0, name
    assert properties.gradient_floor("softmax") is None


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_rounding_thresholds_are_the_first_floats_that_round(spec):
    for r in properties.rounding(spec):
        dtype = np.dtype(r.dtype)
        x = dtype.type(r.threshold)
        toward_zero = np.nextafter(x, dtype.type(0))
        assert spec.fn(x) == r.bound
        assert spec.fn(toward_zero) != r.bound
        assert spec.fn(dtype.type(np.finfo(dtype).max) * (1 if r.side == "right" else -1)) == (
            r.bound
        )


def test_rounding_of_the_sigmoid():
    found = {(r.side, r.dtype): r.threshold for r in properties.rounding("sigmoid")}
    # 1 − σ(x) ≈ e^(−x) drops below half an ULP of 1 (2^−54 in float64) near x = 37.4
    assert 36 < found[("right", "float64")] < 38
    assert set(found) == {(s, d) for s in ("left", "right") for d in ("float64", "float32")}


# --------------------------------------------------------------------- the prose

_PROSE_CLAIMS = (
    (re.compile(r"\bno dead units\b", re.I), lambda s: properties.dead_units(s).verdict == "no"),
    (
        re.compile(r"(?<!not )(?<!Not )\bzero-centred\b"),
        lambda s: properties.zero_centred(s) is True,
    ),
    (
        re.compile(r"\bno zero-gradient region\b", re.I),
        lambda s: properties.zero_gradient_region(s) == sp.S.EmptySet,
    ),
    (
        re.compile(r"\bsaturat\w* on both sides\b", re.I),
        lambda s: s.properties.saturation == "both",
    ),
    (
        re.compile(r"\bnon-monotonic\b|\bnot monotonic\b", re.I),
        lambda s: s.properties.monotonic == "no",
    ),
)


def _prose(spec) -> list[str]:
    return [
        spec.summary,
        *spec.strengths,
        *spec.weaknesses,
        spec.typical_use,
        spec.notes,
        spec.naive.why,
        *(k.convention for k in spec.kinks),
    ]


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_catalog_prose_uses_the_property_words_as_defined(spec):
    for text in _prose(spec):
        for pattern, holds in _PROSE_CLAIMS:
            if pattern.search(text):
                assert holds(spec), f"{spec.name}: '{text}' contradicts the computed property"


def test_prose_check_can_fail():
    pattern, holds = _PROSE_CLAIMS[0]
    assert pattern.search("No dead units: the gradient is α·eˣ > 0.")
    assert not holds(act.get("elu"))


def test_mean_output_is_none_for_row_functions():
    assert properties.mean_output("softmax") is None
    assert properties.dead_units("swiglu") is None
    assert math.isfinite(float(properties.mean_output("relu")))


GLUS = [s for s in act.specs() if reference.is_halves(s)]


@pytest.mark.parametrize("spec", GLUS, ids=[s.name for s in GLUS])
def test_glu_saturation_is_computed_from_its_plotted_slice_like_the_other_functions(spec):
    # The slice f(1, x) is the gate h; its side(s) come from the same tail classifier as
    # the elementwise functions. An independent check: |h′| at ±60 is tiny exactly there.
    assert spec.properties.saturation == properties.saturation(spec)
    eps = 1e-12
    left, right = (
        abs(float(reference.halves(spec, 1.0, x, vjp=True)[1])) < eps for x in (-60.0, 60.0)
    )
    got = {(True, True): "both", (True, False): "left", (False, True): "right"}
    assert spec.properties.saturation == got.get((left, right), "none")


def test_quadratures_and_tail_slopes_are_kept_in_the_truth_store(tmp_path, monkeypatch):
    """With the truth store enabled, a second process (here: cleared caches) reads the
    moments and the tail slopes back instead of integrating again, bit for bit; a
    spec's entries are keyed on its expression (another spec, other files)."""
    monkeypatch.setenv(_store.ENV, str(tmp_path))
    caches = (properties._moment, properties._tail)
    for cache in caches:
        cache.cache_clear()
    try:
        mean, tail = properties.mean_output("elu"), properties.tail("elu", "left")
        assert len(list(tmp_path.glob("*/elu-*.json.gz"))) == 2
        for cache in caches:
            cache.cache_clear()

        def no_recompute(*args, **kwargs):
            raise AssertionError("computed again instead of read from the store")

        with monkeypatch.context() as patched:
            patched.setattr(mpmath, "quad", no_recompute)
            patched.setattr(properties.reference, "reference", no_recompute)
            assert properties.mean_output("elu")._mpf_ == mean._mpf_
            assert properties.tail("elu", "left") == tail
        properties.mean_output("selu")
        assert len(list(tmp_path.glob("*/selu-*.json.gz"))) == 1
    finally:
        for cache in caches:
            cache.cache_clear()  # later tests compute (or read) their own
