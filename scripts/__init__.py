"""The project's tools: the site generator (:mod:`scripts.docgen`, run by
``python scripts/generate.py``) and the benchmark (:mod:`scripts.bench`, run by
``python scripts/benchmark.py``).

A package, installed next to ``activations`` by ``pip install -e .``, so that the
command lines, the tests and the MkDocs hooks import the same modules.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def require_checkout(script: str) -> None:
    """Stop, with a message, unless ``script`` lies in the same checkout as the
    ``scripts`` package Python imports (a virtualenv made for another checkout would
    otherwise run that checkout's code and write into its ``docs/``)."""
    if Path(script).resolve().parent != HERE:
        raise SystemExit(
            f"{script}: Python imports the package 'scripts' from {HERE}, another checkout; "
            "run `pip install -e .` in this one (or use its own .venv)"
        )
