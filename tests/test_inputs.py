"""What every function of the catalog accepts and returns: the generic input suite.

dtype: float16/32/64 in → same dtype out, at every parameter setting; float16 results
are the float32 results rounded once; ints and bools → float64. Scalars, lists, 0-d
and empty arrays, any shape; functions of a row along any axis. NaN propagates; ±inf
give the mathematical limits (from the spec's expression in mpmath) in every float
dtype; the sign of zero is what each docstring promises; no floating-point warning
for any input (warnings are errors in this suite). Bad input raises a ``TypeError``
naming the function; bad parameters a ``ValueError`` or ``TypeError`` naming the
function and the parameter (and so do values outside a parameter's domain); a bad
axis an ``AxisError``. The odd functions are odd bit for bit.
"""

from __future__ import annotations

import functools
import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.exceptions import AxisError

import activations as act
from activations import reference

SPECS = act.specs()
ELEMENTWISE = [s for s in SPECS if s.elementwise]
VECTOR = [s for s in SPECS if not s.elementwise]


def _callables(specs):
    for s in specs:
        yield pytest.param(s, s.fn, id=s.name)
        if s.grad is not None:
            yield pytest.param(s, s.grad, id=f"{s.name}.grad")


def _sample(n=12):  # divisible by 2, 3 and 4: gated linear units and maxout split it
    return np.linspace(-3.0, 3.0, n)


def _settings(spec):
    """Every setting the catalog is measured at (:func:`reference.settings`), as
    keyword arguments: the defaults, each example value of each parameter, each variant."""
    out = []
    for params, variant in reference.settings(spec):
        kwargs = dict(params)
        if variant is not None:
            kwargs.update(next(v.kwargs for v in spec.variants if v.label == variant))
        out.append(kwargs)
    return out


FLOAT_DTYPES = [np.float16, np.float32, np.float64]


@pytest.mark.parametrize(("spec", "fn"), list(_callables(SPECS)))
@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: d.__name__)
def test_float_dtype_is_preserved_at_every_setting(spec, fn, dtype):
    x = _sample().astype(dtype)
    for kwargs in _settings(spec):
        assert fn(x, **kwargs).dtype == dtype, kwargs


@pytest.mark.parametrize(("spec", "fn"), list(_callables(ELEMENTWISE)))
def test_float16_is_the_float32_result_rounded_once(spec, fn):
    x16 = np.linspace(-8, 8, 161).astype(np.float16)
    y16 = fn(x16)
    np.testing.assert_array_equal(y16, fn(x16.astype(np.float32)).astype(np.float16))
    # and so within float16's resolution of the float64 result
    tiny = float(np.finfo(np.float16).tiny)
    np.testing.assert_allclose(y16.astype(np.float64), fn(x16.astype(np.float64)), rtol=2e-3,
                               atol=tiny)  # fmt: skip


@pytest.mark.parametrize(("spec", "fn"), list(_callables(SPECS)))
@pytest.mark.parametrize(
    "dtype", [np.int8, np.int64, np.uint16, np.bool_], ids=lambda d: d.__name__
)
def test_integers_and_bools_become_float64(spec, fn, dtype):
    x = np.array([0, 1, 1, 0, 1, 1], dtype=dtype)
    assert fn(x).dtype == np.float64


@pytest.mark.parametrize(("spec", "fn"), list(_callables(ELEMENTWISE)))
def test_scalars_lists_and_shapes(spec, fn):
    y = fn(0.5)
    assert isinstance(y, np.float64) and np.ndim(y) == 0
    assert isinstance(fn(np.float32(0.5)), np.float32)
    assert fn([0.5, -1.0]).shape == (2,)
    assert fn(np.zeros((0, 3))).shape == (0, 3)
    x = np.linspace(-2, 2, 24).reshape(2, 3, 4)
    np.testing.assert_array_equal(fn(x), fn(x.ravel()).reshape(2, 3, 4))
    assert fn(x.T).shape == (4, 3, 2)


@pytest.mark.parametrize("spec", VECTOR, ids=[s.name for s in VECTOR])
def test_row_functions_take_any_axis_lists_and_empty_rows(spec):
    fn = spec.fn
    np.testing.assert_array_equal(fn([1.0, 2.0, 3.0, 4.0]), fn(np.array([1.0, 2.0, 3.0, 4.0])))
    x = np.random.default_rng(0).standard_normal((2, 4, 6))
    for axis in range(-3, 3):
        y = fn(x, axis=axis)
        np.testing.assert_array_equal(y, np.moveaxis(fn(np.moveaxis(x, axis, -1)), -1, axis))
    empty = fn(np.zeros((3, 0)))
    assert empty.shape == (3, 0) and empty.dtype == np.float64
    assert fn(np.zeros((0, 4)), axis=-1).shape[0] == 0


BAD_INPUTS = [
    pytest.param(np.array([1 + 2j]), id="complex"),
    pytest.param(np.array(["a"]), id="str-array"),
    pytest.param("text", id="str"),
    pytest.param(np.array([object()]), id="object"),
    pytest.param(None, id="None"),
]


