"""Classical and special-purpose activations: the identity, the step, and the
radial, periodic and exponential functions used in special architectures."""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._array import elementwise
from ._relu_like import _keep_nan, _step
from ._spec import Framework, Kink, Naive, Paper, Properties, Spec, Step, register
from ._symbolic import X, cases, mul

__all__ = ["binary_step", "exponential", "gaussian", "identity", "sinusoid"]

_INF = float("inf")


# --------------------------------------------------------------------------- identity


@elementwise
def identity(x):
    r"""The identity (linear activation), :math:`f(x) = x`.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        ``x`` itself when it is already a float32 or float64 array — no copy, as
        ``torch.nn.Identity`` and Keras's ``linear`` return their input — otherwise
        ``x`` converted by the catalog's usual rules (float16 stays float16, integers
        become float64). ``-0.0`` stays ``-0.0``.

    Examples
    --------
    >>> import numpy as np
    >>> import activations as act
    >>> x = np.array([-1.5, 0.0, 2.0])
    >>> act.identity(x)
    array([-1.5,  0. ,  2. ])
    >>> act.identity(x) is x
    True
    """
    return x


@elementwise
def identity_grad(x):
    """1 everywhere (NaN for NaN)."""
    return _keep_nan(np.ones_like(x), x)


register(
    Spec(
        name="identity",
        title="Identity (linear)",
        family="classical",
        summary="No activation at all: f(x) = x. Used where the output must be an "
        "unconstrained real number.",
        fn=identity,
        grad=identity_grad,
        expr=X,
        display=X,
        display_derivative=sp.Integer(1),
        derivation=(
            Step(sp.Derivative(X, X), "differentiate"),
            Step(sp.Integer(1), "d/dx x = 1"),
        ),
        properties=Properties(
            range=(-_INF, _INF, False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="none",
            cost="arithmetic",
        ),
        strengths=(
            "Unbounded, unbiased output: the right choice for regression outputs and for "
            "logits that a loss function (softmax cross-entropy, BCE with logits) consumes.",
            "Free, exact, and gradient exactly 1.",
        ),
        weaknesses=(
            "No non-linearity: a stack of linear layers with identity activations is a "
            "single linear map, however deep.",
        ),
        typical_use="Output layer for regression and for logits; linear bottlenecks "
        "(MobileNetV2) and residual projections.",
        year=1960,
        paper=Paper(
            "B. Widrow, M. E. Hoff",
            "Adaptive switching circuits",
            "IRE WESCON Convention Record, Part 4, 96–104",
            1960,
            "",
            "the adaptive linear neuron (ADALINE), trained on its linear output",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.Identity", note="Returns its input unchanged."),
            Framework("Keras 3", "keras.activations.linear", note="What `activation=None` gives."),
            Framework(
                "tf.keras 2", "tf.keras.activations.linear", source="tf_keras/activations.py"
            ),
            Framework("JAX", "jax.nn.identity"),
        ),
        aliases=("linear", "none"),
        naive=Naive(
            fn="x",
            grad="np.ones_like(x)",
            why="Exact; the textbook derivative `np.ones_like(x)` returns 1 for NaN.",
        ),
        notes="The function returns its input array without copying; code that modifies the "
        "result in place should copy first.",
        first_use_known=False,
        see_also=(
            ("relu", "the simplest non-linear unit"),
            ("exponential", "an output link for positive quantities"),
        ),
    )
)


# --------------------------------------------------------------------------- binary_step


@elementwise
def binary_step(x):
    r"""Heaviside step, :math:`H(x) = 1` for :math:`x \ge 0`, 0 for :math:`x < 0`.

    The value at 0 is 1 (``np.heaviside(x, 1.0)``), the convention of the
    McCulloch–Pitts neuron and the perceptron (fire when the input reaches the
    threshold); ``-0.0`` is 0 and gives 1 as well.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        0.0 or 1.0 in the dtype of ``x`` (float64 for integer input); NaN for NaN.

    Examples
    --------
    >>> import activations as act
    >>> act.binary_step([-2.0, -0.0, 0.0, 3.0])
    array([0., 1., 1., 1.])
    """
    return _step(x >= 0, x)


@elementwise
def binary_step_grad(x):
    """0 everywhere, including at the jump (no useful gradient); NaN for NaN."""
    return _keep_nan(np.zeros_like(x), x)


register(
    Spec(
        name="binary_step",
        title="Binary step (Heaviside)",
        family="classical",
        summary="Outputs 1 when the input is at least 0 and 0 otherwise: the threshold "
        "unit of the first artificial neurons.",
        fn=binary_step,
        grad=binary_step_grad,
        expr=sp.Piecewise((0, X < 0), (1, True)),
        display=cases((1, X >= 0), (0, True)),
        display_derivative=sp.Integer(0),
        derivation=(
            Step(
                cases((sp.Derivative(0, X), X < 0), (sp.Derivative(1, X), True)),
                "differentiate each piece",
            ),
            Step(sp.Integer(0), "both pieces are constant"),
        ),
        kinks=(
            Kink(
                0.0,
                0.0,
                "f jumps from 0 to 1 at 0 and has no derivative there (a Dirac delta in the "
                "sense of distributions); the catalog returns 0. PyTorch's "
                "`torch.heaviside` has no derivative at all: autograd raises an error (in "
                "the release named in its tab).",
                frameworks={"JAX": 0.0},
            ),
        ),
        properties=Properties(
            range=(0.0, 1.0, True, True),
            range_latex=r"\{0, 1\}",
            monotonic="non-decreasing",
            smoothness="discontinuous",
            saturation="both",
            cost="comparison",
        ),
        strengths=(
            "A true binary decision: the output is exactly 0 or 1.",
            "Trivially cheap; natural for hardware and spiking/threshold logic.",
        ),
        weaknesses=(
            "Gradient zero everywhere (undefined at 0): it cannot be trained by "
            "backpropagation, which needs a non-zero derivative.",
            "Discontinuous: tiny input changes can flip the output.",
        ),
        typical_use="The perceptron learning rule and teaching; binarised networks use it forward "
        "with a surrogate (straight-through) gradient backward (Courbariaux et al., 2016).",
        year=1943,
        paper=Paper(
            "W. S. McCulloch, W. Pitts",
            "A logical calculus of the ideas immanent in nervous activity",
            "Bulletin of Mathematical Biophysics 5",
            1943,
            "https://doi.org/10.1007/BF02478259",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.heaviside",
                note="The output at 0 (`values`) is a required argument: pass "
                "torch.tensor(1.0) to match.",
            ),
            Framework("Keras 3", "—", note="`keras.ops.cast(x >= 0, x.dtype)`."),
            Framework("tf.keras 2", "—", note="`tf.cast(x >= 0, x.dtype)`."),
            Framework(
                "JAX",
                "jax.numpy.heaviside",
                note="The output at 0 is a required argument: `jnp.heaviside(x, 1.0)`.",
            ),
        ),
        aliases=("heaviside", "step", "unit_step"),
        naive=Naive(
            fn="np.where(x >= 0, 1, 0)",
            grad="np.zeros_like(x)",
            why="Right values, but an integer array, and NaN becomes 0. The catalog "
            "returns the input's float dtype and keeps NaN.",
        ),
        notes="The value at 0 is a convention: `np.heaviside(x, h0)` makes it explicit, and "
        "this catalog takes h0 = 1 (x ≥ 0 fires), so f(−0.0) = f(0.0) = 1. The step is "
        "computed as the comparison `x >= 0` cast to float, with NaN put back.",
        see_also=(
            ("sigmoid", "the smooth step that replaced it"),
            ("hard_sigmoid", "a piecewise-linear step"),
            ("threshold", "a step with a linear part"),
        ),
    )
)


