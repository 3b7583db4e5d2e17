"""ReLU-like activations: piecewise-linear rectifiers.

Every function here is exact up to the rounding of its one operation (a product
``slope * x``, a sum ``x + 3``, a square): comparisons and ``np.maximum``/``np.clip``
do not round.  The derivatives are step functions; they are built from a boolean
mask with arithmetic (``h + s * (1 - h)``) rather than ``np.where``, which is slow on
randomly signed input, and NaN inputs are put back afterwards (a comparison with
NaN is simply ``False``).
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._array import elementwise, real_param
from ._spec import (
    REQUIRED,
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
from ._symbolic import X, add, between, cases, frac, max_, min_, mul

__all__ = ["leaky_relu", "prelu", "relu", "relu6", "relu_squared", "rrelu", "threshold"]


# --------------------------------------------------------------------------- helpers
# (shared with the other family modules of this package)


def _keep_nan(y, x):
    """``y`` with NaN wherever ``x`` is NaN (a mask built by comparisons loses them)."""
    nan = np.isnan(x)
    if nan.any():
        y = np.where(nan, np.nan, y)
    return y


def _step(mask, x):
    """The 0/1 step given by a boolean ``mask``, in ``x``'s dtype, NaN where ``x`` is."""
    return _keep_nan(mask.astype(x.dtype), x)


def _two_values(mask, x, low):
    """``1`` where ``mask`` else ``low`` (scalar or array), exactly: ``h + low·(1 − h)``."""
    h = mask.astype(x.dtype)
    y = np.subtract(1.0, h)
    y = y * low
    y += h
    return _keep_nan(y, x)


def _finite(fname: str, pname: str, value, **kwargs):
    """:func:`real_param` that also rejects ±inf (a slope or threshold must be finite)."""
    v = real_param(fname, pname, value, **kwargs)
    if not np.all(np.isfinite(v)):
        raise ValueError(f"{fname}: {pname} must be finite, got {value!r}")
    return v


def _leaky(x, slope):
    """x for x > 0, ``slope * x`` otherwise, for a finite scalar ``slope``."""
    if slope == 0.0:
        return np.maximum(x, 0.0) + 0.0  # avoid 0 * (-inf) = NaN; relu's +0.0 for x <= 0
    y = x * slope
    # max(x, s x) picks x for x > 0 and s x for x < 0 when s <= 1; min does when s > 1.
    return np.maximum(x, y) if slope <= 1.0 else np.minimum(x, y)


# --------------------------------------------------------------------------- relu


@elementwise
def relu(x):
    r"""Rectified linear unit, :math:`\operatorname{ReLU}(x) = \max(0, x)`.

    NaN propagates (``np.maximum`` does, unlike ``np.where(x > 0, x, 0)``), and
    ``relu(-0.0)`` is ``+0.0``.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        max(0, x), same dtype as ``x`` (float64 for integer input).

    See Also
    --------
    leaky_relu : a small slope instead of 0 for x < 0.
    relu6 : ReLU capped at 6.

    Examples
    --------
    >>> import activations as act
    >>> act.relu([-2.0, 0.0, 3.0, float("nan")])
    array([ 0.,  0.,  3., nan])
    """
    y = np.maximum(x, 0.0)
    y += 0.0  # max(-0.0, 0.0) may return -0.0; adding +0.0 makes it +0.0
    return y


@elementwise
def relu_grad(x):
    """ReLU′(x): 1 for x > 0, 0 for x ≤ 0 (0 at the kink, like every framework), NaN for NaN."""
    return _step(x > 0, x)


