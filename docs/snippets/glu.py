"""GLU: x split into halves a, b along an axis, f = a σ(b); and its VJP.

σ is the logistic sigmoid (Dauphin et al., 2017). Takes a NumPy array of
floats whose axis has even length; float32 in, float32 out. Where the
formula meets ±inf · 0 (an infinite input, a zero gate), the result is NaN.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> glu(x)
array([-0.73105858,  0.        ])
>>> glu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 0.73105858,  0.        , -0.19661193,  0.        ])
"""

import numpy as np


def _sigmoids(t):
    """σ(t) and σ(−t), written with e^−|t|, which cannot overflow."""
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1, e) / (1 + e), np.where(t >= 0, e, 1) / (1 + e)


def _times(a, b, gate):
    """a σ(b), from logs where σ(b) is subnormal (a σ(b) keeps its digits)."""
    with np.errstate(divide="ignore", invalid="ignore"):  # log 0, inf · 0
        tail = np.sign(a) * np.exp(np.log(np.abs(a)) - np.logaddexp(0, -b))
        return np.where(gate < np.finfo(gate.dtype).tiny, tail, a * gate)


def glu(x, axis=-1):
    """a σ(b)."""
    a, b = np.split(x, 2, axis=axis)
    return _times(a, b, _sigmoids(b)[0])


def glu_vjp(x, g, axis=-1):
    """The gradient of Σ g f: g σ(b) for a, g a σ(b) σ(−b) for b."""
    a, b = np.split(x, 2, axis=axis)
    s, s_neg = _sigmoids(b)
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        db = g * a * (s * s_neg)
    return np.concatenate([_times(g, b, s), db], axis=axis)
