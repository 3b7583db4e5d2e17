"""A small, readable NumPy multilayer perceptron built on the catalog.

Every hidden layer computes ``a = f(W a_prev + b)`` where ``f`` is any activation of
the catalog, named as in :func:`activations.get`.  The forward pass calls the spec's
``fn``; the backward pass multiplies by the spec's ``grad`` (elementwise activations)
or calls its ``vjp`` (softmax and other functions of a whole row).  Nothing else is
hidden: weights are plain arrays, the caches are lists, the optimisers are a few lines.

The module exists for the concept pages, which need an MLP whose every step can be
inspected (per-layer gradient norms, activation statistics, dead units), and for the
tests, which check the backward pass against finite differences for every activation.

Conventions
-----------
* A batch is a 2-D array of shape ``(n_samples, n_features)``; a layer with ``W`` of
  shape ``(n_out, n_in)`` computes ``x @ W.T + b``, i.e. ``W x + b`` for each row, so
  formulas read as in textbooks.
* Everything is float64; randomness comes only from :class:`numpy.random.Generator`
  objects created from an explicit seed, so every run with the same seed is identical.
* Learnable activation parameters (PReLU's slope, swish's β) are held fixed at the
  value given; only weights and biases are trained.

Examples
--------
>>> import numpy as np
>>> from activations import nn
>>> x, y = nn.xor()
>>> model = nn.MLP([2, 8, 2], "tanh", seed=0)
>>> history = nn.train(model, x, y, optimizer=nn.Adam(0.05), epochs=200)
>>> print(f"{nn.accuracy(model, x, y):.2f}")
1.00
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.special

from ._spec import get

__all__ = [
    "INITIALISATIONS",
    "LOSSES",
    "MLP",
    "SGD",
    "Activation",
    "Adam",
    "History",
    "accuracy",
    "activation_stats",
    "binary_cross_entropy",
    "circles",
    "dead_unit_fraction",
    "decision_grid",
    "default_init",
    "grad_norms",
    "initialise",
    "mean_squared_error",
    "moons",
    "softmax_cross_entropy",
    "spirals",
    "train",
    "xor",
]


# --------------------------------------------------------------------------------------
# Activations
# --------------------------------------------------------------------------------------


class Activation:
    """A catalog activation with fixed parameters, usable as a layer non-linearity.

    Parameters
    ----------
    name : str or None
        A catalog name or alias (``"relu"``, ``"Leaky ReLU"``, ``"swish"``…).  ``None``
        means no activation at all (the identity), which is how the concept pages build
        purely linear networks.
    **params
        Parameters passed to the spec's ``fn``/``grad``/``vjp`` (e.g.
        ``negative_slope=0.1``).

    Examples
    --------
    >>> import numpy as np
    >>> from activations.nn import Activation
    >>> f = Activation("sigmoid")
    >>> z = np.array([[0.0, 2.0]])
    >>> f(z)
    array([[0.5       , 0.88079708]])
    >>> f.backward(z, np.ones_like(z))  # σ′(z) times the incoming gradient
    array([[0.25      , 0.10499359]])
    """

    def __init__(self, name: str | None, **params: Any) -> None:
        self.params = dict(params)
        if name is None:
            self.spec = None
            self.name = "none"
            return
        self.spec = get(name)
        self.name = self.spec.name
        unknown = set(self.params) - set(self.spec.params)
        if unknown:
            raise TypeError(
                f"Activation: {self.name} has no parameter(s) {sorted(unknown)}; "
                f"its parameters are {sorted(self.spec.params)}"
            )
        if self.spec.elementwise and self.spec.grad is None:
            raise ValueError(f"Activation: {self.name} has no derivative in the catalog")
        if not self.spec.elementwise and self.spec.vjp is None:
            raise ValueError(f"Activation: {self.name} has no vjp in the catalog")

    @property
    def elementwise(self) -> bool:
        return self.spec is None or self.spec.elementwise

    def __call__(self, z: np.ndarray) -> np.ndarray:
        """f(z) with the spec's ``fn``."""
        if self.spec is None:
            return z
        if self.spec.elementwise:
            return self.spec.fn(z, **self.params)
        return self.spec.fn(z, axis=-1, **self.params)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """f′(z) elementwise (elementwise activations only)."""
        if self.spec is None:
            return np.ones_like(z)
        if not self.spec.elementwise:
            raise TypeError(
                f"Activation.derivative: {self.name} is not elementwise; use backward()"
            )
        return self.spec.grad(z, **self.params)

    def backward(self, z: np.ndarray, g: np.ndarray) -> np.ndarray:
        """The gradient with respect to ``z`` given the gradient ``g`` with respect to f(z).

        Elementwise: ``g * f′(z)``.  Otherwise the spec's vector–Jacobian product.
        """
        if self.spec is None:
            return g
        if self.spec.elementwise:
            return g * self.spec.grad(z, **self.params)
        return self.spec.vjp(z, g, axis=-1, **self.params)

    def output_width(self, width: int) -> int:
        """Width of f's output for an input row of ``width`` (GLUs halve it)."""
        if self.elementwise:
            return width
        return int(np.shape(self(np.zeros((1, width))))[-1])

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Activation({self.name!r}{extra})"


