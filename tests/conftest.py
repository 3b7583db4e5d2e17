"""Shared test configuration.

The suite runs in parallel (pytest-xdist, ``--dist loadgroup``). Tests that share an
expensive fixture form one group, which one worker runs, so the fixture is made once:

* each browser test module (tests/browser/), and tests/test_site_build.py, is a group
  (their module fixtures: the PDF, the explorer); the site they test is built once per
  run, by whichever worker asks first, and shared (tests/browser/_site.py);
* the walk over every page (tests/browser/_walk.py) is split into parts, each a group
  of its own, so that both workers walk;
* ``benchmark``: the quick benchmark run of tests/test_benchmark.py; ``grid-truths``
  and ``row-truths``: the tests that measure against the same high-precision truths.

pytest-xdist hands the groups out by size, most tests first (an ungrouped test is a unit
of its own), so the many single tests come last and even out the workers' finish;
:data:`FIRST` orders the collection so that, among units of one size, the walk's parts
and the truths go first. (Handing the walk out first instead, with
``--no-loadscope-reorder``, made one warm run of pytest take 294 s instead of 255 s.)

The high-precision grid truths are kept in .cache/truths/ between runs
(activations.reference), under a key of everything they depend on.

The concept notebooks (tests/test_notebooks.py, group ``notebooks``) are executed at most
once per change of what they depend on, by whichever of the tests and the site build
asks first (docs/hooks/notebooks.py).
"""

import os
from pathlib import Path

import numpy as np
import pytest

from activations.reference import _store

ROOT = Path(__file__).resolve().parents[1]

# Test files whose tests form one group each (named after the file).
GROUPED = ("/tests/browser/", "/tests/test_site_build.py")
# Groups placed first in the collection (prefixes of group names); see above.
FIRST = ("walk", "grid-truths", "row-truths", "benchmark")


@pytest.fixture(autouse=True)
def _numpy_print_options():
    # Doctests and snippets print with NumPy's defaults, whatever a test changed.
    with np.printoptions(legacy=False):
        yield


def pytest_configure(config):
    # The grid truths of a run are kept for the next (src/activations/reference/_store.py:
    # keyed on the expression, the inputs and the evaluation code).
    os.environ.setdefault(_store.ENV, str(ROOT / ".cache" / "truths"))


def _group(item) -> str | None:
    marker = item.get_closest_marker("xdist_group")
    return marker.args[0] if marker else None


# tryfirst: pytest-xdist reads the groups in its own pytest_collection_modifyitems (it
# appends "@group" to each test id); a marker added after that is ignored.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.as_posix()
        if _group(item) is None and any(
            part in path if part.endswith("/") else path.endswith(part) for part in GROUPED
        ):
            item.add_marker(pytest.mark.xdist_group(f"site-{item.path.stem}"))

    def rank(item) -> int:
        group = _group(item) or ""
        return next((i for i, first in enumerate(FIRST) if group.startswith(first)), len(FIRST))

    items.sort(key=rank)  # stable: the order within a rank is the collection's


@pytest.fixture
def floats():
    """800 float64 inputs for exactness checks: uniform on (−8, 8), and normal of scale
    1e-3 (fixed seed)."""
    rng = np.random.default_rng(0)
    return np.concatenate([rng.uniform(-8.0, 8.0, 400), rng.standard_normal(400) * 1e-3])
