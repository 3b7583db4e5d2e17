"""The catalog's data model: one :class:`Spec` per activation, and the registry.

A spec is the single source of truth for everything the project says about an
activation: the NumPy function and its derivative, the SymPy expression the LaTeX
is printed from, the derivation, the properties (each checked by the tests), the
prose (strengths, weaknesses, typical use) and the framework equivalents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import sympy as sp

from ._symbolic import X, named_functions, to_latex

Monotonic = Literal["increasing", "non-decreasing", "decreasing", "no"]
Smoothness = Literal["discontinuous", "C0", "C1", "C2", "Cinf"]
Saturation = Literal["both", "left", "right", "none"]
Cost = Literal["comparison", "arithmetic", "one transcendental", "several transcendentals"]


@dataclass(frozen=True)
class Param:
    """A parameter of an activation.

    ``symbol`` is the SymPy symbol used in :attr:`Spec.expr`; ``latex`` is how it is
    printed.  ``examples`` are the values drawn as a family of curves on the
    function's page (and tested like the default).  ``learnable`` marks parameters a
    framework trains (PReLU's weight, swish's β); those have a gradient in
    :attr:`Spec.param_grads`.
    """

    name: str
    default: Any
    description: str
    latex: str | None = None
    examples: tuple[Any, ...] = ()
    learnable: bool = False
    positive: bool = False

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True, positive=self.positive or None)


@dataclass(frozen=True)
class Kink:
    """A point where f or f′ is not differentiable, and the value ``grad`` returns there."""

    at: float
    grad_value: float
    convention: str  # Markdown: why this value (no framework behaviour: see ``frameworks``)
    # What each framework's automatic differentiation returns at this point, at the
    # version in FRAMEWORK_VERSIONS (Keras 3 on its JAX backend); the page renders it
    # and the test suite checks it against the installed framework.
    frameworks: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One step of a derivation: ``f′(x) = expr`` (an unevaluated SymPy expression)."""

    expr: sp.Expr
    note: str = ""

    @property
    def latex(self) -> str:
        return to_latex(self.expr)


@dataclass(frozen=True)
class NoDefault:
    """A framework parameter without a default value of its own: see :data:`REQUIRED`
    and :data:`IMPLICIT` (``None`` in :attr:`Framework.defaults` means the framework has
    no such parameter)."""

    label: str

    def __repr__(self) -> str:
        return self.label


REQUIRED = NoDefault("required")
"""The framework's parameter has no default: a call without it raises."""
IMPLICIT = NoDefault("None (implicit)")
"""The framework's parameter defaults to ``None``, and the framework then picks a value
itself (PyTorch's ``F.softmax`` without ``dim``)."""


@dataclass(frozen=True)
class Framework:
    """How a framework spells this activation and which defaults it uses.

    ``defaults`` uses *this catalog's* parameter names and values so that
    disagreements between frameworks can be computed rather than written by hand.
    ``None`` for a parameter means the framework has no such parameter,
    :data:`REQUIRED` that it has one without a default, :data:`IMPLICIT` that it
    defaults to ``None`` and then chooses a value itself.
    """

    framework: Literal["PyTorch", "Keras 3", "tf.keras 2", "JAX"]
    name: str
    defaults: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    # Where the framework's function of this name computes something else at its
    # defaults (another formula, a cut-off), that function in NumPy and its LaTeX:
    # the site computes the difference from it instead of asserting it in prose.
    fn: Callable[..., Any] | None = None
    formula: str = ""
    # The framework's own name of a parameter where it differs from this catalog's
    # (``{"negative_slope": "alpha"}``): shown on the pages, used by the tests that
    # read each default from the installed framework.
    param_names: Mapping[str, str] = field(default_factory=dict)
    # The framework's own spelling of a default where its type differs from this
    # catalog's (GELU's ``approximate=False`` for ``"none"``): the pages show it, because
    # a reader copies what they see, and the tests read it from the installed framework.
    values: Mapping[str, Any] = field(default_factory=dict)
    # Where the defaults were read when the framework cannot be installed here
    # (tf.keras 2): a file of its source, cited on the page.
    source: str = ""


