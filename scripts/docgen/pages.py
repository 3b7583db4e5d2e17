"""One page per activation: ``docs/functions/<name>.md``.

Every formula is printed from the spec's SymPy expressions, every number in a
snippet is computed by calling the catalog at generation time (and doctested by
pytest), every plot comes from :mod:`docgen.plots`.
"""

from __future__ import annotations

import ast
import math
from typing import Any

import numpy as np

import activations as act
from activations._symbolic import to_latex
from activations.reference import reference, ulp_error

from ..bench.textbook import textbook_function
from . import DOCS, alt_text, glossary, header
from .common import (
    FRAMEWORKS,
    benchmark,
    benchmark_rows,
    bounded,
    differs,
    equivalents,
    examples_of,
    family_of,
    family_page_path,
    fmt_number,
    fmt_ulp,
    fmt_value,
    fw_value,
    indent,
    link,
    math_display,
    members,
    our_defaults,
    page_path,
    paper_text,
    plot_path,
    public_call,
    rel,
    same_value,
    table,
    yes_no,
)
from .glossary import MONOTONIC, SMOOTHNESS, term_link
from .plots import family_params, vector_slice

SAMPLE_X = [-3.0, -1.0, 0.0, 1.0, 3.0]
"""The inputs of every elementwise snippet."""
SAMPLE_ROW = [-1.0, 0.0, 1.0, 2.0]
"""The input row of every non-elementwise snippet (even length: GLUs split it)."""

DF = "f'(x)"

SNIPPET_DIR = "snippets"
"""Where the copy-ready implementations live, relative to docs/: ``<name>.py``, each
included verbatim by its page (``pymdownx.snippets``, whose ``base_path`` in mkdocs.yml
is this directory) and run by ``tests/test_snippets.py``."""


def _printed(value: Any) -> str:
    """``repr`` of a result with NumPy's default print options, as the doctest sees it."""
    with np.printoptions(
        precision=8, threshold=1000, linewidth=75, suppress=False, floatmode="maxprec"
    ):
        return repr(value)


def param_latex(spec: act.Spec, name: str) -> str:
    param = next(p for p in spec.parameters if p.name == name)
    return param.latex or to_latex(param.symbol)


# ---------------------------------------------------------------- sections


def short_authors(paper: act.Paper) -> str:
    """ "Fukushima", "Nair & Hinton", "Glorot et al.": surnames as a citation gives them."""
    names = [a.strip().split(" ")[-1] for a in paper.authors.split(",") if a.strip()]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} & {names[1]}"
    return f"{names[0]} et al."


def _heading(spec: act.Spec) -> str:
    return f"# {spec.title}\n\n{spec.summary}\n"


def _facts(spec: act.Spec, source: str) -> str:
    """Family, other names, first use and popularisation: one line under "History"."""
    family = family_of(spec.family)
    facts = [f"Family: [{family.title}]({rel(family_page_path(family.slug), source)})"]
    if spec.aliases:
        facts.append("Also called: " + ", ".join(f"`{a}`" for a in spec.aliases))
    who = f" ({short_authors(spec.paper)})" if spec.paper else ""
    label = "Introduced" if spec.first_use_known else "In use by"
    facts.append(f"{label}: {spec.year}{who}")
    if spec.popularised_by:
        facts.append(
            "Popularised by: "
            + ", ".join(f"{short_authors(p)} ({p.year})" for p in spec.popularised_by)
        )
    return " · ".join(facts) + "\n"


def _formula(spec: act.Spec) -> str:
    f, df = spec.display_lhs
    out = ["## Formula\n", math_display(spec.formula, f)]
    for label, form in spec.display_also:
        out.append(f"{label}\n")
        out.append(math_display(to_latex(form, spec.latex_names), f))
    for variant in spec.variants:
        kwargs = ", ".join(f"{k}={fmt_value(v)}" for k, v in variant.kwargs.items())
        shown = variant.expr if variant.display is None else variant.display
        out.append(f"With `{kwargs}` ({variant.label}):\n")
        out.append(math_display(to_latex(shown, spec.latex_names), f))
    if spec.elementwise or spec.display_derivative is not None:
        out += ["## Derivative\n", math_display(spec.derivative, df)]
    for param, grad in spec.learnable_gradients:
        partial = rf"\frac{{\partial f}}{{\partial {param_latex(spec, param.name)}}}"
        out.append(f"Gradient with respect to the learnable `{param.name}`:\n")
        out.append(math_display(to_latex(grad, spec.latex_names), partial))
    out.append(_where(spec))
    return "\n".join(out)


