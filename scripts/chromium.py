"""Headless Chromium: which executable, and the flags it runs with.

One home for both, imported by the MkDocs hook that prints the cheatsheet
(docs/hooks/print_pdf.py) and by the browser tests (tests/browser/conftest.py).
Standard library only, so that importing it costs nothing.
"""

from __future__ import annotations

import os
import shutil

ENV = "CHROMIUM"  # an executable name or path that overrides the search below
NAMES = ("chromium", "chromium-browser", "/usr/bin/chromium")

# Headless Debian Chromium, in a container or not: no sandbox (it needs privileges a
# container lacks), no GPU, and nothing that talks to Google on start. Each run gets a
# fresh profile directory (--user-data-dir, or Playwright's own temporary one).
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def find() -> str | None:
    """The Chromium executable: ``$CHROMIUM`` if set, else the first of :data:`NAMES`
    found; None if there is none."""
    wanted = os.environ.get(ENV)
    for name in (wanted,) if wanted else NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def install_hint() -> str:
    return f"Debian: apt-get install chromium; or set {ENV}=/path/to/chromium"
