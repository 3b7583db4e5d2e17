"""Input handling shared by every function of the catalog.

One place decides what the catalog accepts and returns, so that every function
behaves the same: float16/32/64 keep their dtype (float16 is computed in float32),
integers and booleans become float64, scalars come back as NumPy scalars, and
anything that is not a real number raises a ``TypeError`` naming the function.
Floating-point warnings are silenced *inside* the catalog because every overflow
and underflow in it is deliberate (``exp(-x)`` → ``inf`` gives ``σ(x) → 0``); the
tests check the values, not the warnings.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.lib.array_utils import normalize_axis_index

_COMPUTE = {
    np.dtype(np.float16): np.dtype(np.float32),
    np.dtype(np.float32): np.dtype(np.float32),
    np.dtype(np.float64): np.dtype(np.float64),
}


def as_real_array(x: Any, fname: str) -> tuple[np.ndarray, np.dtype]:
    """``x`` as a float array to compute with, and the dtype to return.

    Raises ``TypeError`` (naming ``fname``) for complex, string, object and other
    non-real input.
    """
    try:
        arr = np.asarray(x)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{fname}: cannot convert input to a real array ({exc})") from None
    kind = arr.dtype.kind
    if kind == "f":
        if arr.dtype not in _COMPUTE:
            raise TypeError(f"{fname}: unsupported float dtype {arr.dtype} (use float16/32/64)")
        out = arr.dtype
    elif kind in "biu":
        out = np.dtype(np.float64)
    else:
        raise TypeError(
            f"{fname}: expected real numbers (float, int or bool), got dtype {arr.dtype}"
        )
    return arr.astype(_COMPUTE[out], copy=False), out


def _finish(y: Any, out: np.dtype, scalar: bool) -> Any:
    y = np.asarray(y).astype(out, copy=False)
    return y[()] if scalar else y


def elementwise(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``func(x, **params)`` (written for float arrays) with the catalog's I/O rules."""
    fname = func.__name__

    @functools.wraps(func)
    def wrapper(x, *args, **kwargs):
        arr, out = as_real_array(x, fname)
        with np.errstate(all="ignore"):
            y = func(arr, *args, **kwargs)
        return _finish(y, out, arr.ndim == 0)

    return wrapper


def check_axis(fname: str, axis: Any, ndim: int) -> int:
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"{fname}: axis must be an integer, got {type(axis).__name__}")
    return normalize_axis_index(int(axis), ndim, msg_prefix=f"{fname}: axis")


def real_param(
    fname: str,
    pname: str,
    value: Any,
    *,
    positive: bool = False,
    nonnegative: bool = False,
    array: bool = False,
) -> Any:
    """Validate a real-valued parameter; ``TypeError``/``ValueError`` name it.

    Returns a Python float, or a float64 array when ``array`` is allowed and given.
    """
    if isinstance(value, bool | np.bool_) or isinstance(value, str | bytes):
        raise TypeError(f"{fname}: {pname} must be a real number, got {type(value).__name__}")
    if array and not np.isscalar(value):
        arr = np.asarray(value)
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{fname}: {pname} must be real, got dtype {arr.dtype}")
        vals = arr.astype(np.float64)
    else:
        if not isinstance(value, numbers.Real):
            raise TypeError(f"{fname}: {pname} must be a real number, got {type(value).__name__}")
        vals = float(value)
    if np.any(np.isnan(vals)):
        raise ValueError(f"{fname}: {pname} must not be NaN")
    if positive and np.any(vals <= 0):
        raise ValueError(f"{fname}: {pname} must be positive, got {value!r}")
    if nonnegative and np.any(vals < 0):
        raise ValueError(f"{fname}: {pname} must be non-negative, got {value!r}")
    return vals