def _where(spec: act.Spec) -> str:
    """The list under the formulas: what each symbol other than x means."""
    items = []
    for m in spec.where:
        text = (m.text[:1].upper() + m.text[1:]).rstrip(".")
        if m.param is not None:
            text += f". Default: `{fmt_value(m.param.default)}`"
        elif m.definition:
            text += f": ${m.definition}$"
        items.append(f"- ${m.symbol}$ — {text}.")
    return "where\n\n" + "\n".join(items) + "\n" if items else ""


def _plot(spec: act.Spec, source: str) -> str:
    img = rel(plot_path(spec), source)
    alt = alt_text.function_plot(spec)
    if spec.elementwise:
        caption = (
            "f (solid) and f′ (dashed) at the default parameters"
            + ("; dots mark the value returned at each kink" if spec.kinks else "")
            + f" ({term_link('plots', source, 'how to read the plots')})."
        )
    else:
        label, _ = vector_slice(spec)
        caption = (
            f"{spec.title} acts on a whole row, so the plot shows one slice: the {label}, "
            f"at the default parameters ({term_link('plots', source, 'how to read the plots')})."
        )
    return f"![{alt}]({img}){{ .plot }}\n\n*{caption}*\n"


def _copy(spec: act.Spec, source: str) -> str:
    """The "Copy into your code" section: the snippet file, included verbatim so that the
    page, its copy button and the test suite share one text. The sentence above it is read
    off the file: its public functions and the SciPy names it imports. (No file, no
    section; tests/test_snippets.py requires one file per activation.)"""
    filename = f"{spec.name}.py"
    path = DOCS / SNIPPET_DIR / filename
    if not path.is_file():
        return ""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    f, df = (
        f"`{node.name}`"
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    )
    scipy_names = [
        f"`{alias.name}`"
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scipy")
        for alias in node.names
    ]
    needs = "NumPy"
    if scipy_names:
        needs += " and SciPy's " + " and ".join(scipy_names)
    what = (
        f"{f} and its derivative {df}"
        if spec.elementwise
        else f"{f} (along an axis) and its vector-Jacobian product {df} (the gradient of "
        "Σ g · f with respect to x)"
    )
    api = rel("reference/api.md", source) + f"#activations.{spec.fn.__name__}"
    return (
        "## Copy into your code\n\n"
        f"{what} in one file that needs only {needs}, for a project that does not have this "
        "library. It takes a NumPy array of floats (float32 stays float32) and "
        f"does not check its input; [`{public_call(spec)}`]({api}) does. The test suite runs "
        "its examples, holds both functions to this library's "
        f"[accuracy rule]({rel('accuracy.md', source)}) in float64 and float32, and checks "
        "that no floating-point warning escapes and that ±inf and NaN give this library's "
        "values, at the parameters shown on this page"
        + (" and with any real parameter at 0" if spec.parameters and spec.elementwise else "")
        + ".\n\n"
        f'```python title="{filename}"\n--8<-- "{filename}"\n```\n'
    )


def _derivation(spec: act.Spec) -> str:
    if not spec.derivation:
        return ""
    left = DF if spec.elementwise else ""
    out = [
        "## Derivation\n" if spec.elementwise else "## Gradient\n",
    ]
    for i, step in enumerate(spec.derivation, 1):
        note = f" — {step.note}" if step.note else ""
        out.append(f"**Step {i}**{note}\n")
        out.append(math_display(to_latex(step.expr, spec.latex_names), left))
    return "\n".join(out)