# --------------------------------------------------------------------------------------
# Initialisation
# --------------------------------------------------------------------------------------

INITIALISATIONS = (
    "glorot_uniform",
    "glorot_normal",
    "he_normal",
    "he_uniform",
    "lecun_normal",
)


def initialise(kind: str, fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""A weight matrix of shape ``(fan_out, fan_in)`` drawn with a standard scheme.

    | kind             | distribution                                      | Var(w)            |
    |------------------|---------------------------------------------------|-------------------|
    | `glorot_uniform` | $U(-\ell, \ell)$, $\ell = \sqrt{6/(n_i + n_o)}$ | $2/(n_i + n_o)$ |
    | `glorot_normal`  | $N(0, 2/(n_i + n_o))$                             | $2/(n_i + n_o)$   |
    | `he_normal`      | $N(0, 2/n_i)$                                     | $2/n_i$           |
    | `he_uniform`     | $U(-\ell, \ell)$, $\ell = \sqrt{6/n_i}$           | $2/n_i$           |
    | `lecun_normal`   | $N(0, 1/n_i)$                                     | $1/n_i$           |

    ($n_i$ = ``fan_in``, $n_o$ = ``fan_out``.)

    Glorot & Bengio (2010) keep the variance of activations and of gradients roughly
    constant for symmetric activations with slope 1 at 0 (tanh); He et al. (2015)
    double it because ReLU zeroes half its inputs; LeCun normal is the initialisation
    SELU's self-normalisation is derived for (Klambauer et al., 2017).  Normal
    variants are not truncated.

    Examples
    --------
    >>> import numpy as np
    >>> from activations.nn import initialise
    >>> w = initialise("he_normal", 400, 300, np.random.default_rng(0))
    >>> w.shape
    (300, 400)
    >>> print(f"{w.var() * 400:.2f}")  # close to 2
    2.00
    """
    for label, value in (("fan_in", fan_in), ("fan_out", fan_out)):
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 1:
            raise ValueError(f"initialise: {label} must be a positive integer, got {value!r}")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"initialise: rng must be a numpy.random.Generator, got {type(rng).__name__}"
        )
    shape = (int(fan_out), int(fan_in))
    if kind == "glorot_uniform":
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, size=shape)
    if kind == "glorot_normal":
        return rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), size=shape)
    if kind == "he_normal":
        return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=shape)
    if kind == "he_uniform":
        limit = math.sqrt(6.0 / fan_in)
        return rng.uniform(-limit, limit, size=shape)
    if kind == "lecun_normal":
        return rng.normal(0.0, math.sqrt(1.0 / fan_in), size=shape)
    raise ValueError(f"initialise: unknown kind {kind!r}; choose one of {INITIALISATIONS}")


_HE_FAMILIES = {"relu-like", "exponential-linear", "gaussian-gated"}


def default_init(activation: str | None) -> str:
    """The initialisation usually paired with an activation.

    He for rectifiers and their smooth relatives, LeCun normal for SELU, Glorot for
    everything else (sigmoid, tanh, no activation).

    >>> from activations.nn import default_init
    >>> default_init("relu"), default_init("sigmoid"), default_init(None)
    ('he_normal', 'glorot_uniform', 'glorot_uniform')
    """
    if activation is None:
        return "glorot_uniform"
    spec = get(activation)
    if spec.name == "selu":
        return "lecun_normal"
    if spec.family in _HE_FAMILIES:
        return "he_normal"
    return "glorot_uniform"


# --------------------------------------------------------------------------------------
# The network
# --------------------------------------------------------------------------------------


class MLP:
    """A fully connected network: hidden layers ``f(W x + b)``, then a linear output layer.

    Parameters
    ----------
    sizes : sequence of int
        ``[n_inputs, hidden_1, …, hidden_k, n_outputs]``: the widths of the affine maps.
        Hidden widths are the widths *before* the activation; for the gated linear units,
        which halve a row, the next layer's input width is adjusted automatically.
    activation : str, None or sequence
        The hidden activation by catalog name (``None``: none, a purely linear network),
        or one entry per hidden layer.
    activation_params : mapping, optional
        Parameters for the activation(s), e.g. ``{"negative_slope": 0.1}``.
    init : str, optional
        One of :data:`INITIALISATIONS` for every layer; by default each hidden layer uses
        :func:`default_init` of its own activation and the output layer Glorot uniform.
    seed : int or numpy.random.Generator
        Where the initial weights come from.  Biases start at zero.

    Attributes
    ----------
    weights, biases : list of ndarray
        ``weights[i]`` has shape ``(n_out, n_in)``.
    activations : list of Activation
        One per hidden layer.
    cache : list of tuple
        After :meth:`forward`: ``(input, z, output)`` per layer (the output layer's
        ``output`` is ``z``).

    Examples
    --------
    >>> import numpy as np
    >>> from activations.nn import MLP
    >>> model = MLP([2, 4, 3], "relu", seed=1)
    >>> model.forward(np.zeros((5, 2))).shape
    (5, 3)
    >>> [w.shape for w in model.weights]
    [(4, 2), (3, 4)]
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: str | Sequence[str | None] | None = "relu",
        *,
        activation_params: Mapping[str, Any] | None = None,
        init: str | None = None,
        seed: int | np.random.Generator = 0,
    ) -> None:
        sizes = list(sizes)
        if len(sizes) < 2 or any(
            not isinstance(s, numbers.Integral) or isinstance(s, bool) or s < 1 for s in sizes
        ):
            raise ValueError(f"MLP: sizes must be at least two positive integers, got {sizes!r}")
        n_hidden = len(sizes) - 2
        if activation is None or isinstance(activation, str):
            chosen = [activation] * n_hidden
        else:
            chosen = list(activation)
            if len(chosen) != n_hidden:
                raise ValueError(f"MLP: got {len(chosen)} activations for {n_hidden} hidden layers")
        params = dict(activation_params or {})
        self.activations = [Activation(a, **params) for a in chosen]
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        fan_in = int(sizes[0])
        for i, width in enumerate(sizes[1:]):
            if init is not None:
                kind = init
            else:
                kind = default_init(chosen[i]) if i < n_hidden else "glorot_uniform"
            self.weights.append(initialise(kind, fan_in, int(width), rng))
            self.biases.append(np.zeros(int(width)))
            if i < n_hidden:
                fan_in = self.activations[i].output_width(int(width))
        self.cache: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    @property
    def parameters(self) -> list[np.ndarray]:
        """``[W_1, b_1, W_2, b_2, …]`` (the arrays themselves, updated in place)."""
        return [p for pair in zip(self.weights, self.biases, strict=True) for p in pair]

    def forward(self, x: Any) -> np.ndarray:
        """The output-layer values (logits) for a batch, filling :attr:`cache`.

        Raises ``FloatingPointError`` if an output is not finite (weights that have
        diverged, or input too large for them).
        """
        a = np.asarray(x, dtype=np.float64)
        if a.ndim != 2 or a.shape[1] != self.weights[0].shape[1]:
            raise ValueError(
                f"MLP.forward: expected input of shape (n, {self.weights[0].shape[1]}), "
                f"got {a.shape}"
            )
        if not np.all(np.isfinite(a)):
            raise ValueError("MLP.forward: the input contains NaN or infinity")
        self.cache = []
        last = len(self.weights) - 1
        with np.errstate(over="ignore", invalid="ignore"):
            for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
                z = a @ w.T + b
                out = z if i == last else self.activations[i](z)
                self.cache.append((a, z, out))
                a = out
        if not np.all(np.isfinite(a)):
            raise FloatingPointError("MLP.forward: the output contains NaN or infinity")
        return a

    __call__ = forward

    def backward(self, grad_output: np.ndarray) -> list[np.ndarray]:
        """Gradients of the loss for every parameter, in the order of :attr:`parameters`.

        ``grad_output`` is ∂loss/∂logits for the batch of the last :meth:`forward`.  For a
        layer ``z = a W^T + b`` followed by ``f``: ``∂L/∂z = f′(z) ⊙ ∂L/∂f(z)`` (or the
        vjp), ``∂L/∂W = (∂L/∂z)^T a``, ``∂L/∂b = Σ_rows ∂L/∂z``, ``∂L/∂a = ∂L/∂z W``.
        """
        if not self.cache:
            raise RuntimeError("MLP.backward: call forward() first")
        g = np.asarray(grad_output, dtype=np.float64)
        if g.shape != self.cache[-1][1].shape:
            raise ValueError(
                f"MLP.backward: grad_output has shape {g.shape}, expected {self.cache[-1][1].shape}"
            )
        grads: list[np.ndarray] = []
        last = len(self.weights) - 1
        for i in range(last, -1, -1):
            a, z, _ = self.cache[i]
            if i != last:
                g = self.activations[i].backward(z, g)
            grads.append(g.sum(axis=0))
            grads.append(g.T @ a)
            if i:
                g = g @ self.weights[i]
        grads.reverse()
        return grads

    def predict(self, x: Any) -> np.ndarray:
        """Class labels: argmax of the logits, or ``logit > 0`` for a single output."""
        logits = self.forward(x)
        if logits.shape[1] == 1:
            return (logits[:, 0] > 0).astype(np.int64)
        return np.argmax(logits, axis=1)

    def __repr__(self) -> str:
        sizes = [self.weights[0].shape[1], *(w.shape[0] for w in self.weights)]
        acts = sorted({a.name for a in self.activations})
        return f"MLP(sizes={sizes}, activation={acts})"


