"""High-precision reference values and the catalog's accuracy rule: the one definition
of each, used by the test suite, the benchmark and the site generator.

* **Exact** (:mod:`._exact`): for every elementwise function, its spec's SymPy
  expression evaluated in mpmath, at a working precision chosen per point so that the
  cancellations an expression may contain (``1 - tanh``, ``log(1 + e^x)``,
  ``x - tanh x``) are resolved: at least 50 significant digits beyond them
  (:func:`reference`); or at rising precision until two precisions agree
  (:func:`ladder`, :func:`checked_truths`); likewise the derivative in a parameter,
  the truth of ``spec.param_grads`` (:func:`parameter_derivative`).
* **Rows** (:mod:`._rows`): the same for the functions of a whole row: the softmax
  family, sparsemax, 1.5-entmax, maxout and the gated linear units (:func:`row_truth`).
* **The rule** (:mod:`._rule`): an error of at most ``4 + 2κ`` units in the last place
  of the true value (``16 + 2κ`` for the softmax family, :func:`base_ulps`), where
  ``κ(x) = |x g′(x) / g(x)|`` is the condition number of the computed quantity ``g``
  (:func:`kappa`; summed over the inputs for a function of several); a true value
  below the smallest normal number needs only to be within that number; a true value
  beyond the largest finite number must come back as ``±inf`` of the right sign
  (:func:`allowed_ulps`, :func:`ulp_error`, :func:`judge`, :func:`measure`).

>>> import numpy as np
>>> import activations as act
>>> from activations import reference
>>> x = reference.grid(np.float64, n_log=20, n_lin=21)
>>> bool(reference.measure(act.get("softplus"), x).ok.all())
True
"""

from ._exact import (
    BASE_DIGITS,
    LADDER,
    MAX_EXTRA_DIGITS,
    checked_truths,
    derivatives,
    elementwise_function,
    expression,
    ladder,
    mp_function,
    parameter_derivative,
    reference,
    variant_of,
    working_digits,
)
from ._grid import (
    ROW_KINDS,
    ROW_LENGTHS,
    VJP_KINDS,
    VJP_LENGTHS,
    grid,
    halves_grid,
    halves_vjp_grid,
    kink_points,
    row,
    settings,
    vjp_rows,
)
from ._rows import (
    ENTMAX_DIGITS,
    HALVES,
    ROW_DIGITS,
    ROW_TRUTHS,
    Truth,
    entmax15,
    glu,
    halves,
    halves_vjp_truth,
    has_row_truth,
    is_halves,
    log_softmax,
    maxout,
    row_truth,
    row_vjp_truth,
    softmax,
    softmin,
    sparsemax,
)
from ._rule import (
    BASE,
    ROW_BASE,
    Accuracy,
    allowed_ulps,
    assert_meets_rule,
    base_ulps,
    compare,
    judge,
    kappa,
    measure,
    ulp_error,
)

__all__ = [
    "BASE",
    "BASE_DIGITS",
    "ENTMAX_DIGITS",
    "HALVES",
    "LADDER",
    "MAX_EXTRA_DIGITS",
    "ROW_BASE",
    "ROW_DIGITS",
    "ROW_KINDS",
    "ROW_LENGTHS",
    "ROW_TRUTHS",
    "VJP_KINDS",
    "VJP_LENGTHS",
    "Accuracy",
    "Truth",
    "allowed_ulps",
    "assert_meets_rule",
    "base_ulps",
    "checked_truths",
    "compare",
    "derivatives",
    "elementwise_function",
    "entmax15",
    "expression",
    "glu",
    "grid",
    "halves",
    "halves_grid",
    "halves_vjp_grid",
    "halves_vjp_truth",
    "has_row_truth",
    "is_halves",
    "judge",
    "kappa",
    "kink_points",
    "ladder",
    "log_softmax",
    "maxout",
    "measure",
    "mp_function",
    "parameter_derivative",
    "reference",
    "row",
    "row_truth",
    "row_vjp_truth",
    "settings",
    "softmax",
    "softmin",
    "sparsemax",
    "ulp_error",
    "variant_of",
    "vjp_rows",
    "working_digits",
]
