"""Softplus f(x) = log(1 + e^(βx)) / β and its derivative σ(βx).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> softplus(x)
array([0.04858735, 0.31326169, 0.69314718, 1.31326169, 3.04858735])
>>> softplus_grad(x)
array([0.04742587, 0.26894142, 0.5       , 0.73105858, 0.95257413])
"""

import numpy as np


def softplus(x, beta=1.0):
    """max(x, 0) + log1p(e^−|βx|) / β: no overflow, no digit lost."""
    with np.errstate(over="ignore"):  # βx may be ±inf for β > 1: fine
        t = beta * x
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(t))) / beta


def softplus_grad(x, beta=1.0):
    """σ(βx) = 1 / (1 + e^−βx), written with e^−|βx|: no overflow."""
    with np.errstate(over="ignore"):  # βx may be ±inf for β > 1: fine
        t = beta * x
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1, e) / (1 + e)
