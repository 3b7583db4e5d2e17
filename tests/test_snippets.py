"""The copy-ready implementations in ``docs/snippets/``: one self-contained NumPy file per
activation, which its function page includes verbatim.

* Every activation has one, defining f and f′ (``<name>``, ``<name>_grad``) or, for the
  functions of a row, f and its vector-Jacobian product (``<name>``, ``<name>_vjp``),
  with the catalog's keyword names; it does not import this library; its doctests pass
  (pytest does not collect ``docs/*.py``, so they run here).
* Elementwise: f and f′ meet the accuracy rule (4 + 2κ ULP) against the mpmath truth on
  the accuracy grid, both sides of every kink included, in float64 and float32, at every
  parameter setting the catalog is measured at: the grid, settings, truth and rule of
  ``test_catalog_accuracy.py`` (``reference.measure`` with ``func=``), and float32 stays
  float32.
* Functions of a row: f and the VJP meet the rules of ``test_softmax.py`` and
  ``test_glu.py`` against the same truths (``reference.row_truth``, ``row_vjp_truth``,
  ``halves_vjp_truth``), on the same inputs; maxout, a selection, equals the catalog exactly.
* No floating-point warning reaches the caller: the comparisons above run under
  ``np.errstate(..., "raise")`` (underflow excepted, as in NumPy), and so do ±inf and NaN,
  where an elementwise snippet returns the catalog's value and a row snippet the catalog's
  value or NaN where the catalog returns a limit — which the snippet's docstring says.
"""

from __future__ import annotations

import ast
import doctest
import functools
import importlib.util
import inspect
import io
import itertools
from pathlib import Path

import numpy as np
import pytest

import activations as act
from activations import reference
from tests.test_catalog_accuracy import elementwise_cases

# The elementwise tests here and in test_catalog_accuracy.py measure against the same
# truths, and so do the row tests here and in test_softmax.py and test_glu.py: each
# group runs in one worker, where the library's caches compute each truth once per run.
GRID_TRUTHS = pytest.mark.xdist_group("grid-truths")
ROW_TRUTHS = pytest.mark.xdist_group("row-truths")

SNIPPETS = Path(__file__).resolve().parents[1] / "docs" / "snippets"
DTYPES = [np.float64, np.float32]
NAMES = act.names()
ROW_NAMES = [s.name for s in act.specs() if not s.elementwise]
ELEMENTWISE = [s.name for s in act.specs() if s.elementwise]
SOFTMAX_FAMILY = ["softmax", "log_softmax", "softmin", "sparsemax", "entmax15"]


def _kwargs(spec, params, variant) -> dict:
    return {**params, **next((dict(v.kwargs) for v in spec.variants if v.label == variant), {})}


def glu_cases():
    """Every gated linear unit at each of its settings, as keyword arguments."""
    for spec in act.specs():
        if reference.is_halves(spec):
            for params, variant in reference.settings(spec):
                kwargs = _kwargs(spec, params, variant)
                yield pytest.param(spec.name, kwargs, id="-".join([spec.name, *kwargs.values()]))


@functools.cache
def snippet(name: str):
    """The snippet file of an activation, imported as a module of its own."""
    spec = importlib.util.spec_from_file_location(f"snippet_{name}", SNIPPETS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def raising(fn):
    """``fn`` with floating-point warnings turned into errors (underflow is not one)."""

    @functools.wraps(fn)
    def call(*args, **kwargs):
        with np.errstate(divide="raise", over="raise", invalid="raise"):
            return fn(*args, **kwargs)

    return call


def pair(name: str):
    """f and f′ (or f and its VJP) of a snippet, each raising on a floating-point warning."""
    module = snippet(name)
    second = "_grad" if act.get(name).elementwise else "_vjp"
    return raising(getattr(module, name)), raising(getattr(module, name + second))


# --------------------------------------------------------------------------- the files


def test_one_snippet_per_activation_included_by_its_page():
    assert sorted(p.stem for p in SNIPPETS.glob("*.py")) == sorted(NAMES)
    for name in NAMES:  # inside a code fence: the copy button copies the file's text
        page = (SNIPPETS.parent / "functions" / f"{name}.md").read_text(encoding="utf-8")
        assert f'```python title="{name}.py"\n--8<-- "{name}.py"\n```' in page, name


@pytest.mark.parametrize("name", NAMES)
def test_snippet_is_self_contained_and_named_like_the_catalog(name):
    spec = act.get(name)
    tree = ast.parse((SNIPPETS / f"{name}.py").read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
                for a in n.names}  # fmt: skip
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported <= {"math", "numpy", "scipy"}, imported
    public = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)
              and not n.name.startswith("_")]  # fmt: skip
    derivative = spec.grad if spec.elementwise else spec.vjp
    assert public == [name, name + ("_grad" if spec.elementwise else "_vjp")]
    for ours, theirs in zip(pair(name), (spec.fn, derivative), strict=True):
        # rrelu's snippet is its evaluation form: no training mode, no random generator
        keywords = [k for k in _keywords(theirs) if k not in ("training", "generator")]
        assert _keywords(ours) == keywords, (ours.__name__, keywords)


