"""Gaussian f(x) = e^(−x²) and its derivative −2x e^(−x²).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> gaussian(x)
array([1.23409804e-04, 3.67879441e-01, 1.00000000e+00, 3.67879441e-01,
       1.23409804e-04])
>>> gaussian_grad(x)
array([ 0.00074046,  0.73575888, -0.        , -0.73575888, -0.00074046])
"""

import numpy as np


def gaussian(x):
    """e^(−x²)."""
    x = np.clip(x, -30, 30)  # beyond ±30 the result is 0; x² stays finite
    return np.exp(-x * x)


def gaussian_grad(x):
    """−2x e^(−x²)."""
    x = np.clip(x, -30, 30)  # beyond ±30 the result is 0; x² stays finite
    return -2 * x * np.exp(-x * x)
