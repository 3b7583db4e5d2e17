"""Log-sigmoid f(x) = log σ(x) = −log(1 + e^−x) and its derivative σ(−x).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> log_sigmoid(x)
array([-3.04858735, -1.31326169, -0.69314718, -0.31326169, -0.04858735])
>>> log_sigmoid_grad(x)
array([0.95257413, 0.73105858, 0.5       , 0.26894142, 0.04742587])
"""

import numpy as np


def log_sigmoid(x):
    """min(x, 0) − log1p(e^−|x|): no overflow, and no digit lost."""
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def log_sigmoid_grad(x):
    """σ(−x) = 1 / (1 + e^x), written with e^−|x|, which cannot overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x > 0, e, 1) / (1 + e)