def _kinks(spec: act.Spec) -> str:
    if not spec.kinks:
        return ""
    peers = [f for f in FRAMEWORKS if any(f in k.frameworks for k in spec.kinks)]
    rows = []
    for kink in spec.kinks:
        returned = float(np.asarray(spec.grad(kink.at, **spec.params))) if spec.grad else None
        rows.append(
            (
                fmt_number(kink.at),
                "—" if returned is None else fmt_number(returned),
                *(fmt_number(kink.frameworks[f]) if f in kink.frameworks else "—" for f in peers),
                kink.convention,
            )
        )
    versions = ", ".join(act.FRAMEWORK_VERSIONS[f].label for f in peers)
    theirs = (
        f" The framework columns are what each framework's automatic differentiation "
        f"returns there ({versions}; Keras on its JAX backend), checked by the test suite "
        "when the framework is installed."
        if peers
        else ""
    )
    return (
        "### Convention at the kinks\n\n"
        "f is not differentiable at these points; `grad` returns a fixed value there "
        f"(computed by calling it).{theirs}\n\n"
        + table(("x", "grad(x)", *peers, "convention"), rows, "rr" + "r" * len(peers) + "l")
    )


def _parameters(spec: act.Spec, source: str) -> str:
    if not spec.parameters:
        return "## Parameters\n\nNone besides the input.\n"
    rows = []
    for p in spec.parameters:
        rows.append(
            (
                f"`{p.name}`",
                f"${p.latex}$" if p.latex else "—",
                f"`{fmt_value(p.default)}`",
                yes_no(p.learnable),
                p.description,
            )
        )
    out = [
        "## Parameters\n",
        table(("name", "symbol", "default", "learnable", "meaning"), rows, "lcrcl"),
    ]
    for p in family_params(spec):
        shown = ", ".join(
            f"{fmt_value(v)}" + (" (default)" if same_value(v, p.default) else "")
            for v in examples_of(p)
        )
        img = rel(plot_path(spec, p.name), source)
        out.append(f"### Effect of `{p.name}`\n")
        out.append(
            f"![{alt_text.parameter_plot(spec, p)}]({img}){{ .plot }}\n\n"
            f"*f for `{p.name}` = {shown}; the other parameters at their defaults. "
            "The thick curve is the default.*\n"
        )
    return "\n".join(out)


def _properties(spec: act.Spec) -> str:
    p = spec.properties
    source = page_path(spec)

    def row(anchor: str, value: str) -> tuple[str, str]:
        return (term_link(anchor, source, glossary.TERMS[anchor].title), value)

    rows = [
        row("range", f"${p.range_latex}$"),
        row("bounded", bounded(p)),
        row("monotonic", MONOTONIC[p.monotonic]),
        row("smoothness", SMOOTHNESS[p.smoothness]),
    ]
    if spec.elementwise:
        rows += [
            row("mean-output", glossary.mean_text(spec)),
            row("init-gain", glossary.gain_text(spec)),
            row("zero-centred", glossary.zero_centred_text(spec)),
            row("saturating", glossary.saturation_text(spec)),
        ]
        if spec.grad is not None:
            rows += [
                row("dead-units", glossary.dead_units_text(spec)),
                row("gradient-floor", glossary.floor_text(spec)),
                row("grad-at-zero", fmt_number(float(np.asarray(spec.grad(0.0, **spec.params))))),
            ]
    else:
        rows.append(row("saturating", glossary.saturation_text(spec)))
    rows += [
        row("self-gated", yes_no(p.self_gated)),
        row("cost", p.cost),
        row("elementwise", yes_no(spec.elementwise)),
    ]
    return "### Properties\n\n" + table(("property", "value"), rows)


def _use(spec: act.Spec) -> str:
    out = ["### When to use it\n", spec.typical_use + "\n"]
    out += ["**Strengths**\n", "\n".join(f"- {s}" for s in spec.strengths) + "\n"]
    out += ["**Weaknesses**\n", "\n".join(f"- {w}" for w in spec.weaknesses) + "\n"]
    return "\n".join(out)


