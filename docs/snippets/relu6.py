"""ReLU6 f(x) = min(max(x, 0), 6) and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0, 7.0])
>>> relu6(x)
array([0., 0., 0., 1., 3., 6.])
>>> relu6_grad(x)
array([0., 0., 0., 1., 1., 0.])
"""

import numpy as np


def relu6(x):
    """x clipped to [0, 6]."""
    return np.clip(x, 0, 6)


def relu6_grad(x):
    """1 for 0 < x < 6, else 0 (0 at the kinks 0 and 6)."""
    return np.heaviside(x, 0) * np.heaviside(6 - x, 0)
