"""Exponential-linear and softplus-like activations: smooth(ish) rectifiers.

ELU, CELU and SELU are the identity for positive inputs and a scaled ``expm1`` for
negative ones; softplus, squareplus and sparse_plus are smooth approximations of
ReLU (a log-sum-exp, an algebraic and a piecewise-quadratic one).

Implementation rules shared by this module:

* ``expm1`` and ``log1p`` (NumPy) wherever a result is a small difference from 1.
* No ``np.where`` over a data-dependent mask where arithmetic can select instead
  (``max(x, 0) + α·expm1(min(0, x))``): the exact term is zero on the other side,
  so the sum is exact, NaN propagates and there is no branch misprediction.
* ``np.minimum(0.0, x)`` / ``np.maximum(0.0, x)`` (0 first) return ``x`` on a tie,
  so ``-0.0`` comes back as ``-0.0`` like PyTorch and JAX.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import sympy as sp
from sympy.core.numbers import NumberSymbol

from ._array import elementwise, real_param
from ._spec import (
    Core,
    Framework,
    Kink,
    Naive,
    Paper,
    Param,
    Properties,
    Spec,
    Step,
    Term,
    register,
)
from ._symbolic import X, add, between, cases, clip, frac, mul
from ._symbolic import sigmoid as _sym_sigmoid

__all__ = ["celu", "elu", "selu", "softplus", "sparse_plus", "squareplus"]

# ---------------------------------------------------------------------------
# ELU, CELU, SELU share one kernel: λ·max(0, x) + a·expm1(min(0, x)/c)
# ---------------------------------------------------------------------------


def _exp_linear(x, a, lam, c):
    """λ·max(0, x) + a·expm1(min(0, x)/c), in place on two new arrays.

    One of the two terms is exactly zero, so the sum adds no rounding; NaN
    propagates through both. Fresh temporaries cost about as much as ``expm1``
    itself at 1e6 elements, hence the ``out=`` arguments.
    """
    neg = np.minimum(0.0, x, out=np.empty_like(x))  # 0.0 first: min(0.0, −0.0) = −0.0
    if c != 1.0:
        neg /= c
    np.expm1(neg, out=neg)
    if a != 1.0:
        neg *= a
    pos = np.maximum(0.0, x, out=np.empty_like(x))
    if lam != 1.0:
        pos *= lam
    neg += pos
    return neg


def _exp_linear_grad(x, a, lam, c):
    """λ·[x > 0] + (a/c)·exp(min(0, x)/c)·[x ≤ 0] (a/c passed as ``a``).

    The masks select without ``np.where``: exact, and NaN (both masks false) gives
    exp(NaN)·0 = NaN.
    """
    pos = x > 0
    g = np.minimum(0.0, x, out=np.empty_like(x))
    if c != 1.0:
        g /= c
    np.exp(g, out=g)
    if a != 1.0:
        g *= a
    g *= ~pos
    g += pos if lam == 1.0 else lam * pos
    return g


# ---------------------------------------------------------------------------
# ELU
# ---------------------------------------------------------------------------

_ELU_ALPHA = Param(
    "alpha",
    1.0,
    "Negative-side saturation: ELU(x) → −α as x → −∞ (the curve's floor is −α).",
    latex=r"\alpha",
    examples=(0.5, 1.0, 2.0),
)


@elementwise
def elu(x, alpha=1.0):
    r"""Exponential linear unit.

    .. math:: \operatorname{ELU}(x) = \begin{cases} x & x > 0 \\
              \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    Computed as ``max(0, x) + alpha * expm1(min(0, x))``: one of the two terms is
    exactly zero, so no rounding is added, ``expm1`` keeps full relative accuracy
    near 0 (``exp(x) - 1`` loses every digit there), and NaN propagates.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    alpha : float, default 1.0
        Negative-side saturation: the output tends to ``-alpha`` as x → −∞.

    Returns
    -------
    ndarray or scalar
        ELU(x), same dtype as ``x`` (float64 for integer input).

    Examples
    --------
    >>> import activations as act
    >>> act.elu([-1.0, 0.0, 2.0])
    array([-0.63212056,  0.        ,  2.        ])
    >>> float(act.elu(-1e-20))  # exp(x) - 1 would give 0.0 here
    -1e-20
    >>> float(act.elu(float("-inf"), alpha=2.0))
    -2.0
    """
    alpha = real_param("elu", "alpha", alpha)
    return _exp_linear(x, alpha, 1.0, 1.0)


@elementwise
def elu_grad(x, alpha=1.0):
    r"""ELU′(x): 1 for x > 0, α·eˣ for x ≤ 0 (α at the kink x = 0, like PyTorch and JAX)."""
    alpha = real_param("elu", "alpha", alpha)
    return _exp_linear_grad(x, alpha, 1.0, 1.0)


_alpha = _ELU_ALPHA.symbol
register(
    Spec(
        name="elu",
        title="ELU",
        family="exponential-linear",
        summary="Identity for positive inputs, a smooth exponential approach to −α for "
        "negative ones: ReLU with no zero-gradient region and a mean output nearer zero.",
        fn=elu,
        grad=elu_grad,
        parameters=(_ELU_ALPHA,),
        expr=sp.Piecewise((X, X > 0), (_alpha * (sp.exp(X) - 1), True)),
        display=cases((X, X > 0), (mul(_alpha, add(sp.exp(X), -1)), True)),
        display_derivative=cases((1, X > 0), (mul(_alpha, sp.exp(X)), True)),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > 0),
                    (sp.Derivative(_alpha * (sp.exp(X) - 1), X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((1, X > 0), (_alpha * sp.exp(X), True)),
                "d/dx (eˣ − 1) = eˣ; the kink x = 0 takes the lower piece (value α)",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                1.0,
                "α·e⁰ = α, the left piece. At the default α = 1 both one-sided derivatives "
                "are 1, so f is C¹ and only f″ jumps.",
                frameworks={"PyTorch": 1.0, "Keras 3": 1.0, "JAX": 1.0},
            ),
        ),
        core=Core(
            "a smooth ReLU replacement",
            "latency-bound inference (an exponential per negative input)",
        ),
        properties=Properties(
            range=(-1.0, float("inf"), False, False),
            range_latex=r"(-\alpha, \infty) \text{ for } \alpha > 0",
            monotonic="increasing",
            smoothness="C1",
            saturation="left",
            cost="one transcendental",
        ),
        strengths=(
            "No zero-gradient region (for α > 0): f′ = α·eˣ > 0 for x ≤ 0, so no input "
            "switches the gradient off (it does vanish as x → −∞). With α < 0 f decreases "
            "for x < 0; α = 0 is ReLU.",
            "Negative outputs bring the mean activation nearer zero than ReLU's, which "
            "Clevert et al. (§2) found to speed up learning.",
            "C¹ at 0 for α = 1, and saturates to −α, so large negative inputs give a bounded "
            'response (the "noise-robust deactivation state" of Clevert et al., §3).',
        ),
        weaknesses=(
            "Costs an exponential for every negative input.",
            "Still vanishes for very negative inputs (the gradient α·eˣ → 0).",
            "Only C⁰ for α ≠ 1: the derivative jumps from α to 1 at 0.",
        ),
        typical_use=(
            "Hidden layers of CNNs and MLPs as a replacement for ReLU; for their CIFAR-100 "
            "networks, Clevert et al. (abstract) found that batch normalisation did not "
            "improve ELU networks."
        ),
        year=2015,
        paper=Paper(
            "D.-A. Clevert, T. Unterthiner, S. Hochreiter",
            "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)",
            "ICLR 2016 (arXiv:1511.07289)",
            2015,
            "https://arxiv.org/abs/1511.07289",
            "§3",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.elu / torch.nn.ELU", defaults={"alpha": 1.0}),
            Framework(
                "Keras 3", "keras.activations.elu / keras.layers.ELU", defaults={"alpha": 1.0}
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.elu / tf.keras.layers.ELU",
                defaults={"alpha": 1.0},
                source="tf_keras/activations.py, tf_keras/layers/activation/elu.py",
            ),
            Framework(
                "tf.keras 2",
                "tf.nn.elu",
                defaults={"alpha": None},
                note="No alpha: fixed at 1.",
                source="tensorflow/python/ops/nn_ops.py",
            ),
            Framework("JAX", "jax.nn.elu", defaults={"alpha": 1.0}),
        ),
        naive=Naive(
            fn="np.where(x > 0, x, alpha * (np.exp(x) - 1))",
            grad="np.where(x > 0, 1.0, alpha * np.exp(x))",
            why="`np.exp(x) - 1` cancels for |x| ≪ 1: it keeps only the digits of the "
            "difference from 1, and returns exactly 0 once `exp(x)` rounds to 1 (see the "
            "inputs below). `np.expm1` is accurate there. The textbook form also evaluates "
            "`np.exp` of large positive x in the discarded branch, which overflows (a "
            "warning).",
            examples=(-1e-20, -1e-9, -1e-4),
        ),
        notes="`max(0, x) + α·expm1(min(0, x))`: one of the two terms is exactly zero, so the "
        "sum is exact and no data-dependent `np.where` is needed. The derivative adds the "
        "mask `x > 0` to `α·exp(min(0, x))·(x ≤ 0)` for the same reason. Every step works "
        "in place on one or two new arrays.",
        see_also=(
            ("relu", "the piecewise-linear original"),
            ("celu", "ELU reparametrised to be C¹ for every α"),
            ("selu", "ELU scaled for self-normalisation"),
            ("leaky_relu", "a linear negative side"),
            ("softplus", "another smooth rectifier"),
        ),
    )
)


# ---------------------------------------------------------------------------
# CELU
# ---------------------------------------------------------------------------

_CELU_ALPHA = Param(
    "alpha",
    1.0,
    "Scale of the negative side: CELU(x) → −α as x → −∞; must be positive.",
    latex=r"\alpha",
    examples=(0.5, 1.0, 2.0),
    positive=True,
)


@elementwise
def celu(x, alpha=1.0):
    r"""Continuously differentiable exponential linear unit.

    .. math:: \operatorname{CELU}(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)\bigr)

    Unlike ELU with α ≠ 1, CELU is C¹ for every α > 0: its slope is 1 on both sides
    of 0.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    alpha : float, default 1.0
        Positive scale; the output tends to ``-alpha`` as x → −∞.

    Returns
    -------
    ndarray or scalar
        CELU(x), same dtype as ``x``.

    Raises
    ------
    ValueError
        If ``alpha`` is not positive.

    Examples
    --------
    >>> import activations as act
    >>> act.celu([-1.0, 0.0, 1.0], alpha=2.0)
    array([-0.78693868,  0.        ,  1.        ])
    """
    alpha = real_param("celu", "alpha", alpha, positive=True)
    return _exp_linear(x, alpha, 1.0, alpha)


@elementwise
def celu_grad(x, alpha=1.0):
    r"""CELU′(x): 1 for x > 0, e^{x/α} for x ≤ 0 (continuous: 1 at 0)."""
    alpha = real_param("celu", "alpha", alpha, positive=True)
    return _exp_linear_grad(x, 1.0, 1.0, alpha)


_calpha = _CELU_ALPHA.symbol
register(
    Spec(
        name="celu",
        title="CELU",
        family="exponential-linear",
        summary="ELU reparametrised so that it is continuously differentiable for every α: "
        "α·(exp(x/α) − 1) below zero, x above.",
        fn=celu,
        grad=celu_grad,
        parameters=(_CELU_ALPHA,),
        expr=sp.Piecewise((X, X > 0), (_calpha * (sp.exp(X / _calpha) - 1), True)),
        display=cases((X, X > 0), (mul(_calpha, add(sp.exp(X / _calpha), -1)), True)),
        display_derivative=cases((1, X > 0), (sp.exp(X / _calpha), True)),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > 0),
                    (sp.Derivative(_calpha * (sp.exp(X / _calpha) - 1), X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases(
                    (1, X > 0),
                    (sp.Mul(_calpha, sp.exp(X / _calpha), 1 / _calpha, evaluate=False), True),
                ),
                r"chain rule on $e^{x/\alpha}$",
            ),
            Step(
                cases((1, X > 0), (sp.exp(X / _calpha), True)),
                "α cancels: the slope is e⁰ = 1 at 0 from both sides",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                1.0,
                "1 from both sides for every α > 0 (only f″ jumps).",
                frameworks={"PyTorch": 1.0, "Keras 3": 1.0, "JAX": 1.0},
            ),
        ),
        properties=Properties(
            range=(-1.0, float("inf"), False, False),
            range_latex=r"(-\alpha, \infty)",
            monotonic="increasing",
            smoothness="C1",
            saturation="left",
            cost="one transcendental",
        ),
        strengths=(
            "C¹ for every α (ELU is C¹ only at α = 1), so α can be tuned without a jump in "
            "the gradient.",
            "Scale-similar: CELU(x, α) = α·CELU(x/α, 1).",
            "Bounded below by −α; no zero-gradient region.",
        ),
        weaknesses=(
            "Costs an exponential and a division for negative inputs.",
            "Identical to ELU at the default α = 1.",
            "The gradient vanishes for very negative inputs.",
        ),
        typical_use="Where ELU would be used and α is tuned or learned.",
        year=2017,
        paper=Paper(
            "J. T. Barron",
            "Continuously Differentiable Exponential Linear Units",
            "arXiv:1704.07483",
            2017,
            "https://arxiv.org/abs/1704.07483",
        ),
        frameworks=(
            Framework(
                "PyTorch", "torch.nn.functional.celu / torch.nn.CELU", defaults={"alpha": 1.0}
            ),
            Framework("Keras 3", "keras.activations.celu", defaults={"alpha": 1.0}),
            Framework("tf.keras 2", "—", note="No CELU in tf.keras 2 or tf.nn."),
            Framework("JAX", "jax.nn.celu", defaults={"alpha": 1.0}),
        ),
        naive=Naive(
            fn="np.maximum(0, x) + np.minimum(0, alpha * (np.exp(x / alpha) - 1))",
            grad="np.where(x > 0, 1.0, np.exp(x / alpha))",
            why="`np.exp(x / alpha) - 1` cancels for |x| ≪ α; `np.expm1` keeps every digit.",
            examples=(-1e-20, -1e-9),
        ),
        notes="Same kernel as ELU: `max(0, x) + α·expm1(min(0, x)/α)`, exact sum, no "
        "`np.where`. α must be positive (α = 0 divides by zero; for α < 0 the formula is "
        "no longer the CELU of the paper), so other values raise `ValueError`.",
        see_also=(
            ("elu", "the same function at α = 1"),
            ("selu", "the scaled ELU"),
        ),
    )
)


# ---------------------------------------------------------------------------
# SELU
# ---------------------------------------------------------------------------

SELU_ALPHA = 1.6732632423543772848170429916717
"""α₀₁ of Klambauer et al. (2017), the float64 nearest the closed form."""
SELU_SCALE = 1.0507009873554804934193349852946
"""λ₀₁ of Klambauer et al. (2017), the float64 nearest the closed form."""
_SELU_SCALE_ALPHA = 1.7580993408473768599402175208123  # λα, rounded once


class _SeluConstant(NumberSymbol):
    """A SELU constant in SymPy: printed as λ or α, evaluated to 32 digits.

    The 32 digits (checked against the closed forms in
    tests/test_exponential.py) serve the mpmath reference (``_mpmathcode``);
    code printers (NumPy, JavaScript) get the float64 value.
    """

    is_real = True
    is_positive = True
    is_irrational = True
    is_number = True
    __slots__ = ()
    digits = ""
    tex = ""
    name = ""

    def _as_mpf_val(self, prec):
        return mpmath.libmp.from_str(self.digits, prec, mpmath.libmp.round_nearest)

    def approximation_interval(self, number_cls):
        return None

    def __float__(self):
        return float(self.digits)  # correctly rounded (SymPy's evalf path is not)

    def _latex(self, printer):
        return self.tex

    def _sympystr(self, printer):
        return f"selu_{self.name}"

    def _mpmathcode(self, printer):
        return f"mpf('{self.digits}')"

    def _float_code(self, printer):
        return repr(float(self.digits))

    _pythoncode = _numpycode = _javascript = _float_code


class SeluLambda(_SeluConstant):
    digits = "1.0507009873554804934193349852946"
    tex = r"\lambda"
    name = "lambda"


class SeluAlpha(_SeluConstant):
    digits = "1.6732632423543772848170429916717"
    tex = r"\alpha"
    name = "alpha"


_SYM_SCALE = SeluLambda()
_SYM_ALPHA = SeluAlpha()


@elementwise
def selu(x):
    r"""Scaled exponential linear unit, :math:`\lambda\,\operatorname{ELU}(x; \alpha)`.

    .. math:: \operatorname{SELU}(x) = \lambda \begin{cases} x & x > 0 \\
              \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    with the self-normalising constants λ ≈ 1.0507009873554805 and
    α ≈ 1.6732632423543772 (:data:`SELU_SCALE`, :data:`SELU_ALPHA`), chosen so that
    zero-mean, unit-variance inputs keep mean 0 and variance 1 through a layer with
    suitably initialised weights.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        SELU(x), same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.selu([-1.0, 0.0, 1.0])
    array([-1.11133074,  0.        ,  1.05070099])
    >>> float(act.selu(float("-inf")))  # −λα
    -1.7580993408473768
    """
    return _exp_linear(x, _SELU_SCALE_ALPHA, SELU_SCALE, 1.0)


@elementwise
def selu_grad(x):
    r"""SELU′(x): λ for x > 0, λα·eˣ for x ≤ 0 (λα ≈ 1.7581 at the kink, like PyTorch/JAX)."""
    return _exp_linear_grad(x, _SELU_SCALE_ALPHA, SELU_SCALE, 1.0)


_selu_inner = sp.Piecewise((X, X > 0), (sp.Mul(_SYM_ALPHA, sp.exp(X) - 1, evaluate=False), True))
register(
    Spec(
        name="selu",
        title="SELU",
        family="exponential-linear",
        summary="ELU scaled by fixed constants λ ≈ 1.0507 and α ≈ 1.6733 so that activations "
        "self-normalise towards zero mean and unit variance.",
        fn=selu,
        grad=selu_grad,
        expr=sp.Mul(_SYM_SCALE, _selu_inner, evaluate=False),
        display=mul(_SYM_SCALE, cases((X, X > 0), (mul(_SYM_ALPHA, add(sp.exp(X), -1)), True))),
        display_derivative=mul(_SYM_SCALE, cases((1, X > 0), (mul(_SYM_ALPHA, sp.exp(X)), True))),
        terms=(
            Term(_SYM_SCALE, "the scale λ₀₁ of Klambauer et al. (2017), a fixed constant"),
            Term(_SYM_ALPHA, "the α₀₁ of Klambauer et al. (2017), a fixed constant"),
        ),
        derivation=(
            Step(
                sp.Mul(_SYM_SCALE, sp.Derivative(_selu_inner, X), evaluate=False),
                "constant factor λ",
            ),
            Step(
                sp.Mul(
                    _SYM_SCALE,
                    cases((1, X > 0), (sp.Mul(_SYM_ALPHA, sp.exp(X), evaluate=False), True)),
                    evaluate=False,
                ),
                "differentiate each piece; the kink x = 0 takes the lower piece",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                1.7580993408473768,
                "λα ≈ 1.7581, the left piece; the right-hand slope is λ ≈ 1.0507, so f is only C⁰.",
                frameworks={
                    "PyTorch": 1.7580993408473768,
                    "Keras 3": 1.7580993408473768,
                    "JAX": 1.7580993408473768,
                },
            ),
        ),
        core=Core(
            "self-normalising MLPs",
            "batch norm, standard dropout or He init",
        ),
        properties=Properties(
            range=(-_SELU_SCALE_ALPHA, float("inf"), False, False),
            range_latex=r"(-\lambda\alpha, \infty) \approx (-1.7581, \infty)",
            monotonic="increasing",
            smoothness="C0",
            saturation="left",
            cost="one transcendental",
        ),
        strengths=(
            "Self-normalising without batch normalisation (Klambauer et al., Theorem 1): for a "
            "unit of a dense layer whose weight sums ω = Σwᵢ and τ = Σwᵢ² are near 0 and 1, "
            "with independent inputs of mean near 0 and variance near 1, the mean and variance "
            "of its output are pulled towards a stable fixed point near (0, 1), exactly (0, 1) "
            "at ω = 0, τ = 1.",
            "Klambauer et al. report self-normalising fully connected networks ahead of the "
            "other feed-forward networks they compared on 121 UCI tasks and on Tox21.",
            "No zero-gradient region; bounded below by −λα.",
        ),
        weaknesses=(
            "The guarantee is per unit, under conditions that LeCun-normal weights (the "
            "paper's initialisation) meet only in expectation: weight sums ω ≈ 0 and τ ≈ 1; "
            "the paper also uses plain dense layers and alpha dropout instead of dropout. "
            "Residual connections, normalisation layers and other initialisations fall "
            "outside it.",
            "λ > 1: positive inputs are amplified by λ ≈ 1.0507.",
            "The derivative jumps at 0 (from λα ≈ 1.758 to λ ≈ 1.051).",
        ),
        typical_use="Deep fully connected networks on tabular data (self-normalising "
        "networks), with LeCun-normal initialisation and alpha dropout, as in Klambauer et al.",
        year=2017,
        paper=Paper(
            "G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter",
            "Self-Normalizing Neural Networks",
            "NeurIPS 2017 (arXiv:1706.02515)",
            2017,
            "https://arxiv.org/abs/1706.02515",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.selu / torch.nn.SELU"),
            Framework("Keras 3", "keras.activations.selu"),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.selu / tf.nn.selu",
                source="tf_keras/activations.py",
            ),
            Framework("JAX", "jax.nn.selu"),
        ),
        naive=Naive(
            fn="1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * (np.exp(x) - 1))",
            grad="1.0507009873554805 * np.where(x > 0, 1.0, 1.6732632423543772 * np.exp(x))",
            why="`np.exp(x) - 1` loses its digits near 0 (see the inputs below). Constants "
            "typed to four decimals (1.0507, 1.6733) are not the paper's values.",
            examples=(-1e-20, -1e-9),
        ),
        notes="λ and α are the closed forms of Klambauer et al., α₀₁ = −√(2/π) / "
        "(erfc(1/√2)·√e − 1) and the corresponding λ₀₁, evaluated in mpmath to 32 digits "
        "(the test suite recomputes them); the expression prints them as λ and α and "
        "evaluates them to those 32 digits. The negative piece is `(λα)·expm1(min(0, x))` "
        "with λα rounded once (one rounding fewer than `λ·(α·expm1(x))`), added to "
        "`λ·max(0, x)`: one term is exactly zero.",
        see_also=(
            ("elu", "the unscaled function"),
            ("celu", "ELU reparametrised"),
        ),
    )
)


# ---------------------------------------------------------------------------
# softplus
# ---------------------------------------------------------------------------

_BETA = Param(
    "beta",
    1.0,
    "Sharpness: softplus(x; β) = log(1 + exp(βx))/β tends to ReLU as β → ∞; must be positive.",
    latex=r"\beta",
    examples=(0.5, 1.0, 2.0, 10.0),
    positive=True,
)


@elementwise
def softplus(x, beta=1.0):
    r"""Softplus, a smooth ReLU: :math:`\tfrac{1}{\beta}\log\bigl(1 + e^{\beta x}\bigr)`.

    Computed as ``max(x, 0) + log1p(exp(-|βx|)) / β``, exact to a few ULP for
    every input: no overflow for large x, no 0 returned for x ≪ 0 (where the value
    is about e^{βx}/β), no threshold.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    beta : float, default 1.0
        Positive sharpness. Unlike PyTorch there is no ``threshold`` parameter: the
        result is accurate everywhere, so nothing needs switching to the identity.

    Returns
    -------
    ndarray or scalar
        softplus(x), same dtype as ``x``.

    Raises
    ------
    ValueError
        If ``beta`` is not positive.

    Examples
    --------
    >>> import activations as act
    >>> act.softplus([-1.0, 0.0, 1.0])
    array([0.31326169, 0.69314718, 1.31326169])
    >>> float(act.softplus(21.0))  # PyTorch's threshold=20 returns 21.0
    21.000000000758256
    >>> float(act.softplus(-800.0)) == 0.0, float(act.softplus(-700.0))
    (True, 9.85967654375977e-305)
    """
    beta = real_param("softplus", "beta", beta, positive=True)
    y = np.multiply(x, -beta, out=np.empty_like(x))  # in place from here on
    np.abs(y, out=y)
    np.negative(y, out=y)
    np.exp(y, out=y)
    np.log1p(y, out=y)
    if beta != 1.0:
        y /= beta
    y += np.maximum(x, 0.0)
    return y


def _torch_softplus(x, beta=1.0):
    """What ``torch.nn.functional.softplus`` computes: x itself where βx > 20."""
    x = np.asarray(x, dtype=float)
    return np.where(beta * x > 20.0, x, softplus(x, beta))


@elementwise
def softplus_grad(x, beta=1.0):
    r"""softplus′(x) = σ(βx) = 1 / (1 + e^{−βx}), accurate in both tails."""
    beta = real_param("softplus", "beta", beta, positive=True)
    e = np.multiply(x, -beta, out=np.empty_like(x))
    np.exp(e, out=e)
    e += 1.0
    return np.divide(1.0, e, out=e)


_beta = _BETA.symbol
register(
    Spec(
        name="softplus",
        title="Softplus",
        family="exponential-linear",
        summary="log(1 + eˣ): a smooth, strictly positive ReLU whose derivative is the sigmoid.",
        fn=softplus,
        grad=softplus_grad,
        parameters=(_BETA,),
        expr=sp.log(1 + sp.exp(_beta * X)) / _beta,
        display=mul(frac(1, _beta), sp.log(add(1, sp.exp(mul(_beta, X))))),
        display_derivative=_sym_sigmoid(mul(_beta, X)),
        derivation=(
            Step(
                sp.Mul(1 / _beta, sp.Derivative(sp.log(1 + sp.exp(_beta * X)), X), evaluate=False),
                "constant factor 1/β",
            ),
            Step(
                sp.Mul(
                    1 / _beta,
                    _beta * sp.exp(_beta * X),
                    sp.Pow(1 + sp.exp(_beta * X), -1, evaluate=False),
                    evaluate=False,
                ),
                r"chain rule: $(\log u)' = u'/u$ with $u = 1 + e^{\beta x}$",
            ),
            Step(
                sp.exp(_beta * X) / (1 + sp.exp(_beta * X)),
                "β cancels",
            ),
            Step(_sym_sigmoid(_beta * X), r"$e^{t}/(1 + e^{t}) = \sigma(t)$"),
        ),
        core=Core(
            "outputs that must be positive",
            "layers that should output exact zeros",
        ),
        properties=Properties(
            range=(0.0, float("inf"), False, False),
            range_latex=r"(0, \infty)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="left",
            cost="several transcendentals",
        ),
        strengths=(
            "Smooth everywhere, with derivative σ(βx) > 0: no zero-gradient region "
            "(σ(βx) still → 0 as x → −∞).",
            "Strictly positive, and ≈ x for large x: maps an unconstrained value to a "
            "positive one (a variance, a rate, a scale) without the growth of exp.",
            "β interpolates between a soft (small β) and a sharp (large β) ReLU.",
        ),
        weaknesses=(
            "Two transcendentals (exp and log1p).",
            "Not zero-centred: softplus(0) = log 2 ≈ 0.693 and every output is positive.",
            "Glorot, Bordes & Bengio (2011) found rectifier networks as good as or better "
            "than softplus networks, despite ReLU's hard zero.",
        ),
        typical_use="Output heads that must be positive (standard deviations, Poisson rates, "
        "scale parameters), and inside Mish.",
        year=2000,
        paper=Paper(
            "C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia",
            "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
            "NeurIPS 13 (2000)",
            2000,
            "https://papers.nips.cc/paper/1920-incorporating-second-order-functional-knowledge-for-better-option-pricing",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.softplus / torch.nn.Softplus",
                defaults={"beta": 1.0},
                note="Also takes threshold=20: where βx > 20 it returns x itself, and the "
                "derivative 1 (this library has no threshold); the difference is computed on "
                "the framework-defaults page.",
                fn=_torch_softplus,
                formula=(
                    r"x \text{ if } \beta x > 20 \text{, else } \tfrac{1}{\beta} \log(1 + "
                    r"e^{\beta x})"
                ),
            ),
            Framework(
                "Keras 3", "keras.activations.softplus", defaults={"beta": None}, note="No β."
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.softplus / tf.nn.softplus",
                defaults={"beta": None},
                note="No β.",
                source="tf_keras/activations.py",
            ),
            Framework("JAX", "jax.nn.softplus", defaults={"beta": None}, note="No β."),
        ),
        naive=Naive(
            fn="np.log(1 + np.exp(beta * x)) / beta",
            grad="1 / (1 + np.exp(-beta * x))",
            why="`np.exp(x)` overflows for x > 709.78 and the textbook value becomes `inf` "
            "(with a warning) where softplus(x) ≈ x; once `1 + exp(x)` rounds to 1 (from "
            "x ≈ −37) `log` returns 0 although softplus(x) ≈ eˣ is representable. The "
            "catalog writes `max(x, 0) + log1p(exp(-|βx|))/β`: the exponential never "
            "overflows and `log1p` keeps the small tail.",
            examples=(-40.0, 800.0),
        ),
        notes="`max(x, 0) + log1p(exp(−|βx|))/β` is the stable log-sum-exp written out; "
        "`np.logaddexp(0, βx)/β`, the same identity, overflows whenever βx does, although "
        "the answer is finite. The derivative `1/(1 + exp(−βx))` is the sigmoid, accurate "
        "in both tails. Non-positive β raises `ValueError`.",
        popularised_by=(
            Paper(
                "X. Glorot, A. Bordes, Y. Bengio",
                "Deep Sparse Rectifier Neural Networks",
                "AISTATS 2011, PMLR 15, 315–323",
                2011,
                "https://proceedings.mlr.press/v15/glorot11a.html",
            ),
        ),
        see_also=(
            ("relu", "the limit β → ∞"),
            ("sigmoid", "its derivative"),
            ("log_sigmoid", "−softplus(−x)"),
            ("mish", "x·tanh(softplus(x))"),
            ("squareplus", "an algebraic softplus"),
        ),
    )
)


# ---------------------------------------------------------------------------
# squareplus
# ---------------------------------------------------------------------------

_B = Param(
    "b",
    4.0,
    "Curvature at 0: squareplus(0) = √b/2; b = 0 gives ReLU. Must be non-negative.",
    latex="b",
    examples=(0.5, 4.0, 16.0),
)


def _squareplus_big_h(x, b):
    """(big, h): big = f(|x|) = (|x| + h)/2 and h = √(x² + b), in two new arrays.

    Both are sums of positive terms (no cancellation). f(x)·f(−x) = b/4, so the
    negative side is f(−|x|) = (b/4)/big: the rationalised form.
    """
    info = np.finfo(x.dtype)
    big = np.abs(x, out=np.empty_like(x))
    cap = math.sqrt(float(info.max) / 4)  # a Python float keeps float32 float32
    if big.size == 0 or (big.max() <= cap and b <= cap * cap):
        # Common case: x² + b and |x| + h cannot overflow.
        h = np.multiply(big, big, out=np.empty_like(big))
        h += b
        np.sqrt(h, out=h)
        big += h
        big *= 0.5
    elif b <= float(info.max) * float(info.eps) / 4:
        # Above cap, x² + b overflows but √(x² + b) = |x| to working precision.
        h = np.minimum(big, cap, out=np.empty_like(big))
        np.square(h, out=h)
        h += b
        np.sqrt(h, out=h)
        np.maximum(h, big, out=h)
        big *= 0.5
        big += 0.5 * h
    else:  # absurdly large b: hypot is slower but never overflows
        h = np.hypot(big, math.sqrt(b), out=np.empty_like(big))
        big *= 0.5
        big += 0.5 * h
    return big, h


@elementwise
def squareplus(x, b=4.0):
    r"""Squareplus, an algebraic smooth ReLU: :math:`\tfrac12\bigl(x + \sqrt{x^2 + b}\bigr)`.

    For x < 0 the textbook form subtracts two nearly equal numbers; the catalog uses
    the rationalised form ``b / (2(√(x² + b) − x))`` there, so the tail b/(4|x|) keeps
    every digit, and avoids overflow of x² for |x| > 1e154.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    b : float, default 4.0
        Non-negative curvature; squareplus(0) = √b / 2 and b = 0 is ReLU.

    Returns
    -------
    ndarray or scalar
        squareplus(x), same dtype as ``x``.

    Raises
    ------
    ValueError
        If ``b`` is negative.

    Examples
    --------
    >>> import activations as act
    >>> act.squareplus([-1.0, 0.0, 1.0])
    array([0.61803399, 1.        , 1.61803399])
    >>> float(act.squareplus(-1e9))  # the textbook form returns 0.0
    1e-09
    """
    b = real_param("squareplus", "b", b, nonnegative=True)
    if b == 0:
        return np.maximum(0.0, x) + 0.0
    big, small = _squareplus_big_h(x, b)
    np.divide(0.25 * b, big, out=small)  # f(−|x|)
    # f = big for x ≥ 0 else small; big ≥ √b/2 ≥ small, so a max selects without np.where.
    # fmax (not maximum) drops the NaN of inf·0 at x = −inf; a NaN x is NaN in both.
    big *= x >= 0
    return np.fmax(small, big, out=big)


@elementwise
def squareplus_grad(x, b=4.0):
    r"""squareplus′(x) = ½(1 + x/√(x² + b)) = squareplus(x)/√(x² + b), without cancellation."""
    b = real_param("squareplus", "b", b, nonnegative=True)
    if b == 0:
        return np.heaviside(x, 0.0)
    info = np.finfo(x.dtype)
    xc = np.clip(x, -info.max, info.max, out=np.empty_like(x))  # ±inf → limits 0 and 1
    f, h = _squareplus_big_h(xc, b)
    # x ≥ 0: ½ + ½·x/h (1 ulp); x < 0: f(x)/h with f(x) = (b/4)/f(|x|), no cancellation.
    np.divide(0.25 * b, f, out=f)
    f /= h
    np.divide(xc, h, out=h)
    h *= 0.5
    h += 0.5
    h *= xc >= 0
    return np.fmax(f, h, out=h)


_b = _B.symbol
register(
    Spec(
        name="squareplus",
        title="Squareplus",
        family="exponential-linear",
        summary="(x + √(x² + b))/2: a softplus-shaped smooth ReLU built from a square root "
        "instead of exp and log.",
        fn=squareplus,
        grad=squareplus_grad,
        parameters=(_B,),
        expr=(X + sp.sqrt(X**2 + _b)) / 2,
        display=frac(add(X, sp.sqrt(add(X**2, _b))), 2),
        display_derivative=mul(frac(1, 2), add(1, frac(X, sp.sqrt(add(X**2, _b))))),
        derivation=(
            Step(
                sp.Mul(
                    sp.Rational(1, 2),
                    sp.Add(sp.Derivative(X, X), sp.Derivative(sp.sqrt(X**2 + _b), X)),
                    evaluate=False,
                ),
                "linearity",
            ),
            Step(
                sp.Mul(
                    sp.Rational(1, 2),
                    sp.Add(1, sp.Mul(2 * X, 1 / (2 * sp.sqrt(X**2 + _b)), evaluate=False)),
                    evaluate=False,
                ),
                "chain rule on √u, u = x² + b",
            ),
            Step(
                sp.Mul(sp.Rational(1, 2), 1 + X / sp.sqrt(X**2 + _b), evaluate=False),
                "simplify",
            ),
        ),
        properties=Properties(
            range=(0.0, float("inf"), False, False),
            range_latex=r"(0, \infty)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="left",
            cost="arithmetic",
        ),
        strengths=(
            "Smooth like softplus but needs only a square root: no exp or log (Barron, 2021).",
            "Algebraic tails: approaches 0 as b/(4|x|) rather than exponentially, so the "
            "gradient b/(4x²) decays slowly for negative inputs.",
            "b sets the curvature at 0 (b = 0 is exactly ReLU).",
        ),
        weaknesses=(
            "Not zero-centred: every output is positive (squareplus(0) = √b/2 = 1 at the default).",
            "The textbook formula cancels for x ≪ 0 (see below).",
        ),
        typical_use="A drop-in for softplus where positivity and smoothness matter; available in "
        "JAX and Keras 3.",
        year=2021,
        paper=Paper(
            "J. T. Barron",
            "Squareplus: A Softplus-Like Algebraic Rectifier",
            "arXiv:2112.11687",
            2021,
            "https://arxiv.org/abs/2112.11687",
        ),
        frameworks=(
            Framework("PyTorch", "—", defaults={"b": None}),
            Framework("Keras 3", "keras.activations.squareplus", defaults={"b": 4}),
            Framework("tf.keras 2", "—", defaults={"b": None}),
            Framework("JAX", "jax.nn.squareplus", defaults={"b": 4}),
        ),
        naive=Naive(
            fn="(x + np.sqrt(x * x + b)) / 2",
            grad="(1 + x / np.sqrt(x * x + b)) / 2",
            why="For x ≪ 0, `x + sqrt(x² + b)` subtracts two nearly equal numbers: digits "
            "are lost from about x = −1e4, and far enough out the result is 0 although the "
            "value b/(4|x|) is representable (see the inputs below). `x * x` also overflows "
            "for |x| > √max ≈ 1.3e154, giving `inf` for large positive x and `nan` in the "
            "derivative. The catalog uses the rationalised form b/(2(√(x² + b) − x)) for "
            "x < 0 and caps x² before the square root.",
            examples=(-1e4, -1e9, 1e200),
        ),
        notes="f(x)·f(−x) = b/4, so with `big = (|x| + h)/2` (no cancellation) the negative "
        "side is `(b/4)/big`; `fmax(small, big·(x ≥ 0))` selects without `np.where` (big ≥ "
        "small always). The derivative is f(x)/h for x < 0 and ½ + ½·x/h for x ≥ 0, both "
        "cancellation-free. h = √(x² + b) is computed directly when no |x| exceeds "
        "√(max/4), else as `max(sqrt(min(|x|, cap)² + b), |x|)`. The benchmark table "
        "below shows what the accuracy for x ≪ 0 costs in time against the textbook form.",
        see_also=(
            ("softplus", "the transcendental original"),
            ("relu", "the case b = 0"),
            ("sparse_plus", "a piecewise-quadratic softplus"),
        ),
    )
)


# ---------------------------------------------------------------------------
# sparse_plus
# ---------------------------------------------------------------------------


@elementwise
def sparse_plus(x):
    r"""SparsePlus (JAX, Keras 3): 0 for x ≤ −1, (x + 1)²/4 for |x| < 1, x for x ≥ 1.

    Computed as ``max((clip(x, −1, 1) + 1)² / 4, x)``: the quadratic piece is never
    below the line y = x ((x + 1)²/4 − x = (x − 1)²/4 ≥ 0), so one maximum selects
    the right piece without a mask; NaN propagates.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        sparse_plus(x), same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.sparse_plus([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0])
    array([0.    , 0.    , 0.25  , 0.5625, 1.    , 3.    ])
    """
    return np.maximum(0.25 * np.square(np.clip(x, -1.0, 1.0) + 1.0), x)


@elementwise
def sparse_plus_grad(x):
    r"""sparse_plus′(x) = (clip(x, −1, 1) + 1)/2: 0, (x + 1)/2, 1 — continuous."""
    return 0.5 * (np.clip(x, -1.0, 1.0) + 1.0)


_SPARSE_PLUS_PRIME = clip(frac(add(X, 1), 2), 0, 1)
register(
    Spec(
        name="sparse_plus",
        title="SparsePlus",
        family="exponential-linear",
        summary="A piecewise-quadratic softplus: exactly 0 below −1, exactly x above 1, "
        "and the parabola (x + 1)²/4 joining them with matching slopes.",
        fn=sparse_plus,
        grad=sparse_plus_grad,
        expr=sp.Piecewise((0, X <= -1), ((X + 1) ** 2 / 4, X < 1), (X, True)),
        display=cases((0, X <= -1), (frac(add(X, 1) ** 2, 4), between(-1, X, 1)), (X, X >= 1)),
        display_derivative=_SPARSE_PLUS_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(0, X), X <= -1),
                    (sp.Derivative((X + 1) ** 2 / 4, X), X < 1),
                    (sp.Derivative(X, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((0, X <= -1), ((X + 1) / 2, X < 1), (1, True)),
                "the pieces meet with equal slopes (0 at −1, 1 at 1)",
            ),
            Step(_SPARSE_PLUS_PRIME, "0, (x + 1)/2, 1: (x + 1)/2 clipped to [0, 1]"),
        ),
        kinks=(
            Kink(
                -1.0,
                0.0,
                "f′ is continuous (0 from both sides); only f″ jumps (0 → ½).",
                frameworks={"Keras 3": 0.0, "JAX": 0.0},
            ),
            Kink(
                1.0,
                1.0,
                "f′ is continuous (1 from both sides); only f″ jumps (½ → 0).",
                frameworks={"Keras 3": 1.0, "JAX": 1.0},
            ),
        ),
        properties=Properties(
            range=(0.0, float("inf"), True, False),
            range_latex=r"[0, \infty)",
            monotonic="non-decreasing",
            smoothness="C1",
            saturation="left",
            cost="arithmetic",
        ),
        strengths=(
            "Exactly sparse: outputs and gradients are exactly 0 for x ≤ −1, like ReLU.",
            "C¹ (continuous derivative), unlike ReLU, with no transcendental function.",
            "Exactly the identity for x ≥ 1, so large activations pass unchanged.",
        ),
        weaknesses=(
            "Zero gradient for x < −1: units can die there, as with ReLU.",
            "Not C²: the curvature jumps at ±1.",
        ),
        typical_use="Sparse, smooth replacement for softplus or ReLU; the same shape as "
        "SmeLU (β = 1) proposed for reproducible recommendation models.",
        year=2020,
        paper=Paper(
            "G. I. Shamir, D. Lin, L. Coviello",
            "Smooth activations and reproducibility in deep networks",
            "arXiv:2010.09931",
            2020,
            "https://arxiv.org/abs/2010.09931",
        ),
        frameworks=(
            Framework("PyTorch", "—"),
            Framework("Keras 3", "keras.activations.sparse_plus"),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "jax.nn.sparse_plus"),
        ),
        aliases=("sparseplus", "smelu"),
        naive=Naive(
            fn="np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1) ** 2 / 4))",
            grad="np.where(x <= -1, 0.0, np.where(x >= 1, 1.0, (x + 1) / 2))",
            why="The textbook form is accurate; `(x + 1)**2` overflows inside the discarded "
            "branch for |x| > 1.3e154 (a warning). The catalog clips first and selects with "
            "one `max`.",
        ),
        notes="SmeLU of Shamir et al. with half-width β = 1 is the same function, hence the "
        "alias. `max((clip(x, −1, 1) + 1)²/4, x)`: the parabola is above the line y = x "
        "everywhere ((x − 1)²/4 ≥ 0) and equals 1 at x ≥ 1, so the maximum picks the "
        "correct piece; the derivative `(clip(x, −1, 1) + 1)/2` is exact.",
        see_also=(
            ("sparse_sigmoid", "its derivative"),
            ("softplus", "the smooth function it imitates"),
            ("relu", "the rectifier it equals outside [−1, 1]"),
        ),
    )
)
