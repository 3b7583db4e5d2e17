"""MkDocs hook: print the built cheatsheet to ``assets/print/cheatsheet.pdf`` (A4).

Headless Chromium renders the page (KaTeX included) with the print stylesheet
(``docs/assets/print/print.css``) and writes the PDF the cheatsheet offers for
download.

* The PDF is printed only when what it is printed from changed: the built page and
  every stylesheet, script and image the page loads. A digest of those (and of the
  browser and its flags) names the PDF in ``.cache/pdf/`` (git-ignored); an unchanged
  cheatsheet reuses it.
* ``mkdocs build`` waits for the PDF; ``mkdocs serve`` prints it in the background from
  a copy of the built site and keeps serving.
* Without Chromium the build goes on and says so (the PDF link then answers 404) —
  except under ``CI=true``, where that is a warning, so the strict build fails. A
  failed print is always a warning.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.chromium import FLAGS, find, install_hint

log = logging.getLogger("mkdocs.hooks.print_pdf")

PAGE = "cheatsheet/"
PDF = Path("assets") / "print" / "cheatsheet.pdf"
CACHE = Path(".cache") / "pdf"  # relative to the repository root
KEEP = 3  # cached PDFs kept
PRINT_FLAGS = (
    "--headless",
    "--no-pdf-header-footer",
    "--virtual-time-budget=10000",
    "--run-all-compositor-stages-before-draw",
)
# What a page loads: <script src>, <img src>, <link href> (pages it links are skipped below)
_LOADS = re.compile(r"""<(?:script|img|link)\b[^>]*?\s(?:src|href)\s*=\s*["']?([^"' >]+)""", re.I)

_command = "build"
_printing: set[str] = set()  # digests being printed in the background (serve)


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


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


def digest(site: Path, chromium: str) -> str:
    """What the PDF is printed from: the built page, each local file it loads (not the
    pages it links), the browser and its flags."""
    page = site / PAGE / "index.html"
    html = page.read_bytes()
    h = hashlib.sha256(html)
    for ref in sorted(set(_LOADS.findall(html.decode("utf-8", "replace")))):
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = (page.parent / unquote(parts.path)).resolve()
        if path.is_file() and path.suffix != ".html" and site.resolve() in path.parents:
            h.update(b"\0" + ref.encode() + b"\0" + path.read_bytes())
    stat = Path(chromium).stat()
    h.update(f"\0{chromium} {stat.st_size} {stat.st_mtime_ns}".encode())
    h.update(" ".join((*FLAGS, *PRINT_FLAGS)).encode())
    return h.hexdigest()[:24]


def print_page(site: Path, chromium: str, out: Path) -> str | None:
    """Print the cheatsheet of the site in ``site`` to ``out``; None, or what went wrong."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.{threading.get_ident()}")
    server = _serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
    try:
        with tempfile.TemporaryDirectory() as profile:
            cmd = [
                chromium,
                *FLAGS,
                *PRINT_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={tmp}",
                url,
            ]
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
            return result.stderr[-2000:] or f"exit status {result.returncode}"
        os.replace(tmp, out)
        return None
    finally:
        tmp.unlink(missing_ok=True)
        server.shutdown()
        server.server_close()


def _prune(cache: Path) -> None:
    pdfs = sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in pdfs[KEEP:]:
        old.unlink(missing_ok=True)


def _in_background(snapshot: Path, chromium: str, cached: Path, site: Path, key: str) -> None:
    try:
        problem = print_page(snapshot, chromium, cached)
        if problem:
            log.warning("printing the cheatsheet failed:\n%s", problem)
        elif site.is_dir():
            (site / PDF).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, site / PDF)
            log.info("printed %s", PDF)
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
        _printing.discard(key)


def on_post_build(config) -> None:
    site = Path(config.site_dir)
    if not (site / PAGE / "index.html").exists():
        return
    chromium = find()
    if chromium is None:
        message = "no Chromium found (%s): %s not produced"
        level = logging.WARNING if os.environ.get("CI") == "true" else logging.INFO
        log.log(level, message, install_hint(), PDF)
        return
    cache = Path(config.config_file_path).resolve().parent / CACHE
    key = digest(site, chromium)
    cached = cache / f"{key}.pdf"
    out = site / PDF
    if cached.is_file():
        os.utime(cached)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, out)
        return
    if _command == "serve":
        if key not in _printing:
            _printing.add(key)
            snapshot = Path(tempfile.mkdtemp(prefix="atlas-print-"))
            shutil.copytree(site, snapshot, dirs_exist_ok=True)
            args = (snapshot, chromium, cached, site, key)
            threading.Thread(target=_in_background, args=args, daemon=True).start()
        return
    problem = print_page(site, chromium, cached)
    if problem:
        log.warning("printing the cheatsheet failed:\n%s", problem)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)
    _prune(cache)
    log.info("printed %s (%d bytes)", PDF, out.stat().st_size)
