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
