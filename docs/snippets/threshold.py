"""Threshold f(x) = x for x > threshold, value otherwise, and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> threshold(x, threshold=0.5, value=-1.0)
array([-1., -1., -1.,  1.,  3.])
>>> threshold_grad(x, threshold=0.5, value=-1.0)
array([0., 0., 0., 1., 1.])
"""

import numpy as np


def threshold(x, threshold=0.0, value=0.0):
    """x where x > threshold, else value."""
    return np.where(x <= threshold, value, x)


def threshold_grad(x, threshold=0.0, value=0.0):
    """1 for x > threshold, else 0 (0 at the threshold)."""
    return np.heaviside(x - threshold, 0)
