"""The interactive explorer: JavaScript for every f and f′, printed from the SymPy
expressions of the catalog (``sympy.jscode``), and the page that hosts it.

Nothing here knows a particular activation: each elementwise spec becomes an entry
of ``window.ATLAS_FUNCTIONS`` with its parameters (sliders), its string-valued modes
(``Variant``: a select box) and ``f``/``df`` closures.  σ and Φ are printed from
their definitions too; Φ needs ``erfc``, which JavaScript lacks, so the site ships
stdlib's (``docs/assets/explorer/vendor/erfc.js``, built by ``scripts/vendor_js.sh``).
The explorer's drawing code (``docs/assets/explorer/explorer.js``) is written by hand
and holds no formula.
"""

from __future__ import annotations

import json
import math

import sympy as sp

import activations as act
from activations._symbolic import X

from . import header

# evaluate=False keeps erfc(-x/√2): SymPy would rewrite it as 2 - erfc(x/√2), which cancels.
_RUNTIME = {
    "sigmoid": 1 / (1 + sp.exp(-X)),
    "Phi": sp.erfc(-X / sp.sqrt(2), evaluate=False) / 2,
}


def _js(expr: sp.Expr) -> str:
    code = sp.jscode(expr, user_functions={"sigmoid": "sigmoid", "Phi": "Phi", "erfc": "erfc"})
    if "Not supported" in code:
        raise ValueError(f"explorer: cannot print {expr} as JavaScript:\n{code}")
    return code


def _slider(param: act.Param) -> dict:
    values = [float(param.default), *(float(v) for v in param.examples)]
    lo, hi = min(values), max(values)
    span = (hi - lo) or max(abs(float(param.default)), 1.0)
    low, high = lo - 0.25 * span, hi + 0.25 * span
    if param.positive or (lo >= 0 and float(param.default) > 0):
        low = max(low, span / 100)
    step = 10 ** math.floor(math.log10(span / 100))
    return {
        "name": param.name,
        "label": param.name,
        "description": param.description,
        "default": float(param.default),
        "min": round(low, 6),
        "max": round(high, 6),
        "step": step,
    }


def _numeric(param: act.Param) -> bool:
    return isinstance(param.default, int | float) and not isinstance(param.default, bool)


def _function(symbols: list[str], expr: sp.Expr) -> str:
    unpack = "".join(f"const {s} = p.{s}; " for s in symbols)
    body = _js(expr).replace("\n", "\n      ")
    return f"function (x, p) {{ {unpack}return {body}; }}"


def _entry(spec: act.Spec) -> str:
    params = [p for p in spec.parameters if _numeric(p)]
    names = [p.name for p in params]
    lines = [
        f"    {json.dumps(spec.name)}: {{",
        f"      title: {json.dumps(spec.title)},",
        f"      family: {json.dumps(spec.family)},",
        f"      page: {json.dumps(f'functions/{spec.name}/')},",
        f"      params: {json.dumps([_slider(p) for p in params])},",
        f"      f: {_function(names, spec.expr)},",
        f"      df: {_function(names, sp.diff(spec.expr, X))},",
    ]
    if spec.variants:
        choice = next(iter(spec.variants[0].kwargs))
        default = spec.params[choice]
        options = [default, *(v.kwargs[choice] for v in spec.variants)]
        lines.append(f"      choice: {json.dumps({'name': choice, 'options': options})},")
        lines.append("      variants: {")
        for v in spec.variants:
            lines.append(f"        {json.dumps(v.kwargs[choice])}: {{")
            lines.append(f"          f: {_function(names, v.expr)},")
            lines.append(f"          df: {_function(names, sp.diff(v.expr, X))},")
            lines.append("        },")
        lines.append("      },")
    lines.append("    },")
    return "\n".join(lines)


def functions_js() -> str:
    runtime = "\n".join(
        f"  function {name}(x) {{ return {_js(expr)}; }}" for name, expr in _RUNTIME.items()
    )
    entries = "\n".join(_entry(s) for s in act.specs() if s.elementwise)
    families = json.dumps({f.slug: f.title for f in act.FAMILIES})
    return (
        header(".js")
        + "(function () {\n"
        + '  "use strict";\n'
        + "  const erfc = window.AtlasVendor.erfc;\n"
        + runtime
        + "\n"
        + f"  window.ATLAS_FAMILIES = {families};\n"
        + "  window.ATLAS_FUNCTIONS = {\n"
        + entries
        + "\n  };\n})();\n"
    )


PAGE = """\
# Explorer

Pick one or more activations, move their parameters, and compare $f$ (solid) with
$f'$ (dashed). Hover over the plot, or focus it and use the arrow keys (Shift for
larger steps), to read the values under the cursor.

<div class="atlas-explorer" id="atlas-explorer" markdown="0">
  <noscript>The explorer needs JavaScript; every function also has a static page with
  plots of f and f′.</noscript>
</div>

The JavaScript behind every curve is printed from the catalog's SymPy expressions by
`scripts/generate.py` (with `sympy.jscode`), and a browser test evaluates it against
the NumPy catalog. It evaluates the textbook form of each expression, which is what
you want for a picture on $[-6, 6]$ but not for numerics: in the far tails some of
these forms cancel or overflow (for example $\\sigma'(x)$ as $e^{{-x}}/(1+e^{{-x}})^2$
gives `NaN` once $e^{{-x}}$ overflows, near $x < -709$). The
[Accuracy & speed](accuracy.md) page measures what the NumPy catalog does instead.

There are {count} functions here: every elementwise activation of the catalog. The
softmax family and the gated linear units act on vectors and are not plotted as
curves; see their [family pages](families/softmax.md).
"""


def outputs() -> dict[str, str]:
    count = sum(1 for s in act.specs() if s.elementwise)
    return {
        "assets/explorer/functions.js": functions_js(),
        "explorer.md": header(".md") + PAGE.format(count=count),
    }
