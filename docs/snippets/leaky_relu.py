"""Leaky ReLU f(x) = x for x > 0, negative_slope · x otherwise; and f′.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> leaky_relu(x)
array([-0.03, -0.01,  0.  ,  1.  ,  3.  ])
>>> leaky_relu_grad(x)
array([0.01, 0.01, 0.01, 1.  , 1.  ])
"""

import numpy as np


def leaky_relu(x, negative_slope=0.01):
    """x for x > 0, negative_slope · x otherwise."""
    if negative_slope == 0:  # ReLU: 0 at −inf, where 0 · (−inf) would be NaN
        return np.maximum(x, 0)
    return np.where(x > 0, x, negative_slope * x)


def leaky_relu_grad(x, negative_slope=0.01):
    """1 for x > 0, negative_slope otherwise (also at the kink)."""
    h = np.heaviside(x, 0)
    return h + (1 - h) * negative_slope
