"""The benchmark's timing: best wall time per call, on one thread."""

from __future__ import annotations

import math
import time
import warnings

import numpy as np

from .peers import Impl


def time_impl(impl: Impl, x: np.ndarray, runs: int, budget: float = 0.2) -> float:
    """Best wall time of at least ``runs`` calls, in seconds (one warm-up call first);
    more calls, up to 50, while the total stays under ``budget`` seconds, so that a
    quiet moment is caught on a busy machine."""
    raw, arg = impl, x
    if hasattr(impl, "raw"):  # JAX: keep the array on the device, time the kernel only
        raw, arg = impl.raw, impl.device(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            raw(arg)
            best, spent, count = math.inf, 0.0, 0
            while count < runs or (spent < budget and count < 50):
                t0 = time.perf_counter()
                raw(arg)
                elapsed = time.perf_counter() - t0
                best, spent, count = min(best, elapsed), spent + elapsed, count + 1
    return best
