"""Soft shrink f(x) = x − λ for x > λ, x + λ for x < −λ, else 0; and f′.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -0.5, 0.0, 0.25, 3.0])
>>> softshrink(x)
array([-2.5,  0. ,  0. ,  0. ,  2.5])
>>> softshrink_grad(x)
array([1., 0., 0., 0., 1.])
"""

import numpy as np


def softshrink(x, lambd=0.5):
    """x minus x clipped to [−λ, λ]."""
    return x - np.clip(x, -lambd, lambd)


def softshrink_grad(x, lambd=0.5):
    """1 where |x| > λ, else 0 (0 at ±λ)."""
    return np.heaviside(np.abs(x) - lambd, 0)
