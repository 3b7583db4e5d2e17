"""Sparsemax along an axis (Martins & Astudillo, 2016), and its VJP.

sparsemax(x)_i = max(x_i − τ, 0), τ such that the row sums to 1: the
Euclidean projection of x onto the probability simplex, found by sorting.
Takes a NumPy array of floats; float32 in, float32 out. A row holding +inf
gives NaN (the library returns the one-hot limit for a single +inf).

>>> x = np.array([-1.0, 0.0, 1.0, 1.5])
>>> sparsemax(x)
array([0.  , 0.  , 0.25, 0.75])
>>> sparsemax_vjp(x, np.array([0.0, 0.0, 1.0, 0.0]))  # the gradient of p_2
array([ 0. ,  0. ,  0.5, -0.5])
>>> sparsemax(np.array([0.0, np.inf]))
array([nan, nan])
"""

import numpy as np


def sparsemax(x, axis=-1):
    """max(x_i − τ, 0), computed on x − max x, which keeps τ's digits."""
    z = np.moveaxis(x, axis, -1)
    with np.errstate(over="ignore", invalid="ignore"):  # −inf; inf − inf
        z = z - np.max(z, axis=-1, keepdims=True)
        s = -np.sort(-z, axis=-1)  # descending
        j = np.arange(1, z.shape[-1] + 1, dtype=z.dtype)
        k = np.sum(1 + j * s > np.cumsum(s, axis=-1), axis=-1, keepdims=True)
        k = np.maximum(k, 1).astype(z.dtype)  # the support size
        tau = (np.sum(np.where(j <= k, s, 0), -1, keepdims=True) - 1) / k
        return np.moveaxis(np.maximum(z - tau, 0), -1, axis)


def sparsemax_vjp(x, g, axis=-1):
    """g minus its mean over the support (p > 0), and 0 off the support."""
    p = sparsemax(x, axis)
    on = p > 0
    size = np.maximum(np.sum(on, axis, keepdims=True, dtype=p.dtype), 1)
    mean = np.sum(np.where(on, g, 0), axis=axis, keepdims=True) / size
    return np.where(on, g - mean, 0 * p)  # 0 · p: NaN for a NaN row
