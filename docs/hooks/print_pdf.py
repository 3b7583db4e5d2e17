"""MkDocs hook: print the built cheatsheet to ``assets/print/cheatsheet.pdf`` (A4).

Headless Chromium renders the page (KaTeX included) with the print stylesheet
(``docs/assets/print/print.css``) and writes the PDF the cheatsheet offers for
download. Without Chromium the build goes on and says so (the PDF link then answers
404); the browser tests, which need Chromium anyway, check the PDF.
"""

from __future__ import annotations

import functools
import http.server
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.print_pdf")

PAGE = "cheatsheet/"
PDF = Path("assets") / "print" / "cheatsheet.pdf"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
    "--virtual-time-budget=10000",
    "--run-all-compositor-stages-before-draw",
]


def _chromium() -> str | None:
    name = os.environ.get("CHROMIUM", "chromium")
    return shutil.which(name) or shutil.which("chromium-browser")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the build log is not an access log
        pass


def _serve(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve the built site on a free loopback port (pages load their scripts, which
    ``file://`` URLs would not run the same way)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def on_post_build(config) -> None:
    site = Path(config.site_dir)
    if not (site / PAGE / "index.html").exists():
        return
    chromium = _chromium()
    if chromium is None:
        log.info("no Chromium found: %s not produced", PDF)
        return
    out = site / PDF
    out.parent.mkdir(parents=True, exist_ok=True)
    server = _serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
    try:
        with tempfile.TemporaryDirectory() as profile:
            cmd = [chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", url]
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    if result.returncode != 0 or not out.exists():
        log.warning("printing the cheatsheet failed:\n%s", result.stderr[-2000:])
    else:
        log.info("printed %s (%d bytes)", PDF, out.stat().st_size)
