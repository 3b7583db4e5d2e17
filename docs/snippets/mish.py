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
    """n / d + 4x e (e + 1) / d², d = n + 2; for x < 0 as e ω / d², which does not cancel."""
    x = np.clip(x, -1000, 40)  # beyond, f′ is 0 or 1 to the last digit
    e = np.exp(x)
    n = e * (e + 2)
    d = n + 2
    m = np.minimum(e, 1)  # ω = 4(x + 1) + e(4x + 6 + e(4 + e)) is used where e < 1
    omega = 4 * (x + 1) + m * (4 * x + 6 + m * (4 + m))
    return np.where(x < 0, e / d * (omega / d), n / d + 4 * x * (e / d) * ((e + 1) / d))