# --------------------------------------------------------------------------- gaussian


@elementwise
def gaussian(x):
    r"""Gaussian, :math:`e^{-x^2}`.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in (0, 1], same dtype as ``x``; 0 at ±∞.

    Examples
    --------
    >>> import activations as act
    >>> act.gaussian([-1.0, 0.0, 2.0])
    array([0.36787944, 1.        , 0.01831564])
    """
    y = np.square(x)
    y = np.negative(y)
    return np.exp(y)


@elementwise
def gaussian_grad(x):
    r"""−2x e^{−x²}; 0 at ±∞ (where the textbook product is ∞·0 = NaN)."""
    big = np.finfo(x.dtype).max
    xc = np.clip(x, -big, big)
    e = np.exp(-np.square(xc))  # 0 once x² overflows, so e·x is ±0, never ∞·0
    g = e * xc
    g *= -2.0
    return g


register(
    Spec(
        name="gaussian",
        title="Gaussian",
        family="classical",
        summary="The bell curve exp(−x²): a radial-basis unit that responds only to inputs near 0.",
        fn=gaussian,
        grad=gaussian_grad,
        expr=sp.exp(-(X**2)),
        display=sp.exp(-(X**2)),
        display_derivative=mul(-2, X, sp.exp(-(X**2))),
        derivation=(
            Step(sp.Derivative(sp.exp(-(X**2)), X), "exponential of −x²"),
            Step(
                sp.Mul(sp.exp(-(X**2)), sp.Derivative(-(X**2), X), evaluate=False),
                "chain rule",
            ),
            Step(-2 * X * sp.exp(-(X**2)), "d/dx (−x²) = −2x"),
        ),
        properties=Properties(
            range=(0.0, 1.0, False, True),
            range_latex=r"(0, 1]",
            monotonic="no",
            smoothness="Cinf",
            saturation="both",
            cost="one transcendental",
        ),
        strengths=(
            "Local response: a unit reacts only to inputs near its centre, like the "
            "radial-basis units of Moody & Darken (1989).",
            "Smooth and bounded.",
        ),
        weaknesses=(
            "Vanishing gradient away from 0 on both sides (exp(−x²) decays faster than any "
            "sigmoid's tail).",
            "Not monotonic: a hidden layer of Gaussians maps distant inputs to the same output.",
            "No framework ships it.",
        ),
        typical_use="Radial-basis-function networks; Gaussian kernels and similarity functions.",
        year=1989,
        paper=Paper(
            "J. Moody, C. J. Darken",
            "Fast Learning in Networks of Locally-Tuned Processing Units",
            "Neural Computation 1(2)",
            1989,
            "https://doi.org/10.1162/neco.1989.1.2.281",
        ),
        frameworks=(
            Framework("PyTorch", "—", note="no built-in; `torch.exp(-x**2)`"),
            Framework("Keras 3", "—", note="no built-in; `keras.ops.exp(-keras.ops.square(x))`"),
            Framework("tf.keras 2", "—", note="no built-in; `tf.exp(-tf.square(x))`"),
            Framework("JAX", "—", note="no built-in; `jnp.exp(-x**2)`"),
        ),
        aliases=("gauss", "rbf"),
        naive=Naive(
            fn="np.exp(-x**2)",
            grad="-2 * x * np.exp(-x**2)",
            why="Accurate for every finite input; only ±∞ gives `inf · 0 = nan` in the "
            "derivative. (The relative error of exp(−x²) grows like 2x² ULP for large x, "
            "but that is the condition number of the function itself: rounding x by half "
            "an ULP changes exp(−x²) that much.)",
        ),
        notes="x² is rounded once, which costs up to ~x² ULP of the result for large |x| — "
        "exactly the function's own sensitivity (κ = 2x²), so it is within the accuracy "
        "rule. The derivative clips ±∞ to the largest finite number, where exp(−x²) is "
        "already 0, so the product is ∓0 instead of NaN.",
        first_use_known=False,
        see_also=(
            ("sinusoid", "another non-monotonic unit for special architectures"),
            ("softmax", "exponentials of scores, normalised"),
        ),
    )
)


