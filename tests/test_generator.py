"""The site generator (scripts/docgen): deterministic plots, a working --check, one
page and plot per spec, snippets that print what the catalog returns, and math
that comes from the specs only."""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations import properties
from activations._symbolic import to_latex
from scripts.docgen import (
    cheatsheet,
    common,
    defaults,
    families,
    glossary,
    header,
    pages,
    plot_style,
    plots,
)

ROOT = Path(__file__).resolve().parents[1]

SPECS = act.specs()
IDS = [s.name for s in SPECS]
MINE = (
    "common",
    "alt_text",
    "pages",
    "plots",
    "plot_style",
    "cheatsheet",
    "families",
    "defaults",
    "glossary",
)


@pytest.fixture(scope="module")
def plot_outputs():
    # Read from the plot cache (scripts/docgen/plots.py) when the plots were rendered
    # before from the same data: scripts/test.sh renders them all, once, first.
    return plots.outputs()


# ---------------------------------------------------------------- determinism
# The determinism check is a fresh render compared byte for byte with the committed
# files: scripts/test.sh runs `generate.py --check --fresh` (and CI does the same), which
# fails on any plot or page that does not come out exactly as committed. A second render
# here would prove nothing more; these tests check what makes that comparison possible.


def test_svg_ids_and_metadata_are_pinned():
    """matplotlib names clip paths after a hash salted per run unless svg.hashsalt is
    set, and dates the file unless told not to."""
    from matplotlib.figure import Figure

    def render() -> bytes:
        with matplotlib.rc_context(plots.RC):
            fig = Figure(figsize=(1, 1))
            fig.add_subplot().plot([0, 1], [0, 1], clip_on=True)
            return plot_style.svg_bytes(fig)

    first = render()
    assert b"clip-path" in first and b"<dc:date>" not in first
    assert render() == first


def test_plot_cache_keys_on_everything_drawn(tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "CACHE_DIR", tmp_path)
    drawn = []

    def draw(tag: str):
        return lambda: drawn.append(tag) or tag.encode()

    x = np.array([1.0, 2.0])
    assert plots.cached(draw("a"), "kind", x, "label") == b"a"
    assert plots.cached(draw("b"), "kind", x.copy(), "label") == b"a"  # same data: cached
    assert drawn == ["a"]
    assert plots.cached(draw("c"), "kind", np.array([1.0, 2.5]), "label") == b"c"
    assert plots.cached(draw("d"), "kind", x.astype(np.float32), "label") == b"d"
    assert plots.cached(draw("e"), "kind", x, "label 2") == b"e"
    assert plots.cached(draw("f"), "other kind", x, "label") == b"f"
    module = tmp_path / "drawing.py"  # drawn by another module: keyed on its source
    module.write_text("# one way to draw\n")
    assert plots.cached(draw("h"), "kind", x, "label", code=str(module)) == b"h"
    assert plots.cached(draw("i"), "kind", x, "label", code=str(module)) == b"h"
    module.write_text("# another way to draw\n")
    assert plots.cached(draw("j"), "kind", x, "label", code=str(module)) == b"j"
    monkeypatch.setattr(plots, "CACHE_READS", False)  # generate.py --fresh
    assert plots.cached(draw("g"), "kind", x, "label") == b"g"


# ---------------------------------------------------------------- --check


def _copy_tree(tmp_path: Path) -> Path:
    """The repo's docs/, a snapshot of the catalog, and the generator (only this
    generator's modules) in a tmp dir."""
    work = tmp_path / "repo"
    shutil.copytree(
        ROOT / "src" / "activations",
        work / "src" / "activations",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    if (ROOT / ".cache" / "svg").is_dir():  # plots rendered before need no second render
        shutil.copytree(ROOT / ".cache" / "svg", work / ".cache" / "svg")
    (work / "scripts" / "docgen").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "__init__.py", work / "scripts" / "__init__.py")
    shutil.copytree(
        ROOT / "scripts" / "bench",
        work / "scripts" / "bench",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "scripts" / "generate.py", work / "scripts" / "generate.py")
    shutil.copy(ROOT / "scripts" / "docgen" / "__init__.py", work / "scripts" / "docgen")
    for name in MINE:
        shutil.copy(ROOT / "scripts" / "docgen" / f"{name}.py", work / "scripts" / "docgen")
    return work