register(
    Spec(
        name="relu",
        title="ReLU",
        family="relu-like",
        summary="Passes positive inputs unchanged and zeroes the rest: the activation that ELU, "
        "GELU, swish and Mish were each measured against in their papers.",
        fn=relu,
        grad=relu_grad,
        expr=sp.Piecewise((X, X > 0), (0, True)),
        display=max_(0, X),
        display_derivative=cases((1, X > 0), (0, True)),
        derivation=(
            Step(
                cases((sp.Derivative(X, X), X > 0), (sp.Derivative(0, X), True)),
                "differentiate each piece",
            ),
            Step(cases((1, X > 0), (0, True)), "the kink at 0 takes the lower piece"),
        ),
        kinks=(
            Kink(
                0.0,
                0.0,
                "The lower piece; any value in [0, 1] is a valid subgradient.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0, "JAX": 0.0},
            ),
        ),
        core=Core(
            "the default hidden layer (CNNs, MLPs)",
            "high learning rates without a check on dead units",
        ),
        properties=Properties(
            range=(0.0, float("inf"), True, False),
            range_latex=r"[0, \infty)",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="left",
            cost="comparison",
        ),
        strengths=(
            "One comparison, and exact in floating point (nothing is rounded).",
            "Gradient exactly 1 for positive inputs, so the activation itself never "
            "shrinks a backpropagated gradient there (unlike sigmoid and tanh).",
            "Sparse activations: units with a negative pre-activation output exactly zero.",
        ),
        weaknesses=(
            "Dead units: a unit whose pre-activation is negative for every input it receives "
            "gets zero gradient and stops learning.",
            "Not zero-centred: the mean output for standard-normal input is 1/√(2π), and "
            "ReLU halves the second moment, which the √2 gain of He initialisation "
            "compensates (He et al., 2015, §2.2).",
            "Not differentiable at 0 (a convention picks the gradient there).",
        ),
        typical_use=(
            "Hidden layers of CNNs and MLPs; the baseline other activations are compared with."
        ),
        year=1969,
        paper=Paper(
            "K. Fukushima",
            "Visual Feature Extraction by a Multilayered Network of Analog Threshold Elements",
            "IEEE Transactions on Systems Science and Cybernetics 5(4), 322–333",
            1969,
            "https://doi.org/10.1109/TSSC.1969.300225",
        ),
        frameworks=(
            Framework("PyTorch", "torch.relu / torch.nn.functional.relu / torch.nn.ReLU"),
            Framework(
                "Keras 3",
                "keras.activations.relu / keras.layers.ReLU",
                note="Both also take negative_slope, max_value and threshold (0, None and 0 "
                "by default: plain ReLU).",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.relu / tf.nn.relu",
                note="tf.keras.activations.relu also takes alpha, max_value and threshold "
                "(0, None and 0 by default).",
                source="tf_keras/activations.py",
            ),
            Framework("JAX", "jax.nn.relu"),
        ),
        aliases=("rectifier",),
        naive=Naive(
            fn="np.maximum(0, x)",
            grad="(x > 0).astype(float)",
            why="The textbook value is exact. The textbook derivative turns NaN into 0 (a "
            "comparison with NaN is False), hiding bad inputs; the catalog puts NaN back, "
            "and adds `+ 0.0` to the value so that `relu(-0.0)` is `+0.0`.",
        ),
        notes="`np.maximum` propagates NaN and never rounds; `+ 0.0` normalises the sign of "
        "zero. The derivative is the comparison `x > 0` cast to float, with NaN put back. "
        "Fukushima's 1969 network is the earliest use found here; Nair & Hinton (2010) and "
        "Glorot, Bordes & Bengio (2011) brought it into deep learning.",
        first_use_known=False,
        popularised_by=(
            Paper(
                "V. Nair, G. E. Hinton",
                "Rectified Linear Units Improve Restricted Boltzmann Machines",
                "ICML 2010, 807–814",
                2010,
                "https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf",
            ),
            Paper(
                "X. Glorot, A. Bordes, Y. Bengio",
                "Deep Sparse Rectifier Neural Networks",
                "AISTATS 2011, PMLR 15, 315–323",
                2011,
                "https://proceedings.mlr.press/v15/glorot11a.html",
            ),
        ),
        see_also=(
            ("leaky_relu", "a small negative slope instead of zero"),
            ("relu6", "ReLU clipped at 6"),
            ("softplus", "its smooth counterpart"),
            ("gelu", "the smooth, non-monotonic successor in transformers"),
            ("reglu", "ReLU as the gate of a GLU"),
        ),
    )
)


# --------------------------------------------------------------------------- relu6


@elementwise
def relu6(x):
    r"""ReLU capped at 6, :math:`\min(\max(0, x), 6)`.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        min(max(0, x), 6), same dtype as ``x`` (float64 for integer input); ``+0.0``
        for ``-0.0``; NaN for NaN.

    See Also
    --------
    hard_tanh : clip to an arbitrary interval.
    hard_sigmoid : relu6(x + 3) / 6.

    Examples
    --------
    >>> import activations as act
    >>> act.relu6([-1.0, 3.0, 10.0, float("inf")])
    array([0., 3., 6., 6.])
    """
    y = np.clip(x, 0.0, 6.0)
    y += 0.0  # clip(-0.0, 0, 6) is -0.0
    return y


@elementwise
def relu6_grad(x):
    """ReLU6′(x): 1 on (0, 6), 0 elsewhere including both kinks (PyTorch, TF, JAX)."""
    return _step((x > 0) & (x < 6), x)