# --------------------------------------------------------------------------------------
# Losses: each returns (mean loss, gradient with respect to the logits)
# --------------------------------------------------------------------------------------


def _labels(fname: str, labels: Any, n: int, n_classes: int) -> np.ndarray:
    y = np.asarray(labels)
    if y.shape != (n,) or y.dtype.kind not in "iub":
        raise ValueError(f"{fname}: labels must be {n} integers, got shape {y.shape} {y.dtype}")
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        raise ValueError(f"{fname}: labels must lie in [0, {n_classes}), got {y.min()}..{y.max()}")
    return y.astype(np.int64)


def _logits(fname: str, logits: Any) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64)
    if z.ndim != 2 or z.shape[0] == 0:
        raise ValueError(f"{fname}: logits must be a non-empty 2-D array, got shape {z.shape}")
    if not np.all(np.isfinite(z)):
        raise ValueError(f"{fname}: logits contain NaN or infinity")
    return z


def _log_softmax(z: np.ndarray) -> np.ndarray:
    return get("log_softmax").fn(z, axis=-1)


def _log_sigmoid(z: np.ndarray) -> np.ndarray:
    return get("log_sigmoid").fn(z)


def softmax_cross_entropy(logits: Any, labels: Any) -> tuple[float, np.ndarray]:
    r"""Mean cross-entropy of softmax(logits) against integer labels, and its gradient.

    .. math:: L = -\frac{1}{n}\sum_i \log \operatorname{softmax}(z_i)_{y_i},
              \qquad \frac{\partial L}{\partial z_i} = \frac{p_i - e_{y_i}}{n}

    The log-probabilities come from the catalog's ``log_softmax`` (a log-sum-exp, so
    logits of any size are fine); the gradient is the combined form ``p − y``.

    Examples
    --------
    >>> import numpy as np
    >>> from activations.nn import softmax_cross_entropy
    >>> loss, grad = softmax_cross_entropy(np.array([[1000.0, 0.0]]), np.array([1]))
    >>> print(f"{loss:.1f}")  # a naive softmax would give log(0) = -inf here
    1000.0
    >>> grad
    array([[ 1., -1.]])
    """
    z = _logits("softmax_cross_entropy", logits)
    y = _labels("softmax_cross_entropy", labels, z.shape[0], z.shape[1])
    logp = _log_softmax(z)
    n = z.shape[0]
    rows = np.arange(n)
    loss = -float(np.mean(logp[rows, y]))
    grad = np.exp(logp)
    grad[rows, y] -= 1.0
    return loss, grad / n


