"""SiLU (swish) f(x) = x σ(βx), σ the logistic sigmoid; and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> silu(x)
array([-0.14227762, -0.26894142,  0.        ,  0.73105858,  2.85772238])
>>> silu_grad(x)
array([-0.08810411,  0.07232949,  0.5       ,  0.92767051,  1.08810411])
"""

import numpy as np


def _sigmoids(t):
    """σ(t) and σ(−t), written with e^−|t|, which cannot overflow."""
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1, e) / (1 + e), np.where(t >= 0, e, 1) / (1 + e)


def silu(x, beta=1.0):
    """x σ(βx)."""
    if beta == 0:  # x/2, where 0 · (±inf) would be NaN
        return 0.5 * x
    with np.errstate(over="ignore"):  # βx may be ±inf for β > 1: fine
        gate = _sigmoids(beta * x)[0]
    return np.where(gate > 0, x, 0) * gate  # 0, not −inf · 0, at −inf


def silu_grad(x, beta=1.0):
    """σ(βx) (1 + βx σ(−βx))."""
    if beta == 0:  # 1/2 everywhere (NaN stays NaN)
        return np.where(np.isnan(x), x, 0.5)
    with np.errstate(over="ignore"):  # βx may be ±inf for β > 1: fine
        t = np.clip(beta * x, -1000, 1000)  # beyond, f′ is 0 or 1
    s, s_neg = _sigmoids(t)
    return s * (1 + t * s_neg)
