"""The concept notebooks (``docs/concepts/*.py``) execute; the decimals in their prose are computed.

Each notebook is a jupytext "percent" file; the site build executes it with
mkdocs-jupyter. Here every notebook is parsed with jupytext and its code cells are run
in a fresh interpreter (``-W error``, non-interactive matplotlib), so an ``assert`` in a
notebook that stops holding fails here (and fails the site build). What this file checks
about the prose itself is narrower: every decimal number written in a markdown cell (in
text or in math, not in code spans) must be a number the notebook prints, or a numeric
literal of its code (an input such as a learning rate). It cannot check integers, nor
that a sentence says what the ``assert`` next to it checks; that is the notebook's job.
The run times are printed, never asserted.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import pytest

# One xdist worker runs them all, in order, so that the run-time report sees every one.
pytestmark = pytest.mark.xdist_group("notebooks")

CONCEPTS = Path(__file__).resolve().parents[1] / "docs" / "concepts"
NOTEBOOKS = sorted(CONCEPTS.glob("*.py"))
DURATIONS: dict[str, tuple[float, float, float]] = {}

# Runs the code cells of one notebook in order, in one namespace, like a kernel would,
# and reports what the checks below need as a JSON line.
RUNNER = r"""
import json, sys, time
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import jupytext

notebook = jupytext.read(sys.argv[1])
namespace = {"__name__": "__main__"}
figures = 0
start, cpu = time.perf_counter(), time.process_time()
for index, cell in enumerate(notebook.cells):
    if cell.cell_type != "code":
        continue
    exec(compile(cell.source, f"{sys.argv[1]} [cell {index}]", "exec"), namespace)
    figures += len(plt.get_fignums())
    plt.close("all")
result = {
    "figures": figures,
    "seconds": time.perf_counter() - start,
    "cpu": time.process_time() - cpu,
}
print("\n@@RESULT@@" + json.dumps(result))
"""


def _run(path: Path) -> tuple[dict, str]:
    env = dict(os.environ, MPLBACKEND="Agg", OPENBLAS_NUM_THREADS="1")
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", RUNNER, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=path.parent,
        timeout=600,
    )
    assert proc.returncode == 0, (
        f"{path.name} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    )
    output, _, result = proc.stdout.rpartition("@@RESULT@@")
    return json.loads(result), output


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
def test_notebook_executes_and_its_prose_numbers_are_computed(path):
    start = time.perf_counter()
    result, output = _run(path)
    DURATIONS[path.name] = (time.perf_counter() - start, result["seconds"], result["cpu"])
    assert result["figures"] >= 1, f"{path.name} draws no figure"
    notebook = jupytext.read(path)
    missing = _uncomputed(_markdown_text(notebook), output, _code_text(notebook))
    assert not missing, f"{path.name}: prose quotes numbers the code does not produce: {missing}"


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


def test_report_run_times(capsys):
    """Prints the execution time of every notebook (measured above); asserts nothing."""
    with capsys.disabled():
        print()
        for name, (total, cells, cpu) in DURATIONS.items():
            print(
                f"  {name}: {total:5.1f} s with interpreter start and imports; "
                f"code cells {cells:5.1f} s wall, {cpu:5.1f} s CPU"
            )
        if DURATIONS:
            totals = [sum(d[i] for d in DURATIONS.values()) for i in range(3)]
            print(
                f"  all notebooks: {totals[0]:.1f} s; code cells {totals[1]:.1f} s wall, "
                f"{totals[2]:.1f} s CPU"
            )