_RELU6_PRIME = cases((1, between(0, X, 6)), (0, True))
register(
    Spec(
        name="relu6",
        title="ReLU6",
        family="relu-like",
        summary="ReLU clipped at 6: bounded activations that survive low-precision "
        "arithmetic on mobile hardware.",
        fn=relu6,
        grad=relu6_grad,
        expr=sp.Piecewise((0, X <= 0), (6, X >= 6), (X, True)),
        display=min_(max_(0, X), 6),
        display_derivative=_RELU6_PRIME,
        derivation=(
            Step(
                cases(
                    (sp.Derivative(0, X), X <= 0),
                    (sp.Derivative(6, X), X >= 6),
                    (sp.Derivative(X, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((0, X <= 0), (0, X >= 6), (1, True)),
                "both kinks take the flat piece",
            ),
            Step(_RELU6_PRIME, "together: 1 on (0, 6), 0 elsewhere"),
        ),
        kinks=(
            Kink(
                0.0,
                0.0,
                "The flat piece, as for ReLU.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0, "JAX": 0.0},
            ),
            Kink(
                6.0,
                0.0,
                "The flat piece.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0, "JAX": 0.0},
            ),
        ),
        properties=Properties(
            range=(0.0, 6.0, True, True),
            range_latex=r"[0, 6]",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="both",
            cost="comparison",
        ),
        strengths=(
            "Bounded output [0, 6]; MobileNetV2 uses it for its robustness in "
            "low-precision computation (Sandler et al., 2018).",
            "Exact and as cheap as ReLU (a clip).",
        ),
        weaknesses=(
            "Zero gradient above 6 as well as below 0.",
            "The cap 6 is an empirical choice: Krizhevsky (2010) found that it made the "
            "network learn sparse features earlier.",
            "Not zero-centred.",
        ),
        typical_use="Mobile and quantised CNNs (MobileNetV2); the building block of hard_sigmoid "
        "and hard_swish.",
        year=2010,
        paper=Paper(
            "A. Krizhevsky",
            "Convolutional Deep Belief Networks on CIFAR-10",
            "Unpublished manuscript, University of Toronto",
            2010,
            "https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.relu6 / torch.nn.ReLU6"),
            Framework("Keras 3", "keras.activations.relu6"),
            Framework(
                "tf.keras 2",
                "tf.nn.relu6",
                note="Or tf.keras.activations.relu(x, max_value=6.0) / "
                "tf.keras.layers.ReLU(max_value=6.0).",
                source="tensorflow/python/ops/nn_ops.py",
            ),
            Framework("JAX", "jax.nn.relu6"),
        ),
        naive=Naive(
            fn="np.minimum(np.maximum(0, x), 6)",
            grad="((x > 0) & (x < 6)).astype(float)",
            why="Exact; the textbook derivative turns NaN into 0. The catalog uses `np.clip` "
            "(one call instead of two) and returns `+0.0` for `-0.0`.",
        ),
        notes="`np.clip` propagates NaN and never rounds; `+ 0.0` turns the `-0.0` that "
        "`clip` passes through into `+0.0`.",
        popularised_by=(
            Paper(
                "M. Sandler, A. Howard, M. Zhu, A. Zhmoginov, L.-C. Chen",
                "MobileNetV2: Inverted Residuals and Linear Bottlenecks",
                "CVPR 2018 (arXiv:1801.04381)",
                2018,
                "https://arxiv.org/abs/1801.04381",
            ),
        ),
        see_also=(
            ("relu", "the uncapped rectifier"),
            ("hard_sigmoid", "relu6(x + 3)/6"),
            ("hard_swish", "x·relu6(x + 3)/6"),
            ("hard_tanh", "the same clip on [−1, 1]"),
        ),
    )
)


# --------------------------------------------------------------------------- leaky_relu


def _slope(fname, value):
    return _finite(fname, "negative_slope", value)


@elementwise
def leaky_relu(x, negative_slope=0.01):
    r"""Leaky ReLU: :math:`x` for :math:`x > 0`, :math:`\alpha x` otherwise.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    negative_slope : float, default 0.01
        The slope α for x ≤ 0 (PyTorch's default and name; Keras 3's function uses
        0.2, tf.keras 2's layer 0.3). Any finite real is accepted.

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x`` (float64 for integer input). For x ≤ 0 the value is the
        product ``negative_slope * x`` exactly as IEEE rounds it, so ``-0.0`` gives
        ``-0.0`` (as in PyTorch and JAX); with ``negative_slope=0`` the function is
        :func:`relu` (``+0.0`` for x ≤ 0, and 0 at −∞ rather than 0·(−∞) = NaN).

    Raises
    ------
    TypeError, ValueError
        If ``negative_slope`` is not a finite real number.

    Examples
    --------
    >>> import activations as act
    >>> act.leaky_relu([-10.0, 0.0, 2.0])
    array([-0.1,  0. ,  2. ])
    >>> act.leaky_relu([-10.0, 2.0], negative_slope=0.2)
    array([-2.,  2.])
    """
    return _leaky(x, float(_slope("leaky_relu", negative_slope)))


@elementwise
def leaky_relu_grad(x, negative_slope=0.01):
    """1 for x > 0, ``negative_slope`` for x ≤ 0 (PyTorch and TensorFlow at 0)."""
    s = float(_slope("leaky_relu", negative_slope))
    return _two_values(x > 0, x, s)


_SLOPE = Param(
    "negative_slope",
    0.01,
    "Slope for x ≤ 0.",
    latex=r"\alpha",
    examples=(0.01, 0.1, 0.2, 0.3),
)

register(
    Spec(
        name="leaky_relu",
        title="Leaky ReLU",
        family="relu-like",
        summary="ReLU with a small slope α for negative inputs, so for α ≠ 0 no unit's "
        "gradient is exactly zero.",
        fn=leaky_relu,
        grad=leaky_relu_grad,
        parameters=(_SLOPE,),
        expr=sp.Piecewise((X, X > 0), (_SLOPE.symbol * X, True)),
        display=cases((X, X > 0), (mul(_SLOPE.symbol, X), True)),
        display_derivative=cases((1, X > 0), (_SLOPE.symbol, True)),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > 0),
                    (sp.Derivative(_SLOPE.symbol * X, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((1, X > 0), (_SLOPE.symbol, True)),
                "the kink at 0 takes the lower piece",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                0.01,
                "α, the lower piece (PyTorch's rule is `x > 0 ? 1 : α`). "
                "`jax.nn.leaky_relu` is `where(x >= 0, x, α x)`, which differentiates to 1 "
                "at 0.",
                frameworks={"PyTorch": 0.01, "Keras 3": 1.0, "JAX": 1.0},
            ),
        ),
        core=Core(
            "ReLU networks that lose units; GAN discriminators",
            "porting a model: the default slope differs",
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="increasing",
            smoothness="C0",
            saturation="none",
            cost="arithmetic",
        ),
        strengths=(
            "No dead units (for α ≠ 0): the gradient for x < 0 is the negative slope, not 0.",
            "As cheap as ReLU and exact up to one rounding (one product).",
            "Outputs of both signs, though not zero-centred: for standard-normal input the "
            "mean output is (1 − slope) times ReLU's.",
        ),
        weaknesses=(
            "α is a hyperparameter, and frameworks disagree on its default (see the "
            "framework tabs).",
            "The gain over ReLU depends on α: Maas et al. (2013, Table 1) report results "
            "close to ReLU's at α = 0.01, Xu et al. (2015, §4; arXiv:1505.00853, the first "
            "use on the RReLU page) improvements with larger slopes.",
            "Not differentiable at 0.",
        ),
        typical_use="Hidden layers where dead ReLUs are a problem; GAN discriminators (α = 0.2 in "
        "DCGAN: Radford et al., 2015, arXiv:1511.06434, §4); YOLO detectors (α = 0.1: Redmon "
        "et al., 2016, arXiv:1506.02640, §2.2).",
        year=2013,
        paper=Paper(
            "A. L. Maas, A. Y. Hannun, A. Y. Ng",
            "Rectifier Nonlinearities Improve Neural Network Acoustic Models",
            "ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing",
            2013,
            "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.leaky_relu / torch.nn.LeakyReLU",
                defaults={"negative_slope": 0.01},
            ),
            Framework(
                "Keras 3",
                "keras.activations.leaky_relu",
                defaults={"negative_slope": 0.2},
            ),
            Framework(
                "Keras 3",
                "keras.layers.LeakyReLU",
                defaults={"negative_slope": 0.3},
                note="The layer's default is not the function's.",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.layers.LeakyReLU",
                defaults={"negative_slope": 0.3},
                param_names={"negative_slope": "alpha"},
                source="tf_keras/layers/activation/leaky_relu.py",
            ),
            Framework(
                "tf.keras 2",
                "tf.nn.leaky_relu",
                defaults={"negative_slope": 0.2},
                param_names={"negative_slope": "alpha"},
                note="The TensorFlow function's default is not the layer's.",
                source="tensorflow/python/ops/nn_ops.py",
            ),
            Framework("JAX", "jax.nn.leaky_relu", defaults={"negative_slope": 0.01}),
        ),
        aliases=("lrelu", "leakyrelu"),
        naive=Naive(
            fn="np.where(x > 0, x, negative_slope * x)",
            grad="np.where(x > 0, 1.0, negative_slope)",
            why="Exact up to the one rounding of the product, but the textbook derivative "
            "turns NaN into `negative_slope`. The catalog computes `max(x, αx)` (or `min` "
            "for α > 1), the same rounding.",
        ),
        notes="For 0 ≤ α ≤ 1, `max(x, αx)` equals the piecewise definition (αx ≤ x exactly "
        "when x ≥ 0); for α > 1 the same holds with `min`. α = 0 is routed to ReLU so that "
        "−∞ gives 0 rather than 0·(−∞) = NaN. The derivative `h + α(1 − h)` with "
        "h ∈ {0, 1} is exact: it is either 1 + α·0 or 0 + α.",
        see_also=(
            ("relu", "the slope-0 case"),
            ("prelu", "the slope learned"),
            ("rrelu", "the slope drawn at random during training"),
            ("elu", "a smooth negative side"),
        ),
    )
)