def _keywords(fn) -> list[str]:
    params = inspect.signature(fn).parameters.items()
    return [k for k, p in params if p.default is not inspect.Parameter.empty]


@pytest.mark.parametrize("name", NAMES)
def test_doctests_pass(name):
    module = snippet(name)
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    tests = doctest.DocTestFinder().find(module, globs=dict(vars(module)))
    assert sum(len(t.examples) for t in tests) >= 2, "no example"
    for test in tests:
        runner.run(test, out=out.write)
    assert runner.failures == 0, out.getvalue()


# --------------------------------------------------------------------------- elementwise


def failures(name, params, variant, dtype, f, df) -> list[str]:
    """Where f or f′ breaks the accuracy rule on the grid of test_catalog_accuracy.py."""
    spec = act.get(name)
    x = reference.grid(dtype, extra=reference.kink_points(spec, params))
    found = []
    for order, fn, label in ((0, f, "f"), (1, df, "f′")):
        result = reference.measure(spec, x, order=order, params=params, variant=variant, func=fn)
        assert result.y.dtype == dtype, (label, result.y.dtype)
        if not result.ok.all():
            found += [f"{label}: {line}" for line in result.worst()]
    return found


@GRID_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "params", "variant"), list(elementwise_cases()))
def test_elementwise_snippet_meets_the_accuracy_rule(name, params, variant, dtype):
    problems = failures(name, params, variant, dtype, *pair(name))
    assert not problems, "\n".join(problems)


@GRID_TRUTHS
def test_the_comparison_fails_for_a_textbook_derivative():
    # σ′ = σ(1 − σ) in place of the snippet's: 1 − σ rounds to 0 for x ≳ 17 in float32.
    sigmoid = pair("sigmoid")[0]
    problems = failures(
        "sigmoid", {}, None, np.float32, sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x))
    )
    assert problems and all(line.startswith("f′") for line in problems)


# --------------------------------------------------------------------------- rows


@ROW_TRUTHS
@pytest.mark.parametrize(
    ("kind", "n", "dtype"),
    [
        (kind, n, dtype)
        for dtype in DTYPES
        for n in reference.ROW_LENGTHS
        for kind in reference.ROW_KINDS
    ],
    ids=lambda v: np.dtype(v).name if isinstance(v, type) else str(v),
)
def test_softmax_family_snippets_match_mpmath(kind, n, dtype):
    x = reference.row(kind, n, dtype)  # the catalog's rows
    for name in SOFTMAX_FAMILY:
        if name == "softmin" and kind == "neginf":
            continue  # softmin of a row holding −inf is NaN (see the snippet)
        spec = act.get(name)
        y = pair(name)[0](x)
        assert y.dtype == dtype, name
        truth = reference.row_truth(spec, x.tolist())
        reference.assert_meets_rule(y, truth, base=reference.base_ulps(spec), label=name)


@ROW_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize("n", reference.VJP_LENGTHS)
@pytest.mark.parametrize("name", SOFTMAX_FAMILY)
def test_softmax_family_vjp_snippets_match_mpmath(name, n, dtype):
    spec, vjp = act.get(name), pair(name)[1]
    for kind, x, g in reference.vjp_rows(n, dtype):  # the catalog's rows
        v = vjp(x, g)
        assert v.dtype == dtype
        truth = reference.row_vjp_truth(spec, x.tolist(), g.tolist())
        reference.assert_meets_rule(v, truth, base=reference.ROW_BASE, label=f"{name} {kind}")


@ROW_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "kwargs"), list(glu_cases()))
def test_glu_snippets_match_mpmath(name, kwargs, dtype):
    spec = act.get(name)
    a, b = reference.halves_grid(dtype)  # the catalog's points
    x = np.stack([a, b], axis=-1)  # each row [a, b]: one output per row
    y = pair(name)[0](x, **kwargs)[:, 0]
    assert y.dtype == dtype
    values, kappas = [], []
    for row in x.tolist():
        truth = reference.row_truth(spec, row, params=kwargs)
        values += truth.values
        kappas += truth.kappas
    truth = reference.Truth(values, kappas)
    reference.assert_meets_rule(y, truth, base=reference.base_ulps(spec), label=name)


