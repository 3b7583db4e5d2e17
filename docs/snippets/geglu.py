"""GEGLU: x split into halves a, b along an axis, f = a · b Φ(b); its VJP.

Φ is the standard normal CDF, b Φ(b) the GELU (Shazeer, 2020); with
approximate="tanh", Φ(b) becomes σ(t), t = 2√(2/π)(b + 0.044715b³).
Takes a NumPy array of floats whose axis has even length; float32 in,
float32 out. Where the formula meets ±inf · 0 or inf / inf, the result is
NaN (the library returns the limit where there is one).

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> geglu(x)
array([-0.84134475,  0.        ])
>>> geglu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 0.84134475,  0.        , -1.08331547,  0.        ])
"""

import math

import numpy as np
from scipy.special import erfcx, ndtr

C = 2 * math.sqrt(2 / math.pi)  # t = C b + C 0.044715 b³


def _times_gate(a, b, approximate):
    """a b Φ(b) (or a b σ(t)), in the order of operations that keeps every digit."""
    b = np.maximum(b, -1e4)  # f is 0 below, for every finite a: no 0 · inf
    with np.errstate(over="ignore", invalid="ignore"):  # b³, a b, h = inf; inf · 0
        if approximate == "tanh":
            t = C * b + C * 0.044715 * b**3
            e = np.exp(-np.abs(t))
            gate = np.where(t >= 0, 1, e) / (1 + e)  # σ(t), with e^−|t|: no overflow
            h, rest = np.exp(np.maximum(-t, 0) / 3), b  # where σ(t) is subnormal: b / h³
        else:  # where Φ(b) is subnormal: b Φ(b) = b erfcx(−b/√2) / 2 / h³
            gate = ndtr(b)
            h, rest = np.exp(b * b / 6), b * erfcx(-b / math.sqrt(2)) / 2
        near, far, tail = a * b * gate, a * (b * gate), a / h / h / h * rest
    # a b first for |b| < 1 (b Φ(b) may be subnormal); else b Φ(b) first (a b may overflow)
    far = np.where(gate < np.finfo(gate.dtype).tiny, tail, far)
    return np.where(np.abs(b) < 1, near, far)


def _slope(b, approximate):
    """The derivative of b Φ(b): Φ(b) + b φ(b), or σ(t) + b t′ σ(t) σ(−t)."""
    c = np.clip(b, -40, 40)  # beyond ±40 it is 0 or 1 to the last digit
    if approximate == "tanh":  # over the common denominator (1 + e)², e = e^−|t|
        e = np.exp(-np.abs(C * c + C * 0.044715 * c**3))
        bdt = C * c * (1 + 3 * 0.044715 * c * c)  # b t′
        num = np.where(c >= 0, 1 + e * (1 + bdt), e * ((1 + bdt) + e))
        return num / (1 + e) ** 2
    return ndtr(c) + c * np.exp(-c * c / 2) / math.sqrt(2 * math.pi)


def geglu(x, axis=-1, approximate="none"):
    """a · b Φ(b)."""
    a, b = np.split(x, 2, axis=axis)
    return _times_gate(a, b, approximate)


def geglu_vjp(x, g, axis=-1, approximate="none"):
    """The gradient of Σ g f: g b Φ(b) for a, g a (b Φ(b))′ for b."""
    a, b = np.split(x, 2, axis=axis)
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        db = g * a * _slope(b, approximate)
    return np.concatenate([_times_gate(g, b, approximate), db], axis=axis)