@pytest.mark.parametrize("bad", BAD_INPUTS)
@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_bad_input_raises_type_error_naming_the_function(spec, bad):
    with pytest.raises(TypeError, match=spec.fn.__name__):
        spec.fn(bad)
    if spec.grad is not None:
        with pytest.raises(TypeError, match=spec.grad.__name__):
            spec.grad(bad)


def _numeric_params(spec):
    return [
        p
        for p in spec.parameters
        if isinstance(p.default, int | float) and not isinstance(p.default, bool)
    ]


@pytest.mark.parametrize("spec", VECTOR, ids=[s.name for s in VECTOR])
def test_row_functions_reject_a_bad_axis_and_a_bad_cotangent(spec):
    fname, vname = spec.fn.__name__, spec.vjp.__name__
    for axis in (2, -3):
        with pytest.raises(AxisError, match=f"{fname}: axis"):
            spec.fn(np.zeros((2, 4)), axis=axis)
    with pytest.raises(TypeError, match=fname):
        spec.fn(np.zeros((2, 4)), axis=1.0)
    with pytest.raises(TypeError, match=vname):
        spec.vjp(np.zeros(4), np.array(["a", "b", "c", "d"]))
    with pytest.raises(ValueError, match=vname):
        spec.vjp(np.zeros(4), np.zeros(7))


@pytest.mark.parametrize(
    "spec",
    [s for s in SPECS if _numeric_params(s)],
    ids=[s.name for s in SPECS if _numeric_params(s)],
)
def test_bad_parameters_name_the_function_and_the_parameter(spec):
    x = _sample()
    funcs = [spec.fn] + ([spec.grad] if spec.grad is not None else [])
    for fn, p in ((fn, p) for fn in funcs for p in _numeric_params(spec)):
        message = rf"{spec.name}: .*\b{p.name}\b"
        with pytest.raises(TypeError, match=message):
            fn(x, **{p.name: "0.5"})
        # NaN is an invalid value for a real parameter, and the wrong type for an integer one
        expected = ValueError if isinstance(p.default, float) else (TypeError, ValueError)
        with pytest.raises(expected, match=message):
            fn(x, **{p.name: float("nan")})


INVALID = [  # values outside a parameter's domain: (function, parameters, error, parameter)
    ("softplus", {"beta": 0.0}, ValueError, "beta"),
    ("softplus", {"beta": -1.0}, ValueError, "beta"),
    ("celu", {"alpha": 0.0}, ValueError, "alpha"),
    ("squareplus", {"b": -1.0}, ValueError, "b"),
    ("leaky_relu", {"negative_slope": float("inf")}, ValueError, "negative_slope"),
    ("leaky_relu", {"negative_slope": True}, TypeError, "negative_slope"),
    ("prelu", {"weight": [0.1, float("nan")]}, ValueError, "weight"),
    ("prelu", {"weight": ["a"]}, TypeError, "weight"),
    ("prelu", {"weight": [1 + 1j]}, TypeError, "weight"),
    ("threshold", {"value": float("-inf")}, ValueError, "value"),
    ("threshold", {"threshold": None}, TypeError, "threshold"),
    ("hard_tanh", {"min_val": 1.0, "max_val": -1.0}, ValueError, "min_val"),
    ("hard_tanh", {"min_val": 1.0}, ValueError, "max_val"),
    ("hardshrink", {"lambd": -0.1}, ValueError, "lambd"),
    ("softshrink", {"lambd": -0.1}, ValueError, "lambd"),
    ("softshrink", {"lambd": float("inf")}, ValueError, "lambd"),
]


@pytest.mark.parametrize(("name", "kwargs", "error", "pname"), INVALID)
def test_invalid_parameter_values_name_the_function_and_the_parameter(name, kwargs, error, pname):
    spec = act.get(name)
    for fn in (spec.fn, spec.grad):
        with pytest.raises(error, match=rf"{name}: .*{pname}"):
            fn([0.5, -0.5], **kwargs)


@pytest.mark.parametrize(("spec", "fn"), list(_callables(ELEMENTWISE)))
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
def test_nan_propagates_at_every_setting(spec, fn, dtype):
    x = np.array([np.nan, -2.0, 0.0, 3.0, np.nan], dtype=dtype)
    for kwargs in _settings(spec):
        y = fn(x, **kwargs)
        assert np.isnan(y[0]) and np.isnan(y[4]), kwargs
        assert not np.any(np.isnan(y[1:4])), kwargs


@functools.cache
def _limit(spec_name, order, direction):
    """lim f (or f′) as x → ±∞, from the expression in mpmath at x = ±1e40 and ±1e80.

    (SymPy's ``limit`` gets some of these wrong, e.g. it returns 0 for SiLU′ at +∞.)
    Values that have settled to 1e-25 give the limit; magnitudes past 1e30 that keep
    growing mean ±∞; below 1e-100 means 0; anything else (sin) has no limit: NaN.
    """
    f = reference.elementwise_function(act.get(spec_name), (order,))
    with mpmath.workdps(60):
        (near,), (far,) = f(mpmath.mpf(direction * 1e40)), f(mpmath.mpf(direction * 1e80))
    if abs(far) < 1e-100:
        return 0.0
    if abs(far) > 1e30 and abs(far) > abs(near):
        return math.copysign(math.inf, far)
    if abs(far - near) <= 1e-25 * max(1, abs(far)):
        return float(far)
    return math.nan


