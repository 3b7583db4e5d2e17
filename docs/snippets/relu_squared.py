"""Squared ReLU f(x) = max(x, 0)² and its derivative 2 max(x, 0).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> relu_squared(x)
array([0., 0., 0., 1., 9.])
>>> relu_squared_grad(x)
array([0., 0., 0., 2., 6.])
"""

import numpy as np


def relu_squared(x):
    """max(x, 0)²."""
    with np.errstate(over="ignore"):  # beyond the largest float: inf
        return np.maximum(x, 0) ** 2


def relu_squared_grad(x):
    """2 max(x, 0)."""
    with np.errstate(over="ignore"):  # beyond the largest float: inf
        return 2 * np.maximum(x, 0)
