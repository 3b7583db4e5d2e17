"""Build the site once per test session and serve it on 127.0.0.1.

Shared by ``tests/test_site_build.py`` and the browser tests, which both import this
file under one fixed module name, so they share one build.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUBPATH = "/activations/"  # the GitHub Pages project-site path of site_url in mkdocs.yml


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    output: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and (self.site / "index.html").is_file()

    def pages(self) -> list[str]:
        """Every built HTML page, as a URL path relative to the site root."""
        found = []
        for path in sorted(self.site.rglob("*.html")):
            rel = path.relative_to(self.site).as_posix()
            found.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return found


_BUILD: Build | None = None


def build(tmp_path_factory) -> Build:
    """``mkdocs build --strict`` into a temporary directory, once per session."""
    global _BUILD
    if _BUILD is None:
        site = tmp_path_factory.mktemp("site") / "site"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        _BUILD = Build(
            site=site,
            returncode=result.returncode,
            output=(result.stdout + result.stderr)[-20000:],
            seconds=time.perf_counter() - start,
        )
    return _BUILD


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files of the site, at ``/`` and under :data:`SUBPATH` (like GitHub Pages)."""

    def translate_path(self, path: str) -> str:
        if path.startswith(SUBPATH):
            path = "/" + path[len(SUBPATH) :]
        return super().translate_path(path)

    def do_GET(self) -> None:
        if self.path.split("?")[0] == SUBPATH.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", SUBPATH)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args) -> None:
        pass


class Server:
    """A threaded static server on 127.0.0.1 at a random free port."""

    def __init__(self, directory: Path):
        handler = functools.partial(_Handler, directory=str(directory))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.root = f"http://127.0.0.1:{self.port}/"
        self.subpath = f"http://127.0.0.1:{self.port}{SUBPATH}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