# --------------------------------------------------------------------------- prelu


def _weight(fname, weight, dtype):
    w = _finite(fname, "weight", weight, array=True)
    if isinstance(w, float):
        return w
    return w.astype(dtype)


@elementwise
def prelu(x, weight=0.25):
    r"""Parametric ReLU: :math:`x` for :math:`x > 0`, :math:`a x` otherwise, with learnable a.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    weight : float or array_like, default 0.25
        The learned slope a (PyTorch's initial value 0.25). An array is broadcast
        against ``x`` with NumPy's rules, so a per-channel weight of shape ``(C,)``
        applies to the *last* axis; for PyTorch's channel-first ``(N, C, H, W)``
        layout pass ``weight[:, None, None]``. An array weight is cast to the dtype
        ``x`` is computed in, as frameworks store it.

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``, shape ``broadcast(x, weight)``. ``-0.0`` gives ``-0.0``
        (the product ``a · (-0.0)``), as in PyTorch; a zero weight gives 0 at −∞.

    Raises
    ------
    TypeError, ValueError
        If ``weight`` is not real or not finite.

    See Also
    --------
    leaky_relu : the same function with a fixed slope.

    Examples
    --------
    >>> import activations as act
    >>> act.prelu([-2.0, 3.0])
    array([-0.5,  3. ])
    >>> act.prelu([[-2.0, -2.0], [1.0, -4.0]], weight=[0.1, 0.5])  # one slope per column
    array([[-0.2, -1. ],
           [ 1. , -2. ]])
    """
    w = _weight("prelu", weight, x.dtype)
    if isinstance(w, float):
        return _leaky(x, w)
    y = np.where(x > 0, x, w * x)
    if np.any(w == 0):  # 0 * (-inf) = NaN; the limit is 0
        y = np.where((x == -np.inf) & (w == 0), 0.0, y)
    return y


@elementwise
def prelu_grad(x, weight=0.25):
    """∂f/∂x: 1 for x > 0, ``weight`` for x ≤ 0 (PyTorch's convention at 0)."""
    w = _weight("prelu", weight, x.dtype)
    return _two_values(x > 0, x, w)


@elementwise
def prelu_weight_grad(x, weight=0.25):
    r"""∂f/∂a, elementwise: x for x ≤ 0, 0 for x > 0, in the shape of ``prelu(x, weight)``.

    To get the gradient of a loss with respect to a broadcast ``weight``, multiply by
    the upstream gradient and sum over the broadcast axes.

    Examples
    --------
    >>> import activations as act
    >>> act.get("prelu").param_grads["weight"]([-2.0, 3.0])
    array([-2.,  0.])
    """
    w = _weight("prelu", weight, x.dtype)
    y = np.minimum(x, 0.0)
    y = y + np.zeros_like(w)  # broadcast to the shape of f; +0.0 also normalises -0.0
    return y


