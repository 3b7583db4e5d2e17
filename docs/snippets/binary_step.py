"""Binary step f(x) = 1 for x ≥ 0, else 0; and its derivative, 0.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> binary_step(x)
array([0., 0., 1., 1., 1.])
>>> binary_step_grad(x)
array([0., 0., 0., 0., 0.])
"""

import numpy as np


def binary_step(x):
    """1 for x ≥ 0, else 0."""
    return np.heaviside(x, 1)


def binary_step_grad(x):
    """0 everywhere, also at the jump by convention (NaN stays NaN)."""
    return np.where(np.isnan(x), x, 0)
