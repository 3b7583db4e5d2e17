"""ReGLU: x split into halves a, b along an axis, f = a max(b, 0); its VJP.

(Shazeer, 2020.) Takes a NumPy array of floats whose axis has even length;
float32 in, float32 out. Where the formula meets ±inf · 0, the result is
NaN (the library returns the limit where there is one).

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> reglu(x)
array([-1.,  0.])
>>> reglu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 1.,  0., -1.,  0.])
"""

import numpy as np


def reglu(x, axis=-1):
    """a max(b, 0)."""
    a, b = np.split(x, 2, axis=axis)
    with np.errstate(over="ignore", invalid="ignore"):  # a b; inf · 0
        return a * np.maximum(b, 0)


def reglu_vjp(x, g, axis=-1):
    """The gradient of Σ g f: g max(b, 0) for a, g a [b > 0] for b."""
    a, b = np.split(x, 2, axis=axis)
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        da, db = g * np.maximum(b, 0), g * a * np.heaviside(b, 0)
    return np.concatenate([da, db], axis=axis)
