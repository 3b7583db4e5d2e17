"""What is particular to the sigmoid-like family (``src/activations/_sigmoid_like.py``:
sigmoid, tanh, hard sigmoid, hard tanh, softsign, log-sigmoid, sparse sigmoid).

The generic suites run on every function: accuracy over the whole floating-point
domain (test_catalog_accuracy.py), inputs, limits, signed zeros and dtypes
(test_inputs.py; oddness and invalid parameter values too), kink conventions and
aliases (test_conformance.py). Here: exactness of the piecewise-linear functions, the
tails where the textbook formulas fail, tf.keras 2's hard sigmoid.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

import activations as act
from activations import reference
from scripts.bench.textbook import textbook_function

# ------------------------------------------------------------------ exactness


def test_sparse_sigmoid_is_correctly_rounded(floats):
    for xi, yi in zip(floats.tolist(), act.sparse_sigmoid(floats).tolist(), strict=True):
        assert yi == float(min(max((Fraction(xi) + 1) / 2, Fraction(0)), Fraction(1))), xi


def test_hard_sigmoid_is_within_one_ulp_and_exact_near_minus_three(floats):
    x = np.concatenate([floats, -3.0 + np.geomspace(1e-15, 1e-3, 50)])
    y = act.hard_sigmoid(x)
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        true = min(max((Fraction(xi) + 3) / 6, Fraction(0)), Fraction(1))
        ulp = math.ulp(float(true)) if true else math.ulp(0.0)
        assert abs(Fraction(yi) - true) <= ulp, xi
    near = x[(x > -3) & (x < -2.999)]
    for xi, yi in zip(near.tolist(), act.hard_sigmoid(near).tolist(), strict=True):
        assert yi == float((Fraction(xi) + 3) / 6)  # x + 3 is exact there: one rounding


def test_hard_tanh_never_rounds(floats):
    y = act.hard_tanh(floats)
    assert set(np.unique(y[y != floats]).tolist()) <= {-1.0, 1.0}


# ------------------------------------------------------------------ where textbooks fail


@pytest.mark.parametrize("x", [20.0, 40.0, 300.0, -300.0])
def test_tanh_grad_keeps_its_tail(x):
    spec = act.get("tanh")
    truth = reference.reference(spec, x)[1]
    assert spec.grad(x) == pytest.approx(float(truth), rel=4e-16)
    assert textbook_function(spec, "grad")(np.float64(x)) == 0.0  # what the spec's `why` says


def test_log_sigmoid_tails_and_the_textbook_failure():
    assert act.log_sigmoid(-1000.0) == -1000.0
    assert act.log_sigmoid(40.0) == pytest.approx(-math.exp(-40.0), rel=1e-15)
    assert act.get("log_sigmoid").grad(40.0) == pytest.approx(math.exp(-40.0), rel=1e-15)
    textbook = textbook_function(act.get("log_sigmoid"), "f")
    assert textbook(np.float64(-1000.0)) == -np.inf
    assert textbook(np.float64(40.0)) == 0.0


def test_softsign_and_its_derivative_at_the_extremes():
    big = np.finfo(np.float64).max
    np.testing.assert_array_equal(act.softsign([-big, big]), [-1.0, 1.0])
    assert act.get("softsign").grad(1e100) == pytest.approx(1e-200, rel=1e-15)
    assert np.isnan(textbook_function(act.get("softsign"), "f")(np.inf))


# ------------------------------------------------------------------ frameworks


def test_tf_keras_2_hard_sigmoid_is_the_keras_2_formula():
    # tf.keras 2: clip(0.2·x + 0.5, 0, 1) — kinks at ±2.5, f(1) = 0.7 (ours: 2/3).
    fw = next(f for f in act.get("hard_sigmoid").frameworks if f.framework == "tf.keras 2")
    assert fw.source
    assert fw.fn(np.array([-2.5, -1.0, 0.0, 1.0, 2.5, 3.0])).tolist() == pytest.approx(
        [0.0, 0.3, 0.5, 0.7, 1.0, 1.0], abs=1e-15
    )
    assert float(act.hard_sigmoid(1.0)) == pytest.approx(2 / 3, rel=1e-15)
