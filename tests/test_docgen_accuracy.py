"""The Accuracy & speed page: ``scripts/docgen/accuracy.py`` (the page, and when its
figures are stale) and ``scripts/docgen/accuracy_plots.py`` (its plots).

The page is rendered from small hand-made figures in the benchmark's schema (the
schema itself is pinned by ``test_benchmark.py``), one set where this library meets
the rule and one where it does not.
"""

from __future__ import annotations

import json

import pytest

from scripts.bench.fingerprint import fingerprint
from scripts.docgen import accuracy, header
from scripts.docgen.accuracy_plots import offenders

META = {
    "date": "2026-01-02",
    "machine": "Linux x86_64, 2 cores",
    "cpu": "Some CPU 3000",
    "threads": 1,
    "versions": {
        "python": "3.11.7",
        "numpy": "2.4.6",
        "scipy": "1.17.1",
        "mpmath": "1.3.0",
        "torch": "2.13.0+cpu",
        "jax": None,
    },
    "fingerprint": "0" * 64,
    "grid": "thinned",
    "runs": 5,
    "elements_timed": 1000000,
    "seconds": {"accuracy": 1.0, "total": 2.0},
    "reference_corrections": {},
}


def _row(name, quantity, dtype, impl, max_ulp, violations=0, ms=1.0, worst_x=0.5):
    return {"name": name, "quantity": quantity, "dtype": dtype, "impl": impl,
            "max_ulp": max_ulp, "worst_x": worst_x, "violations": violations, "nonfinite": 0,
            "points": 485, "ms_per_1e6": ms}  # fmt: skip


def _figures(catalog_violations: int = 0) -> dict:
    rows = []
    for dtype in ("float64", "float32"):
        for quantity in ("f", "grad"):
            rows.append(_row("sigmoid", quantity, dtype, "catalog", 1.8, catalog_violations))
            broken = quantity == "grad"  # s(1 − s): every digit lost for x ≳ 37
            rows.append(_row("sigmoid", quantity, dtype, "textbook", 9e15 if broken else 1.8,
                             40 if broken else 0, ms=0.4, worst_x=38.0))  # fmt: skip
            rows.append(_row("sigmoid", quantity, dtype, "pytorch", 1.0, ms=0.5))
    return {"_generated": "…", "meta": META, "results": rows}


@pytest.fixture(scope="module")
def met() -> tuple[str, dict[str, bytes]]:
    return accuracy.render(_figures())


def test_page_states_when_where_and_the_verdict(met):
    page, _ = met
    assert page.startswith(header(".md"))
    assert META["date"] in page and META["cpu"] in page and "PyTorch 2.13.0+cpu" in page
    assert "JAX not installed" in page
    assert "**Met.** All 4 measurements" in page
    assert "[`sigmoid`](functions/sigmoid.md) f′" in page
    # the ratios to the textbook formula (2.5×) are over the target: a table says why
    assert "2.5×" in page and "the textbook formula is wrong at 40 of 485 inputs" in page


def test_page_plots_the_textbook_formula_that_fails(met):
    page, files = met
    assert list(files) == ["accuracy/sigmoid-grad.svg"]
    for rel, svg in files.items():
        assert header(".svg").encode() in svg[:600]
        assert f"({rel}){{ .plot }}" in page
    assert "breaks the rule at" in page and "this library stays within it everywhere" in page


def test_page_names_what_breaks_the_rule():
    page, _ = accuracy.render(_figures(catalog_violations=3))
    assert "**Missed** in 4 of 4 measurements" in page
    assert "3 of 485" in page


def test_offenders_need_a_textbook_formula_that_breaks_the_rule():
    res = accuracy.Results(_figures())
    assert [c[:2] for c in offenders(res, {"sigmoid"})] == [("sigmoid", "grad")]
    fine = _figures()
    for r in fine["results"]:
        r["violations"] = 0
    assert offenders(accuracy.Results(fine), {"sigmoid"}) == []


def test_page_without_benchmark(tmp_path):
    page, files = accuracy.render(None)
    assert "python scripts/benchmark.py" in page
    assert files == {}
    assert accuracy.problems(tmp_path / "missing.json") == []


def test_problems_report_figures_of_other_code(tmp_path):
    path = tmp_path / "benchmark.json"
    path.write_text(json.dumps({"meta": {"fingerprint": fingerprint()}, "results": []}))
    assert accuracy.problems(path) == []
    path.write_text(json.dumps({"meta": {"fingerprint": "0" * 64}, "results": []}))
    assert accuracy.problems(path) == [accuracy.STALE]
    assert "python scripts/benchmark.py" in accuracy.STALE
