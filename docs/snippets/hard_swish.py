"""Hard swish f(x) = x · clip(x + 3, 0, 6) / 6 and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> hard_swish(x)
array([ 0.        , -0.33333333,  0.        ,  0.66666667,  3.        ])
>>> hard_swish_grad(x)
array([0.        , 0.16666667, 0.5       , 0.83333333, 1.        ])
"""

import numpy as np


def hard_swish(x):
    """x · clip(x + 3, 0, 6) / 6."""
    gate = np.clip(x + 3, 0, 6) / 6
    return np.where(gate > 0, x, 0) * gate  # 0, not −inf · 0, at −inf


def hard_swish_grad(x):
    """(2x + 3) / 6 on (−3, 3), 0 for x ≤ −3, 1 for x ≥ 3."""
    middle = np.clip(x, -3, 3) / 3 + 0.5
    return np.where(x >= 3, 1, np.where(x <= -3, 0, middle))
