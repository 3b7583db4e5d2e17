"""The "Accuracy & speed" page (``docs/accuracy.md``) and its plots (``docs/accuracy/*.svg``).

The tables and the statements about the targets are rendered from the benchmark's
figures (``docs/data/benchmark.json``, written by ``python scripts/benchmark.py``);
nothing on the page is written per function by hand.  The plots of error against x
(:mod:`.accuracy_plots`) are computed at generation time.

``problems()`` reports the figures as stale when what they depend on has changed
since they were measured (:mod:`scripts.bench.fingerprint`: the numerical code and
the pinned library versions, not comments or prose), so ``generate.py --check`` fails.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from activations import reference
from scripts.bench import BENCHMARK_JSON, DTYPES, ROOT, load
from scripts.bench.fingerprint import fingerprint
from scripts.bench.inputs import ROW_LENGTH
from scripts.bench.peers import IMPLS

from . import header
from .accuracy_plots import ULP_FLOOR, error_plot, offenders
from .common import fmt_ulp, table

PAGE = "accuracy.md"
PLOT_DIR = "accuracy"
STALE = "benchmark figures are stale: run python scripts/benchmark.py"

IMPL_TITLES = {
    "catalog": "this library",
    "textbook": "textbook",
    "scipy": "SciPy",
    "pytorch": "PyTorch",
    "jax": "JAX",
}
QUANTITY_TITLES = {"f": "f", "grad": "f′"}
TARGET_TEXTBOOK = 2.0  # catalog time ≤ 2 × the textbook formula's
TARGET_PYTORCH = 2.0  # median catalog time within 2 × PyTorch's
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def problems(path: Path = BENCHMARK_JSON, root: Path = ROOT) -> list[str]:
    """A message when the figures were measured on other numerical code or versions."""
    data = load(path)
    if data is None:
        return []
    if data.get("meta", {}).get("fingerprint") != fingerprint(root):
        return [STALE]
    return []


# --------------------------------------------------------------------- formatting


def _power_of_ten(n: int) -> str:
    k = round(math.log10(n))
    return f"10{str(k).translate(SUPERSCRIPT)}" if 10**k == n else f"{n:,}"


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def fmt_x(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:.6g}"
    return text.replace("-", "−")


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2g}×" if value < 10 else f"{value:.0f}×"


def accuracy_cell(row: dict[str, Any] | None) -> str:
    """Max ULP, with the number of rule violations (and NaN/inf results) when any."""
    if row is None:
        return ""
    if row.get("max_ulp") is None and not row.get("nonfinite"):
        return "—"
    text = fmt_ulp(row.get("max_ulp"))
    bad = row.get("violations") or 0
    nonfinite = row.get("nonfinite") or 0
    if bad:
        text += f" **✗{bad}**"
    if nonfinite:
        text += f" ({nonfinite} NaN/inf)"
    return text


# ---------------------------------------------------------------------- analysis


class Results:
    """Index of the benchmark rows: ``(name, quantity, dtype, impl) -> row``."""

    def __init__(self, data: dict[str, Any]):
        self.meta = data.get("meta", {})
        self.rows = data.get("results", [])
        self.index = {(r["name"], r["quantity"], r["dtype"], r["impl"]): r for r in self.rows}
        names: list[str] = []
        for r in self.rows:
            if r["name"] not in names:
                names.append(r["name"])
        self.names = names

    def get(self, name: str, quantity: str, dtype: str, impl: str) -> dict[str, Any] | None:
        return self.index.get((name, quantity, dtype, impl))

    def quantities(self, name: str) -> list[str]:
        return [q for q in QUANTITY_TITLES if any(self.get(name, q, d, "catalog") for d in DTYPES)]

    def keys(self) -> Iterable[tuple[str, str, str]]:
        for name in self.names:
            for quantity in self.quantities(name):
                for dtype in DTYPES:
                    if self.get(name, quantity, dtype, "catalog"):
                        yield name, quantity, dtype

    def ratio(self, name: str, quantity: str, dtype: str, other: str) -> float | None:
        ours = self.get(name, quantity, dtype, "catalog")
        theirs = self.get(name, quantity, dtype, other)
        if not ours or not theirs or not ours.get("ms_per_1e6") or not theirs.get("ms_per_1e6"):
            return None
        return ours["ms_per_1e6"] / theirs["ms_per_1e6"]


def _fn_link(name: str, known: set[str]) -> str:
    return f"[`{name}`](functions/{name}.md)" if name in known else f"`{name}`"


def _label(name: str, quantity: str, known: set[str]) -> str:
    return _fn_link(name, known) + (" f′" if quantity == "grad" else "")


def _accuracy_section(res: Results, known: set[str]) -> list[str]:
    out = ["## The accuracy rule\n"]
    catalog = [res.get(*k, "catalog") for k in res.keys()]
    measured = [r for r in catalog if r and r.get("points")]
    failing = [r for r in measured if r.get("violations")]
    if not failing:
        out.append(
            f"**Met.** All {len(measured)} measurements of this library (function or "
            "derivative × dtype) are within the rule at every point of the grid.\n"
        )
    else:
        out.append(
            f"**Missed** in {len(failing)} of {len(measured)} measurements of this library:\n"
        )
        out.append(
            table(
                ("function", "dtype", "max ULP", "worst at x", "points breaking the rule"),
                [
                    (
                        _label(r["name"], r["quantity"], known),
                        r["dtype"],
                        fmt_ulp(r["max_ulp"]),
                        fmt_x(r["worst_x"]),
                        f"{r['violations']} of {r['points']}",
                    )
                    for r in failing
                ],
                "llrrr",
            )
        )
    lines = []
    for impl in IMPLS[1:]:
        rows = [res.get(*k, impl) for k in res.keys() if (res.get(*k, impl) or {}).get("points")]
        if not rows:
            continue
        bad = [r for r in rows if r.get("violations")]
        worst = max((r for r in bad if r.get("max_ulp") is not None), default=None,
                    key=lambda r: r["max_ulp"])  # fmt: skip
        text = f"- {IMPL_TITLES[impl]}: breaks the rule in {len(bad)} of {len(rows)} measurements"
        if worst is not None:
            text += (
                f" (worst: {_label(worst['name'], worst['quantity'], known)} "
                f"{worst['dtype']}, {fmt_ulp(worst['max_ulp'])} ULP at "
                f"x = {fmt_x(worst['worst_x'])})"
            )
        lines.append(text + ".")
    if lines:
        out.append("The same rule applied to the others, on the same inputs:\n")
        out.append("\n".join(lines) + "\n")
    return out


def implementation(name: str, quantity: str) -> str:
    """The body of the catalog's function (without its docstring), when it is short."""
    import inspect
    import textwrap

    import activations as act

    spec = act.get(name)
    func = spec.fn if quantity == "f" else spec.grad
    try:
        source = textwrap.dedent(inspect.getsource(inspect.unwrap(func)))
    except (OSError, TypeError):
        return ""
    body = ast_body(source)
    return "; ".join(body) if 0 < len(body) <= 3 and sum(map(len, body)) <= 160 else ""


