"""The "Accuracy & speed" page (``docs/accuracy.md``) and its plots (``docs/accuracy/*.svg``).

The tables and the statements about the targets are rendered from
``docs/data/benchmark.json`` (written by ``python scripts/benchmark.py``); nothing on
the page is written per function by hand.  The plots of error against x are computed
here, at generation time, from the catalog, the textbook formulas kept in the specs
and the mpmath reference, for the textbook formulas the benchmark found worst.

``problems()`` reports the figures as stale when the catalog's source has changed
since they were measured (``catalog_fingerprint``), so ``generate.py --check`` fails.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import statistics
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from . import DOCS, ROOT, header

CATALOG_DIR = ROOT / "src" / "activations"
BENCHMARK_JSON = DOCS / "data" / "benchmark.json"
PAGE = "accuracy.md"
PLOT_DIR = "accuracy"
STALE = "benchmark figures are stale: run python scripts/benchmark.py"

IMPLS = ("catalog", "textbook", "scipy", "pytorch", "jax")
IMPL_TITLES = {
    "catalog": "this library",
    "textbook": "textbook",
    "scipy": "SciPy",
    "pytorch": "PyTorch",
    "jax": "JAX",
}
DTYPES = ("float64", "float32")
QUANTITY_TITLES = {"f": "f", "grad": "f′"}
MAX_PLOTS = 6
PLOT_SAMPLES = 201
TARGET_TEXTBOOK = 2.0  # catalog time ≤ 2 × the textbook formula's
TARGET_PYTORCH = 2.0  # median catalog time within 2 × PyTorch's

TEXT = "#333333"  # mid-tone colours that survive the site's inverted dark mode
GRID = "#d4d4d4"
CATALOG_COLOUR = "#1f63b4"
TEXTBOOK_COLOUR = "#c4480c"
RULE_COLOUR = "#5f6b7a"
RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "activation-atlas-accuracy",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.edgecolor": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "text.color": TEXT,
    "legend.frameon": False,
    "axes.unicode_minus": True,
}
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
ULP_FLOOR, ULP_CEIL = 0.1, 1e17  # the plots' y range; NaN/inf errors are drawn at the top


# ------------------------------------------------------------------ shared helpers


def catalog_fingerprint(src_dir: Path = CATALOG_DIR) -> str:
    """sha256 over the catalog's source files ``_*.py``, in sorted order (name and bytes)."""
    h = hashlib.sha256()
    for path in sorted(src_dir.glob("_*.py"), key=lambda p: p.name):
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def textbook_function(spec: Any, quantity: str) -> Callable[..., Any] | None:
    """The spec's textbook formula (``spec.naive.fn`` or ``.grad``) as a function of x.

    The formula is a Python expression in ``x``, ``np`` (and ``scipy``, for
    ``scipy.special.erf``) and the parameter names, evaluated with the spec's default
    parameters (or those passed), floating-point warnings silenced.  A few
    statements separated by ``;`` whose last one is an expression are accepted too.
    """
    import ast

    import scipy.special

    src = spec.naive.fn if quantity == "f" else spec.naive.grad
    if not src:
        return None
    tree = ast.parse(src.strip(), mode="exec")
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise ValueError(f"{spec.name}: textbook {quantity} does not end in an expression")
    where = f"<{spec.name} textbook {quantity}>"
    setup = compile(ast.Module(body=tree.body[:-1], type_ignores=[]), where, "exec")
    value = compile(ast.Expression(body=tree.body[-1].value), where, "eval")
    defaults = dict(spec.params)

    def textbook(x: Any, **params: Any) -> Any:
        namespace = {"np": np, "scipy": scipy, "x": x, **defaults, **params}
        with np.errstate(all="ignore"):
            exec(setup, namespace)
            return eval(value, namespace)

    return textbook