def binary_cross_entropy(logits: Any, targets: Any) -> tuple[float, np.ndarray]:
    r"""Mean binary cross-entropy of σ(logits) against targets in [0, 1], and its gradient.

    .. math:: L = -\frac{1}{m}\sum \bigl[t \log\sigma(z) + (1-t)\log\sigma(-z)\bigr],
              \qquad \frac{\partial L}{\partial z} = \frac{\sigma(z) - t}{m}

    (``m`` is the number of entries).  ``log σ`` comes from the catalog's
    ``log_sigmoid``, so large logits neither overflow nor return ``log(0)``.

    Examples
    --------
    >>> import numpy as np
    >>> from activations.nn import binary_cross_entropy
    >>> loss, grad = binary_cross_entropy(np.array([[-800.0]]), np.array([[1.0]]))
    >>> print(f"{loss:.1f}")
    800.0
    """
    z = _logits("binary_cross_entropy", logits)
    t = np.asarray(targets, dtype=np.float64)
    if t.ndim == 1 and z.shape == (t.size, 1):
        t = t.reshape(-1, 1)  # labels (n,) for a single output column (n, 1)
    if t.shape != z.shape:
        raise ValueError(
            f"binary_cross_entropy: targets of shape {np.shape(targets)} do not match "
            f"logits of shape {z.shape}"
        )
    if np.any((t < 0) | (t > 1)) or not np.all(np.isfinite(t)):
        raise ValueError("binary_cross_entropy: targets must lie in [0, 1]")
    loss = -float(np.mean(t * _log_sigmoid(z) + (1.0 - t) * _log_sigmoid(-z)))
    grad = (scipy.special.expit(z) - t) / z.size
    return loss, grad


