"""What is particular to the shrinkage family (``src/activations/_shrinkage.py``: hard
shrink, soft shrink, tanh shrink).

The generic suites run on every function: accuracy over the whole floating-point
domain (test_catalog_accuracy.py), inputs, limits, signed zeros and dtypes
(test_inputs.py; oddness and invalid λ too), kink conventions and aliases
(test_conformance.py). Here: soft shrink correctly rounded, hard shrink never
rounds, tanh shrink near 0 and around the switch of its formula, λ = 0.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import activations as act
from activations import reference
from scripts.bench.textbook import textbook_function


def test_softshrink_is_correctly_rounded(floats):
    half = Fraction(1, 2)
    for xi, yi in zip(floats.tolist(), act.softshrink(floats).tolist(), strict=True):
        fx = Fraction(xi)
        assert yi == (float(fx - half) if xi > 0.5 else float(fx + half) if xi < -0.5 else 0.0)


def test_hardshrink_never_rounds(floats):
    y = act.hardshrink(floats)
    assert set(np.unique(y[y != floats]).tolist()) <= {0.0}


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tanhshrink_near_zero_and_around_the_switch(dtype):
    # x − tanh x cancels near 0: the catalog switches formulas around |x| = 0.75
    x = np.concatenate([np.geomspace(1e-30, 2.0, 400), np.linspace(0.74, 0.76, 41)]).astype(dtype)
    spec = act.get("tanhshrink")
    for order in (0, 1):
        result = reference.measure(spec, x, order=order)
        assert result.ok.all(), result.worst()
    naive = textbook_function(spec, "f")(np.float64(1e-9))
    assert naive == 0.0  # textbook x - tanh(x) loses everything; the truth is 3.3e-28


def test_hardshrink_and_softshrink_accept_lambda_zero():
    x = np.array([-1.0, -0.0, 0.0, 2.0])
    np.testing.assert_array_equal(act.hardshrink(x, lambd=0), x)
    np.testing.assert_array_equal(act.softshrink(x, lambd=0), x)
