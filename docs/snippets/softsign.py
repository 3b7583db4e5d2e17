"""Softsign f(x) = x / (1 + |x|) and its derivative 1 / (1 + |x|)².

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> softsign(x)
array([-0.75, -0.5 ,  0.  ,  0.5 ,  0.75])
>>> softsign_grad(x)
array([0.0625, 0.25  , 1.    , 0.25  , 0.0625])
"""

import numpy as np


def softsign(x):
    """x / (1 + |x|)."""
    big = np.finfo(x.dtype).max
    x = np.clip(x, -big, big)  # ±inf → ±big, which gives ±1, not inf/inf
    return x / (1 + np.abs(x))


def softsign_grad(x):
    """1 / (1 + |x|)², squared after the division: it cannot overflow."""
    d = 1 / (1 + np.abs(x))
    return d * d
