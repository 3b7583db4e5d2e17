"""Sigmoid-like activations: bounded, S-shaped squashing functions and their
piecewise-linear approximations.

The smooth ones are written so that no tail value is lost to cancellation: the
derivatives are computed from ``e^{−|x|}`` or ``e^{−2|x|}`` rather than ``1 − f²``, and
``log σ`` splits off ``min(x, 0)`` before ``log1p``.  The piecewise-linear ones are a
``clip`` of one affine operation.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._array import elementwise
from ._relu_like import _finite, _step
from ._spec import Core, Framework, Kink, Naive, Paper, Param, Properties, Spec, Step, register
from ._symbolic import X, add, between, cases, clip, frac, mul
from ._symbolic import sigmoid as _sym_sigmoid

__all__ = [
    "hard_sigmoid",
    "hard_tanh",
    "log_sigmoid",
    "sigmoid",
    "softsign",
    "sparse_sigmoid",
    "tanh",
]

_INF = float("inf")


# --------------------------------------------------------------------------- sigmoid


@elementwise
def sigmoid(x):
    r"""Logistic sigmoid, :math:`\sigma(x) = \dfrac{1}{1 + e^{-x}}`.

    Written as ``1 / (1 + exp(-x))``, which is accurate to a few ULP everywhere:
    for x ≪ 0, ``exp(-x)`` overflows to ``inf`` only where σ(x) is below the
    smallest normal number, and the quotient keeps full relative precision.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        σ(x), same dtype as ``x`` (float64 for integer input); 0 at −∞, 1 at +∞.

    See Also
    --------
    log_sigmoid : log σ(x) without overflow.
    tanh : tanh(x) = 2σ(2x) − 1.

    Examples
    --------
    >>> import activations as act
    >>> act.sigmoid([-1.0, 0.0, 1.0])
    array([0.26894142, 0.5       , 0.73105858])
    >>> float(act.sigmoid(-800.0))  # e^-800 is below float64's range; no warning
    0.0
    """
    return 1.0 / (1.0 + np.exp(-x))


@elementwise
def sigmoid_grad(x):
    r"""σ′(x) = σ(x)·σ(−x) = e^{−|x|} / (1 + e^{−|x|})², accurate in both tails.

    The textbook ``s * (1 - s)`` returns exactly 0 for x ≳ 37 because ``1 - s``
    cancels; the symmetric form never subtracts.
    """
    e = np.exp(-np.abs(x))
    return e / np.square(1.0 + e)


register(
    Spec(
        name="sigmoid",
        title="Sigmoid (logistic)",
        family="sigmoid-like",
        summary=(
            "Squashes any real number into (0, 1): the logistic-regression link, and the "
            "gate of LSTM and GRU cells."
        ),
        fn=sigmoid,
        grad=sigmoid_grad,
        expr=1 / (1 + sp.exp(-X)),
        display=frac(1, add(1, sp.exp(-X))),
        display_derivative=mul(_sym_sigmoid(X), add(1, -_sym_sigmoid(X))),
        derivation=(
            Step(
                sp.Derivative(sp.Pow(1 + sp.exp(-X), -1, evaluate=False), X), "write σ as a power"
            ),
            Step(
                sp.Mul(sp.Pow(1 + sp.exp(-X), -2, evaluate=False), sp.exp(-X), evaluate=False),
                r"chain rule: $-(1 + e^{-x})^{-2} \cdot (-e^{-x})$",
            ),
            Step(
                mul(frac(1, add(1, sp.exp(-X))), frac(sp.exp(-X), add(1, sp.exp(-X)))),
                "split the fraction",
            ),
            Step(
                sp.Mul(_sym_sigmoid(X), 1 - _sym_sigmoid(X), evaluate=False),
                r"$e^{-x}/(1 + e^{-x}) = 1 - \sigma(x)$",
            ),
        ),
        core=Core(
            "binary and multi-label outputs; gates",
            "hidden layers of deep networks",
        ),
        properties=Properties(
            range=(0.0, 1.0, False, False),
            range_latex=r"(0, 1)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="both",
            cost="one transcendental",
        ),
        strengths=(
            "Output in (0, 1): reads as a probability for binary and multi-label outputs.",
            "Smooth and increasing, with the derivative σ′ = σ(1 − σ) (derivation above).",
            "The gate of LSTM (Hochreiter & Schmidhuber, 1997) and GRU (Cho et al., 2014) "
            "cells, and of the GLU family.",
        ),
        weaknesses=(
            "Saturating on both sides, and σ′ ≤ 1/4 with its maximum at x = 0: through a "
            "stack of sigmoid layers the backpropagated gradient is multiplied by at most 1/4 "
            "per layer (times the weights), so with weights of order 1 it shrinks "
            "geometrically with depth.",
            "Not zero-centred: its mean output for standard-normal input is 1/2 and every "
            "output is positive, so all the weight gradients of a unit in the next layer "
            "share one sign (LeCun et al., Efficient BackProp, 1998, §4.3).",
            "Costs an exponential per element.",
        ),
        typical_use=(
            "Output layer for binary and multi-label classification (with the loss computed "
            "from the logits, see log_sigmoid); gates in LSTM/GRU cells and in GLU layers."
        ),
        year=1986,
        paper=Paper(
            "D. E. Rumelhart, G. E. Hinton, R. J. Williams",
            "Learning representations by back-propagating errors",
            "Nature 323, 533–536",
            1986,
            "https://doi.org/10.1038/323533a0",
        ),
        frameworks=(
            Framework("PyTorch", "torch.sigmoid / torch.nn.Sigmoid"),
            Framework("Keras 3", "keras.activations.sigmoid"),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.sigmoid / tf.nn.sigmoid",
                source="tf_keras/activations.py",
            ),
            Framework("JAX", "jax.nn.sigmoid"),
        ),
        aliases=("logistic", "expit"),
        naive=Naive(
            fn="1 / (1 + np.exp(-x))",
            grad="1 / (1 + np.exp(-x)) * (1 - 1 / (1 + np.exp(-x)))",
            why="The textbook value is accurate (NumPy warns that `exp(-x)` overflows for "
            "x < −709.78, and the quotient is then the right 0). The textbook derivative "
            "`s * (1 - s)` returns exactly 0 once `s` has rounded to 1 (from x ≈ 37 in "
            "float64), where σ′(x) ≈ e⁻ˣ is still representable: `1 - s` has cancelled. The "
            "catalog computes `e / (1 + e)**2` with `e = exp(-|x|)`, which never subtracts.",
            examples=(-30.0, 40.0),
        ),
        notes="`1 / (1 + exp(-x))` needs no branch: for x ≪ 0, `exp(-x)` overflows to "
        "`inf` only where σ(x) is below the smallest normal number, and the quotient keeps "
        "full relative accuracy elsewhere (the table below gives the largest error "
        "measured). The logistic curve is older than neural networks: P.-F. Verhulst "
        "introduced it for population growth (Correspondance mathématique et physique 10, "
        "1838); the paper cited below is an early, influential use as the unit of a "
        "network trained by backpropagation.",
        first_use_known=False,
        see_also=(
            ("tanh", "the zero-centred rescaling: tanh(x) = 2σ(2x) − 1"),
            (
                "softmax",
                "the multi-class generalisation: a two-class softmax is σ of the difference",
            ),
            ("log_sigmoid", "log σ(x) without overflow, for losses"),
            ("hard_sigmoid", "its piecewise-linear approximation"),
            ("silu", "x·σ(x): the sigmoid as a self-gate"),
            ("glu", "a linear unit gated by σ"),
        ),
    )
)


# --------------------------------------------------------------------------- tanh


@elementwise
def tanh(x):
    r"""Hyperbolic tangent, :math:`\tanh x = \dfrac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`.

    NumPy's ``tanh`` is accurate to about an ULP everywhere; the textbook quotient of
    exponentials overflows to ``inf / inf = nan`` for |x| > 710.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        tanh(x) in [−1, 1], same dtype as ``x``; ±1 at ±∞; ``-0.0`` for ``-0.0``.

    See Also
    --------
    sigmoid : tanh(x) = 2σ(2x) − 1.
    hard_tanh : its piecewise-linear approximation.

    Examples
    --------
    >>> import activations as act
    >>> act.tanh([-1.0, 0.0, 0.5])
    array([-0.76159416,  0.        ,  0.46211716])
    """
    return np.tanh(x)


@elementwise
def tanh_grad(x):
    r"""tanh′(x) = 1/cosh²(x) = 4e/(1 + e)² with e = e^{−2|x|}, accurate in the tails.

    ``1 - tanh(x)**2`` is exactly 0 for |x| ≳ 19 (float64) because ``tanh`` has
    rounded to ±1, although 4·exp(−2|x|) is representable down to |x| ≈ 355.
    """
    e = np.abs(x, out=np.empty_like(x))  # two buffers, updated in place
    e *= -2.0
    np.exp(e, out=e)
    d = np.add(e, 1.0, out=np.empty_like(x))
    d *= d
    e *= 4.0
    e /= d
    return e


_TANH_PRIME = add(1, -(sp.tanh(X) ** 2))
register(
    Spec(
        name="tanh",
        title="Tanh (hyperbolic tangent)",
        family="sigmoid-like",
        summary="The zero-centred sigmoid: squashes any real number into (−1, 1).",
        fn=tanh,
        grad=tanh_grad,
        expr=sp.tanh(X),
        display=frac(add(sp.exp(X), -sp.exp(-X)), add(sp.exp(X), sp.exp(-X))),
        display_derivative=_TANH_PRIME,
        derivation=(
            Step(sp.Derivative(sp.sinh(X) / sp.cosh(X), X), "write tanh as sinh / cosh"),
            Step(
                (sp.cosh(X) * sp.cosh(X) - sp.sinh(X) * sp.sinh(X)) / sp.cosh(X) ** 2,
                "quotient rule: sinh′ = cosh, cosh′ = sinh",
            ),
            Step(1 / sp.cosh(X) ** 2, "cosh² − sinh² = 1"),
            Step(_TANH_PRIME, "1/cosh² = (cosh² − sinh²)/cosh² = 1 − tanh²"),
        ),
        core=Core(
            "recurrent cells (LSTM, GRU)",
            "deep feed-forward stacks",
        ),
        properties=Properties(
            range=(-1.0, 1.0, False, False),
            range_latex=r"(-1, 1)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="both",
            cost="one transcendental",
        ),
        strengths=(
            "Zero-centred: tanh is odd, so its mean output for standard-normal input is 0; "
            "LeCun et al. recommend it over the logistic sigmoid for hidden layers for this "
            "reason (Efficient BackProp, 1998, §4.4).",
            "Steeper than the sigmoid at the origin: tanh′(0) = 1 against σ′(0) = 1/4.",
            "Bounded output, which keeps the cell output of LSTM/GRU recurrences bounded.",
        ),
        weaknesses=(
            "Saturating on both sides: tanh′(x) = 1/cosh²(x) ≈ 4·exp(−2|x|) for large |x|, "
            "faster than σ′ (below σ′ for |x| > 1.66), so deep tanh stacks are prone to "
            "vanishing gradients.",
            "Costs an exponential (or a dedicated tanh kernel) per element.",
        ),
        typical_use="Recurrent cells (LSTM/GRU candidate and output); hidden layers of small "
        "networks; outputs that must lie in (−1, 1), such as images scaled to [−1, 1] "
        "(the DCGAN generator's output layer, Radford et al., 2015).",
        year=1998,
        paper=Paper(
            "Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller",
            "Efficient BackProp",
            "Neural Networks: Tricks of the Trade, LNCS 1524",
            1998,
            "https://doi.org/10.1007/3-540-49430-8_2",
            "§4.4",
        ),
        frameworks=(
            Framework("PyTorch", "torch.tanh / torch.nn.Tanh"),
            Framework("Keras 3", "keras.activations.tanh"),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.tanh / tf.math.tanh",
                source="tf_keras/activations.py",
            ),
            Framework("JAX", "jax.nn.tanh"),
        ),
        aliases=("hyperbolic_tangent",),
        naive=Naive(
            fn="(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))",
            grad="1 - np.tanh(x) ** 2",
            why="The textbook quotient gives `inf / inf = nan` once `exp(x)` overflows "
            "(|x| > 709.78 in float64) and loses digits near 0, where `exp(x) - exp(-x)` "
            "cancels; the textbook derivative `1 - tanh²` is exactly 0 once `tanh` has "
            "rounded to ±1 (from |x| ≈ 19 in float64), although 4·exp(−2|x|) is "
            "representable far beyond. The catalog uses `np.tanh` and 4e/(1 + e)², "
            "e = exp(−2|x|).",
            examples=(1e-10, 20.0, 800.0),
        ),
        notes="The derivative is computed as 4e/(1 + e)² with e = exp(−2|x|) — the identity "
        "tanh′(x) = 4σ′(2x) that makes σ′ accurate — which never subtracts and underflows "
        "only where the true value is below the smallest normal number. Computing tanh "
        "as 2σ(2x) − 1 would cancel near 0, so the value is NumPy's `tanh`. The paper "
        "cited is the recommendation that made tanh the usual hidden activation of the "
        "1990s; earlier uses are not dated here.",
        first_use_known=False,
        see_also=(
            ("sigmoid", "tanh(x) = 2σ(2x) − 1"),
            ("hard_tanh", "its piecewise-linear approximation"),
            ("softsign", "the same shape with polynomial tails"),
            ("tanhshrink", "x − tanh(x)"),
        ),
    )
)


# --------------------------------------------------------------------------- hard_sigmoid


@elementwise
def hard_sigmoid(x):
    r"""Hard sigmoid, :math:`\operatorname{ReLU6}(x + 3)/6`: 0 below −3, 1 above 3, linear between.

    This is the formula of PyTorch, JAX and Keras 3 (and of MobileNetV3). tf.keras 2
    used a different one, ``clip(0.2 x + 0.5, 0, 1)``, with kinks at ±2.5.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in [0, 1], same dtype as ``x``; NaN for NaN.

    See Also
    --------
    sigmoid : the smooth function it approximates (slope 1/6 vs σ′(0) = 1/4).
    sparse_sigmoid : the slope-1/2 version on [−1, 1].

    Examples
    --------
    >>> import activations as act
    >>> act.hard_sigmoid([-4.0, 0.0, 1.5, 4.0])
    array([0.  , 0.5 , 0.75, 1.  ])
    """
    y = x + 3.0
    y = np.clip(y, 0.0, 6.0)
    y /= 6.0
    return y


@elementwise
def hard_sigmoid_grad(x):
    """1/6 on (−3, 3), 0 elsewhere including ±3 (PyTorch, JAX)."""
    y = _step((x > -3.0) & (x < 3.0), x)
    y /= 6.0
    return y


_HS_EXPR = sp.Piecewise((0, X <= -3), (1, X >= 3), (X / 6 + sp.Rational(1, 2), True))

_HARD_SIGMOID_PRIME = cases((sp.Rational(1, 6), between(-3, X, 3)), (0, True))
register(
    Spec(
        name="hard_sigmoid",
        title="Hard sigmoid",
        family="sigmoid-like",
        summary="A piecewise-linear sigmoid: 0 below −3, 1 above 3, x/6 + 1/2 between. "
        "Beware: tf.keras 2 computes 0.2x + 0.5 (clipped) under the same name.",
        fn=hard_sigmoid,
        grad=hard_sigmoid_grad,
        expr=_HS_EXPR,
        display=clip(add(frac(X, 6), sp.Rational(1, 2)), 0, 1),
        display_derivative=_HARD_SIGMOID_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(0, X), X <= -3),
                    (sp.Derivative(1, X), X >= 3),
                    (sp.Derivative(X / 6 + sp.Rational(1, 2), X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((0, X <= -3), (0, X >= 3), (sp.Rational(1, 6), True)),
                "both kinks take the flat piece",
            ),
            Step(_HARD_SIGMOID_PRIME, "together: 1/6 on (−3, 3), 0 elsewhere"),
        ),
        kinks=(
            Kink(
                -3.0,
                0.0,
                "The flat piece: the derivative of relu6(x + 3)/6 with relu6′ = 0 at its kinks.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0, "JAX": 0.0},
            ),
            Kink(
                3.0,
                0.0,
                "The flat piece, as at −3.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0, "JAX": 0.0},
            ),
        ),
        properties=Properties(
            range=(0.0, 1.0, True, True),
            range_latex=r"[0, 1]",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="both",
            cost="arithmetic",
        ),
        strengths=(
            "No exponential: an add, a clip and a divide.",
            "Reaches exactly 0 and 1, so a gate can close or open completely.",
        ),
        weaknesses=(
            "Zero gradient outside (−3, 3): a unit whose inputs all fall there gets no gradient.",
            "Two definitions share the name (slope 1/6 here and in the PyTorch, JAX and "
            "Keras 3 releases named in the framework tabs; 0.2 in tf.keras 2): a model ported "
            "between them computes something else.",
            "A coarse approximation of σ: slope 1/6 at 0 against σ′(0) = 1/4.",
        ),
        typical_use="The gate of squeeze-and-excitation blocks in MobileNetV3 and the gate of "
        "hard_swish (Howard et al., 2019, §5.2); mobile and quantised models.",
        year=2019,
        paper=Paper(
            "A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, "
            "R. Pang, V. Vasudevan, Q. V. Le, H. Adam",
            "Searching for MobileNetV3",
            "ICCV 2019 (arXiv:1905.02244)",
            2019,
            "https://arxiv.org/abs/1905.02244",
            "§5.2",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.hardsigmoid / torch.nn.Hardsigmoid"),
            Framework(
                "Keras 3",
                "keras.activations.hard_sigmoid",
                note="relu6(x + 3)/6, the same function as here (Keras 2 used 0.2x + 0.5). "
                "It calls `keras.ops.hard_sigmoid`, which every backend computes as "
                "relu6(x + 3)/6 or as x/6 + 1/2 clipped to [0, 1] "
                "(`keras/src/backend/*/nn.py`), although the docstring of "
                "`keras.ops.hard_sigmoid` (`keras/src/ops/nn.py`) still describes Keras 2's "
                "0.2x + 0.5 on [−2.5, 2.5].",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.hard_sigmoid",
                note="A different function: clip(0.2·x + 0.5, 0, 1), kinks at ±2.5; the "
                "difference is computed on the framework-defaults page.",
                fn=lambda x: np.clip(0.2 * np.asarray(x, dtype=float) + 0.5, 0.0, 1.0),
                formula=r"\min(\max(0.2x + 0.5,\ 0),\ 1)",
                source="tf_keras/activations.py (hard_sigmoid)",
            ),
            Framework("JAX", "jax.nn.hard_sigmoid"),
        ),
        aliases=("hardsigmoid", "hsigmoid", "h_sigmoid"),
        naive=Naive(
            fn="np.minimum(np.maximum(x + 3, 0), 6) / 6",
            grad="((x > -3) & (x < 3)) / 6",
            why="Two roundings (`x + 3`, exact near −3 where the result is small, and "
            "`/ 6`); the textbook derivative turns NaN into 0. The catalog computes the "
            "same thing with one `np.clip` pass.",
        ),
        notes="`(x + 3)/6` rather than `x/6 + 1/2`: near x = −3, where the value is close "
        "to 0, `x + 3` is exact (Sterbenz's lemma), so the result has a single rounding and "
        "full relative accuracy; `x/6 + 1/2` would cancel there. Earlier hard sigmoids "
        "used other slopes: clip((x + 1)/2, 0, 1) in BinaryConnect (Courbariaux et al., "
        "2015; see sparse_sigmoid) and 0.2x + 0.5 in Keras 2.",
        see_also=(
            ("sigmoid", "the smooth function it approximates"),
            ("hard_swish", "x times this gate"),
            ("relu6", "hard_sigmoid(x) = relu6(x + 3)/6"),
            ("sparse_sigmoid", "the slope-1/2 hard sigmoid on [−1, 1]"),
        ),
    )
)


# --------------------------------------------------------------------------- hard_tanh


def _bounds(min_val, max_val):
    lo = float(_finite("hard_tanh", "min_val", min_val))
    hi = float(_finite("hard_tanh", "max_val", max_val))
    if not lo < hi:
        raise ValueError(
            f"hard_tanh: min_val must be less than max_val, got min_val={lo!r}, max_val={hi!r}"
        )
    return lo, hi


@elementwise
def hard_tanh(x, min_val=-1.0, max_val=1.0):
    r"""Hard tanh: ``x`` clipped to ``[min_val, max_val]`` (default [−1, 1]).

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    min_val, max_val : float, default −1.0 and 1.0
        The interval (PyTorch's names and defaults); ``min_val < max_val``.

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``; exact (no rounding); ``-0.0`` for ``-0.0`` when 0 is inside
        the interval.

    Raises
    ------
    TypeError, ValueError
        If a bound is not a finite real number or ``min_val >= max_val``.

    Examples
    --------
    >>> import activations as act
    >>> act.hard_tanh([-3.0, -0.5, 2.0])
    array([-1. , -0.5,  1. ])
    >>> act.hard_tanh([-3.0, 8.0], min_val=0.0, max_val=6.0)  # = relu6
    array([0., 6.])
    """
    lo, hi = _bounds(min_val, max_val)
    return np.clip(x, lo, hi)


@elementwise
def hard_tanh_grad(x, min_val=-1.0, max_val=1.0):
    """1 on (min_val, max_val), 0 elsewhere including both bounds (PyTorch)."""
    lo, hi = _bounds(min_val, max_val)
    return _step((x > lo) & (x < hi), x)


_MIN = Param("min_val", -1.0, "Lower clipping bound.", latex="a", examples=(-1.0, -2.0, 0.0))
_MAX = Param("max_val", 1.0, "Upper clipping bound.", latex="b", examples=(1.0, 2.0, 6.0))

_HARD_TANH_PRIME = cases((1, between(_MIN.symbol, X, _MAX.symbol)), (0, True))
register(
    Spec(
        name="hard_tanh",
        title="Hard tanh",
        family="sigmoid-like",
        summary="The identity clipped to [−1, 1]: a piecewise-linear tanh.",
        fn=hard_tanh,
        grad=hard_tanh_grad,
        parameters=(_MIN, _MAX),
        expr=sp.Piecewise(
            (_MIN.symbol, X <= _MIN.symbol), (_MAX.symbol, X >= _MAX.symbol), (X, True)
        ),
        display=clip(X, _MIN.symbol, _MAX.symbol),
        display_derivative=_HARD_TANH_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(_MIN.symbol, X), X <= _MIN.symbol),
                    (sp.Derivative(_MAX.symbol, X), X >= _MAX.symbol),
                    (sp.Derivative(X, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((0, X <= _MIN.symbol), (0, X >= _MAX.symbol), (1, True)),
                "both kinks take the flat piece",
            ),
            Step(_HARD_TANH_PRIME, "together: 1 on (a, b), 0 elsewhere"),
        ),
        kinks=(
            Kink(
                -1.0,
                0.0,
                "The flat piece (PyTorch's rule is `x <= min_val or x >= max_val`: 0). "
                "`jax.nn.hard_tanh` is a nested `where(x > 1, 1, where(x < -1, -1, x))`, "
                "which differentiates to 1 at ±1.",
                frameworks={"PyTorch": 0.0, "Keras 3": 1.0, "JAX": 1.0},
            ),
            Kink(
                1.0,
                0.0,
                "The flat piece, as at min_val.",
                frameworks={"PyTorch": 0.0, "Keras 3": 1.0, "JAX": 1.0},
            ),
        ),
        properties=Properties(
            range=(-1.0, 1.0, True, True),
            range_latex=r"[a, b]",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="both",
            cost="comparison",
        ),
        strengths=(
            "Exact and cheap (a clip); the gradient is exactly 1 inside the interval.",
            "Bounded, and zero-centred for a symmetric interval (at the default [−1, 1]), "
            "like tanh.",
        ),
        weaknesses=(
            "Zero gradient outside the interval: a unit whose inputs all fall there gets no "
            "gradient.",
            "Not differentiable at the bounds; frameworks disagree on the gradient there "
            "(see the kinks).",
        ),
        typical_use="Cheap tanh replacement, as in the SENNA networks of Collobert et al. (2011); "
        "the clip of the straight-through estimator in binarised networks (Courbariaux et "
        "al., 2016); relu6 is the case [0, 6].",
        year=2011,
        paper=Paper(
            "R. Collobert, J. Weston, L. Bottou, M. Karlen, K. Kavukcuoglu, P. Kuksa",
            "Natural Language Processing (Almost) from Scratch",
            "JMLR 12, 2493–2537",
            2011,
            "https://jmlr.org/papers/v12/collobert11a.html",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.hardtanh / torch.nn.Hardtanh",
                defaults={"min_val": -1.0, "max_val": 1.0},
            ),
            Framework(
                "Keras 3",
                "keras.activations.hard_tanh",
                defaults={"min_val": None, "max_val": None},
                note="Fixed interval [−1, 1].",
            ),
            Framework(
                "tf.keras 2",
                "—",
                note="`tf.clip_by_value(x, -1.0, 1.0)`.",
            ),
            Framework(
                "JAX",
                "jax.nn.hard_tanh",
                defaults={"min_val": None, "max_val": None},
                note="Fixed interval [−1, 1].",
            ),
        ),
        aliases=("hardtanh", "htanh"),
        naive=Naive(
            fn="np.clip(x, min_val, max_val)",
            grad="((x > min_val) & (x < max_val)).astype(float)",
            why="Exact; the textbook derivative turns NaN into 0.",
        ),
        notes="`np.clip` never rounds, propagates NaN and passes `-0.0` through (hard tanh "
        "is odd for a symmetric interval, so keeping the sign of zero is the consistent "
        "choice). The paper cited uses it (as HardTanh) in its networks; earlier uses are "
        "not dated here.",
        first_use_known=False,
        see_also=(
            ("tanh", "the smooth function it approximates"),
            ("relu6", "the same clip on [0, 6]"),
            ("hard_sigmoid", "the piecewise-linear sigmoid"),
        ),
    )
)


# --------------------------------------------------------------------------- softsign

# x/(1 + |x|) written as 1 − 1/(1 + x) for x ≥ 0 and 1/(1 − x) − 1 for x < 0: the
# same function, but its SymPy derivative is 1/(1 ± x)² directly. Differentiating
# x/(1 + x) gives 1/(1 + x) − x/(1 + x)², which cancels to nothing at 50 digits for
# huge x, and a pole of one piece would be evaluated by a CSE-compiled reference.
_SOFTSIGN = sp.Piecewise((1 - 1 / (1 + X), X >= 0), (1 / (1 - X) - 1, True))


@elementwise
def softsign(x):
    r"""Softsign, :math:`\dfrac{x}{1 + |x|}`.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in (−1, 1) (±1 after rounding for |x| ≳ 2⁵³), same dtype as ``x``; ±1 at
        ±∞ (where the textbook formula gives ``inf / inf = nan``); ``-0.0`` for ``-0.0``.

    Examples
    --------
    >>> import activations as act
    >>> act.softsign([-3.0, 0.0, 1.0])
    array([-0.75,  0.  ,  0.5 ])
    >>> float(act.softsign(float("inf")))
    1.0
    """
    d = np.abs(x)
    d += 1.0
    y = x / d
    inf = np.isinf(x)
    if inf.any():  # inf / inf; the limit is ±1
        y = np.where(inf, np.sign(x), y)
    return y


@elementwise
def softsign_grad(x):
    r"""1 / (1 + |x|)²; 0 at ±∞, and below the smallest normal number once it overflows."""
    d = 1.0 + np.abs(x)
    d = np.square(d)
    return 1.0 / d


_SOFTSIGN_PRIME = frac(1, add(1, sp.Abs(X)) ** 2)
register(
    Spec(
        name="softsign",
        title="Softsign",
        family="sigmoid-like",
        summary="x/(1 + |x|): a tanh-shaped squashing function with polynomial rather than "
        "exponential tails.",
        fn=softsign,
        grad=softsign_grad,
        expr=_SOFTSIGN,
        display=frac(X, add(1, sp.Abs(X))),
        display_derivative=_SOFTSIGN_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(1 - 1 / (1 + X), X), X >= 0),
                    (sp.Derivative(1 / (1 - X) - 1, X), True),
                ),
                "x/(1 + |x|) = 1 − 1/(1 + x) for x ≥ 0, 1/(1 − x) − 1 for x < 0",
            ),
            Step(
                cases((1 / (1 + X) ** 2, X >= 0), (1 / (1 - X) ** 2, True)),
                "i.e. 1 / (1 + |x|)²",
            ),
            Step(_SOFTSIGN_PRIME, "both pieces are 1/(1 + |x|)²"),
        ),
        kinks=(
            Kink(
                0.0,
                1.0,
                "f′ is continuous at 0 (f′(0) = 1 from both sides); only f″ jumps, from "
                "+2 to −2, so softsign is C¹ but not C².",
                frameworks={"PyTorch": 1.0, "JAX": 1.0},
            ),
        ),
        properties=Properties(
            range=(-1.0, 1.0, False, False),
            range_latex=r"(-1, 1)",
            monotonic="increasing",
            smoothness="C1",
            saturation="both",
            cost="arithmetic",
        ),
        strengths=(
            "Polynomial tails: f′ = 1/(1 + |x|)² decays like 1/x² rather than exponentially "
            "like tanh′, so units far from 0 keep more gradient; Glorot & Bengio (2010, §4) "
            "found softsign networks saturated less than tanh networks.",
            "No exponential: an abs, an add and a divide.",
            "Zero-centred and bounded, like tanh.",
        ),
        weaknesses=(
            "Still saturating: f′ → 0 on both sides.",
            "Only C¹ at 0 (f″ jumps from +2 to −2).",
            "None of the four frameworks' reference architectures uses it; PyTorch, Keras and "
            "JAX provide it as a plain function.",
        ),
        typical_use="A tanh replacement where a cheaper, less saturating squashing function is "
        "wanted (the comparison of Glorot & Bengio, 2010).",
        year=1993,
        paper=Paper(
            "D. L. Elliott",
            "A Better Activation Function for Artificial Neural Networks",
            "Technical Report TR 93-8, Institute for Systems Research, University of Maryland",
            1993,
            "https://hdl.handle.net/1903/5355",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.softsign / torch.nn.Softsign"),
            Framework("Keras 3", "keras.activations.softsign"),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.softsign / tf.nn.softsign",
                source="tf_keras/activations.py",
            ),
            Framework("JAX", "jax.nn.soft_sign"),
        ),
        aliases=("soft_sign", "elliott"),
        naive=Naive(
            fn="x / (1 + np.abs(x))",
            grad="1 / (1 + np.abs(x)) ** 2",
            why="Two roundings for every finite input, but ±∞ gives `inf / inf = nan` "
            "instead of ±1. The catalog replaces exactly those elements by ±1, after "
            "checking whether there are any.",
        ),
        notes='Elliott (1993) proposed x/(1 + |x|) as a cheap sigmoid (the "Elliott '
        'sigmoid"); Glorot & Bengio (2010) compared it with tanh under the name softsign. '
        "`expr` is written 1 − 1/(1 + |x|) with the sign restored piece by piece, so its "
        "SymPy derivative is 1/(1 + |x|)² without cancellation. The derivative is computed "
        "as 1/(1 + |x|)², whose overflow to 0 for huge |x| happens where the true value "
        "is below the smallest normal number.",
        popularised_by=(
            Paper(
                "X. Glorot, Y. Bengio",
                "Understanding the difficulty of training deep feedforward neural networks",
                "AISTATS 2010, PMLR 9",
                2010,
                "https://proceedings.mlr.press/v9/glorot10a.html",
            ),
        ),
        see_also=(
            ("tanh", "the same shape with exponential tails"),
            ("sigmoid", "the logistic squashing function"),
        ),
    )
)


# --------------------------------------------------------------------------- log_sigmoid


@elementwise
def log_sigmoid(x):
    r"""Log-sigmoid, :math:`\log\sigma(x) = -\log(1 + e^{-x})`.

    Computed as ``min(x, 0) - log1p(exp(-|x|))``: no overflow, no cancellation.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in (−∞, 0), same dtype as ``x``; −∞ at −∞ and 0 at +∞.

    See Also
    --------
    sigmoid : σ(x) itself.

    Examples
    --------
    >>> import activations as act
    >>> act.log_sigmoid([-1000.0, 0.0, 40.0])
    array([-1.00000000e+03, -6.93147181e-01, -4.24835426e-18])
    """
    e = np.exp(-np.abs(x))
    e = np.log1p(e)
    return np.minimum(x, 0.0) - e


@elementwise
def log_sigmoid_grad(x):
    r"""(log σ)′(x) = σ(−x) = 1 / (1 + e^{x}), accurate in both tails."""
    return 1.0 / (1.0 + np.exp(x))


register(
    Spec(
        name="log_sigmoid",
        title="Log-sigmoid",
        family="sigmoid-like",
        summary="log σ(x) = −softplus(−x): the log-probability of the positive class, "
        "computed without overflow.",
        fn=log_sigmoid,
        grad=log_sigmoid_grad,
        expr=sp.log(_sym_sigmoid(X)),
        display=sp.log(_sym_sigmoid(X)),
        display_derivative=_sym_sigmoid(-X),
        derivation=(
            Step(sp.Derivative(sp.log(_sym_sigmoid(X)), X), "log of the sigmoid"),
            Step(
                sp.Mul(
                    sp.Pow(_sym_sigmoid(X), -1, evaluate=False),
                    _sym_sigmoid(X) * (1 - _sym_sigmoid(X)),
                    evaluate=False,
                ),
                "chain rule: σ′/σ with σ′ = σ(1 − σ)",
            ),
            Step(1 - _sym_sigmoid(X), "cancel σ"),
            Step(_sym_sigmoid(-X), "1 − σ(x) = σ(−x)"),
        ),
        properties=Properties(
            range=(-_INF, 0.0, False, False),
            range_latex=r"(-\infty, 0)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="right",
            cost="several transcendentals",
        ),
        strengths=(
            "The log-likelihood of a binary label, computed directly: `log_sigmoid(z)` stays "
            "accurate where `log(sigmoid(z))` returns −∞ (z < −745 in float64).",
            "Its derivative σ(−x) lies in (0, 1) and tends to 1 as x → −∞.",
        ),
        weaknesses=(
            "Unbounded below and negative everywhere: used inside losses, not as a hidden "
            "activation.",
            "Two transcendental functions (exp and log1p).",
        ),
        typical_use="Inside losses: binary cross-entropy from logits, the negative-sampling "
        "objective of word2vec (Mikolov et al., 2013), the DPO preference loss (Rafailov "
        "et al., 2023).",
        year=1958,
        paper=Paper(
            "D. R. Cox",
            "The Regression Analysis of Binary Sequences",
            "Journal of the Royal Statistical Society B 20(2), 215–242",
            1958,
            "https://doi.org/10.1111/j.2517-6161.1958.tb00292.x",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.logsigmoid / torch.nn.LogSigmoid"),
            Framework("Keras 3", "keras.activations.log_sigmoid"),
            Framework(
                "tf.keras 2",
                "tf.math.log_sigmoid",
                note="A TensorFlow function, not a tf.keras activation.",
            ),
            Framework("JAX", "jax.nn.log_sigmoid"),
        ),
        aliases=("logsigmoid",),
        naive=Naive(
            fn="np.log(1 / (1 + np.exp(-x)))",
            grad="1 - 1 / (1 + np.exp(-x))",
            why="Once `exp(-x)` overflows (x < −709.78) the textbook form returns −∞ (with "
            "a warning) where log σ(x) ≈ x; once `1 + exp(-x)` rounds to 1 (x ≳ 37) it "
            "returns 0 where the true value ≈ −e⁻ˣ is representable. The textbook derivative "
            "`1 - σ(x)` cancels in the same range. The catalog computes "
            "`min(x, 0) - log1p(exp(-|x|))` and σ(−x).",
            examples=(-1000.0, 40.0),
        ),
        notes="`min(x, 0) - log1p(exp(-|x|))` uses two NumPy primitives and adds two "
        "non-positive terms, so nothing cancels; SciPy's `special.log_expit` computes the "
        "same function (its speed is in the benchmark's SciPy column on the Accuracy & "
        "speed page). The derivative 1/(1 + eˣ) is the sigmoid evaluated at −x. Cox (1958) "
        "is the logistic-regression paper whose log-likelihood is a sum of log-sigmoids.",
        first_use_known=False,
        see_also=(
            ("sigmoid", "σ itself"),
            ("softplus", "log_sigmoid(x) = −softplus(−x)"),
            ("log_softmax", "the multi-class version"),
        ),
    )
)


# --------------------------------------------------------------------------- sparse_sigmoid


@elementwise
def sparse_sigmoid(x):
    r"""Sparse sigmoid (JAX): 0 for x ≤ −1, 1 for x ≥ 1, :math:`(x + 1)/2` between.

    The derivative of :func:`sparse_plus`, and the 2-class case of sparsemax.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in [0, 1], same dtype as ``x``; one rounding (``x + 1``; halving is
        exact).

    Examples
    --------
    >>> import activations as act
    >>> act.sparse_sigmoid([-2.0, 0.0, 0.5, 2.0])
    array([0.  , 0.5 , 0.75, 1.  ])
    """
    y = x + 1.0
    y = np.clip(y, 0.0, 2.0)
    y *= 0.5
    return y


@elementwise
def sparse_sigmoid_grad(x):
    """1/2 on (−1, 1), 0 elsewhere including ±1."""
    y = _step((x > -1.0) & (x < 1.0), x)
    y *= 0.5
    return y


_SPARSE_SIGMOID_PRIME = cases((sp.Rational(1, 2), between(-1, X, 1)), (0, True))
register(
    Spec(
        name="sparse_sigmoid",
        title="Sparse sigmoid",
        family="sigmoid-like",
        summary="A piecewise-linear sigmoid that reaches exactly 0 and 1: the two-class "
        "sparsemax, and the derivative of sparse_plus.",
        fn=sparse_sigmoid,
        grad=sparse_sigmoid_grad,
        expr=sp.Piecewise((0, X <= -1), (1, X >= 1), ((X + 1) / 2, True)),
        display=clip(frac(add(X, 1), 2), 0, 1),
        display_derivative=_SPARSE_SIGMOID_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(0, X), X <= -1),
                    (sp.Derivative(1, X), X >= 1),
                    (sp.Derivative((X + 1) / 2, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((0, X <= -1), (0, X >= 1), (sp.Rational(1, 2), True)),
                "both kinks take the flat piece",
            ),
            Step(_SPARSE_SIGMOID_PRIME, "together: 1/2 on (−1, 1), 0 elsewhere"),
        ),
        kinks=(
            Kink(
                -1.0,
                0.0,
                "The flat piece. JAX and Keras return 1/4 here: `clip` is built from "
                "`maximum`/`minimum`, whose gradient JAX splits equally at a tie.",
                frameworks={"Keras 3": 0.25, "JAX": 0.25},
            ),
            Kink(
                1.0,
                0.0,
                "The flat piece, as at −1.",
                frameworks={"Keras 3": 0.25, "JAX": 0.25},
            ),
        ),
        properties=Properties(
            range=(0.0, 1.0, True, True),
            range_latex=r"[0, 1]",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="both",
            cost="arithmetic",
        ),
        strengths=(
            "Exact zeros and ones: a binary probability that can be fully confident.",
            "Cheap: an addition, a clip, a halving.",
        ),
        weaknesses=(
            "Zero gradient outside (−1, 1).",
            "Built into JAX and Keras 3 only (see the framework tabs).",
        ),
        typical_use="Binary or multi-label outputs trained with the sparsemax (Fenchel–Young) "
        "loss, where exact 0/1 probabilities are wanted; the stochastic binarisation "
        "probability of BinaryConnect.",
        year=2015,
        paper=Paper(
            "M. Courbariaux, Y. Bengio, J.-P. David",
            "BinaryConnect: Training Deep Neural Networks with binary weights during propagations",
            "NeurIPS 2015 (arXiv:1511.00363)",
            2015,
            "https://arxiv.org/abs/1511.00363",
            'where it is called the "hard sigmoid"',
        ),
        frameworks=(
            Framework("PyTorch", "—", note="`torch.clamp((x + 1) / 2, 0, 1)`."),
            Framework("Keras 3", "keras.activations.sparse_sigmoid"),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "jax.nn.sparse_sigmoid"),
        ),
        naive=Naive(
            fn="np.clip(0.5 * x + 0.5, 0, 1)",
            grad="((x > -1) & (x < 1)) * 0.5",
            why="One rounding too (`0.5 * x` is exact, and `+ 0.5` is exact near −1 by "
            "Sterbenz's lemma); the textbook derivative turns NaN into 0.",
        ),
        notes="`clip(x + 1, 0, 2) * 0.5`: the one rounding is `x + 1` (exact near −1, "
        "where the result is small), and multiplying by 0.5 is exact except in the "
        "subnormal range. The function is the two-class sparsemax and the derivative of "
        'sparse_plus; BinaryConnect used it as its "hard sigmoid".',
        first_use_known=False,
        popularised_by=(
            Paper(
                "M. Blondel, A. F. T. Martins, V. Niculae",
                "Learning with Fenchel-Young Losses",
                "JMLR 21",
                2020,
                "https://jmlr.org/papers/v21/19-021.html",
            ),
        ),
        see_also=(
            ("sparsemax", "its multi-class version"),
            ("sparse_plus", "its antiderivative"),
            ("hard_sigmoid", "the slope-1/6 hard sigmoid"),
            ("sigmoid", "the smooth sigmoid"),
        ),
    )
)