# --------------------------------------------------------------------------- sinusoid


@elementwise
def sinusoid(x):
    r"""Sine, :math:`\sin x`.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in [−1, 1], same dtype as ``x``; NaN at ±∞ (sin has no limit there);
        ``-0.0`` for ``-0.0``.

    Examples
    --------
    >>> import numpy as np
    >>> import activations as act
    >>> act.sinusoid([0.0, np.pi / 2, np.pi / 6])
    array([0. , 1. , 0.5])
    """
    return np.sin(x)


@elementwise
def sinusoid_grad(x):
    """cos x; NaN at ±∞."""
    return np.cos(x)


register(
    Spec(
        name="sinusoid",
        title="Sinusoid (sine)",
        family="classical",
        summary="sin x: a periodic activation, the basis of SIREN implicit neural representations.",
        fn=sinusoid,
        grad=sinusoid_grad,
        expr=sp.sin(X),
        display=sp.sin(X),
        display_derivative=sp.cos(X),
        derivation=(
            Step(sp.Derivative(sp.sin(X), X), "differentiate"),
            Step(sp.cos(X), "sin′ = cos"),
        ),
        properties=Properties(
            range=(-1.0, 1.0, True, True),
            range_latex=r"[-1, 1]",
            monotonic="no",
            smoothness="Cinf",
            saturation="none",
            cost="one transcendental",
        ),
        strengths=(
            "Represents fine detail and high frequencies in coordinate networks, where "
            "Sitzmann et al. found ReLU networks biased towards smooth functions (SIREN).",
            "Every derivative is again a sinusoid, so derivatives of the fitted signal are "
            "well behaved (SIREN fits them for PDE-constrained problems).",
            "No dead units: cos x is 0 only at isolated points.",
        ),
        weaknesses=(
            "Not monotonic and periodic: many inputs map to the same output, and training "
            "needs careful initialisation (SIREN's scaled uniform init, ω₀ = 30).",
        ),
        typical_use=(
            "Implicit neural representations (SIREN: images, audio, signed distance fields)."
        ),
        year=2020,
        paper=Paper(
            "V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein",
            "Implicit Neural Representations with Periodic Activation Functions",
            "NeurIPS",
            2020,
            "https://arxiv.org/abs/2006.09661",
        ),
        frameworks=(
            Framework("PyTorch", "torch.sin", note="a math function, not an nn activation"),
            Framework("Keras 3", "keras.ops.sin", note="not in keras.activations"),
            Framework("tf.keras 2", "tf.math.sin", note="not in tf.keras.activations"),
            Framework("JAX", "jax.numpy.sin", note="not in jax.nn"),
        ),
        aliases=("sin", "sine"),
        naive=Naive(
            fn="np.sin(x)",
            grad="np.cos(x)",
            why="The textbook form is the catalog's: `np.sin` reduces large arguments correctly.",
        ),
        notes="SIREN uses sin(ω₀ x) with ω₀ = 30 in the first layer; scale the input to "
        "get it. For huge |x| the value is correct for the floating-point input but "
        "meaningless as a feature (one ULP of x spans many periods). At ±∞ there is no "
        "limit and the result is NaN.",
        first_use_known=False,
        see_also=(("gaussian", "another non-monotonic unit for coordinate networks"),),
    )
)


