"""CELU f(x) = x for x > 0, α(e^(x/α) − 1) otherwise; and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> celu(x)
array([-0.95021293, -0.63212056,  0.        ,  1.        ,  3.        ])
>>> celu_grad(x)
array([0.04978707, 0.36787944, 1.        , 1.        , 1.        ])
"""

import numpy as np


def celu(x, alpha=1.0):
    """x for x > 0, α(e^(x/α) − 1) otherwise; expm1 keeps the digits."""
    with np.errstate(over="ignore"):  # x/α may be −inf for α < 1: fine
        t = np.minimum(x, 0) / alpha
    return np.where(x > 0, x, alpha * np.expm1(t))


def celu_grad(x, alpha=1.0):
    """1 for x > 0, e^(x/α) otherwise (1 at the kink)."""
    with np.errstate(over="ignore"):  # x/α may be −inf for α < 1: fine
        t = np.minimum(x, 0) / alpha
    return np.where(x > 0, 1, np.exp(t))
