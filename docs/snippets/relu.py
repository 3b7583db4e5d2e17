"""ReLU f(x) = max(x, 0) and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> relu(x)
array([0., 0., 0., 1., 3.])
>>> relu_grad(x)
array([0., 0., 0., 1., 1.])
"""

import numpy as np


def relu(x):
    """max(x, 0)."""
    return np.maximum(x, 0)


def relu_grad(x):
    """1 for x > 0, else 0 (0 at the kink)."""
    return np.heaviside(x, 0)
