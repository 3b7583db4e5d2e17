"""Exponential f(x) = e^x, its own derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> exponential(x)
array([ 0.04978707,  0.36787944,  1.        ,  2.71828183, 20.08553692])
>>> exponential_grad(x)
array([ 0.04978707,  0.36787944,  1.        ,  2.71828183, 20.08553692])
"""

import numpy as np


def exponential(x):
    """e^x."""
    with np.errstate(over="ignore"):  # beyond the largest float: inf
        return np.exp(x)


def exponential_grad(x):
    """e^x."""
    with np.errstate(over="ignore"):  # beyond the largest float: inf
        return np.exp(x)