_WEIGHT = Param(
    "weight",
    0.25,
    "Learned slope for x ≤ 0 (a scalar or an array broadcast against x).",
    latex="a",
    examples=(0.25, 0.05, 0.5, -0.25),
    learnable=True,
)

register(
    Spec(
        name="prelu",
        title="PReLU (parametric ReLU)",
        family="relu-like",
        summary="Leaky ReLU whose negative slope is learned, per layer or per channel.",
        fn=prelu,
        grad=prelu_grad,
        param_grads={"weight": prelu_weight_grad},
        parameters=(_WEIGHT,),
        expr=sp.Piecewise((X, X > 0), (_WEIGHT.symbol * X, True)),
        display=cases((X, X > 0), (mul(_WEIGHT.symbol, X), True)),
        display_derivative=cases((1, X > 0), (_WEIGHT.symbol, True)),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > 0),
                    (sp.Derivative(_WEIGHT.symbol * X, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((1, X > 0), (_WEIGHT.symbol, True)),
                "the kink at 0 takes the lower piece",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                0.25,
                "∂f/∂x at 0 is a, the lower piece (PyTorch's rule is `x > 0 ? 1 : a`). Keras "
                "computes relu(x) − a·relu(−x), whose gradient at 0 is 0 because relu′(0) = 0.",
                frameworks={"PyTorch": 0.25, "Keras 3": 0.0},
            ),
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="increasing",
            smoothness="C0",
            saturation="none",
            cost="arithmetic",
        ),
        strengths=(
            "The network chooses the negative slope; He et al. report better ImageNet "
            "accuracy than with ReLU at negligible extra cost (one parameter per channel).",
            "No dead units as long as the learned slope is non-zero.",
        ),
        weaknesses=(
            "Extra parameters; weight decay would pull the slope towards 0 (ReLU), so He et "
            "al. train it without weight decay (§2.1).",
            "The learned slope can become negative or larger than 1, making the activation "
            "decreasing for x < 0 (a negative slope) or expansive (a slope above 1).",
            "Frameworks disagree on the initial slope (see the framework tabs).",
        ),
        typical_use="Image-classification CNNs, usually with one slope per channel (He et al., "
        "2015).",
        year=2015,
        paper=Paper(
            "K. He, X. Zhang, S. Ren, J. Sun",
            "Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet "
            "Classification",
            "ICCV 2015 (arXiv:1502.01852)",
            2015,
            "https://arxiv.org/abs/1502.01852",
            "§2.1",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.PReLU",
                defaults={"weight": 0.25},
                param_names={"weight": "init"},
                note="num_parameters=1 by default (one slope shared by all channels); "
                "num_parameters=C gives one per channel (dimension 1).",
            ),
            Framework(
                "PyTorch",
                "torch.nn.functional.prelu",
                defaults={"weight": REQUIRED},
                note="The weight is a required argument.",
            ),
            Framework(
                "Keras 3",
                "keras.layers.PReLU",
                defaults={"weight": 0.0},
                param_names={"weight": "alpha_initializer"},
                note="alpha_initializer='Zeros': training starts from ReLU; one slope per "
                "input element unless shared_axes is given.",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.layers.PReLU",
                defaults={"weight": 0.0},
                param_names={"weight": "alpha_initializer"},
                note="alpha_initializer='zeros', shared_axes=None.",
                source="tf_keras/layers/activation/prelu.py",
            ),
            Framework("JAX", "—", note="No PReLU in jax.nn."),
        ),
        aliases=("parametric_relu",),
        naive=Naive(
            fn="np.where(x > 0, x, weight * x)",
            grad="np.where(x > 0, 1.0, weight)",
            why="Exact; the textbook derivative turns NaN into `weight`. The catalog takes "
            "the `max(x, ax)` route for a scalar weight (faster), keeps `np.where` for an "
            "array weight, and provides ∂f/∂a = min(x, 0).",
        ),
        notes="An array weight is cast to the compute dtype before the product, so a float32 "
        "input sees one rounding. ∂f/∂a is returned elementwise in the shape of f; summing "
        "it times the upstream gradient over the broadcast axes gives the weight's "
        "gradient. He et al. initialise the slope to 0.25 (§2.1), as PyTorch does.",
        see_also=(
            ("leaky_relu", "the slope fixed"),
            ("rrelu", "the slope random"),
            ("relu", "the slope 0"),
        ),
    )
)


# --------------------------------------------------------------------------- rrelu


