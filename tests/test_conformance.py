"""The catalog as a whole: names, aliases, families, and the completeness of every spec:
signatures, docstrings, prose, the gradient convention at every kink, and the gradients
in the learnable parameters (against finite differences and the spec's expression)."""

from __future__ import annotations

import dataclasses
import inspect
import re

import numpy as np
import pytest
import scipy.special

import activations as act
from activations import reference

REQUIRED = """identity binary_step sigmoid tanh hard_sigmoid hard_tanh softsign relu relu6
leaky_relu prelu rrelu elu celu selu gelu silu hard_swish mish softplus log_sigmoid squareplus
sparse_plus sparse_sigmoid hardshrink softshrink tanhshrink threshold gaussian sinusoid
exponential softmax log_softmax softmin sparsemax glu reglu geglu swiglu""".split()

# The spellings frameworks and papers use, which the pages name: each must stay an alias.
ALIASES = {
    "swish": "silu",
    "hard_silu": "hard_swish",
    "hardswish": "hard_swish",
    "smelu": "sparse_plus",
    "linear": "identity",
    "logistic": "sigmoid",
    "hardtanh": "hard_tanh",
    "hardsigmoid": "hard_sigmoid",
    "logsigmoid": "log_sigmoid",
    "soft_sign": "softsign",
    "squared_relu": "relu_squared",
    "heaviside": "binary_step",
    "step": "binary_step",
    "sin": "sinusoid",
    "exp": "exponential",
    "hard_shrink": "hardshrink",
    "tanh_shrink": "tanhshrink",
}
FRAMEWORKS = ("PyTorch", "Keras 3", "tf.keras 2", "JAX")
SPECS = act.specs()
IDS = [s.name for s in SPECS]
UNCITED = {"tanhshrink"}  # the functions the catalog cites no paper for
DECLARED = [(alias, s.name) for s in SPECS for alias in s.aliases]
MODULES = {  # family: the module that defines it (and tests/test_<module>.py tests it)
    "sigmoid-like": "_sigmoid_like",
    "relu-like": "_relu_like",
    "exponential-linear": "_exponential",
    "gaussian-gated": "_gated",
    "shrinkage": "_shrinkage",
    "classical": "_classical",
    "softmax": "_softmax",
    "glu": "_glu",
}


def test_required_names_present():
    missing = sorted(set(REQUIRED) - set(act.names()))
    assert not missing, f"catalog is missing {missing}"


def test_the_named_aliases_are_declared():
    assert ALIASES.items() <= set(DECLARED)


@pytest.mark.parametrize(("alias", "name"), DECLARED, ids=[a for a, _ in DECLARED])
def test_aliases(alias, name):
    assert act.get(alias).name == name
    assert act.get(alias.upper().replace("_", " ")).name == name


@pytest.mark.parametrize("alias", ["gelu_new", "gelu_pytorch_tanh"])
def test_names_of_the_tanh_gelu_are_not_aliases_of_the_exact_default(alias):
    # Hugging Face's names denote the tanh form; an alias would return the exact GELU.
    with pytest.raises(KeyError):
        act.get(alias)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_family_is_the_module_that_defines_it(spec):
    assert spec.fn.__module__ == f"activations.{MODULES[spec.family]}"


def test_names_are_unique_and_exported():
    names = act.names()
    assert len(names) == len(set(names))
    for name in names:
        assert getattr(act, name) is act.get(name).fn, f"act.{name} is not the spec's fn"
        assert name in act.__all__


