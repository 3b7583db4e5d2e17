"""Softmin s_i = e^(−x_i) / Σ_j e^(−x_j) along an axis, and its VJP.

Takes a NumPy array of floats; float32 in, float32 out. A row holding −inf
gives NaN (the library returns the one-hot limit for a single −inf).

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])
>>> softmin(x)
array([0.64391426, 0.23688282, 0.08714432, 0.0320586 ])
>>> softmin_vjp(x, np.array([1.0, 0.0, 0.0, 0.0]))  # the gradient of s_0
array([-0.22928869,  0.15253222,  0.05611347,  0.02064299])
"""

import numpy as np


def softmin(x, axis=-1):
    """e^(m − x_i) / Σ_j e^(m − x_j), m = min_j x_j: nothing overflows."""
    with np.errstate(over="ignore", invalid="ignore"):  # huge + huge; inf − inf
        e = np.exp(np.min(x, axis=axis, keepdims=True) - x)
    return e / np.sum(e, axis=axis, keepdims=True)


def softmin_vjp(x, g, axis=-1):
    """−s_i (g_i − Σ_j s_j g_j), g shifted by its value at the largest s_j."""
    s = softmin(x, axis)
    k = np.argmin(x, axis=axis, keepdims=True)
    g = g - np.take_along_axis(g, k, axis=axis)  # else g_k − Σ s_j g_j cancels
    return s * (np.sum(s * g, axis=axis, keepdims=True) - g)
