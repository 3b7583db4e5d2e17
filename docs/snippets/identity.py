"""Identity f(x) = x and its derivative 1.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> identity(x)
array([-3., -1.,  0.,  1.,  3.])
>>> identity_grad(x)
array([1., 1., 1., 1., 1.])
"""

import numpy as np


def identity(x):
    """x."""
    return x


def identity_grad(x):
    """1 (NaN stays NaN)."""
    return np.where(np.isnan(x), x, 1)
