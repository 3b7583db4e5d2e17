"""Hyperbolic tangent tanh(x) and its derivative 1 − tanh²(x).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> tanh(x)
array([-0.99505475, -0.76159416,  0.        ,  0.76159416,  0.99505475])
>>> tanh_grad(x)
array([0.00986604, 0.41997434, 1.        , 0.41997434, 0.00986604])
"""

import numpy as np


def tanh(x):
    """(e^x − e^−x) / (e^x + e^−x); NumPy's tanh is accurate."""
    return np.tanh(x)


def tanh_grad(x):
    """1 − tanh²(x) = 4e^−2|x| / (1 + e^−2|x|)², which does not cancel."""
    e = np.exp(-np.abs(x)) ** 2  # e^−2|x|; 2|x| itself could overflow
    return 4 * e / (1 + e) ** 2
