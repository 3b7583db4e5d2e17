"""SVG plots of the catalog: f and f′ per function, a family of curves per parameter
with examples, one combined plot per family, and thumbnails for the cheatsheet.

Conventions shared by every plot (stated once, here, and quoted on the pages):

* x runs over :data:`X_RANGE` on every plot, so curves can be compared page to page;
* y runs over :func:`y_limits` of what is drawn (the rule is :data:`Y_RULE`);
* colours, fonts and the SVG output follow :mod:`.plot_style` (shared with the
  plots of the Accuracy & speed page): mid-tone colours that survive the site's dark
  mode, transparent backgrounds, text kept as text, byte-identical output.

Rendering is the slow part of generating the site, so each SVG is cached in
``.cache/svg/`` (git-ignored) under a digest of everything it is drawn from: the sampled
data, the labels, this module's and :mod:`.plot_style`'s source (style and drawing
code), the generated-file header and the matplotlib version. Editing one function
re-renders only its plots.
"""

from __future__ import annotations

import hashlib
import math
import os
import platform
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure

import activations as act

from . import ROOT, header, plot_style
from .common import (
    examples_of,
    family_plot_path,
    fmt_value,
    members,
    plot_path,
    same_value,
    thumb_path,
)

X_RANGE = (-5.0, 5.0)
SAMPLES = 401  # 0.025 apart: smooth at this size, and a few KB of path per curve
Y_CLIP = (-5.5, 5.5)
Y_STEP = 0.25
Y_RULE = (
    "x runs over [−5, 5] on every plot; y spans the values drawn (always including 0), "
    "padded by 8 % and rounded outward to a multiple of 0.25, but never beyond [−5.5, 5.5]."
)

F_COLOUR = plot_style.BLUE  # f, and the default curve of a family
D_COLOUR = plot_style.ORANGE  # f′
OTHERS = ("#7b5ea7", "#2e8b57", "#b8860b", "#c2185b", "#5f7f8f", "#8d6e63", "#00838f")
CYCLE = (
    F_COLOUR,
    D_COLOUR,
    "#2e8b57",
    "#7b5ea7",
    "#c2185b",
    "#b8860b",
    "#00838f",
    plot_style.SLATE,
)
DASHES = ("-", "--", "-.", ":")

RC = {
    **plot_style.RC,
    "svg.hashsalt": "activation-atlas",
    "svg.image_inline": True,
    "path.simplify": True,
    "path.simplify_threshold": 0.2,
}


# ---------------------------------------------------------------- render cache

CACHE_DIR = ROOT / ".cache" / "svg"
CACHE_READS = True  # False: render every plot (and refresh the cache); see generate.py --fresh


def _feed(digest, part: Any) -> None:
    """Add ``part`` to ``digest`` unambiguously (arrays by dtype, shape and bytes)."""
    if isinstance(part, np.ndarray):
        digest.update(f"a{part.dtype.str}{part.shape}".encode())
        digest.update(np.ascontiguousarray(part).tobytes())
    elif isinstance(part, list | tuple):
        digest.update(f"l{len(part)}(".encode())
        for item in part:
            _feed(digest, item)
        digest.update(b")")
    elif isinstance(part, str | int | float | bool | type(None)):
        digest.update(f"{type(part).__name__}:{part!r};".encode())
    else:
        raise TypeError(f"plots: cannot key a plot on {type(part).__name__}")


def _code_key() -> bytes:
    digest = hashlib.sha256(f"{matplotlib.__version__} {platform.python_version()}".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(plot_style.__file__).read_bytes())
    digest.update(header(".svg").encode())
    return digest.digest()


_CODE_KEY = _code_key()


def cached(draw: Callable[[], bytes], *parts: Any, code: str | None = None) -> bytes:
    """``draw()``, or the SVG it returned before for the same ``parts`` (everything the
    drawing reads besides this module's constants); ``code``: the file of the module
    that holds ``draw`` when it is not this one (its source is then part of the key)."""
    digest = hashlib.sha256(_CODE_KEY)
    _feed(digest, parts)
    if code is not None:
        digest.update(Path(code).read_bytes())
    path = CACHE_DIR / f"{digest.hexdigest()[:32]}.svg"
    if CACHE_READS and path.is_file():
        os.utime(path)  # recently used: kept by prune_cache
        return path.read_bytes()
    svg = draw()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(svg)
    os.replace(tmp, path)
    return svg


