"""Mish f(x) = x tanh(softplus(x)) and its derivative.

With e = e^x and n = e(e + 2), tanh(softplus(x)) = n / (n + 2), which
does not cancel. Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> mish(x)
array([-0.14564746, -0.30340146,  0.        ,  0.86509839,  2.986535  ])
>>> mish_grad(x)
array([-0.09339311,  0.05921676,  0.6       ,  1.04903622,  1.02110691])
"""

import numpy as np


def mish(x):
    """x n / (n + 2)."""
    e = np.exp(np.minimum(x, 40))  # beyond 40 the gate is 1
    n = e * (e + 2)
    gate = n / (n + 2)
    return np.where(gate > 0, x, 0) * gate  # 0, not −inf · 0, at −inf


def mish_grad(x):
    """n / d + 4x e (1 + e) / d², d = n + 2."""
    x = np.clip(x, -1000, 40)  # beyond, f′ is 0 or 1 to the last digit
    e = np.exp(x)
    n = e * (e + 2)
    d = n + 2
    return n / d + 4 * x * (e / d) * ((1 + e) / d)
