"""PReLU f(x) = x for x > 0, weight · x otherwise; and its derivative in x.

Takes a NumPy array of floats; float32 in, float32 out. The weight is
learned in training; an array of weights broadcasts against x.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> prelu(x)
array([-0.75, -0.25,  0.  ,  1.  ,  3.  ])
>>> prelu_grad(x)
array([0.25, 0.25, 0.25, 1.  , 1.  ])
"""

import numpy as np


def prelu(x, weight=0.25):
    """x for x > 0, weight · x otherwise."""
    with np.errstate(invalid="ignore"):  # 0 · (−inf), replaced by its limit 0 below
        y = np.where(x > 0, x, weight * x)
    return np.where((np.asarray(weight) == 0) & (x < 0), 0, y)


def prelu_grad(x, weight=0.25):
    """1 for x > 0, weight otherwise (also at the kink)."""
    h = np.heaviside(x, 0)
    return h + (1 - h) * weight
