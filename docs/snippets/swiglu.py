"""SwiGLU: x split into halves a, b along an axis, f = a · b σ(b); its VJP.

σ is the logistic sigmoid, b σ(b) the SiLU (Shazeer, 2020). Takes a NumPy
array of floats whose axis has even length; float32 in, float32 out. Where
the formula meets ±inf · 0 or inf / inf, the result is NaN (the library
returns the limit where there is one).

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> swiglu(x)
array([-0.73105858,  0.        ])
>>> swiglu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 0.73105858,  0.        , -0.92767051,  0.        ])
"""

import numpy as np


def _times_silu(a, b):
    """a b σ(b), in the order of operations that keeps every digit."""
    b = np.maximum(b, -1e4)  # f is 0 below, for every finite a: no 0 · inf
    e = np.exp(-np.abs(b))
    s = np.where(b >= 0, 1, e) / (1 + e)  # σ(b), written with e^−|b|: no overflow
    with np.errstate(over="ignore", invalid="ignore"):  # a b, h = inf; inf · 0
        h = np.exp(np.maximum(-b, 0) / 3)  # where σ(b) is subnormal, a b σ(b) = a / h³ · b
        near, far, tail = a * b * s, a * (b * s), a / h / h / h * b
    # a b first for |b| < 1 (b σ(b) may be subnormal); else b σ(b) first (a b may overflow)
    far = np.where(s < np.finfo(s.dtype).tiny, tail, far)
    return np.where(np.abs(b) < 1, near, far)


def swiglu(x, axis=-1):
    """a · b σ(b)."""
    a, b = np.split(x, 2, axis=axis)
    return _times_silu(a, b)


def swiglu_vjp(x, g, axis=-1):
    """The gradient of Σ g f: g b σ(b) for a, g a σ(b)(1 + b σ(−b)) for b."""
    a, b = np.split(x, 2, axis=axis)
    e = np.exp(-np.abs(b))
    s, s_neg = np.where(b >= 0, 1, e) / (1 + e), np.where(b >= 0, e, 1) / (1 + e)
    c = np.clip(b, -1e4, 1e4)  # beyond, the slope is 0 or 1: no inf · 0
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        db = g * a * (s * (1 + c * s_neg))
    return np.concatenate([_times_silu(g, b), db], axis=axis)
