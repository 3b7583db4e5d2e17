"""Run inside the Jupyter kernel of each concept notebook, before its first cell (see
``SETUP`` in docs/hooks/notebooks.py); not an MkDocs hook.

Every matplotlib figure a notebook shows is stored in the executed notebook as

* a PNG reduced to a palette of at most :data:`COLOURS` colours (Pillow's median cut,
  no dithering): a plot has few colours, so this keeps its look at about a third of the
  size of matplotlib's truecolour PNG;
* with a text alternative, ``metadata["image/png"]["alt"]``, that says what the figure
  shows, read from the figure itself: its panels, their titles and axis labels, and what
  each draws (curves named by their labels, bars, filled contours, a colour map,
  points). docs/hooks/notebooks.py puts it on the ``<img>`` of the page.

The PNG is rendered the way matplotlib-inline renders it (``bbox_inches="tight"`` at the
figure's dpi); only the encoding changes.
"""

from __future__ import annotations

import io
import re

COLOURS = 256
MAX_NAMES = 6  # names listed per panel before "and N more"
MAX_PANELS = 4  # panels described one by one; more are summarised


def _clean(text: str) -> str:
    """A label as read aloud: no mathtext dollars, no line breaks."""
    text = re.sub(r"\$([^$]*)\$", r"\1", text or "")
    text = re.sub(r"\\(mathrm|mathbf|operatorname|mathit)\{([^}]*)\}", r"\2", text)
    return re.sub(r"\s+", " ", text.replace("\\", "")).strip()


def _names(names: list[str]) -> str:
    """``a, b and c``; each name in quotes if one of them has a comma of its own."""
    names = [n for n in dict.fromkeys(names) if n]
    if any("," in n for n in names):
        names = [f"“{n}”" for n in names]
    if len(names) > MAX_NAMES:
        return ", ".join(names[: MAX_NAMES - 1]) + f" and {len(names) - MAX_NAMES + 1} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _lines(ax) -> list[str]:
    """The panel's lines: curves (drawn with a line) and point sets (markers only),
    named by their labels; unlabelled reference lines (two points or fewer) are left out."""
    out = []
    for kind, plural, markers_only in (
        ("curve", "curves", False),
        ("point set", "point sets", True),
    ):
        group = [
            ln
            for ln in ax.get_lines()
            if ln.get_visible() and (ln.get_linestyle() in ("None", "", " ")) == markers_only
        ]
        named = [_clean(ln.get_label()) for ln in group if not ln.get_label().startswith("_")]
        unnamed = [ln for ln in group if ln.get_label().startswith("_") and len(ln.get_xdata()) > 2]
        if named:
            word = kind if len(named) == 1 else plural
            out.append(f"{word} for {_names(named)}")
        elif unnamed:
            out.append(_count(len(unnamed), kind, plural))
    return out


def _content(ax) -> list[str]:
    """What one panel draws, in reading order."""
    from matplotlib.collections import PathCollection, PolyCollection, QuadMesh
    from matplotlib.container import BarContainer
    from matplotlib.contour import ContourSet

    out = []
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    if bars:
        horizontal = bars[0].orientation == "horizontal"
        ticks = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
        labels = [_clean(t.get_text()) for t in ticks]
        n = sum(len(c.patches) for c in bars)
        what = _count(
            n,
            "horizontal bar" if horizontal else "bar",
            "horizontal bars" if horizontal else "bars",
        )
        named = any(re.search(r"[^\W\d_]", label) for label in labels)  # words, not numbers
        out.append(f"{what} for {_names(labels)}" if named else what)
    if ax.images or any(isinstance(c, QuadMesh) for c in ax.collections):
        out.append("a colour map")
    contours = [c for c in ax.collections if isinstance(c, ContourSet)]
    if any(c.filled for c in contours):
        out.append("filled contours")
    if any(not c.filled for c in contours):
        out.append("contour lines")
    out += _lines(ax)
    others = [c for c in ax.collections if not isinstance(c, ContourSet | QuadMesh)]
    if any(isinstance(c, PathCollection) for c in others):
        out.append("scattered points")
    if any(isinstance(c, PolyCollection) for c in others):
        out.append("shaded bands")
    return out


def _panel(ax) -> str:
    """What the panel draws, then what is plotted against what (its axis labels)."""
    text = "; ".join(_content(ax)) or "no data"
    x, y = _clean(ax.get_xlabel()), _clean(ax.get_ylabel())
    log = " on a log scale" if ax.get_yscale() == "log" else ""
    if y and x:
        text += f"; {y}{log} against {x}"
    elif x:
        text += f", against {x}" + (f" (y{log})" if log else "")
    elif y:
        text += f"; y: {y}{log}"
    elif log:
        text += f" (y{log})"
    return text


def describe(fig) -> str:
    """A short description of what ``fig`` shows, from its titles, labels and artists."""
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    colorbars = [ax for ax in fig.axes if ax.get_label() == "<colorbar>"]
    parts = []
    title = _clean(fig._suptitle.get_text()) if fig._suptitle is not None else ""
    if title:
        parts.append(title + ".")
    if len(panels) == 1:
        head = _clean(panels[0].get_title())
        parts.append(f"Plot{' “' + head + '”' if head else ''}: {_panel(panels[0])}.")
    elif len(panels) <= MAX_PANELS:
        parts.append(f"{len(panels)} panels.")
        for i, ax in enumerate(panels, 1):
            head = _clean(ax.get_title())
            parts.append(f"Panel {i}{' “' + head + '”' if head else ''}: {_panel(ax)}.")
    elif panels:
        rows, cols = panels[0].get_subplotspec().get_geometry()[:2]
        parts.append(f"{len(panels)} panels in {rows} rows and {cols} columns.")
        titles = [_clean(ax.get_title()) for ax in panels]
        ylabels = [_clean(ax.get_ylabel()) for ax in panels]
        if any(titles):
            parts.append(f"Titles: {_names(titles)}.")
        if any(ylabels):
            parts.append(f"Rows: {_names(ylabels)}.")
        kinds = {" and ".join(_content(ax)) for ax in panels}
        if len(kinds) == 1 and kinds != {""}:
            parts.append(f"Each shows {kinds.pop()}.")
    for bar in colorbars:
        label = _clean(bar.get_ylabel() or bar.get_xlabel())
        parts.append(f"Colour scale{': ' + label if label else ''}.")
    return " ".join(parts)


def png(fig) -> tuple[bytes, dict] | None:
    """The figure as a palette PNG, with its description as metadata."""
    from IPython.core.pylabtools import print_figure
    from PIL import Image

    raw = print_figure(fig, "png", bbox_inches="tight")
    if raw is None:  # an empty figure: nothing to show
        return None
    image = Image.open(io.BytesIO(raw))
    if image.mode == "RGBA" and image.getextrema()[3][0] == 255:
        image = image.convert("RGB")  # opaque: the alpha channel carries nothing
    if image.mode == "RGB":
        image = image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    else:
        image = image.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue(), {"alt": describe(fig)}


def install() -> None:
    """Show figures through :func:`png` (after matplotlib-inline set up its own)."""
    import matplotlib_inline.backend_inline  # noqa: F401  (registers its formatters now)
    from IPython import get_ipython
    from matplotlib.figure import Figure

    get_ipython().display_formatter.formatters["image/png"].for_type(Figure, png)


install()
