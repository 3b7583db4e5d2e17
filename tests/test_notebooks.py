"""The concept notebooks (``docs/concepts/*.py``) execute; the decimals in their prose are computed.

Each notebook is a jupytext "percent" file. It is executed in a Jupyter kernel, with
warnings as errors, by docs/hooks/notebooks.py, the same code that executes it for the
site build, and only when it or what it depends on changed: a test run and a site build
share the executed notebooks in ``.cache/notebooks/``. The claims of the prose are
``assert`` statements inside the notebooks, so a notebook whose numbers stop supporting
its text fails to execute. What this file checks about the prose itself is narrower:
every decimal number written in a markdown cell (in text or in math, not in code spans)
must be a number the notebook prints, or a numeric literal of its code (an input such as
a learning rate). It cannot check integers, nor that a sentence says what the ``assert``
next to it checks; that is the notebook's job. The run times are printed, never asserted.
"""

from __future__ import annotations

import ast
import concurrent.futures
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


def _ensure(*args):
    """``notebooks.ensure`` in a thread of its own: its ``asyncio.run`` needs a thread with
    no event loop running, and the browser tests' Playwright (a session fixture) keeps
    one running in the main thread of whichever worker ran them."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(notebooks.ensure, *args).result()


@pytest.fixture(scope="module")
def executed():
    """Every notebook executed (now, or earlier with the same inputs): path → (executed
    notebook or None, executed by this run, what went wrong)."""
    start = time.time()
    try:
        paths = _ensure(ROOT, NOTEBOOKS)
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


# A decimal number, optionally with an exponent (0.37, 2.76e-03). It may end a sentence
# ("... is 0.37.") but not continue into a longer token (a version such as 2.13.0, a name
# such as v2.5).
_DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?:[eE][-+]?\d+)?(?!\w|\.\d)")


# Numbers that name a part of a cited paper, not a quantity: "Section 3.1", "Table 2.2".
_REFERENCE = re.compile(r"\b(?:Sections?|Tables?|Figures?|Fig\.|Eqs?\.|§)\s*\d+(?:\.\d+)+")


def _prose_decimals(markdown: str) -> set[str]:
    """Decimal numbers written in the prose, in text and in math, outside code spans."""
    text = _REFERENCE.sub(" ", re.sub(r"`[^`]*`", " ", markdown))
    return set(_DECIMAL.findall(text))


def _printed_decimals(output: str) -> set[float]:
    """The decimal numbers (as values) in what the notebook printed."""
    return {float(n) for n in _DECIMAL.findall(output)}


def _code_literals(code: str) -> set[float]:
    """The float literals of the code: its inputs. Comments and strings do not count."""
    return {
        float(node.value)
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Constant) and type(node.value) is float
    }


def _uncomputed(markdown: str, output: str, code: str) -> list[str]:
    """Decimals of the prose that are neither printed nor an input of the code."""
    known = _printed_decimals(output) | _code_literals(code)
    return sorted(n for n in _prose_decimals(markdown) if float(n) not in known)


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
    missing = _uncomputed(_markdown_text(notebook), _printed(done), _code_text(notebook))
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
        _ensure(tmp_path, [nb])


def test_prose_number_check_can_fail():
    markdown = (
        "The loss is 0.37. In math $x = 2.5$; in code `lr=0.02`; 3 layers; "
        "PyTorch 2.13.0; their Section 3.1; ratio 0.5 and 1.05e-01."
    )
    assert _prose_decimals(markdown) == {"0.37", "2.5", "0.5", "1.05e-01"}
    output = "loss 0.370, ratio 0.55, final 1.05e-01\n"
    code = "x = 2.5  # 0.5 in a comment\nprint('0.5 in a string')"
    # 0.37 is printed (as 0.370), 2.5 is an input and 1.05e-01 is printed; 0.5 is only
    # part of 0.55, in a comment and in a string
    assert _uncomputed(markdown, output, code) == ["0.5"]


def test_report_run_times(capsys, executed):
    """Prints how long each notebook took to execute; asserts nothing."""
    with capsys.disabled():
        print()
        for path, (done, now, _) in executed.items():
            if done is not None:
                seconds = done.metadata.get("atlas", {}).get("seconds", float("nan"))
                when = "executed by this run" if now else "unchanged since an earlier run"
                print(f"  {path.name}: {seconds:5.1f} s in its kernel ({when})")