def _numerics(spec: act.Spec) -> str:
    """Everything about how the function is computed, folded: why the implementation is
    written as it is, the textbook formula and where it fails, the errors and timings
    measured by the benchmark, and where floating point reaches the range's ends."""
    naive = spec.naive
    out = []
    if spec.notes:
        out.append("**Why it is written this way.** " + spec.notes.strip() + "\n")
    if naive.fn or naive.grad:
        out.append("The textbook NumPy formula people copy:\n")
        code = []
        if naive.fn:
            code += ["# f", naive.fn]
        if naive.grad:
            code += ["# f′", naive.grad]
        out.append("```python\n" + "\n".join(code) + "\n```\n")
    if naive.why:
        out.append(naive.why.strip() + "\n")
    examples = naive_examples(spec)
    if examples:
        out.append(examples)
    rows = _benchmark_table(spec)
    if rows:
        out.append(rows)
    rounding = glossary.rounding_text(spec) if spec.elementwise else ""
    if rounding:
        link_ = term_link("floating-point", page_path(spec), "In floating point")
        out.append(f"**{link_}:** {rounding}.\n")
    if not out:
        return ""
    return '??? info "Numerics and implementation"\n\n' + indent("\n".join(out))


def naive_example_rows(spec: act.Spec) -> list[dict[str, Any]]:
    """The textbook formula, the catalog and the truth at ``spec.naive.examples``
    (float64) and ``examples_float32``, computed now: one dict per (x, f or f′)."""
    naive = spec.naive
    rows = []
    for dtype, xs in (("float64", naive.examples), ("float32", naive.examples_float32)):
        for x in xs:
            xv = np.asarray(x, dtype=dtype)[()]
            for quantity, ours_fn, index in (("f", spec.fn, 0), ("grad", spec.grad, 1)):
                textbook = textbook_function(spec, quantity)
                if textbook is None or ours_fn is None:
                    continue
                truth = reference(spec, float(xv))[index]
                theirs = float(np.asarray(textbook(xv), dtype=dtype))
                ours = float(np.asarray(ours_fn(xv, **spec.params), dtype=dtype))
                rows.append(
                    {
                        "quantity": quantity,
                        "dtype": dtype,
                        "x": float(xv),
                        "textbook": theirs,
                        "catalog": ours,
                        "truth": truth,
                        "textbook_ulp": ulp_error(theirs, truth, dtype)[0],
                        "catalog_ulp": ulp_error(ours, truth, dtype)[0],
                    }
                )
    return rows


def _ulps(value: float) -> str:
    if math.isinf(value):
        return "not finite"
    return "< 0.01" if value < 0.01 else fmt_ulp(value)


def naive_examples(spec: act.Spec) -> str:
    rows = [
        (
            "f" if r["quantity"] == "f" else "f′",
            r["dtype"],
            fmt_number(r["x"], 6),
            fmt_number(r["textbook"], 6),
            _ulps(r["textbook_ulp"]),
            fmt_number(r["catalog"], 6),
            _ulps(r["catalog_ulp"]),
            fmt_number(float(r["truth"]), 6),
        )
        for r in naive_example_rows(spec)
    ]
    if not rows:
        return ""
    return (
        "At a few inputs, computed when this page is generated (the true value by mpmath "
        "at 50 or more digits; errors in units in the last place of the true value):\n\n"
        + table(
            (
                "quantity",
                "dtype",
                "x",
                "textbook",
                "textbook error (ULP)",
                "this library",
                "this library error (ULP)",
                "true value",
            ),
            rows,
            "llrrrrrr",
        )
    )


