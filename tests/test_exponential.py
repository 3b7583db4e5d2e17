"""What is particular to the exponential-linear family (``src/activations/_exponential.py``:
ELU, CELU, SELU, softplus, squareplus, sparse plus).

The generic suites run on every function: accuracy over the whole floating-point
domain (test_catalog_accuracy.py), inputs, limits, signed zeros and dtypes
(test_inputs.py), kink conventions and aliases (test_conformance.py), the tails where
the textbook formulas fail (test_catalog_accuracy.py). Here: the SELU constants against
their closed form and its printed symbols, sparse plus's pieces, softplus's β and
squareplus's b.
"""

from __future__ import annotations

import mpmath
import numpy as np

import activations as act

# ----------------------------------------------------------------------------- SELU


def test_selu_constants_match_closed_form():
    with mpmath.workdps(60):
        e = mpmath.e
        c = mpmath.erfc(1 / mpmath.sqrt(2))
        alpha = -mpmath.sqrt(2 / mpmath.pi) / (c * mpmath.exp(mpmath.mpf(1) / 2) - 1)
        scale = (
            (1 - c * mpmath.sqrt(e))
            * mpmath.sqrt(2 * mpmath.pi)
            * (
                2 * mpmath.erfc(mpmath.sqrt(2)) * e**2
                + mpmath.pi * c**2 * e
                - 2 * (2 + mpmath.pi) * c * mpmath.sqrt(e)
                + mpmath.pi
                + 2
            )
            ** mpmath.mpf(-0.5)
        )
        from activations import _exponential as ex

        assert ex.SELU_ALPHA == float(alpha)
        assert ex.SELU_SCALE == float(scale)
        assert ex._SELU_SCALE_ALPHA == float(alpha * scale)
        # the symbolic constants carry 32 correct digits
        assert abs(mpmath.mpf(ex._SYM_ALPHA.evalf(40)) - alpha) < mpmath.mpf("1e-31")
        assert abs(mpmath.mpf(ex._SYM_SCALE.evalf(40)) - scale) < mpmath.mpf("1e-31")
        assert float(ex._SYM_SCALE) == ex.SELU_SCALE and float(ex._SYM_ALPHA) == ex.SELU_ALPHA


def test_selu_expression_prints_lambda_and_alpha():
    import sympy as sp

    from activations._symbolic import X

    spec = act.get("selu")
    assert spec.formula.startswith(r"\lambda") and r"\alpha" in spec.formula
    assert r"\lambda" in spec.derivative and "1.05" not in spec.formula
    assert sp.jscode(spec.expr.args[0] * X) == "1.0507009873554805*x"


def test_selu_is_scaled_elu():
    x = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(
        act.selu(x), act.elu(x, alpha=1.6732632423543772) * 1.0507009873554805, rtol=4e-16
    )


# ----------------------------------------------------------------------------- pieces


def test_sparse_plus_pieces_and_continuity():
    x = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.0 + 2**-52, 5.0])
    np.testing.assert_array_equal(
        act.sparse_plus(x), [0.0, 0.0, 0.0625, 0.25, 0.5625, 1.0, 1.0 + 2**-52, 5.0]
    )
    np.testing.assert_array_equal(
        act.get("sparse_plus").grad(x), [0.0, 0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0]
    )


# ----------------------------------------------------------------------------- softplus, squareplus


def test_softplus_has_no_threshold_and_beta_scales():
    assert act.get("softplus").params == {"beta": 1.0}
    assert float(act.softplus(20.0)) == 20.000000002061153  # PyTorch returns 20.0
    x = np.linspace(-3, 3, 61)
    np.testing.assert_allclose(act.softplus(x, beta=2.0), act.softplus(2 * x) / 2, rtol=1e-15)
    assert float(act.softplus(1e308, beta=10.0)) == 1e308  # βx overflows; the value does not


def test_squareplus_b_zero_is_relu():
    x = np.array([-2.0, -0.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.squareplus(x, b=0.0), [0.0, 0.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.get("squareplus").grad(x, b=0), [0.0, 0.0, 0.0, 1.0])
