"""ELU f(x) = x for x > 0, α(e^x − 1) otherwise; and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> elu(x)
array([-0.95021293, -0.63212056,  0.        ,  1.        ,  3.        ])
>>> elu_grad(x)
array([0.04978707, 0.36787944, 1.        , 1.        , 1.        ])
"""

import numpy as np


def elu(x, alpha=1.0):
    """x for x > 0, α(e^x − 1) otherwise; expm1 keeps the digits near 0."""
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def elu_grad(x, alpha=1.0):
    """1 for x > 0, α e^x otherwise (α at the kink)."""
    return np.where(x > 0, 1, alpha * np.exp(np.minimum(x, 0)))