def ast_body(source: str) -> list[str]:
    """The statements of the first function in ``source``, docstring and comments dropped."""
    import ast

    tree = ast.parse(source)
    func = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))
    stmts = func.body
    if stmts and isinstance(stmts[0], ast.Expr) and isinstance(stmts[0].value, ast.Constant):
        stmts = stmts[1:]
    return [ast.unparse(n) for n in stmts]


def _why_slower(res: Results, name: str, quantity: str, dtype: str) -> str:
    """Why the catalog is slower than the textbook formula here, from the measurements."""
    ours = res.get(name, quantity, dtype, "catalog") or {}
    naive = res.get(name, quantity, dtype, "textbook") or {}
    bad, nonfinite = naive.get("violations") or 0, naive.get("nonfinite") or 0
    if bad:
        what = f"{bad} of {naive.get('points', 0)} inputs"
        if nonfinite:
            what += f", {nonfinite} of them NaN or ±inf"
        if naive.get("max_ulp") is not None and naive["max_ulp"] > 4:
            what += f"; up to {fmt_ulp(naive['max_ulp'])} ULP"
        return (
            f"the textbook formula is wrong at {what} (worst at x = "
            f"{fmt_x(naive.get('worst_x'))}); the extra time buys the right value there"
        )
    if naive.get("points"):
        code = implementation(name, quantity)
        text = (
            f"the textbook formula is within the rule too (max {fmt_ulp(naive.get('max_ulp'))} "
            f"ULP, this library {fmt_ulp(ours.get('max_ulp'))}): nothing is gained for "
            "the time"
        )
        return text + (f"; this library computes `{code}`" if code else "")
    return "the textbook formula's accuracy was not measured"