def _generate(work: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/generate.py", *args],
        cwd=work,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(work), str(work / "src")])},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_names_an_edited_and_an_orphaned_file(tmp_path):
    work = _copy_tree(tmp_path)
    assert _generate(work).returncode == 0  # now every generated file is current

    page = work / "docs" / common.page_path(SPECS[0])
    page.write_text(page.read_text() + "\nhand edit\n")
    svg = work / "docs" / common.plot_path(SPECS[-1])
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<!-- x --></svg>"))
    orphan = work / "docs" / "functions" / "no_such_function.md"
    orphan.write_text(header(".md") + "# gone\n")

    bad = _generate(work, "--check")
    assert bad.returncode == 1
    named = {line for line in bad.stderr.splitlines() if line.startswith(("stale", "orphaned"))}
    assert named == {
        f"stale: docs/{common.page_path(SPECS[0])}",
        f"stale: docs/{common.plot_path(SPECS[-1])}",
        "orphaned (no longer generated): docs/functions/no_such_function.md",
    }


# ---------------------------------------------------------------- coverage


def test_every_spec_has_page_plot_thumbnail_and_rows(plot_outputs):
    page_files = pages.outputs()
    sheet = cheatsheet.render()
    for spec in SPECS:
        assert common.page_path(spec) in page_files
        assert common.plot_path(spec) in plot_outputs
        assert common.thumb_path(spec) in plot_outputs
        for p in spec.parameters:
            if p.examples and spec.elementwise:
                assert common.plot_path(spec, p.name) in plot_outputs
            if p in plots.family_params(spec):
                assert common.plot_path(spec, p.name) in plot_outputs
        link = f"]({common.page_path(spec)})"
        # the summary and the comparison table, and the core table for the core activations
        assert sheet.count(link) == 2 + (spec.core is not None), spec.name
    for family in act.FAMILIES:
        text = families.render(family)
        for spec in common.members(family.slug):
            assert f"](../{common.page_path(spec)})" in text


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_page_links_every_image_it_has(spec, plot_outputs):
    text = pages.render(spec)
    for target in re.findall(r"\]\((img/[^)]+\.svg)\)\{ \.plot \}", text):
        assert f"functions/{target}" in plot_outputs
    assert text.startswith(header(".md"))


# ---------------------------------------------------------------- snippets


def _snippet_examples(text: str) -> list[doctest.Example]:
    """The examples as pytest's --doctest-glob sees them: parsed from the whole page."""
    assert re.search(r"## With this library\n.*?```python\n>>> ", text, re.S), "no usage snippet"
    return doctest.DocTestParser().get_examples(text)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_snippet_prints_exactly_what_the_catalog_returns(spec):
    examples = _snippet_examples(pages.render(spec))
    assert any(e.want for e in examples)
    test = doctest.DocTest(examples, {}, spec.name, None, 0, None)
    runner = doctest.DocTestRunner(optionflags=0)  # exact text, no NUMBER leeway
    with np.printoptions(legacy=False):
        result = runner.run(test, out=lambda s: None)
    assert result.failed == 0


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_snippet_values_are_the_catalog_values(spec):
    namespace: dict = {}
    for source, expected in pages.snippet_lines(spec):
        if not expected:
            exec(source, namespace)
            continue
        value = eval(source.split("#")[0], namespace)
        assert pages._printed(value) == expected, source
        want = eval(expected, {"array": np.array, "inf": np.inf, "nan": np.nan})
        np.testing.assert_allclose(np.asarray(value), want, rtol=1e-6, atol=1e-8)
    x = namespace["x"]
    if spec.elementwise:
        np.testing.assert_array_equal(eval(f"act.{spec.name}(x)", namespace), spec.fn(x))


# ---------------------------------------------------------------- math from the spec

MATH = re.compile(r"\$\$\n(.*?)\n\$\$|\$([^$\n]+)\$", re.S)
_LEFT = sorted({lhs for s in SPECS for lhs in s.display_lhs}, key=len, reverse=True)
LHS = re.compile(
    "^(?:" + "|".join(map(re.escape, _LEFT)) + r"|f|\\frac\{\\partial f\}\{\\partial [^}]+\}) = "
)