@pytest.mark.parametrize("order", [0, 1], ids=["f", "grad"])
@pytest.mark.parametrize("spec", ELEMENTWISE, ids=[s.name for s in ELEMENTWISE])
def test_infinities_give_the_mathematical_limits(spec, order):
    fn = spec.fn if order == 0 else spec.grad
    want = [_limit(spec.name, order, -1), _limit(spec.name, order, 1)]
    for dtype in FLOAT_DTYPES:
        got = fn(np.array([-np.inf, np.inf], dtype=dtype))
        np.testing.assert_array_equal(got, np.array(want, dtype=dtype), err_msg=dtype.__name__)


LN2 = math.log(2)
SIGNED_ZERO = {  # f(−0.0), as the docstrings promise; f(+0.0) is the same with a + sign
    "relu": 0.0,
    "relu6": 0.0,
    "relu_squared": 0.0,
    "threshold": 0.0,
    "leaky_relu": -0.0,
    "prelu": -0.0,
    "rrelu": -0.0,
    "hard_tanh": -0.0,
    "softsign": -0.0,
    "tanh": -0.0,
    "tanhshrink": -0.0,
    "softshrink": -0.0,
    "hardshrink": -0.0,
    "identity": -0.0,
    "sinusoid": -0.0,
    "elu": -0.0,
    "celu": -0.0,
    "selu": -0.0,
    "gelu": -0.0,
    "silu": -0.0,
    "quick_gelu": -0.0,
    "hard_swish": -0.0,
    "mish": -0.0,
    "binary_step": 1.0,
    "gaussian": 1.0,
    "sigmoid": 0.5,
    "hard_sigmoid": 0.5,
    "sparse_sigmoid": 0.5,
    "exponential": 1.0,
    "log_sigmoid": -LN2,
    "softplus": LN2,
    "squareplus": 1.0,
    "sparse_plus": 0.25,
}


def test_every_elementwise_function_has_its_signed_zero_stated():
    assert set(SIGNED_ZERO) == {s.name for s in ELEMENTWISE}


@pytest.mark.parametrize("name", sorted(SIGNED_ZERO))
def test_signed_zero(name):
    """f(−0.0) and f(+0.0): value and sign bit."""
    fn = act.get(name).fn
    at_minus_zero = SIGNED_ZERO[name]
    for x, want in ((-0.0, at_minus_zero), (0.0, at_minus_zero if at_minus_zero else 0.0)):
        y = fn(np.array([x]))[0]
        assert y == want and np.signbit(y) == np.signbit(want), (x, y)


ODD = ["tanh", "softsign", "hardshrink", "softshrink", "tanhshrink"]


@pytest.mark.parametrize("name", ODD)
def test_odd_functions_are_odd_bit_for_bit(name):
    x = np.concatenate([np.linspace(0, 4, 401), np.geomspace(1e-300, 1e300, 201)])
    fn = act.get(name).fn
    y, y_neg = fn(x), fn(-x)
    np.testing.assert_array_equal(y_neg, -y)
    assert np.array_equal(np.signbit(y_neg), ~np.signbit(y))


arrays = hnp.arrays(
    dtype=st.sampled_from([np.float16, np.float32, np.float64]),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5),
    elements={"allow_nan": True, "allow_infinity": True, "allow_subnormal": True},
)


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=[s.name for s in ELEMENTWISE])
@settings(max_examples=60, deadline=None, derandomize=True)
@given(x=arrays)
def test_any_float_array(spec, x):
    for fn in (spec.fn, spec.grad):
        y = np.asarray(fn(x))
        assert y.shape == x.shape and y.dtype == x.dtype
        finite = np.isfinite(x)
        assert not np.any(np.isnan(y[finite])), f"{fn.__name__} gave NaN for finite input"
        assert np.all(np.isnan(y[np.isnan(x)]))


@pytest.mark.parametrize("spec", VECTOR, ids=[s.name for s in VECTOR])
@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    x=hnp.arrays(
        dtype=st.sampled_from([np.float32, np.float64]),
        shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=2, max_side=6).map(
            lambda s: (*s[:-1], 2 * s[-1])
        ),
        elements=st.floats(-1e30, 1e30, width=64).map(lambda v: float(np.float32(v))),
    )
)
def test_vector_functions_any_finite_array(spec, x):
    y = spec.fn(x)
    assert y.dtype == x.dtype and not np.any(np.isnan(y))
    g = np.ones_like(y)
    gx = spec.vjp(x, g)
    assert gx.shape == x.shape and gx.dtype == x.dtype