def prune_cache(days: float = 30.0) -> None:
    """Drop cached plots unused for ``days``."""
    import time

    limit = time.time() - days * 86400
    for path in CACHE_DIR.glob("*.svg") if CACHE_DIR.is_dir() else ():
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def _kinks(spec: act.Spec) -> list[float]:
    return [float(kink.at) for kink in spec.kinks]


# ---------------------------------------------------------------- sampling


def grid(spec: act.Spec) -> np.ndarray:
    """The x samples: a uniform grid plus both sides of every kink, so a jump or a
    corner is drawn exactly where it is."""
    x = np.linspace(*X_RANGE, SAMPLES)
    extra = []
    for kink in spec.kinks:
        if X_RANGE[0] < kink.at < X_RANGE[1]:
            eps = 1e-9 * max(1.0, abs(kink.at))
            extra += [kink.at - eps, kink.at, kink.at + eps]
    return np.unique(np.concatenate([x, extra]))


def _break_jumps(x: np.ndarray, y: np.ndarray, spec: act.Spec) -> tuple[np.ndarray, np.ndarray]:
    """Insert NaN where y jumps, so no vertical line is drawn across a discontinuity."""
    y = np.asarray(y, dtype=float)
    finite = y[np.isfinite(y)]
    span = float(np.ptp(finite)) if finite.size else 1.0
    dy = np.abs(np.diff(y))
    dx = np.diff(x)
    kink_gap = np.zeros_like(dx, dtype=bool)
    for kink in spec.kinks:
        kink_gap |= (x[:-1] < kink.at) & (x[1:] > kink.at) | (
            (x[:-1] == kink.at) | (x[1:] == kink.at)
        ) & (dx < 1e-6)
    jumps = np.flatnonzero((kink_gap & (dy > 1e-6 * max(span, 1e-12))) | (dy > 0.25 * span))
    if jumps.size == 0:
        return x, y
    xs = np.insert(x, jumps + 1, np.nan)
    ys = np.insert(y, jumps + 1, np.nan)
    return xs, ys


def _drop_kink_points(x: np.ndarray, y: np.ndarray, spec: act.Spec):
    """The value exactly at a kink belongs to one side only; leave it to the marker."""
    keep = np.ones_like(x, dtype=bool)
    for kink in spec.kinks:
        keep &= x != kink.at
    return x[keep], y[keep]


def vector_slice(spec: act.Spec, **override: Any) -> tuple[str, Callable[[np.ndarray], np.ndarray]]:
    """A one-dimensional view of a function of a whole row (softmax, GLUs).

    The row is two entries long.  If f keeps the row's length (a distribution over
    its entries) we draw the first output for the row (x, 0); if it halves it (a
    unit that gates one half by the other, or pools it) we draw the output for the
    row (1, x): the gate's response with the gated half held at 1.  Returns the
    label of the slice and the function.
    """
    params = {**spec.params, **override}
    probe = np.asarray(spec.fn(np.array([[0.5, -0.25]]), **params))
    if probe.shape[-1] == 2:

        def along(x: np.ndarray) -> np.ndarray:
            rows = np.stack([x, np.zeros_like(x)], axis=-1)
            return np.asarray(spec.fn(rows, **params))[:, 0]

        return "first output for the row (x, 0)", along

    def gated(x: np.ndarray) -> np.ndarray:
        rows = np.stack([np.ones_like(x), x], axis=-1)
        return np.asarray(spec.fn(rows, **params))[:, 0]

    return "output for the row (1, x)", gated


def values(spec: act.Spec, x: np.ndarray, **params: Any) -> np.ndarray:
    if spec.elementwise:
        return np.asarray(spec.fn(x, **{**spec.params, **params}), dtype=float)
    return vector_slice(spec, **params)[1](x).astype(float)


