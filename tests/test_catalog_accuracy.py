"""The catalog's accuracy: every elementwise function and derivative against the
mpmath reference.

The rule (``activations.reference``): error ≤ 4 + 2κ ULP of the true value, over the
whole finite domain of float64 and float32, at the default parameters, at every
example value of each parameter and in every variant.  (The functions of a row are
measured in ``test_softmax.py`` and ``test_glu.py``.)  And where the textbook
formulas fail: tail points off the grid, and each spec's ``naive.why`` shown true.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import activations as act
from activations import reference
from scripts.bench.textbook import textbook_function

DTYPES = [np.float64, np.float32]


def elementwise_cases():
    """Every elementwise function at every setting its accuracy is measured at (the
    snippets' tests measure theirs at the same settings)."""
    for spec in act.specs():
        if spec.elementwise:
            for params, variant in reference.settings(spec):
                suffix = ",".join(f"{k}={v}" for k, v in params.items()) or variant or "default"
                yield pytest.param(spec.name, params, variant, id=f"{spec.name}-{suffix}")


# The snippets' tests (test_snippets.py) measure against the same truths: in the same
# worker, the library's cache computes each of them once per run.
@pytest.mark.xdist_group("grid-truths")
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "params", "variant"), list(elementwise_cases()))
def test_matches_mpmath(name, params, variant, dtype):
    spec = act.get(name)
    x = reference.grid(dtype, extra=reference.kink_points(spec, params))
    failures = []
    for order, label in ((0, "f"), (1, "f′")):
        result = reference.measure(spec, x, order=order, params=params, variant=variant)
        if not result.ok.all():
            failures += [f"{label}: {line}" for line in result.worst()]
    assert not failures, "\n".join(failures)


# ----------------------------------------------------------------- where textbooks fail

# Points in the tails where the textbook formulas lose every digit, off the accuracy
# grid, some at a parameter other than the default: (name, dtype, params, points).
TAILS = [
    ("elu", np.float64, {}, [-1e-20, -1e-9, -700.0]),
    ("elu", np.float64, {"alpha": 2.0}, [-1e-300]),
    ("elu", np.float32, {}, [-1e-30]),
    ("softplus", np.float64, {}, [-700.0, -40.0, 20.0, 40.0]),
    ("softplus", np.float64, {"beta": 2.0}, [-300.0]),
    ("softplus", np.float32, {}, [-90.0]),
    ("squareplus", np.float64, {}, [-1e9, -1e30, -1e150, -1e200, 1e200]),
    ("gelu", np.float64, {}, [-6.0, -10.0, -30.0, -37.0]),
    ("gelu", np.float64, {"approximate": "tanh"}, [-20.0]),
    ("gelu", np.float32, {}, [-7.0]),
    ("silu", np.float64, {}, [-712.0, -740.0, 30.0]),
    ("silu", np.float64, {"beta": 2.0}, [-300.0]),
    ("silu", np.float32, {}, [-95.0]),
    ("quick_gelu", np.float64, {}, [-400.0, -418.0]),
    ("mish", np.float64, {}, [-50.0, -712.0, 35.0]),
    ("mish", np.float32, {}, [-95.0]),
]


@pytest.mark.parametrize(("name", "dtype", "params", "points"), TAILS)
def test_tail_values_meet_the_rule(name, dtype, params, points):
    spec = act.get(name)
    x = np.array(points, dtype=dtype)
    for order in (0, 1):
        result = reference.measure(spec, x, order=order, params=params)
        assert result.y.dtype == dtype and np.isfinite(result.y).all()
        assert result.ok.all(), result.worst()


TEXTBOOK_ROWS = {  # the paper algorithms on raw scores, as the specs' `naive.why` describe;
    # several statements, so kept here rather than in the specs' `naive.fn`
    "sparsemax": "z = np.sort(x, axis=-1)[..., ::-1]; k = np.arange(1, x.shape[-1] + 1); "
    "cs = np.cumsum(z, axis=-1); kz = np.sum(1 + k * z > cs, axis=-1, keepdims=True); "
    "tau = (np.take_along_axis(cs, kz - 1, axis=-1) - 1) / kz; np.maximum(x - tau, 0)",
    "entmax15": "z = x / 2; s = np.sort(z, axis=-1)[..., ::-1]; k = np.arange(1, x.shape[-1] + 1); "
    "mean = np.cumsum(s, axis=-1) / k; ss = k * (np.cumsum(s**2, axis=-1) / k - mean**2); "
    "tau = mean - np.sqrt(np.maximum((1 - ss) / k, 0)); "
    "n = np.sum(tau <= s, axis=-1, keepdims=True); "
    "np.maximum(z - np.take_along_axis(tau, n - 1, axis=-1), 0) ** 2",
}


def _textbook(spec):
    """The textbook form of ``spec`` as a function of x: ``spec.naive.fn``, or the paper
    algorithm of :data:`TEXTBOOK_ROWS`."""
    if spec.name in TEXTBOOK_ROWS:
        spec = dataclasses.replace(
            spec, naive=dataclasses.replace(spec.naive, fn=TEXTBOOK_ROWS[spec.name])
        )
    return textbook_function(spec, "f")


@pytest.mark.parametrize("name", sorted(TEXTBOOK_ROWS))
def test_textbook_algorithms_agree_on_moderate_inputs(name):
    # (the specs' own textbook formulas: test_conformance.py::test_naive_formulas_evaluate)
    x = np.random.default_rng(6).standard_normal((4, 10))
    spec = act.get(name)
    np.testing.assert_allclose(_textbook(spec)(x), spec.fn(x), rtol=1e-9, atol=1e-12)


TEXTBOOK_FAILS = [  # (name, input x or row): where each spec's `naive.why` says
    ("softplus", -40.0),
    ("softplus", 800.0),
    ("squareplus", -1e9),
    ("elu", -1e-20),
    ("gelu", -10.0),
    ("mish", -50.0),
    ("softmax", [710.0, 0.0]),
    ("log_softmax", [50.0, 0.0]),
    ("softmin", [-710.0, 0.0]),
    ("sparsemax", [1e17, 0.0]),
    ("entmax15", [1e4 + 0.3, 1e4, 1e4 - 0.2, 1e4 - 5]),
    ("glu", [1e300, -730.0]),
    ("swiglu", [1e300, -730.0]),
    ("geglu", [1.0, -10.0]),
]


@pytest.mark.parametrize(("name", "x"), TEXTBOOK_FAILS, ids=[f"{n}-{x}" for n, x in TEXTBOOK_FAILS])
def test_textbook_form_fails_where_the_catalog_does_not(name, x):
    """The claim of each spec's ``naive.why``: there, the textbook value is at least a
    million ULP off (or not finite), and the catalog's meets the rule."""
    spec = act.get(name)
    x = np.array(x, dtype=np.float64)
    theirs = np.asarray(_textbook(spec)(x))
    if spec.elementwise:
        assert reference.measure(spec, x.reshape(1)).ok.all()
        t = np.array([float(reference.reference(spec, float(x))[0])])
        theirs = theirs.reshape(1)
    else:
        truth = reference.row_truth(spec, x.tolist())
        reference.assert_meets_rule(spec.fn(x), truth, base=reference.base_ulps(spec), label=name)
        t = np.array([float(v) for v in truth.values])
    assert theirs.shape == t.shape
    with np.errstate(all="ignore"):
        rel = np.abs(theirs - t) / np.abs(t)
    assert np.any(rel > 1e-10) or not np.isfinite(theirs).all(), theirs
