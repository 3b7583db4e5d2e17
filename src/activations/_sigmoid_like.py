"""Sigmoid-like activations: bounded, S-shaped squashing functions."""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._array import elementwise
from ._spec import Framework, Naive, Paper, Properties, Spec, Step, register
from ._symbolic import X
from ._symbolic import sigmoid as _sym_sigmoid

__all__ = ["sigmoid"]


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
        σ(x), same dtype as ``x`` (float64 for integer input).

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
        derivation=(
            Step(
                sp.Derivative(sp.Pow(1 + sp.exp(-X), -1, evaluate=False), X), "write σ as a power"
            ),
            Step(
                sp.Mul(sp.Pow(1 + sp.exp(-X), -2, evaluate=False), sp.exp(-X), evaluate=False),
                "chain rule: −(1 + e^{−x})^{−2} · (−e^{−x})",
            ),
            Step(
                sp.Mul(
                    sp.Pow(1 + sp.exp(-X), -1, evaluate=False),
                    sp.exp(-X) / (1 + sp.exp(-X)),
                    evaluate=False,
                ),
                "split the fraction",
            ),
            Step(
                sp.Mul(_sym_sigmoid(X), 1 - _sym_sigmoid(X), evaluate=False),
                "e^{−x}/(1 + e^{−x}) = 1 − σ(x)",
            ),
        ),
        properties=Properties(
            range=(0.0, 1.0, False, False),
            range_latex=r"(0, 1)",
            monotonic="increasing",
            smoothness="Cinf",
            zero_centred=False,
            saturation="both",
            cost="one transcendental",
        ),
        strengths=(
            "Output in (0, 1): reads as a probability for binary and multi-label outputs.",
            "Smooth and monotonic, with a simple derivative σ(1 − σ).",
            "The gate of LSTMs and GRUs, and the logistic-regression link.",
        ),
        weaknesses=(
            "Saturates on both sides: σ′ ≤ 1/4, so gradients shrink at least fourfold per "
            "layer and vanish in deep stacks.",
            "Not zero-centred: outputs are all positive, which biases the next layer's "
            "gradient signs.",
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
            Framework("JAX", "jax.nn.sigmoid"),
        ),
        aliases=("logistic", "expit"),
        naive=Naive(
            fn="1 / (1 + np.exp(-x))",
            grad="1 / (1 + np.exp(-x)) * (1 - 1 / (1 + np.exp(-x)))",
            why="The textbook value is fine, but the textbook derivative `s * (1 - s)` "
            "returns exactly 0 for x ≳ 37 (float64) where σ′(x) ≈ e^{−x} is still "
            "representable: `1 - s` has cancelled to zero. The catalog computes "
            "`e / (1 + e)**2` with `e = exp(-|x|)`, which never subtracts.",
        ),
    )
)
