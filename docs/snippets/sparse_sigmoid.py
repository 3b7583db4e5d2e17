"""Sparse sigmoid f(x) = clip((x + 1) / 2, 0, 1) and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> sparse_sigmoid(x)
array([0. , 0. , 0.5, 1. , 1. ])
>>> sparse_sigmoid_grad(x)
array([0. , 0. , 0.5, 0. , 0. ])
"""

import numpy as np


def sparse_sigmoid(x):
    """(x + 1) / 2, clipped to [0, 1]."""
    return np.clip(x + 1, 0, 2) / 2


def sparse_sigmoid_grad(x):
    """1/2 for −1 < x < 1, else 0 (0 at the kinks ±1)."""
    return np.heaviside(1 - np.abs(x), 0) / 2
