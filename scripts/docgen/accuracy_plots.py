"""The plots of the Accuracy & speed page: error against x, in float64, for the
textbook formulas the benchmark found breaking the rule worst, beside this library.

They are computed when the page is generated, from the catalog, the textbook formula
kept in each spec and the truth of :mod:`activations.reference` (by the precision
ladder: a few hundred points in a few seconds).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from activations import reference
from scripts.bench import QUANTITIES
from scripts.bench.textbook import textbook_function

from . import plot_style, plots

MAX_PLOTS = 6
PLOT_SAMPLES = 201
ULP_FLOOR, ULP_CEIL = 0.1, 1e17  # the plots' y range; NaN/inf errors are drawn at the top
CATALOG_COLOUR = plot_style.BLUE
TEXTBOOK_COLOUR = plot_style.ORANGE
RULE_COLOUR = plot_style.SLATE
RC = {**plot_style.RC, "svg.hashsalt": "activation-atlas-accuracy"}


def offenders(res: Any, known: set[str]) -> list[tuple[str, str, float]]:
    """The textbook formulas to plot: ``(name, quantity, reach)``, where ``reach`` is
    the largest |x| ≤ 40 at which the formula was found wrong (it sets the window).

    Candidates are the elementwise textbook formulas the benchmark found breaking the
    rule in float64.  They are ranked by how much of the everyday range they get
    wrong: the number of points of [−40, 40] (step 0.25) where the formula and this
    library (whose accuracy the benchmark has just measured) disagree by more than
    2¹⁰ ULP (ties in catalog order).  At most two per family, and none that fails on
    nearly the same inputs as one already chosen from its family.
    """
    import activations as act

    x = np.linspace(-40.0, 40.0, 321)
    ranked = []
    for name, quantity, dtype in res.keys():
        row = res.get(name, quantity, dtype, "textbook")
        if dtype != "float64" or not row or name not in known:
            continue
        spec = act.get(name)
        if not spec.elementwise or not row.get("violations"):
            continue
        ours = spec.fn if quantity == "f" else spec.grad
        naive = textbook_function(spec, quantity)
        with np.errstate(all="ignore"):
            a = np.broadcast_to(np.asarray(ours(x, **spec.params), dtype=float), x.shape)
            b = np.broadcast_to(np.asarray(naive(x), dtype=float), x.shape)
            scale = np.maximum(np.spacing(np.abs(a)), np.finfo(float).tiny)
            wrong = ~(np.abs(a - b) <= 1024 * scale)  # NaN counts as wrong
        order = (res.names.index(name), QUANTITIES.index(quantity))
        ranked.append((-int(wrong.sum()), order, name, quantity, spec.family, wrong, row))
    ranked.sort(key=lambda t: t[:2])
    chosen: list[tuple[str, str, float]] = []
    masks: dict[str, list[np.ndarray]] = {}
    for score, _, name, quantity, family, wrong, _row in ranked:
        seen = masks.setdefault(family, [])
        if score == 0 or len(seen) >= 2 or len(chosen) >= MAX_PLOTS:
            continue
        # the same failure as one already shown (e.g. f and f′ of one formula): skip
        if any((wrong & m).sum() >= 0.8 * (wrong | m).sum() for m in seen):
            continue
        seen.append(wrong)
        chosen.append((name, quantity, float(np.abs(x[wrong]).max())))
    return chosen


def window(worst_x: float) -> tuple[str, np.ndarray]:
    """Samples around the textbook formula's failure: a linear window of a round
    half-width when it fails at |x| ≥ 1, else log-spaced magnitudes on its side of 0."""
    ax = abs(worst_x)
    if ax >= 1:
        width = next((w for w in (10, 20, 50, 100, 200, 500, 1000) if w >= 1.15 * ax), 1000)
        return "linear", np.linspace(-width, width, PLOT_SAMPLES)
    sign = -1.0 if worst_x < 0 else 1.0
    return ("log-neg" if sign < 0 else "log-pos"), sign * np.logspace(-16, 0, PLOT_SAMPLES)


def _errors(func: Any, spec: Any, x: np.ndarray, truths: list) -> reference.Accuracy:
    with np.errstate(all="ignore"):
        y = np.broadcast_to(np.asarray(func(x, **spec.params), dtype=x.dtype), x.shape)
    values = [None if t is None else t[0] for t in truths]
    kappas = [
        np.nan if t is None else reference.kappa(t[0], xi * t[1])
        for xi, t in zip(x.tolist(), truths, strict=True)
    ]
    return reference.compare(x, y, values, kappas)


def error_plot(name: str, quantity: str, worst_x: float) -> tuple[bytes, dict[str, Any]]:
    """SVG of |error| in ULP against x for the catalog and the textbook formula (float64),
    with the rule's allowance; and a few figures for the caption."""
    import matplotlib
    from matplotlib.figure import Figure

    import activations as act

    spec = act.get(name)
    order = 0 if quantity == "f" else 1
    mode, x = window(worst_x)
    truths = reference.checked_truths(spec, order, x)
    ours = _errors(spec.fn if order == 0 else spec.grad, spec, x, truths)
    naive = _errors(textbook_function(spec, quantity), spec, x, truths)
    xs = np.abs(x) if mode == "log-neg" else x

    def clip(u: np.ndarray) -> np.ndarray:
        return np.clip(np.where(np.isfinite(u), u, ULP_CEIL), ULP_FLOOR, ULP_CEIL)

    nonfinite = ~np.isfinite(naive.ulps)
    curves = (clip(ours.allowed), clip(naive.ulps), clip(ours.ulps))

    def draw() -> bytes:
        with matplotlib.rc_context(RC):
            fig = Figure(figsize=(7.0, 3.6), dpi=72, layout="constrained")
            ax = fig.add_subplot()
            ax.set_yscale("log")
            if mode != "linear":
                ax.set_xscale("log")
            ax.plot(xs, curves[0], color=RULE_COLOUR, lw=1.2, ls="--",
                    label=f"allowed: {reference.BASE:g} + 2κ ULP")  # fmt: skip
            ax.plot(xs, curves[1], ".", ms=3.5, color=TEXTBOOK_COLOUR,
                    label="textbook formula")  # fmt: skip
            ax.plot(xs, curves[2], ".", ms=3.5, color=CATALOG_COLOUR, label="this library")
            if nonfinite.any():
                ax.plot(xs[nonfinite], np.full(nonfinite.sum(), ULP_CEIL), "x", ms=4,
                        color=TEXTBOOK_COLOUR, label="textbook: NaN or ±inf")  # fmt: skip
            ax.set_ylim(ULP_FLOOR / 1.5, ULP_CEIL * 3)
            ax.set_xlabel({"linear": "x", "log-pos": "x", "log-neg": "−x"}[mode])
            ax.set_ylabel("error (ULP, float64)")
            ax.grid(True, color=plot_style.GRID, lw=0.6)
            fig.legend(loc="outside upper center", fontsize=8, ncols=4)
            return plot_style.svg_bytes(fig)

    # drawn again only when what it shows changed (or with generate.py --fresh)
    svg = plots.cached(
        draw, "error plot", reference.BASE, mode, xs, *curves, nonfinite, code=__file__
    )
    finite_naive = naive.ulps[np.isfinite(naive.ulps)]
    facts = {
        "mode": mode,
        "lo": float(x.min()),
        "hi": float(x.max()),
        "naive_bad": int((~naive.ok).sum()),
        "naive_max": float(finite_naive.max()) if finite_naive.size else None,
        "ours_bad": int((~ours.ok).sum()),
        "ours_max": float(ours.ulps[np.isfinite(ours.ulps)].max()),
        "points": len(x),
        "formula": (spec.naive.fn if quantity == "f" else spec.naive.grad) or "",
    }
    return svg, facts
