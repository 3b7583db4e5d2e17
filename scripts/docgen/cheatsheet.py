"""The cheatsheet (``docs/cheatsheet.md``): the core table of the activations people
actually meet (the specs with a ``core`` row), then every activation in one table, then
a comparison of their properties, each cell computed from the catalog."""

from __future__ import annotations

import numpy as np

import activations as act

from . import alt_text, defaults, glossary, header
from .common import (
    bounded,
    family_of,
    family_page_path,
    fmt_number,
    fmt_value,
    link,
    our_defaults,
    page_path,
    rel,
    table,
    thumb_path,
)
from .glossary import SMOOTHNESS_SHORT, term_link

PAGE = "cheatsheet.md"
DISPLAY = "$\\displaystyle "
"""How a formula cell opens: display style, so fractions and sums are as large as the
text around them (inline style shrinks them to script size), on screen and on paper."""


def grad_at_zero(spec: act.Spec) -> str:
    """f′(0) by calling the catalog; '—' for functions of a whole row."""
    if not spec.elementwise or spec.grad is None:
        return "—"
    return fmt_number(float(np.asarray(spec.grad(0.0, **spec.params))))


def headline(text: str) -> str:
    """The short form of a strength, weakness or use for the printable table: the
    words before the first colon, else before the first semicolon, else all of it
    (the page keeps the whole sentence)."""
    for mark in (": ", "; "):
        head, sep, _ = text.partition(mark)
        if sep and head.count("`") % 2 == 0 and head.count("(") == head.count(")"):
            return head
    return text


def _trade_off(spec: act.Spec) -> str:
    parts = []
    if spec.strengths:
        parts.append(f"+ {headline(spec.strengths[0])}")
    if spec.weaknesses:
        parts.append(f"− {headline(spec.weaknesses[0])}")
    return "<br>".join(parts)


def _thumb(spec: act.Spec) -> str:
    alt = alt_text.thumbnail(spec)
    return f'![{alt}]({rel(thumb_path(spec), PAGE)}){{ .plot .thumb width="72" }}'


def _summary_table(specs: list[act.Spec]) -> str:
    rows = [
        (
            f"{link(spec, PAGE)}<br>{_thumb(spec)}",
            f"{DISPLAY}{spec.formula}$",
            f"${spec.properties.range_latex}$",
            _trade_off(spec),
            headline(spec.typical_use),
        )
        for spec in specs
    ]
    return table(
        ("activation", "f(x)", "range", "main strength (+) and weakness (−)", "common use"),
        rows,
    )


def _defaults_cell(spec: act.Spec) -> str:
    """The default parameters, and a link to the framework tabs where one differs."""
    ours = our_defaults(spec)
    latex = {p.name: p.latex for p in spec.parameters if p.latex}
    shown = [
        f"${latex[k]}$ = {fmt_value(v)}" if k in latex else f"`{k}={fmt_value(v)}`"
        for k, v in ours.items()
    ]
    text = ", ".join(shown) or "none"
    differing = defaults.differing_frameworks(spec)
    if differing:
        where = rel(page_path(spec), PAGE) + "#in-the-frameworks"
        text += f"<br>⚠ [differs in {', '.join(differing)}]({where})"
    return text


def core_table(specs: list[act.Spec]) -> str:
    rows = []
    for spec in specs:
        lhs = "" if spec.elementwise else f"{spec.display_lhs[0]} = "
        dlhs = "" if spec.elementwise else f"{spec.display_lhs[1]} = "
        rows.append(
            (
                f"{link(spec, PAGE)}<br>{_thumb(spec)}",
                f"{DISPLAY}{lhs}{spec.formula}$",
                f"{DISPLAY}{dlhs}{spec.derivative}$",
                f"${spec.properties.range_latex}$",
                _defaults_cell(spec),
                spec.core.use,
                spec.core.avoid,
                glossary.gain_text(spec),
            )
        )
    return table(
        (
            "activation",
            "f(x)",
            "f′(x)",
            term_link("range", PAGE),
            "defaults",
            "use it for",
            "avoid when",
            term_link("init-gain", PAGE),
        ),
        rows,
        "lllllllr",
    )


def comparison_table(specs: list[act.Spec], source: str) -> str:
    rows = []
    for spec in specs:
        p = spec.properties
        rows.append(
            (
                link(spec, source),
                f"${p.range_latex}$",
                p.monotonic,
                SMOOTHNESS_SHORT[p.smoothness],
                glossary.mean_text(spec),
                glossary.zero_centred_text(spec),
                bounded(p),
                glossary.saturation_text(spec, short=True),
                glossary.dead_units_text(spec, short=True),
                p.cost,
                grad_at_zero(spec),
            )
        )
    anchors = (
        "range",
        "monotonic",
        "smoothness",
        "mean-output",
        "zero-centred",
        "bounded",
        "saturating",
        "dead-units",
        "cost",
        "grad-at-zero",
    )
    return table(
        ("activation", *(term_link(a, source) for a in anchors)),
        rows,
        "llllrcccccr",
    )


def render() -> str:
    specs = act.specs()
    families = ", ".join(
        f"[{family_of(f.slug).title}]({rel(family_page_path(f.slug), PAGE)})" for f in act.FAMILIES
    )
    return "\n".join(
        [
            # Material's front matter: the tables get the whole width of the window.
            "---\nhide:\n  - navigation\n  - toc\n---\n",
            header(".md"),
            "# Cheatsheet\n",
            # Raw HTML: the PDF is printed from the built page by docs/hooks/print_pdf.py,
            # so it is not a docs/ file that MkDocs could validate a Markdown link to.
            '<p class="atlas-print-hide"><a href="../assets/print/cheatsheet.pdf" download>'
            "Download this cheatsheet as a PDF</a> (two A4 pages: the core activations, "
            "then every activation's formula). Every name links to its page.</p>\n",
            "## Core activations\n",
            "The activations most networks use, with f and f′ as they are usually "
            "written. *Defaults* are this library's: a parameter that appears in f by its "
            "symbol (Leaky ReLU's α is the keyword `negative_slope`), the others by this "
            "library's keyword (PyTorch writes `dim` for `axis`); ⚠ links to the "
            "frameworks whose default differs. *Init gain* g is computed: weights with "
            "variance g²/fan_in keep unit variance through the layer for standard-normal "
            "pre-activations (PyTorch 2.13's `calculate_gain` recommends other values for "
            "some: sigmoid 1, tanh 5/3, SELU 3/4; "
            f"{term_link('init-gain', PAGE, 'see the glossary')}). Thumbnails show f on the same "
            f"axes as the function pages ({term_link('plots', PAGE, 'how to read the plots')}).\n",
            '<div class="atlas-core" markdown>\n',
            core_table([s for s in specs if s.core is not None]),
            "</div>\n",
            "## All activations\n",
            f"All {len(specs)} activations of the library at their default parameters, in "
            f"family order ({families}), with the headline of the first strength and "
            "weakness and of the typical use given on each page.\n",
            '<div class="atlas-all" markdown>\n',
            _summary_table(specs),
            "</div>\n",
            # The comparison is the site's; the two printed pages hold the tables above.
            '<div class="atlas-print-hide" markdown>\n',
            "## Comparison\n",
            "Properties at the default parameters, each computed from the catalog or checked "
            "by the test suite; every column header links to its definition in the "
            f"[glossary]({rel(glossary.PAGE, PAGE)}). '—': not defined for a function of a "
            "whole row.\n",
            comparison_table(specs, PAGE),
            "</div>\n",
        ]
    )


def outputs() -> dict[str, str]:
    return {PAGE: render()}