def _speed_section(res: Results, known: set[str]) -> list[str]:
    out = [f"## Speed against the textbook formula (target ≤ {TARGET_TEXTBOOK:g}×)\n"]
    pairs = [(k, res.ratio(*k, "textbook")) for k in res.keys()]
    pairs = [(k, r) for k, r in pairs if r is not None]
    slow = sorted(((k, r) for k, r in pairs if r > TARGET_TEXTBOOK), key=lambda p: -p[1])
    if not pairs:
        out.append("No textbook timings were recorded.\n")
    elif not slow:
        out.append(
            f"**Met** in all {len(pairs)} measurements: this library is never more than "
            f"{TARGET_TEXTBOOK:g}× slower than the textbook formula of the same function.\n"
        )
    else:
        out.append(
            f"**Met in {len(pairs) - len(slow)} of {len(pairs)} measurements.** Where this "
            f"library is more than {TARGET_TEXTBOOK:g}× slower than the textbook formula, and "
            "why (from the accuracy measured on the same function):\n"
        )
        out.append(
            table(
                ("function", "dtype", "this library (ms)", "textbook (ms)", "ratio", "why"),
                [
                    (
                        _label(k[0], k[1], known),
                        k[2],
                        fmt_ms(res.get(*k, "catalog")["ms_per_1e6"]),
                        fmt_ms(res.get(*k, "textbook")["ms_per_1e6"]),
                        fmt_ratio(r),
                        _why_slower(res, *k),
                    )
                    for k, r in slow
                ],
                "llrrrl",
            )
        )
    out.append(f"## Speed against PyTorch (target: median within {TARGET_PYTORCH:g}×)\n")
    lines = []
    all_ratios = []
    for quantity in QUANTITY_TITLES:
        for dtype in DTYPES:
            ratios = [
                (name, res.ratio(name, quantity, dtype, "pytorch"))
                for name in res.names
                if res.ratio(name, quantity, dtype, "pytorch") is not None
            ]
            if not ratios:
                continue
            all_ratios += [r for _, r in ratios]
            med = statistics.median(r for _, r in ratios)
            verdict = "met" if med <= TARGET_PYTORCH else "**missed**"
            slowest = sorted(ratios, key=lambda p: -p[1])[:3]
            lines.append(
                f"- {QUANTITY_TITLES[quantity]}, {dtype}: median {fmt_ratio(med)} PyTorch's "
                f"time over {len(ratios)} functions ({verdict}); slowest: "
                + ", ".join(f"{_fn_link(n, known)} {fmt_ratio(r)}" for n, r in slowest)
                + "."
            )
    if not lines:
        out.append("PyTorch was not installed when the benchmark ran, so there is no comparison.\n")
        return out
    out.append("\n".join(lines) + "\n")
    over = sum(r > 1 for r in all_ratios)
    out.append(
        f"This library is slower than PyTorch in {over} of {len(all_ratios)} comparisons. "
        "The reason is structural: NumPy evaluates a formula one operation at a time, each a "
        "full pass over the array that writes a temporary, and selections such as "
        "`np.where` evaluate both branches everywhere; PyTorch runs one compiled loop per "
        "function that reads each input once, with vectorised transcendental functions. "
        "PyTorch's derivative times include its forward pass (autograd runs forward, then "
        "backward), so for f′ the comparison favours this library.\n"
    )
    gains = {impl: _float32_gain(res, impl) for impl in ("catalog", "pytorch")}
    if all(g is not None for g in gains.values()):
        out.append(
            "In float32 the median time is "
            f"{gains['catalog']:.0%} of the float64 time for this library and "
            f"{gains['pytorch']:.0%} for PyTorch (over the functions both have)."
            + _flat_float32(res, known)
            + "\n"
        )
    return out


