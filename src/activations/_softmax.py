"""Softmax family: functions that turn a row of scores into a probability distribution.

Every function here reduces along ``axis`` (default ``-1``, the last axis), so each
output element depends on the whole row.  They share one numerically careful core
(:func:`_shifted`): subtract the row maximum (found with ``argmax``), exponentiate,
and sum the *other* exponentials, ``δ = Σ_{j≠M} e^{x_j − m}``.  Then the row sum is
``1 + δ`` and ``log`` of it is ``log1p(δ)``, which keeps log-softmax accurate even
where one entry carries almost all of the probability (``1 − s_M ≈ δ``).

Limits (documented once here, tested in ``tests/test_softmax.py``):

* a ``−inf`` entry contributes nothing (probability 0, log-probability ``−inf``);
* a row with exactly one ``+inf`` entry (and no NaN) gives the one-hot limit;
* a row with two or more ``+inf`` entries, or with only ``−inf`` entries (and
  length > 1), has no limit (it depends on how the entries grow), so it is NaN —
  as in PyTorch and JAX;
* NaN anywhere in a row makes the whole row NaN.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy as sp

from ._array import _finish, as_real_array, check_axis
from ._spec import (
    IMPLICIT,
    REQUIRED,
    Core,
    Framework,
    Naive,
    Paper,
    Properties,
    Spec,
    Step,
    Term,
    register,
)
from ._symbolic import add, cases, delta, frac, mul, pos, softmax_at

__all__ = ["entmax15", "log_softmax", "softmax", "softmin", "sparsemax"]

# The precision rows are computed in (float16 in float32, like the rest of the catalog).
_WORK = {
    np.dtype(np.float16): np.dtype(np.float32),
    np.dtype(np.float32): np.dtype(np.float32),
    np.dtype(np.float64): np.dtype(np.float64),
}


def _rowwise(func: Callable[..., Any]) -> Callable[..., Any]:
    """The catalog's I/O rules for ``func(x, *, axis)`` (``x`` 1-d or more, axis last).

    Input is validated and converted (``TypeError`` naming the function), ``axis``
    is checked (``numpy.exceptions.AxisError`` naming it), the reduction axis is
    moved last and made contiguous (NumPy's pairwise summation then applies), and
    the dtype is restored.  A 0-d input is a row of length 1 (as in PyTorch).

    ``func`` declares ``axis=-1`` so that its signature (``help``, IDEs, the API
    page) is the public one; it is called with the row axis already last.
    """
    fname = func.__name__

    @functools.wraps(func)
    def wrapper(x, axis=-1):
        arr, out = as_real_array(x, fname)
        scalar = arr.ndim == 0
        if scalar:
            arr = arr.reshape(1)
        ax = check_axis(fname, axis, arr.ndim)
        work = np.ascontiguousarray(np.moveaxis(arr, ax, -1), dtype=_WORK[out])
        with np.errstate(all="ignore"):
            y = func(work) if work.shape[-1] else work.copy()
        y = np.moveaxis(y, -1, ax)
        with np.errstate(over="ignore"):  # float32 overflow to ±inf is the right answer
            return _finish(y.reshape(()) if scalar else y, out, scalar)

    return wrapper


def _rowwise_vjp(func: Callable[..., Any]) -> Callable[..., Any]:
    """Like :func:`_rowwise` for ``func(x, g)``: ``g`` must have the shape of ``f(x)``."""
    fname = func.__name__

    @functools.wraps(func)
    def wrapper(x, g, axis=-1):
        arr, out = as_real_array(x, fname)
        garr, _ = as_real_array(g, fname)
        if garr.shape != arr.shape:
            raise ValueError(
                f"{fname}: g must have the shape of the output {arr.shape}, got {garr.shape}"
            )
        scalar = arr.ndim == 0
        if scalar:
            arr, garr = arr.reshape(1), garr.reshape(1)
        ax = check_axis(fname, axis, arr.ndim)
        # VJPs are computed in float64: cancellation between the terms of a gradient
        # is common, and float32's exp is then not accurate enough for the rule.
        work = np.ascontiguousarray(np.moveaxis(arr, ax, -1), dtype=np.float64)
        gwork = np.ascontiguousarray(np.moveaxis(garr, ax, -1), dtype=np.float64)
        with np.errstate(all="ignore"):
            y = func(work, gwork) if work.shape[-1] else work.copy()
        y = np.moveaxis(y, -1, ax)
        with np.errstate(over="ignore"):  # float32 overflow to ±inf is the right answer
            return _finish(y.reshape(()) if scalar else y, out, scalar)

    return wrapper


def _shifted(x: np.ndarray, keep_d: bool = True):
    """The shared core, along the last axis of a non-empty float array.

    Returns ``(d, e, idx, delta, bad)``: ``d = x − m`` with ``m`` the row maximum
    at index ``idx`` (the first one), ``e = exp(d)`` with ``e[idx] = 0``,
    ``delta = Σ e`` (so the row sum of exponentials is ``1 + delta``, exactly
    representable parts kept apart), and ``bad``, the rows that contain NaN.
    """
    idx = np.argmax(x, axis=-1, keepdims=True)  # NaN counts as the maximum
    m = np.take_along_axis(x, idx, axis=-1)
    d = x - m
    e = np.exp(d) if keep_d else np.exp(d, out=d)  # in place when d is not needed
    np.put_along_axis(e, idx, 0.0, axis=-1)
    delta = np.sum(e, axis=-1, keepdims=True)
    # A row whose maximum is +inf has d = NaN only at other +inf entries, which
    # make delta NaN (no limit); a single +inf leaves delta = 0 (the one-hot limit).
    # An all -inf row of length > 1 has d = NaN everywhere, hence delta = NaN.
    bad = np.isnan(m)
    return d, e, idx, delta, bad


def _softmax_rows(x: np.ndarray) -> np.ndarray:
    _, e, idx, delta, bad = _shifted(x, keep_d=False)
    total = 1.0 + delta
    s = np.divide(e, total, out=e)
    np.put_along_axis(s, idx, np.where(bad, np.nan, 1.0 / total), axis=-1)
    return s


def _softmax_vjp_rows(x: np.ndarray, g: np.ndarray) -> np.ndarray:
    # v_i = s_i (g_i − Σ_j g_j s_j).  At the row maximum M (where s_M may be ≈ 1),
    # g_M − Σ g_j s_j = g_M (1 − s_M) − R with 1 − s_M = δ/(1 + δ) and R = Σ_{j≠M} g_j s_j,
    # so nothing cancels that the data do not cancel themselves.
    _, e, idx, delta, bad = _shifted(x)
    total = 1.0 + delta
    s = e / total  # zero at M
    s_max = np.where(bad, np.nan, 1.0 / total)
    g_max = np.take_along_axis(g, idx, axis=-1)
    rest = np.sum(g * s, axis=-1, keepdims=True)
    v = s * (g - (g_max * s_max + rest))
    np.put_along_axis(v, idx, s_max * (g_max * (delta / total) - rest), axis=-1)
    return v


@_rowwise
def softmax(x, axis=-1):
    r"""Softmax along ``axis``: :math:`s_i = e^{x_i} / \sum_j e^{x_j}`.

    Computed as :math:`e^{x_i - m} / (1 + \delta)` with :math:`m` the row maximum
    and :math:`\delta = \sum_{j \ne M} e^{x_j - m}`, so no exponential overflows and
    at least one term of the sum is exactly 1.  Each element is within a few ULP of
    the exact value (the catalog's rule: 16 + 2Σκ ULP, κ summed over the row).

    Parameters
    ----------
    x : array_like
        Real scores of any shape; each slice along ``axis`` is one row.
    axis : int, optional
        The axis to normalise over; default ``-1`` (the last axis, as in Keras and
        JAX; PyTorch's ``dim`` has no default).

    Returns
    -------
    ndarray or scalar
        Probabilities in [0, 1] summing to 1 along ``axis``; same shape and dtype as
        ``x`` (float64 for integer input).  A 0-d input is a row of length 1.

    Raises
    ------
    TypeError
        For complex, string or object input.
    numpy.exceptions.AxisError
        If ``axis`` is out of range.

    See Also
    --------
    log_softmax : log(softmax(x)) without underflow.
    softmin : softmax(-x).
    sparsemax : a softmax whose output can contain exact zeros.

    Notes
    -----
    A row with one ``+inf`` gives the one-hot limit; two or more ``+inf``, or only
    ``-inf`` (in a row longer than 1), have no limit and give NaN, as in PyTorch.

    Examples
    --------
    >>> import activations as act
    >>> act.softmax([1.0, 2.0, 3.0])
    array([0.09003057, 0.24472847, 0.66524096])
    >>> act.softmax([1000.0, 1000.0])  # the textbook exp(x)/sum(exp(x)) gives nan
    array([0.5, 0.5])
    >>> act.softmax([[1.0, 1.0], [0.0, 2.0]], axis=0)
    array([[0.73105858, 0.26894142],
           [0.26894142, 0.73105858]])
    >>> act.softmax([0.0, float("inf"), -float("inf")])
    array([0., 1., 0.])
    """
    return _softmax_rows(x)


@_rowwise_vjp
def softmax_vjp(x, g, axis=-1):
    r"""Vector-Jacobian product of :func:`softmax`: the gradient of ``sum(g * softmax(x))``.

    :math:`v_i = \sum_j g_j\,\partial s_j/\partial x_i = s_i\,(g_i - \sum_j g_j s_j)`,
    computed in O(n) per row without forming the Jacobian.

    Parameters
    ----------
    x : array_like
        The input of the forward pass.
    g : array_like
        The incoming gradient, same shape as ``x``.
    axis : int, optional
        The softmax axis; default ``-1``.

    Returns
    -------
    ndarray
        ∂ sum(g·softmax(x)) / ∂x, same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.get("softmax").vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.25, -0.25])
    """
    return _softmax_vjp_rows(x, g)


@_rowwise
def log_softmax(x, axis=-1):
    r"""Log-softmax along ``axis``: :math:`x_i - \log \sum_j e^{x_j}`.

    Computed as :math:`(x_i - m) - \operatorname{log1p}(\delta)` with :math:`m` the
    row maximum and :math:`\delta = \sum_{j \ne M} e^{x_j - m}`: the textbook
    ``np.log(softmax(x))`` gives ``-inf`` once a probability underflows, and
    ``x - m - log(sum(exp(x - m)))`` loses every digit of the maximum's
    log-probability when that probability is close to 1.

    Parameters
    ----------
    x : array_like
        Real scores of any shape.
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray or scalar
        Log-probabilities (≤ 0), same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.log_softmax([1.0, 2.0, 3.0])
    array([-2.40760596, -1.40760596, -0.40760596])
    >>> act.log_softmax([0.0, -1000.0])  # np.log(softmax) would say -inf
    array([    0., -1000.])
    >>> float(act.log_softmax([50.0, 0.0])[0])  # −e⁻⁵⁰, not 0.0
    -1.9287498479639178e-22
    """
    d, _, idx, delta, bad = _shifted(x)
    lse = np.log1p(delta)
    y = d - lse
    np.put_along_axis(y, idx, np.where(bad, np.nan, 0.0 - lse), axis=-1)
    return y


@_rowwise_vjp
def log_softmax_vjp(x, g, axis=-1):
    r"""Vector-Jacobian product of :func:`log_softmax`: :math:`v_j = g_j - s_j \sum_i g_i`.

    At the row maximum, :math:`g_M (1 - s_M) - s_M \sum_{i \ne M} g_i` avoids the
    cancellation of the textbook form when :math:`s_M \approx 1`.

    Parameters
    ----------
    x, g : array_like
        The forward input and the incoming gradient (same shape).
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray
        Same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.get("log_softmax").vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.5, -0.5])
    """
    _, e, idx, delta, bad = _shifted(x)
    total = 1.0 + delta
    s = e / total
    s_max = np.where(bad, np.nan, 1.0 / total)
    g_max = np.take_along_axis(g, idx, axis=-1)
    g_rest = g.copy()
    np.put_along_axis(g_rest, idx, 0.0, axis=-1)
    rest = np.sum(g_rest, axis=-1, keepdims=True)  # Σ_{i≠M} g_i, without cancelling g_M
    v = g - s * (g_max + rest)
    np.put_along_axis(v, idx, g_max * (delta / total) - s_max * rest, axis=-1)
    return v


@_rowwise
def softmin(x, axis=-1):
    r"""Softmin along ``axis``: :math:`\operatorname{softmax}(-x)_i = e^{-x_i} / \sum_j e^{-x_j}`.

    The smallest score gets the largest probability (PyTorch ``nn.Softmin``).

    Parameters
    ----------
    x : array_like
        Real scores of any shape.
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray or scalar
        Probabilities summing to 1 along ``axis``, same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.softmin([1.0, 2.0, 3.0])
    array([0.66524096, 0.24472847, 0.09003057])
    """
    return _softmax_rows(-x)


@_rowwise_vjp
def softmin_vjp(x, g, axis=-1):
    r"""Vector-Jacobian product of :func:`softmin`: minus the softmax VJP at ``-x``.

    Parameters
    ----------
    x, g : array_like
        The forward input and the incoming gradient (same shape).
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray
        Same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.get("softmin").vjp([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    return -_softmax_vjp_rows(-x, g)


def _sparsemax_rows(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sparsemax along the last axis and the support size ``k`` per row."""
    n = z.shape[-1]
    m = np.max(z, axis=-1, keepdims=True)
    zs = z - m  # shift invariance: the maximum becomes 0 and τ ∈ [-1, 0)
    srt = -np.sort(-zs, axis=-1)  # descending; NaN rows are NaN anyway
    ks = np.arange(1, n + 1, dtype=z.dtype)
    csum = np.cumsum(srt, axis=-1)
    # The support is the prefix of the sorted row where 1 + k z_(k) > Σ_{j≤k} z_(j).
    k = np.maximum(np.sum(1.0 + ks * srt > csum, axis=-1, keepdims=True), 1)
    # Re-sum the support with pairwise summation (cumsum is sequential).
    ssum = np.sum(np.where(ks <= k, srt, 0.0), axis=-1, keepdims=True)
    tau = (ssum - 1.0) / k
    return _limits(z, np.maximum(zs - tau, 0.0), m), k


@_rowwise
def sparsemax(x, axis=-1):
    r"""Sparsemax (Martins & Astudillo, 2016): the Euclidean projection onto the simplex.

    :math:`\operatorname{sparsemax}(z)_i = \max(z_i - \tau(z), 0)` with the threshold
    :math:`\tau` chosen so the output sums to 1.  Unlike softmax, entries far enough
    below the maximum get *exactly* zero probability.

    Vectorised sort-based algorithm: sort each row in decreasing order, find the
    support size :math:`k(z) = \max\{k : 1 + k z_{(k)} > \sum_{j \le k} z_{(j)}\}`
    with a cumulative sum, then :math:`\tau = (\sum_{j \le k} z_{(j)} - 1)/k`.
    The row maximum is subtracted first (sparsemax is shift invariant) so the
    threshold is computed on numbers in [−1, 0].

    Parameters
    ----------
    x : array_like
        Real scores of any shape.
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray or scalar
        A probability vector along ``axis`` with exact zeros; same shape and dtype
        as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.sparsemax([0.0, 0.5, 3.0])
    array([0., 0., 1.])
    >>> act.sparsemax([1.0, 1.2, 0.1])
    array([0.4, 0.6, 0. ])
    """
    return _sparsemax_rows(x)[0]


@_rowwise_vjp
def sparsemax_vjp(x, g, axis=-1):
    r"""Vector-Jacobian product of :func:`sparsemax`.

    On the support :math:`S` (entries with positive output) the Jacobian is
    :math:`I - \mathbf{1}\mathbf{1}^\top / |S|`, elsewhere 0, so
    :math:`v_i = [i \in S]\,(g_i - \tfrac{1}{|S|}\sum_{j \in S} g_j)`.

    Parameters
    ----------
    x, g : array_like
        The forward input and the incoming gradient (same shape).
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray
        Same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.get("sparsemax").vjp([1.0, 1.2, 0.1], [1.0, 0.0, 5.0])
    array([ 0.5, -0.5,  0. ])
    """
    p, _ = _sparsemax_rows(x)
    support = p > 0
    size = np.sum(support, axis=-1, keepdims=True)
    mean = np.sum(np.where(support, g, 0.0), axis=-1, keepdims=True) / size
    v = np.where(support, g - mean, 0.0)
    return np.where(np.isnan(p), np.nan, v)


def _limits(z: np.ndarray, p: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The limits shared by sparsemax and entmax15 (a 1-row, +inf entries)."""
    if z.shape[-1] == 1:  # a single entry always gets probability 1 (even −inf), NaN stays NaN
        return np.where(np.isnan(z), z, 1.0)
    top = np.isposinf(m)
    if top.any():  # one +inf: one-hot limit; several: no limit
        count = np.sum(np.isposinf(z), axis=-1, keepdims=True)
        hot = np.where(count == 1, np.isposinf(z).astype(z.dtype), np.nan)
        p = np.where(top, hot, p)
    return p


def _entmax15_rows(z: np.ndarray) -> np.ndarray:
    """1.5-entmax along the last axis: returns u with p = u² (u = [z/2 − τ]₊)."""
    n = z.shape[-1]
    half = z * 0.5
    m = np.max(half, axis=-1, keepdims=True)
    xs = half - m
    srt = -np.sort(-xs, axis=-1)
    ks = np.arange(1, n + 1, dtype=z.dtype)
    # Support size from running moments (Peters et al. 2019, exact sort-based algorithm).
    mean = np.cumsum(srt, axis=-1) / ks
    mean_sq = np.cumsum(np.square(srt), axis=-1) / ks
    delta = (1.0 - ks * (mean_sq - np.square(mean))) / ks
    tau_k = mean - np.sqrt(np.maximum(delta, 0.0))
    k = np.maximum(np.sum(tau_k <= srt, axis=-1, keepdims=True), 1)
    # τ again on the support, with a two-pass variance and pairwise sums.
    prefix = ks <= k
    mean_s = np.sum(np.where(prefix, srt, 0.0), axis=-1, keepdims=True) / k
    ss = np.sum(np.where(prefix, np.square(srt - mean_s), 0.0), axis=-1, keepdims=True)
    tau = mean_s - np.sqrt(np.maximum((1.0 - ss) / k, 0.0))
    u = np.maximum(xs - tau, 0.0)
    return _limits(z, u, 2.0 * m)


@_rowwise
def entmax15(x, axis=-1):
    r"""1.5-entmax (Peters, Niculae & Martins, 2019): between softmax and sparsemax.

    :math:`\operatorname{entmax}_{1.5}(z)_i = [z_i/2 - \tau(z)]_+^2`, with τ chosen
    so the output sums to 1.  Like sparsemax it gives exact zeros; like softmax it
    is smooth where it is positive (C¹ overall).

    Exact sort-based algorithm, vectorised over rows: sort, find the support from
    running means and variances, then recompute τ on the support with a two-pass
    variance (the running one cancels).

    Parameters
    ----------
    x : array_like
        Real scores of any shape.
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray or scalar
        A probability vector along ``axis`` with exact zeros; same shape and dtype
        as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.entmax15([0.0, 0.5, 3.0])
    array([0., 0., 1.])
    >>> act.entmax15([1.0, 1.2, 0.1])  # sparsemax gives [0.4, 0.6, 0.]
    array([0.4123302 , 0.55075608, 0.03691372])
    >>> act.entmax15([3.0, 0.0, -1.0])
    array([1., 0., 0.])
    """
    return np.square(_entmax15_rows(x))


@_rowwise_vjp
def entmax15_vjp(x, g, axis=-1):
    r"""Vector-Jacobian product of :func:`entmax15`.

    With :math:`u = \sqrt{p}` (zero off the support),
    :math:`v_j = u_j\,(g_j - \sum_i g_i u_i / \sum_i u_i)`.

    Parameters
    ----------
    x, g : array_like
        The forward input and the incoming gradient (same shape).
    axis : int, optional
        Default ``-1``.

    Returns
    -------
    ndarray
        Same shape and dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.get("entmax15").vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.35355339, -0.35355339])
    """
    u = _entmax15_rows(x)
    ratio = np.sum(g * u, axis=-1, keepdims=True) / np.sum(u, axis=-1, keepdims=True)
    return u * (g - ratio)


# --------------------------------------------------------------------------- specs

_I, _J, _K = sp.symbols("i j k", integer=True, positive=True)
_N = sp.Symbol("n", integer=True, positive=True)
_XB = sp.IndexedBase("x", real=True)
_SUM = sp.Sum(sp.exp(_XB[_J]), (_J, 1, _N))
_SOFTMAX_EXPR = sp.exp(_XB[_I]) / _SUM
_S = sp.IndexedBase("s", real=True)
_TAU = sp.Symbol(r"\tau", real=True)
_F = sp.IndexedBase("f", real=True)  # the outputs, in the displayed derivatives
_ROW_LHS = ("f(x)_{i}", r"\frac{\partial f_{i}}{\partial x_{k}}")
_ROW_TERMS = (
    Term(_I, "the index of an output entry, from 1 to n"),
    Term(_K, "the index of the input entry the output is differentiated by"),
    Term(_N, "the length of the row: the size of x along `axis`"),
)

_IMPLICIT_DIM = (
    "without it, a deprecation warning, and dim 0 for 0-, 1- and 3-D input, else dim 1 "
    "(for a (batch, sequence, scores) tensor that is the batch axis)."
)


def _exp_limits(dtype: Any) -> tuple[str, str]:
    """Where ``np.exp`` overflows to inf (above) and underflows to 0 (below) in ``dtype``,
    to one decimal, for the prose: computed, not typed."""
    info = np.finfo(dtype)
    over = math.log(float(info.max))
    under = math.log(float(info.smallest_subnormal)) - math.log(2.0)  # rounds to 0 below
    return f"{over:.1f}", f"{under:.1f}".replace("-", "−")


_OVER64, _UNDER64 = _exp_limits(np.float64)
_OVER32, _UNDER32 = _exp_limits(np.float32)


# Rows of at least two entries: every entry is strictly between 0 and 1 (a row of
# one entry gives exactly 1, and log_softmax exactly 0).
_PROB_RANGE = Properties(
    range=(0.0, 1.0, False, False),
    range_latex=r"(0, 1)",
    monotonic="no",
    smoothness="Cinf",
    saturation="both",
    cost="several transcendentals",
)


def _torch_row_functions(module: str, function: str) -> tuple[Framework, Framework]:
    """PyTorch's two spellings of a row function: the functional/module pair, whose
    ``dim`` defaults to an implicit choice, and the ``torch.*`` function, which requires it."""
    return (
        Framework(
            "PyTorch",
            module,
            defaults={"axis": IMPLICIT},
            param_names={"axis": "dim"},
            note="`dim=None` by default: " + _IMPLICIT_DIM,
        ),
        Framework(
            "PyTorch",
            function,
            defaults={"axis": REQUIRED},
            param_names={"axis": "dim"},
            note=f"`dim` is required: `{function}(x)` raises a TypeError.",
        ),
    )


_BRIDLE = Paper(
    "J. S. Bridle",
    "Training Stochastic Model Recognition Algorithms as Networks can Lead to Maximum "
    "Mutual Information Estimation of Parameters",
    "NeurIPS 2 (1989), 211–217",
    1989,
    "https://mlanthology.org/neurips/1989/bridle1989neurips-training/",
    "where the name softmax is introduced",
)

register(
    Spec(
        name="softmax",
        title="Softmax",
        family="softmax",
        summary="Turns a row of real scores into a probability distribution: exponentiate, "
        "then normalise.",
        fn=softmax,
        vjp=softmax_vjp,
        elementwise=False,
        expr=_SOFTMAX_EXPR,
        display=frac(sp.exp(_XB[_I]), sp.Sum(sp.exp(_XB[_J]), (_J, 1, _N))),
        display_derivative=mul(_F[_I], add(delta(_I, _K), -_F[_K])),
        display_lhs=_ROW_LHS,
        terms=_ROW_TERMS,
        derivation=(
            Step(sp.Derivative(_SOFTMAX_EXPR, _XB[_K]), r"differentiate $s_i$ by $x_k$"),
            Step(
                (sp.KroneckerDelta(_I, _K) * sp.exp(_XB[_I]) * _SUM - sp.exp(_XB[_I] + _XB[_K]))
                / _SUM**2,
                r"quotient rule: $\partial e^{x_i}/\partial x_k = \delta_{ik} e^{x_i}$, "
                r"$\partial \Sigma/\partial x_k = e^{x_k}$",
            ),
            Step(
                sp.Mul(
                    sp.exp(_XB[_I]) / _SUM,
                    sp.KroneckerDelta(_I, _K) - sp.exp(_XB[_K]) / _SUM,
                    evaluate=False,
                ),
                "split the fraction",
            ),
            Step(
                sp.Mul(
                    _S[_I],
                    sp.Add(sp.KroneckerDelta(_I, _K), -_S[_K], evaluate=False),
                    evaluate=False,
                ),
                r"write $s_i$ for the softmax: "
                r"$\partial s_i/\partial x_k = s_i(\delta_{ik} - s_k)$",
            ),
        ),
        core=Core(
            "multi-class outputs; attention weights",
            "multi-label outputs (use sigmoids)",
        ),
        properties=_PROB_RANGE,
        strengths=(
            "Outputs are positive and sum to 1: a probability distribution over classes.",
            "Smooth and cheap to differentiate: ∂sᵢ/∂xₖ = sᵢ(δᵢₖ − sₖ); with "
            "cross-entropy against a target distribution y (Σy = 1, such as a one-hot "
            "label) the gradient is simply s − y.",
            "Shift invariant (softmax(x + c) = softmax(x)), which is what makes the stable "
            "max-subtraction implementation exact in exact arithmetic.",
        ),
        weaknesses=(
            "No exact zeros in exact arithmetic: every class keeps some probability (see "
            "sparsemax). In floating point an entry far enough below the row's maximum "
            "underflows to 0.",
            "Saturates: the Jacobian sᵢ(δᵢₖ − sₖ) → 0 once one score dominates, so a loss "
            "on the probabilities themselves (such as squared error) gets tiny gradients. "
            "With cross-entropy the gradient s − y stays of order 1 while the dominant "
            "class is the wrong one.",
            "Sensitive to the scale of the scores (temperature): scaling them by c "
            "multiplies every gap between them c-fold; with two entries the larger takes "
            "more than 99 % once its gap exceeds ln 99 ≈ 4.6.",
            f"The textbook formula overflows for scores above about {_OVER64} (float64) or "
            f"{_OVER32} (float32); use the max-subtracted form.",
        ),
        typical_use="Output layer of multi-class classifiers (with cross-entropy, ideally "
        "computed from log_softmax); attention weights in transformers.",
        year=1989,
        paper=dataclasses.replace(
            _BRIDLE,
            where=f"{_BRIDLE.where}; the normalised exponential itself is older (the "
            "Boltzmann distribution of statistical mechanics)",
        ),
        frameworks=(
            *_torch_row_functions(
                "torch.nn.functional.softmax / torch.nn.Softmax", "torch.softmax"
            ),
            Framework(
                "PyTorch",
                "torch.nn.Softmax2d",
                defaults={"axis": -3},
                param_names={"axis": "dim"},
                note="Softmax over the channels of (N, C, H, W) or (C, H, W) input; no "
                "dim argument.",
            ),
            Framework(
                "Keras 3", "keras.activations.softmax / keras.layers.Softmax", defaults={"axis": -1}
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.softmax / tf.keras.layers.Softmax",
                defaults={"axis": -1},
                source="tf_keras/activations.py, tf_keras/layers/activation/softmax.py",
            ),
            Framework("JAX", "jax.nn.softmax", defaults={"axis": -1}),
        ),
        naive=Naive(
            fn="np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)",
            why=f"`np.exp(x)` overflows to `inf` for x ≳ {_OVER64} (float64) or {_OVER32} "
            "(float32), and `inf / inf` is NaN; for a row of scores all below about "
            f"{_UNDER64} (float64) or {_UNDER32} (float32) every "
            "exponential underflows to 0 and `0 / 0` is NaN as well. Subtracting the row "
            "maximum first fixes both (one term of the sum is then exactly 1). Copies of the "
            "max-subtracted form often also write `e.sum(axis=0)`, which normalises the "
            "wrong axis of a batch.",
        ),
        notes="Computed as `e / (1 + δ)` with `e = exp(x − max)` and δ the sum of the other "
        "exponentials: no overflow, no 0/0, and the row sum is accurate to a few ULP. Rows "
        "are computed in the input's precision (float16 in float32), the VJP in float64. A "
        "single +inf gives the one-hot limit; two +inf, or a row of only −inf, have no limit "
        "and give NaN (PyTorch and JAX give NaN for any +inf). The normalised exponential "
        "is much older than its name: it is the Boltzmann distribution of statistical "
        "mechanics, with scores −E/kT; Bridle named it softmax and gave it its reading as "
        "the posterior probabilities of a classifier.",
        first_use_known=False,
        see_also=(
            ("log_softmax", "its logarithm, for losses"),
            ("sigmoid", "the two-class case"),
            ("sparsemax", "the sparse alternative"),
            ("softmin", "softmax of −x"),
        ),
    )
)

_LOG_EXPR = sp.Add(_XB[_I], -sp.log(_SUM), evaluate=False)

register(
    Spec(
        name="log_softmax",
        title="Log-softmax",
        family="softmax",
        summary="The logarithm of softmax, computed without forming the probabilities: "
        "xᵢ − logsumexp(x).",
        fn=log_softmax,
        vjp=log_softmax_vjp,
        elementwise=False,
        expr=_LOG_EXPR,
        display=add(_XB[_I], -sp.log(sp.Sum(sp.exp(_XB[_J]), (_J, 1, _N)))),
        display_derivative=add(delta(_I, _K), -softmax_at(_K)),
        display_lhs=_ROW_LHS,
        terms=_ROW_TERMS,
        derivation=(
            Step(sp.Derivative(_LOG_EXPR, _XB[_K]), r"differentiate by $x_k$"),
            Step(
                sp.Add(sp.KroneckerDelta(_I, _K), -sp.exp(_XB[_K]) / _SUM, evaluate=False),
                r"$\partial \log \Sigma/\partial x_k = e^{x_k}/\Sigma$",
            ),
            Step(
                sp.Add(sp.KroneckerDelta(_I, _K), -_S[_K], evaluate=False),
                r"$= \delta_{ik} - s_k$",
            ),
        ),
        properties=Properties(
            range=(float("-inf"), 0.0, False, False),
            range_latex=r"(-\infty, 0)",
            monotonic="no",
            smoothness="Cinf",
            saturation="right",
            cost="several transcendentals",
        ),
        strengths=(
            "Finite, accurate log-probabilities even where the probabilities underflow: the "
            "input of cross-entropy / negative log-likelihood losses.",
            "Simple Jacobian δᵢₖ − sₖ.",
        ),
        weaknesses=(
            "Not a probability: exponentiate to get one.",
            "Each output depends on the whole row (a reduction), like softmax.",
        ),
        typical_use="Last layer before `nll_loss` (PyTorch) or any log-likelihood; "
        "language-model token scores; the stable way to compute cross-entropy.",
        year=1989,
        paper=_BRIDLE,
        frameworks=(
            *_torch_row_functions(
                "torch.nn.functional.log_softmax / torch.nn.LogSoftmax", "torch.log_softmax"
            ),
            Framework("Keras 3", "keras.activations.log_softmax", defaults={"axis": -1}),
            Framework("tf.keras 2", "tf.nn.log_softmax", defaults={"axis": -1}),
            Framework("JAX", "jax.nn.log_softmax", defaults={"axis": -1}),
        ),
        naive=Naive(
            fn="np.log(np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True))",
            why="Taking the log of softmax gives `-inf` as soon as a probability underflows "
            "(a score about 745 below the maximum in float64, 104 in float32) and NaN when "
            "the exponentials overflow. Even the usual stable form `x - m - log(sum(exp(x - "
            "m)))` returns exactly 0 for the dominant entry when the others are more than "
            "about 37 below it, where the true value −Σⱼ exp(xⱼ − m) is still representable; "
            "the catalog uses `log1p` of the sum of the *other* exponentials.",
        ),
        notes="`(x − m) − log1p(δ)` with δ the sum of exp(xⱼ − m) over j ≠ M (the "
        "maximum's index). Limits as for softmax.",
        first_use_known=False,
        see_also=(
            ("softmax", "the probabilities themselves"),
            ("log_sigmoid", "the two-class version"),
        ),
    )
)

_SOFTMIN_EXPR = sp.exp(-_XB[_I]) / sp.Sum(sp.exp(-_XB[_J]), (_J, 1, _N))

register(
    Spec(
        name="softmin",
        title="Softmin",
        family="softmax",
        summary="Softmax of the negated scores: the smallest score gets the largest probability.",
        fn=softmin,
        vjp=softmin_vjp,
        elementwise=False,
        expr=_SOFTMIN_EXPR,
        display=frac(sp.exp(-_XB[_I]), sp.Sum(sp.exp(-_XB[_J]), (_J, 1, _N))),
        display_derivative=mul(_F[_I], add(_F[_K], -delta(_I, _K))),
        display_lhs=_ROW_LHS,
        terms=_ROW_TERMS,
        derivation=(
            Step(sp.Derivative(_SOFTMIN_EXPR, _XB[_K]), r"differentiate by $x_k$"),
            Step(
                sp.Mul(
                    -sp.exp(-_XB[_I]) / sp.Sum(sp.exp(-_XB[_J]), (_J, 1, _N)),
                    sp.KroneckerDelta(_I, _K)
                    - sp.exp(-_XB[_K]) / sp.Sum(sp.exp(-_XB[_J]), (_J, 1, _N)),
                    evaluate=False,
                ),
                "chain rule through −x: minus the softmax Jacobian at −x",
            ),
        ),
        properties=_PROB_RANGE,
        strengths=(
            "A differentiable arg-min: soft assignment to the nearest of several "
            "candidates (distances in, weights out).",
        ),
        weaknesses=(
            "Just softmax(−x): the same saturation and scale sensitivity.",
            "A built-in in PyTorch only (see the framework tabs).",
        ),
        typical_use="Soft nearest-neighbour / soft assignment from distances or energies.",
        year=1989,
        paper=_BRIDLE,
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.softmin / torch.nn.Softmin",
                defaults={"axis": IMPLICIT},
                param_names={"axis": "dim"},
                note="`dim=None` by default: " + _IMPLICIT_DIM,
            ),
            Framework("Keras 3", "—", note="`keras.activations.softmax(-x)`."),
            Framework("tf.keras 2", "—", note="`tf.nn.softmax(-x)`."),
            Framework("JAX", "—", note="`jax.nn.softmax(-x)`."),
        ),
        naive=Naive(
            fn="np.exp(-x) / np.sum(np.exp(-x), axis=-1, keepdims=True)",
            why=f"Overflows like naive softmax, for scores below about −{_OVER64} (float64) "
            f"or −{_OVER32} (float32).",
        ),
        notes="Computed as the catalog softmax of −x (negation is exact). The Boltzmann "
        "distribution of statistical mechanics, exp(−E/kT)/Z, is the softmin of the "
        "energies E/kT.",
        first_use_known=False,
        see_also=(("softmax", "softmin(x) = softmax(−x)"),),
    )
)

register(
    Spec(
        name="sparsemax",
        title="Sparsemax",
        family="softmax",
        summary="The Euclidean projection of the scores onto the probability simplex: like "
        "softmax, but with exact zeros.",
        fn=sparsemax,
        vjp=sparsemax_vjp,
        elementwise=False,
        expr=sp.Piecewise(
            (sp.Add(_XB[_I], -_TAU, evaluate=False), _XB[_I] > _TAU),
            (0, True),
        ),
        display=pos(add(_XB[_I], -_TAU)),
        display_derivative=mul(
            _S[_I], add(delta(_I, _K), -frac(_S[_K], sp.Sum(_S[_J], (_J, 1, _N))))
        ),
        display_lhs=_ROW_LHS,
        terms=(
            *_ROW_TERMS,
            Term(
                _TAU,
                "the threshold that makes the outputs sum to 1 (unique; computed by "
                "sorting the row)",
                sp.Eq(sp.Sum(pos(add(_XB[_J], -_TAU)), (_J, 1, _N)), 1, evaluate=False),
            ),
            Term(
                _S,
                "the indicator of the support: 1 where the output is positive, 0 elsewhere",
                sp.Eq(
                    _S[_J],
                    sp.Piecewise((1, _XB[_J] > _TAU), (0, True), evaluate=False),
                    evaluate=False,
                ),
            ),
        ),
        derivation=(
            Step(
                cases(
                    (
                        sp.Add(
                            sp.KroneckerDelta(_I, _K),
                            -sp.Symbol(r"[k \in S]") / sp.Symbol(r"|S|"),
                            evaluate=False,
                        ),
                        sp.Symbol(r"i \in S"),
                    ),
                    (0, True),
                ),
                r"on the support $S = \{i : z_i > \tau\}$, "
                r"$\tau = (\sum_{j \in S} z_j - 1)/|S|$, so "
                r"$\partial p_i/\partial z_k = \delta_{ik} - [k \in S]/|S|$; "
                r"off the support $p_i = 0$",
            ),
        ),
        properties=Properties(
            range=(0.0, 1.0, True, True),
            range_latex=r"[0, 1]",
            monotonic="no",
            smoothness="C0",
            saturation="both",
            cost="arithmetic",
        ),
        strengths=(
            "Sparse: scores more than a threshold below the top get exactly zero "
            "probability, which makes attention weights readable.",
            "Piecewise linear with a simple Jacobian on the support.",
            "Still a probability distribution (non-negative, sums to 1).",
        ),
        weaknesses=(
            "Needs a sort per row: O(n log n) instead of softmax's O(n).",
            "Only C⁰: the Jacobian jumps when an entry enters or leaves the support, and "
            "entries outside it get zero gradient.",
            "Not a built-in in PyTorch or JAX.",
        ),
        typical_use="Sparse attention and multi-label classification (with the sparsemax "
        "loss); interpretable attention weights.",
        year=2016,
        paper=Paper(
            "A. F. T. Martins, R. F. Astudillo",
            "From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification",
            "ICML",
            2016,
            "https://arxiv.org/abs/1602.02068",
        ),
        frameworks=(
            Framework("PyTorch", "—", note="The third-party `entmax` package has one."),
            Framework(
                "Keras 3",
                "keras.activations.sparsemax / keras.ops.sparsemax",
                defaults={"axis": -1},
            ),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "—"),
        ),
        naive=Naive(
            fn=None,  # several statements: see tests/test_softmax.py
            why="The paper's algorithm (sort, cumulative sum, `k(z) = max{k : 1 + k z_(k) > "
            "Σ_{j≤k} z_(j)}`, `τ = (Σ_{j≤k(z)} z_(j) − 1)/k(z)`) applied to the raw scores: "
            "once the scores are large "
            "(|z| ≳ 1e16 in float64, 1e7 in float32) the 1 in `1 + k z` and in τ is absorbed, "
            "so the maximum gets 0 instead of 1, and for huge rows the cumulative sum "
            "overflows to `inf`. The catalog subtracts the row maximum first (sparsemax is "
            "shift invariant) and re-sums the support with pairwise summation. Copies also "
            "often loop over rows in Python.",
        ),
        notes="Sort-based algorithm of Martins & Astudillo (2016), vectorised over rows; "
        "the row maximum is subtracted first. At a boundary point (zᵢ = τ) the entry is "
        "outside the support and gets zero gradient.",
        see_also=(
            ("softmax", "the dense original"),
            ("entmax15", "between softmax and sparsemax"),
            ("sparse_sigmoid", "the two-class case"),
        ),
    )
)

