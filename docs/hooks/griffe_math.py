"""Griffe extension (used by mkdocstrings): reStructuredText in docstrings → Markdown.

The catalog's docstrings write math the numpydoc way, ``:math:`\\sigma(x)``` inline and a
``.. math::`` directive for display. The API reference renders docstrings as Markdown,
where those would show as literal text, so they are rewritten to ``$...$`` and
``$$...$$``, which pymdownx.arithmatex hands to the KaTeX shipped with the site.
Doctest blocks (``>>>``) outside an ``Examples`` section (which mkdocstrings already
shows as code) become fenced ``pycon`` code blocks instead of running into one paragraph.
"""

from __future__ import annotations

import re
import textwrap

import griffe

_ROLE = re.compile(r":math:`([^`]+)`")
_DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\.\. math::[ \t]*(?P<first>.*)\n"
    r"(?P<body>(?:(?:(?P=indent)[ \t]+.*)?\n)*)",
    re.M,
)


def _display(match: re.Match) -> str:
    indent = match.group("indent")
    body = textwrap.dedent(match.group("body")).strip("\n")
    tex = "\n".join(part for part in (match.group("first").strip(), body) if part)
    return f"{indent}$$\n" + textwrap.indent(tex, indent) + f"\n{indent}$$\n\n"


def rst_math_to_markdown(text: str) -> str:
    """Rewrite ``:math:`...``` and ``.. math::`` blocks.

    >>> rst_math_to_markdown(r"A :math:`\\max(0, x)` B")
    'A $\\\\max(0, x)$ B'
    >>> print(rst_math_to_markdown("x\\n\\n.. math::\\n\\n    a = b\\n\\ny"))
    x
    <BLANKLINE>
    $$
    a = b
    $$
    <BLANKLINE>
    y
    """
    text = _DIRECTIVE.sub(_display, text if text.endswith("\n") else text + "\n")
    return _ROLE.sub(r"$\1$", text).rstrip("\n")


_EXAMPLES = re.compile(r"^[ \t]*Examples[ \t]*\n[ \t]*-{3,}[ \t]*$", re.M)
_DOCTEST = re.compile(r"^(?P<indent>[ \t]*)>>> .*\n(?:(?P=indent)(?!\s*$).*\n)*", re.M)


def fence_doctests(text: str) -> str:
    """Fence ``>>>`` blocks found before any ``Examples`` section (see the tests in
    tests/test_site_build.py)."""
    match = _EXAMPLES.search(text)
    head, tail = (text[: match.start()], text[match.start() :]) if match else (text, "")

    def fence(block: re.Match) -> str:
        indent = block.group("indent")
        return f"{indent}```pycon\n{block.group(0)}{indent}```\n"

    head = _DOCTEST.sub(fence, head if head.endswith("\n") else head + "\n")
    return (head + tail).rstrip("\n")


class RstMath(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(rst_math_to_markdown(obj.docstring.value))