def mean_squared_error(predictions: Any, targets: Any) -> tuple[float, np.ndarray]:
    r"""Mean of the squared errors over all entries, and its gradient ``2(ŷ − y)/m``.

    Examples
    --------
    >>> import numpy as np
    >>> from activations.nn import mean_squared_error
    >>> loss, grad = mean_squared_error(np.array([[1.0], [3.0]]), np.array([[0.0], [1.0]]))
    >>> loss, grad.ravel()
    (2.5, array([1., 2.]))
    """
    p = _logits("mean_squared_error", predictions)
    t = np.asarray(targets, dtype=np.float64)
    if t.shape != p.shape:
        raise ValueError(
            f"mean_squared_error: targets of shape {t.shape} do not match "
            f"predictions of shape {p.shape}"
        )
    diff = p - t
    return float(np.mean(diff**2)), 2.0 * diff / diff.size


LOSSES = {
    "cross_entropy": softmax_cross_entropy,
    "binary_cross_entropy": binary_cross_entropy,
    "mse": mean_squared_error,
}


# --------------------------------------------------------------------------------------
# Optimisers
# --------------------------------------------------------------------------------------


def _positive(fname: str, label: str, value: Any) -> float:
    if not isinstance(value, numbers.Real) or isinstance(value, bool) or not value > 0:
        raise ValueError(f"{fname}: {label} must be a positive number, got {value!r}")
    return float(value)