def family_params(spec: act.Spec) -> list[act.Param]:
    """The parameters drawn as a family of curves: those with example values, and for
    a function of a row only those whose every example is defined on its slice (a
    two-entry row cannot be split into three pieces)."""
    chosen = []
    for param in spec.parameters:
        if not param.examples:
            continue
        if not spec.elementwise:
            try:
                for value in examples_of(param):
                    vector_slice(spec, **{param.name: value})
            except ValueError:
                continue
        chosen.append(param)
    return chosen


def y_limits(arrays: Sequence[np.ndarray]) -> tuple[float, float]:
    """The y range of a plot: see :data:`Y_RULE`."""
    finite = [a[np.isfinite(a)] for a in arrays]
    lo = min([0.0, *(float(a.min()) for a in finite if a.size)])
    hi = max([0.0, *(float(a.max()) for a in finite if a.size)])
    lo, hi = max(lo, Y_CLIP[0]), min(hi, Y_CLIP[1])
    pad = 0.08 * max(hi - lo, 1.0)
    lo = max(Y_CLIP[0], math.floor((lo - pad) / Y_STEP) * Y_STEP)
    hi = min(Y_CLIP[1], math.ceil((hi + pad) / Y_STEP) * Y_STEP)
    return lo, hi


# ---------------------------------------------------------------- drawing


def _axes(fig: Figure, ylim: tuple[float, float], *, ticks: bool = True):
    ax = fig.add_subplot()
    ax.set_xlim(*X_RANGE)
    ax.set_ylim(*ylim)
    ax.axhline(0.0, color=plot_style.GRID, linewidth=0.8, zorder=0)
    ax.axvline(0.0, color=plot_style.GRID, linewidth=0.8, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if ticks:
        ax.grid(True, color=plot_style.GRID, linewidth=0.5, alpha=0.6)
        ax.set_xticks(np.arange(X_RANGE[0], X_RANGE[1] + 0.5, 1.0 if X_RANGE[1] <= 5 else 2.0))
        ax.set_xlabel("x")
    else:
        ax.set_xticks([])
        ax.set_yticks([])
    return ax


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), dpi=72, layout="constrained")


def function_plot(spec: act.Spec) -> bytes:
    """f and f′ at the default parameters on the same axes, each kink's convention
    marked with a dot; non-elementwise functions get f along :func:`vector_slice`."""
    x = grid(spec)
    if not spec.elementwise:
        label, along = vector_slice(spec)
        y = along(x).astype(float)

        def draw_row() -> bytes:
            with matplotlib.rc_context(RC):
                fig = _figure(6.4, 3.6)
                ax = _axes(fig, y_limits([y]))
                ax.plot(x, y, color=F_COLOUR, linewidth=2.2, label=f"f: {label}")
                ax.legend(loc="best")
                return plot_style.svg_bytes(fig)

        return cached(draw_row, "function_plot/row", x, y, label)
    f = values(spec, x)
    d = np.asarray(spec.grad(x, **spec.params), dtype=float)
    marks = [
        (kink.at, float(values(spec, np.array([kink.at]))[0]), kink.grad_value)
        for kink in spec.kinks
        if X_RANGE[0] <= kink.at <= X_RANGE[1]
    ]

    def draw() -> bytes:
        with matplotlib.rc_context(RC):
            fig = _figure(6.4, 3.6)
            ax = _axes(fig, y_limits([f, d]))
            ax.plot(
                *_break_jumps(*_drop_kink_points(x, f, spec), spec),
                color=F_COLOUR,
                linewidth=2.2,
                label="f(x)",
            )
            ax.plot(
                *_break_jumps(*_drop_kink_points(x, d, spec), spec),
                color=D_COLOUR,
                linewidth=1.8,
                linestyle="--",
                label="f′(x)",
            )
            for at, fk, grad_value in marks:
                ax.plot([at], [fk], "o", color=F_COLOUR, markersize=5)
                if math.isfinite(grad_value):
                    ax.plot(
                        [at],
                        [grad_value],
                        "o",
                        color=D_COLOUR,
                        markersize=5,
                        markerfacecolor=D_COLOUR,
                    )
            ax.legend(loc="best")
            return plot_style.svg_bytes(fig)

    return cached(draw, "function_plot", x, f, d, _kinks(spec), marks)


