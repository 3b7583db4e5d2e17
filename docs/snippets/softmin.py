"""Softmin s_i = e^(−x_i) / Σ_j e^(−x_j) along an axis, and its VJP.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])
>>> softmin(x)
array([0.64391426, 0.23688282, 0.08714432, 0.0320586 ])
>>> softmin_vjp(x, np.array([1.0, 0.0, 0.0, 0.0]))  # the gradient of s_0
array([-0.22928869,  0.15253222,  0.05611347,  0.02064299])
"""

import numpy as np


def _shifted(x, axis):
    """k = argmin x; e = e^(x_k − x), but 0 at k; and δ = Σ e."""
    k = np.argmin(x, axis=axis, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):  # −inf; inf − inf
        e = np.exp(np.take_along_axis(x, k, axis=axis) - x)
    np.put_along_axis(e, k, 0, axis=axis)
    return k, e, np.sum(e, axis=axis, keepdims=True)


def softmin(x, axis=-1):
    """e^(x_k − x_i) / (1 + δ), x_k the minimum: nothing overflows."""
    k, e, delta = _shifted(x, axis)
    np.put_along_axis(e, k, 1, axis=axis)
    return e / (1 + delta)


def softmin_vjp(x, g, axis=-1):
    """−s (g − Σ_j g_j s_j), with 1 − s_k = δ s_k at the minimum."""
    k, e, delta = _shifted(x, axis)
    s, s_k = e / (1 + delta), 1 / (1 + delta)  # s is 0 at k here
    g_k = np.take_along_axis(g, k, axis=axis)
    rest = np.sum(g * s, axis=axis, keepdims=True)  # Σ_{j≠k} g_j s_j
    v = s * ((g_k * s_k + rest) - g)
    np.put_along_axis(v, k, s_k * (rest - g_k * delta * s_k), axis=axis)
    return v
