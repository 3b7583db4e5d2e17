"""Hard sigmoid f(x) = clip((x + 3) / 6, 0, 1) and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> hard_sigmoid(x)
array([0.        , 0.33333333, 0.5       , 0.66666667, 1.        ])
>>> hard_sigmoid_grad(x)
array([0.        , 0.16666667, 0.16666667, 0.16666667, 0.        ])
"""

import numpy as np


def hard_sigmoid(x):
    """(x + 3) / 6, clipped to [0, 1]."""
    return np.clip(x + 3, 0, 6) / 6


def hard_sigmoid_grad(x):
    """1/6 for −3 < x < 3, else 0 (0 at the kinks ±3)."""
    return np.heaviside(3 - np.abs(x), 0) / 6
