"""The look of every plot on the site, and how a figure becomes an SVG file.

Plain values, no Matplotlib import: any module may use them, whatever it has to set
up before NumPy or Matplotlib is imported.

Colours are mid-tone so that they survive the site's dark mode, which shows
``.plot`` images through ``invert(1) hue-rotate(180deg)``; backgrounds are
transparent; text stays text (``svg.fonttype = "none"``).  Output is byte-identical
from run to run: a fixed ``svg.hashsalt`` per kind of plot, no date, no creator, and
the generated-file header right after the XML declaration.
"""

from __future__ import annotations

import io
from typing import Any

from . import header

TEXT = "#333333"  # inverts to a light grey
GRID = "#d4d4d4"
BLUE = "#1f63b4"
ORANGE = "#c4480c"
SLATE = "#5f6b7a"

RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.edgecolor": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "text.color": TEXT,
    "legend.frameon": False,
    "axes.unicode_minus": True,
}
"""Matplotlib settings shared by every plot (each kind adds its ``svg.hashsalt``)."""


def svg_bytes(fig: Any) -> bytes:
    """The figure as SVG, with the generated-file header after the XML declaration."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", transparent=True, metadata={"Date": None, "Creator": None})
    text = buf.getvalue().decode()
    decl, sep, rest = text.partition("\n")
    if not decl.startswith("<?xml"):
        decl, sep, rest = "", "", text
    return (decl + sep + header(".svg") + rest).encode()
