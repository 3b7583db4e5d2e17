"""The benchmark: accuracy and speed of every activation, the catalog beside its peers.

Run by ``python scripts/benchmark.py`` (see :mod:`scripts.bench.run` for the options);
the result goes to :data:`BENCHMARK_JSON`, which the "Accuracy & speed" page
(:mod:`scripts.docgen.accuracy`) and the function pages render.

* :mod:`.inputs` — the accuracy grids and rows, and the timing input;
* :mod:`.peers` — the implementations compared: the catalog, the textbook formula
  (:mod:`.textbook`), SciPy, PyTorch and JAX;
* :mod:`.accuracy` — the errors against the truth of :mod:`activations.reference`;
* :mod:`.timing` — the time per call;
* :mod:`.fingerprint` — what the figures depend on, to tell when they are stale;
* :mod:`.run` — the whole run and the command line.

This module imports nothing heavy: :func:`one_thread` must run before NumPy is
imported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BENCHMARK_JSON = ROOT / "docs" / "data" / "benchmark.json"
"""Where the benchmark writes its figures and where every page reads them."""

DTYPES = ("float64", "float32")
QUANTITIES = ("f", "grad")
"""The dtypes measured, and the quantities (f and, for elementwise functions, f′)."""


def load(path: Path = BENCHMARK_JSON) -> dict[str, Any] | None:
    """The benchmark's figures, or None when it has not been run."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "BLIS_NUM_THREADS",
)


def one_thread() -> None:
    """One thread everywhere (BLAS, OpenMP, PyTorch, XLA), JAX on the CPU with float64.

    Effective only before NumPy, PyTorch or JAX are imported in this process; the
    benchmark's command line calls it first, and its worker processes inherit it.
    """
    for var in THREAD_VARIABLES:
        os.environ[var] = "1"
    os.environ["JAX_PLATFORMS"] = "cpu"
    os.environ["JAX_ENABLE_X64"] = "1"
    os.environ["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