def test_get_rejects_unknown_and_non_strings():
    with pytest.raises(KeyError, match="no activation named 'nope'"):
        act.get("nope")
    with pytest.raises(TypeError, match="get: name must be a string"):
        act.get(3)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_spec_is_complete(spec):
    assert spec.summary and spec.typical_use and spec.title
    assert spec.strengths and spec.weaknesses
    assert 1800 < spec.year <= 2026
    assert (spec.paper is None) == (spec.name in UNCITED)
    for paper in (spec.paper, *spec.popularised_by):
        if paper is not None:
            assert paper.url == "" or paper.url.startswith("https://"), paper.url
            assert paper.year <= 2026
    if spec.paper is not None:
        # "Introduced" is the year of the paper cited for the first (or earliest) use.
        assert spec.paper.year == spec.year, (spec.paper.year, spec.year)
    for later in spec.popularised_by:
        assert later.year >= spec.year, later
    # Each framework once, in tab order; a framework may have several entries (a layer
    # and a function that differ), kept together.
    order = [f.framework for f in spec.frameworks]
    assert tuple(dict.fromkeys(order)) == FRAMEWORKS
    assert order == sorted(order, key=FRAMEWORKS.index)
    for name, why in spec.see_also:
        assert act.get(name).name == name != spec.name and why, name
    for fw in spec.frameworks:
        known = set(spec.params) | (set() if spec.elementwise else {"axis"})
        unknown = set(fw.defaults) - known
        assert not unknown, f"{fw.framework} defaults name unknown parameters {unknown}"
    assert spec.formula and spec.derivative and spec.derivation
    if spec.elementwise:
        assert spec.grad is not None and spec.vjp is None
    else:
        assert spec.grad is None and spec.vjp is not None
    learnable = {p.name for p in spec.parameters if p.learnable}
    assert set(spec.param_grads) == learnable
    for p in spec.parameters:
        assert p.description, f"parameter {p.name} has no description"


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_signature_matches_params(spec):
    sig = inspect.signature(spec.fn)
    for name, default in spec.params.items():
        assert name in sig.parameters, f"{spec.name}() has no parameter {name}"
        assert sig.parameters[name].default == default
    if spec.grad is not None:
        gsig = inspect.signature(spec.grad)
        for name, default in spec.params.items():
            assert gsig.parameters[name].default == default
    if spec.vjp is not None:
        # help(), IDEs and the API page show these signatures: the row axis and every
        # parameter must be visible in them, not hidden behind *args/**kwargs.
        vsig = inspect.signature(spec.vjp)
        assert list(vsig.parameters)[:2] == ["x", "g"]
        for s in (sig, vsig):
            assert s.parameters["axis"].default == -1
            kinds = {p.kind for p in s.parameters.values()}
            assert not kinds & {inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD}
        for name, default in spec.params.items():
            assert vsig.parameters[name].default == default


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_docstring_is_numpydoc_with_example(spec):
    doc = inspect.getdoc(spec.fn) or ""
    for section in ("Parameters", "Returns", "Examples"):
        assert f"\n{section}\n----" in doc, f"{spec.name} docstring lacks {section}"
    assert ">>> " in doc


@pytest.mark.parametrize(
    "spec", [s for s in SPECS if s.param_grads], ids=[s.name for s in SPECS if s.param_grads]
)
def test_param_grads_match_finite_differences(spec):
    x = np.linspace(-6, 6, 97)
    for pname, pgrad in spec.param_grads.items():
        p0 = float(spec.params[pname])
        h = 1e-6 * max(1.0, abs(p0))
        num = (spec.fn(x, **{pname: p0 + h}) - spec.fn(x, **{pname: p0 - h})) / (2 * h)
        np.testing.assert_allclose(pgrad(x, **{pname: p0}), num, rtol=1e-6, atol=1e-9)


PARAM_GRAD_X = [*np.linspace(-6, 6, 25).tolist(), -40.0, -30.0, 30.0, 40.0, -1e200, 1e200]


@pytest.mark.parametrize(
    "spec", [s for s in SPECS if s.param_grads], ids=[s.name for s in SPECS if s.param_grads]
)
def test_param_grads_match_the_expression(spec):
    """∂f/∂p within 4 ULP of the truth from the spec's expression, at the default and
    at every example value of the parameter, in the tails too."""
    for pname, pgrad in spec.param_grads.items():
        param = next(p for p in spec.parameters if p.name == pname)
        for value in dict.fromkeys((param.default, *param.examples)):
            got = pgrad(np.array(PARAM_GRAD_X), **{pname: value})
            for x, g in zip(PARAM_GRAD_X, got.tolist(), strict=True):
                truth = reference.parameter_derivative(spec, pname, x, params={pname: value})
                ulps, verdict = reference.ulp_error(g, truth, np.float64)
                assert verdict or (verdict is None and ulps <= 4), (pname, value, x, g, truth)


@pytest.mark.parametrize(
    "spec", [s for s in SPECS if s.kinks], ids=[s.name for s in SPECS if s.kinks]
)
def test_kink_gradient_convention(spec):
    for kink in spec.kinks:
        assert float(spec.grad(kink.at)) == kink.grad_value, kink
        assert kink.convention


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("leaky_relu", {"negative_slope": 0.2}, 0.0, 0.2),
        ("prelu", {"weight": 0.1}, 0.0, 0.1),
        ("threshold", {"threshold": 1.0, "value": -2.0}, 1.0, 0.0),
        ("hard_tanh", {"min_val": 0.0, "max_val": 6.0}, 6.0, 0.0),
        ("hardshrink", {"lambd": 1.0}, 1.0, 0.0),
        ("elu", {"alpha": 2.5}, 0.0, 2.5),
    ],
)
def test_kink_gradient_convention_at_other_parameters(name, params, x, want):
    """The conventions follow the parameters (a kink moves with λ, its slope with α)."""
    assert float(act.get(name).grad(x, **params)) == want


