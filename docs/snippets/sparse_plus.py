"""Sparse plus f(x) = 0 for x ≤ −1, (x + 1)²/4 for |x| < 1, x for x ≥ 1.

And its derivative. Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> sparse_plus(x)
array([0.  , 0.  , 0.25, 1.  , 3.  ])
>>> sparse_plus_grad(x)
array([0. , 0. , 0.5, 1. , 1. ])
"""

import numpy as np


def sparse_plus(x):
    """The larger of (clip(x, −1, 1) + 1)² / 4 and x."""
    return np.maximum((np.clip(x, -1, 1) + 1) ** 2 / 4, x)


def sparse_plus_grad(x):
    """(clip(x, −1, 1) + 1) / 2."""
    return (np.clip(x, -1, 1) + 1) / 2