def load(path: Path = BENCHMARK_JSON) -> dict[str, Any] | None:
    """The benchmark's JSON, or None when it has not been run."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def problems(path: Path = BENCHMARK_JSON, src_dir: Path = CATALOG_DIR) -> list[str]:
    """A message when the benchmark was measured on another version of the catalog."""
    data = load(path)
    if data is None:
        return []
    if data.get("meta", {}).get("catalog_fingerprint") != catalog_fingerprint(src_dir):
        return [STALE]
    return []


# --------------------------------------------------------------------- formatting


def fmt_ulp(value: float | None) -> str:
    if value is None:
        return "—"
    if value == 0:
        return "0"
    if value < 0.01:
        return "< 0.01"
    if value < 10:
        return f"{value:.2g}"
    if value < 10_000:
        return f"{value:.0f}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}·10{str(int(exponent)).translate(SUPERSCRIPT)}"


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


def table(head: Iterable[str], rows: Iterable[Iterable[str]], align: str) -> str:
    head = list(head)
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


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


def _accuracy_tables(res: Results, known: set[str]) -> list[str]:
    out = [
        "## Maximum error, by function\n",
        "Largest error in ULP of the true value over the grid; **✗n** marks n inputs "
        "where the error breaks the rule, and NaN/inf counts results that are not finite "
        "where the truth is. A blank cell: the library has no such function (SciPy's "
        "functions are measured for f only).\n",
    ]
    for dtype in DTYPES:
        rows = []
        for name in res.names:
            for quantity in res.quantities(name):
                if not res.get(name, quantity, dtype, "catalog"):
                    continue
                rows.append(
                    [_label(name, quantity, known)]
                    + [accuracy_cell(res.get(name, quantity, dtype, i)) for i in IMPLS]
                )
        if rows:
            out.append(f"### {dtype}\n")
            out.append(table(["function", *(IMPL_TITLES[i] for i in IMPLS)], rows, "l" + "r" * 5))
    return out


def _speed_tables(res: Results, known: set[str]) -> list[str]:
    out = [
        "## Time per 10⁶ elements, by function\n",
        "Milliseconds, best of the runs, one thread; the last two columns are this "
        "library's time divided by the textbook formula's and by PyTorch's.\n",
    ]
    for dtype in DTYPES:
        rows = []
        for name in res.names:
            for quantity in res.quantities(name):
                if not res.get(name, quantity, dtype, "catalog"):
                    continue
                rows.append(
                    [_label(name, quantity, known)]
                    + [
                        fmt_ms((res.get(name, quantity, dtype, i) or {}).get("ms_per_1e6"))
                        if res.get(name, quantity, dtype, i)
                        else ""
                        for i in IMPLS
                    ]
                    + [
                        fmt_ratio(res.ratio(name, quantity, dtype, "textbook")),
                        fmt_ratio(res.ratio(name, quantity, dtype, "pytorch")),
                    ]
                )
        if rows:
            out.append(f"### {dtype}\n")
            out.append(
                table(
                    ["function", *(IMPL_TITLES[i] for i in IMPLS), "÷ textbook", "÷ PyTorch"],
                    rows,
                    "l" + "r" * 7,
                )
            )
    return out


# -------------------------------------------------------------------------- plots


def offenders(res: Results, known: set[str]) -> list[tuple[str, str, float]]:
    """The textbook formulas to plot: ``(name, quantity, reach)``, where ``reach`` is
    the largest |x| ≤ 40 at which the formula was found wrong (it sets the window).

    Candidates are the elementwise textbook formulas the benchmark found breaking the
    rule in float64.  They are ranked by how much of the everyday range they get
    wrong: the number of points of [−40, 40] (step 0.25) where the formula and this
    library (whose accuracy the benchmark has just measured) disagree by more than
    2¹⁰ ULP (ties in catalog order).  At most two per family, and none that fails on
    nearly the same inputs as one already chosen from its family.
    """
    import activations as act

    x = np.linspace(-40.0, 40.0, 321)
    ranked = []
    for name, quantity, dtype in res.keys():
        row = res.get(name, quantity, dtype, "textbook")
        if dtype != "float64" or not row or name not in known:
            continue
        spec = act.get(name)
        if not spec.elementwise or not row.get("violations"):
            continue
        ours = spec.fn if quantity == "f" else spec.grad
        naive = textbook_function(spec, quantity)
        with np.errstate(all="ignore"):
            a = np.broadcast_to(np.asarray(ours(x, **spec.params), dtype=float), x.shape)
            b = np.broadcast_to(np.asarray(naive(x), dtype=float), x.shape)
            scale = np.maximum(np.spacing(np.abs(a)), np.finfo(float).tiny)
            wrong = ~(np.abs(a - b) <= 1024 * scale)  # NaN counts as wrong
        order = (res.names.index(name), list(QUANTITY_TITLES).index(quantity))
        ranked.append((-int(wrong.sum()), order, name, quantity, spec.family, wrong, row))
    ranked.sort(key=lambda t: t[:2])
    chosen: list[tuple[str, str, float]] = []
    masks: dict[str, list[np.ndarray]] = {}
    for score, _, name, quantity, family, wrong, _row in ranked:
        seen = masks.setdefault(family, [])
        if score == 0 or len(seen) >= 2 or len(chosen) >= MAX_PLOTS:
            continue
        # the same failure as one already shown (e.g. f and f′ of one formula): skip
        if any((wrong & m).sum() >= 0.8 * (wrong | m).sum() for m in seen):
            continue
        seen.append(wrong)
        chosen.append((name, quantity, float(np.abs(x[wrong]).max())))
    return chosen


def _window(worst_x: float) -> tuple[str, np.ndarray]:
    """Samples around the textbook formula's failure: a linear window of a round
    half-width when it fails at |x| ≥ 1, else log-spaced magnitudes on its side of 0."""
    ax = abs(worst_x)
    if ax >= 1:
        width = next((w for w in (10, 20, 50, 100, 200, 500, 1000) if w >= 1.15 * ax), 1000)
        return "linear", np.linspace(-width, width, PLOT_SAMPLES)
    sign = -1.0 if worst_x < 0 else 1.0
    return ("log-neg" if sign < 0 else "log-pos"), sign * np.logspace(-16, 0, PLOT_SAMPLES)


class _Errors:
    def __init__(self, ulps: np.ndarray, allowed: np.ndarray, ok: np.ndarray):
        self.ulps, self.allowed, self.ok = ulps, allowed, ok


LADDER = (60, 120, 240, 480, 960, 1920, 3840)
"""Working precisions (decimal digits) tried in turn by :func:`ladder_value`."""


def expression_function(spec: Any, order: int) -> Any:
    """g and g′ (g = f for order 0, f′ for order 1) as one mpmath function of x."""
    import sympy as sp

    from activations._symbolic import MPMATH_NAMESPACE, X

    subs = {
        spec.symbols[k]: sp.nsimplify(v)
        for k, v in spec.params.items()
        if k in spec.symbols and isinstance(v, int | float) and not isinstance(v, bool)
    }
    g = sp.diff(spec.expr.subs(subs), X, order)
    return sp.lambdify(X, [g, sp.diff(g, X)], modules=[MPMATH_NAMESPACE, "mpmath"])


def ladder_value(func: Any, xi: float) -> tuple[Any, Any] | None:
    """(g, g′) at ``xi`` from the lowest precision of :data:`LADDER` whose result agrees
    with the next one to 25 significant digits (g) and 3 (g′).  Results that are exactly
    0 at two precisions are not trusted (a cancellation may have lost everything) until
    the top of the ladder.  None if mpmath fails or nothing converges.
    """
    import mpmath

    prev = None
    for digits in LADDER:
        try:
            with mpmath.workdps(digits):
                vals = [+mpmath.mpf(v) for v in func(mpmath.mpf(xi))]
        except (ArithmeticError, ValueError):
            return None
        if prev is not None:
            close = [
                (a == b == 0 and digits == LADDER[-1])
                or (b != 0 and abs((a - b) / b) < mpmath.mpf(10) ** -tol)
                for a, b, tol in zip(prev, vals, (25, 3), strict=True)
            ]
            if all(close):
                return vals[0], vals[1]
        prev = vals
    return None


def checked_truths(spec: Any, order: int, x: np.ndarray) -> list[tuple[Any, Any] | None]:
    """(g, g′) at every x for g = f (order 0) or f′ (order 1), from the spec's SymPy
    expression in mpmath, at increasing precision until two agree (:func:`ladder_value`).

    The plots need a few hundred points in a few seconds; the test-suite reference
    evaluates every |x| > 15 at 1550 digits, which would take minutes here.  The
    benchmark also uses it to double-check the reference where a result breaks the rule.
    """
    func = expression_function(spec, order)
    return [ladder_value(func, xi) for xi in x.tolist()]


def _errors(func: Any, spec: Any, x: np.ndarray, truths: list) -> _Errors:
    from activations import reference

    with np.errstate(all="ignore"):
        y = np.broadcast_to(np.asarray(func(x, **spec.params), dtype=x.dtype), x.shape)
    ulps, allowed = np.zeros(x.shape), np.zeros(x.shape)
    ok = np.zeros(x.shape, dtype=bool)
    for i, (xi, yi, truth) in enumerate(zip(x.tolist(), y.tolist(), truths, strict=True)):
        if truth is None:
            ulps[i], allowed[i], ok[i] = math.nan, math.nan, True
            continue
        t, dt = truth
        kappa = abs(xi * dt / t) if t != 0 else (0.0 if xi * dt == 0 else math.inf)
        allowed[i] = reference.allowed_ulps(float(kappa))
        ulps[i], verdict = reference.ulp_error(yi, t, x.dtype)
        ok[i] = verdict if verdict is not None else ulps[i] <= allowed[i]
    return _Errors(ulps, allowed, ok)


def error_plot(name: str, quantity: str, worst_x: float) -> tuple[bytes, dict[str, Any]]:
    """SVG of |error| in ULP against x for the catalog and the textbook formula (float64),
    with the rule's allowance; and a few figures for the caption."""
    import matplotlib
    from matplotlib.figure import Figure

    import activations as act

    spec = act.get(name)
    order = 0 if quantity == "f" else 1
    mode, x = _window(worst_x)
    truths = checked_truths(spec, order, x)
    ours = _errors(spec.fn if order == 0 else spec.grad, spec, x, truths)
    naive = _errors(textbook_function(spec, quantity), spec, x, truths)
    xs = np.abs(x) if mode == "log-neg" else x

    def clip(u: np.ndarray) -> np.ndarray:
        return np.clip(np.where(np.isfinite(u), u, ULP_CEIL), ULP_FLOOR, ULP_CEIL)

    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(7.0, 3.6), dpi=72, layout="constrained")
        ax = fig.add_subplot()
        ax.set_yscale("log")
        if mode != "linear":
            ax.set_xscale("log")
        ax.plot(xs, clip(ours.allowed), color=RULE_COLOUR, lw=1.2, ls="--",
                label="allowed: 4 + 2κ ULP")  # fmt: skip
        ax.plot(xs, clip(naive.ulps), ".", ms=3.5, color=TEXTBOOK_COLOUR,
                label="textbook formula")  # fmt: skip
        ax.plot(xs, clip(ours.ulps), ".", ms=3.5, color=CATALOG_COLOUR, label="this library")
        nonfinite = ~np.isfinite(naive.ulps)
        if nonfinite.any():
            ax.plot(xs[nonfinite], np.full(nonfinite.sum(), ULP_CEIL), "x", ms=4,
                    color=TEXTBOOK_COLOUR, label="textbook: NaN or ±inf")  # fmt: skip
        ax.set_ylim(ULP_FLOOR / 1.5, ULP_CEIL * 3)
        ax.set_xlabel({"linear": "x", "log-pos": "x", "log-neg": "−x"}[mode])
        ax.set_ylabel("error (ULP, float64)")
        ax.grid(True, color=GRID, lw=0.6)
        fig.legend(loc="outside upper center", fontsize=8, ncols=4)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", transparent=True, metadata={"Date": None, "Creator": None})
    text = buf.getvalue().decode()
    decl, sep, rest = text.partition("\n")
    if not decl.startswith("<?xml"):
        decl, sep, rest = "", "", text
    svg = (decl + sep + header(".svg") + rest).encode()
    finite_naive = naive.ulps[np.isfinite(naive.ulps)]
    facts = {
        "mode": mode,
        "lo": float(x.min()),
        "hi": float(x.max()),
        "naive_bad": int((~naive.ok).sum()),
        "naive_max": float(finite_naive.max()) if finite_naive.size else None,
        "ours_bad": int((~ours.ok).sum()),
        "ours_max": float(ours.ulps[np.isfinite(ours.ulps)].max()),
        "points": len(x),
        "formula": (spec.naive.fn if quantity == "f" else spec.naive.grad) or "",
    }
    return svg, facts


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
            f"![Error of {name} {QUANTITY_TITLES[quantity]} against x]"
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
        "16 inputs taken from the same grid, random rows at several scales and offsets, and "
        "a few hand-picked rows.",
        *_corrections(meta),
        "- **The rule:** an error of at most $4 + 2\\kappa$ units in the last place (ULP) of "
        "the true value, where $\\kappa(x) = |x\\,g'(x)/g(x)|$ is the condition number of the "
        "quantity $g$ computed (f or f′). A true value below the smallest normal number "
        "need only be within that number; one beyond the largest finite number must come "
        "back as ±inf. For the softmax family the allowance is $16 + 2\\kappa$ with κ summed "
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
        "Figures vary by machine; the page is flagged stale when the catalog changes.\n",
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
