"""Shared test configuration.

The suite runs in parallel (pytest-xdist, ``--dist loadgroup``); everything that uses the
built site (the strict build test and the browser tests) is one group, so the site is
built once, in one worker.
"""

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _numpy_print_options():
    # Doctests and snippets print with NumPy's defaults, whatever a test changed.
    with np.printoptions(legacy=False):
        yield


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.as_posix()
        if "/tests/browser/" in path or path.endswith("/tests/test_site_build.py"):
            item.add_marker(pytest.mark.xdist_group("site"))
