"""The property vocabulary (``docs/glossary.md``): one definition per word.

Every property column of the cheatsheet and every row of a function page's
properties table links here, and the values in those cells are worded by the
functions of this module from :mod:`activations.properties` and the specs' checked
claims, so a word means the same thing on every page.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass

import sympy as sp

import activations as act
from activations import properties as props

from . import header
from .common import fmt_number, link, rel, yes_no
from .plots import Y_RULE

PAGE = "glossary.md"


# The words of the property columns, one per catalog value (defined on this page).
MONOTONIC = {
    "increasing": "increasing",
    "non-decreasing": "non-decreasing",
    "decreasing": "decreasing",
    "no": "no",
}
MONOTONIC_PROSE = {**MONOTONIC, "no": "not monotonic"}
"""The same words in a sentence (a plot's text alternative): "no" reads "not monotonic"."""
SMOOTHNESS = {
    "discontinuous": "discontinuous",
    "C0": "$C^0$ (kinks)",
    "C1": "$C^1$",
    "C2": "$C^2$",
    "Cinf": r"$C^\infty$",
}
SMOOTHNESS_SHORT = {
    "discontinuous": "jump",
    "C0": "$C^0$",
    "C1": "$C^1$",
    "C2": "$C^2$",
    "Cinf": r"$C^\infty$",
}


@dataclass(frozen=True)
class Term:
    anchor: str
    label: str  # as a table header or row label
    title: str  # the glossary heading


TERMS = {
    t.anchor: t
    for t in (
        Term("range", "range", "Range"),
        Term("bounded", "bounded", "Bounded"),
        Term("monotonic", "monotonic", "Monotonic"),
        Term("smoothness", "smoothness", "Smoothness"),
        Term("mean-output", "E[f(Z)]", "Mean output E[f(Z)]"),
        Term("zero-centred", "zero-centred", "Zero-centred"),
        Term("saturating", "saturating", "Saturating"),
        Term("dead-units", "dead units", "Dead units"),
        Term("gradient-floor", "min |f′|, x < 0", "Gradient floor"),
        Term("init-gain", "init gain", "Initialisation gain"),
        Term("self-gated", "self-gated", "Self-gated"),
        Term("cost", "cost", "Cost"),
        Term("grad-at-zero", "f′(0)", "f′(0)"),
        Term("elementwise", "elementwise", "Elementwise"),
        Term("floating-point", "in floating point", "In floating point"),
        Term("plots", "plots", "How to read the plots"),
        Term("function-pages", "function pages", "How a function page is made"),
    )
}


def term_link(anchor: str, source: str, label: str | None = None) -> str:
    """A Markdown link from page ``source`` to the glossary entry ``anchor``."""
    term = TERMS[anchor]
    return f"[{label or term.label}]({rel(PAGE, source)}#{anchor})"


# ----------------------------------------------------------------- wording of values


def mean_text(spec: act.Spec) -> str:
    mean = props.mean_output(spec)
    if mean is None:
        return "—"
    return "0" if props.zero_centred(spec) else fmt_number(float(mean))


def gain_text(spec: act.Spec) -> str:
    gain = props.init_gain(spec)
    return "—" if gain is None else fmt_number(float(gain))


def zero_centred_text(spec: act.Spec) -> str:
    centred = props.zero_centred(spec)
    return "—" if centred is None else yes_no(centred)


def set_latex(region: sp.Set) -> str:
    return "$" + sp.latex(region).replace(r"\left(", "(").replace(r"\right)", ")") + "$"


_DECAY = {
    "exponential": "exponentially",
    "gaussian": "like a Gaussian",
}
_SIDE = {"left": "x → −∞", "right": "x → +∞"}


def _decay(tail: props.Tail) -> str:
    if tail.kind == "power":
        return f"like |x|<sup>−{tail.order}</sup>"
    return _DECAY[tail.kind]


def dead_units_text(spec: act.Spec, short: bool = False) -> str:
    """The dead-units verdict, with its reason unless ``short``."""
    dead = props.dead_units(spec)
    if dead is None:
        return "—"
    if short:
        return dead.verdict
    if dead.verdict == "yes":
        return f"yes: f′ = 0 on {set_latex(dead.region)}"
    if dead.verdict == "vanishing":
        vanishing = [t for t in dead.tails if t.vanishes]
        if len(vanishing) == 2 and _decay(vanishing[0]) == _decay(vanishing[1]):
            where = f"{_decay(vanishing[0])} as x → ±∞"
        else:
            where = " and ".join(f"{_decay(t)} as {_SIDE[t.side]}" for t in vanishing)
        return f"vanishing: f′ is 0 on no interval, but f′ → 0 {where}"
    if dead.floor > 0:
        return f"no: |f′| ≥ {fmt_number(dead.floor)} for x < 0, and f′ does not tend to 0"
    return "no: f′ = 0 only at isolated points, and f′ does not tend to 0"


def floor_text(spec: act.Spec) -> str:
    floor = props.gradient_floor(spec)
    return "—" if floor is None else fmt_number(floor)


def saturation_text(spec: act.Spec, short: bool = False) -> str:
    side = spec.properties.saturation
    if short:
        return {"both": "both", "left": "left", "right": "right", "none": "no"}[side]
    return {
        "both": "both sides",
        "left": "left (x → −∞)",
        "right": "right (x → +∞)",
        "none": "no",
    }[side]


def outward(threshold: float, side: str, digits: int = 6) -> float:
    """``threshold`` to ``digits`` significant digits, rounded away from the side where
    the statement "f(x) = bound for x ≤ t" (left) or "x ≥ t" (right) fails, so that it
    stays true at the printed number: toward −∞ on the left, toward +∞ on the right."""
    exact = decimal.Decimal(threshold)
    quantum = decimal.Decimal(1).scaleb(exact.adjusted() - digits + 1)
    mode = decimal.ROUND_FLOOR if side == "left" else decimal.ROUND_CEILING
    return float(exact.quantize(quantum, rounding=mode))


def rounding_text(spec: act.Spec) -> str:
    """Where floating point returns an excluded end of the range exactly; '' if nowhere."""
    found = props.rounding(spec) or []
    if not found:
        return ""
    groups: dict[tuple[float, str], list[props.Rounding]] = {}
    for r in found:
        groups.setdefault((r.bound, r.side), []).append(r)
    parts = []
    for (bound, side), rows in groups.items():
        sign = "≤" if side == "left" else "≥"
        where = ", ".join(
            f"x {sign} {fmt_number(outward(r.threshold, side), 6)} in {r.dtype}" for r in rows
        )
        parts.append(f"f(x) = {fmt_number(bound, 6)} exactly for {where}")
    return "; ".join(parts)


# ----------------------------------------------------------------- the page


def _example(name: str) -> str:
    spec = act.get(name)
    return f"{spec.title} {fmt_number(float(props.mean_output(spec)))}"


def _section(anchor: str, body: str) -> str:
    return f"## {TERMS[anchor].title} {{#{anchor}}}\n\n{body.strip()}\n"


def render() -> str:
    tol = fmt_number(props.ZERO_MEAN_TOLERANCE)
    examples = ", ".join(_example(n) for n in ("leaky_relu", "elu", "silu", "mish", "gelu"))
    odd = ", ".join(
        s.title
        for s in act.specs()
        if props.zero_centred(s) and s.name not in ("selu",) and s.elementwise
    )
    relu = act.get("relu")
    sigmoid_one = {
        r.dtype: outward(r.threshold, r.side)
        for r in props.rounding("sigmoid") or []
        if r.bound == 1.0
    }
    by_verdict: dict[str, list[act.Spec]] = {"yes": [], "vanishing": [], "no": []}
    for spec in act.specs():
        dead = props.dead_units(spec)
        if dead is not None:
            by_verdict[dead.verdict].append(spec)
    sections = [
        _section(
            "range",
            "The set of values f takes over all real x, at the default parameters, as a "
            "mathematical interval: a round bracket excludes an end that f only approaches, "
            "a square bracket includes one f attains. For a function of a whole row it is "
            "the range of each output entry, for rows of at least two entries (a row of one "
            "entry gives softmax 1 and log-softmax 0). What floating point rounds to is a "
            "separate "
            f"matter: see [{TERMS['floating-point'].title}](#floating-point).",
        ),
        _section(
            "bounded",
            "Whether the range has a finite end: *below*, *above*, *both* or *no*. "
            "Read off the range.",
        ),
        _section(
            "monotonic",
            "*increasing*: f′ ≥ 0, and f′ = 0 at most at isolated points (strictly "
            "increasing, like x³ or Tanhshrink); *non-decreasing*: f′ ≥ 0, and f′ = 0 on a "
            "whole interval (f has flat stretches, like ReLU); *decreasing*: f′ < 0; *no*: "
            "f′ takes both signs. Checked by the test suite on a grid of inputs, from the "
            "catalog's derivative in float64 and the spec's derivative at 50 significant "
            "digits (a flat stretch: two neighbouring grid points where f′ = 0).",
        ),
        _section(
            "smoothness",
            "$C^0$: continuous, with kinks where f′ jumps; $C^1$: f′ is continuous and f″ "
            "jumps somewhere; $C^2$: f″ is continuous and f‴ jumps somewhere; $C^\\infty$: "
            "every derivative is continuous; *jump*/*discontinuous*: f itself jumps. "
            "Checked at every "
            "kink the spec declares.",
        ),
        _section(
            "mean-output",
            "E[f(Z)] for a standard-normal input Z ~ N(0, 1): the mean output of a unit "
            "whose pre-activation has mean 0 and variance 1, which is what normalisation "
            "layers and variance-preserving initialisation aim for. Computed from the "
            "spec's expression by quadrature at "
            f"{props.MEAN_DIGITS} significant digits, at the default parameters. "
            "Functions of a whole row have no single mean output ('—').",
        ),
        _section(
            "zero-centred",
            f"E[f(Z)] = 0 for Z ~ N(0, 1) (in practice |E[f(Z)]| ≤ {tol}; the catalog's "
            "constants are float64 numbers). Odd functions are zero-centred "
            f"({odd}); so is SELU, whose constants are chosen to make the mean 0. "
            "Taking values of both signs is not enough: the means of "
            f"{examples} are all well above 0, so none of them is zero-centred.",
        ),
        _section(
            "saturating",
            "f′(x) → 0 as x → −∞ (*left*), as x → +∞ (*right*), on *both* sides, or on "
            "*no* side. A unit driven far into a saturated side gets almost no gradient. "
            "Classified from f′ at |x| = 20, 40 and 80, evaluated at high precision; for a "
            "function of a whole row, from the slice its page plots (for a GLU the row "
            "(1, x), where f′ is ∂f/∂b). Papers often call ReLU *non-saturating* "
            "(Krizhevsky et al. 2012, §3.1), meaning its positive side; by this definition "
            "it saturates on the left, where f′ = 0.",
        ),
        _section(
            "dead-units",
            "Whether a unit can stop learning because f′ is 0, or nearly so, for every "
            "input it receives:\n\n"
            "- *yes*: f′ = 0 on a whole interval (the interval is given). A unit whose "
            "pre-activations all fall there gets no gradient and stays dead. "
            f"{relu.title}: f′ = 0 on {set_latex(props.zero_gradient_region(relu))}.\n"
            "- *vanishing*: f′ is 0 on no interval, but f′ → 0 in a tail (how fast is "
            "given), so a unit pushed far into that tail gets a gradient too small to "
            "bring it back: units do not die the way ReLU's do, but they can (the "
            "[dying-ReLU experiment](concepts/dying-relu.py) measures it).\n"
            "- *no*: neither. f′ tends to a non-zero constant on both sides, or "
            "vanishes only at isolated points. Where |f′| is bounded away from 0 for "
            "x < 0 (the [gradient floor](#gradient-floor) is positive) no input can "
            "switch the unit's gradient off.\n\n"
            + "\n".join(
                f"*{verdict}* in this catalog: "
                + ", ".join(link(s, PAGE) for s in by_verdict[verdict])
                + ".\n"
                for verdict in ("yes", "vanishing", "no")
                if by_verdict[verdict]
            )
            + "\n"
            "Worked out from the zero set of the spec's derivative (SymPy) and from "
            f"[its tails](#saturating); see also [{TERMS['gradient-floor'].title}]"
            "(#gradient-floor).",
        ),
        _section(
            "gradient-floor",
            "inf |f′(x)| over x < 0: the smallest slope a negative pre-activation can "
            "give, from the catalog's derivative on a dense grid from −10<sup>300</sup> "
            "to −10<sup>−300</sup>. Greater than 0 only where no negative input can "
            "switch a unit's gradient off.",
        ),
        _section(
            "init-gain",
            "g = 1/√E[f(Z)²] for Z ~ N(0, 1), computed like the mean output. A layer "
            "whose weights have mean 0 and variance g²/fan_in, independent of its inputs, "
            "with zero bias, fed with f of standard-normal pre-activations (mean 0, "
            "variance 1), produces unit-variance pre-activations again: "
            "Var(y) = fan_in · Var(w) · E[f(z)²] (He et al. 2015, "
            "[§2.2, eq. 7](https://arxiv.org/abs/1502.01852)). For ReLU E[f(Z)²] = 1/2, so "
            f"g = √2 = {fmt_number(float(props.init_gain('relu')), 4)}: He (Kaiming) "
            f"initialisation; for SELU g = {fmt_number(float(props.init_gain('selu')), 4)}: "
            "LeCun initialisation, Var(w) = 1/fan_in, which Klambauer et al. (2017) use "
            "for SELU networks (their Theorem 1 asks each unit's weights to have sum "
            "ω ∈ [−0.1, 0.1] and sum of squares τ ∈ [0.95, 1.1], which LeCun-normal "
            "weights meet in expectation). Glorot (Xavier) initialisation, "
            "Var(w) = 2/(fan_in + fan_out), averages the forward and backward "
            "conditions for a function with f′(0) = 1 near 0, such as tanh (Glorot & "
            "Bengio 2010, §4.2.1, eq. 12). Frameworks' recommended gains are not all "
            "computed this way: PyTorch's `torch.nn.init.calculate_gain` (2.13) gives 1 "
            f"for sigmoid (this computation: {fmt_number(float(props.init_gain('sigmoid')), 4)}), "
            f"5/3 for tanh (this computation: {fmt_number(float(props.init_gain('tanh')), 4)}) "
            "and 3/4 for SELU, and the `torch.nn.SELU` documentation (2.13) says to "
            "initialise SELU networks with `nonlinearity='linear'` (gain 1), not "
            "`'selu'`. '—' where f acts on a whole row.",
        ),
        _section(
            "self-gated",
            "f(x) = x·g(x) with a gate 0 ≤ g(x) ≤ 1 computed from x itself (SiLU, GELU, "
            "Mish): the input scales itself.",
        ),
        _section(
            "cost",
            "What evaluating f takes, counted from its expression: *comparison* (only "
            "comparisons, and copies of x, of a parameter or of a constant), *arithmetic* "
            "(+, −, ×, ÷, √, |·|, sums over a row), *one transcendental* (one exp, log, "
            "tanh, erf, …) or *several transcendentals*. Measured times are on "
            f"[Accuracy & speed]({rel('accuracy.md', PAGE)}).",
        ),
        _section(
            "grad-at-zero",
            "What the catalog's derivative returns at x = 0, by calling it. Where f has "
            "a kink at 0 this is a convention (each function page says which, and what "
            "the frameworks return).",
        ),
        _section(
            "elementwise",
            "f acts on each number separately. The others (softmax, the GLUs, maxout, "
            "…) act on a whole row along an axis (`axis=-1` by default).",
        ),
        _section(
            "floating-point",
            "Where an end of the range is excluded mathematically but floating point "
            "returns it exactly, the function page gives the inputs from which the "
            "catalog's f does, in float64 and float32 (found by bisection over the "
            f"floats). For example σ(x) < 1 for every real x, yet the catalog's σ returns "
            f"exactly 1 from x = {fmt_number(sigmoid_one['float64'], 6)} on in float64 "
            f"(from {fmt_number(sigmoid_one['float32'], 6)} in float32).",
        ),
        _section(
            "plots",
            f"{Y_RULE} f is drawn solid and f′ dashed; a dot marks the value the "
            "derivative returns at a kink. Functions of a whole row show a one-dimensional "
            "slice, named under their plot. The thick curve of a family plot is the "
            "default parameter.",
        ),
    ]
    sections.append(
        _section(
            "function-pages",
            "Every function page is generated from the activation's spec in the catalog "
            "(`src/activations`) and regenerated whenever the catalog changes:\n\n"
            "- the formulas are printed from SymPy expressions that the test suite proves "
            "equal to the function's defining expression and to its derivative (at 50 "
            "significant digits on both sides of every kink where SymPy cannot do it "
            "symbolically), and so is every step of a derivation;\n"
            "- every value in a table or an example is computed by calling the catalog "
            "when the page is generated, and the test suite runs each example;\n"
            "- framework names and defaults are stated as the framework spells them (its "
            "own parameter name and value type, such as `approximate=True` where this "
            "library writes `approximate='tanh'`) for the release each tab names, and "
            "checked against that release by the test suite when it is installed;\n"
            "- the code under *Copy into your code* is a file the page includes verbatim and "
            "the test suite holds to the same accuracy rule as the catalog;\n"
            "- the errors and timings under *Numerics and implementation* come from the "
            f"benchmark run named there ([Accuracy & speed]({rel('accuracy.md', PAGE)})).",
        )
    )
    intro = (
        "# Glossary of properties\n\n"
        "What each property in the [cheatsheet](cheatsheet.md) and on the function "
        "pages means. Every value is at the function's default parameters and is either "
        "computed from the catalog when the pages are generated or a claim the test "
        "suite checks; the same word means the same thing on every page.\n"
    )
    return "\n".join([header(".md"), intro, *sections])


def outputs() -> dict[str, str]:
    return {PAGE: render()}
