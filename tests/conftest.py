import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _numpy_print_options():
    # Doctests and snippets print with NumPy's defaults, whatever a test changed.
    with np.printoptions(legacy=False):
        yield