def family_of_curves(spec: act.Spec, param: act.Param) -> bytes:
    """f for each example value of ``param`` (others at their defaults); the default
    curve is drawn first in the legend, thick and in the primary colour."""
    x = grid(spec)
    symbol = f"${param.latex}$" if param.latex else param.name
    curves = []
    for value in examples_of(param):
        default = same_value(value, param.default)
        label = f"{symbol} = {fmt_value(value)}" + (" (default)" if default else "")
        curves.append((label, default, values(spec, x, **{param.name: value})))

    def draw() -> bytes:
        with matplotlib.rc_context(RC):
            fig = _figure(6.4, 3.6)
            ax = _axes(fig, y_limits([y for *_, y in curves]))
            others = iter(OTHERS * 4)
            handles = []
            for i, (label, default, y) in enumerate(curves):
                style = (
                    {"color": F_COLOUR, "linewidth": 2.8, "zorder": 5}
                    if default
                    else {
                        "color": next(others),
                        "linewidth": 1.2,
                        "linestyle": DASHES[1 + i % 3],
                        "zorder": 3,
                    }
                )
                xs, ys = _break_jumps(*_drop_kink_points(x, y, spec), spec)
                (line,) = ax.plot(xs, ys, label=label, **style)
                handles.insert(0, line) if default else handles.append(line)
            ax.legend(handles=handles, loc="best")
            return plot_style.svg_bytes(fig)

    return cached(draw, "family_of_curves", x, _kinks(spec), curves)


def family_plot(slug: str) -> bytes | None:
    """Every member of a family at its defaults, on the same axes."""
    specs = members(slug)
    if not specs:
        return None
    curves = []
    for spec in specs:
        x = grid(spec)
        curves.append((spec, x, values(spec, x)))

    def draw() -> bytes:
        with matplotlib.rc_context(RC):
            fig = _figure(7.2, 4.0)
            ax = _axes(fig, y_limits([y for *_, y in curves]))
            # Members often coincide over part of the range (ReLU and ReLU6 for x < 6):
            # earlier members are drawn wider and solid, later ones narrower and dashed,
            # so a curve hidden under another still shows at its edges.
            n = len(curves)
            for i, (spec, x, y) in enumerate(curves):
                xs, ys = _break_jumps(*_drop_kink_points(x, y, spec), spec)
                ax.plot(
                    xs,
                    ys,
                    color=CYCLE[i % len(CYCLE)],
                    linestyle=DASHES[i % len(DASHES)],
                    linewidth=3.2 - 2.0 * i / max(n - 1, 1),
                    label=spec.name,
                )
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=9)
            return plot_style.svg_bytes(fig)

    return cached(draw, "family_plot", [(s.name, x, y, _kinks(s)) for s, x, y in curves])


def thumbnail(spec: act.Spec) -> bytes:
    """f alone, small and without ticks, on the same x range (for the cheatsheet)."""
    x = grid(spec)
    y = values(spec, x)

    def draw() -> bytes:
        with matplotlib.rc_context({**RC, "path.simplify_threshold": 0.5}):
            fig = Figure(figsize=(1.2, 0.8), dpi=72)
            fig.subplots_adjust(0.02, 0.02, 0.98, 0.98)
            ax = _axes(fig, y_limits([y]), ticks=False)
            ax.spines["left"].set_visible(False)
            ax.spines["bottom"].set_visible(False)
            ax.plot(
                *_break_jumps(*_drop_kink_points(x, y, spec), spec), color=F_COLOUR, linewidth=1.6
            )
            return plot_style.svg_bytes(fig)

    return cached(draw, "thumbnail", x, y, _kinks(spec))


def outputs() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for spec in act.specs():
        out[plot_path(spec)] = function_plot(spec)
        out[thumb_path(spec)] = thumbnail(spec)
        for param in family_params(spec):
            out[plot_path(spec, param.name)] = family_of_curves(spec, param)
    for family in act.FAMILIES:
        svg = family_plot(family.slug)
        if svg is not None:
            out[family_plot_path(family.slug)] = svg
    return out
