"""Build the site once per test run and serve it on 127.0.0.1.

Shared by ``tests/test_site_build.py`` and the browser tests, which both import this
file under one fixed module name. Under pytest-xdist the workers share the build too:
the first to ask builds into the run's common temporary directory, holding a lock the
others wait on, and records the result there for them (so the browser tests can run on
every worker, not only on the one that built).
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
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


def _shared_dir(tmp_path_factory) -> Path:
    """The run's temporary directory common to all xdist workers (each worker's own
    base directory sits in it), or this process's when it runs alone."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def build(tmp_path_factory) -> Build:
    """``mkdocs build --strict`` into a temporary directory, once per test run."""
    global _BUILD
    if _BUILD is None:
        shared = _shared_dir(tmp_path_factory) / "atlas-site"
        shared.mkdir(exist_ok=True)
        record = shared / "build.json"
        with open(shared / "build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            if not record.is_file():
                site = shared / "site"
                env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
                start = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                )
                done = {
                    "site": str(site),
                    "returncode": result.returncode,
                    "output": (result.stdout + result.stderr)[-20000:],
                    "seconds": time.perf_counter() - start,
                }
                record.write_text(json.dumps(done), encoding="utf-8")
            done = json.loads(record.read_text(encoding="utf-8"))
        _BUILD = Build(
            site=Path(done["site"]),
            returncode=done["returncode"],
            output=done["output"],
            seconds=done["seconds"],
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