def _flat_float32(res: Results, known: set[str]) -> str:
    """The functions whose float32 time is at least 70 % of their float64 time."""
    flat = []
    for name in res.names:
        for quantity in res.quantities(name):
            a = (res.get(name, quantity, "float32", "catalog") or {}).get("ms_per_1e6")
            b = (res.get(name, quantity, "float64", "catalog") or {}).get("ms_per_1e6")
            if a and b and a >= 0.7 * b and b >= 2.0:
                flat.append(f"{_label(name, quantity, known)} ({fmt_ms(a)} vs {fmt_ms(b)} ms)")
    if not flat:
        return ""
    return (
        " This library's float32 costs nearly as much as its float64 (over 70 %, and over "
        "2 ms) for " + ", ".join(flat) + "; the implementation notes on each function's page "
        "say which computation dominates."
    )


def _float32_gain(res: Results, impl: str) -> float | None:
    """Median over functions of (float32 time / float64 time) for ``impl``."""
    ratios = []
    for name in res.names:
        for quantity in res.quantities(name):
            a = (res.get(name, quantity, "float32", impl) or {}).get("ms_per_1e6")
            b = (res.get(name, quantity, "float64", impl) or {}).get("ms_per_1e6")
            if a and b and res.get(name, quantity, "float32", "pytorch"):
                ratios.append(a / b)
    return statistics.median(ratios) if ratios else None


def _tables(
    res: Results,
    known: set[str],
    head: list[str],
    cells: Callable[[str, str, str], list[str]],
) -> list[str]:
    """One table per dtype: a row per function and quantity this library was measured
    for, ``cells(name, quantity, dtype)`` after its label."""
    out = []
    for dtype in DTYPES:
        rows = [
            [_label(name, quantity, known), *cells(name, quantity, dtype)]
            for name in res.names
            for quantity in res.quantities(name)
            if res.get(name, quantity, dtype, "catalog")
        ]
        if rows:
            out.append(f"### {dtype}\n")
            out.append(table(["function", *head], rows, "l" + "r" * len(head)))
    return out


def _accuracy_tables(res: Results, known: set[str]) -> list[str]:
    out = [
        "## Maximum error, by function\n",
        "Largest error in ULP of the true value over the grid; **✗n** marks n inputs "
        "where the error breaks the rule, and NaN/inf counts results that are not finite "
        "where the truth is. A blank cell: the library has no such function (SciPy's "
        "functions are measured for f only).\n",
    ]
    return out + _tables(
        res,
        known,
        [IMPL_TITLES[i] for i in IMPLS],
        lambda name, quantity, dtype: [
            accuracy_cell(res.get(name, quantity, dtype, i)) for i in IMPLS
        ],
    )


def _speed_cell(row: dict[str, Any] | None) -> str:
    return fmt_ms(row.get("ms_per_1e6")) if row else ""


def _speed_tables(res: Results, known: set[str]) -> list[str]:
    out = [
        "## Time per 10⁶ elements, by function\n",
        "Milliseconds, best of the runs, one thread; the last two columns are this "
        "library's time divided by the textbook formula's and by PyTorch's.\n",
    ]
    return out + _tables(
        res,
        known,
        [*(IMPL_TITLES[i] for i in IMPLS), "÷ textbook", "÷ PyTorch"],
        lambda name, quantity, dtype: [
            *(_speed_cell(res.get(name, quantity, dtype, i)) for i in IMPLS),
            fmt_ratio(res.ratio(name, quantity, dtype, "textbook")),
            fmt_ratio(res.ratio(name, quantity, dtype, "pytorch")),
        ],
    )


