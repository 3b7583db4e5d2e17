"""The implementations the benchmark compares, by label: this library (``catalog``),
the textbook formula kept in each spec (``textbook``), and where they provide the
function SciPy, PyTorch (CPU) and JAX (CPU, float64 enabled).

PyTorch and JAX are optional peers: :func:`import_peers` leaves out the one that is
not importable.  Their derivatives come from their own autograd (the backward pass
each framework really runs).
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

import activations as act

from .textbook import textbook_function

IMPLS = ("catalog", "textbook", "scipy", "pytorch", "jax")
"""Every implementation label, in the order the tables show them."""

Impl = Callable[[np.ndarray], Any]

# --------------------------------------------------------------------------- peers
# Catalog name -> the peer's function, called as f(x, p) with ``p`` the catalog's
# parameter values (the catalog follows PyTorch's names and defaults).  Only the
# functions a library actually provides are listed; a formula assembled from other
# functions would measure that formula, not the library.


def _scipy_table() -> dict[str, Callable[..., Any]]:
    from scipy import special

    return {
        "sigmoid": lambda x, p: special.expit(x),
        "log_sigmoid": lambda x, p: special.log_expit(x),
        "gelu": lambda x, p: x * special.ndtr(x),
        "silu": lambda x, p: x * special.expit(x),
        "softmax": lambda x, p: special.softmax(x, axis=-1),
        "log_softmax": lambda x, p: special.log_softmax(x, axis=-1),
        "softmin": lambda x, p: special.softmax(-x, axis=-1),
    }


def _torch_table(torch: Any) -> dict[str, Callable[..., Any]]:
    F = torch.nn.functional
    return {
        "sigmoid": lambda x, p: torch.sigmoid(x),
        "tanh": lambda x, p: torch.tanh(x),
        "hard_sigmoid": lambda x, p: F.hardsigmoid(x),
        "hard_tanh": lambda x, p: F.hardtanh(x, p.get("min_val", -1.0), p.get("max_val", 1.0)),
        "softsign": lambda x, p: F.softsign(x),
        "relu": lambda x, p: F.relu(x),
        "relu6": lambda x, p: F.relu6(x),
        "leaky_relu": lambda x, p: F.leaky_relu(x, p.get("negative_slope", 0.01)),
        "prelu": lambda x, p: F.prelu(
            x, torch.tensor([float(p.get("weight", 0.25))], dtype=x.dtype)
        ),
        "rrelu": lambda x, p: F.rrelu(
            x, p.get("lower", 1.0 / 8), p.get("upper", 1.0 / 3), training=False
        ),
        "elu": lambda x, p: F.elu(x, p.get("alpha", 1.0)),
        "celu": lambda x, p: F.celu(x, p.get("alpha", 1.0)),
        "selu": lambda x, p: F.selu(x),
        "gelu": lambda x, p: F.gelu(x, approximate=p.get("approximate", "none")),
        "silu": lambda x, p: F.silu(x),
        "hard_swish": lambda x, p: F.hardswish(x),
        "mish": lambda x, p: F.mish(x),
        "softplus": lambda x, p: F.softplus(x, beta=p.get("beta", 1.0)),
        "log_sigmoid": lambda x, p: F.logsigmoid(x),
        "hardshrink": lambda x, p: F.hardshrink(x, p.get("lambd", 0.5)),
        "softshrink": lambda x, p: F.softshrink(x, p.get("lambd", 0.5)),
        "tanhshrink": lambda x, p: F.tanhshrink(x),
        "threshold": lambda x, p: F.threshold(x, p["threshold"], p["value"]),
        "sinusoid": lambda x, p: torch.sin(x),
        "exponential": lambda x, p: torch.exp(x),
        "softmax": lambda x, p: F.softmax(x, dim=-1),
        "log_softmax": lambda x, p: F.log_softmax(x, dim=-1),
        "softmin": lambda x, p: F.softmin(x, dim=-1),
        "glu": lambda x, p: F.glu(x, dim=-1),
    }


def _jax_table(jax: Any) -> dict[str, Callable[..., Any]]:
    nn, jnp = jax.nn, jax.numpy

    def softplus(x, p):
        beta = p.get("beta", 1.0)
        return nn.softplus(x) if beta == 1 else nn.softplus(beta * x) / beta

    return {
        "identity": lambda x, p: nn.identity(x),
        "sigmoid": lambda x, p: nn.sigmoid(x),
        "tanh": lambda x, p: jnp.tanh(x),
        "hard_sigmoid": lambda x, p: nn.hard_sigmoid(x),
        "hard_tanh": lambda x, p: nn.hard_tanh(x),
        "softsign": lambda x, p: nn.soft_sign(x),
        "relu": lambda x, p: nn.relu(x),
        "relu6": lambda x, p: nn.relu6(x),
        "leaky_relu": lambda x, p: nn.leaky_relu(x, p.get("negative_slope", 0.01)),
        "elu": lambda x, p: nn.elu(x, p.get("alpha", 1.0)),
        "celu": lambda x, p: nn.celu(x, p.get("alpha", 1.0)),
        "selu": lambda x, p: nn.selu(x),
        "gelu": lambda x, p: nn.gelu(x, approximate=p.get("approximate", "none") == "tanh"),
        "silu": lambda x, p: nn.silu(x),
        "hard_swish": lambda x, p: nn.hard_swish(x),
        "mish": lambda x, p: nn.mish(x),
        "softplus": softplus,
        "log_sigmoid": lambda x, p: nn.log_sigmoid(x),
        "squareplus": lambda x, p: nn.squareplus(x, p.get("b", 4.0)),
        "sparse_plus": lambda x, p: nn.sparse_plus(x),
        "sparse_sigmoid": lambda x, p: nn.sparse_sigmoid(x),
        "sinusoid": lambda x, p: jnp.sin(x),
        "exponential": lambda x, p: jnp.exp(x),
        "softmax": lambda x, p: nn.softmax(x, axis=-1),
        "log_softmax": lambda x, p: nn.log_softmax(x, axis=-1),
        "softmin": lambda x, p: nn.softmax(-x, axis=-1),
        "glu": lambda x, p: nn.glu(x, axis=-1),
    }


def import_torch() -> Any:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # already set in this process
        pass
    return torch


def import_jax() -> Any:
    try:
        import jax
    except ImportError:
        return None
    jax.config.update("jax_enable_x64", True)
    jax.config.update("jax_platforms", "cpu")
    return jax


# ----------------------------------------------------------------- implementations


def _numpy_params(spec: act.Spec) -> dict[str, Any]:
    return dict(spec.params)


def _textbook(spec: act.Spec, quantity: str) -> Impl | None:
    try:
        func = textbook_function(spec, quantity)
    except (SyntaxError, ValueError) as exc:
        print(f"{spec.name} {quantity} textbook: cannot use the formula ({exc})", file=sys.stderr)
        return None
    return None if func is None else (lambda x: func(x))


def _catalog(spec: act.Spec, quantity: str) -> Impl | None:
    func = spec.fn if quantity == "f" else spec.grad
    if func is None:
        return None
    params = _numpy_params(spec)
    return lambda x: func(x, **params)


def _scipy(spec: act.Spec, quantity: str) -> Impl | None:
    fn = _scipy_table().get(spec.name)
    if fn is None or quantity != "f":
        return None
    params = _numpy_params(spec)

    def run(x: np.ndarray) -> Any:
        with np.errstate(all="ignore"):
            return fn(x, params)

    return run


def _torch(torch: Any, spec: act.Spec, quantity: str) -> Impl | None:
    fn = _torch_table(torch).get(spec.name) if torch is not None else None
    if fn is None:
        return None
    params = _numpy_params(spec)
    if quantity == "f":
        return lambda x: fn(torch.from_numpy(x), params).numpy()

    def grad(x: np.ndarray) -> Any:
        xt = torch.from_numpy(x).requires_grad_(True)
        y = fn(xt, params)
        y.backward(torch.ones_like(y))
        return xt.grad.numpy()

    return grad


def _jax(jax: Any, spec: act.Spec, quantity: str) -> Impl | None:
    fn = _jax_table(jax).get(spec.name) if jax is not None else None
    if fn is None:
        return None
    params = _numpy_params(spec)
    f = jax.jit(lambda x: fn(x, params))
    if quantity == "f":
        compiled = f
    else:
        compiled = jax.jit(jax.grad(lambda x: jax.numpy.sum(fn(x, params))))

    def run(x: np.ndarray) -> Any:
        return np.asarray(compiled(jax.numpy.asarray(x)).block_until_ready())

    run.device = lambda x: jax.device_put(x)  # type: ignore[attr-defined]
    run.raw = lambda xd: compiled(xd).block_until_ready()  # type: ignore[attr-defined]
    return run


def implementations(spec: act.Spec, quantity: str, peers: dict[str, Any]) -> dict[str, Impl]:
    """The implementations of ``spec``'s ``quantity`` to compare, by impl label."""
    found = {
        "catalog": _catalog(spec, quantity),
        "textbook": _textbook(spec, quantity),
        "scipy": _scipy(spec, quantity),
        "pytorch": _torch(peers.get("torch"), spec, quantity),
        "jax": _jax(peers.get("jax"), spec, quantity),
    }
    return {k: v for k, v in found.items() if v is not None}


def evaluate(impl: Impl, x: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``impl`` on ``x``, warnings silenced, as an array of ``shape`` in ``x``'s dtype."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            y = np.asarray(impl(x))
            if y.shape != shape:
                y = np.broadcast_to(y, shape)
            return np.asarray(y, dtype=x.dtype)  # what a caller stores: the input's dtype


def import_peers(enabled: bool = True) -> dict[str, Any]:
    """The optional peers that are importable (``{"torch": module or None, "jax": …}``)."""
    return {"torch": import_torch(), "jax": import_jax()} if enabled else {}


def out_shape(spec: act.Spec, impl: Impl, x: np.ndarray) -> tuple[int, ...]:
    """Elementwise: the input's shape; rows: one output row per input row (GLUs halve it)."""
    if spec.elementwise:
        return x.shape
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            width = np.shape(np.asarray(impl(x[:1])))[-1]
    return (x.shape[0], width)
