"""SwiGLU: x split into halves a, b along an axis, f = a · b σ(b); its VJP.

σ is the logistic sigmoid, b σ(b) the SiLU (Shazeer, 2020). Takes a NumPy
array of floats whose axis has even length; float32 in, float32 out. Where
the formula meets ±inf · 0 (an infinite input, a zero gate), it gives NaN.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> swiglu(x)
array([-0.73105858,  0.        ])
>>> swiglu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 0.73105858,  0.        , -0.92767051,  0.        ])
"""

import numpy as np


def _sigmoids(t):
    """σ(t) and σ(−t), written with e^−|t|, which cannot overflow."""
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1, e) / (1 + e), np.where(t >= 0, e, 1) / (1 + e)


def _times(a, b, gate):
    """a · b σ(b), computed so that it keeps its digits (see the comments)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        near = a * b * gate  # for |b| < 1, where b σ(b) may be subnormal
        far = a * (np.where(gate > 0, b, 0) * gate)  # 0 at b = −inf
        # where σ(b) is subnormal: −sign(a) e^(log|a| + log|b| + log σ(b))
        log_y = np.log(np.abs(a)) + np.log(-b) - np.logaddexp(0, -b)
        tail = -np.sign(a) * np.exp(log_y)
    far = np.where(gate < np.finfo(gate.dtype).tiny, tail, far)
    return np.where(np.abs(b) < 1, near, far)


def swiglu(x, axis=-1):
    """a · b σ(b)."""
    a, b = np.split(x, 2, axis=axis)
    return _times(a, b, _sigmoids(b)[0])


def swiglu_vjp(x, g, axis=-1):
    """The gradient of Σ g f: g b σ(b) for a, g a σ(b)(1 + b σ(−b)) for b."""
    a, b = np.split(x, 2, axis=axis)
    s, s_neg = _sigmoids(b)
    c = np.clip(b, -1000, 1000)  # beyond, the slope is 0 or 1 anyway
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        db = g * a * (s * (1 + c * s_neg))
    return np.concatenate([_times(g, b, s), db], axis=axis)
