"""Sinusoid f(x) = sin(x) and its derivative cos(x).

Takes a NumPy array of floats; float32 in, float32 out.
sin and cos of ±inf are NaN.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> sinusoid(x)
array([-0.14112001, -0.84147098,  0.        ,  0.84147098,  0.14112001])
>>> sinusoid_grad(x)
array([-0.9899925 ,  0.54030231,  1.        ,  0.54030231, -0.9899925 ])
"""

import numpy as np


def sinusoid(x):
    """sin(x)."""
    with np.errstate(invalid="ignore"):  # sin(±inf) is NaN: no limit
        return np.sin(x)


def sinusoid_grad(x):
    """cos(x)."""
    with np.errstate(invalid="ignore"):  # cos(±inf) is NaN: no limit
        return np.cos(x)
