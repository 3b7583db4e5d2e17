"""MkDocs hook: keep the generated pages in step with the catalog.

* ``mkdocs serve``: run ``scripts/generate.py`` before every build, so an edit in
  ``src/`` or ``scripts/`` (both are watched, see ``watch:`` in mkdocs.yml) regenerates
  the pages, plots and tables without a manual step.
* ``mkdocs build`` / ``gh-deploy``: run ``scripts/generate.py --check`` and abort the
  build, naming the files, when anything generated is stale — a published site never
  lags behind its catalog.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.generate")

_command = "build"  # set by on_startup; a build is the safe default (check, do not write)


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _script(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "scripts" / "generate.py"


def on_config(config):
    script = _script(config)
    serving = _command == "serve"
    argv = [sys.executable, str(script), "--quiet"] if serving else [sys.executable, str(script)]
    if not serving:
        argv.append("--check")
    result = subprocess.run(argv, capture_output=True, text=True, cwd=script.parent.parent)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        if serving:
            # Keep serving the last good pages; the message says what to fix.
            log.error("scripts/generate.py failed:\n%s", output)
            return config
        raise PluginError(
            "generated pages are stale or the generator failed "
            f"(scripts/generate.py --check):\n{output}"
        )
    if output:
        log.info(output)
    return config
