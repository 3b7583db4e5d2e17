"""GELU f(x) = x Φ(x), Φ the standard normal CDF; f′(x) = Φ(x) + x φ(x).

With approximate="tanh": x (1 + tanh u) / 2, u = √(2/π)(x + 0.044715x³),
computed as x σ(2u), σ the logistic sigmoid, which does not cancel.
Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> gelu(x)
array([-0.00404969, -0.15865525,  0.        ,  0.84134475,  2.99595031])
>>> gelu_grad(x)
array([-0.01194565, -0.08331547,  0.5       ,  1.08331547,  1.01194565])
>>> gelu(x, approximate="tanh")
array([-0.00363739, -0.15880801,  0.        ,  0.84119199,  2.99636261])
"""

import math

import numpy as np
from scipy.special import ndtr

C = 2 * math.sqrt(2 / math.pi)  # 2u = C (x + 0.044715x³)


def _sigmoids(t):
    """σ(t) and σ(−t), written with e^−|t|, which cannot overflow."""
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1, e) / (1 + e), np.where(t >= 0, e, 1) / (1 + e)


def gelu(x, approximate="none"):
    """x Φ(x), or x σ(2u) with approximate="tanh"."""
    if approximate == "tanh":
        c = np.clip(x, -40, 40)  # beyond ±40 the gate is 0 or 1
        gate = _sigmoids(C * (c + 0.044715 * c**3))[0]
    else:
        gate = ndtr(x)
    return np.where(gate > 0, x, 0) * gate  # 0, not −inf · 0, at −inf


def gelu_grad(x, approximate="none"):
    """Φ(x) + x φ(x), or σ(2u) + x (2u)′ σ(2u) σ(−2u) with "tanh"."""
    c = np.clip(x, -40, 40)  # beyond ±40, f′ is 0 or 1 to the last digit
    if approximate == "tanh":
        s, s_neg = _sigmoids(C * (c + 0.044715 * c**3))
        return s + c * C * (1 + 3 * 0.044715 * c * c) * s * s_neg
    return ndtr(x) + c * np.exp(-c * c / 2) / math.sqrt(2 * math.pi)
