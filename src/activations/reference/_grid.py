"""The inputs every accuracy measurement uses: the whole finite domain of a dtype."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from .._spec import Spec


def kink_points(spec: Spec, params: Mapping[str, Any] | None = None) -> tuple[float, ...]:
    """Where ``spec`` may change behaviour: its kinks and its numeric parameter values
    (``params`` overriding the defaults), with both signs, for :func:`grid`'s ``extra``."""
    pts = [k.at for k in spec.kinks]
    pts += [
        v
        for v in {**spec.params, **(params or {})}.values()
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    return tuple(float(p) for p in pts) + tuple(-float(p) for p in pts)


def grid(
    dtype: Any,
    *,
    extra: tuple[float, ...] = (),
    n_log: int = 240,
    n_lin: int = 401,
    lin_span: float = 40.0,
) -> np.ndarray:
    """A fixed test grid over the whole finite domain of ``dtype``, both signs.

    Log-spaced magnitudes from the smallest subnormal to the largest finite number,
    a dense linear part around 0, the extremes themselves, ``extra`` points (kinks),
    and their floating-point neighbours.
    """
    dtype = np.dtype(dtype)
    info = np.finfo(dtype)
    lo = math.log10(float(info.smallest_subnormal))
    hi = math.log10(float(info.max))
    mags = np.concatenate(
        [
            np.array([10.0**e for e in np.linspace(lo, hi, n_log)[:-1]]),
            [info.smallest_subnormal, info.tiny, info.eps, 1.0, info.max],
        ]
    )
    mags = mags[mags <= float(info.max)].astype(dtype)
    lin = np.linspace(-lin_span, lin_span, n_lin).astype(dtype)
    pts = [mags, -mags, lin, np.array([0.0, -0.0], dtype=dtype)]
    for e in extra:
        c = np.asarray(e, dtype=dtype)
        pts.append(np.array([np.nextafter(c, -np.inf), c, np.nextafter(c, np.inf)], dtype))
    g = np.concatenate(pts).astype(dtype)
    g = g[np.isfinite(g)]
    return np.unique(g)


def settings(spec: Spec) -> list[tuple[dict[str, Any], str | None]]:
    """``(params, variant)`` of every setting the accuracy of ``spec`` is measured at: the
    defaults, each example value of each parameter in turn, and each variant."""
    out: list[tuple[dict[str, Any], str | None]] = [({}, None)]
    for p in spec.parameters:
        out += [({p.name: v}, None) for v in p.examples if v != p.default]
    out += [({}, v.label) for v in spec.variants]
    return out


# ----------------------------------------------------------------- functions of a row

ROW_KINDS = ("random", "huge", "tiny", "mixed", "constant", "offset", "neginf")
"""The kinds of row :func:`row` makes."""

ROW_LENGTHS = (1, 2, 7, 100, 4096)
"""The row lengths the softmax family is measured at."""

VJP_KINDS = ("random", "mixed", "offset", "constant")
VJP_LENGTHS = (1, 2, 7, 100, 1000)
"""The kinds and lengths of the rows the softmax family's VJPs are measured at."""


def row(kind: str, n: int, dtype: Any, seed: int | None = None) -> np.ndarray:
    """A row of ``n`` values of one kind (:data:`ROW_KINDS`), exactly representable in
    ``dtype``; ``seed`` defaults to one fixed per (kind, n, dtype)."""
    dtype = np.dtype(dtype)
    if seed is None:
        seed = 1000 * n + 10 * ROW_KINDS.index(kind) + (dtype == np.float32)
    rng = np.random.default_rng(seed)
    info = np.finfo(dtype)
    huge = 1e300 if dtype == np.float64 else 3e38
    sign = rng.choice([-1.0, 1.0], n)
    if kind == "random":
        x = rng.standard_normal(n) * rng.choice([0.5, 3.0, 30.0])
    elif kind == "huge":
        x = sign * huge * rng.uniform(0.5, 1.0, n)
    elif kind == "tiny":
        x = sign * float(info.tiny) * rng.uniform(0.0, 1e3, n)
    elif kind == "mixed":
        lo, hi = math.log10(float(info.smallest_subnormal)), math.log10(float(info.max))
        x = sign * 10.0 ** rng.uniform(lo, hi, n)
    elif kind == "constant":
        x = np.full(n, rng.choice([0.0, -3.5, 1e4, -huge, huge]))
    elif kind == "offset":  # large common offset, moderate spread: tests the max-subtraction
        x = (1e4 if dtype == np.float64 else 60.0) + rng.standard_normal(n) * 5
    elif kind == "neginf":
        x = rng.standard_normal(n) * 4
        x[rng.random(n) < 0.3] = -np.inf
        x[rng.integers(n)] = rng.standard_normal()  # at least one finite entry
    else:
        raise ValueError(f"reference: no row of kind {kind!r}")
    return np.asarray(x, dtype=dtype)


def vjp_rows(n: int, dtype: Any) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """``(kind, x, g)`` for each of :data:`VJP_KINDS`: a row of length ``n`` and a
    cotangent ``g`` of every scale from 1e-3 to 1e3."""
    out = []
    for k, kind in enumerate(VJP_KINDS):
        x = row(kind, n, dtype, 31 * n + k)
        rng = np.random.default_rng(n + k)
        g = (rng.standard_normal(n) * 10.0 ** rng.uniform(-3, 3, n)).astype(dtype)
        out.append((kind, x, g))
    return out


def halves_grid(dtype: Any) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, b) for a gated linear unit a · h(b): b over the whole finite domain
    (:func:`grid`), each with a = 1, a = −huge, a = 3·tiny and a of a random scale."""
    dtype = np.dtype(dtype)
    rng = np.random.default_rng(2)
    b = grid(dtype, n_log=120, n_lin=161)
    huge = 1e300 if dtype == np.float64 else 3e38
    info = np.finfo(dtype)
    lo, hi = math.log10(float(info.smallest_subnormal)), math.log10(float(info.max))
    a_sets = [
        np.ones_like(b),
        -np.full_like(b, huge),
        np.full_like(b, float(info.tiny) * 3),
        rng.choice([-1.0, 1.0], b.size) * 10.0 ** rng.uniform(lo, hi, b.size),
    ]
    a = np.concatenate(a_sets).astype(dtype)
    return a, np.tile(b, len(a_sets)).astype(dtype)


def halves_vjp_grid(dtype: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Triples (a, b, g) for the VJP of a gated linear unit: b evenly over the range
    where the gates change (±700 in float64, ±85 in float32) and around 0, a and the
    cotangent g of every scale from 1e-5 to 1e5."""
    rng = np.random.default_rng(9)
    span = 700.0 if np.dtype(dtype) == np.float64 else 85.0
    b = np.concatenate([np.linspace(-span, span, 301), rng.standard_normal(100) * 3])
    a = rng.standard_normal(b.size) * 10.0 ** rng.uniform(-5, 5, b.size)
    g = rng.standard_normal(b.size) * 10.0 ** rng.uniform(-5, 5, b.size)
    return a.astype(dtype), b.astype(dtype), g.astype(dtype)