@dataclass(frozen=True)
class FrameworkVersion:
    """The one place that says which release a framework's entries describe.

    ``module`` and ``version`` let the tests check the entries against the installed
    package (they skip when it is absent or another minor release); ``note`` is
    Markdown shown on every framework tab and on the framework-defaults page.
    """

    label: str
    module: str
    version: str
    note: str


FRAMEWORK_VERSIONS: Mapping[str, FrameworkVersion] = {
    "PyTorch": FrameworkVersion(
        "PyTorch 2.13.0",
        "torch",
        "2.13.0",
        "Defaults and gradients read from PyTorch 2.13.0 (CPU build); the test suite "
        "checks them against the installed PyTorch when it is this release.",
    ),
    "Keras 3": FrameworkVersion(
        "Keras 3.15.1",
        "keras",
        "3.15.1",
        "Defaults read from Keras 3.15.1; gradients from its JAX backend "
        "(`KERAS_BACKEND=jax`). Since TensorFlow 2.16, `tf.keras` is Keras 3 (whichever "
        "3.x release is installed, not necessarily this one). The test suite checks them "
        "against the installed Keras when it is this release.",
    ),
    "tf.keras 2": FrameworkVersion(
        "tf.keras 2.15 (TensorFlow 2.15, or the tf_keras 2.15 package)",
        "",
        "2.15",
        "`tf.keras` of TensorFlow 2.15 (Keras 2), which lives on as the `tf_keras` package "
        "(`TF_USE_LEGACY_KERAS=1`) for TensorFlow 2.16 and later. TensorFlow's own `tf.nn` "
        "functions are listed here too. Read from the source of tf_keras v2.15.0 "
        "(github.com/keras-team/tf-keras: `tf_keras/activations.py`, "
        "`tf_keras/layers/activation/*.py`) and of TensorFlow v2.15.0 "
        "(`tensorflow/python/ops/nn_ops.py`). Earlier TensorFlow 2 releases lack some of "
        "these functions (`tf.nn.gelu` and `tf.keras.activations.gelu` arrived in "
        "TensorFlow 2.4). TensorFlow is not installed by the test suite, so these entries "
        "are cited, not tested.",
    ),
    "JAX": FrameworkVersion(
        "JAX 0.10.2",
        "jax",
        "0.10.2",
        "Defaults and gradients read from JAX 0.10.2 (`jax.nn`, float64 enabled); the test "
        "suite checks them against the installed JAX when it is this release.",
    ),
}


@dataclass(frozen=True)
class Paper:
    authors: str
    title: str
    venue: str
    year: int
    url: str  # "" where the work has no stable link
    where: str = ""  # the section, equation or table where the function appears


@dataclass(frozen=True)
class Properties:
    """Claims about f at the default parameters; every one is checked by the tests.

    ``range`` is ``(low, high, low_included, high_included)`` in float (``±inf`` for
    unbounded) and ``range_latex`` prints it, symbolically where it depends on a
    parameter (ELU: ``(-\\alpha, \\infty)``).  ``saturation`` says on which side
    f′(x) → 0 as |x| → ∞.  Properties that can be computed outright (the mean output,
    zero-centredness, dead units) are not declared: see :mod:`activations.properties`.
    """

    range: tuple[float, float, bool, bool]
    range_latex: str
    monotonic: Monotonic
    smoothness: Smoothness
    saturation: Saturation
    self_gated: bool = False
    cost: Cost = "arithmetic"

    @property
    def bounded_below(self) -> bool:
        return self.range[0] > float("-inf")

    @property
    def bounded_above(self) -> bool:
        return self.range[1] < float("inf")


