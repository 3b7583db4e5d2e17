"""The benchmark's inputs: the accuracy grid of an elementwise function, the rows of
the functions that are not elementwise, and the timing input."""

from __future__ import annotations

import numpy as np

import activations as act
from activations import reference

ROW_LENGTH = 16  # elements per row for the functions that are not elementwise


GRIDS = {
    "quick": {"n_log": 40, "n_lin": 41},
    "thinned": {"n_log": 160, "n_lin": 161},
    "full": {},
}
"""Sizes passed to ``reference.grid``: "full" is the test suite's grid; "thinned" (the
default) keeps every kink and the whole range with about 60 % of the points."""


def accuracy_grid(spec: act.Spec, dtype: str, grid: str) -> np.ndarray:
    """The elementwise grid: ``reference.grid`` plus both sides of the spec's kinks."""
    return reference.grid(dtype, extra=reference.kink_points(spec), **GRIDS[grid])


def accuracy_rows(dtype: str, grid: str) -> np.ndarray:
    """Rows of ``ROW_LENGTH`` inputs for the functions that are not elementwise.

    The whole-domain grid shuffled into rows (huge spreads: overflow in the textbook
    formulas), random rows of several scales around several offsets (cancellation in
    ``x - max`` and in log-sum-exp), and a few hand-picked rows (ties, zeros, one
    dominant entry, entries at the overflow threshold).
    """
    rng = np.random.default_rng(20261123)
    info = np.finfo(dtype)
    quick = grid == "quick"
    g = reference.grid(dtype, **GRIDS[grid])
    g = rng.permutation(g)
    g = g[: len(g) // ROW_LENGTH * ROW_LENGTH].reshape(-1, ROW_LENGTH)
    if quick:
        g = g[:4]
    scales = (1e-3, 1.0, 10.0, 100.0) if quick else (1e-3, 0.1, 1.0, 10.0, 100.0, 1e3)
    offsets = (0.0, 1e3) if quick else (0.0, 50.0, -1e3, 1e4)
    random_rows = [
        offset + scale * rng.standard_normal(ROW_LENGTH)
        for scale in scales
        for offset in offsets
        for _ in range(1)
    ]
    big = float(info.max)
    special_rows = [
        np.zeros(ROW_LENGTH),
        np.full(ROW_LENGTH, 3.0),
        np.r_[100.0, np.zeros(ROW_LENGTH - 1)],
        np.r_[-100.0, np.zeros(ROW_LENGTH - 1)],
        np.r_[big, -big, np.linspace(-1.0, 1.0, ROW_LENGTH - 2)],
        np.r_[np.full(ROW_LENGTH // 2, big / 2), np.full(ROW_LENGTH // 2, -big / 2)],
        np.linspace(-30.0, 30.0, ROW_LENGTH),
    ]
    rows = np.concatenate([g, np.array(random_rows), np.array(special_rows)]).astype(dtype)
    return rows


def timing_input(spec: act.Spec, dtype: str, n: int) -> np.ndarray:
    rng = np.random.default_rng(1)
    x = (4.0 * rng.standard_normal(n)).astype(dtype)
    if not spec.elementwise:
        x = x.reshape(-1, 1000 if n >= 10**5 else 100)
    return x
