"""Render the catalog (src/activations) into docs/: Markdown pages, SVG plots, data.

    python scripts/generate.py           # write every generated file
    python scripts/generate.py --check   # exit 1, naming the files, if any is stale

Every module in ``scripts/docgen/`` that defines ``outputs()`` contributes files:
``outputs()`` returns ``{path relative to docs/: text or bytes}``.  A generated file
that no module produces any more is reported (and deleted when writing), so a
removed activation takes its page and plot with it.  A module may also define
``problems()`` → list of messages for staleness it can detect without regenerating
(benchmark figures measured on an older catalog); ``--check`` fails on those too.

Incremental: after a run that wrote or checked every file, the fingerprint of what the
output depends on (:func:`inputs`) and a digest of every generated file are kept in
``.cache/generate.json`` (git-ignored). A later run whose inputs and generated files are
unchanged has nothing to do and says so without regenerating. ``--fresh`` ignores that
record and the plot cache (scripts/docgen/plots.py) and renders everything.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import platform
import sys
from pathlib import Path

from scripts import require_checkout
from scripts.docgen import DOCS, collect, is_generated, problems

STATE = DOCS.parent / ".cache" / "generate.json"


def inputs() -> list[Path]:
    """What generated files depend on: the catalog, the generator, the measured data
    (docs/data/), the copy-ready snippets the function pages read (docs/snippets/), the
    pinned versions."""
    root = DOCS.parent
    found = [p for d in ("src", "scripts") for p in (root / d).rglob("*.py")]
    found += [p for d in ("data", "snippets") for p in (DOCS / d).rglob("*") if p.is_file()]
    found += [root / "requirements.txt", root / "pyproject.toml"]
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


def _fingerprint() -> str:
    root = DOCS.parent
    digest = hashlib.sha256(platform.python_version().encode())
    for path in inputs():
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _generated_files() -> dict[str, str]:
    """Every generated file under docs/ with the digest of its content."""
    return {
        p.relative_to(DOCS).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(DOCS.rglob("*"))
        if p.is_file() and is_generated(p)
    }


def _unchanged(fingerprint: str) -> list[str] | None:
    """If the last complete run saw these inputs and left the generated files as they
    are now: the problems it found (see ``problems()``); else None."""
    try:
        state = json.loads(STATE.read_text())
    except (OSError, ValueError):
        return None
    if state.get("inputs") != fingerprint or state.get("files") != _generated_files():
        return None
    return list(state.get("problems", []))


def _record(fingerprint: str, issues: list[str]) -> None:
    STATE.parent.mkdir(parents=True, exist_ok=True)
    state = {"inputs": fingerprint, "files": _generated_files(), "problems": issues}
    tmp = STATE.with_name(f".{STATE.name}.{os.getpid()}")
    tmp.write_text(json.dumps(state, indent=0))
    os.replace(tmp, STATE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if any generated file is stale"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="render everything: no record of the last run, no cached plot",
    )
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)

    fingerprint = _fingerprint()
    known = None if args.fresh else _unchanged(fingerprint)
    if known is not None:
        if args.check and known:
            for message in known:
                print(f"stale: {message}", file=sys.stderr)
            return 1
        if not args.quiet:
            print("generate: up to date (inputs and generated files unchanged since the last run)")
        return 0
    plots = importlib.import_module(".plots", package=collect.__module__)  # docgen.plots
    plots.CACHE_READS = not args.fresh
    wanted = {DOCS / rel: data for rel, data in collect().items()}
    plots.prune_cache()
    existing = {p for p in DOCS.rglob("*") if p.is_file() and is_generated(p)}
    stale = []
    for path, data in sorted(wanted.items()):
        blob = data.encode() if isinstance(data, str) else data
        if not path.exists() or path.read_bytes() != blob:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(blob)
    orphans = sorted(existing - set(wanted))
    if not args.check:
        for path in orphans:
            path.unlink()

    root = DOCS.parent
    issues = problems()
    if args.check:
        for message in issues:
            print(f"stale: {message}", file=sys.stderr)
        if stale or orphans:
            for p in stale:
                print(f"stale: {p.relative_to(root)}", file=sys.stderr)
            for p in orphans:
                print(f"orphaned (no longer generated): {p.relative_to(root)}", file=sys.stderr)
            print("Run: python scripts/generate.py", file=sys.stderr)
            return 1
        _record(fingerprint, issues)
        if issues:
            return 1
        if not args.quiet:
            print(f"generate --check: {len(wanted)} generated files up to date")
        return 0
    _record(fingerprint, issues)
    if not args.quiet:
        print(f"generate: {len(wanted)} files, {len(stale)} written, {len(orphans)} removed")
    return 0


if __name__ == "__main__":
    require_checkout(__file__)
    sys.exit(main())