@elementwise
def rrelu(x, lower=1.0 / 8.0, upper=1.0 / 3.0, training=False, generator=None):
    r"""Randomised leaky ReLU.

    Evaluation mode (the default) is deterministic: :func:`leaky_relu` with slope
    :math:`(l + u)/2`. Training mode draws one slope per element from
    :math:`U(l, u)` with ``generator``.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    lower, upper : float, default 1/8 and 1/3
        Bounds l ≤ u of the slope (PyTorch's defaults).
    training : bool, default False
        Sample the slopes (True) or use their mean (False).
    generator : numpy.random.Generator, optional
        Required when ``training=True``; ignored otherwise. Exactly ``x.size``
        uniforms are drawn whatever the values of ``x``, so the same generator
        state gives the same slopes in :func:`rrelu` and its ``grad``.

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``. For x ≤ 0 the value is ``slope * x``; ``-0.0`` gives
        ``-0.0``.

    Raises
    ------
    ValueError
        If ``lower > upper``, a bound is not finite, or ``training=True`` without a
        generator.
    TypeError
        If a bound is not real, ``training`` is not a bool or ``generator`` is not a
        ``numpy.random.Generator``.

    Examples
    --------
    >>> import numpy as np
    >>> import activations as act
    >>> act.rrelu([-48.0, 1.0])  # slope (1/8 + 1/3) / 2 = 11/48
    array([-11.,   1.])
    >>> y = act.rrelu(-np.ones(4), training=True, generator=np.random.default_rng(0))
    >>> bool(np.all((-1/3 <= y) & (y <= -1/8)))
    True
    """
    slopes = _rrelu_slopes(x, lower, upper, training, generator)
    if isinstance(slopes, float):
        return _leaky(x, slopes)
    return np.where(x > 0, x, slopes * x)


@elementwise
def rrelu_grad(x, lower=1.0 / 8.0, upper=1.0 / 3.0, training=False, generator=None):
    """1 for x > 0, the slope for x ≤ 0 (the mean slope in evaluation mode)."""
    slopes = _rrelu_slopes(x, lower, upper, training, generator)
    return _two_values(x > 0, x, slopes)


def _rrelu_slopes(x, lower, upper, training, generator):
    lo = float(_finite("rrelu", "lower", lower))
    hi = float(_finite("rrelu", "upper", upper))
    if lo > hi:
        raise ValueError(f"rrelu: lower must not exceed upper, got lower={lo!r} > upper={hi!r}")
    if not isinstance(training, bool | np.bool_):
        raise TypeError(f"rrelu: training must be a bool, got {type(training).__name__}")
    if not training:
        return (lo + hi) / 2.0
    if generator is None:
        raise ValueError(
            "rrelu: training=True samples slopes and needs generator=numpy.random.Generator"
        )
    if not isinstance(generator, np.random.Generator):
        raise TypeError(
            f"rrelu: generator must be a numpy.random.Generator, got {type(generator).__name__}"
        )
    return generator.uniform(lo, hi, size=x.shape).astype(x.dtype)


_LOWER = Param(
    "lower", 1.0 / 8.0, "Lower bound of the random slope.", latex="l", examples=(0.125, 0.0, 0.3)
)
_UPPER = Param(
    "upper", 1.0 / 3.0, "Upper bound of the random slope.", latex="u", examples=(1 / 3, 0.2, 0.5)
)
_TRAINING = Param("training", False, "Sample slopes (training) or use their mean (evaluation).")
_GENERATOR = Param("generator", None, "numpy.random.Generator for training mode.")
_RANDOM_SLOPE = sp.Symbol("a", real=True)

register(
    Spec(
        name="rrelu",
        title="RReLU (randomised leaky ReLU)",
        family="relu-like",
        summary="Leaky ReLU whose slope is drawn at random during training and fixed to "
        "its mean at test time.",
        fn=rrelu,
        grad=rrelu_grad,
        parameters=(_LOWER, _UPPER, _TRAINING, _GENERATOR),
        expr=sp.Piecewise((X, X > 0), ((_LOWER.symbol + _UPPER.symbol) / 2 * X, True)),
        display=cases((X, X > 0), (mul(_RANDOM_SLOPE, X), True)),
        display_derivative=cases((1, X > 0), (_RANDOM_SLOPE, True)),
        display_also=(
            (
                "In evaluation mode (`training=False`, the default) the slope is the mean "
                "of U(l, u):",
                cases((X, X > 0), (mul(frac(add(_LOWER.symbol, _UPPER.symbol), 2), X), True)),
            ),
        ),
        terms=(
            Term(
                _RANDOM_SLOPE,
                "the slope for x ≤ 0. In training mode (`training=True`) it is drawn from "
                "the uniform distribution U(l, u), independently for every element and "
                "every call; in evaluation mode it is fixed at the mean (l + u)/2.",
                value=(_LOWER.symbol + _UPPER.symbol) / 2,
            ),
        ),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > 0),
                    (sp.Derivative((_LOWER.symbol + _UPPER.symbol) / 2 * X, X), True),
                ),
                "evaluation mode: differentiate each piece",
            ),
            Step(
                cases((1, X > 0), ((_LOWER.symbol + _UPPER.symbol) / 2, True)),
                "the kink at 0 takes the lower piece",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                0.22916666666666666,
                "(l + u)/2, the lower piece, in evaluation mode (the sampled slope in "
                "training mode); PyTorch treats x ≤ 0 as the negative side.",
                frameworks={"PyTorch": 0.22916666666666666},
            ),
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="increasing",
            smoothness="C0",
            saturation="none",
            cost="arithmetic",
        ),
        strengths=(
            "The random slope acts as a regulariser: on small datasets (CIFAR-10/100) Xu et "
            "al. found it less prone to overfitting than a fixed or learned slope.",
            "Deterministic and as cheap as leaky ReLU at inference.",
        ),
        weaknesses=(
            "Training is stochastic: reproducing a run needs the generator state.",
            "The evidence is the small-scale experiments of Xu et al. (CIFAR-10/100 and the "
            "NDSB plankton data).",
            "The test-time slope differs between the paper and PyTorch (see below).",
        ),
        typical_use="Small image-classification CNNs where extra regularisation helps.",
        year=2015,
        paper=Paper(
            "B. Xu, N. Wang, T. Chen, M. Li",
            "Empirical Evaluation of Rectified Activations in Convolutional Network",
            "arXiv:1505.00853",
            2015,
            "https://arxiv.org/abs/1505.00853",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.rrelu",
                defaults={"lower": 0.125, "upper": 0.3333333333333333, "training": False},
            ),
            Framework(
                "PyTorch",
                "torch.nn.RReLU",
                defaults={"lower": 0.125, "upper": 0.3333333333333333},
                note="The module samples while in .train() mode and uses the mean in .eval() mode.",
            ),
            Framework("Keras 3", "—"),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "—"),
        ),
        naive=Naive(
            fn="np.where(x > 0, x, (lower + upper) / 2 * x)",
            grad="np.where(x > 0, 1.0, (lower + upper) / 2)",
            why="Evaluation mode is leaky ReLU and exact either way; the textbook "
            "derivative turns NaN into the slope.",
        ),
        notes="The paper writes the negative side as x / a with "
        "a ~ U(3, 8) and uses x / ((3 + 8)/2) = 2x/11 ≈ 0.18x at test time; PyTorch "
        "samples the slope 1/a directly from U(1/8, 1/3) and uses its mean "
        "11/48 ≈ 0.23 at test time. The catalog follows PyTorch. Training mode draws "
        "`x.size` uniforms from the generator regardless of the values of x, so a "
        "generator in the same state reproduces the same slopes in `fn` and `grad`.",
    )
)


