"""RReLU at evaluation time, a leaky ReLU of slope (lower + upper) / 2; f′.

In training, the slope of each element is drawn from U(lower, upper).
Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> rrelu(x)
array([-0.6875    , -0.22916667,  0.        ,  1.        ,  3.        ])
>>> rrelu_grad(x)
array([0.22916667, 0.22916667, 0.22916667, 1.        , 1.        ])
"""

import numpy as np


def rrelu(x, lower=1 / 8, upper=1 / 3):
    """x for x > 0, (lower + upper) / 2 · x otherwise."""
    slope = (lower + upper) / 2
    if slope == 0:  # ReLU: 0 at −inf, where 0 · (−inf) would be NaN
        return np.maximum(x, 0)
    return np.where(x > 0, x, slope * x)


def rrelu_grad(x, lower=1 / 8, upper=1 / 3):
    """1 for x > 0, (lower + upper) / 2 otherwise (also at the kink)."""
    h = np.heaviside(x, 0)
    return h + (1 - h) * ((lower + upper) / 2)
