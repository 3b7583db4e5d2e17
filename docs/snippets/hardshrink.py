"""Hard shrink f(x) = x where |x| > λ, else 0; and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -0.5, 0.0, 0.25, 3.0])
>>> hardshrink(x)
array([-3., -0.,  0.,  0.,  3.])
>>> hardshrink_grad(x)
array([1., 0., 0., 0., 1.])
"""

import numpy as np


def hardshrink(x, lambd=0.5):
    """x where |x| > λ, else 0."""
    return x * (np.abs(x) > lambd)


def hardshrink_grad(x, lambd=0.5):
    """1 where |x| > λ, else 0 (0 at ±λ)."""
    return np.heaviside(np.abs(x) - lambd, 0)
