"""QuickGELU f(x) = x σ(1.702x), σ the logistic sigmoid; and its derivative.

Takes a NumPy array of floats; float32 in, float32 out.

>>> x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
>>> quick_gelu(x)
array([-0.01807131, -0.15420423,  0.        ,  0.84579577,  2.98192869])
>>> quick_gelu_grad(x)
array([-0.02454832, -0.06777961,  0.5       ,  1.06777961,  1.02454832])
"""

import numpy as np


def _sigmoids(t):
    """σ(t) and σ(−t), written with e^−|t|, which cannot overflow."""
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, 1, e) / (1 + e), np.where(t >= 0, e, 1) / (1 + e)


def quick_gelu(x):
    """x σ(1.702x)."""
    with np.errstate(over="ignore"):  # 1.702x may be ±inf: fine
        gate = _sigmoids(1.702 * x)[0]
    return np.where(gate > 0, x, 0) * gate  # 0, not −inf · 0, at −inf


def quick_gelu_grad(x):
    """σ(1.702x) (1 + 1.702x σ(−1.702x))."""
    t = 1.702 * np.clip(x, -1000, 1000)  # beyond, f′ is 0 or 1
    s, s_neg = _sigmoids(t)
    return s * (1 + t * s_neg)