# --------------------------------------------------------------------------- threshold


@elementwise
def threshold(x, threshold=0.0, value=0.0):
    r"""Threshold: :math:`x` if :math:`x > \theta`, else ``value`` (PyTorch's ``F.threshold``).

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    threshold : float, default 0.0
        θ; inputs at or below it are replaced. PyTorch and Keras have no default;
        the catalog's 0.0 makes ``threshold(x)`` equal to :func:`relu`.
    value : float, default 0.0
        The replacement.

    Returns
    -------
    ndarray or scalar
        Same dtype as ``x``; NaN for NaN (PyTorch tests ``x <= threshold``, which is
        False for NaN). ``-0.0`` is at or below θ = 0 and gives ``value``.

    Examples
    --------
    >>> import activations as act
    >>> act.threshold([-1.0, 0.5, 2.0], threshold=1.0, value=-5.0)
    array([-5., -5.,  2.])
    """
    t = float(_finite("threshold", "threshold", threshold))
    v = float(_finite("threshold", "value", value))
    if v == t:  # the continuous case: max(x, θ), one pass
        y = np.maximum(x, t)
        if t == 0.0:
            y += 0.0
        return y
    return np.where(x <= t, v, x)


@elementwise
def threshold_grad(x, threshold=0.0, value=0.0):
    """1 for x > θ, 0 for x ≤ θ (PyTorch's convention at θ)."""
    t = float(_finite("threshold", "threshold", threshold))
    _finite("threshold", "value", value)
    return _step(x > t, x)


_THETA = Param(
    "threshold",
    0.0,
    "Inputs at or below θ are replaced.",
    latex=r"\theta",
    examples=(0.0, 1.0, -1.0),
)
_VALUE = Param("value", 0.0, "The replacement value.", latex="v", examples=(0.0, -1.0, 0.5))

register(
    Spec(
        name="threshold",
        title="Threshold",
        family="relu-like",
        summary="Keeps inputs above a threshold θ and replaces the rest by a constant; "
        "ReLU is the case θ = v = 0.",
        fn=threshold,
        grad=threshold_grad,
        parameters=(_THETA, _VALUE),
        expr=sp.Piecewise((X, X > _THETA.symbol), (_VALUE.symbol, True)),
        display=cases((X, X > _THETA.symbol), (_VALUE.symbol, True)),
        display_derivative=cases((1, X > _THETA.symbol), (0, True)),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(X, X), X > _THETA.symbol),
                    (sp.Derivative(_VALUE.symbol, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((1, X > _THETA.symbol), (0, True)),
                "θ itself takes the constant piece",
            ),
        ),
        kinks=(
            Kink(
                0.0,
                0.0,
                "The constant piece (PyTorch's rule is `x <= θ ? 0 : 1`). For v ≠ θ the "
                "function jumps at θ and has no derivative there.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0},
            ),
        ),
        properties=Properties(
            range=(0.0, float("inf"), True, False),
            range_latex=r"\{v\} \cup (\theta, \infty)",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="left",
            cost="comparison",
        ),
        strengths=(
            "Generalises ReLU: θ > 0 suppresses small positive responses (thresholded ReLU).",
            "Exact and cheap.",
        ),
        weaknesses=(
            "Discontinuous whenever v ≠ θ: the jump has no gradient, so θ cannot be learned "
            "by backpropagation.",
            "Zero gradient below θ: units can die there, as with ReLU.",
            "PyTorch and Keras 3 require both values (no defaults); tf.keras 2's "
            "ThresholdedReLU layer uses θ = 1.",
        ),
        typical_use="Thresholded ReLU (θ = 1, v = 0) in the zero-bias autoencoders of Konda et "
        "al. (2015); clamping activations or masking small values.",
        year=2015,
        paper=Paper(
            "K. Konda, R. Memisevic, D. Krueger",
            "Zero-bias autoencoders and the benefits of co-adapting features",
            "ICLR",
            2015,
            "https://arxiv.org/abs/1402.3337",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.threshold / torch.nn.Threshold",
                defaults={"threshold": REQUIRED, "value": REQUIRED},
                note="Both are required.",
            ),
            Framework(
                "Keras 3",
                "keras.activations.threshold",
                defaults={"threshold": REQUIRED, "value": REQUIRED},
                param_names={"value": "default_value"},
                note="Both are required.",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.layers.ThresholdedReLU",
                defaults={"threshold": 1.0, "value": None},
                param_names={"threshold": "theta"},
                note="Computes x·[x > θ]: the replacement is always 0 (no value parameter).",
                source="tf_keras/layers/activation/thresholded_relu.py",
            ),
            Framework("JAX", "—", note="`jnp.where(x <= threshold, value, x)`."),
        ),
        naive=Naive(
            fn="np.where(x > threshold, x, value)",
            grad="(x > threshold).astype(float)",
            why="The textbook `np.where(x > θ, x, v)` returns v for NaN, silently; "
            "PyTorch's `x <= θ ? v : x` (and the catalog) propagate NaN.",
        ),
        notes="The test is written `x <= θ` so that NaN falls through to x. When v = θ the "
        "function is continuous and equals `max(x, θ)`, which the catalog uses. The "
        "defaults θ = v = 0 are the catalog's choice (PyTorch and Keras 3 have none): they "
        "make the function ReLU and keep every property claim checkable. The paper cited "
        "uses the thresholded ReLU; PyTorch's general form is not dated here.",
        first_use_known=False,
        see_also=(
            ("relu", "the case θ = v = 0"),
            ("hardshrink", "thresholding on both sides"),
            ("binary_step", "a step at 0"),
        ),
    )
)