@dataclass(frozen=True)
class Naive:
    """The textbook NumPy formula people copy, kept to measure what it gets wrong.

    ``fn`` and ``grad`` are Python expressions in ``x``, ``np`` and the parameter
    names; they are shown verbatim on the pages and evaluated by the benchmark.
    """

    fn: str | None = None
    grad: str | None = None
    why: str = ""  # Markdown: where the naive form fails and what the catalog does instead
    # Inputs at which the page shows textbook value, catalog value, the true value
    # (mpmath) and both errors in ULP, computed when the page is generated: the
    # figures behind ``why`` are never typed.
    examples: tuple[float, ...] = ()
    examples_float32: tuple[float, ...] = ()


@dataclass(frozen=True)
class Core:
    """The activation's row in the cheatsheet's core table (the functions people
    actually meet): what to use it for and when to avoid it, as short phrases; the
    function's page gives the reasons and the references.  (The initialisation
    column is computed: :func:`activations.properties.init_gain`.)
    """

    use: str
    avoid: str


@dataclass(frozen=True)
class Variant:
    """A non-default mode selected by a string parameter (GELU's ``approximate="tanh"``).

    ``display`` is its formula as a textbook prints it, like :attr:`Spec.display`.
    """

    label: str
    kwargs: Mapping[str, Any]
    expr: sp.Expr
    display: sp.Expr | None = None


@dataclass(frozen=True)
class Term:
    """A symbol of the displayed formulas that is neither x nor a parameter.

    ``symbol`` is the SymPy object as it appears in the display forms (τ, the halves
    a and b, the SELU constants, an index).  The page lists it under the formula with
    ``meaning`` and, where given, ``definition``: a SymPy relation printed after it
    (the equation τ solves).  ``value`` is what the symbol equals where the catalog's
    expression fixes it (RReLU's random slope is (l + u)/2 in evaluation mode): the
    tests substitute it to prove a display form equal to ``expr``.
    """

    symbol: sp.Basic
    meaning: str
    definition: sp.Basic | None = None
    value: sp.Expr | None = None


class Meaning(NamedTuple):
    """One entry of the list under a formula: a symbol and what it means."""

    key: Any  # the parameter's or term's SymPy symbol, or a named function's class
    symbol: str  # LaTeX of the symbol alone
    text: str  # what it is, in words
    definition: str = ""  # LaTeX: its defining equation or its value, where it has one
    param: Param | None = None  # the parameter it is, with its default


