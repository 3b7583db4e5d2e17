"""Log-softmax x_i − log Σ_j e^(x_j) along an axis, and its VJP.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])
>>> log_softmax(x)
array([-3.4401897, -2.4401897, -1.4401897, -0.4401897])
>>> log_softmax_vjp(x, np.array([1.0, 0.0, 0.0, 0.0]))  # gradient of f_0
array([ 0.9679414 , -0.08714432, -0.23688282, -0.64391426])
"""

import numpy as np


def _shifted(x, axis):
    """k = argmax x; d = x − x_k; e = e^d, but 0 at k; and δ = Σ e."""
    k = np.argmax(x, axis=axis, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):  # −inf; inf − inf
        d = x - np.take_along_axis(x, k, axis=axis)
    np.put_along_axis(d, k, 0, axis=axis)  # also where x_k is +inf
    e = np.exp(d)
    np.put_along_axis(e, k, 0, axis=axis)
    return k, d, e, np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    """d_i − log1p(δ), x_k the maximum; log1p keeps the digits of small δ."""
    _, d, _, delta = _shifted(x, axis)
    return d - np.log1p(delta)


def log_softmax_vjp(x, g, axis=-1):
    """g − s Σ_j g_j, s = softmax(x); (g_k δ − Σ_{j≠k} g_j)/(1 + δ) at k."""
    k, _, e, delta = _shifted(x, axis)
    g_k = np.take_along_axis(g, k, axis=axis)
    others = g.copy()
    np.put_along_axis(others, k, 0, axis=axis)
    rest = np.sum(others, axis=axis, keepdims=True)  # Σ_{j≠k} g_j
    v = g - e / (1 + delta) * (g_k + rest)
    np.put_along_axis(v, k, (g_k * delta - rest) / (1 + delta), axis=axis)
    return v
