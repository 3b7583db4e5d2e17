"""Hard tanh f(x) = clip(x, min_val, max_val) and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> hard_tanh(x)
array([-1., -1.,  0.,  1.,  1.])
>>> hard_tanh_grad(x)
array([0., 0., 1., 0., 0.])
"""

import numpy as np


def hard_tanh(x, min_val=-1.0, max_val=1.0):
    """x clipped to [min_val, max_val]."""
    return np.clip(x, min_val, max_val)


def hard_tanh_grad(x, min_val=-1.0, max_val=1.0):
    """1 strictly between the bounds, else 0 (0 at the bounds)."""
    return np.heaviside(x - min_val, 0) * np.heaviside(max_val - x, 0)
