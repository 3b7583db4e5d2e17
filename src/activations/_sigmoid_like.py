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
        summary="Squashes any real number into (0, 1); the classical neuron and today's gate.",
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
            "Smooth and monotonic, with a simple derivative σ(1 − σ).",
            "The gate of LSTMs and GRUs, and the logistic-regression link.",
        ),
        weaknesses=(
            "Saturates on both sides, and σ′ ≤ 1/4 even at its best (x = 0): each sigmoid "
            "layer multiplies the backpropagated gradient by at most 1/4, so gradients vanish "
            "in deep stacks.",
            "Not zero-centred: outputs are all positive (mean about 1/2), which biases the "
            "next layer's weight updates to share a sign.",
            "Costs an exponential.",
        ),
        typical_use="Output layer for binary and multi-label classification; gates in "
        "LSTM/GRU cells and in attention or GLU variants.",
        year=1986,
        paper=Paper(
            "D. E. Rumelhart, G. E. Hinton, R. J. Williams",
            "Learning representations by back-propagating errors",
            "Nature 323",
            1986,
            "https://doi.org/10.1038/323533a0",
        ),
        frameworks=(
            Framework("PyTorch", "torch.sigmoid / torch.nn.Sigmoid"),
            Framework("Keras 3", "keras.activations.sigmoid"),
            Framework("tf.keras 2", "tf.keras.activations.sigmoid / tf.nn.sigmoid"),
            Framework("JAX", "jax.nn.sigmoid", note="= jax.scipy.special.expit"),
        ),
        aliases=("logistic", "expit"),
        naive=Naive(
            fn="1 / (1 + np.exp(-x))",
            grad="1 / (1 + np.exp(-x)) * (1 - 1 / (1 + np.exp(-x)))",
            why="The textbook value is accurate (it only warns about overflow for "
            "x < −709), but the textbook derivative `s * (1 - s)` returns exactly 0 for "
            "x ≳ 37 (float64) where σ′(x) ≈ e⁻ˣ is still representable: `1 - s` has "
            "cancelled to zero. The catalog computes `e / (1 + e)**2` with `e = exp(-|x|)`, "
            "which never subtracts.",
        ),
        notes="`1 / (1 + exp(-x))` is kept for the value: it is as accurate as SciPy's "
        "`expit` and several times faster. The logistic function itself is Verhulst's "
        "(1838); the paper cited is the one that made it the neuron of backpropagation.",
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
            "for this reason LeCun et al. (Efficient BackProp, 1998, §4.4) recommend it over "
            "the logistic sigmoid for hidden layers.",
            "Steeper than the sigmoid: tanh′(0) = 1 (σ′(0) = 1/4), so it passes gradients "
            "better near the origin.",
            "Bounded output, which keeps recurrent states from blowing up (LSTM/GRU cell outputs).",
        ),
        weaknesses=(
            "Saturates on both sides: tanh′(x) ≈ 4·exp(−2|x|) vanishes for large |x|, so deep "
            "tanh networks suffer from vanishing gradients.",
            "Costs an exponential (or a dedicated tanh kernel).",
        ),
        typical_use="Recurrent cells (LSTM/GRU candidate and output); hidden layers of "
        "small or shallow networks; outputs that must lie in (−1, 1) (e.g. image "
        "generators scaled to [−1, 1]).",
        year=1998,
        paper=Paper(
            "Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller",
            "Efficient BackProp",
            "Neural Networks: Tricks of the Trade, LNCS 1524",
            1998,
            "https://doi.org/10.1007/3-540-49430-8_2",
        ),
        frameworks=(
            Framework("PyTorch", "torch.tanh / torch.nn.Tanh"),
            Framework("Keras 3", "keras.activations.tanh"),
            Framework("tf.keras 2", "tf.keras.activations.tanh / tf.math.tanh"),
            Framework("JAX", "jax.nn.tanh", note="= jax.numpy.tanh"),
        ),
        aliases=("hyperbolic_tangent",),
        naive=Naive(
            fn="(np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))",
            grad="1 - np.tanh(x) ** 2",
            why="The textbook quotient gives `inf / inf = nan` for |x| > 710 (float64) and "
            "loses digits near 0 (`exp(x) - exp(-x)` cancels); the textbook derivative "
            "`1 - tanh²` is exactly 0 for |x| ≳ 19 although 4·exp(−2|x|) is representable "
            "down to |x| ≈ 355. The catalog uses `np.tanh` and 4e/(1 + e)², e = exp(−2|x|).",
        ),
        notes="The derivative is computed as 4e/(1 + e)² with e = exp(−2|x|) — the same "
        "identity that makes σ′ accurate (tanh′(x) = 4σ′(2x)) — which never subtracts and "
        "underflows only where the true value is below the smallest normal number. "
        "1/cosh²(x) is as good in float64 but not in float32, where NumPy's `cosh` is off "
        "by a couple of ULP before squaring doubles it. tanh(x) = 2σ(2x) − 1, so tanh is a "
        "rescaled sigmoid — but computing it that way cancels near 0.",
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
        "Beware: tf.keras 2 used 0.2x + 0.5 instead.",
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
            Kink(-3.0, 0.0, "f′(−3) = 0 here, in PyTorch and in JAX (relu6's custom JVP)."),
            Kink(3.0, 0.0, "f′(3) = 0 here, in PyTorch and in JAX (relu6's custom JVP)."),
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
            "No exponential: an add, a clip and a divide — fast and friendly to "
            "fixed-point and 8-bit hardware.",
            "Reaches exactly 0 and 1, so gates can close or open completely.",
        ),
        weaknesses=(
            "Zero gradient outside (−3, 3): saturated units stop learning entirely.",
            "Two incompatible definitions in circulation (slope 1/6 vs tf.keras 2's 0.2): "
            "a model ported between them computes something else.",
            "Only a rough approximation of σ (slope 1/6 at 0 against σ′(0) = 1/4).",
        ),
        typical_use="Gates in mobile networks (squeeze-and-excitation blocks of "
        "MobileNetV3) and the gate of hard_swish; quantised models.",
        year=2019,
        paper=Paper(
            "A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, "
            "R. Pang, V. Vasudevan, Q. V. Le, H. Adam",
            "Searching for MobileNetV3",
            "ICCV",
            2019,
            "https://arxiv.org/abs/1905.02244",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.hardsigmoid / torch.nn.Hardsigmoid"),
            Framework(
                "Keras 3",
                "keras.activations.hard_sigmoid",
                note="x/6 + 1/2 clipped to [0, 1] (changed from Keras 2)",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.hard_sigmoid",
                note="A different function: clip(0.2·x + 0.5, 0, 1), kinks at ±2.5 — e.g. "
                "f(1) = 0.7 instead of 0.6667",
                fn=lambda x: np.clip(0.2 * np.asarray(x, dtype=float) + 0.5, 0.0, 1.0),
                formula=r"\min(\max(0.2x + 0.5,\ 0),\ 1)",
            ),
            Framework("JAX", "jax.nn.hard_sigmoid", note="relu6(x + 3) / 6"),
        ),
        aliases=("hardsigmoid", "hsigmoid", "h_sigmoid"),
        naive=Naive(
            fn="np.minimum(np.maximum(x + 3, 0), 6) / 6",
            grad="((x > -3) & (x < 3)) / 6",
            why="Accurate (two roundings: `x + 3` and `/ 6`, and `x + 3` is exact near −3 "
            "where the result is small); the textbook derivative turns NaN into 0. The "
            "catalog computes the same thing with one `np.clip` pass.",
        ),
        notes="`(x + 3)/6` rather than `x/6 + 1/2`: near x = −3, where the value is close "
        "to 0, `x + 3` is exact (Sterbenz), so the result has a single rounding and full "
        "relative accuracy; `x/6 + 1/2` would cancel there. Elsewhere the error is at most "
        "about one ULP.",
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
                "f′(min_val) = 0 here and in PyTorch (`x <= min_val || x >= max_val ? 0 : 1`); "
                "`jax.nn.hard_tanh` is a nested `where(x > 1, 1, where(x < -1, -1, x))`, so "
                "JAX's gradient at ±1 is 1.",
            ),
            Kink(1.0, 0.0, "f′(max_val) = 0 here and in PyTorch; 1 in JAX (see min_val)."),
        ),
        properties=Properties(
            range=(-1.0, 1.0, True, True),
            range_latex=r"[a, b]",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="both",
            cost="arithmetic",
        ),
        strengths=(
            "Exact and cheap (a clip); the gradient is exactly 1 inside the interval.",
            "Bounded and zero-centred, like tanh.",
        ),
        weaknesses=(
            "Zero gradient outside the interval: saturated units stop learning.",
            "Not differentiable at the bounds.",
        ),
        typical_use="Cheap tanh replacement in NLP networks of the 2000s (SENNA) and in "
        "binarised/quantised networks (the straight-through estimator's clip); clamping "
        "with relu6 as the special case [0, 6].",
        year=2011,
        paper=Paper(
            "R. Collobert, J. Weston, L. Bottou, M. Karlen, K. Kavukcuoglu, P. Kuksa",
            "Natural Language Processing (Almost) from Scratch",
            "JMLR 12",
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
                note="fixed interval [−1, 1]",
            ),
            Framework(
                "tf.keras 2",
                "—",
                note="no built-in; `tf.clip_by_value(x, -1.0, 1.0)`",
            ),
            Framework(
                "JAX",
                "jax.nn.hard_tanh",
                defaults={"min_val": None, "max_val": None},
                note="fixed interval [−1, 1]; gradient 1 at ±1",
            ),
        ),
        aliases=("hardtanh", "htanh"),
        naive=Naive(
            fn="np.clip(x, min_val, max_val)",
            grad="((x > min_val) & (x < max_val)).astype(float)",
            why="Exact; the textbook derivative only turns NaN into 0.",
        ),
        notes="`np.clip` never rounds, propagates NaN and passes `-0.0` through (hard tanh "
        "is odd for a symmetric interval, so keeping the sign of zero is the consistent "
        "choice).",
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
            "Saturates polynomially (f′ ~ 1/x²) rather than exponentially like tanh, so "
            "units far from 0 keep some gradient; Glorot & Bengio found softsign networks "
            "saturate less than tanh ones.",
            "No exponential: an abs, an add and a divide.",
            "Zero-centred and bounded, like tanh.",
        ),
        weaknesses=(
            "Still saturates: f′ → 0 on both sides, so very deep networks see vanishing gradients.",
            "Only C¹ at 0 (f″ jumps).",
            "Rarely used today; little tooling assumes it.",
        ),
        typical_use="Drop-in tanh replacement in MLPs and RNNs where a cheaper, less "
        "saturating squashing function is wanted.",
        year=2010,
        paper=Paper(
            "X. Glorot, Y. Bengio",
            "Understanding the difficulty of training deep feedforward neural networks",
            "AISTATS",
            2010,
            "https://proceedings.mlr.press/v9/glorot10a.html",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.softsign / torch.nn.Softsign"),
            Framework("Keras 3", "keras.activations.softsign"),
            Framework("tf.keras 2", "tf.keras.activations.softsign / tf.nn.softsign"),
            Framework("JAX", "jax.nn.soft_sign"),
        ),
        aliases=("soft_sign", "elliott"),
        naive=Naive(
            fn="x / (1 + np.abs(x))",
            grad="1 / (1 + np.abs(x)) ** 2",
            why="Accurate for every finite input (two roundings), but ±∞ gives "
            "`inf / inf = nan` instead of ±1. The catalog replaces exactly those "
            "elements by ±1, after checking whether there are any.",
        ),
        notes="The same function is known as the Elliott sigmoid (D. L. Elliott, 1993). "
        "`expr` is written 1 − 1/(1 + |x|) with the sign restored piece by piece, so its "
        "SymPy derivative is 1/(1 + |x|)² without cancellation; f and f′ agree from both "
        "sides at 0 and f″ jumps. The derivative is computed as 1/(1 + |x|)², whose "
        "overflow to 0 past |x| ≈ 1.3e154 happens exactly where the true value drops "
        "below the smallest normal number.",
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
            "Gives the log-likelihood of binary labels directly and stably: "
            "`log_sigmoid(z)` stays accurate where `log(sigmoid(z))` returns −∞.",
            "Its derivative σ(−x) is bounded in (0, 1) and never vanishes for x < 0.",
        ),
        weaknesses=(
            "Unbounded below and negative everywhere: not a hidden-layer activation.",
            "Two transcendental functions (exp and log1p).",
        ),
        typical_use="Inside losses: binary cross-entropy from logits, the negative-sampling "
        "loss of word2vec, the Bradley–Terry/DPO preference losses.",
        year=1958,
        paper=Paper(
            "D. R. Cox",
            "The Regression Analysis of Binary Sequences",
            "Journal of the Royal Statistical Society B 20(2)",
            1958,
            "https://doi.org/10.1111/j.2517-6161.1958.tb00292.x",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.logsigmoid / torch.nn.LogSigmoid"),
            Framework("Keras 3", "keras.activations.log_sigmoid"),
            Framework("tf.keras 2", "tf.math.log_sigmoid", note="not a tf.keras activation"),
            Framework("JAX", "jax.nn.log_sigmoid"),
        ),
        aliases=("logsigmoid",),
        naive=Naive(
            fn="np.log(1 / (1 + np.exp(-x)))",
            grad="1 - 1 / (1 + np.exp(-x))",
            why="For x < −709 `exp(-x)` overflows and the textbook form returns −∞ (with a "
            "warning) where log σ(x) ≈ x; for x ≳ 37 `1 + exp(-x)` rounds to 1 and it "
            "returns 0 where the true value ≈ −e⁻ˣ is representable. The textbook "
            "derivative `1 - σ(x)` cancels to 0 for x ≳ 37. The catalog computes "
            "`min(x, 0) - log1p(exp(-|x|))` and σ(−x).",
        ),
        notes="SciPy's `special.log_expit` is equally accurate but was about five to "
        "twenty times slower than the textbook formula here, outside the 2× speed budget; "
        "`min(x, 0) - log1p(exp(-|x|))` uses two well-kept NumPy primitives and adds two "
        "non-positive terms, so nothing cancels. The derivative 1/(1 + eˣ) is the "
        "sigmoid evaluated at −x.",
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
            Kink(-1.0, 0.0, "f′(−1) = 0 (the flat piece), as in PyTorch-style hardtanh."),
            Kink(1.0, 0.0, "f′(1) = 0 (the flat piece)."),
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
            "Exact zeros and ones: a binary probability that can be fully confident, "
            "with the sparsity of sparsemax.",
            "Cheap and exact (one addition, a clip, a halving).",
        ),
        weaknesses=(
            "Zero gradient outside (−1, 1).",
            "Less common than the logistic sigmoid; only JAX and Keras 3 ship it.",
        ),
        typical_use="Binary or multi-label outputs trained with the sparsemax "
        "(Fenchel–Young) loss, where exact 0/1 probabilities are wanted.",
        year=2020,
        paper=Paper(
            "M. Blondel, A. F. T. Martins, V. Niculae",
            "Learning with Fenchel-Young Losses",
            "JMLR 21",
            2020,
            "https://jmlr.org/papers/v21/19-021.html",
        ),
        frameworks=(
            Framework("PyTorch", "—", note="no built-in; `torch.clamp((x + 1) / 2, 0, 1)`"),
            Framework("Keras 3", "keras.activations.sparse_sigmoid"),
            Framework("tf.keras 2", "—", note="no built-in"),
            Framework("JAX", "jax.nn.sparse_sigmoid"),
        ),
        naive=Naive(
            fn="np.clip(0.5 * x + 0.5, 0, 1)",
            grad="((x > -1) & (x < 1)) * 0.5",
            why="Accurate too (`0.5 * x` is exact and `+ 0.5` is exact near −1 by Sterbenz's "
            "lemma); the textbook derivative turns NaN into 0.",
        ),
        notes="`clip(x + 1, 0, 2) * 0.5`: the one rounding is `x + 1` (exact near −1, "
        "where the result is small), and multiplying by 0.5 is exact except in the "
        "subnormal range.",
    )
)