def _allowed_math(spec: act.Spec) -> set[str]:
    names = spec.latex_names
    allowed = {spec.formula, spec.derivative, spec.properties.range_latex}
    allowed |= {to_latex(form, names) for _, form in spec.display_also}
    # the list under the formulas: symbols and their definitions
    allowed |= {m.symbol for m in spec.where} | {m.definition for m in spec.where}
    allowed |= {to_latex(step.expr, names) for step in spec.derivation}
    # A step's note may name the rule it applies in inline math ("chain rule on
    # $e^{x/\alpha}$"); the step's expression itself is printed from SymPy and verified.
    allowed |= {m for step in spec.derivation for m in re.findall(r"\$([^$]+)\$", step.note)}
    allowed |= {to_latex(v.expr if v.display is None else v.display, names) for v in spec.variants}
    for p in spec.parameters:
        if p.latex:
            allowed.add(p.latex)
        allowed.add(to_latex(sp.diff(spec.expr, p.symbol), names))
    region = properties.zero_gradient_region(spec)
    if region is not None:  # the dead-units row names the region where f′ = 0
        allowed.add(glossary.set_latex(region).strip("$"))
    allowed |= {m.strip("$") for m in glossary.SMOOTHNESS.values() if m.startswith("$")}
    allowed |= {m.split("$")[1] for m in glossary.SMOOTHNESS.values() if "$" in m}
    return allowed


def _math_of(text: str) -> list[str]:
    return [(m.group(1) or m.group(2)) for m in MATH.finditer(_without_code(text))]


def _without_code(text: str) -> str:
    return re.sub(r"```.*?```|`[^`\n]*`", "", text, flags=re.S)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_every_formula_on_a_page_comes_from_the_spec(spec):
    allowed = _allowed_math(spec)
    found = _math_of(pages.render(spec))
    assert spec.formula in {LHS.sub("", m) for m in found}
    for m in found:
        assert LHS.sub("", m) in allowed, m


def test_recorded_framework_functions_really_differ():
    found = defaults.different_functions()
    assert {(s.name, fw.framework) for s, fw, *_ in found} >= {
        ("hard_sigmoid", "tf.keras 2"),
        ("softplus", "PyTorch"),
    }
    for spec, fw, i, ours, theirs in found:
        assert theirs.shape == defaults.PROBE.shape and np.all(np.isfinite(theirs))
        assert theirs[i] != ours[i], f"{spec.name}: {fw.framework}'s recorded function is ours"
    page = defaults.render()
    for spec, fw, *_ in found:
        assert f"${fw.formula}$" in page, (spec.name, fw.framework)


def test_cheatsheet_and_family_math_comes_from_the_specs():
    allowed = set().union(*(_allowed_math(s) for s in SPECS))
    allowed = {a.replace("|", r"\vert ") for a in allowed} | allowed
    allowed = {" ".join(a.split()) for a in allowed}  # table cells collapse whitespace
    texts = [cheatsheet.render(), *(families.render(f) for f in act.FAMILIES)]
    for text in texts:
        for m in _math_of(text):
            # the core table prints its formulas in display style, with the left-hand
            # side for functions of a row
            m = LHS.sub("", m.removeprefix("\\displaystyle "))
            assert " ".join(m.split()) in allowed, m


def test_math_check_catches_a_hand_written_formula():
    spec = SPECS[0]
    text = pages.render(spec) + "\n$$\nf(x) = x^{2}\n$$\n"
    assert any(LHS.sub("", m) not in _allowed_math(spec) for m in _math_of(text))


# ---------------------------------------------------------------- SVG hygiene


def test_svgs_are_small_text_only_and_undated(plot_outputs):
    date = re.compile(rb"(19|20)\d\d-\d\d-\d\d|<dc:date>")
    for path, svg in plot_outputs.items():
        assert svg.startswith(b"<?xml")
        assert header(".svg").encode() in svg[:600], path
        assert b"<image" not in svg, path
        assert b"@font-face" not in svg and b"<font" not in svg, path
        assert not re.search(rb'<path id="DejaVu', svg), path  # glyphs as paths
        assert not date.search(svg), path
        assert b"<text" in svg or "/thumbs/" in path, path  # labels stay text
        assert len(svg) < 40_000, (path, len(svg))


def test_y_limits_rule():
    assert plots.y_limits([np.array([0.0, 1.0])]) == (-0.25, 1.25)
    assert plots.y_limits([np.array([-1e9, 1e9])]) == plots.Y_CLIP
    lo, hi = plots.y_limits([np.array([2.0, 3.0, np.nan, np.inf])])
    assert lo <= 0 <= hi and hi == 3.25


