"""GEGLU: x split into halves a, b along an axis, f = a · b Φ(b); its VJP.

Φ is the standard normal CDF, b Φ(b) the GELU (Shazeer, 2020); with
approximate="tanh", Φ(b) becomes σ(2u), u = √(2/π)(b + 0.044715b³).
Takes a NumPy array of floats whose axis has even length; float32 in,
float32 out. Where the formula meets ±inf · 0 (an infinite input, a zero
gate), the result is NaN.

>>> x = np.array([-1.0, 0.0, 1.0, 2.0])  # a = [-1, 0], b = [1, 2]
>>> geglu(x)
array([-0.84134475,  0.        ])
>>> geglu_vjp(x, np.array([1.0, 0.0]))  # the gradient of f_0
array([ 0.84134475,  0.        , -1.08331547,  0.        ])
"""

import math

import numpy as np
from scipy.special import log_ndtr, ndtr

C = 2 * math.sqrt(2 / math.pi)  # 2u = C (b + 0.044715b³)


def _gate(b, approximate):
    """Φ(b) (or σ(2u)), its logarithm, and its derivative."""
    c = np.clip(b, -40, 40)  # beyond ±40: Φ is 0 or 1; keeps c³ finite
    if approximate == "tanh":
        t = C * (c + 0.044715 * c**3)
        e = np.exp(-np.abs(t))  # σ(t) and σ(−t) from e^−|t|: no overflow
        s, s_neg = np.where(t >= 0, 1, e), np.where(t >= 0, e, 1)
        s, s_neg = s / (1 + e), s_neg / (1 + e)
        dt = C * (1 + 3 * 0.044715 * c * c)
        return s, -np.logaddexp(0, -t), dt * s * s_neg
    return ndtr(b), log_ndtr(b), np.exp(-c * c / 2) / math.sqrt(2 * math.pi)


def _times(a, b, gate, log_gate):
    """a · b Φ(b), computed so that it keeps its digits (see the comments)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        near = a * b * gate  # for |b| < 1, where b Φ(b) may be subnormal
        far = a * (np.where(gate > 0, b, 0) * gate)  # 0 at b = −inf
        # where Φ(b) is subnormal: −sign(a) e^(log|a| + log|b| + log Φ(b))
        log_y = np.log(np.abs(a)) + np.log(-b) + log_gate
        tail = -np.sign(a) * np.exp(log_y)
    far = np.where(gate < np.finfo(gate.dtype).tiny, tail, far)
    return np.where(np.abs(b) < 1, near, far)


def geglu(x, axis=-1, approximate="none"):
    """a · b Φ(b)."""
    a, b = np.split(x, 2, axis=axis)
    gate, log_gate, _ = _gate(b, approximate)
    return _times(a, b, gate, log_gate)


def geglu_vjp(x, g, axis=-1, approximate="none"):
    """The gradient of Σ g f: g b Φ(b) for a, g a (Φ(b) + b Φ′(b)) for b."""
    a, b = np.split(x, 2, axis=axis)
    gate, log_gate, slope = _gate(b, approximate)
    c = np.clip(b, -40, 40)  # beyond ±40, b Φ′(b) is 0
    with np.errstate(over="ignore", invalid="ignore"):  # g a; inf · 0
        db = g * a * (gate + c * slope)
    return np.concatenate([_times(g, b, gate, log_gate), db], axis=axis)
