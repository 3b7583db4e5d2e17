"""MkDocs hook: the built site makes no request to another host.

* Material fetches the repository's star and fork counts from api.github.com for the
  header's repository link (``data-md-component="source"``); the link stays, the fetch
  goes.
* mkdocs-jupyter's notebook template loads MathJax (an empty ``<script src="">`` here)
  and, when a notebook has a Mermaid diagram, Mermaid from a CDN. Notebook math is
  rendered by the KaTeX shipped with the site (docs/assets/javascripts/katex-init.js),
  so both scripts are removed.
* A last check warns (an error under ``--strict``) about any ``<script>``, ``<link>``,
  ``<img>``, ``<iframe>``, ``<source>``, ``<video>`` or ``<audio>`` whose address is on
  another host (the ``<link rel="canonical">`` naming the page's public address loads
  nothing and is allowed).
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("mkdocs.hooks.offline")

_SOURCE_FACTS = re.compile(r'(<a\b[^>]*?)\s+data-md-component="source"')
_NOTEBOOK_SCRIPTS = (
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(
        r'<script type="module">\s*document\.addEventListener\([^<]*?jp-Mermaid.*?</script>', re.S
    ),
)
_EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio|embed)\b[^>]*?\s(?:src|href|srcset)"
    r"""\s*=\s*["']?\s*(?:https?:)?//""",
    re.I,
)
_CANONICAL = re.compile(r"""<link\s+rel=["']?canonical\b""", re.I)


def on_post_page(output: str, page, config) -> str:
    output = _SOURCE_FACTS.sub(r"\1", output)
    if page.file.src_uri.endswith((".py", ".ipynb")):
        for pattern in _NOTEBOOK_SCRIPTS:
            output = pattern.sub("", output)
    for match in _EXTERNAL.finditer(output):
        if _CANONICAL.match(match.group(0)):
            continue  # names the page's public address; nothing is fetched
        log.warning(
            "%s: loads a resource from another host: %s",
            page.file.src_uri,
            match.group(0)[:200],
        )
    return output


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Static templates (404.html) have the header's repository link too."""
    if template_name.endswith(".html"):
        output_content = _SOURCE_FACTS.sub(r"\1", output_content)
        for match in _EXTERNAL.finditer(output_content):
            if not _CANONICAL.match(match.group(0)):
                log.warning(
                    "%s: loads a resource from another host: %s",
                    template_name,
                    match.group(0)[:200],
                )
    return output_content