_U = sp.Add(_XB[_I] / 2, -_TAU, evaluate=False)
register(
    Spec(
        name="entmax15",
        title="1.5-entmax",
        family="softmax",
        summary="Between softmax and sparsemax: a smooth-where-positive probability map "
        "with exact zeros, [zᵢ/2 − τ]₊².",
        fn=entmax15,
        vjp=entmax15_vjp,
        elementwise=False,
        expr=sp.Piecewise((_U**2, _XB[_I] / 2 > _TAU), (0, True)),
        display=pos(add(frac(_XB[_I], 2), -_TAU)) ** 2,
        display_derivative=mul(
            sp.sqrt(_F[_I]),
            add(
                delta(_I, _K),
                -frac(sp.sqrt(_F[_K]), sp.Sum(sp.sqrt(_F[_J]), (_J, 1, _N))),
            ),
        ),
        display_lhs=_ROW_LHS,
        terms=(
            *_ROW_TERMS,
            Term(
                _TAU,
                "the threshold that makes the outputs sum to 1 (unique; computed by "
                "sorting the row)",
                sp.Eq(
                    sp.Sum(pos(add(frac(_XB[_J], 2), -_TAU)) ** 2, (_J, 1, _N)),
                    1,
                    evaluate=False,
                ),
            ),
        ),
        derivation=(
            Step(
                cases(
                    (
                        sp.Mul(
                            sp.Symbol("u_i"),
                            sp.Add(
                                sp.KroneckerDelta(_I, _K),
                                -sp.Symbol("u_k") / sp.Symbol(r"\sum_{l \in S} u_l"),
                                evaluate=False,
                            ),
                            evaluate=False,
                        ),
                        sp.Symbol(r"i, k \in S"),
                    ),
                    (0, True),
                ),
                r"with $u_i = z_i/2 - \tau$ on the support $S$: "
                r"differentiating $\sum_S u_l^2 = 1$ gives "
                r"$\partial\tau/\partial z_k = u_k / (2 \sum_S u_l)$, hence "
                r"$\partial p_i/\partial z_k = u_i(\delta_{ik} - u_k/\sum_S u_l)$",
            ),
        ),
        properties=Properties(
            range=(0.0, 1.0, True, True),
            range_latex=r"[0, 1]",
            monotonic="no",
            smoothness="C1",
            saturation="both",
            cost="arithmetic",
        ),
        strengths=(
            "Sparse like sparsemax (exact zeros), but its Jacobian is continuous: "
            "smoother training.",
            "Interpolates between softmax (α = 1) and sparsemax (α = 2) in the α-entmax "
            "family; α = 1.5 has an exact sort-based algorithm.",
        ),
        weaknesses=(
            "A sort per row (O(n log n)) plus more arithmetic than sparsemax.",
            "No built-in in PyTorch, Keras or JAX.",
        ),
        typical_use="Sparse attention and sparse output layers in sequence-to-sequence models.",
        year=2019,
        paper=Paper(
            "B. Peters, V. Niculae, A. F. T. Martins",
            "Sparse Sequence-to-Sequence Models",
            "ACL",
            2019,
            "https://arxiv.org/abs/1905.05702",
        ),
        frameworks=(
            Framework(
                "PyTorch", "—", note="no built-in; the `entmax` package's `entmax15(x, dim=-1)`"
            ),
            Framework("Keras 3", "—", note="no built-in"),
            Framework("tf.keras 2", "—", note="no built-in"),
            Framework("JAX", "—", note="no built-in"),
        ),
        naive=Naive(
            fn=None,  # several statements: see tests/test_softmax.py
            why="The exact algorithm of the paper (running means `mean_k` and variances "
            "`k * (mean_sq_k - mean_k**2)` of the sorted z/2, `τ_k = mean_k − √((1 − ss_k)/k)`) "
            "on the raw scores: the running variance "
            "`k * (mean_sq - mean**2)` cancels when the scores share a large offset (scores "
            "around 1e4 already lose about 8 digits of the output) and `s**2` overflows to `inf` "
            "(then NaN) for huge scores. The catalog subtracts the row maximum first and "
            "recomputes τ on the support with a two-pass variance.",
        ),
        notes="Exact sort-based algorithm (Peters et al., 2019), vectorised over rows; the "
        "row maximum is subtracted first. Limits as for sparsemax.",
        see_also=(
            ("sparsemax", "α = 2"),
            ("softmax", "α = 1"),
        ),
    )
)