# --------------------------------------------------------------------------- exponential


@elementwise
def exponential(x):
    r"""Exponential, :math:`e^{x}`.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        Values in (0, ∞), same dtype as ``x``; ``inf`` once e^x overflows (x > 709.78
        in float64, 88.72 in float32), without a warning.

    Examples
    --------
    >>> import activations as act
    >>> act.exponential([-1.0, 0.0, 1.0])
    array([0.36787944, 1.        , 2.71828183])
    """
    return np.exp(x)


@elementwise
def exponential_grad(x):
    """e^x again."""
    return np.exp(x)


register(
    Spec(
        name="exponential",
        title="Exponential",
        family="classical",
        summary="eˣ: maps any real number to a positive one; the output activation for "
        "rates and scales.",
        fn=exponential,
        grad=exponential_grad,
        expr=sp.exp(X),
        display=sp.exp(X),
        display_derivative=sp.exp(X),
        derivation=(
            Step(sp.Derivative(sp.exp(X), X), "differentiate"),
            Step(sp.exp(X), r"$e^x$ is its own derivative"),
        ),
        properties=Properties(
            range=(0.0, _INF, False, False),
            range_latex=r"(0, \infty)",
            monotonic="increasing",
            smoothness="Cinf",
            saturation="left",
            cost="one transcendental",
        ),
        strengths=(
            "Strictly positive output: the natural link for Poisson rates, variances and "
            "scale parameters (the inverse of the log link).",
            "Smooth, monotonic, and its own derivative.",
        ),
        weaknesses=(
            "Explodes: overflows past x ≈ 709.78 (float64) or 88.72 (float32), and large "
            "outputs give large gradients.",
            "Vanishing gradient for very negative inputs.",
            "Unsuitable for hidden layers.",
        ),
        typical_use="Output layer for positive quantities (Poisson regression, predicted "
        "standard deviations); inside softmax and attention.",
        year=1972,
        paper=Paper(
            "J. A. Nelder, R. W. M. Wedderburn",
            "Generalized Linear Models",
            "Journal of the Royal Statistical Society A 135(3)",
            1972,
            "https://doi.org/10.2307/2344614",
        ),
        frameworks=(
            Framework("PyTorch", "torch.exp", note="a math function, not an nn activation"),
            Framework("Keras 3", "keras.activations.exponential"),
            Framework("tf.keras 2", "tf.keras.activations.exponential"),
            Framework("JAX", "jax.numpy.exp", note="not in jax.nn"),
        ),
        aliases=("exp",),
        naive=Naive(
            fn="np.exp(x)",
            grad="np.exp(x)",
            why="The textbook form is the catalog's (accurate to about an ULP); NumPy "
            "warns on overflow, the catalog returns `inf` silently because overflow is the "
            "true result.",
        ),
        notes="Generalised linear models made the exponential the inverse of the log link for "
        "positive responses (Poisson log-linear models); the paper cited introduced that "
        "framework.",
        first_use_known=False,
        see_also=(
            ("softplus", "a positive output that grows linearly"),
            ("softmax", "exponentials normalised over a row"),
        ),
    )
)