def _plots_section(res: Results, known: set[str]) -> tuple[list[str], dict[str, bytes]]:
    chosen = offenders(res, known)
    if not chosen:
        return [], {}
    files: dict[str, bytes] = {}
    out = [
        "## Where the textbook formulas fail\n",
        "Error against x, in float64, for the textbook formulas that break the rule worst, "
        "recomputed from the catalog, the formula kept in each function's spec and the "
        "mpmath reference when this page is generated. Errors below "
        f"{ULP_FLOOR:g} ULP are drawn at the bottom; NaN or ±inf at the top.\n",
    ]
    for name, quantity, worst_x in chosen:
        svg, facts = error_plot(name, quantity, worst_x)
        stem = f"{name}-{'f' if quantity == 'f' else 'grad'}"
        files[f"{PLOT_DIR}/{stem}.svg"] = svg
        title = _label(name, quantity, known)
        span = (
            f"x from {fmt_x(facts['lo'])} to {fmt_x(facts['hi'])}"
            if facts["mode"] == "linear"
            else f"|x| from 10⁻¹⁶ to 1 ({'negative' if facts['mode'] == 'log-neg' else 'positive'}"
            " side)"
        )
        caption = (
            f"`{facts['formula']}` breaks the rule at {facts['naive_bad']} of "
            f"{facts['points']} points of this plot ({span}), by up to "
            f"{fmt_ulp(facts['naive_max'])} ULP; this library "
            + (
                f"breaks it at {facts['ours_bad']} points (at most "
                f"{fmt_ulp(facts['ours_max'])} ULP)."
                if facts["ours_bad"]
                else f"stays within it everywhere (at most {fmt_ulp(facts['ours_max'])} ULP)."
            )
        )
        out.append(f"### {title}\n")
        out.append(
            f"![Error of {name} {QUANTITY_TITLES[quantity]} in ULP, log scale, against {span}: "
            "points for the textbook formula and for this library, a dashed line for the "
            "allowed error]"
            f"({PLOT_DIR}/{stem}.svg){{ .plot }}\n"
        )
        out.append(caption + "\n")
    return out, files


# --------------------------------------------------------------------------- page


def _grid_sizes(res: Results) -> str:
    import activations as act

    sizes = []
    for dtype in DTYPES:
        pts = [
            r["points"]
            for r in res.rows
            if r["impl"] == "catalog"
            and r["dtype"] == dtype
            and r["quantity"] == "f"
            and r["name"] in act.names()
            and act.get(r["name"]).elementwise
        ]
        if pts:
            sizes.append(f"{min(pts)}–{max(pts)} points in {dtype}")
    return f" ({', '.join(sizes)})" if sizes else ""


def _corrections(meta: dict[str, Any]) -> list[str]:
    fixed = meta.get("reference_corrections") or {}
    if not fixed:
        return []
    names = ", ".join(f"`{n}` ({k})" for n, k in sorted(fixed.items()))
    return [
        "- **Reference double-checked:** wherever a result broke the rule, the true value "
        "was recomputed at increasing precision until two precisions agreed to 25 digits. "
        "This replaced the reference value at some points (number per function), where "
        "its working precision, chosen ahead of time from |x|, had fallen short of a "
        f"cancellation in the expression: {names}."
    ]