def test_default_curve_is_primary_in_a_family_of_curves():
    spec = next((s for s in SPECS for p in s.parameters if p.examples), None)
    if spec is None:
        pytest.skip("no catalog parameter has example values yet")
    param = next(p for p in spec.parameters if p.examples)
    svg = plots.family_of_curves(spec, param).decode()
    assert plots.F_COLOUR in svg
    widths = [float(w) for w in re.findall(r"stroke: #1f63b4; stroke-width: ([0-9.]+)", svg)]
    others = [float(w) for w in re.findall(r"stroke-width: ([0-9.]+)", svg)]
    assert widths and max(widths) == max(others)


# ---------------------------------------------------------------- tables and defaults


def test_table_cells_escape_pipes_outside_and_inside_math():
    assert common.cell("a | b") == r"a \| b"
    assert common.cell(r"$\left|x\right|$") == r"$\left\vert x\right\vert $"


def _fake(name: str, **kw) -> act.Spec:
    """A spec that is not registered, to exercise the generator's branches."""
    base = dict(
        name=name,
        title=name.title(),
        family=act.FAMILIES[0].slug,
        summary="A test function.",
        fn=lambda x, slope=0.1: np.asarray(x) * slope,
        grad=lambda x, slope=0.1: np.full_like(np.asarray(x, dtype=float), slope),
        expr=sp.Symbol("slope", real=True) * sp.Symbol("x", real=True),
        properties=act.Properties(
            (-np.inf, np.inf, False, False), r"\mathbb{R}", "increasing", "Cinf", "none"
        ),
        strengths=("s",),
        weaknesses=("w",),
        typical_use="tests",
        year=2000,
        paper=None,
        frameworks=(
            act.Framework("PyTorch", "torch.fake", {"slope": 0.1}),
            act.Framework("Keras 3", "keras.fake", {"slope": 0.3}),
            act.Framework("JAX", "jax.fake", {"slope": None, "cutoff": 20}),
        ),
        parameters=(act.Param("slope", 0.1, "the slope", r"\alpha", (0.1, 0.5)),),
    )
    base.update(kw)
    return act.Spec(**base)


def test_framework_disagreements_are_computed():
    fake = _fake("fake")
    found = dict(defaults.disagreements(fake))
    assert set(found) == {"slope", "cutoff"}  # Keras 0.3 ≠ 0.1; JAX adds a cutoff
    torch_, keras, jax = fake.frameworks
    assert found["slope"] == {"PyTorch": [torch_], "Keras 3": [keras], "JAX": [jax]}
    agree = _fake("agree", frameworks=(act.Framework("PyTorch", "t", {"slope": 0.1}),))
    assert defaults.disagreements(agree) == []
    tab = pages._framework_tab(_fake("fake"), _fake("fake").frameworks[1])
    assert '!!! warning "Keras 3 default differs"' in tab and "`slope=0.3`" in tab


def test_a_layer_and_a_function_that_disagree_are_both_shown():
    two = _fake(
        "two",
        frameworks=(
            act.Framework("Keras 3", "keras.activations.fake", {"slope": 0.2}),
            act.Framework("Keras 3", "keras.layers.Fake", {"slope": 0.3}),
        ),
    )
    ((key, stated),) = defaults.disagreements(two)
    assert stated == {"Keras 3": list(two.frameworks)}
    cell = defaults._cell(two, key, "Keras 3", stated)
    assert "keras.activations.fake" in cell and "keras.layers.Fake" in cell
    page = pages._frameworks(two)
    assert page.count('!!! warning "Keras 3 default differs"') == 2
    assert act.FRAMEWORK_VERSIONS["Keras 3"].label in page


def test_cheatsheet_warns_only_of_the_frameworks_that_differ():
    spec = _fake(
        "warn",
        frameworks=(
            act.Framework("PyTorch", "torch.warn", {"slope": 0.1}),  # agrees
            act.Framework("Keras 3", "keras.warn", {"slope": 0.3}),  # differs
            act.Framework("tf.keras 2", "tf.warn", {"slope": None}),  # no such parameter
            act.Framework("JAX", "jax.warn", {"slope": act.REQUIRED}),  # no default
        ),
    )
    assert "differs in Keras 3]" in cheatsheet._defaults_cell(spec)
    for spec in act.specs():
        ours = common.our_defaults(spec)
        expected = [
            name
            for name in common.FRAMEWORKS
            if any(
                common.differs(k, v, ours)
                for f in spec.frameworks
                if f.framework == name and f.name not in ("", "—")
                for k, v in f.defaults.items()
            )
        ]
        cell = cheatsheet._defaults_cell(spec)
        assert ("⚠" in cell) == bool(expected), spec.name
        if expected:
            assert f"differs in {', '.join(expected)}]" in cell, (spec.name, cell)