def _benchmark_table(spec: act.Spec) -> str:
    results = benchmark_rows(spec.name)
    if not results:
        return ""
    index = {(r["quantity"], r["dtype"], r["impl"]): r for r in results}
    rows = []
    for quantity in ("f", "grad"):
        for dtype in ("float64", "float32"):
            naive = index.get((quantity, dtype, "textbook"))
            ours = index.get((quantity, dtype, "catalog"))
            if naive is None and ours is None:
                continue
            worst = naive.get("worst_x") if naive else None
            rows.append(
                (
                    "f" if quantity == "f" else "f′",
                    dtype,
                    fmt_ulp(naive.get("max_ulp")) if naive else "—",
                    "—" if worst is None else fmt_number(worst, 6),
                    _over(naive),
                    fmt_ulp(ours.get("max_ulp")) if ours else "—",
                    _over(ours),
                    _ms(naive),
                    _ms(ours),
                )
            )
    if not rows:
        return ""
    meta = (benchmark() or {}).get("meta", {})
    run = ", ".join(
        part
        for part in (
            meta.get("date"),
            meta.get("machine") and f"{meta['machine']} ({meta.get('cpu', '?')})",
            meta.get("threads") and f"{meta['threads']} thread",
        )
        if part
    )
    when = f" (run of {run})" if run else ""
    method = rel("accuracy.md", page_path(spec)) + "#how-this-was-measured"
    return (
        f"From the benchmark{when}: maximum error against a high-precision reference, in "
        "units in the last place, over the finite results; how many grid points break the "
        "accuracy rule (4 + 2κ ULP), counting a NaN or ±inf where the true value is finite "
        "(shown in brackets); and the time per 10⁶ elements in milliseconds; see "
        f"[how this was measured]({method}):\n\n"
        + table(
            (
                "quantity",
                "dtype",
                "textbook max ULP",
                "textbook max ULP at x",
                "textbook points over the rule",
                "this library max ULP",
                "this library points over the rule",
                "textbook ms",
                "this library ms",
            ),
            rows,
            "llrrrrrrr",
        )
    )


def _ms(row: dict | None) -> str:
    value = (row or {}).get("ms_per_1e6")
    if value is None:
        return "—"
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def _over(row: dict | None) -> str:
    """Points over the rule, and how many of them are NaN or ±inf where the true value is
    finite (those are not in the max ULP, which is over the finite results)."""
    if not row or row.get("violations") is None or not row.get("points"):
        return "—"
    nonfinite = row.get("nonfinite") or 0
    text = f"{row['violations']} of {row['points']}"
    return text + (f" ({nonfinite} NaN/inf)" if nonfinite else "")


def differences(spec: act.Spec, fw: act.Framework) -> list[tuple[str, Any, Any]]:
    """``(parameter, framework's default, this library's)`` wherever they differ."""
    ours = our_defaults(spec)
    return [
        (key, theirs, ours.get(key))
        for key, theirs in fw.defaults.items()
        if differs(key, theirs, ours)
    ]


def _defaults_summary(spec: act.Spec, source: str) -> str:
    """One row per framework entry: its name, its defaults, and a mark where one differs."""
    ours = our_defaults(spec)
    mine = ", ".join(f"`{k}={fmt_value(v)}`" for k, v in ours.items()) or "—"
    rows = [("this library", f"`{public_call(spec)}`", mine)]
    for name in FRAMEWORKS:
        version = act.FRAMEWORK_VERSIONS[name].label
        entries = equivalents(spec).get(name, ())
        if not entries:
            rows.append((version, "no built-in", "—"))
        for fw in entries:
            differ = {key for key, _, _ in differences(spec, fw)}
            cells = [
                fw_value(fw, k) + (" ⚠" if k in differ else "")
                for k, v in fw.defaults.items()
                if v is not None
            ]
            rows.append((version, f"`{fw.name}`", ", ".join(cells) or "—"))
    note = (
        "⚠ marks a default that differs from this library's; the tabs under "
        "[In the frameworks](#in-the-frameworks) say by how much and where it was read."
    )
    return (
        "### Names and defaults\n\n"
        + table(("", "name", "defaults"), rows)
        + "\n"
        + (note + "\n" if "⚠" in str(rows) else "")
    )


def _frameworks(spec: act.Spec) -> str:
    out = ["## In the frameworks\n"]
    ours = spec.params
    call = f"{public_call(spec)}(x{_kw(ours)})"
    if spec.elementwise and spec.grad is not None:
        deriv = f'act.get("{spec.name}").grad(x{_kw(ours)})'
    elif spec.vjp is not None:
        deriv = f'act.get("{spec.name}").vjp(x, g{_kw(ours)})'
    else:
        deriv = ""
    tab = [f"`{call}`" + (f" · `{deriv}`" if deriv else "") + "\n"]
    every = our_defaults(spec)
    if every:
        tab.append(
            table(
                ("parameter", "default"),
                [(f"`{k}`", f"`{fmt_value(v)}`") for k, v in every.items()],
            )
        )
    out.append('=== "NumPy (this library)"\n\n' + indent("\n".join(tab)))
    present = equivalents(spec)
    for name in FRAMEWORKS:
        version = act.FRAMEWORK_VERSIONS[name]
        entries = present.get(name, ())
        if entries:
            body = "\n".join(_framework_tab(spec, fw) for fw in entries)
        else:
            notes = " ".join(
                f.note.strip() for f in spec.frameworks if f.framework == name and f.note
            )
            body = f"No built-in in {version.label}." + (f" {notes}" if notes else "") + "\n"
        body += f"\n*{version.label}:* {version.note}\n"
        out.append(f'=== "{name}"\n\n' + indent(body))
    return "\n".join(out)


