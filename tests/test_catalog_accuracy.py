"""The catalog's accuracy: every elementwise function and derivative against the
mpmath reference.

The rule (``activations.reference``): error ≤ 4 + 2κ ULP of the true value, over the
whole finite domain of float64 and float32, at the default parameters, at every
example value of each parameter and in every variant.  (The functions of a row are
measured in ``test_catalog_vector.py``.)
"""

from __future__ import annotations

import numpy as np
import pytest

import activations as act
from activations import reference

DTYPES = [np.float64, np.float32]


def _cases():
    for spec in act.specs():
        if spec.elementwise:
            for params, variant in reference.settings(spec):
                suffix = ",".join(f"{k}={v}" for k, v in params.items()) or variant or "default"
                yield pytest.param(spec.name, params, variant, id=f"{spec.name}-{suffix}")


# The snippets' tests (test_snippets.py) measure against the same truths: in the same
# worker, the library's cache computes each of them once per run.
@pytest.mark.xdist_group("grid-truths")
@pytest.mark.parametrize("dtype", DTYPES, ids=["f64", "f32"])
@pytest.mark.parametrize(("name", "params", "variant"), list(_cases()))
def test_matches_mpmath(name, params, variant, dtype):
    spec = act.get(name)
    x = reference.grid(dtype, extra=reference.kink_points(spec, params))
    failures = []
    for order, label in ((0, "f"), (1, "f′")):
        result = reference.measure(spec, x, order=order, params=params, variant=variant)
        if not result.ok.all():
            failures += [f"{label}: {line}" for line in result.worst()]
    assert not failures, "\n".join(failures)
