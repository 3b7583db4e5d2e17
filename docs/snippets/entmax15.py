"""1.5-entmax along an axis (Peters et al., 2019), and its VJP.

entmax15(x)_i = u_i², u_i = max(x_i / 2 − τ, 0), τ such that the row
sums to 1, found by sorting. Takes a NumPy array of floats; float32 in,
float32 out. A row holding +inf gives NaN (the library returns the
one-hot limit for a single +inf).

>>> x = np.array([-1.0, 0.0, 1.0, 1.5])
>>> entmax15(x)
array([0.        , 0.00479501, 0.324041  , 0.67116399])
>>> entmax15_vjp(x, np.array([0.0, 0.0, 1.0, 0.0]))  # the gradient of p_2
array([-0.        , -0.02704053,  0.3469557 , -0.31991517])
>>> entmax15(np.array([0.0, np.inf]))
array([nan, nan])
"""

import numpy as np


def _u(x, axis):
    """u = max(x / 2 − τ, 0), computed on x / 2 − max(x / 2)."""
    z = np.moveaxis(x, axis, -1) / 2
    with np.errstate(over="ignore", invalid="ignore"):  # −inf; inf − inf
        z = z - np.max(z, axis=-1, keepdims=True)
        s = -np.sort(-z, axis=-1)  # descending
        j = np.arange(1, z.shape[-1] + 1, dtype=z.dtype)
        mean = np.cumsum(s, axis=-1) / j
        var = np.cumsum(s * s, axis=-1) / j - mean * mean
        tau = mean - np.sqrt(np.maximum((1 - j * var) / j, 0))
        k = np.sum(tau <= s, axis=-1, keepdims=True)
        k = np.maximum(k, 1).astype(z.dtype)  # the support size
        # τ again, from the k largest in two passes: more digits
        top = j <= k
        mean = np.sum(np.where(top, s, 0), -1, keepdims=True) / k
        ss = np.sum(np.where(top, (s - mean) ** 2, 0), -1, keepdims=True)
        tau = mean - np.sqrt(np.maximum((1 - ss) / k, 0))
        return np.moveaxis(np.maximum(z - tau, 0), -1, axis)


def entmax15(x, axis=-1):
    """u²."""
    return _u(x, axis) ** 2


def entmax15_vjp(x, g, axis=-1):
    """u (g − Σ_j g_j u_j / Σ_j u_j), u = √entmax15(x)."""
    u = _u(x, axis)
    ratio = np.sum(g * u, axis=axis, keepdims=True)
    ratio /= np.sum(u, axis=axis, keepdims=True)
    return u * (g - ratio)
