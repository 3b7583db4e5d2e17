"""Log-softmax x_i − log Σ_j e^(x_j) along an axis, and its VJP.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])
>>> log_softmax(x)
array([-3.4401897, -2.4401897, -1.4401897, -0.4401897])
>>> log_softmax_vjp(x, np.array([1.0, 0.0, 0.0, 0.0]))  # gradient of f_0
array([ 0.9679414 , -0.08714432, -0.23688282, -0.64391426])
"""

import numpy as np


def _parts(x, axis):
    """k = argmax x, d = x − x_k and δ = Σ_{j≠k} e^(d_j): Σ_j e^(d_j) = 1 + δ."""
    k = np.argmax(x, axis=axis, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):  # −huge − huge; inf − inf
        d = x - np.take_along_axis(x, k, axis=axis)
    np.put_along_axis(d, k, 0, axis=axis)  # also where x_k is +inf
    e = np.exp(d)
    np.put_along_axis(e, k, 0, axis=axis)
    return k, d, np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    """d_i − log1p(δ): log1p keeps the digits of a small δ."""
    _, d, delta = _parts(x, axis)
    return d - np.log1p(delta)


def log_softmax_vjp(x, g, axis=-1):
    """g_i − s_i Σ_j g_j, s = e^d / (1 + δ); at k, 1 − s_k = δ s_k is exact."""
    k, d, delta = _parts(x, axis)
    g_k = np.take_along_axis(g, k, axis=axis)
    others = g.copy()
    np.put_along_axis(others, k, 0, axis=axis)
    rest = np.sum(others, axis=axis, keepdims=True)  # Σ_{j≠k} g_j
    v = g - np.exp(d) / (1 + delta) * (g_k + rest)
    np.put_along_axis(v, k, (delta * g_k - rest) / (1 + delta), axis=axis)
    return v