def _method(res: Results) -> list[str]:
    meta = res.meta
    v = meta.get("versions", {})
    peers = ", ".join(
        f"{title} {v[key]}" if v.get(key) else f"{title} not installed"
        for key, title in (("torch", "PyTorch"), ("jax", "JAX"))
    )
    elements = meta.get("elements_timed", 10**6)
    runs = meta.get("runs", 5)
    return [
        "## How this was measured\n",
        f"- **When and where:** {meta.get('date', '?')}, on {meta.get('machine', '?')} "
        f"({meta.get('cpu', '?')}), {meta.get('threads', 1)} thread. Python "
        f"{v.get('python', '?')}, NumPy {v.get('numpy', '?')}, SciPy {v.get('scipy', '?')}, "
        f"mpmath {v.get('mpmath', '?')}; {peers}.",
        "- **Accuracy:** each result is compared with the exact value computed by mpmath "
        "at 50 or more significant digits (`activations.reference`, from the same SymPy "
        "expression the formulas on this site are printed from). Elementwise functions "
        "and their derivatives are measured on a fixed grid over the whole finite range of "
        "the dtype: log-spaced magnitudes from the smallest subnormal to the largest finite "
        f"number, both signs, a dense linear part around 0, and both sides of every kink"
        f"{_grid_sizes(res)}. Derivatives are not compared exactly at a kink, where each "
        "library picks its own one-sided value (this library's choice is stated and tested "
        "on each function's page). "
        "The softmax family and the gated linear units are measured row by row, on rows of "
        f"{ROW_LENGTH} inputs taken from the same grid, random rows at several scales and "
        "offsets, and a few hand-picked rows.",
        *_corrections(meta),
        f"- **The rule:** an error of at most ${reference.BASE:g} + 2\\kappa$ units in the last "
        "place (ULP) of "
        "the true value, where $\\kappa(x) = |x\\,g'(x)/g(x)|$ is the condition number of the "
        "quantity $g$ computed (f or f′). A true value below the smallest normal number "
        "need only be within that number; one beyond the largest finite number must come "
        "back as ±inf. For the softmax family the allowance is "
        f"${reference.ROW_BASE:g} + 2\\kappa$ with κ summed "
        "over the row.",
        f"- **Time:** best of at least {runs} calls (up to 50 while they take under 0.2 s "
        f"in all) on {_power_of_ten(elements)} elements drawn from "
        "4·N(0, 1), one thread everywhere, reported per 10⁶ elements. Textbook formulas are "
        "the NumPy one-liners kept in each function's spec and shown on its page. SciPy is "
        "measured where it has the function (`expit`, `log_expit`, `softmax`, `log_softmax`, and "
        "`x * ndtr(x)`, `x * expit(x)` for GELU and SiLU). PyTorch runs on the CPU; JAX "
        "on the CPU with float64 enabled, compiled with `jit` before timing. Their "
        "derivatives come from their own autograd (forward and backward pass).",
        "- **Regenerate:** `python scripts/benchmark.py` (a few minutes) rewrites "
        "`docs/data/benchmark.json`; `python scripts/generate.py` rewrites this page. "
        "Figures vary by machine; the page is flagged stale when the numerical code (the "
        "catalog, the reference, the benchmark) or the pinned versions of NumPy, SciPy, "
        "SymPy and mpmath change.\n",
    ]


def render(data: dict[str, Any] | None) -> tuple[str, dict[str, bytes]]:
    """The page's Markdown and its plot files."""
    import activations as act

    known = set(act.names())
    out = [
        header(".md").rstrip("\n"),
        "",
        "# Accuracy & speed\n",
        "How close every function of this library comes to the exact mathematical value, "
        "and what that costs, beside the textbook NumPy formula and the same function in "
        "SciPy, PyTorch and JAX.\n",
    ]
    if not data or not data.get("results"):
        out.append(
            '!!! note "Not measured yet"\n\n'
            "    The benchmark has not been run for this build of the site. Run\n\n"
            "        python scripts/benchmark.py\n"
            "        python scripts/generate.py\n\n"
            "    to measure every function and render this page.\n"
        )
        return "\n".join(out), {}
    res = Results(data)
    out += _method(res)
    out += _accuracy_section(res, known)
    out += _speed_section(res, known)
    plot_md, files = _plots_section(res, known)
    out += plot_md
    out += _accuracy_tables(res, known)
    out += _speed_tables(res, known)
    return "\n".join(out).rstrip("\n") + "\n", files


def outputs() -> dict[str, str | bytes]:
    page, files = render(load())
    return {PAGE: page, **files}