@dataclass(frozen=True)
class Spec:
    """Everything the project knows about one activation."""

    name: str
    title: str
    family: str
    summary: str
    fn: Callable[..., Any]
    expr: sp.Expr
    properties: Properties
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    typical_use: str
    year: int
    paper: Paper | None
    frameworks: tuple[Framework, ...]
    grad: Callable[..., Any] | None = None
    vjp: Callable[..., Any] | None = None
    parameters: tuple[Param, ...] = ()
    param_grads: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    derivation: tuple[Step, ...] = ()
    kinks: tuple[Kink, ...] = ()
    aliases: tuple[str, ...] = ()
    naive: Naive = Naive()
    variants: tuple[Variant, ...] = ()
    elementwise: bool = True
    notes: str = ""  # Markdown: why the implementation is written the way it is
    # How the formulas are displayed: f and f′ as a textbook prints them, unevaluated
    # expressions (see _symbolic: cases, clip, frac …) that tests/test_display.py
    # proves equal to ``expr`` and to its derivative.
    display: sp.Expr | None = None
    display_derivative: sp.Expr | None = None
    # Left-hand sides of the displayed f and f′ (functions of a row index them).
    display_lhs: tuple[str, str] = ("f(x)", "f'(x)")
    # More labelled forms of f, each equal to ``expr`` (RReLU in evaluation mode).
    display_also: tuple[tuple[str, sp.Expr], ...] = ()
    terms: tuple[Term, ...] = ()
    # ``year`` and ``paper`` are the first use of the function as an activation (or, where
    # no first use could be verified, the earliest use found: ``first_use_known=False``);
    # ``popularised_by`` the later papers that named it or made it common.
    popularised_by: tuple[Paper, ...] = ()
    first_use_known: bool = True
    # Other activations a reader of this one wants next, each with the reason
    # (``("softmax", "its multi-class generalisation")``), listed first under "See also".
    see_also: tuple[tuple[str, str], ...] = ()
    # A row in the cheatsheet's core table, for the activations people actually meet.
    core: Core | None = None

    @property
    def params(self) -> dict[str, Any]:
        """Parameter names → defaults, in signature order."""
        return {p.name: p.default for p in self.parameters}

    @property
    def symbols(self) -> dict[str, sp.Symbol]:
        return {p.name: p.symbol for p in self.parameters}

    @property
    def derivative_expr(self) -> sp.Expr:
        """f′ as a SymPy expression (elementwise specs only)."""
        return sp.diff(self.expr, X)

    @property
    def formula(self) -> str:
        """LaTeX of f as a textbook prints it, from :attr:`display` (or :attr:`expr`)."""
        return to_latex(self.expr if self.display is None else self.display, self.latex_names)

    @property
    def derivative(self) -> str:
        """LaTeX of f′, printed from :attr:`display_derivative` (or the last derivation
        step, or ``diff(expr)``)."""
        last = self.display_derivative
        if last is None:
            last = self.derivation[-1].expr if self.derivation else self.derivative_expr
        return to_latex(last, self.latex_names)

    @property
    def displayed(self) -> list[sp.Basic]:
        """Every expression shown in the formula block: f, f′, the other forms of f
        and the variants."""
        shown = [self.expr if self.display is None else self.display]
        if self.display_derivative is not None:
            shown.append(self.display_derivative)
        shown += [form for _, form in self.display_also]
        shown += [v.expr if v.display is None else v.display for v in self.variants]
        shown += [grad for _, grad in self.learnable_gradients]
        return shown

    @property
    def learnable_gradients(self) -> list[tuple[Param, sp.Expr]]:
        """∂f/∂p for each learnable parameter p with a gradient function."""
        return [
            (p, sp.diff(self.expr, p.symbol))
            for p in self.parameters
            if p.learnable and p.name in self.param_grads
        ]

    @property
    def where(self) -> list[Meaning]:
        """What every symbol of the displayed formulas means, for the list under them:
        the parameters, the spec's :attr:`terms` and the named functions (σ, Φ, clip …)
        that the formulas, or the definitions of those functions, use."""
        shown = self.displayed
        used = set().union(*(e.free_symbols for e in shown))
        items = [
            Meaning(p.symbol, p.latex or to_latex(p.symbol), p.description, param=p)
            for p in self.parameters
            if p.symbol in used
        ]
        for term in self.terms:
            if any(e.has(term.symbol) for e in shown):
                symbol = to_latex(term.symbol, self.latex_names)
                if term.definition is not None:
                    definition = to_latex(term.definition, self.latex_names)
                elif term.symbol.is_number:
                    definition = rf"{symbol} \approx {float(term.symbol)!r}"
                else:
                    definition = ""
                items.append(Meaning(term.symbol, symbol, term.meaning, definition))
        for fn in named_functions(*shown):
            equation = fn.definition()
            definition = "" if equation is None else to_latex(sp.Eq(*equation, evaluate=False))
            items.append(Meaning(fn, fn.head, fn.meaning, definition))
        return items

    @property
    def derivation_latex(self) -> list[tuple[str, str]]:
        """``(LaTeX, note)`` of each derivation step, parameters spelled as on the page."""
        return [(to_latex(step.expr, self.latex_names), step.note) for step in self.derivation]

    @property
    def latex_names(self) -> dict[sp.Symbol, str]:
        return {p.symbol: p.latex for p in self.parameters if p.latex}


