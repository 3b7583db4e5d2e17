"""The benchmark script and the staleness check of the Accuracy & speed page.

The quick benchmark runs for real (a few functions on a small grid); the tests check
the JSON it writes and that this library breaks the accuracy rule nowhere in it.
Timings are recorded, never asserted.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import activations as act

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "benchmark.py"
IMPLS = {"catalog", "textbook", "scipy", "pytorch", "jax"}
ROW_KEYS = [
    "name",
    "quantity",
    "dtype",
    "impl",
    "max_ulp",
    "worst_x",
    "violations",
    "nonfinite",
    "points",
    "ms_per_1e6",
]


def _accuracy_module():
    """scripts/docgen/accuracy.py, imported as part of its package."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from docgen import accuracy
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return accuracy


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "benchmark.json"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    return {"text": text, "data": json.loads(text)}


def test_meta(quick):
    data = quick["data"]
    assert list(data) == ["_generated", "meta", "results"]
    meta = data["meta"]
    assert len(meta["date"]) == 10 and meta["date"][4] == "-"
    assert meta["machine"] and meta["cpu"]
    assert meta["threads"] == 1
    versions = meta["versions"]
    for key in ("python", "numpy", "scipy", "torch", "jax"):
        assert key in versions
        assert versions[key] is None or isinstance(versions[key], str)
    assert versions["numpy"] and versions["scipy"]
    # (compared with the live catalog only in form: its files may change during the run)
    assert re.fullmatch(r"[0-9a-f]{64}", meta["catalog_fingerprint"])


def test_results_schema(quick):
    results = quick["data"]["results"]
    assert results
    names = set(act.names())
    seen = set()
    for r in results:
        assert list(r) == ROW_KEYS, r
        assert r["name"] in names
        assert r["quantity"] in ("f", "grad")
        assert r["dtype"] in ("float64", "float32")
        assert r["impl"] in IMPLS
        for key in ("max_ulp", "worst_x", "ms_per_1e6"):
            assert r[key] is None or (isinstance(r[key], float | int) and math.isfinite(r[key]))
        assert r["max_ulp"] is None or r["max_ulp"] >= 0
        assert r["ms_per_1e6"] is None or r["ms_per_1e6"] > 0
        for key in ("violations", "nonfinite", "points"):
            assert isinstance(r[key], int) and r[key] >= 0
        assert r["violations"] <= r["points"]
        key = (r["name"], r["quantity"], r["dtype"], r["impl"])
        assert key not in seen, f"duplicate row {key}"
        seen.add(key)
    # Peers that are not installed leave no rows behind.
    versions = quick["data"]["meta"]["versions"]
    impls = {r["impl"] for r in results}
    assert ("pytorch" in impls) <= (versions["torch"] is not None)
    assert ("jax" in impls) <= (versions["jax"] is not None)


def test_every_catalog_row_measured_and_within_the_rule(quick):
    catalog = [r for r in quick["data"]["results"] if r["impl"] == "catalog"]
    assert {r["dtype"] for r in catalog} == {"float64", "float32"}
    for r in catalog:
        spec = act.get(r["name"])
        if spec.elementwise or r["points"]:
            assert r["points"] > 0, r
            assert r["max_ulp"] is not None, r
        assert r["violations"] == 0, r
        assert r["nonfinite"] == 0, r
    elementwise = {r["name"] for r in catalog if act.get(r["name"]).elementwise}
    for name in elementwise:
        assert {r["quantity"] for r in catalog if r["name"] == name} == {"f", "grad"}


def test_textbook_sigmoid_derivative_caught(quick):
    """The benchmark can fail a formula: s(1 - s) loses every digit for x ≳ 37."""
    rows = [
        r
        for r in quick["data"]["results"]
        if (r["name"], r["quantity"], r["impl"]) == ("sigmoid", "grad", "textbook")
    ]
    assert rows
    for r in rows:
        assert r["violations"] > 0
        assert r["max_ulp"] > 1e6
        assert r["worst_x"] > 30


def test_deterministic_layout(quick):
    """Indent 1, fixed key order: re-dumping the parsed data gives the same text."""
    spec = importlib.util.spec_from_file_location("benchmark_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.dump(quick["data"]) == quick["text"]
    assert quick["text"].startswith('{\n "_generated"')


def test_fingerprint_detects_changed_catalog(tmp_path):
    accuracy = _accuracy_module()
    src = tmp_path / "activations"
    shutil.copytree(ROOT / "src" / "activations", src)
    before = accuracy.catalog_fingerprint(src)
    assert before == accuracy.catalog_fingerprint(ROOT / "src" / "activations")
    bench = tmp_path / "benchmark.json"
    bench.write_text(json.dumps({"meta": {"catalog_fingerprint": before}, "results": []}))
    assert accuracy.problems(bench, src) == []

    # A file that is not part of the catalog's source changes nothing...
    (src / "notes.txt").write_text("not a catalog file\n")
    assert accuracy.catalog_fingerprint(src) == before
    # ...an edit to a catalog file does, and --check reports it.
    target = sorted(src.glob("_*.py"))[0]
    target.write_text(target.read_text() + "\n# edited\n")
    after = accuracy.catalog_fingerprint(src)
    assert after != before
    assert accuracy.problems(bench, src) == [accuracy.STALE]
    assert "python scripts/benchmark.py" in accuracy.STALE
    # A new family module counts too.
    target.write_text(target.read_text().removesuffix("\n# edited\n"))
    assert accuracy.catalog_fingerprint(src) == before
    (src / "_new_family.py").write_text("")
    assert accuracy.catalog_fingerprint(src) != before


def test_page_without_benchmark(tmp_path):
    accuracy = _accuracy_module()
    page, files = accuracy.render(None)
    assert "python scripts/benchmark.py" in page
    assert files == {}
    assert accuracy.problems(tmp_path / "missing.json") == []


def test_page_from_quick_run(quick):
    accuracy = _accuracy_module()
    from docgen import header

    page, files = accuracy.render(quick["data"])
    assert page.startswith(header(".md"))
    meta = quick["data"]["meta"]
    assert meta["date"] in page and meta["cpu"] in page
    assert "**Met.**" in page  # the catalog breaks the rule nowhere in the quick run
    assert "sigmoid" in page
    for rel, svg in files.items():
        assert rel.startswith("accuracy/") and rel.endswith(".svg")
        assert header(".svg").encode() in svg[:600]
        assert f"({rel}){{ .plot }}" in page


def test_precision_ladder_resolves_cancellation():
    """x + √(x² + 4) at x = −1e100 is 2e-100; 50 or 60 digits give exactly 0."""
    import mpmath
    import sympy as sp

    from activations._symbolic import X

    accuracy = _accuracy_module()
    spec = SimpleNamespace(params={}, symbols={}, expr=X + sp.sqrt(X**2 + 4))
    func = accuracy.expression_function(spec, 0)
    with mpmath.workdps(60):
        assert func(mpmath.mpf(-1e100))[0] == 0
    value, deriv = accuracy.ladder_value(func, -1e100)
    assert abs(value / mpmath.mpf("2e-100") - 1) < 1e-20
    assert deriv > 0
    # A value that is exactly zero is accepted as zero (after the whole ladder).
    ramp = SimpleNamespace(params={}, symbols={}, expr=sp.Piecewise((0, X < 0), (X, True)))
    assert accuracy.ladder_value(accuracy.expression_function(ramp, 0), -1.0) == (0, 0)
