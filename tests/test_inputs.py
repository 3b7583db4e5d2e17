"""What every function of the catalog accepts and returns (property-based).

dtype: float16/32/64 in → same dtype out; ints and bools → float64. Scalars, lists,
0-d and empty arrays, any shape. NaN propagates; ±inf give the mathematical limits;
no floating-point warning for any input (warnings are errors in this suite). Bad
input raises a ``TypeError`` naming the function; bad parameters a ``ValueError`` or
``TypeError`` naming the parameter.
"""

from __future__ import annotations

import functools
import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import activations as act
from activations._symbolic import MPMATH_NAMESPACE, X

SPECS = act.specs()
ELEMENTWISE = [s for s in SPECS if s.elementwise]
VECTOR = [s for s in SPECS if not s.elementwise]


def _callables(specs):
    for s in specs:
        yield pytest.param(s.fn, id=s.name)
        if s.grad is not None:
            yield pytest.param(s.grad, id=f"{s.name}.grad")


def _sample(n=6):  # even: gated linear units split the last axis in two
    return np.linspace(-3.0, 3.0, n)


FLOAT_DTYPES = [np.float16, np.float32, np.float64]


@pytest.mark.parametrize("fn", list(_callables(SPECS)))
@pytest.mark.parametrize("dtype", FLOAT_DTYPES, ids=lambda d: d.__name__)
def test_float_dtype_is_preserved(fn, dtype):
    y = fn(_sample().astype(dtype))
    assert y.dtype == dtype


@pytest.mark.parametrize("fn", list(_callables(SPECS)))
@pytest.mark.parametrize(
    "dtype", [np.int8, np.int64, np.uint16, np.bool_], ids=lambda d: d.__name__
)
def test_integers_and_bools_become_float64(fn, dtype):
    x = np.array([0, 1, 1, 0, 1, 1], dtype=dtype)
    assert fn(x).dtype == np.float64


@pytest.mark.parametrize("fn", list(_callables(ELEMENTWISE)))
def test_scalars_lists_and_shapes(fn):
    y = fn(0.5)
    assert isinstance(y, np.float64) and np.ndim(y) == 0
    assert isinstance(fn(np.float32(0.5)), np.float32)
    assert fn([0.5, -1.0]).shape == (2,)
    assert fn(np.zeros((0, 3))).shape == (0, 3)
    x = np.linspace(-2, 2, 24).reshape(2, 3, 4)
    np.testing.assert_array_equal(fn(x), fn(x.ravel()).reshape(2, 3, 4))
    assert fn(x.T).shape == (4, 3, 2)


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


@pytest.mark.parametrize(
    "spec",
    [s for s in SPECS if _numeric_params(s)],
    ids=[s.name for s in SPECS if _numeric_params(s)],
)
def test_bad_parameters_name_the_parameter(spec):
    x = _sample()
    for p in _numeric_params(spec):
        with pytest.raises(TypeError, match=p.name):
            spec.fn(x, **{p.name: "0.5"})
        # NaN is an invalid value for a real parameter, and the wrong type for an integer one
        expected = ValueError if isinstance(p.default, float) else (TypeError, ValueError)
        with pytest.raises(expected, match=p.name):
            spec.fn(x, **{p.name: float("nan")})


@pytest.mark.parametrize("fn", list(_callables(ELEMENTWISE)))
def test_nan_propagates(fn):
    y = fn(np.array([np.nan, 1.0, np.nan], dtype=np.float32))
    assert np.isnan(y[0]) and np.isnan(y[2]) and not np.isnan(y[1])


@functools.cache
def _limit(spec_name, order, direction):
    """lim f (or f′) as x → ±∞, from the expression in mpmath at x = ±1e40 and ±1e80.

    (SymPy's ``limit`` gets some of these wrong, e.g. it returns 0 for SiLU′ at +∞.)
    Values that have settled to 1e-25 give the limit; magnitudes past 1e30 that keep
    growing mean ±∞; below 1e-100 means 0; anything else (sin) has no limit: NaN.
    """
    spec = act.get(spec_name)
    expr = spec.expr if order == 0 else spec.derivative_expr
    subs = {
        spec.symbols[k]: sp.nsimplify(v)
        for k, v in spec.params.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    f = sp.lambdify(X, expr.subs(subs), modules=[MPMATH_NAMESPACE, "mpmath"])
    with mpmath.workdps(60):
        near, far = f(mpmath.mpf(direction * 1e40)), f(mpmath.mpf(direction * 1e80))
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
    got = fn(np.array([-np.inf, np.inf]))
    want = [_limit(spec.name, order, -1), _limit(spec.name, order, 1)]
    np.testing.assert_array_equal(got, want)


def _is_odd(spec):
    x = np.linspace(0.1, 5, 50)
    return np.array_equal(spec.fn(-x), -spec.fn(x))


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=[s.name for s in ELEMENTWISE])
def test_signed_zero(spec):
    """f(−0.0) equals f(+0.0) in value; odd functions keep the sign of zero."""
    neg, pos = spec.fn(-0.0), spec.fn(0.0)
    assert neg == pos or (np.isnan(neg) and np.isnan(pos))
    if _is_odd(spec) and pos == 0:
        assert np.signbit(neg) and not np.signbit(pos), "odd function should map -0.0 to -0.0"


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
