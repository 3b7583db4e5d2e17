"""MkDocs hook: keep ``mkdocs serve --dirty`` (scripts/serve.sh) right.

A dirty rebuild renders only the pages whose source file is newer than the page built
from it. Some pages change without their source changing; this hook removes the built
page so that the rebuild renders it too:

* every page, when the navigation or mkdocs.yml changed (every page shows the
  navigation, and mkdocs.yml says how every page is rendered);
* the pages rendered by mkdocstrings (a ``::: module`` line), when ``src/`` changed.

Generated pages are rewritten by the generator, so they are newer anyway; the concept
notebooks are handled by docs/hooks/notebooks.py.

Material's search index, on a dirty rebuild, is the previous index with the entries of
*one* rebuilt page replaced; the entries of every page rendered again are replaced here.

Nothing happens in ``mkdocs build`` or a plain ``mkdocs serve``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.serve_dirty")

_AUTODOC = re.compile(r"^:::\s+\S", re.M)

_active = False
_last: dict[str, str] = {}


def on_startup(command: str, dirty: bool) -> None:
    global _active
    _active = command == "serve" and dirty


def _nav_signature(config, nav) -> str:
    digest = hashlib.sha256(Path(config.config_file_path).read_bytes())

    def walk(items, depth: int) -> None:
        for item in items:
            url = getattr(item, "url", "") or ""
            digest.update(f"{depth}\0{item.title}\0{url}\n".encode())
            walk(getattr(item, "children", None) or [], depth + 1)

    walk(nav.items, 0)
    return digest.hexdigest()


def _src_signature(config) -> str:
    src = Path(config.config_file_path).resolve().parent / "src"
    digest = hashlib.sha256()
    for path in sorted(src.rglob("*.py")):
        digest.update(f"{path}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def on_nav(nav, config, files):
    if not _active:
        return nav
    now = {"nav": _nav_signature(config, nav), "src": _src_signature(config)}
    pages = list(files.documentation_pages())
    if _last and now["nav"] != _last["nav"]:
        log.info("navigation or mkdocs.yml changed: rebuilding every page")
        stale = pages
    elif _last and now["src"] != _last["src"]:
        stale = [f for f in pages if f.src_uri.endswith(".md") and _autodoc(f)]
    else:
        stale = []
    for file in stale:
        Path(file.abs_dest_path).unlink(missing_ok=True)
    _last.update(now)
    return nav


def _autodoc(file) -> bool:
    try:
        return bool(_AUTODOC.search(Path(file.abs_src_path).read_text(encoding="utf-8")))
    except OSError:
        return False


@event_priority(100)  # before the search plugin writes the index
def on_post_build(config) -> None:
    if not _active:
        return
    search = config.plugins.get("material/search") or config.plugins.get("search")
    current = getattr(getattr(search, "search_index", None), "entries", None)
    previous = getattr(search, "search_index_prev", None)
    if not current or previous is None:
        return
    rebuilt = {entry["location"].split("#")[0] for entry in current}
    previous.entries = [e for e in previous.entries if e["location"].split("#")[0] not in rebuilt]
