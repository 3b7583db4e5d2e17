"""The truth for the functions that are not elementwise: f on one row.

Each returns a :class:`Truth`: the true outputs (mpmath numbers) and their condition
numbers κ_i = Σ_j |x_j ∂y_i/∂x_j| / |y_i| (:func:`~activations.reference.kappa`).

* the softmax family: by construction free of cancellation (differences to the row's
  maximum, sums of positive terms, ``log1p``), so :data:`ROW_DIGITS` digits suffice;
* sparsemax: in exact rational arithmetic (the threshold τ subtracts nearly equal
  sums); 1.5-entmax: at :data:`ENTMAX_DIGITS` digits, where the sums of squares of any
  floats are exact;
* maxout: the largest entry of each group, exactly;
* the gated linear units a · h(b): the gate h from the spec's expression of the two
  halves a and b (:data:`HALVES`), by the precision ladder (:func:`halves`).

Entries equal to −∞ are accepted in the softmax family, sparsemax and 1.5-entmax
(they get probability 0), as long as one entry of the row is finite.
"""

from __future__ import annotations

import functools
import math
import struct
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

import mpmath
import numpy as np
import sympy as sp

from .._spec import Spec
from . import _rule, _store
from ._exact import derivatives, expression, ladder, mp_function, working_digits
from ._rule import kappa

ROW_DIGITS = 60
ENTMAX_DIGITS = 1500

HALVES = sp.symbols("a b", real=True)
"""The symbols of a gated linear unit's expression: f(a, b) with a the first half of
the row and b the second."""


class Truth(NamedTuple):
    """True outputs of one row (None where mpmath found none) and their κ."""

    values: list
    kappas: list[float]


def _finite(row: Sequence[float]) -> list[mpmath.mpf | None]:
    """The row as mpmath numbers, None for −∞ (which takes no part)."""
    out = []
    for v in row:
        v = float(v)
        if v != v or v == math.inf:
            raise ValueError(f"reference: a row entry is {v}; only −inf is supported")
        out.append(mpmath.mpf(v) if v != -math.inf else None)
    if all(x is None for x in out):
        raise ValueError("reference: a row needs at least one finite entry")
    return out


def _softmax_parts(row: Sequence[float]) -> tuple[list, list, list]:
    """Softmax s, log-softmax L and Σ_j |x_j ∂s_i/∂x_j| / s_i, at ROW_DIGITS."""
    with mpmath.workdps(ROW_DIGITS):
        xs = _finite(row)
        m = max(x for x in xs if x is not None)
        big = xs.index(m)
        d = [x - m if x is not None else -mpmath.inf for x in xs]
        e = [mpmath.exp(di) if di > -1e6 else mpmath.mpf(0) for di in d]
        delta = mpmath.fsum(e[j] for j in range(len(e)) if j != big)
        s = [ei / (1 + delta) for ei in e]
        log_total = mpmath.log1p(delta)
        logs = [di - log_total for di in d]
        ax = [abs(x) if x is not None else mpmath.mpf(0) for x in xs]
        weighted = mpmath.fsum(a * si for a, si in zip(ax, s, strict=True))
        # Σ_j |x_j ∂s_i/∂x_j| / s_i = |x_i|(1 − s_i) + Σ_{j≠i} |x_j| s_j
        ksum = [a * (1 - si) + (weighted - a * si) for a, si in zip(ax, s, strict=True)]
    return s, logs, ksum


def softmax(row: Sequence[float]) -> Truth:
    s, _, ksum = _softmax_parts(row)
    return Truth(s, [kappa(si, si * k) for si, k in zip(s, ksum, strict=True)])


def log_softmax(row: Sequence[float]) -> Truth:
    # ∂L_i/∂x_j = δ_ij − s_j, so Σ_j |x_j ∂L_i/∂x_j| is the same sum as softmax's
    _, logs, ksum = _softmax_parts(row)
    return Truth(logs, [kappa(li, k) for li, k in zip(logs, ksum, strict=True)])


def softmin(row: Sequence[float]) -> Truth:
    return softmax([-float(v) for v in row])


def _mpf(q: Fraction) -> mpmath.mpf:
    return mpmath.mpf(q.numerator) / q.denominator