class SGD:
    """Plain gradient descent, optionally with (heavy-ball) momentum.

    ``v ← μ v + g``, ``θ ← θ − η v`` (the PyTorch convention).

    >>> import numpy as np
    >>> from activations.nn import SGD
    >>> theta = [np.array([1.0])]
    >>> SGD(0.1).step(theta, [np.array([2.0])])
    >>> theta[0]
    array([0.8])
    """

    def __init__(self, lr: float = 0.1, momentum: float = 0.0) -> None:
        self.lr = _positive("SGD", "lr", lr)
        if not isinstance(momentum, numbers.Real) or not 0 <= momentum < 1:
            raise ValueError(f"SGD: momentum must lie in [0, 1), got {momentum!r}")
        self.momentum = float(momentum)
        self._velocity: list[np.ndarray] | None = None

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Update ``params`` in place."""
        if self.momentum == 0:
            for p, g in zip(params, grads, strict=True):
                p -= self.lr * g
            return
        if self._velocity is None:
            self._velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self._velocity, strict=True):
            v *= self.momentum
            v += g
            p -= self.lr * v


class Adam:
    """Adam (Kingma & Ba, 2015) with bias correction.

    >>> import numpy as np
    >>> from activations.nn import Adam
    >>> theta = [np.array([1.0])]
    >>> Adam(0.1).step(theta, [np.array([2.0])])
    >>> theta[0]  # the first step has size lr whatever the gradient's scale
    array([0.9])
    """

    def __init__(
        self, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        self.lr = _positive("Adam", "lr", lr)
        for label, b in (("beta1", beta1), ("beta2", beta2)):
            if not isinstance(b, numbers.Real) or not 0 <= b < 1:
                raise ValueError(f"Adam: {label} must lie in [0, 1), got {b!r}")
        self.beta1, self.beta2 = float(beta1), float(beta2)
        self.eps = _positive("Adam", "eps", eps)
        self._m: list[np.ndarray] | None = None
        self._v: list[np.ndarray] | None = None
        self._t = 0

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Update ``params`` in place."""
        if self._m is None or self._v is None:
            self._m = [np.zeros_like(p) for p in params]
            self._v = [np.zeros_like(p) for p in params]
        self._t += 1
        c1 = 1.0 - self.beta1**self._t
        c2 = 1.0 - self.beta2**self._t
        for p, g, m, v in zip(params, grads, self._m, self._v, strict=True):
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * g * g
            p -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)


# --------------------------------------------------------------------------------------
# Training and diagnostics
# --------------------------------------------------------------------------------------


@dataclass
class History:
    """What :func:`train` records, one entry per epoch.

    ``grad_norms[e, l]`` is the Frobenius norm of layer ``l``'s weight gradient on the
    last batch of epoch ``e``.
    """

    loss: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    grad_norms: list[np.ndarray] = field(default_factory=list)


def _targets_for(loss: str, y: np.ndarray) -> np.ndarray:
    if loss == "binary_cross_entropy" and y.ndim == 1:
        return y.reshape(-1, 1).astype(np.float64)
    return y


def accuracy(model: MLP, x: Any, y: Any) -> float:
    """Fraction of rows whose predicted class (:meth:`MLP.predict`) equals ``y``."""
    y = np.asarray(y).reshape(-1)
    return float(np.mean(model.predict(x) == y))


def train(
    model: MLP,
    x: Any,
    y: Any,
    *,
    loss: str = "cross_entropy",
    optimizer: SGD | Adam | None = None,
    epochs: int = 100,
    batch_size: int | None = None,
    seed: int = 0,
    track_accuracy: bool = True,
) -> History:
    """Train ``model`` in place and return the per-epoch :class:`History`.

    Parameters
    ----------
    loss : {"cross_entropy", "binary_cross_entropy", "mse"}
        Softmax cross-entropy takes integer labels; binary cross-entropy takes 0/1 labels
        (and a model with one output); MSE takes targets of the output's shape.
    optimizer : SGD or Adam, optional
        Default ``Adam(0.01)``.
    batch_size : int, optional
        Full batch by default; otherwise the rows are shuffled each epoch with a
        generator seeded by ``seed``.

    track_accuracy : bool
        Measure the accuracy on the whole of ``x`` after every epoch (classification
        losses only; costs one extra forward pass per epoch).

    The recorded loss is the mean of the batch losses of the epoch (computed before each
    update).
    """
    if loss not in LOSSES:
        raise ValueError(f"train: unknown loss {loss!r}; choose one of {sorted(LOSSES)}")
    if not isinstance(epochs, numbers.Integral) or epochs < 1:
        raise ValueError(f"train: epochs must be a positive integer, got {epochs!r}")
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    if y.shape[0] != x.shape[0]:
        raise ValueError(f"train: x has {x.shape[0]} rows but y has {y.shape[0]}")
    loss_fn = LOSSES[loss]
    targets = _targets_for(loss, y)
    optimizer = optimizer or Adam(0.01)
    n = x.shape[0]
    size = n if batch_size is None else int(batch_size)
    if size < 1:
        raise ValueError(f"train: batch_size must be positive, got {batch_size!r}")
    rng = np.random.default_rng(seed)
    history = History()
    params = model.parameters
    for _ in range(int(epochs)):
        order = np.arange(n) if size >= n else rng.permutation(n)
        losses = []
        for start in range(0, n, size):
            idx = order[start : start + size]
            value, grad = loss_fn(_forward_in_training(model, x[idx], history), targets[idx])
            grads = model.backward(grad)
            optimizer.step(params, grads)
            losses.append(value)
        history.loss.append(float(np.mean(losses)))
        history.grad_norms.append(grad_norms(grads))
        if track_accuracy and loss != "mse":
            _forward_in_training(model, x, history)
            history.accuracy.append(accuracy(model, x, y))
    return history


