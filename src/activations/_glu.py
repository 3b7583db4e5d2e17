"""Gated linear units and maxout: split the input along an axis and combine the parts.

GLU and its variants split ``x`` into halves ``a`` (first) and ``b`` (second) along
``axis`` and return ``a · h(b)`` for a gate ``h`` (σ, ReLU, GELU, SiLU), the order of
``torch.nn.GLU``, ``jax.nn.glu`` and ``keras.activations.glu``.  Maxout takes the
maximum over consecutive groups of ``pieces`` entries.

The product ``a · h(b)`` is computed in the input's precision (float16 in float32).
Two rare cases are handled apart, found with one vectorised mask:

* where the gate value or the product is below the smallest normal number (or
  the product overflows), ``a · h(b)`` is recomputed from the exact mantissas and
  exponents of ``a`` and ``b`` and SciPy's ``log_expit``/``log_ndtr`` of the gate
  (see :func:`_scaled_product`), so a huge ``a`` times a subnormal gate keeps its
  digits;
* infinities give the limits: ``a = ±inf`` with a finite ``b`` gives ``±inf`` times
  the sign of ``h(b)`` (0 where ``h(b)`` is exactly 0), ``a = 0`` gives 0 for every
  ``b``, and ``a = ±inf`` with ``h(b) → 0`` (``b = −inf``) has no limit (NaN).
"""

from __future__ import annotations

import functools
import inspect
import numbers
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import sympy as sp
from scipy import special

from ._array import _finish, as_real_array, check_axis
from ._gated import _gelu_prime, _gelu_tanh_prime, _ndtr
from ._spec import (
    Core,
    Framework,
    Naive,
    Paper,
    Param,
    Properties,
    Spec,
    Step,
    Term,
    Variant,
    register,
)
from ._symbolic import (
    GELU,
    ROW,
    Phi,
    SiLU,
    add,
    cases,
    frac,
    hadamard,
    max_,
    max_over,
    mul,
    phi,
)
from ._symbolic import sigmoid as _sym_sigmoid

__all__ = ["geglu", "glu", "maxout", "reglu", "swiglu"]

_SQRT_2_OVER_PI = float(np.sqrt(2.0 / np.pi))
_GELU_CUBIC = 0.044715
_LN2 = float(np.log(2.0))


# --------------------------------------------------------------------------- gates


@dataclass(frozen=True)
class _Gate:
    """A gate h(b) = b^p · g(b) (p = 0 or 1) with what the careful paths need.

    ``h`` and ``dh`` are accurate for finite ``b``; ``log_g`` is log g(b) (None if
    the plain product is always exact, as for ReLU) and ``times_b`` says whether
    h carries the factor b; ``sign`` is the sign of h(b) for finite b (0 where
    h(b) is exactly 0); ``at_inf`` are h(+inf) and h′(+inf) (h(−inf) = h′(−inf) = 0
    for every gate here).
    """

    h: Callable[[np.ndarray], np.ndarray]
    dh: Callable[[np.ndarray], np.ndarray]
    log_g: Callable[[np.ndarray], np.ndarray] | None
    times_b: bool
    sign: Callable[[np.ndarray], np.ndarray]
    at_inf: tuple[float, float]


def _sig(b):
    return 1.0 / (1.0 + np.exp(-b))


def _dsig(b):
    e = np.exp(-np.abs(b))
    return e / np.square(1.0 + e)


def _tanh_u2(b):
    """2u for the tanh GELU: 0.5(1 + tanh u) = σ(2u), u = √(2/π)(b + 0.044715 b³)."""
    return 2.0 * _SQRT_2_OVER_PI * (b + _GELU_CUBIC * b**3)


_GATES: dict[str, _Gate] = {
    "sigmoid": _Gate(_sig, _dsig, special.log_expit, False, lambda b: np.ones_like(b), (1.0, 0.0)),
    "relu": _Gate(
        lambda b: np.maximum(b, 0.0) + 0.0,
        lambda b: np.heaviside(b, 0.0),
        None,
        True,
        lambda b: (b > 0).astype(b.dtype),
        (np.inf, 1.0),
    ),
    "silu": _Gate(
        lambda b: b * _sig(b),
        lambda b: _sig(b) * (1.0 + b * _sig(-b)),
        special.log_expit,
        True,
        np.sign,
        (np.inf, 1.0),
    ),
    "gelu": _Gate(
        lambda b: b * _ndtr(b),
        _gelu_prime,
        special.log_ndtr,
        True,
        np.sign,
        (np.inf, 1.0),
    ),
    "gelu_tanh": _Gate(
        lambda b: b * _sig(_tanh_u2(b)),
        _gelu_tanh_prime,
        lambda b: special.log_expit(_tanh_u2(b)),
        True,
        np.sign,
        (np.inf, 1.0),
    ),
}


def _gate_values(gate: _Gate, b: np.ndarray, deriv: bool) -> np.ndarray:
    """h(b) (or h′(b)) with the limits at b = ±inf."""
    v = gate.dh(b) if deriv else gate.h(b)
    inf = np.isinf(b)
    if inf.any():
        v = np.where(inf, np.where(b > 0, gate.at_inf[int(deriv)], 0.0), v)
    return v


