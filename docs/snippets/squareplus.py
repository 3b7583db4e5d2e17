"""Squareplus f(x) = (x + √(x² + b)) / 2 and its derivative f(x) / √(x² + b).

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> squareplus(x)
array([0.30277564, 0.61803399, 1.        , 1.61803399, 3.30277564])
>>> squareplus_grad(x)
array([0.08397485, 0.2763932 , 0.5       , 0.7236068 , 0.91602515])
"""

import numpy as np


def squareplus(x, b=4.0):
    """(x + √(x² + b)) / 2, for x < 0 as (b/4) / f(|x|): no cancelling."""
    big = np.abs(x) / 2 + np.hypot(x, b**0.5) / 2  # hypot: x² may overflow
    return np.where(x >= 0, big, b / 4 / big)


def squareplus_grad(x, b=4.0):
    """(1 + x / √(x² + b)) / 2 = f(x) / √(x² + b), which does not cancel."""
    big = np.finfo(x.dtype).max
    x = np.clip(x, -big, big)  # ±inf → ±big, where f′ is already 1 or 0
    return squareplus(x, b) / np.hypot(x, b**0.5)