def sparsemax(row: Sequence[float]) -> Truth:
    """Exact: τ from the sorted row in rational arithmetic (Martins & Astudillo 2016)."""
    _finite(row)  # the same checks as the others
    z = [Fraction(float(v)) if float(v) != -math.inf else None for v in row]
    ordered = sorted((v for v in z if v is not None), reverse=True)
    cumulative = Fraction(0)
    k, total = 1, ordered[0]
    for j, zj in enumerate(ordered, start=1):
        cumulative += zj
        if 1 + j * zj > cumulative:
            k, total = j, cumulative
    tau = (total - 1) / k
    p = [max(v - tau, Fraction(0)) if v is not None else Fraction(0) for v in z]
    # on the support S (|S| = k): Σ_j |z_j ∂p_i/∂z_j| = |z_i|(1 − 1/k) + Σ_{j∈S, j≠i} |z_j|/k
    with mpmath.workdps(ROW_DIGITS):
        support_abs = _mpf(sum(abs(v) for v, pi in zip(z, p, strict=True) if pi > 0))
        values = [_mpf(pi) for pi in p]
        kappas = [
            kappa(pm, (abs(_mpf(v)) * (k - 1) + support_abs - abs(_mpf(v))) / k) if pm > 0 else 0.0
            for v, pm in zip(z, values, strict=True)
        ]
    return Truth(values, kappas)


def entmax15(row: Sequence[float]) -> Truth:
    """1.5-entmax, [z_i/2 − τ]₊² summing to 1: the exact sort-based algorithm (Peters
    et al. 2019): the support is the largest k whose τ_k, the smaller root of the
    quadratic on the k largest entries, is at most the k-th largest (decided in
    rational arithmetic); then τ and z_i/2 − τ at ENTMAX_DIGITS digits, where they
    may cancel, and the rest at ROW_DIGITS."""
    xs = _finite(row)
    zs = [Fraction(float(x)) / 2 if x is not None else None for x in xs]
    ordered = sorted((v for v in zs if v is not None), reverse=True)
    s1 = s2 = Fraction(0)
    best = (ordered[0], Fraction(1), 1)  # (s1, discriminant, k) of the support
    for k, zk in enumerate(ordered, start=1):
        s1 += zk
        s2 += zk * zk
        disc = s1 * s1 - k * (s2 - 1)
        if disc < 0:
            break
        # τ_k = (s1 − √disc)/k ≤ z_k  ⟺  (s1 − k z_k)² ≤ disc, as s1 − k z_k ≥ 0
        if (s1 - k * zk) ** 2 <= disc:
            best = (s1, disc, k)
    with mpmath.workdps(ENTMAX_DIGITS):
        total_k, disc, k = best
        tau = (_mpf(total_k) - mpmath.sqrt(_mpf(disc))) / k
        u = [max(_mpf(v) - tau, mpmath.mpf(0)) if v is not None else mpmath.mpf(0) for v in zs]
    with mpmath.workdps(ROW_DIGITS):
        u = [+ui for ui in u]
        total = mpmath.fsum(u)
        ax = [abs(x) if x is not None else mpmath.mpf(0) for x in xs]
        weighted = mpmath.fsum(a * ui for a, ui in zip(ax, u, strict=True)) / total
        # p_i = u_i², ∂u_i/∂z_j = (δ_ij − u_j/U)/2 on the support (U = Σ u):
        # Σ_j |z_j ∂p_i/∂z_j| / p_i = (|z_i|(1 − u_i/U) + Σ_{j≠i} |z_j| u_j/U) / u_i
        kappas = [
            kappa(ui, a * (1 - ui / total) + weighted - a * ui / total) if ui > 0 else 0.0
            for a, ui in zip(ax, u, strict=True)
        ]
        return Truth([+(ui * ui) for ui in u], kappas)


def maxout(row: Sequence[float], pieces: int = 2) -> Truth:
    """The largest entry of each group of ``pieces`` consecutive entries (κ = 1)."""
    xs = [mpmath.mpf(float(v)) for v in row]
    values = [max(xs[i : i + pieces]) for i in range(0, len(xs), pieces)]
    return Truth(values, [kappa(v, abs(v)) for v in values])


@functools.lru_cache(maxsize=64)
def _gate_function(spec_name: str, params: tuple, variant: str | None):
    """b ↦ (h, h′, h″) for a gated linear unit f(a, b) = a · h(b) (h = ∂f/∂a)."""
    from .._spec import get

    expr = expression(get(spec_name), params=dict(params), variant=variant)
    a, b = HALVES
    h = sp.diff(expr, a)
    if sp.simplify(expr - a * h) != 0:
        raise ValueError(f"reference: {spec_name} is not a · h(b)")
    return mp_function(derivatives(h, 2, b), b)