def _forward_in_training(model: MLP, x: np.ndarray, history: History) -> np.ndarray:
    try:
        return model.forward(x)
    except FloatingPointError as exc:
        raise FloatingPointError(
            f"train: diverged in epoch {len(history.loss) + 1} ({exc}); lower the learning rate"
        ) from None


def grad_norms(grads: Sequence[np.ndarray]) -> np.ndarray:
    """Frobenius norm of each weight gradient (every other entry of ``grads``).

    >>> import numpy as np
    >>> from activations.nn import grad_norms
    >>> grad_norms([np.full((2, 2), 0.5), np.zeros(2), np.ones((1, 2)), np.zeros(1)])
    array([1.        , 1.41421356])
    """
    return np.array([float(np.linalg.norm(g)) for g in grads[0::2]])


def activation_stats(model: MLP, x: Any) -> dict[str, np.ndarray]:
    """Mean and standard deviation of every hidden layer's output over a batch.

    Returns ``{"mean": …, "std": …}``, arrays with one entry per hidden layer (all units
    and rows of the layer pooled).
    """
    model.forward(x)
    hidden = model.cache[:-1]
    return {
        "mean": np.array([float(out.mean()) for _, _, out in hidden]),
        "std": np.array([float(out.std()) for _, _, out in hidden]),
    }


def dead_unit_fraction(model: MLP, x: Any, *, tol: float = 0.0) -> np.ndarray:
    """Per hidden layer, the fraction of units whose derivative is ≤ ``tol`` on every row.

    Such a unit passes no gradient to its weights for any input of ``x``: with
    ``tol=0`` this is the usual definition of a dead ReLU.  Elementwise activations only.

    >>> import numpy as np
    >>> from activations.nn import MLP, dead_unit_fraction
    >>> model = MLP([1, 2, 1], "relu", seed=0)
    >>> model.biases[0][:] = [-10.0, 10.0]  # unit 0 is negative for every input below
    >>> model.weights[0][:] = 1.0
    >>> dead_unit_fraction(model, np.linspace(-1, 1, 5).reshape(-1, 1))
    array([0.5])
    """
    model.forward(x)
    out = []
    for activation, (_, z, _) in zip(model.activations, model.cache[:-1], strict=True):
        slope = np.abs(activation.derivative(z))
        out.append(float(np.mean(np.max(slope, axis=0) <= tol)))
    return np.array(out)