def _scaled_product(a: np.ndarray, b: np.ndarray, gate: _Gate) -> np.ndarray:
    """a · b^p · g(b) for finite a, b, without intermediate underflow or overflow.

    a and b are split exactly into mantissa and exponent (``frexp``); g(b) enters
    as log g(b) = q ln 2 + r.  Only r (|r| < ln 2) is exponentiated and the
    exponents are added as integers, so the one inexact step is log g itself,
    whose error is what the condition number of g allows.
    """
    ma, ea = np.frexp(a)
    if gate.times_b:
        mb, eb = np.frexp(b)
        ma, ea = ma * mb, ea + eb
    log_g = gate.log_g(b)
    q = np.floor(np.clip(log_g, -8000.0, 0.0) / _LN2)
    r = log_g - q * _LN2
    return np.ldexp(ma * np.exp(r), ea + q.astype(np.int64))


def _product(a: np.ndarray, b: np.ndarray, h: np.ndarray, gate: _Gate) -> np.ndarray:
    """a · h(b) with an accurate tail and the limits at infinity (see the module notes)."""
    y = a * h
    rare = ~np.isfinite(y)
    if gate.log_g is not None:  # a subnormal or underflowed gate value (ReLU's are exact)
        rare |= np.abs(h) < np.finfo(h.dtype).tiny
    if not rare.any():
        return y
    a_r, b_r, h_r = a[rare], b[rare], h[rare]
    y_r = a_r * h_r
    fin_b = np.isfinite(b_r)
    sgn = gate.sign(np.where(fin_b, b_r, 1.0))  # sign of h for finite b
    if gate.log_g is not None:
        careful = fin_b & np.isfinite(a_r) & (a_r != 0) & (sgn != 0)
        if careful.any():  # in float64 whatever the input (few elements)
            y_r[careful] = _scaled_product(
                a_r[careful].astype(np.float64), b_r[careful].astype(np.float64), gate
            )
    # a = ±inf, b finite: ±inf · sign(h(b)), or 0 where h(b) is exactly 0.
    inf_a = np.isinf(a_r) & fin_b
    y_r = np.where(inf_a, np.where(sgn == 0, 0.0, a_r * sgn), y_r)
    # a = 0: 0 for every b (0 · inf has the limit 0 along a = 0).
    y_r = np.where((a_r == 0) & ~np.isnan(b_r), a_r * 0.0, y_r)
    y[rare] = y_r
    return y


def _fast_glu(a: np.ndarray, b: np.ndarray) -> np.ndarray | None:
    """a / (1 + e^{−b}) when nothing is rare: all finite and σ(b) normal everywhere.

    σ(b) is below the smallest normal number exactly where b < log(tiny), so one
    reduction over b decides; otherwise ``None`` (use :func:`_product`).
    """
    if b.size and not b.min() >= np.log(np.finfo(b.dtype).tiny):  # also catches NaN
        return None
    t = np.exp(-b)
    t += 1.0
    y = np.divide(a, t, out=t)
    return y if np.isfinite(y).all() else None


# --------------------------------------------------------------------------- wrappers