@functools.lru_cache(maxsize=1 << 16)
def _gate(spec_name: str, params: tuple, variant: str | None, b: float) -> tuple:
    """(h, h′, h″) at b: h and h′ to 25 digits (h′ is a value of the VJP), h″ to 3
    (it only enters κ); by the ladder, capped at :func:`working_digits` (b).

    The gates (σ, ReLU, SiLU, Φ and the tanh form of GELU) lose digits only to
    cancellations that leave exact zeros, never to a rounding an ill-conditioned step
    then amplifies, so two agreeing precisions are trusted as they are
    (``resolve=False``); ``tests/test_reference.py`` checks them against closed-form
    identities far into both tails."""
    func = _gate_function(spec_name, params, variant)
    found = ladder(func, b, digits=(25, 25, 3), cap=working_digits(b), resolve=False)
    if found is None:
        raise ArithmeticError(f"reference: no value of {spec_name}'s gate at b={b!r}")
    return found


def halves(
    spec: Spec,
    a: float,
    b: float,
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
    vjp: bool = False,
) -> tuple:
    """A gated linear unit f(a, b) = a · h(b) (the spec's expression in :data:`HALVES`)
    at (a, b): ``(f, s)`` with the sensitivity ``s = |a ∂f/∂a| + |b ∂f/∂b|`` (κ = s/|f|);
    with ``vjp``, ``(f_a, f_b, s_a, s_b)``: the two partial derivatives h(b) and a h′(b)
    and their sensitivities to a and b.

    The gate h = ∂f/∂a comes from the spec's expression by the precision
    :func:`~activations.reference.ladder`, capped at
    :func:`~activations.reference.working_digits` (b) (every cancellation is in the
    gate; a only scales), and is cached by b.
    """
    h, dh, d2h = _gate(spec.name, tuple(sorted((params or {}).items())), variant, float(b))
    with mpmath.workdps(ROW_DIGITS):
        a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
        if not vjp:
            return +(a * h), abs(a * h) + abs(a * b * dh)
        return +h, +(a * dh), abs(b * dh), abs(a * dh) + abs(a * b * d2h)