def _framework_tab(spec: act.Spec, fw: act.Framework) -> str:
    ours = our_defaults(spec)
    lines = [f"`{fw.name}`\n"]
    if fw.note:
        lines.append(fw.note.strip() + "\n")
    rows, differ = [], differences(spec, fw)
    for key in fw.defaults:
        spelled = fw.param_names.get(key)
        label = f"`{key}`" + (f" (`{spelled}`)" if spelled else "")
        rows.append((label, fw_value(fw, key), f"`{fmt_value(ours[key])}`" if key in ours else "—"))
    if rows:
        lines.append(table(("parameter", fw.framework, "this library"), rows))
    if differ:
        items = []
        for key, theirs, mine in differ:
            if key in ours:
                items.append(
                    f"`{key}`: `{fw.name.split(' / ')[0]}` uses {fw_value(fw, key)}, "
                    f"this library `{key}={fmt_value(mine)}`." + _difference_size(spec, key, theirs)
                )
            else:
                items.append(
                    f"{fw_value(fw, key)}: a {fw.framework} parameter this library does not have."
                )
        lines.append(
            f'!!! warning "{fw.framework} default differs"\n\n'
            + indent("\n".join(f"- {i}" for i in items))
        )
    if fw.source:
        lines.append(f"Source: `{fw.source}`.\n")
    return "\n".join(lines)


VARIANT_GRID = np.linspace(-10.0, 10.0, 20001)
"""Where the difference between a function and its variant is measured (0.001 apart)."""


def variant_difference(spec: act.Spec, key: str, value: Any) -> list[tuple[str, float, float]]:
    """``(quantity, largest |difference|, at x)`` between f at its defaults and f with
    ``key=value``, for f and f′ on :data:`VARIANT_GRID`, where ``value`` selects one of
    the spec's variants (GELU's ``approximate="tanh"``); ``[]`` otherwise."""
    if not spec.elementwise or not any(
        set(v.kwargs) == {key} and same_value(v.kwargs[key], value) for v in spec.variants
    ):
        return []
    out = []
    for quantity, fn in (("f", spec.fn), ("f′", spec.grad)):
        if fn is None:
            continue
        diff = np.abs(fn(VARIANT_GRID, **{key: value}) - fn(VARIANT_GRID, **spec.params))
        i = int(np.argmax(diff))
        out.append((quantity, float(diff[i]), float(VARIANT_GRID[i])))
    return out


def _difference_size(spec: act.Spec, key: str, value: Any) -> str:
    found = variant_difference(spec, key, value)
    if not found:
        return ""
    parts = [f"{fmt_number(d, 2)} in {q} (at x = {fmt_number(x, 3)})" for q, d, x in found]
    return (
        " The two forms differ by at most "
        + " and ".join(parts)
        + ", on x from −10 to 10 (computed when this page is generated)."
    )


def _kw(params: dict[str, Any]) -> str:
    return "".join(f", {k}={fmt_value(v)}" for k, v in params.items())


def _paper(spec: act.Spec, source: str) -> str:
    out = ["## History\n", _facts(spec, source)]
    label = "First use" if spec.first_use_known else "Earliest use found"
    if spec.paper is not None:
        out.append(f"- **{label}:** {paper_text(spec.paper)}")
    else:
        out.append(f"- **{label}:** {spec.year}; no paper introduces it (see above).")
    out += [f"- **Popularised by:** {paper_text(p)}" for p in spec.popularised_by]
    return "\n".join(out) + "\n"


