"""MkDocs hook: keep the generated pages in step with the catalog.

* ``mkdocs serve``: run ``scripts/generate.py`` before every build, so an edit in
  ``src/`` or ``scripts/`` (both are watched, see ``watch:`` in mkdocs.yml) regenerates
  the pages, plots and tables without a manual step.
* ``mkdocs build`` / ``gh-deploy``: run ``scripts/generate.py --check`` and abort the
  build, naming the files, when anything generated is stale — a published site never
  lags behind its catalog.

Under ``mkdocs serve`` the executed concept notebooks are also cached (mkdocs-jupyter's
cache, in a temporary directory named after a fingerprint of ``src/`` and
``requirements.txt``), so a rebuild re-executes a notebook only when it or the library
changed. ``mkdocs build`` always executes every notebook.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.generate")

_command = "build"  # set by on_startup; a build is the safe default (check, do not write)


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _script(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "scripts" / "generate.py"


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    files = [*sorted((root / "src").rglob("*.py")), root / "requirements.txt"]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _cache_notebooks(config, root: Path) -> None:
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None:
        return
    base = Path(tempfile.gettempdir()) / "activation-atlas-notebooks"
    current = base / _fingerprint(root)
    if base.is_dir():
        for old in base.iterdir():
            if old != current:
                shutil.rmtree(old, ignore_errors=True)
    plugin.config["cache"] = True
    plugin.config["cache_dir"] = str(current)


def on_config(config):
    script = _script(config)
    serving = _command == "serve"
    if serving:
        _cache_notebooks(config, script.parent.parent)
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