def test_framework_values_are_shown_in_the_frameworks_own_spelling():
    gelu = act.get("gelu")
    jax = next(f for f in gelu.frameworks if f.framework == "JAX")
    assert common.fw_value(jax, "approximate") == "`approximate=True`"
    assert "`approximate=True` ⚠" in pages._defaults_summary(gelu, pages.page_path(gelu))
    row = next(r for r in defaults.render().splitlines() if r.startswith("| [GELU]"))
    assert "'tanh'" not in row.split("|", 4)[4] and "**`approximate=True`**" in row
    leaky = next(r for r in defaults.render().splitlines() if r.startswith("| [Leaky ReLU]"))
    assert "**`alpha=0.3`**" in leaky and "**`alpha=0.2`**" in leaky
    softmax = act.get("softmax")
    summary = pages._defaults_summary(softmax, pages.page_path(softmax))
    assert "`dim=None` (implicit) ⚠" in summary and "`dim` required" in summary


def test_the_difference_between_a_function_and_its_variant_is_computed():
    gelu = act.get("gelu")
    (_, d, x), (_, dg, _) = pages.variant_difference(gelu, "approximate", "tanh")
    grid = pages.VARIANT_GRID
    assert d == pytest.approx(
        np.max(np.abs(act.gelu(grid) - act.gelu(grid, approximate="tanh"))), rel=1e-12
    )
    assert 1e-4 < d < 1e-3 and -3 < x < -2.5 and 1e-4 < dg < 1e-2
    assert pages.variant_difference(act.get("leaky_relu"), "negative_slope", 0.2) == []
    jax = next(fw for fw in gelu.frameworks if fw.framework == "JAX")
    assert common.fmt_number(d, 2) in pages._framework_tab(gelu, jax)


def test_row_functions_get_a_vjp_snippet_and_no_derivative_curve():
    def softmax(x, axis=-1):
        e = np.exp(np.asarray(x) - np.max(x, axis=axis, keepdims=True))
        return e / e.sum(axis=axis, keepdims=True)

    def vjp(x, g, axis=-1):
        y = softmax(x, axis)
        return y * (g - (g * y).sum(axis=axis, keepdims=True))

    spec = _fake(
        "rowfn", fn=softmax, grad=None, vjp=vjp, elementwise=False, parameters=(), frameworks=()
    )
    text = pages.render(spec)
    assert "## Derivative" not in text and "f′ (dashed)" not in text
    assert ".vjp(x, g)" in text
    lines = dict(pages.snippet_lines(spec))
    want = np.array(
        lines[next(k for k in lines if ".vjp(x, g)" in k)]
        .removeprefix("array(")
        .removesuffix(")")
        .strip("[]")
        .split(","),
        dtype=float,
    )
    y = softmax(np.array(pages.SAMPLE_ROW))
    np.testing.assert_allclose(
        want, vjp(np.array(pages.SAMPLE_ROW), np.eye(y.size)[0]), rtol=1e-6, atol=1e-8
    )
    label, along = plots.vector_slice(spec)
    assert "(x, 0)" in label
    np.testing.assert_allclose(along(np.array([0.0, 1.0])), [0.5, 1 / (1 + np.exp(-1.0))])


ROUNDED = [(s, r) for s in SPECS if s.elementwise for r in properties.rounding(s) or []]


@pytest.mark.parametrize(
    ("spec", "r"), ROUNDED, ids=[f"{s.name}-{r.dtype}-{r.side}" for s, r in ROUNDED]
)
def test_rounding_thresholds_hold_at_the_printed_number(spec, r):
    printed = glossary.outward(r.threshold, r.side)
    assert common.fmt_number(printed, 6) in glossary.rounding_text(spec)
    x = np.asarray(printed, dtype=r.dtype)
    beyond = x * np.asarray([1.0, 1.5, 4.0], dtype=r.dtype)  # further out on the same side
    for value in (x, *beyond):
        assert spec.fn(value, **spec.params) == r.bound, (float(value), r)


def test_a_threshold_rounded_to_nearest_would_be_false():
    # ELU reaches −1 in float64 from x = −37.4299477…: "x ≤ −37.4299" is false there.
    elu = next(r for s, r in ROUNDED if s.name == "elu" and r.dtype == "float64")
    assert act.elu(np.float64(float(f"{elu.threshold:.6g}"))) != -1.0
    assert act.elu(np.float64(glossary.outward(elu.threshold, elu.side))) == -1.0