def glu(
    spec: Spec,
    row: Sequence[float],
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> Truth:
    """f(a_i, b_i) for a row [a | b] split in halves, with κ = (|a f_a| + |b f_b|)/|f|."""
    half = len(row) // 2
    values, kappas = [], []
    for a, b in zip(row[:half], row[half:], strict=True):
        try:
            f, sensitivity = halves(spec, a, b, params=params, variant=variant)
        except (ArithmeticError, ValueError):  # mpmath found no value: no truth here
            values.append(None)
            kappas.append(float("nan"))
            continue
        values.append(f)
        kappas.append(kappa(f, sensitivity))
    return Truth(values, kappas)


ROW_TRUTHS: dict[str, Callable[..., Truth]] = {
    "softmax": softmax,
    "log_softmax": log_softmax,
    "softmin": softmin,
    "sparsemax": sparsemax,
    "entmax15": entmax15,
    "maxout": maxout,
}
"""The truths written out by hand, by spec name; every other function of a row whose
expression is in :data:`HALVES` (the GLUs) takes :func:`glu`."""


def is_halves(spec: Spec) -> bool:
    """True for a function of a row given by its expression in the halves a and b."""
    return not spec.elementwise and expression(spec).free_symbols == set(HALVES)


def has_row_truth(spec: Spec) -> bool:
    return spec.name in ROW_TRUTHS or is_halves(spec)


def row_truth(
    spec: Spec,
    row: Sequence[float],
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> Truth:
    """The truth of ``spec`` on one row, at its default parameters or ``params``.

    The truths written out by hand (:data:`ROW_TRUTHS`) are cached by row, so that the
    tests of the catalog and of the snippets share them in one process; the GLUs'
    gates are cached by b (:func:`halves`)."""
    values = {**spec.params, **(params or {})}
    if spec.name in ROW_TRUTHS:
        pieces = int(values["pieces"]) if spec.name == "maxout" else 0
        found = _row_truth(spec.name, tuple(float(v) for v in row), pieces)
        return Truth(list(found.values), list(found.kappas))
    if is_halves(spec):
        return glu(spec, row, params=params, variant=variant)
    raise KeyError(f"reference: no truth for {spec.name}")


@functools.lru_cache(maxsize=1024)
def _row_truth(name: str, row: tuple[float, ...], pieces: int) -> Truth:
    """The truth of a row, kept in the truth store (reference/_store.py) when it is on."""

    def compute() -> tuple:
        truth = maxout(row, pieces) if name == "maxout" else ROW_TRUTHS[name](row)
        return tuple(truth.values), tuple(mpmath.mpf(k) for k in truth.kappas)

    inputs = struct.pack(f"<q{len(row)}d", pieces, *row)
    # keyed on the code of the truth and of its κ, too
    k = _store.key(sp.Symbol(name), inputs, "row", code=(__file__, _rule.__file__))
    values, kappas = _store.stored(name, k, compute)
    return Truth(list(values), [float(k) for k in kappas])


def _jacobian_softmax(s: np.ndarray) -> np.ndarray:
    return np.diag(s) - np.outer(s, s)


def row_vjp_truth(spec: Spec, row: Sequence[float], g: Sequence[float]) -> Truth:
    """The vector-Jacobian product gᵀ ∂f/∂x of the softmax family, sparsemax or
    1.5-entmax on one row, with κ_i = (Σ_j |x_j ∂v_i/∂x_j| + Σ_j |g_j ∂v_i/∂g_j|) / |v_i|
    (the sensitivities in float64: they only set the allowance)."""
    name = spec.name
    x = np.asarray(row, dtype=np.float64)
    gv = np.asarray(g, dtype=np.float64)
    n = len(row)
    with mpmath.workdps(ROW_DIGITS):
        gm = [mpmath.mpf(float(v)) for v in g]
        if name in ("softmax", "softmin", "log_softmax"):
            s_mp = softmin(row).values if name == "softmin" else softmax(row).values
            if name == "log_softmax":
                gsum = mpmath.fsum(gm)
                truth = [gi - si * gsum for gi, si in zip(gm, s_mp, strict=True)]
            else:
                gbar = mpmath.fsum(gi * si for gi, si in zip(gm, s_mp, strict=True))
                sign = -1 if name == "softmin" else 1
                truth = [sign * si * (gi - gbar) for gi, si in zip(gm, s_mp, strict=True)]
            s = np.array([float(v) for v in s_mp])
            if name == "log_softmax":
                dx = -float(gsum) * _jacobian_softmax(s).T  # ∂v_j/∂x_k = −G s_j(δ_jk − s_k)
                dg = np.eye(n) - s[:, None]
            else:
                c = gv - float(gbar)
                dx = _jacobian_softmax(s) * c[:, None] - np.outer(s, s * c)
                dg = _jacobian_softmax(s)
        elif name == "entmax15":
            u_mp = [mpmath.sqrt(p) for p in entmax15(row).values]  # p = u²
            total = mpmath.fsum(u_mp)
            ratio = mpmath.fsum(gi * ui for gi, ui in zip(gm, u_mp, strict=True)) / total
            truth = [ui * (gi - ratio) for gi, ui in zip(gm, u_mp, strict=True)]
            u = np.array([float(v) for v in u_mp])
            w = u / float(total)
            # v_j = u_j (g_j − Σ g_i w_i): ∂v/∂g = diag(u) − u wᵀ; ∂v/∂z through u only
            # (∂u_j/∂z_k = [j∈S](δ_jk − w_k)/2 on the support)
            c = gv - float(ratio)
            du = (np.diag((u > 0).astype(float)) - np.outer(u > 0, w)) / 2
            dx = c[:, None] * du - np.outer(u, c @ du / float(total))
            dg = np.diag(u) - np.outer(u, w)
        elif name == "sparsemax":
            support = [pi > 0 for pi in sparsemax(row).values]
            k = sum(support)
            mean = mpmath.fsum(gi for gi, si in zip(gm, support, strict=True) if si) / k
            truth = [gi - mean if si else mpmath.mpf(0) for gi, si in zip(gm, support, strict=True)]
            mask = np.array(support, dtype=float)
            dx = np.zeros((n, n))
            dg = mask[:, None] * (np.eye(n) - mask[None, :] / k)
        else:
            raise KeyError(f"reference: no VJP truth for {name}")
    sensitivity = np.abs(dx * x[None, :]).sum(axis=1) + np.abs(dg * gv[None, :]).sum(axis=1)
    return Truth(truth, [kappa(t, sc) for t, sc in zip(truth, sensitivity.tolist(), strict=True)])


def halves_vjp_truth(
    spec: Spec,
    a: Sequence[float],
    b: Sequence[float],
    g: Sequence[float],
    *,
    params: Mapping[str, Any] | None = None,
    variant: str | None = None,
) -> tuple[Truth, Truth]:
    """The VJP (g ∂f/∂a, g ∂f/∂b) of a gated linear unit at the pairs (a, b), one
    cotangent g each, with κ of each half: sensitive to g (once) and to a and b."""
    out: tuple[Truth, Truth] = (Truth([], []), Truth([], []))
    for ai, bi, gi in zip(a, b, g, strict=True):
        found = halves(spec, ai, bi, params=params, variant=variant, vjp=True)
        with mpmath.workdps(ROW_DIGITS):
            for half, d, sens in zip(out, found[:2], found[2:], strict=True):
                t = float(gi) * d
                half.values.append(t)
                half.kappas.append(kappa(t, abs(t) + abs(float(gi)) * sens))
    return out