@ROW_TRUTHS
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "kwargs"), list(glu_cases()))
def test_glu_vjp_snippets_match_mpmath(name, kwargs, dtype):
    spec = act.get(name)
    a, b, g = reference.halves_vjp_grid(dtype)  # the catalog's points
    v = pair(name)[1](np.stack([a, b], axis=-1), g[:, None], **kwargs)
    assert v.shape == (b.size, 2) and v.dtype == dtype
    truths = reference.halves_vjp_truth(spec, a.tolist(), b.tolist(), g.tolist(), params=kwargs)
    for column, (half, truth) in enumerate(zip("ab", truths, strict=True)):
        label = f"{name} vjp ({half} half)"
        reference.assert_meets_rule(v[:, column], truth, base=reference.ROW_BASE, label=label)


def test_maxout_snippet_selects_like_the_catalog():
    spec, (maxout, maxout_vjp) = act.get("maxout"), pair("maxout")
    rng = np.random.default_rng(1)
    x = np.round(rng.standard_normal((3, 5, 12)), 1)  # rounded: ties within groups
    for dtype, pieces, axis in itertools.product(DTYPES, (1, 2, 3, 4), (0, -1)):
        xt = np.moveaxis(x, -1, axis).astype(dtype)
        y = maxout(xt, pieces=pieces, axis=axis)
        assert y.dtype == dtype
        np.testing.assert_array_equal(y, spec.fn(xt, pieces=pieces, axis=axis))
        g = rng.standard_normal(y.shape).astype(dtype)
        np.testing.assert_array_equal(
            maxout_vjp(xt, g, axis=axis, pieces=pieces),
            spec.vjp(xt, g, axis=axis, pieces=pieces),
        )


# --------------------------------------------------------------------------- ±inf, NaN

SPECIAL = [-np.inf, np.inf, np.nan]


def _with_zeros(spec) -> list[dict]:
    """The spec's settings, plus each real parameter at 0 where the catalog accepts it
    (leaky ReLU with ``negative_slope=0`` is ReLU): 0 · ±inf is where snippets go wrong."""
    out = [_kwargs(spec, params, variant) for params, variant in reference.settings(spec)]
    for p in spec.parameters:
        if isinstance(p.default, float) and not p.positive:
            try:
                spec.fn(np.array([1.0]), **{p.name: 0.0})
            except (TypeError, ValueError):
                continue
            out.append({**out[0], p.name: 0.0})
    return out


@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_snippet_at_inf_and_nan(name, dtype):
    spec = act.get(name)
    x = np.array(SPECIAL, dtype=dtype)
    for kwargs in _with_zeros(spec):
        for ours, theirs in zip(pair(name), (spec.fn, spec.grad), strict=True):
            y = ours(x, **kwargs)
            assert y.dtype == dtype
            np.testing.assert_array_equal(y, theirs(x, **kwargs), err_msg=f"{ours.__name__}")


def special_rows(dtype) -> list[np.ndarray]:
    """Rows of 2 and 4 mixing ±inf and NaN with finite values, small and huge."""
    values = [*SPECIAL, 0.0, -2.0, 3.0, float(np.finfo(dtype).max)]
    rows = itertools.chain(itertools.product(values, repeat=2),
                           itertools.product(values[:5], repeat=4))  # fmt: skip
    return [np.array(r, dtype=dtype) for r in rows]


def _row_settings():
    for name in ROW_NAMES:
        for kwargs in [{}] + [dict(v.kwargs) for v in act.get(name).variants]:
            yield pytest.param(name, kwargs, id="-".join([name, *kwargs.values()]))


@pytest.mark.parametrize(("name", "kwargs"), list(_row_settings()))
def test_row_snippet_at_inf_and_nan(name, kwargs):
    spec, (f, vjp) = act.get(name), pair(name)
    differs = False
    for dtype in DTYPES:
        for x in special_rows(dtype):
            y = f(x, **kwargs)
            g = np.ones_like(y)
            v = vjp(x, g, **kwargs)
            for ours, theirs in ((y, spec.fn(x, **kwargs)), (v, spec.vjp(x, g, **kwargs))):
                assert ours.dtype == dtype
                # the same value (loosely: finite values are measured above), or NaN
                # where the catalog returns a limit
                same = np.isclose(ours, theirs, rtol=1e-3, atol=1e-3, equal_nan=True)
                limit = np.isnan(ours) & ~np.isnan(theirs)
                assert (same | limit).all(), (x, ours, theirs)
                differs |= bool(limit.any())
    if differs:  # the reader is told where the snippet gives NaN and the library a limit
        assert "NaN" in snippet(name).__doc__ and "limit" in snippet(name).__doc__
