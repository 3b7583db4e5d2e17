"""The benchmark: ``python scripts/benchmark.py`` and the package ``scripts.bench``.

The quick benchmark runs for real, once per test run (every test of this module runs
in one worker): the tests check the JSON it writes and that this library breaks the
accuracy rule nowhere in it.  Timings are recorded, never asserted.  The fingerprint
that tells when the stored figures are stale is checked on a copy of the code it
covers.
"""

from __future__ import annotations

import ast
import json
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import activations as act
from scripts.bench import fingerprint as fp
from scripts.bench.run import dump, main

pytestmark = pytest.mark.xdist_group("benchmark")

ROOT = Path(__file__).resolve().parents[1]
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


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "benchmark.json"
    proc = subprocess.run(
        [sys.executable, "scripts/benchmark.py", "--quick", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    return {"text": text, "data": json.loads(text), "path": out}


# --------------------------------------------------------------------------- the run


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
    # (compared with the live code only in form: its files may change during the run)
    assert re.fullmatch(r"[0-9a-f]{64}", meta["fingerprint"])


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
    assert any(not act.get(r["name"]).elementwise for r in catalog)  # rows are measured too


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
    assert dump(quick["data"]) == quick["text"]
    assert quick["text"].startswith('{\n "_generated"')


def test_refingerprint_changes_only_the_fingerprint(quick, tmp_path, capsys):
    stored = json.loads(quick["text"])
    meta = stored["meta"]
    meta.pop("fingerprint")
    at = list(meta).index("versions") + 1
    stored["meta"] = {**dict(list(meta.items())[:at]), "catalog_fingerprint": "0" * 64,
                      **dict(list(meta.items())[at:])}  # fmt: skip
    path = tmp_path / "benchmark.json"
    path.write_text(dump(stored), encoding="utf-8")
    assert main(["--refingerprint", "--output", str(path)]) == 0
    assert "figures unchanged" in capsys.readouterr().out
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["meta"]["fingerprint"] == fp.fingerprint()
    assert list(again["meta"]) == list(quick["data"]["meta"])
    assert again["results"] == quick["data"]["results"]
    assert {k: v for k, v in again["meta"].items() if k != "fingerprint"} == {
        k: v for k, v in quick["data"]["meta"].items() if k != "fingerprint"
    }


# --------------------------------------------------------------------------- fingerprint


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of what the fingerprint covers: the numerical code and requirements.txt."""
    for part in ("src/activations", "scripts/bench"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "requirements.txt", tmp_path / "requirements.txt")
    assert fp.fingerprint(tmp_path) == fp.fingerprint(ROOT)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _docstring_line(path: Path) -> str:
    """The first line of the first function docstring in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    funcs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    docstring = next(ast.get_docstring(f, clean=False) for f in funcs if ast.get_docstring(f))
    return docstring.split("\n")[0]


def test_fingerprint_ignores_what_no_figure_depends_on(tree):
    before = fp.fingerprint(tree)
    family = tree / "src/activations/_sigmoid_like.py"
    line = _docstring_line(family)
    _edit(family, line, line + " (a typo fixed)")  # a docstring
    _edit(family, "\nregister(", "\n# a new comment\nregister(")  # a comment
    _edit(family, 'summary="', 'summary="Edited: ')  # a spec's prose
    _edit(family, "strengths=(", 'strengths=(\n            "One more strength.",')
    _edit(family, "why=", 'why="Where it fails, rewritten. " + ')
    family.write_text(family.read_text() + '\n_NOTE = "prose nothing reads"\n')
    _edit(tree / "scripts/bench/inputs.py", '"""The', '"""Now: the')  # the benchmark's docstrings
    _edit(tree / "requirements.txt", "ruff==", "ruff==0.0.0\n# ruff==")  # an unpinned tool
    (tree / "src/activations/notes.txt").write_text("not code\n")
    assert fp.fingerprint(tree) == before


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("src/activations/_sigmoid_like.py", "    return ", "    return 0 * 0 + "),  # a body
        ("src/activations/_sigmoid_like.py", 'fn="', 'fn=" '),  # a textbook formula
        ("src/activations/reference/_rule.py", "BASE = 4.0", "BASE = 5.0"),  # the rule
        ("src/activations/reference/_exact.py", "BASE_DIGITS = 50", "BASE_DIGITS = 40"),
        ("scripts/bench/inputs.py", "ROW_LENGTH = 16", "ROW_LENGTH = 17"),  # what is measured
        ("requirements.txt", "numpy==", "numpy==0.0.0\n# numpy=="),  # a pinned version
    ],
    ids=["body", "textbook", "rule", "precision", "rows", "numpy"],
)
def test_fingerprint_follows_the_numerics(tree, path, old, new):
    before = fp.fingerprint(tree)
    _edit(tree / path, old, new)
    assert fp.fingerprint(tree) != before


def test_fingerprint_counts_a_new_module(tree):
    before = fp.fingerprint(tree)
    (tree / "src/activations/_new_family.py").write_text("")
    assert fp.fingerprint(tree) != before
