"""What the catalog's pages share: paths, wording of properties, number formatting,
Markdown helpers and the benchmark figures (:data:`scripts.bench.BENCHMARK_JSON`).

Everything here is generic over ``activations.specs()``: no function of the catalog
is named in the generator.  (This module has no ``outputs()``; it produces nothing.)
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import numpy as np

import activations as act
from scripts.bench import load

# Where generated files live, relative to docs/.
FUNCTIONS_DIR = "functions"
FAMILIES_DIR = "families"
IMG_DIR = "img"  # below FUNCTIONS_DIR and FAMILIES_DIR
THUMB_DIR = "img/thumbs"  # below FUNCTIONS_DIR

FRAMEWORKS = ("PyTorch", "Keras 3", "tf.keras 2", "JAX")
"""The framework tabs of every function page, after this library's own."""


ROW_AXIS_DEFAULT = -1
"""The catalog's convention for functions of a whole row: ``axis=-1`` by default."""


def our_defaults(spec: act.Spec) -> dict[str, Any]:
    """Every keyword default of the catalog function: ``spec.params``, then the
    other keyword defaults of its signature (``axis`` of the row functions)."""
    out = dict(spec.params)
    try:
        signature = inspect.signature(spec.fn)
    except (TypeError, ValueError):
        signature = None
    if signature is not None:
        for name, p in signature.parameters.items():
            if p.default is not inspect.Parameter.empty:
                out.setdefault(name, p.default)
    if not spec.elementwise:
        out.setdefault("axis", ROW_AXIS_DEFAULT)
    return out


def equivalents(spec: act.Spec) -> dict[str, tuple[act.Framework, ...]]:
    """The frameworks that have this function (a name of '—' or '' means none), each
    with its entries: a layer and a function of one framework may differ."""
    out: dict[str, tuple[act.Framework, ...]] = {}
    for f in spec.frameworks:
        if f.name.strip() not in {"", "—", "-"}:
            out[f.framework] = (*out.get(f.framework, ()), f)
    return out


def family_of(slug: str) -> act.Family:
    return next(f for f in act.FAMILIES if f.slug == slug)


def members(slug: str) -> list[act.Spec]:
    return [s for s in act.specs() if s.family == slug]


# ---------------------------------------------------------------- paths and links


def page_path(spec: act.Spec) -> str:
    return f"{FUNCTIONS_DIR}/{spec.name}.md"


def plot_path(spec: act.Spec, param: str | None = None) -> str:
    stem = spec.name if param is None else f"{spec.name}-{param}"
    return f"{FUNCTIONS_DIR}/{IMG_DIR}/{stem}.svg"


def thumb_path(spec: act.Spec) -> str:
    return f"{FUNCTIONS_DIR}/{THUMB_DIR}/{spec.name}.svg"


def family_page_path(slug: str) -> str:
    return f"{FAMILIES_DIR}/{slug}.md"


def family_plot_path(slug: str) -> str:
    return f"{FAMILIES_DIR}/{IMG_DIR}/{slug}.svg"


def rel(target: str, source: str) -> str:
    """Relative link from the page ``source`` to ``target`` (both relative to docs/)."""
    src_parts = source.split("/")[:-1]
    tgt_parts = target.split("/")
    common = 0
    while (
        common < len(src_parts)
        and common < len(tgt_parts) - 1
        and src_parts[common] == tgt_parts[common]
    ):
        common += 1
    return "/".join([".."] * (len(src_parts) - common) + tgt_parts[common:])


def link(spec: act.Spec, source: str, text: str | None = None) -> str:
    return f"[{text or spec.title}]({rel(page_path(spec), source)})"


# ---------------------------------------------------------------- wording


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def bounded(props: act.Properties) -> str:
    below, above = props.bounded_below, props.bounded_above
    if below and above:
        return "both"
    if below:
        return "below"
    if above:
        return "above"
    return "no"


# ---------------------------------------------------------------- numbers and values


def fmt_value(value: Any) -> str:
    """A parameter value as a reader would type it (``0.01``, ``'tanh'``, ``True``)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    if isinstance(value, int | float | str):
        return repr(value)
    if isinstance(value, np.generic):
        return fmt_value(value.item())
    return repr(value)


def fmt_number(value: float, digits: int = 4) -> str:
    """A float for a table cell: up to ``digits`` significant digits, exact zeros plain."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0:
        return "0"
    text = f"{value:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa} × 10<sup>{int(exponent)}</sup>"
    return text.replace("-", "−")