# --------------------------------------------------------------------------- relu_squared


@elementwise
def relu_squared(x):
    r"""Squared ReLU, :math:`\max(0, x)^2` (Primer).

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        max(0, x)², same dtype as ``x``; ``+inf`` once x² overflows; ``+0.0`` for x ≤ 0.

    Examples
    --------
    >>> import activations as act
    >>> act.relu_squared([-3.0, 0.5, 3.0])
    array([0.  , 0.25, 9.  ])
    """
    r = np.maximum(x, 0.0)
    r *= r  # (-0.0)² = +0.0
    return r


@elementwise
def relu_squared_grad(x):
    """2 max(0, x): continuous, 0 at 0."""
    r = np.maximum(x, 0.0)
    r *= 2.0
    r += 0.0
    return r


_RELU_SQUARED_PRIME = mul(2, max_(0, X))
register(
    Spec(
        name="relu_squared",
        title="Squared ReLU",
        family="relu-like",
        summary="ReLU squared: zero for negative inputs and x² for positive ones; the "
        "feed-forward activation found by the Primer architecture search.",
        fn=relu_squared,
        grad=relu_squared_grad,
        expr=sp.Piecewise((X**2, X > 0), (0, True)),
        display=max_(0, X) ** 2,
        display_derivative=_RELU_SQUARED_PRIME,
        derivation=(
            Step(
                cases((sp.Derivative(X**2, X), X > 0), (sp.Derivative(0, X), True)),
                "differentiate each piece",
            ),
            Step(cases((2 * X, X > 0), (0, True)), "power rule"),
            Step(_RELU_SQUARED_PRIME, "2x for x > 0 and 0 otherwise is 2 max(0, x)"),
        ),
        kinks=(
            Kink(
                0.0,
                0.0,
                "f′ is continuous at 0 (both pieces give 0); only f″ jumps, from 0 to 2.",
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
            "In So et al.'s Primer search it improved the quality-per-compute of "
            "Transformer language models over ReLU and GELU, at the cost of one multiply.",
            "Continuously differentiable (unlike ReLU), and sparse like ReLU.",
        ),
        weaknesses=(
            "Unbounded gradient: f′ = 2x grows with the input.",
            "Zero gradient for x < 0: units can die, as with ReLU.",
            "Not built into PyTorch, Keras or JAX.",
        ),
        typical_use="Feed-forward blocks of Transformer language models (Primer, So et al., 2021).",
        year=2021,
        paper=Paper(
            "D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le",
            "Primer: Searching for Efficient Transformers for Language Modeling",
            "NeurIPS 2021 (arXiv:2109.08668)",
            2021,
            "https://arxiv.org/abs/2109.08668",
        ),
        frameworks=(
            Framework("PyTorch", "—", note="no built-in; `torch.relu(x) ** 2`"),
            Framework("Keras 3", "—", note="no built-in; `keras.ops.square(keras.ops.relu(x))`"),
            Framework("tf.keras 2", "—", note="no built-in; `tf.square(tf.nn.relu(x))`"),
            Framework("JAX", "—", note="no built-in; `jnp.square(jax.nn.relu(x))`"),
        ),
        aliases=("squared_relu",),
        naive=Naive(
            fn="np.maximum(0, x) ** 2",
            grad="2 * np.maximum(0, x)",
            why="Exact up to one rounding (the square); overflow to `inf` past √max is the "
            "true result.",
        ),
        notes="`max(x, 0)` never rounds, so the square is the one rounding; the square of "
        "`-0.0` is `+0.0`. The paper cited found it by architecture search; earlier uses "
        "are not dated here.",
        first_use_known=False,
        see_also=(
            ("relu", "the unsquared rectifier"),
            ("reglu", "another ReLU-based feed-forward variant"),
        ),
    )
)
