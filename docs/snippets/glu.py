"""GLU: x split into halves a, b along an axis, f = a σ(b); and its VJP.

σ is the logistic sigmoid (Dauphin et al., 2017). Takes a NumPy array of
floats whose axis has even length; float32 in, float32 out. Where the
formula meets ±inf · 0 or inf / inf, the result is NaN (the library returns
the limit where there is one).

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> glu(x)
array([-0.73105858,  0.        ])
>>> glu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 0.73105858,  0.        , -0.19661193,  0.        ])
"""

import numpy as np


def _times_sigmoid(a, b):
    """a σ(b), also where σ(b) is subnormal and a large (b < −708 in float64)."""
    e = np.exp(-np.abs(b))
    s = np.where(b >= 0, 1, e) / (1 + e)  # σ(b), written with e^−|b|: no overflow
    with np.errstate(over="ignore", invalid="ignore"):  # h = inf; inf · 0, inf / inf
        h = np.exp(np.maximum(-b, 0) / 3)  # where σ(b) is subnormal, a σ(b) = a / h³
        return np.where(s < np.finfo(s.dtype).tiny, a / h / h / h, a * s)


def glu(x, axis=-1):
    """a σ(b)."""
    a, b = np.split(x, 2, axis=axis)
    return _times_sigmoid(a, b)


def glu_vjp(x, g, axis=-1):
    """The gradient of Σ g f: g σ(b) for a, g a σ(b) σ(−b) for b."""
    a, b = np.split(x, 2, axis=axis)
    e = np.exp(-np.abs(b))
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        db = g * a * (e / (1 + e) ** 2)
    return np.concatenate([_times_sigmoid(g, b), db], axis=axis)
