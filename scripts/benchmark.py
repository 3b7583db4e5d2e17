"""Accuracy and speed of every activation: the catalog beside its peers.

    python scripts/benchmark.py                  # every function, both dtypes (a few minutes)
    python scripts/benchmark.py --quick          # a few functions on a small grid
    python scripts/benchmark.py --only gelu,silu --output out.json

Writes docs/data/benchmark.json; ``--help`` lists the options.  The benchmark itself
is the package ``scripts.bench`` (``scripts/bench/``), described in ``run.py`` there.
"""

import sys

from scripts import require_checkout
from scripts.bench import one_thread

require_checkout(__file__)
one_thread()  # before NumPy, PyTorch or JAX is imported

from scripts.bench.run import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
