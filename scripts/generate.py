"""Render the catalog (src/activations) into docs/: Markdown pages, SVG plots, data.

    python scripts/generate.py           # write every generated file
    python scripts/generate.py --check   # exit 1, naming the files, if any is stale

Every module in ``scripts/docgen/`` that defines ``outputs()`` contributes files:
``outputs()`` returns ``{path relative to docs/: text or bytes}``.  A generated file
that no module produces any more is reported (and deleted when writing), so a
removed activation takes its page and plot with it.  A module may also define
``problems()`` → list of messages for staleness it can detect without regenerating
(benchmark figures measured on an older catalog); ``--check`` fails on those too.
"""

from __future__ import annotations

import argparse
import sys

from scripts import require_checkout
from scripts.docgen import DOCS, collect, is_generated, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if any generated file is stale"
    )
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)

    wanted = {DOCS / rel: data for rel, data in collect().items()}
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
    if args.check:
        issues = problems()
        for message in issues:
            print(f"stale: {message}", file=sys.stderr)
        if stale or orphans or issues:
            for p in stale:
                print(f"stale: {p.relative_to(root)}", file=sys.stderr)
            for p in orphans:
                print(f"orphaned (no longer generated): {p.relative_to(root)}", file=sys.stderr)
            print("Run: python scripts/generate.py", file=sys.stderr)
            return 1
        if not args.quiet:
            print(f"generate --check: {len(wanted)} generated files up to date")
        return 0
    if not args.quiet:
        print(f"generate: {len(wanted)} files, {len(stale)} written, {len(orphans)} removed")
    return 0


if __name__ == "__main__":
    require_checkout(__file__)
    sys.exit(main())
