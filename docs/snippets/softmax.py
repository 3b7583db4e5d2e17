"""Softmax s_i = e^(x_i) / Σ_j e^(x_j) along an axis, and its VJP.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])
>>> softmax(x)
array([0.0320586 , 0.08714432, 0.23688282, 0.64391426])
>>> softmax_vjp(x, np.array([1.0, 0.0, 0.0, 0.0]))  # the gradient of s_0
array([ 0.03103085, -0.00279373, -0.00759413, -0.02064299])
"""

import numpy as np


def _shifted(x, axis):
    """k = argmax x; e = e^(x − x_k), but 0 at k; and δ = Σ e."""
    k = np.argmax(x, axis=axis, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):  # −inf; inf − inf
        e = np.exp(x - np.take_along_axis(x, k, axis=axis))
    np.put_along_axis(e, k, 0, axis=axis)
    return k, e, np.sum(e, axis=axis, keepdims=True)


def softmax(x, axis=-1):
    """e^(x_i − x_k) / (1 + δ), x_k the maximum: nothing overflows."""
    k, e, delta = _shifted(x, axis)
    np.put_along_axis(e, k, 1, axis=axis)
    return e / (1 + delta)


def softmax_vjp(x, g, axis=-1):
    """s (g − Σ_j g_j s_j), with 1 − s_k = δ s_k at the maximum."""
    k, e, delta = _shifted(x, axis)
    s, s_k = e / (1 + delta), 1 / (1 + delta)  # s is 0 at k here
    g_k = np.take_along_axis(g, k, axis=axis)
    rest = np.sum(g * s, axis=axis, keepdims=True)  # Σ_{j≠k} g_j s_j
    v = s * (g - (g_k * s_k + rest))
    np.put_along_axis(v, k, s_k * (g_k * delta * s_k - rest), axis=axis)
    return v
