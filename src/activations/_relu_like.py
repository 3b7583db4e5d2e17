"""ReLU-like activations: piecewise-linear rectifiers."""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._array import elementwise
from ._spec import Framework, Kink, Naive, Paper, Properties, Spec, Step, register
from ._symbolic import X

__all__ = ["relu"]


@elementwise
def relu(x):
    r"""Rectified linear unit, :math:`\operatorname{ReLU}(x) = \max(0, x)`.

    NaN propagates (``np.maximum`` does, unlike ``np.where(x > 0, x, 0)``), and
    ``relu(-0.0)`` is ``0.0``.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        max(0, x), same dtype as ``x`` (float64 for integer input).

    Examples
    --------
    >>> import activations as act
    >>> act.relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return np.maximum(x, 0.0) + 0.0  # + 0.0 turns max(-0.0, 0.0) into +0.0


@elementwise
def relu_grad(x):
    """ReLU′(x): 1 for x > 0, 0 for x ≤ 0 (0 at the kink, like every framework)."""
    return np.heaviside(x, 0.0)


register(
    Spec(
        name="relu",
        title="ReLU",
        family="relu-like",
        summary="Passes positive inputs unchanged and zeroes the rest: the default hidden "
        "activation of deep learning.",
        fn=relu,
        grad=relu_grad,
        expr=sp.Piecewise((X, X > 0), (0, True)),
        derivation=(
            Step(
                sp.Piecewise((sp.Derivative(X, X), X > 0), (sp.Derivative(0, X), True)),
                "differentiate each piece",
            ),
            Step(sp.Piecewise((1, X > 0), (0, True)), "the kink at 0 takes the lower piece"),
        ),
        kinks=(
            Kink(
                0.0,
                0.0,
                "ReLU′(0) = 0, the convention of PyTorch, TensorFlow and "
                "JAX (any value in [0, 1] is a valid subgradient).",
            ),
        ),
        properties=Properties(
            range=(0.0, float("inf"), True, False),
            range_latex=r"[0, \infty)",
            monotonic="non-decreasing",
            smoothness="C0",
            zero_centred=False,
            saturation="left",
            cost="comparison",
        ),
        strengths=(
            "One comparison: the cheapest non-linearity there is.",
            "Gradient exactly 1 for positive inputs, so it does not vanish through depth.",
            "Sparse activations: about half the units output exactly zero.",
        ),
        weaknesses=(
            "Dying ReLU: a unit whose input stays negative gets zero gradient and never recovers.",
            "Not zero-centred and unbounded above: activations can grow layer by layer "
            "without normalisation.",
            "Not differentiable at 0 (a convention picks the gradient there).",
        ),
        typical_use="Hidden layers of CNNs and MLPs; the baseline every other activation "
        "is compared with.",
        year=2010,
        paper=Paper(
            "V. Nair, G. E. Hinton",
            "Rectified Linear Units Improve Restricted Boltzmann Machines",
            "ICML",
            2010,
            "https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf",
        ),
        frameworks=(
            Framework("PyTorch", "torch.relu / torch.nn.ReLU"),
            Framework(
                "Keras 3",
                "keras.activations.relu",
                note="also takes negative_slope, max_value and threshold",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.relu / tf.nn.relu",
                note="tf.keras takes alpha, max_value and threshold",
            ),
            Framework("JAX", "jax.nn.relu"),
        ),
        naive=Naive(
            fn="np.maximum(0, x)",
            grad="(x > 0).astype(float)",
            why="The textbook form is exact; the catalog only adds `+ 0.0` so that "
            "`relu(-0.0)` is `+0.0`, and keeps NaN in the derivative.",
        ),
    )
)
