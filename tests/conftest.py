"""Shared test configuration.

The suite runs in parallel (pytest-xdist, ``--dist loadgroup``). Tests that share an
expensive per-process fixture form one group, which one worker runs, so the fixture is
built once per run:

* ``site``: the strict site build (tests/browser/_site.py) and everything that uses it
  (tests/test_site_build.py, tests/browser/);
* ``benchmark``: the quick benchmark run of tests/test_benchmark.py.

The concept notebooks (tests/test_notebooks.py, group ``notebooks``) are executed at most
once per change of what they depend on, by whichever of the tests and the site build
asks first (docs/hooks/notebooks.py).
"""

import numpy as np
import pytest

GROUPS = {
    "/tests/browser/": "site",
    "/tests/test_site_build.py": "site",
    "/tests/test_benchmark.py": "benchmark",
}


@pytest.fixture(autouse=True)
def _numpy_print_options():
    # Doctests and snippets print with NumPy's defaults, whatever a test changed.
    with np.printoptions(legacy=False):
        yield


# tryfirst: pytest-xdist reads the groups in its own pytest_collection_modifyitems (it
# appends "@group" to each test id); a marker added after that is ignored.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.as_posix()
        for part, group in GROUPS.items():
            if part in path if part.endswith("/") else path.endswith(part):
                item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def floats():
    """800 float64 inputs for exactness checks: uniform on (−8, 8), and normal of scale
    1e-3 (fixed seed)."""
    rng = np.random.default_rng(0)
    return np.concatenate([rng.uniform(-8.0, 8.0, 400), rng.standard_normal(400) * 1e-3])
