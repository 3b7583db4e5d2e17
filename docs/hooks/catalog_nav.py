"""MkDocs hook: build the navigation from the catalog, so nothing is listed twice.

* "Functions by family": one section per family of ``activations.FAMILIES``, holding the
  family page ``families/<slug>.md`` followed by the pages ``functions/<name>.md`` of its
  functions, in catalog order, titled from the catalog (``Family.title``, ``Spec.title``).
* "Concepts": the entries written in mkdocs.yml, then every other notebook
  (``concepts/*.py``) or page (``concepts/*.md``) in file-name order.
* Any entry whose page does not exist (yet) is left out, and a section left empty is
  dropped, so the build is ``--strict``-clean while pages are being written.
* Stylesheets under ``assets/print/`` are added to ``extra_css``.
* Griffe extensions given to mkdocstrings as ``*.py`` paths are made relative to
  mkdocs.yml rather than to the working directory.

The titles come from a record of the catalog kept in ``.cache/catalog-nav.json`` under a
digest of ``src/``; the catalog is imported (afresh, under ``mkdocs serve``) only when
``src/`` changed, so the navigation follows edits there.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from pathlib import Path

FAMILIES_SECTION = "Functions by family"
CONCEPTS_SECTION = "Concepts"

CACHE = Path(".cache") / "catalog-nav.json"  # relative to the repository root

_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _catalog(root: Path):
    """Import ``activations`` (installed from this checkout by ``pip install -e .``); when
    serving, discard any earlier import so that edits in ``src/`` are seen."""
    if _command == "serve":
        for name in [m for m in sys.modules if m == "activations" or m.startswith("activations.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    return importlib.import_module("activations")


def _titles(root: Path) -> dict:
    """The families (slug, title) and functions (name, title, family) of the catalog, in
    catalog order: from the record in :data:`CACHE` if ``src/`` is unchanged since it was
    made, else from the catalog itself (importing it costs a second)."""
    digest = hashlib.sha256()
    for path in sorted((root / "src").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    record_path = root / CACHE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        if record.get("src") == digest.hexdigest():
            return record
    except (OSError, ValueError):
        pass
    act = _catalog(root)
    record = {
        "src": digest.hexdigest(),
        "families": [[f.slug, f.title] for f in act.FAMILIES],
        "specs": [[s.name, s.title, s.family] for s in act.specs()],
    }
    record_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = record_path.with_name(f".{record_path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, record_path)
    return record


def _family_nav(titles: dict, docs: Path) -> list:
    by_family: dict[str, list[dict[str, str]]] = {}
    for name, title, family in titles["specs"]:
        by_family.setdefault(family, []).append({title: f"functions/{name}.md"})
    sections = []
    for slug, title in titles["families"]:
        pages = [{title: f"families/{slug}.md"}, *by_family.get(slug, [])]
        pages = [p for p in pages if (docs / next(iter(p.values()))).is_file()]
        if pages:
            sections.append({title: pages})
    return sections


def _concepts_nav(listed: list, docs: Path) -> list:
    known = {_path(entry) for entry in listed}
    extra = sorted(
        p.relative_to(docs).as_posix()
        for pattern in ("concepts/*.py", "concepts/*.md")
        for p in (docs).glob(pattern)
    )
    return list(listed) + [p for p in extra if p not in known]


def _path(entry) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        value = next(iter(entry.values()))
        return value if isinstance(value, str) else None
    return None


def _prune(items: list, docs: Path) -> list:
    """Drop entries whose page is missing and sections left empty; keep external links."""
    kept = []
    for entry in items:
        if isinstance(entry, str):
            if "://" in entry or (docs / entry).is_file():
                kept.append(entry)
            continue
        ((title, value),) = entry.items()
        if isinstance(value, list):
            value = _prune(value, docs)
            if value:
                kept.append({title: value})
        elif "://" in value or (docs / value).is_file():
            kept.append(entry)
    return kept


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    titles = _titles(root)
    nav = []
    for entry in config.nav or []:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, value),) = entry.items()
            if title == FAMILIES_SECTION:
                entry = {title: _family_nav(titles, docs)}
            elif title == CONCEPTS_SECTION:
                entry = {title: _concepts_nav(value or [], docs)}
        nav.append(entry)
    config.nav = _prune(nav, docs)

    for css in sorted((docs / "assets" / "print").glob("*.css")):
        rel = css.relative_to(docs).as_posix()
        if rel not in config.extra_css:
            config.extra_css.append(rel)
    _absolute_griffe_extensions(config, root)
    return config


def _absolute_griffe_extensions(config, root: Path) -> None:
    plugin = config.plugins.get("mkdocstrings")
    if plugin is None:
        return
    options = plugin.config.get("handlers", {}).get("python", {}).get("options", {})
    extensions = options.get("extensions", [])
    for i, ext in enumerate(extensions):
        if isinstance(ext, str) and ext.endswith(".py") and not Path(ext).is_absolute():
            extensions[i] = str(root / ext)