def snippet_lines(spec: act.Spec) -> list[tuple[str, str]]:
    """The usage example as (source, expected output) pairs, outputs computed now."""
    call = public_call(spec)
    get = f'act.get("{spec.name}")'
    lines: list[tuple[str, str]] = [("import numpy as np", ""), ("import activations as act", "")]
    if spec.elementwise:
        x = np.array(SAMPLE_X)
        lines.append((f"x = np.array({SAMPLE_X})", ""))
        lines.append((f"{call}(x)", _printed(spec.fn(x))))
        if spec.grad is not None:
            lines.append((f"{get}.grad(x)", _printed(spec.grad(x, **spec.params))))
        for p in spec.parameters:
            others = [v for v in examples_of(p) if not same_value(v, p.default)]
            if others:
                v = others[0]
                lines.append(
                    (f"{call}(x, {p.name}={fmt_value(v)})", _printed(spec.fn(x, **{p.name: v})))
                )
        for variant in spec.variants:
            kwargs = ", ".join(f"{k}={fmt_value(v)}" for k, v in variant.kwargs.items())
            lines.append((f"{call}(x, {kwargs})", _printed(spec.fn(x, **variant.kwargs))))
        for name, pgrad in spec.param_grads.items():
            lines.append((f'{get}.param_grads["{name}"](x)', _printed(pgrad(x, **spec.params))))
        return lines
    x = np.array(SAMPLE_ROW)
    y = spec.fn(x)
    g = np.eye(np.asarray(y).size)[0]
    lines.append((f"x = np.array({SAMPLE_ROW})", ""))
    lines.append((f"y = {call}(x)", ""))
    lines.append(("y", _printed(y)))
    lines.append(("g = np.eye(y.size)[0]  # the gradient of y[0] ...", ""))
    lines.append((f"{get}.vjp(x, g)  # ... with respect to x", _printed(spec.vjp(x, g))))
    return lines


def _snippet(spec: act.Spec) -> str:
    body = []
    for source, expected in snippet_lines(spec):
        body.append(f">>> {source}")
        if expected:
            body.append(expected)
    # The blank line ends the last expected output before the closing fence.
    return "## With this library\n\n```python\n" + "\n".join(body) + "\n\n```\n"


def _see_also(spec: act.Spec, source: str) -> str:
    family = family_of(spec.family)
    related = [(act.get(name), why) for name, why in spec.see_also]
    items = [f"- {link(s, source)} — {why}" for s, why in related]
    shown = {spec.name, *(s.name for s, _ in related)}
    others = [s for s in members(spec.family) if s.name not in shown]
    items += [f"- {link(s, source)} — {s.summary}" for s in others]
    items.append(
        f"- [{family.title}]({rel(family_page_path(family.slug), source)}): the whole family "
        f"on one plot · [Cheatsheet]({rel('cheatsheet.md', source)}) · "
        f"[Framework defaults that disagree]({rel('framework-defaults.md', source)}) · "
        f"[Glossary of the property words]({rel(glossary.PAGE, source)}) · "
        f"{term_link('function-pages', source, 'how this page is made')}"
    )
    return "## See also\n\n" + "\n".join(items) + "\n"


def render(spec: act.Spec) -> str:
    """The page, in the order a reader needs it: the formula, the derivative and the plot;
    a summary (properties, names and defaults, when to use it, the kink convention); the
    code to copy; then the derivation, the parameters, the frameworks in detail, the
    history; the numerics folded; this library's usage and what to read next."""
    source = page_path(spec)
    summary = [
        "## At a glance\n",
        _properties(spec),
        _defaults_summary(spec, source),
        _use(spec),
        _kinks(spec),
    ]
    sections = [
        _heading(spec),
        _formula(spec),
        _plot(spec, source),
        "\n".join(s for s in summary if s),
        _copy(spec, source),
        _derivation(spec),
        _parameters(spec, source),
        _frameworks(spec),
        _paper(spec, source),
        _numerics(spec),
        _snippet(spec),
        _see_also(spec, source),
    ]
    return header(".md") + "\n" + "\n".join(s for s in sections if s)


def outputs() -> dict[str, str]:
    return {page_path(spec): render(spec) for spec in act.specs()}