@pytest.mark.parametrize(
    "spec", [s for s in SPECS if s.naive.fn], ids=[s.name for s in SPECS if s.naive.fn]
)
def test_naive_formulas_evaluate(spec):
    """The textbook formulas shown on the pages are valid code for the same function."""
    x = np.linspace(-3, 3, 12)  # even, and divisible by 2, 3, 4: GLUs and maxout split it
    env = {"np": np, "scipy": scipy, "x": x, **spec.params}
    with np.errstate(all="ignore"):
        np.testing.assert_allclose(eval(spec.naive.fn, env), spec.fn(x), rtol=1e-9, atol=1e-12)
        if spec.naive.grad and spec.grad is not None:
            np.testing.assert_allclose(
                eval(spec.naive.grad, env), spec.grad(x), rtol=1e-9, atol=1e-12
            )


# Pseudo-TeX in prose (``e^{−x}``, ``δ_ik``) shows its braces and underscores on the
# page.  Prose writes exp(−x), e⁻ˣ, δᵢₖ; derivation notes may use real ``$…$`` math,
# which the site renders.  Code in backticks is exempt.
_PSEUDO_TEX = re.compile(r"\^[{\w(]|_\{|\b[^\W\d_]_[^\W_]|\\[a-z]+")
_NOT_PROSE = {
    "name",
    "aliases",
    "fn",
    "grad",
    "vjp",
    "expr",
    "latex",
    "url",
    "range_latex",
    "formula",
    "display_lhs",  # LaTeX of the left-hand sides of the displayed formulas
}


def _prose(obj, path):
    if isinstance(obj, str):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            if field.name not in _NOT_PROSE:
                yield from _prose(getattr(obj, field.name), f"{path}.{field.name}")
    elif isinstance(obj, tuple | list):
        for i, item in enumerate(obj):
            yield from _prose(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _prose(item, f"{path}[{key}]")


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_prose_has_no_raw_tex(spec):
    bad = []
    for path, text in _prose(spec, spec.name):
        text = re.sub(r"`[^`]*`", "", text)
        if ".derivation[" in path:
            assert text.count("$") % 2 == 0, f"{path}: unbalanced $ in {text!r}"
            text = re.sub(r"\$[^$]+\$", "", text)
        else:
            assert "$" not in text, f"{path}: math markup outside a derivation note"
        if _PSEUDO_TEX.search(text):
            bad.append(f"{path}: {text!r}")
    assert not bad, "pseudo-TeX in prose:\n" + "\n".join(bad)


# Timings and error figures are measured by scripts/benchmark.py and rendered from its
# JSON, and the textbook formula's errors at chosen inputs are computed from
# ``Naive.examples``: typed into prose they drift. Versions belong in FRAMEWORK_VERSIONS.
_TYPED_FIGURES = re.compile(
    r"\d\s*(?:ms|µs|ns)\b"  # a time: "1.4 ms", "13 ms per 1e6"
    r"|\d[\d.,eE−+-]*\s*(?:×\s*10\S*\s*)?ULP"  # an error figure: "1.3e8 ULP", "7 ULP"
    r"|\b\d+(?:\.\d+)?\s*(?:×|x)\s+(?:faster|slower)\b"  # a speed ratio
    r"|\b(?:PyTorch|JAX|Keras|TensorFlow)\s+\d+\.\d+"  # a version outside its home
)


def _typed_figures(spec) -> list[str]:
    found = []
    for path, text in _prose(spec, spec.name):
        if ".derivation[" in path:
            continue
        for match in _TYPED_FIGURES.finditer(re.sub(r"`[^`]*`", "", text)):
            found.append(f"{path}: {match.group(0)!r}")
    return found


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_prose_has_no_typed_timing_error_figure_or_version(spec):
    assert not _typed_figures(spec), "\n".join(_typed_figures(spec))


def test_typed_figure_check_can_fail():
    for text in (
        "f 1.4 / 4.1 ms against 4.8 ms",
        "about 1.3e8 ULP off",
        "float32 roundings reach 7 ULP",
        "several times slower, 3x slower",
        "the gradient at 0 is 0 in PyTorch 2.13",
    ):
        assert _TYPED_FIGURES.search(text), text
    for text in ("σ′ ≤ 1/4", "x ≈ −37 in float64", "ms.", "MobileNetV3 §5.2", "1e−20"):
        assert not _TYPED_FIGURES.search(text), text


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_a_recorded_framework_function_has_its_formula(spec):
    # That it really differs from ours is asserted on the data the defaults page is
    # generated from (tests/test_generator.py).
    for fw in spec.frameworks:
        assert (fw.fn is None) == (not fw.formula), f"{fw.framework}: fn and formula go together"
        if fw.fn is not None:
            assert spec.elementwise, fw.framework
