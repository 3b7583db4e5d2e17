"""GELU f(x) = x Φ(x), Φ the standard normal CDF; f′(x) = Φ(x) + x φ(x).

With approximate="tanh": x (1 + tanh u) / 2, u = √(2/π)(x + 0.044715x³),
computed as x σ(t), t = 2u, σ the logistic sigmoid, which does not cancel.
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

C = 2 * math.sqrt(2 / math.pi)  # t = 2u = C x + C 0.044715 x³


def gelu(x, approximate="none"):
    """x Φ(x), or x σ(t) with approximate="tanh"."""
    if approximate == "tanh":
        c = np.clip(x, -40, 40)  # beyond ±40 the gate is 0 or 1
        e = np.exp(-np.abs(C * c + C * 0.044715 * c**3))  # e^−|t|: no overflow
        gate = np.where(c >= 0, 1, e) / (1 + e)  # σ(t)
    else:
        gate = ndtr(x)
    return np.where(gate > 0, x, 0) * gate  # 0, not −inf · 0, at −inf


def gelu_grad(x, approximate="none"):
    """Φ(x) + x φ(x), or σ(t) + x t′ σ(t) σ(−t) with approximate="tanh"."""
    c = np.clip(x, -40, 40)  # beyond ±40, f′ is 0 or 1 to the last digit
    if approximate == "tanh":  # over the common denominator (1 + e)², e = e^−|t|
        e = np.exp(-np.abs(C * c + C * 0.044715 * c**3))
        xdt = C * c * (1 + 3 * 0.044715 * c * c)  # x t′
        num = np.where(c >= 0, 1 + e * (1 + xdt), e * ((1 + xdt) + e))
        return num / (1 + e) ** 2
    return ndtr(x) + c * np.exp(-c * c / 2) / math.sqrt(2 * math.pi)
