"""What is particular to the classical functions (``src/activations/_classical.py``:
identity, binary step, Gaussian, sinusoid, exponential).

The generic suites run on every function: accuracy over the whole floating-point
domain (test_catalog_accuracy.py), inputs, limits (the Gaussian's derivative is 0 at
±∞, the sine has none), signed zeros and dtypes (test_inputs.py), kink conventions and
aliases (test_conformance.py). Here: the binary step never rounds, what the textbook
Gaussian derivative gets wrong at infinity, and the identity returns its input
without a copy.
"""

from __future__ import annotations

import numpy as np

import activations as act
from scripts.bench.textbook import textbook_function


def test_binary_step_never_rounds(floats):
    y = act.binary_step(floats)
    assert set(np.unique(y).tolist()) <= {0.0, 1.0}


def test_textbook_gaussian_derivative_is_nan_at_infinity():
    # the catalog's is 0 (test_inputs.py::test_infinities_give_the_mathematical_limits)
    assert np.isnan(textbook_function(act.get("gaussian"), "grad")(np.inf))


def test_identity_returns_its_input_without_copy_and_converts_others():
    x = np.array([1.0, -0.0])
    assert act.identity(x) is x
    y = act.identity([1, 2])
    assert y.dtype == np.float64 and y.tolist() == [1.0, 2.0]