@dataclass(frozen=True)
class Family:
    slug: str
    title: str
    blurb: str  # Markdown, one paragraph


FAMILIES: tuple[Family, ...] = (
    Family(
        "sigmoid-like",
        "Sigmoid-like",
        "Bounded, S-shaped squashing functions and their "
        "piecewise-linear approximations: the classical activations and today's gates.",
    ),
    Family(
        "relu-like",
        "ReLU-like",
        "Rectifiers: ReLU and its variants, which change its negative side (a slope, a "
        "threshold), cap it (ReLU6) or square it (squared ReLU); all but squared ReLU are "
        "piecewise linear.",
    ),
    Family(
        "exponential-linear",
        "Exponential-linear and softplus",
        "Smooth or smooth-ish rectifiers whose negative side is an exponential or a soft maximum.",
    ),
    Family(
        "gaussian-gated",
        "Gaussian- and self-gated",
        "x times a gate between 0 and 1: "
        "GELU, SiLU/swish, Mish and their cheap approximations. The defaults of "
        "transformers and modern CNNs.",
    ),
    Family(
        "shrinkage",
        "Shrinkage",
        "Functions that set small inputs to (nearly) zero, from sparse coding and denoising.",
    ),
    Family(
        "classical",
        "Classical and special-purpose",
        "The identity, the step, and periodic or radial functions used in special architectures.",
    ),
    Family(
        "softmax",
        "Softmax family",
        "Vector-valued functions that turn a row of scores "
        "into a probability distribution (or its logarithm).",
    ),
    Family(
        "glu",
        "Gated linear units",
        "Split the input in two halves and gate one with an "
        "activation of the other: the feed-forward blocks of modern transformers.",
    ),
)


_REGISTRY: dict[str, Spec] = {}
_ALIASES: dict[str, str] = {}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def register(spec: Spec) -> Spec:
    """Add a spec to the catalog (called once per activation at import time)."""
    if spec.family not in {f.slug for f in FAMILIES}:
        raise ValueError(f"register: {spec.name!r} has unknown family {spec.family!r}")
    if spec.name in _REGISTRY:
        raise ValueError(f"register: {spec.name!r} is already in the catalog")
    _REGISTRY[spec.name] = spec
    for alias in (spec.name, *spec.aliases):
        key = _key(alias)
        if _ALIASES.get(key, spec.name) != spec.name:
            raise ValueError(f"register: alias {alias!r} already names {_ALIASES[key]!r}")
        _ALIASES[key] = spec.name
    return spec


def _ordered() -> list[Spec]:
    order = {f.slug: i for i, f in enumerate(FAMILIES)}
    return sorted(_REGISTRY.values(), key=lambda s: order[s.family])


def names() -> list[str]:
    """The canonical names of every activation in the catalog, in catalog order
    (by family, then in the order each family module defines them).

    >>> import activations as act
    >>> "gelu" in act.names() and "swish" not in act.names()
    True
    """
    return [s.name for s in _ordered()]


def specs() -> list[Spec]:
    """Every spec, in catalog order."""
    return _ordered()


def get(name: str) -> Spec:
    """The spec of an activation, by canonical name or alias.

    Case, spaces, hyphens and underscores are ignored, so ``"Leaky ReLU"``,
    ``"leaky-relu"`` and ``"leaky_relu"`` all name the same spec.

    >>> import activations as act
    >>> act.get("swish").name
    'silu'
    >>> act.get("Leaky ReLU").params
    {'negative_slope': 0.01}
    """
    if not isinstance(name, str):
        raise TypeError(f"get: name must be a string, got {type(name).__name__}")
    try:
        return _REGISTRY[_ALIASES[_key(name)]]
    except KeyError:
        raise KeyError(f"get: no activation named {name!r}; see activations.names()") from None
