"""Shrinkage activations: set small inputs to (nearly) zero.

Hard and soft thresholding come from wavelet denoising and sparse coding; tanhshrink
is their smooth cousin.  All three are odd functions, and the catalog keeps them odd
bit for bit: ``f(-x) == -f(x)`` including the sign of zero (``f(-0.0)`` is ``-0.0``,
and so is the zero returned for a small negative input).
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp

from ._array import elementwise
from ._relu_like import _finite, _step
from ._spec import Framework, Kink, Naive, Paper, Param, Properties, Spec, Step, register
from ._symbolic import X, add, cases

__all__ = ["hardshrink", "softshrink", "tanhshrink"]


def _lambd(fname, value):
    return float(_finite(fname, "lambd", value, nonnegative=True))


_LAMBD = Param(
    "lambd",
    0.5,
    "Half-width λ ≥ 0 of the dead zone [−λ, λ].",
    latex=r"\lambda",
    examples=(0.5, 0.25, 1.0),
)
_L = _LAMBD.symbol


# --------------------------------------------------------------------------- hardshrink


@elementwise
def hardshrink(x, lambd=0.5):
    r"""Hard shrinkage: :math:`x` if :math:`|x| > \lambda`, else 0.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    lambd : float, default 0.5
        λ ≥ 0, the half-width of the dead zone (PyTorch's name and default; Keras 3
        calls it ``threshold``).

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``; exact (no rounding). Zeros carry the sign of the input
        (``hardshrink(-0.3)`` is ``-0.0``), so the function is odd bit for bit.

    Raises
    ------
    TypeError, ValueError
        If ``lambd`` is not a finite real number ≥ 0.

    Examples
    --------
    >>> import activations as act
    >>> act.hardshrink([-2.0, -0.5, 0.25, 0.75])
    array([-2.  , -0.  ,  0.  ,  0.75])
    """
    lam = _lambd("hardshrink", lambd)
    return x * (np.abs(x) > lam)  # NaN · 0 stays NaN; x · 0 keeps the sign of x


@elementwise
def hardshrink_grad(x, lambd=0.5):
    """1 for |x| > λ, 0 for |x| ≤ λ (0 at ±λ, as PyTorch)."""
    lam = _lambd("hardshrink", lambd)
    return _step(np.abs(x) > lam, x)


_HARDSHRINK_PRIME = cases((1, sp.Abs(X) > _L), (0, True))
register(
    Spec(
        name="hardshrink",
        title="Hardshrink (hard thresholding)",
        family="shrinkage",
        summary="Keeps inputs larger than λ in magnitude and zeroes the rest: hard "
        "thresholding as an activation.",
        fn=hardshrink,
        grad=hardshrink_grad,
        parameters=(_LAMBD,),
        expr=sp.Piecewise((X, X > _L), (X, X < -_L), (0, True)),
        display=cases((X, sp.Abs(X) > _L), (0, True)),
        display_derivative=_HARDSHRINK_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > _L),
                    (sp.Derivative(X, X), X < -_L),
                    (sp.Derivative(0, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((1, X > _L), (1, X < -_L), (0, True)),
                "±λ take the zero piece (f jumps there: no derivative)",
            ),
            Step(_HARDSHRINK_PRIME, "x > λ or x < −λ: |x| > λ"),
        ),
        kinks=(
            Kink(
                -0.5,
                0.0,
                "f jumps from −λ to 0 at −λ; the dead-zone piece (PyTorch's rule is "
                "`-λ <= x <= λ ? 0 : 1`).",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0},
            ),
            Kink(
                0.5,
                0.0,
                "f jumps from 0 to λ at λ; the dead-zone piece.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0},
            ),
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, -\lambda) \cup \{0\} \cup (\lambda, \infty)",
            monotonic="non-decreasing",
            smoothness="discontinuous",
            saturation="none",
            cost="comparison",
        ),
        strengths=(
            "Produces exact zeros (sparsity) while leaving large inputs unbiased.",
            "Exact and cheap: a comparison and a multiplication by 0 or 1.",
        ),
        weaknesses=(
            "Discontinuous at ±λ: a small change of input can change the output by λ.",
            "Zero gradient in the dead zone, so units there do not learn.",
        ),
        typical_use="Sparse coding and denoising: hard thresholding of wavelet coefficients "
        "(Donoho & Johnstone, 1994); activation sparsification.",
        year=1994,
        paper=Paper(
            "D. L. Donoho, I. M. Johnstone",
            "Ideal spatial adaptation by wavelet shrinkage",
            "Biometrika 81(3)",
            1994,
            "https://doi.org/10.1093/biomet/81.3.425",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.hardshrink / torch.nn.Hardshrink",
                defaults={"lambd": 0.5},
            ),
            Framework(
                "Keras 3",
                "keras.activations.hard_shrink",
                defaults={"lambd": 0.5},
                param_names={"lambd": "threshold"},
            ),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "—", note="`jnp.where(jnp.abs(x) > lambd, x, 0)`."),
        ),
        aliases=("hard_shrink",),
        naive=Naive(
            fn="np.where(np.abs(x) > lambd, x, 0)",
            grad="(np.abs(x) > lambd).astype(float)",
            why="Exact, but `np.where` turns NaN into 0 (|NaN| > λ is False), and so does "
            "the textbook derivative. The catalog multiplies by the mask instead: NaN · 0 "
            "is NaN.",
        ),
        notes="`x * (|x| > λ)` is exact, propagates NaN and keeps the function odd bit for bit "
        "(−0.3 · 0 = −0.0). x = ±λ is in the dead zone, as in PyTorch.",
        see_also=(
            ("softshrink", "the continuous shrinkage"),
            ("threshold", "thresholding on one side"),
            ("tanhshrink", "a smooth shrinkage"),
        ),
    )
)


# --------------------------------------------------------------------------- softshrink


@elementwise
def softshrink(x, lambd=0.5):
    r"""Soft shrinkage: :math:`x - \lambda` above λ, :math:`x + \lambda` below −λ, 0 between.

    Computed as ``x - clip(x, -λ, λ)``: exact up to the one rounding of the
    subtraction, with NaN propagated and ±∞ mapped to ±∞.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    lambd : float, default 0.5
        λ ≥ 0 (PyTorch's name and default; Keras 3 calls it ``threshold``).

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``. Zeros carry the sign of the input (``softshrink(-0.2)``
        is ``-0.0``), so the function is odd bit for bit.

    Raises
    ------
    TypeError, ValueError
        If ``lambd`` is not a finite real number ≥ 0.

    Examples
    --------
    >>> import activations as act
    >>> act.softshrink([-2.0, 0.25, 1.5])
    array([-1.5,  0. ,  1. ])
    """
    lam = _lambd("softshrink", lambd)
    y = x - np.clip(x, -lam, lam)
    return np.copysign(y, x)  # x − x is +0.0; give the dead zone the sign of x


@elementwise
def softshrink_grad(x, lambd=0.5):
    """1 for |x| > λ, 0 for |x| ≤ λ (0 at ±λ, as PyTorch)."""
    lam = _lambd("softshrink", lambd)
    return _step(np.abs(x) > lam, x)


_SOFTSHRINK_PRIME = cases((1, sp.Abs(X) > _L), (0, True))
register(
    Spec(
        name="softshrink",
        title="Softshrink (soft thresholding)",
        family="shrinkage",
        summary="Moves every input towards 0 by λ and zeroes those within λ: the proximal "
        "operator of the L1 norm.",
        fn=softshrink,
        grad=softshrink_grad,
        parameters=(_LAMBD,),
        expr=sp.Piecewise((X - _L, X > _L), (X + _L, X < -_L), (0, True)),
        display=cases((add(X, -_L), X > _L), (add(X, _L), X < -_L), (0, True)),
        display_derivative=_SOFTSHRINK_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X - _L, X), X > _L),
                    (sp.Derivative(X + _L, X), X < -_L),
                    (sp.Derivative(0, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((1, X > _L), (1, X < -_L), (0, True)),
                "the kinks ±λ take the zero piece",
            ),
            Step(_SOFTSHRINK_PRIME, "x > λ or x < −λ: |x| > λ"),
        ),
        kinks=(
            Kink(
                -0.5,
                0.0,
                "The dead-zone piece (PyTorch's rule is `-λ <= x <= λ ? 0 : 1`).",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0},
            ),
            Kink(
                0.5,
                0.0,
                "The dead-zone piece.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0},
            ),
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="none",
            cost="arithmetic",
        ),
        strengths=(
            "Continuous (unlike hard shrinkage) and produces exact zeros: the solution of "
            "an L1-penalised least-squares problem, so it is the step of ISTA/LISTA.",
            "Exact and cheap: a clip and a subtraction.",
        ),
        weaknesses=(
            "Biases large inputs towards 0 by λ.",
            "Zero gradient in the dead zone.",
        ),
        typical_use="Unrolled sparse-coding networks (LISTA), wavelet and transform-domain "
        "denoising, sparsity-inducing layers.",
        year=1995,
        paper=Paper(
            "D. L. Donoho",
            "De-noising by soft-thresholding",
            "IEEE Transactions on Information Theory 41(3)",
            1995,
            "https://doi.org/10.1109/18.382009",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.softshrink / torch.nn.Softshrink",
                defaults={"lambd": 0.5},
            ),
            Framework(
                "Keras 3",
                "keras.activations.soft_shrink",
                defaults={"lambd": 0.5},
                param_names={"lambd": "threshold"},
            ),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "—", note="`jnp.sign(x) * jnp.maximum(jnp.abs(x) - lambd, 0)`."),
        ),
        aliases=("soft_shrink", "soft_threshold"),
        naive=Naive(
            fn="np.sign(x) * np.maximum(np.abs(x) - lambd, 0)",
            grad="(np.abs(x) > lambd).astype(float)",
            why="The value is exact (one rounding, `|x| - λ`); the textbook derivative "
            "turns NaN into 0. The catalog's `x - clip(x, -λ, λ)` is the same rounding "
            "in fewer passes.",
        ),
        notes="`x − clip(x, −λ, λ)` is x − λ, x + λ or x − x = 0 with a single rounding, "
        "propagates NaN (`clip` does) and maps ±∞ to ±∞. `copysign` then gives the zeros "
        "of the dead zone the sign of x, so that f(−x) = −f(x) holds bit for bit.",
        see_also=(
            ("hardshrink", "hard thresholding"),
            ("tanhshrink", "a smooth shrinkage"),
            ("relu", "softshrink(x) = relu(x − λ) − relu(−x − λ)"),
        ),
    )
)


# --------------------------------------------------------------------------- tanhshrink

# x − tanh x = (x cosh x − sinh x) / cosh x, and x cosh x − sinh x has the series
#   Σ_{k≥1} x^{2k+1} / ((2k − 1)! (2k + 1))  =  x³/3 + x⁵/30 + x⁷/840 + …
# whose terms are all positive: no cancellation. For |x| < 0.75 the terms up to k = 8
# (float64) or k = 5 (float32) reach full precision; above 0.75 the direct x − tanh x
# loses at most a few bits, well inside the accuracy rule.
_SMALL = 0.75
_COEFFS = tuple(1.0 / (math.factorial(2 * k - 1) * (2 * k + 1)) for k in range(1, 9))
_TERMS = {np.dtype(np.float64): 8, np.dtype(np.float32): 5}


def _tanhshrink_series(xc, out):
    """(x cosh x − sinh x)/cosh x from its positive series, for |x| ≤ 0.75, into ``out``."""
    n = _TERMS[xc.dtype]
    p = out
    p.fill(_COEFFS[n - 1])
    z = np.multiply(xc, xc, out=np.empty_like(out))
    for c in _COEFFS[n - 2 :: -1]:  # Horner over the 5–8 coefficients, not over elements
        p *= z
        p += c
    p *= z
    p *= xc
    p /= np.cosh(xc, out=z)
    return p


@elementwise
def tanhshrink(x):
    r"""Tanhshrink, :math:`x - \tanh x`, accurate near 0.

    ``x - np.tanh(x)`` loses every digit for small |x| (x³/3 is far below the
    rounding error of ``tanh x``); the catalog switches to a positive series there.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``; ±∞ at ±∞; ``-0.0`` for ``-0.0`` (the function is odd).

    Examples
    --------
    >>> import activations as act
    >>> act.tanhshrink([-2.0, 1e-3, 3.0])
    array([-1.03597242e+00,  3.33333200e-10,  2.00494525e+00])
    """
    direct = np.tanh(x, out=np.empty_like(x))
    np.subtract(x, direct, out=direct)
    small = np.abs(x) < _SMALL
    if not small.any():
        return direct
    # The series on the clipped input everywhere, then an exact blend with the 0/1
    # mask (s·m + d·(1 − m), both terms finite), computed in place: indexing with a
    # random boolean mask, or np.where, costs more than all of the arithmetic.
    xc = np.clip(x, -_SMALL, _SMALL, out=np.empty_like(x))
    series = _tanhshrink_series(xc, np.empty_like(x))
    series *= small
    direct *= ~small
    series += direct
    return np.copysign(series, x, out=series)  # odd: -0.0 → -0.0 (the blend gives +0.0)


@elementwise
def tanhshrink_grad(x):
    r"""(x − tanh x)′ = 1 − 1/cosh²x = tanh²x: no cancellation."""
    t = np.tanh(x)
    return t * t


register(
    Spec(
        name="tanhshrink",
        title="Tanhshrink",
        family="shrinkage",
        summary="x − tanh x: a smooth shrinkage that is flat (≈ x³/3) near 0 and x ∓ 1 "
        "far from it.",
        fn=tanhshrink,
        grad=tanhshrink_grad,
        expr=X - sp.tanh(X),
        display=add(X, -sp.tanh(X)),
        display_derivative=sp.tanh(X) ** 2,
        derivation=(
            Step(sp.Derivative(X, X) - sp.Derivative(sp.tanh(X), X), "differentiate each term"),
            Step(1 - 1 / sp.cosh(X) ** 2, "tanh′ = 1/cosh²"),
            Step(sp.tanh(X) ** 2, "1 − 1/cosh² = (cosh² − 1)/cosh² = sinh²/cosh²"),
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="none",
            cost="one transcendental",
        ),
        strengths=(
            "Smooth everywhere, unlike hard and soft shrinkage, while still suppressing "
            "small inputs (f ≈ x³/3 near 0).",
            "Gradient tanh²x ∈ [0, 1): never explodes, and approaches 1 for large |x|.",
        ),
        weaknesses=(
            "No exact zeros: it shrinks but does not sparsify.",
            "Vanishing gradient near 0 (f′ ≈ x²), so small inputs learn slowly.",
            "The textbook formula is inaccurate near 0 (see below).",
        ),
        typical_use="A smooth shrinkage, where the kinks of hard and soft shrinkage are unwanted.",
        year=2017,
        paper=None,
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.tanhshrink / torch.nn.Tanhshrink"),
            Framework("Keras 3", "keras.activations.tanh_shrink"),
            Framework("tf.keras 2", "—", note="`x - tf.tanh(x)`."),
            Framework("JAX", "—", note="`x - jnp.tanh(x)`."),
        ),
        aliases=("tanh_shrink",),
        naive=Naive(
            fn="x - np.tanh(x)",
            grad="1 - (1 - np.tanh(x) ** 2)",
            why="`x - tanh(x)` cancels for small |x|: the true value x³/3 falls below the "
            "rounding error of `tanh(x)`, so the result loses digits and is exactly 0 for "
            "small enough |x| (see the inputs below). The catalog evaluates "
            "(x cosh x − sinh x)/cosh x from its all-positive series for |x| < 0.75, and "
            "the derivative as tanh²x.",
            examples=(1e-9, 1e-3, 0.5),
        ),
        notes="No paper introduces it. Lua Torch's `nn` package has it as `TanhShrink`, and "
        "PyTorch has had `Tanhshrink` since its first public releases (2017), the earliest "
        "use dated here. For |x| ≥ 0.75 the direct form loses at most "
        "log₂(x/(x − tanh x)) ≤ 3 bits, within the accuracy rule; below, the series "
        "x³/3 + x⁵/30 + x⁷/840 + … (terms x²ᵏ⁺¹/((2k−1)!(2k+1)), all positive) divided by "
        "cosh x is accurate to a few ULP. Both forms are evaluated on every element (the "
        "series on the input clipped to ±0.75) and blended with a 0/1 mask by arithmetic, "
        "which is exact.",
        first_use_known=False,
        see_also=(
            ("tanh", "what it subtracts"),
            ("softshrink", "the piecewise-linear shrinkage"),
        ),
    )
)