def _halves(fname: str, arr: np.ndarray, axis: Any) -> tuple[np.ndarray, np.ndarray, int]:
    if arr.ndim == 0:
        raise ValueError(f"{fname}: needs at least one axis to split, got a 0-d input")
    ax = check_axis(fname, axis, arr.ndim)
    n = arr.shape[ax]
    if n % 2:
        raise ValueError(
            f"{fname}: axis {axis} has odd size {n}; it must split into two equal halves a, b"
        )
    work = np.moveaxis(arr, ax, -1)
    return work[..., : n // 2], work[..., n // 2 :], ax


def _approx_gate(fname: str, approximate: Any) -> str:
    if not isinstance(approximate, str):
        raise TypeError(
            f"{fname}: approximate must be 'none' or 'tanh', got {type(approximate).__name__}"
        )
    if approximate not in ("none", "tanh"):
        raise ValueError(f"{fname}: approximate must be 'none' or 'tanh', got {approximate!r}")
    return "gelu" if approximate == "none" else "gelu_tanh"


def _gated_unit(gate_name: str | None):
    """Build ``f(x, axis=-1)`` (and, for GEGLU, ``approximate``) for one gate."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        fname = func.__name__

        @functools.wraps(func)
        def wrapper(x, axis=-1, **kwargs):
            arr, out = as_real_array(x, fname)
            gname = gate_name or _approx_gate(fname, kwargs.pop("approximate", "none"))
            if kwargs:
                raise TypeError(f"{fname}: unexpected argument {next(iter(kwargs))!r}")
            a, b, ax = _halves(fname, arr, axis)
            gate = _GATES[gname]
            with np.errstate(all="ignore"):
                y = _fast_glu(a, b) if gname == "sigmoid" else None
                if y is None:
                    y = _product(a, b, _gate_values(gate, b, False), gate)
                return _finish(np.moveaxis(y, -1, ax), out, False)

        return wrapper

    return decorate


def _gated_vjp(gate_name: str | None, fname: str) -> Callable[..., Any]:
    def vjp(x, g, axis=-1, **kwargs):
        arr, out = as_real_array(x, fname)
        garr, _ = as_real_array(g, fname)
        gname = gate_name or _approx_gate(fname, kwargs.pop("approximate", "none"))
        if kwargs:
            raise TypeError(f"{fname}: unexpected argument {next(iter(kwargs))!r}")
        a, b, ax = _halves(fname, arr, axis)
        gw = np.moveaxis(garr, ax, -1).astype(a.dtype, copy=False)
        if gw.shape != a.shape:
            raise ValueError(
                f"{fname}: g must have the output's shape "
                f"{np.moveaxis(a, -1, ax).shape}, got {garr.shape}"
            )
        gate = _GATES[gname]
        with np.errstate(all="ignore"):
            da = _product(gw, b, _gate_values(gate, b, False), gate)
            db = (gw * a) * _gate_values(gate, b, True)
            v = np.concatenate([da, db], axis=-1)
            return _finish(np.moveaxis(v, -1, ax), out, False)

    vjp.__name__ = vjp.__qualname__ = fname
    params = [
        inspect.Parameter("x", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("g", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("axis", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=-1),
    ]
    if gate_name is None:
        params.append(
            inspect.Parameter("approximate", inspect.Parameter.KEYWORD_ONLY, default="none")
        )
    vjp.__signature__ = inspect.Signature(params)  # what help() and IDEs show
    return vjp


_VJP_DOC = """Vector-Jacobian product of :func:`{f}`: the gradient of ``sum(g * {f}(x))``.

    The Jacobian is block diagonal, so the result is ``[g · h(b), g · a · h′(b)]``
    along ``axis`` (h = {gate}), computed without forming it.

    Parameters
    ----------
    x : array_like
        The forward input (even size along ``axis``).
    g : array_like
        The incoming gradient, with the output's shape (``x``'s with ``axis`` halved).
    axis : int, optional
        Default ``-1``.{extra}

    Returns
    -------
    ndarray
        Same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.get("{f}").vjp([1.0, 2.0, 0.5, -1.0], [1.0, 1.0])
    {out}
    """


def _documented_vjp(gate: str | None, f: str, gate_text: str, out: str) -> Callable[..., Any]:
    vjp = _gated_vjp(gate, f"{f}_vjp")
    extra = (
        '\n    approximate : {"none", "tanh"}, optional\n        GELU form, as in :func:`geglu`.'
        if gate is None
        else ""
    )
    vjp.__doc__ = _VJP_DOC.format(f=f, gate=gate_text, extra=extra, out=out)
    return vjp


glu_vjp = _documented_vjp(
    "sigmoid", "glu", "σ", "array([0.62245933, 0.26894142, 0.23500371, 0.39322387])"
)
reglu_vjp = _documented_vjp("relu", "reglu", "ReLU", "array([0.5, 0. , 1. , 0. ])")
geglu_vjp = _documented_vjp(
    None, "geglu", "GELU", "array([ 0.34573123, -0.15865525,  0.86749512, -0.16663094])"
)
swiglu_vjp = _documented_vjp(
    "silu", "swiglu", "SiLU", "array([ 0.31122967, -0.26894142,  0.73996119,  0.14465898])"
)


# --------------------------------------------------------------------------- functions


@_gated_unit("sigmoid")
def glu(x, axis=-1):
    r"""Gated linear unit (Dauphin et al., 2017): :math:`a \cdot \sigma(b)`.

    ``x`` is split along ``axis`` into its first half ``a`` and second half ``b``
    (``torch.nn.GLU``'s order: the *second* half is the gate).

    Parameters
    ----------
    x : array_like
        Real input; its size along ``axis`` must be even.
    axis : int, optional
        The axis to split; default ``-1``.

    Returns
    -------
    ndarray
        ``a * sigmoid(b)``: ``x``'s shape with ``axis`` halved, same dtype as ``x``.

    Raises
    ------
    TypeError
        For complex, string or object input.
    ValueError
        If the size of ``axis`` is odd (or the input is 0-d).
    numpy.exceptions.AxisError
        If ``axis`` is out of range.

    Examples
    --------
    >>> import activations as act
    >>> act.glu([1.0, 2.0, 0.0, 100.0])
    array([0.5, 2. ])
    >>> act.glu([[1.0], [0.0]], axis=0)
    array([[0.5]])
    >>> float(act.glu([1e300, -730.0])[0])  # 1e300·σ(−730); 1e300 * expit(-730) gives 0.0
    9.22631356912241e-18
    """


@_gated_unit("relu")
def reglu(x, axis=-1):
    r"""ReGLU (Shazeer, 2020): :math:`a \cdot \max(0, b)`, halves ``a``, ``b`` along ``axis``.

    Parameters
    ----------
    x : array_like
        Real input; its size along ``axis`` must be even.
    axis : int, optional
        The axis to split; default ``-1``.

    Returns
    -------
    ndarray
        ``a * relu(b)``, ``axis`` halved, same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.reglu([3.0, 3.0, -1.0, 2.0])
    array([-0.,  6.])
    """


@_gated_unit(None)
def geglu(x, axis=-1, approximate="none"):
    r"""GEGLU (Shazeer, 2020): :math:`a \cdot \operatorname{GELU}(b) = a\, b\, \Phi(b)`.

    Parameters
    ----------
    x : array_like
        Real input; its size along ``axis`` must be even.
    axis : int, optional
        The axis to split; default ``-1``.
    approximate : {"none", "tanh"}, optional
        GELU form, as in ``gelu``: exact :math:`b\Phi(b)` (default) or the tanh
        approximation :math:`\tfrac{b}{2}(1 + \tanh(\sqrt{2/\pi}(b + 0.044715 b^3)))`,
        computed as :math:`b\,\sigma(2u)` so it does not cancel for b ≪ 0.

    Returns
    -------
    ndarray
        ``a * gelu(b)``, ``axis`` halved, same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.geglu([2.0, 1.0])
    array([1.68268949])
    >>> act.geglu([2.0, 1.0], approximate="tanh")
    array([1.68238398])
    """


@_gated_unit("silu")
def swiglu(x, axis=-1):
    r"""SwiGLU (Shazeer, 2020): :math:`a \cdot \operatorname{SiLU}(b) = a\, b\, \sigma(b)`.

    Parameters
    ----------
    x : array_like
        Real input; its size along ``axis`` must be even.
    axis : int, optional
        The axis to split; default ``-1``.

    Returns
    -------
    ndarray
        ``a * silu(b)``, ``axis`` halved, same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.swiglu([2.0, 1.0])
    array([1.46211716])
    """


def _pieces(fname: str, pieces: Any) -> int:
    if isinstance(pieces, bool) or not isinstance(pieces, numbers.Integral):
        raise TypeError(f"{fname}: pieces must be a positive integer, got {pieces!r}")
    if pieces < 1:
        raise ValueError(f"{fname}: pieces must be a positive integer, got {pieces!r}")
    return int(pieces)


def _groups(fname: str, arr: np.ndarray, axis: Any, pieces: Any):
    k = _pieces(fname, pieces)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    ax = check_axis(fname, axis, arr.ndim)
    n = arr.shape[ax]
    if n % k:
        raise ValueError(f"{fname}: axis {axis} has size {n}, not a multiple of pieces={k}")
    work = np.moveaxis(arr, ax, -1)
    return work.reshape((*work.shape[:-1], n // k, k)), ax, k


def maxout(x, pieces=2, axis=-1):
    r"""Maxout (Goodfellow et al., 2013): the maximum over groups of ``pieces`` entries.

    Along ``axis``, entries ``[0:k]``, ``[k:2k]``, … (``k = pieces``) form the
    groups; each group gives one output, so ``axis`` shrinks by a factor ``k``.
    NaN in a group gives NaN.

    Parameters
    ----------
    x : array_like
        Real input; its size along ``axis`` must be a multiple of ``pieces``.
    pieces : int, optional
        Entries per group, default 2 (TensorFlow Addons' ``Maxout`` takes the number
        of groups, ``num_units``, instead).
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray
        Group maxima, same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.maxout([1.0, -2.0, 0.5, 3.0])
    array([1., 3.])
    >>> act.maxout([1.0, -2.0, 0.5, 3.0], pieces=4)
    array([3.])
    """
    arr, out = as_real_array(x, "maxout")
    grouped, ax, _ = _groups("maxout", arr, axis, pieces)
    # One np.maximum per piece (k is small): much faster than a reduction over a
    # length-k axis, and NaN propagates the same way.
    y = grouped[..., 0]
    for j in range(1, grouped.shape[-1]):
        y = np.maximum(y, grouped[..., j])
    return _finish(np.moveaxis(y, -1, ax), out, False)


def maxout_vjp(x, g, axis=-1, pieces=2):
    """Vector-Jacobian product of :func:`maxout`: ``g`` goes to the first maximum of each group.

    Parameters
    ----------
    x : array_like
        The forward input.
    g : array_like
        The incoming gradient, with the output's shape.
    axis : int, optional
        Default ``-1``.
    pieces : int, optional
        Entries per group, default 2.

    Returns
    -------
    ndarray
        Same shape and dtype as ``x``; each group's gradient sits at its first
        maximum, zeros elsewhere (on ties like ``torch.max(dim)``, whose index is the
        first maximum; ``torch.amax`` splits the gradient evenly instead).

    Examples
    --------
    >>> import activations as act
    >>> act.get("maxout").vjp([1.0, -2.0, 0.5, 3.0], [10.0, 20.0])
    array([10.,  0.,  0., 20.])
    """
    arr, out = as_real_array(x, "maxout_vjp")
    garr, _ = as_real_array(g, "maxout_vjp")
    grouped, ax, k = _groups("maxout_vjp", arr, axis, pieces)
    gw = np.moveaxis(garr, ax, -1) if garr.ndim else garr.reshape(1)
    if gw.shape != grouped.shape[:-1]:
        raise ValueError(
            f"maxout_vjp: g must have the output's shape, got {garr.shape} for input {arr.shape}"
        )
    v = np.zeros(grouped.shape, dtype=np.result_type(gw.dtype, grouped.dtype))
    if grouped.size:
        idx = np.argmax(grouped, axis=-1)[..., None]
        np.put_along_axis(v, idx, gw[..., None], axis=-1)
    v = v.reshape((*grouped.shape[:-2], grouped.shape[-2] * k))
    return _finish(np.moveaxis(v, -1, ax), out, False)


# --------------------------------------------------------------------------- specs

A, B = sp.symbols("a b", real=True)


def _relu_sym(t):
    return sp.Piecewise((t, t > 0), (0, True))


_TANH_GELU = B * (1 + sp.tanh(sp.sqrt(2 / sp.pi) * (B + sp.Rational(44715, 1000000) * B**3))) / 2
_TANH_GELU_DISPLAY = mul(  # 0.044715 to 60 digits: the Rational above, printed as a decimal
    frac(B, 2),
    add(1, sp.tanh(mul(sp.sqrt(frac(2, sp.pi)), add(B, mul(sp.Float("0.044715", 60), B**3))))),
)
_HALVES = (
    Term(A, "the first half of the input row along `axis`"),
    Term(
        B,
        "the second half of the input row along `axis`, the one the activation gates "
        "(Shazeer and many fused kernels put the activation on the first half: check the "
        "order before loading someone else's weights)",
    ),
)
_HALVES_LHS = (
    "f(a, b)",
    r"\left(\frac{\partial f}{\partial a}, \frac{\partial f}{\partial b}\right)",
)


def _grad_steps(expr: sp.Expr, final: sp.Expr, note: str) -> tuple[Step, ...]:
    return (
        Step(
            sp.ImmutableMatrix([[sp.Derivative(expr, A), sp.Derivative(expr, B)]]),
            "the gradient with respect to the two halves (a, b); each output fᵢ depends "
            "only on aᵢ and bᵢ, so the Jacobian of the whole layer is two diagonal blocks "
            "side by side, [diag(∂f/∂a) diag(∂f/∂b)]",
        ),
        Step(final, note),
    )


_DAUPHIN = Paper(
    "Y. N. Dauphin, A. Fan, M. Auli, D. Grangier",
    "Language Modeling with Gated Convolutional Networks",
    "ICML",
    2017,
    "https://arxiv.org/abs/1612.08083",
)
_SHAZEER = Paper(
    "N. Shazeer",
    "GLU Variants Improve Transformer",
    "arXiv:2002.05202",
    2020,
    "https://arxiv.org/abs/2002.05202",
    "Table 1",
)

_ORDER_NOTE = (
    "Shazeer (2020) writes the feed-forward block as (act(xW) ⊗ xV)W₂: the activation "
    "is on the *first* projection. When both projections are fused into one matrix and "
    "split, which half is gated is a convention; this catalog gates the second half, "
    "like torch.nn.GLU. Check the order before loading someone else's weights."
)


def _composed(torch_expr: str, keras_expr: str, jax_expr: str) -> tuple[Framework, ...]:
    return (
        Framework("PyTorch", "—", note=f"Compose it: `{torch_expr}`"),
        Framework("Keras 3", "—", note=f"Compose it: `{keras_expr}`"),
        Framework("tf.keras 2", "—", note="Compose it: split with `tf.split` and multiply."),
        Framework("JAX", "—", note=f"Compose it: `{jax_expr}`"),
    )


_GATED_PROPS = Properties(
    range=(float("-inf"), float("inf"), False, False),
    range_latex=r"(-\infty, \infty)",
    monotonic="no",
    smoothness="Cinf",
    saturation="none",
    self_gated=False,
    cost="one transcendental",
)

_GLU_EXPR = A * _sym_sigmoid(B)
register(
    Spec(
        name="glu",
        title="GLU (gated linear unit)",
        family="glu",
        summary="Splits the input into halves a and b and returns a·σ(b): a linear path "
        "with a learned sigmoid gate.",
        fn=glu,
        vjp=glu_vjp,
        elementwise=False,
        expr=_GLU_EXPR,
        display=hadamard(A, _sym_sigmoid(B)),
        display_derivative=sp.Tuple(
            _sym_sigmoid(B), mul(A, _sym_sigmoid(B), add(1, -_sym_sigmoid(B)))
        ),
        display_lhs=_HALVES_LHS,
        terms=_HALVES,
        derivation=_grad_steps(
            _GLU_EXPR,
            sp.ImmutableMatrix(
                [[_sym_sigmoid(B), sp.Mul(A, _sym_sigmoid(B), 1 - _sym_sigmoid(B), evaluate=False)]]
            ),
            "f is linear in a; σ′ = σ(1 − σ) for b",
        ),
        properties=replace(_GATED_PROPS, saturation="both"),
        strengths=(
            "The linear path: ∂f/∂a = σ(b), so no downscaling where the gate is open "
            "(σ(b) ≈ 1) (Dauphin et al., §3), while σ(b) learns which features to pass.",
            "Dauphin et al. found it ahead of the tanh·σ gating (GTU) of van den Oord et al. "
            "in their convolutional language models.",
        ),
        weaknesses=(
            "Halves the width: the layer before it must produce twice the features "
            "(more parameters per output unit).",
            "Unbounded in a, and the sigmoid gate saturates for large |b|.",
        ),
        typical_use="Gated convolutional networks (language models; the convolution module of "
        "the Conformer, Gulati et al., 2020); the ancestor of the SwiGLU/GEGLU "
        "transformer blocks.",
        year=2016,
        paper=Paper(
            "Y. N. Dauphin, A. Fan, M. Auli, D. Grangier",
            "Language Modeling with Gated Convolutional Networks",
            "ICML 2017 (arXiv:1612.08083)",
            2016,
            "https://arxiv.org/abs/1612.08083",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.glu / torch.nn.GLU",
                defaults={"axis": -1},
                param_names={"axis": "dim"},
                note="First half × σ(second half).",
            ),
            Framework("Keras 3", "keras.activations.glu / keras.ops.glu", defaults={"axis": -1}),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "jax.nn.glu", defaults={"axis": -1}),
        ),
        naive=Naive(
            fn="(lambda a, b: a / (1 + np.exp(-b)))(*np.split(x, 2, axis=-1))",
            why="`a / (1 + np.exp(-b))` is fine for moderate values; for b ≲ −708 "
            "the gate is subnormal or 0 and a large `a` times it loses its digits (or "
            "gives `inf * 0 = nan`); the catalog multiplies in log space there.",
        ),
        notes="Halves: `a = x[:n/2]`, `b = x[n/2:]` along `axis`; an odd size raises "
        "`ValueError`. " + _ORDER_NOTE,
        see_also=(
            ("swiglu", "SiLU as the gate"),
            ("geglu", "GELU as the gate"),
            ("reglu", "ReLU as the gate"),
            ("sigmoid", "the gate"),
        ),
    )
)

_REGLU_EXPR = A * _relu_sym(B)
register(
    Spec(
        name="reglu",
        title="ReGLU",
        family="glu",
        summary="GLU with a ReLU gate: a·max(0, b).",
        fn=reglu,
        vjp=reglu_vjp,
        elementwise=False,
        expr=_REGLU_EXPR,
        display=hadamard(A, max_(0, B)),
        display_derivative=sp.Tuple(max_(0, B), cases((A, B > 0), (0, True))),
        display_lhs=_HALVES_LHS,
        terms=_HALVES,
        derivation=_grad_steps(
            _REGLU_EXPR,
            sp.ImmutableMatrix([[_relu_sym(B), sp.Piecewise((A, B > 0), (0, True))]]),
            "f is linear in a; ReLU′(b) = 1 for b > 0 and 0 otherwise (0 at the kink)",
        ),
        properties=replace(_GATED_PROPS, smoothness="C0", saturation="left", cost="arithmetic"),
        strengths=(
            "The cheapest GLU variant (no transcendental); in Shazeer's comparison it beat "
            "the ReLU feed-forward block.",
        ),
        weaknesses=(
            "Gate is exactly 0 for b ≤ 0: units can die as with ReLU.",
            "Only C⁰ in b.",
        ),
        typical_use="Transformer feed-forward blocks (the variants compared by Shazeer, 2020).",
        year=2020,
        paper=_SHAZEER,
        frameworks=_composed(
            "a, b = x.chunk(2, dim=-1); a * F.relu(b)",
            "a, b = keras.ops.split(x, 2, axis=-1); a * keras.activations.relu(b)",
            "a, b = jnp.split(x, 2, axis=-1); a * jax.nn.relu(b)",
        ),
        naive=Naive(
            fn="(lambda a, b: a * np.maximum(b, 0))(*np.split(x, 2, axis=-1))",
            why="Exact up to the one rounding of the product; the catalog adds the limits "
            "(`inf * relu(-1)` is 0, not NaN).",
        ),
        notes=_ORDER_NOTE,
        see_also=(
            ("relu", "the gate"),
            ("glu", "the sigmoid-gated original"),
        ),
    )
)

_GEGLU_EXPR = A * B * Phi(B)
register(
    Spec(
        name="geglu",
        title="GEGLU",
        family="glu",
        summary="GLU with a GELU gate: a·GELU(b) = a·b·Φ(b).",
        fn=geglu,
        vjp=geglu_vjp,
        elementwise=False,
        expr=_GEGLU_EXPR,
        display=hadamard(A, GELU(B)),
        display_derivative=sp.Tuple(GELU(B), mul(A, add(Phi(B), mul(B, phi(B))))),
        display_lhs=_HALVES_LHS,
        terms=_HALVES,
        parameters=(
            Param(
                "approximate",
                "none",
                'GELU form: "none" (exact, bΦ(b)) or "tanh" (the tanh approximation)',
            ),
        ),
        variants=(
            Variant(
                "tanh", {"approximate": "tanh"}, A * _TANH_GELU, hadamard(A, _TANH_GELU_DISPLAY)
            ),
        ),
        derivation=_grad_steps(
            _GEGLU_EXPR,
            sp.ImmutableMatrix(
                [
                    [
                        B * Phi(B),
                        sp.Mul(
                            A,
                            Phi(B) + B * sp.exp(-(B**2) / 2) / sp.sqrt(2 * sp.pi),
                            evaluate=False,
                        ),
                    ]
                ]
            ),
            "f is linear in a; GELU′(b) = Φ(b) + bφ(b)",
        ),
        core=Core(
            "transformer feed-forward blocks (T5 v1.1, with the tanh GELU)",
            "a fixed parameter budget at the same hidden width (three matrices: 1.5× the "
            "parameters)",
        ),
        properties=replace(_GATED_PROPS, saturation="left"),
        strengths=(
            "Among the best feed-forward variants in Shazeer's comparison (the lowest "
            "perplexity together with SwiGLU; Shazeer, Table 1).",
            "A smooth gate that lets small negative values through.",
        ),
        weaknesses=(
            "Two projections instead of one: to keep the parameter count, Shazeer cuts the "
            "hidden width to 2/3 (Shazeer, §2).",
            "Costs an erf (or a tanh) per unit.",
        ),
        typical_use="Transformer feed-forward blocks (T5 v1.1's checkpoints use it, with the "
        'tanh form of GELU: `approximate="tanh"`).',
        year=2020,
        paper=_SHAZEER,
        frameworks=_composed(
            "a, b = x.chunk(2, dim=-1); a * F.gelu(b)  (approximate='none' default)",
            "a, b = keras.ops.split(x, 2, axis=-1); a * keras.activations.gelu(b)  "
            "(approximate=False default; keras.ops.gelu defaults to True, the tanh form)",
            "a, b = jnp.split(x, 2, axis=-1); a * jax.nn.gelu(b)  "
            "(approximate=True default: the tanh form)",
        ),
        naive=Naive(
            fn="(lambda a, b: a * 0.5 * b * (1 + (scipy.special.erf(b / np.sqrt(2)) "
            "if approximate == 'none' else np.tanh(np.sqrt(2 / np.pi) * (b + 0.044715 * b**3)))))"
            "(*np.split(x, 2, axis=-1))",
            why="`a * 0.5 * b * (1 + erf(b / sqrt(2)))` cancels for b ≲ −5 (the GELU "
            "tail becomes 0 or noise); the catalog uses `b * ndtr(b)`, and for the tanh "
            "form `b * σ(2u)` instead of `0.5 b (1 + tanh u)`.",
        ),
        notes=_ORDER_NOTE,
        see_also=(
            ("gelu", "the gate"),
            ("swiglu", "the SiLU-gated variant"),
            ("glu", "the sigmoid-gated original"),
        ),
    )
)

_SWIGLU_EXPR = A * B * _sym_sigmoid(B)
register(
    Spec(
        name="swiglu",
        title="SwiGLU",
        family="glu",
        summary="GLU with a SiLU (swish) gate: a·b·σ(b). The feed-forward block of PaLM and LLaMA.",
        fn=swiglu,
        vjp=swiglu_vjp,
        elementwise=False,
        expr=_SWIGLU_EXPR,
        display=hadamard(A, SiLU(B)),
        display_derivative=sp.Tuple(
            SiLU(B), mul(A, _sym_sigmoid(B), add(1, mul(B, add(1, -_sym_sigmoid(B)))))
        ),
        display_lhs=_HALVES_LHS,
        terms=_HALVES,
        derivation=_grad_steps(
            _SWIGLU_EXPR,
            sp.ImmutableMatrix(
                [
                    [
                        B * _sym_sigmoid(B),
                        sp.Mul(
                            A,
                            _sym_sigmoid(B),
                            1 + B * (1 - _sym_sigmoid(B)),
                            evaluate=False,
                        ),
                    ]
                ]
            ),
            "f is linear in a; SiLU′(b) = σ(b)(1 + b(1 − σ(b)))",
        ),
        core=Core(
            "transformer feed-forward blocks (PaLM, LLaMA)",
            "a fixed parameter budget at the same hidden width (three matrices: 1.5× the "
            "parameters)",
        ),
        properties=replace(_GATED_PROPS, saturation="left"),
        strengths=(
            "Among the best feed-forward variants in Shazeer's comparison (Shazeer, Table 1); "
            "adopted by PaLM (Chowdhery et al., 2022, §2) and LLaMA (Touvron et al., 2023, "
            "§2.2).",
            "Smooth, non-monotonic gate; one exponential.",
        ),
        weaknesses=(
            "Two projections (three weight matrices per block with the output one); Shazeer "
            "scales the hidden width by 2/3 to keep the parameter count (Shazeer, §2).",
            'Why it works is not explained (Shazeer: "we offer no explanation").',
        ),
        typical_use="Feed-forward blocks of large language models (PaLM, LLaMA).",
        year=2020,
        paper=_SHAZEER,
        frameworks=_composed(
            "a, b = x.chunk(2, dim=-1); a * F.silu(b)",
            "a, b = keras.ops.split(x, 2, axis=-1); a * keras.activations.silu(b)",
            "a, b = jnp.split(x, 2, axis=-1); a * jax.nn.silu(b)",
        ),
        naive=Naive(
            fn="(lambda a, b: a * b / (1 + np.exp(-b)))(*np.split(x, 2, axis=-1))",
            why="`a * b / (1 + np.exp(-b))` is accurate for moderate values but gives "
            "`inf * 0 = nan` or a digit-less subnormal product for huge |a| and b ≲ −708; "
            "the catalog multiplies in log space there.",
        ),
        notes=_ORDER_NOTE,
        see_also=(
            ("silu", "the gate"),
            ("geglu", "the GELU-gated variant"),
            ("glu", "the sigmoid-gated original"),
        ),
    )
)


class _GroupMax(sp.Function):
    """max over the k pieces of group i (printing only)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        i, k = (printer._print(a) for a in self.args)
        return rf"\max_{{1 \le j \le {k}}} z_{{{i} j}}"


_GI, _PK = sp.Symbol("i", integer=True, positive=True), sp.Symbol("k", integer=True, positive=True)
_GJ = sp.Symbol("j", integer=True, positive=True)
_GJ_MAX = sp.Symbol("j^*", integer=True, positive=True)
_GZ = sp.IndexedBase("z", real=True)
_PIECES = sp.Symbol("pieces", real=True, positive=True)  # the symbol of the parameter below

register(
    Spec(
        name="maxout",
        title="Maxout",
        family="glu",
        summary="The maximum over groups of k inputs: a learned piecewise-linear convex "
        "activation.",
        fn=maxout,
        vjp=maxout_vjp,
        elementwise=False,
        expr=_GroupMax(_GI, _PK),
        display=max_over(_GZ[_GI, _GJ], _GJ, _PIECES),
        display_derivative=cases((1, sp.Eq(_GJ, _GJ_MAX)), (0, True)),
        display_lhs=("f(x)_{i}", r"\frac{\partial f_{i}}{\partial z_{ij}}"),
        terms=(
            Term(_GI, "the index of an output entry, one per group of k consecutive inputs"),
            Term(_GJ, "the position of an input in its group, from 1 to k"),
            Term(
                _GZ,
                "the j-th input of group i (groups are consecutive blocks along `axis`)",
                sp.Eq(_GZ[_GI, _GJ], ROW[add(mul(add(_GI, -1), _PIECES), _GJ)], evaluate=False),
            ),
            Term(_GJ_MAX, "the first position at which the maximum of group i is attained"),
        ),
        parameters=(
            Param(
                "pieces",
                2,
                "entries per group (k); the axis must be a multiple of it",
                latex="k",
                examples=(2, 3, 4),
                positive=True,
            ),
        ),
        derivation=(
            Step(
                cases(
                    (1, sp.Symbol(r"j = \arg\max_{j'} z_{ij'}")),
                    (0, True),
                ),
                r"$\partial/\partial z_{ij}$: 1 for the (first) maximum of the group, "
                "0 for the others",
            ),
        ),
        properties=Properties(
            range=(float("-inf"), float("inf"), False, False),
            range_latex=r"(-\infty, \infty)",
            monotonic="non-decreasing",
            smoothness="C0",
            saturation="none",
            cost="comparison",
        ),
        strengths=(
            "Learns its own convex piecewise-linear activation; ReLU and leaky ReLU "
            "are special cases (with a zero or scaled piece).",
            "Never saturates and never dies: the gradient always reaches one piece.",
            "Paired well with dropout in the original paper.",
        ),
        weaknesses=(
            "k times the parameters and compute of the layer before it.",
            "No PyTorch, Keras 3 or JAX built-in.",
        ),
        typical_use="Maxout networks with dropout (Goodfellow et al., 2013); the discriminator of "
        "the original GAN (Goodfellow et al., 2014).",
        year=2013,
        paper=Paper(
            "I. J. Goodfellow, D. Warde-Farley, M. Mirza, A. Courville, Y. Bengio",
            "Maxout Networks",
            "ICML",
            2013,
            "https://arxiv.org/abs/1302.4389",
        ),
        frameworks=(
            Framework("PyTorch", "—", note="`x.unflatten(-1, (-1, k)).amax(-1)`."),
            Framework("Keras 3", "—"),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "—", note="Reshape and `jnp.max`."),
        ),
        naive=Naive(
            fn="np.max(x.reshape(*x.shape[:-1], -1, 2), axis=-1)",
            why="Exact. The catalog adds axis handling and a clear error when the axis is "
            "not a multiple of k.",
        ),
        notes="Groups are consecutive blocks of k entries along `axis` (the layout of "
        "TensorFlow's maxout reshape).",
        see_also=(
            ("relu", "a special case (one piece 0)"),
            ("leaky_relu", "a special case (one piece αx)"),
        ),
    )
)
