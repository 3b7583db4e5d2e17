"""Logistic sigmoid σ(x) = 1 / (1 + e^−x) and its derivative σ(x) σ(−x).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> sigmoid(x)
array([0.04742587, 0.26894142, 0.5       , 0.73105858, 0.95257413])
>>> sigmoid_grad(x)
array([0.04517666, 0.19661193, 0.25      , 0.19661193, 0.04517666])
"""

import numpy as np


def sigmoid(x):
    """1 / (1 + e^−x), written with e^−|x|, which cannot overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)


def sigmoid_grad(x):
    """σ(x) σ(−x) = e^−|x| / (1 + e^−|x|)², not σ(1 − σ), which cancels."""
    e = np.exp(-np.abs(x))
    return e / (1 + e) ** 2
