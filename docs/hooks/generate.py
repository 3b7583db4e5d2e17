"""MkDocs hook: keep the generated pages in step with the catalog.

* ``mkdocs serve``: run ``scripts/generate.py`` before every build, so an edit in
  ``src/`` or ``scripts/`` (both are watched, see ``watch:`` in mkdocs.yml) regenerates
  the pages, plots and tables without a manual step.
* ``mkdocs build`` / ``gh-deploy``: run ``scripts/generate.py --check`` and abort the
  build, naming the files, when anything generated is stale — a published site never
  lags behind its catalog. The check runs alongside the build (it only reads) and is
  waited for at the end.

The generator is incremental (see scripts/generate.py): when neither its inputs nor the
generated files changed since its last complete run it returns at once.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.generate")

_command = "build"  # set by on_startup; a build is the safe default (check, do not write)
_running: subprocess.Popen | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _script(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "scripts" / "generate.py"


def _start(config, *args: str) -> subprocess.Popen:
    script = _script(config)
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        cwd=script.parent.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    output, _ = proc.communicate()
    return proc.returncode, (output or "").strip()


def on_config(config):
    global _running
    _stop()
    if _command == "serve":
        start = time.perf_counter()
        code, output = _finish(_start(config))
        if code != 0:
            # Keep serving the last good pages; the message says what to fix.
            log.error("scripts/generate.py failed:\n%s", output)
        else:
            log.info("%s (%.1f s)", output, time.perf_counter() - start)
        return config
    _running = _start(config, "--check")
    return config


def on_post_build(config) -> None:
    global _running
    if _running is None:
        return
    code, output = _finish(_running)
    _running = None
    if code != 0:
        raise PluginError(
            "generated pages are stale or the generator failed "
            f"(scripts/generate.py --check):\n{output}"
        )
    if output:
        log.info(output)


def _stop() -> None:
    global _running
    if _running is not None and _running.poll() is None:
        _running.kill()
        _running.communicate()
    _running = None


def on_build_error(error) -> None:
    _stop()


def on_shutdown() -> None:
    _stop()
