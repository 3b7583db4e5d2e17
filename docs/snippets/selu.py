"""SELU f(x) = λx for x > 0, λα(e^x − 1) otherwise; and its derivative.

λ and α are the constants of Klambauer et al. (2017).
Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> selu(x)
array([-1.67056873, -1.11133074,  0.        ,  1.05070099,  3.15210296])
>>> selu_grad(x)
array([0.08753061, 0.6467686 , 1.75809934, 1.05070099, 1.05070099])
"""

import numpy as np

SCALE = 1.0507009873554804934193349852946  # λ
SCALE_ALPHA = 1.7580993408473768599402175208123  # λα, rounded once


def selu(x):
    """λx for x > 0, λα(e^x − 1) otherwise; expm1 keeps the digits."""
    with np.errstate(over="ignore"):  # λx beyond the largest float: inf
        pos = SCALE * x
    return np.where(x > 0, pos, SCALE_ALPHA * np.expm1(np.minimum(x, 0)))


def selu_grad(x):
    """λ for x > 0, λα e^x otherwise (λα at the kink)."""
    return np.where(x > 0, SCALE, SCALE_ALPHA * np.exp(np.minimum(x, 0)))
