"""One page per family (``docs/families/<slug>.md``): the blurb, every member on
the same axes, links to the members and a comparison table."""

from __future__ import annotations

import activations as act

from . import alt_text, header
from .cheatsheet import comparison_table
from .common import family_page_path, family_plot_path, link, members, rel
from .plots import Y_RULE


def render(family: act.Family) -> str:
    source = family_page_path(family.slug)
    specs = members(family.slug)
    parts = [header(".md"), f"# {family.title}\n", family.blurb + "\n"]
    if not specs:
        parts.append("No activation of this family is in the catalog yet.\n")
        return "\n".join(parts)
    img = rel(family_plot_path(family.slug), source)
    slice_note = (
        " Functions of a whole row are drawn along the slice named on their page."
        if any(not s.elementwise for s in specs)
        else ""
    )
    parts += [
        f"![{alt_text.family_plot(family.slug)}]({img}){{ .plot }}\n",
        f"*Every member at its default parameters.{slice_note} {Y_RULE}*\n",
        "## Members\n",
        "\n".join(f"- {link(s, source)} — {s.summary}" for s in specs) + "\n",
        "## Comparison\n",
        comparison_table(specs, source),
    ]
    return "\n".join(parts)


def outputs() -> dict[str, str]:
    return {family_page_path(f.slug): render(f) for f in act.FAMILIES}
