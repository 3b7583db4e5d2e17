"""Maxout along an axis (Goodfellow et al., 2013), and its VJP.

The maximum of each group of `pieces` consecutive entries. Takes a NumPy
array of floats whose axis length is a multiple of `pieces`; float32 in,
float32 out.

>>> x = np.array([-1.0, 0.0, 2.0, 1.0])  # groups [-1, 0] and [2, 1]
>>> maxout(x)
array([0., 2.])
>>> maxout_vjp(x, np.array([1.0, 10.0]))
array([ 0.,  1., 10.,  0.])
"""

import numpy as np


def _groups(x, axis, pieces):
    """x with `axis` last, reshaped to (..., groups, pieces)."""
    z = np.moveaxis(x, axis, -1)
    return z.reshape(*z.shape[:-1], -1, pieces)


def maxout(x, pieces=2, axis=-1):
    """The largest entry of each group."""
    return np.moveaxis(np.max(_groups(x, axis, pieces), axis=-1), -1, axis)


def maxout_vjp(x, g, axis=-1, pieces=2):
    """g at the (first) largest entry of each group, 0 at the others."""
    z = _groups(x, axis, pieces)
    v = np.zeros_like(z)
    first = np.argmax(z, axis=-1)[..., None]
    np.put_along_axis(v, first, np.moveaxis(g, axis, -1)[..., None], axis=-1)
    return np.moveaxis(v.reshape(*z.shape[:-2], -1), -1, axis)