def fmt_ulp(value: float | None) -> str:
    """An error in ULP: 3 significant digits, whole numbers from 1000, and a power of
    ten from 10⁴ (``1.7 × 10<sup>7</sup>``); ``—`` when there is none."""
    if value is None:
        return "—"
    value = float(value)
    if value < 999.5:
        return f"{value:.3g}"
    if value < 9999.5:
        return f"{value:.0f}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} × 10<sup>{int(exponent)}</sup>"


def call_kwargs(spec: act.Spec, **override: Any) -> str:
    """``, name=value`` for the overridden parameters (empty at the defaults)."""
    return "".join(f", {k}={fmt_value(v)}" for k, v in override.items())


def public_call(spec: act.Spec) -> str:
    """How a user calls the function: ``act.<name>`` when the package exports it."""
    if getattr(act, spec.name, None) is spec.fn:
        return f"act.{spec.name}"
    return f'act.get("{spec.name}").fn'


def examples_of(param: act.Param) -> list[Any]:
    """A parameter's example values with its default included, in a stable order."""
    values = list(param.examples)
    if not any(_same(v, param.default) for v in values):
        values.append(param.default)
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        values.sort()
    return values


def _same(a: Any, b: Any) -> bool:
    return (type(a) is type(b) and a == b) or (_real(a) and _real(b) and float(a) == float(b))


def _real(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def same_value(a: Any, b: Any) -> bool:
    return _same(a, b)


def differs(key: str, theirs: Any, ours: dict[str, Any]) -> bool:
    """Whether a framework's stated default ``theirs`` of parameter ``key`` computes
    something other than this library's defaults ``ours``: a value that is not ours, an
    implicit choice (:data:`activations.IMPLICIT`), or a parameter we do not have. No
    such parameter (``None``) and a required argument (:data:`activations.REQUIRED`)
    are no default, so they do not differ."""
    if theirs is None or theirs is act.REQUIRED:
        return False
    return key not in ours or theirs is act.IMPLICIT or not same_value(theirs, ours[key])


def fw_value(fw: act.Framework, key: str) -> str:
    """A framework's default as a reader would type it in that framework: its own
    parameter name and value spelling (``approximate=False``, ``alpha=0.3``); the
    markers read ``dim required`` / ``dim=None (implicit)`` and no parameter ``—``."""
    name = fw.param_names.get(key, key)
    value = fw.defaults[key]
    if value is None:
        return f"no `{name}`"
    if value is act.REQUIRED:
        return f"`{name}` required"
    if value is act.IMPLICIT:
        return f"`{name}=None` (implicit)"
    return f"`{name}={fmt_value(fw.values.get(key, value))}`"


# ---------------------------------------------------------------- Markdown


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A Markdown table; ``align`` is one of 'l', 'c', 'r' per column (default left)."""
    marks = {"l": ":--", "c": ":-:", "r": "--:"}
    align = align or "l" * len(header)
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
    ]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def cell(text: str) -> str:
    """Make text safe for a table cell: no newlines, and no bare ``|`` (in math too)."""
    text = " ".join(str(text).split())
    return re.sub(r"(\$[^$]*\$)|\|", _cell_sub, text)


def _cell_sub(match: re.Match) -> str:
    if match.group(1) is None:
        return r"\|"
    return match.group(1).replace("|", r"\vert ")


def math_inline(latex: str) -> str:
    return f"${latex}$"


def math_display(latex: str, lhs: str = "") -> str:
    body = f"{lhs} = {latex}" if lhs else latex
    return f"$$\n{body}\n$$\n"


def indent(text: str, by: int = 4) -> str:
    pad = " " * by
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines()) + "\n"


def paper_text(p: act.Paper) -> str:
    """A reference as the pages print it: authors, title, venue, year, where, link."""
    where = f", {p.where}" if p.where else ""
    link = f" <{p.url}>" if p.url else ""
    return f"{p.authors}. *{p.title}*. {p.venue}, {p.year}{where}.{link}"


# ---------------------------------------------------------------- benchmark


@cache
def benchmark() -> dict | None:
    """The benchmark's figures, or None when it has not been run."""
    return load()


def benchmark_rows(name: str) -> list[dict]:
    data = benchmark()
    if not data:
        return []
    return [r for r in data.get("results", []) if r.get("name") == name]