def decision_grid(
    model: MLP, x: Any, *, steps: int = 150, margin: float = 0.5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The model's probability of class 1 on a square grid covering the 2-D points ``x``.

    Returns ``(xx, yy, p)``, each of shape ``(steps, steps)``, ready for
    ``matplotlib.pyplot.contourf(xx, yy, p)``.  ``p`` is softmax(logits)[:, 1] for a
    model with two outputs and σ(logit) for a model with one.

    >>> from activations import nn
    >>> xx, yy, p = nn.decision_grid(nn.MLP([2, 3, 2], "relu"), nn.xor()[0], steps=5)
    >>> xx.shape, bool(((p >= 0) & (p <= 1)).all())
    ((5, 5), True)
    """
    pts = np.asarray(x, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise ValueError(f"decision_grid: x must have shape (n, 2), got {pts.shape}")
    lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], steps), np.linspace(lo[1], hi[1], steps))
    logits = model.forward(np.column_stack([xx.ravel(), yy.ravel()]))
    if logits.shape[1] == 1:
        p = scipy.special.expit(logits[:, 0])
    elif logits.shape[1] == 2:
        p = np.exp(_log_softmax(logits))[:, 1]
    else:
        raise ValueError("decision_grid: the model must have one or two outputs")
    return xx, yy, p.reshape(xx.shape)


# --------------------------------------------------------------------------------------
# Toy datasets (two features, integer labels)
# --------------------------------------------------------------------------------------


def _check_n(fname: str, n: Any, minimum: int = 2) -> int:
    if not isinstance(n, numbers.Integral) or isinstance(n, bool) or n < minimum:
        raise ValueError(f"{fname}: n must be an integer ≥ {minimum}, got {n!r}")
    return int(n)


def _check_noise(fname: str, noise: Any) -> float:
    if not isinstance(noise, numbers.Real) or isinstance(noise, bool) or not noise >= 0:
        raise ValueError(f"{fname}: noise must be a non-negative number, got {noise!r}")
    return float(noise)


def xor(n: int = 4, *, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """XOR: points at the corners (±1, ±1), label 1 where exactly one coordinate is positive.

    ``n`` points cycle through the four corners; ``noise`` adds Gaussian jitter of that
    standard deviation.  ``xor()`` is the four-row truth table.

    >>> from activations.nn import xor
    >>> x, y = xor()
    >>> x.tolist(), y.tolist()
    ([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]], [0, 1, 1, 0])
    """
    n = _check_n("xor", n, 4)
    noise = _check_noise("xor", noise)
    corners = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
    labels = np.array([0, 1, 1, 0])
    idx = np.arange(n) % 4
    x = corners[idx].copy()
    if noise:
        x += np.random.default_rng(seed).normal(0.0, noise, size=x.shape)
    return x, labels[idx]


def moons(n: int = 200, *, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles (the "two moons"), centred on the origin.

    >>> from activations.nn import moons
    >>> x, y = moons(100, seed=0)
    >>> x.shape, int(y.sum())
    ((100, 2), 50)
    """
    n = _check_n("moons", n)
    noise = _check_noise("moons", noise)
    rng = np.random.default_rng(seed)
    n0 = n // 2
    n1 = n - n0
    t0 = np.linspace(0.0, np.pi, n0)
    t1 = np.linspace(0.0, np.pi, n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    x = np.vstack([upper, lower]) - [0.5, 0.25]
    x += rng.normal(0.0, noise, size=x.shape)
    y = np.concatenate([np.zeros(n0, np.int64), np.ones(n1, np.int64)])
    return x, y


def spirals(
    n: int = 200, *, noise: float = 0.05, turns: float = 1.5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spiral arms, each making ``turns`` revolutions, radius up to 1.

    >>> from activations.nn import spirals
    >>> x, y = spirals(100, seed=0)
    >>> x.shape, int(y.sum())
    ((100, 2), 50)
    """
    n = _check_n("spirals", n)
    noise = _check_noise("spirals", noise)
    rng = np.random.default_rng(seed)
    n0 = n // 2
    parts, labels = [], []
    for cls, count in enumerate((n0, n - n0)):
        r = np.linspace(0.1, 1.0, count)
        theta = 2 * np.pi * turns * r + np.pi * cls
        parts.append(np.column_stack([r * np.cos(theta), r * np.sin(theta)]))
        labels.append(np.full(count, cls, np.int64))
    x = np.vstack(parts) + rng.normal(0.0, noise, size=(n, 2))
    return x, np.concatenate(labels)


def circles(
    n: int = 200, *, noise: float = 0.05, factor: float = 0.5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric circles, radii 1 (label 0) and ``factor`` (label 1).

    >>> from activations.nn import circles
    >>> x, y = circles(100, noise=0.0)
    >>> import numpy as np
    >>> print(np.round(np.hypot(*x[y == 1].T).max(), 3))
    0.5
    """
    n = _check_n("circles", n)
    noise = _check_noise("circles", noise)
    if not isinstance(factor, numbers.Real) or not 0 < factor < 1:
        raise ValueError(f"circles: factor must lie in (0, 1), got {factor!r}")
    rng = np.random.default_rng(seed)
    n0 = n // 2
    parts, labels = [], []
    for cls, (count, radius) in enumerate(((n0, 1.0), (n - n0, float(factor)))):
        theta = np.linspace(0.0, 2 * np.pi, count, endpoint=False)
        parts.append(radius * np.column_stack([np.cos(theta), np.sin(theta)]))
        labels.append(np.full(count, cls, np.int64))
    x = np.vstack(parts) + rng.normal(0.0, noise, size=(n, 2))
    return x, np.concatenate(labels)
