"""The concept notebooks (``docs/concepts/*.py``) execute and keep their claims.

Each notebook is a jupytext "percent" file. It is executed in a Jupyter kernel, with
warnings as errors, by docs/hooks/notebooks.py, the same code that executes it for the
site build, and only when it or what it depends on changed: a test run and a site build
share the executed notebooks in ``.cache/notebooks/``. The claims of the prose are
``assert`` statements inside the notebooks, so a notebook whose numbers stop supporting
its text fails to execute. The run times are printed, never asserted.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import textwrap
import time
from pathlib import Path

import jupytext
import nbformat
import pytest

# One xdist worker runs them all, so that the run-time report sees every one.
pytestmark = pytest.mark.xdist_group("notebooks")

ROOT = Path(__file__).resolve().parents[1]
CONCEPTS = ROOT / "docs" / "concepts"
NOTEBOOKS = sorted(CONCEPTS.glob("*.py"))


def _hook():
    """docs/hooks/notebooks.py, imported once under a fixed name."""
    name = "atlas_hook_notebooks"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "docs/hooks/notebooks.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


notebooks = _hook()


@pytest.fixture(scope="module")
def executed():
    """Every notebook executed (now, or earlier with the same inputs): path → (executed
    notebook or None, executed by this run, what went wrong)."""
    start = time.time()
    try:
        paths = notebooks.ensure(ROOT, NOTEBOOKS)
        problem = ""
    except notebooks.NotebookError as exc:
        paths = {nb: notebooks.executed_path(ROOT, nb) for nb in NOTEBOOKS}
        problem = str(exc)
    found = {}
    for nb, path in paths.items():
        done = nbformat.read(path, as_version=4) if path.is_file() else None
        found[nb] = (done, path.is_file() and path.stat().st_mtime >= start, problem)
    return found


def _printed(nb) -> str:
    """What the executed notebook shows as text: printed output and expression values."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stdout":
                parts.append(out.text)
            elif out.output_type in ("execute_result", "display_data"):
                if not any(kind.startswith("image/") for kind in out.data):
                    parts.append(out.data.get("text/plain", ""))
    return "\n".join(parts)


def _figures(nb) -> int:
    return sum(
        "image/png" in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", [])
    )


def _markdown_text(notebook) -> str:
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def _code_text(notebook) -> str:
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "code")


def _prose_decimals(markdown: str) -> set[str]:
    """Decimal numbers written in the prose, outside math and code spans."""
    text = re.sub(r"\$\$.*?\$\$", " ", markdown, flags=re.S)
    text = re.sub(r"\$[^$]*\$", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    return set(re.findall(r"(?<![\w.])\d+\.\d+(?![\w.])", text))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 8, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_a_percent_notebook_with_prose_math_and_code(path):
    text = path.read_text(encoding="utf-8")
    assert "format_name: percent" in text and "name: python3" in text
    notebook = jupytext.read(path)
    kinds = [c.cell_type for c in notebook.cells]
    assert kinds.count("markdown") >= 3 and kinds.count("code") >= 3
    markdown = _markdown_text(notebook)
    assert re.match(r"\s*# \S", notebook.cells[0].source), "the first cell is the page title"
    assert "$" in markdown, "the prose has math"
    assert "plt.show()" not in _code_text(notebook), "figures are shown by the kernel"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_its_prose_numbers_are_computed(path, executed):
    done, _, problem = executed[path]
    assert done is not None, f"{path.name} did not execute:\n{problem}"
    assert _figures(done) >= 1, f"{path.name} draws no figure"
    notebook = jupytext.read(path)
    code = _code_text(notebook)
    # every decimal quoted in the prose is printed by the notebook or is an input set in
    # its code (a learning rate, a noise level), never a figure typed by hand
    output = _printed(done)
    missing = sorted(n for n in _prose_decimals(_markdown_text(notebook)) if n not in output + code)
    assert not missing, f"{path.name}: prose quotes numbers the code does not produce: {missing}"


def test_a_warning_fails_a_notebook(tmp_path):
    """Warnings are errors while a notebook runs, as everywhere in the test suite."""
    nb = tmp_path / "warns.py"
    nb.write_text(
        textwrap.dedent(
            """\
            # %%
            import warnings

            # %%
            warnings.warn("careful", UserWarning)
            """
        )
    )
    with pytest.raises(notebooks.NotebookError, match="UserWarning"):
        notebooks.ensure(tmp_path, [nb])


def test_prose_number_check_can_fail():
    markdown = "The loss is 0.37 and $x = 2.5$ and `lr=0.01` and 3 layers."
    assert _prose_decimals(markdown) == {"0.37"}


def test_report_run_times(capsys, executed):
    """Prints how long each notebook took to execute; asserts nothing."""
    with capsys.disabled():
        print()
        for path, (done, now, _) in executed.items():
            if done is not None:
                seconds = done.metadata.get("atlas", {}).get("seconds", float("nan"))
                when = "executed by this run" if now else "unchanged since an earlier run"
                print(f"  {path.name}: {seconds:5.1f} s in its kernel ({when})")
