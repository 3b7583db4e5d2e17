"""The whole benchmark run and its command line (``python scripts/benchmark.py``).

    python scripts/benchmark.py                  # every function, both dtypes (a few minutes)
    python scripts/benchmark.py --quick          # a few functions on a small grid
    python scripts/benchmark.py --only gelu,silu --output out.json
    python scripts/benchmark.py --refingerprint  # only re-key the stored figures (see below)

For every spec of the catalog (elementwise: f and its derivative; the others: f on
rows) and for float64 and float32 it measures

* the largest error in ULP against the truth of :mod:`activations.reference` on a
  fixed grid over the whole finite domain (``reference.grid``, thinned to about 60 %
  of its points unless ``--grid full``), the input where it occurs, how many points
  break the accuracy rule (``reference.allowed_ulps``: 4 + 2κ ULP; 16 + 2κ for the
  softmax family) and how many of those are NaN or ±inf where the truth is finite
  (``nonfinite``; such points are left out of ``max_ulp``).  Derivatives are not
  compared exactly at a kink, where every library picks its own one-sided value;
* the time per 1e6 elements on one thread (best of several runs);

for each implementation of :mod:`.peers`.  The result goes to
``docs/data/benchmark.json`` (:data:`scripts.bench.BENCHMARK_JSON`), which
:mod:`scripts.docgen.accuracy` renders into the "Accuracy & speed" page.
``nonfinite`` and the extra ``meta`` keys (mpmath version, grid, runs, elements
timed, seconds taken, the fingerprint) extend the documented schema; readers may
ignore them.

``--refingerprint`` rewrites only ``meta.fingerprint`` of an existing file
(:mod:`.fingerprint`), for a change that cannot have moved a figure, such as code
moved from one module to another; anything else needs a new run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import scipy

import activations as act
from activations import reference

from . import BENCHMARK_JSON, DTYPES, QUANTITIES
from .accuracy import numbered_task
from .fingerprint import fingerprint
from .inputs import GRIDS, accuracy_grid, accuracy_rows, timing_input
from .peers import IMPLS, evaluate, implementations, import_peers, out_shape
from .timing import time_impl

NOTICE = (
    "Written by scripts/benchmark.py — do not edit. Rerun: python scripts/benchmark.py "
    "(then python scripts/generate.py to refresh the Accuracy & speed page)."
)
QUICK_NAMES = ("sigmoid", "relu", "gelu", "softmax")


class _Serial:
    """Stands in for a process pool when there is one job."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, func: Callable[..., Any], items: list[Any]) -> Any:
        return map(func, items)


def machine() -> tuple[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    cores = os.cpu_count() or 1
    return f"{platform.system()} {platform.machine()}, {cores} cores", cpu


def versions(peers: dict[str, Any]) -> dict[str, str | None]:
    torch, jax = peers.get("torch"), peers.get("jax")
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "mpmath": mpmath.__version__,
        "torch": torch.__version__ if torch is not None else None,
        "jax": jax.__version__ if jax is not None else None,
    }


def select(only: list[str] | None, quick: bool) -> list[act.Spec]:
    if only:
        return [act.get(n) for n in only]
    if quick:
        chosen = [s for s in act.specs() if s.name in QUICK_NAMES]
        return chosen or act.specs()[:2]
    return act.specs()


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    specs = select(args.only, args.quick)
    peers = import_peers(not args.no_peers)
    n_time = 10**5 if args.quick else 10**6
    runs = args.runs or (2 if args.quick else 5)

    # 1. Outputs of every implementation on the accuracy inputs (fast, in this process).
    tasks, impls_of = [], {}
    for spec in specs:
        quantities = QUANTITIES if spec.elementwise and spec.grad is not None else ("f",)
        for quantity in quantities:
            impls_of[spec.name, quantity] = implementations(spec, quantity, peers)
        for dtype in DTYPES:
            if spec.elementwise:
                x = accuracy_grid(spec, dtype, args.grid)
            elif reference.has_row_truth(spec):
                x = accuracy_rows(dtype, args.grid)
            else:
                print(f"{spec.name}: no row reference; accuracy not measured", file=sys.stderr)
                continue
            outputs: dict[str, dict[str, np.ndarray]] = {}
            for quantity in quantities:
                outputs[quantity] = {}
                for label, impl in impls_of[spec.name, quantity].items():
                    try:
                        y = evaluate(impl, x, out_shape(spec, impl, x))
                    except Exception as exc:  # a peer that rejects this dtype, say
                        print(f"{spec.name} {quantity} {dtype} {label}: {exc}", file=sys.stderr)
                        continue
                    outputs[quantity][label] = y
            tasks.append({"name": spec.name, "dtype": dtype, "x": x, "outputs": outputs})

    # 2. The mpmath truths and the summaries, on every core.
    jobs = max(1, min(args.jobs, len(tasks)))
    summaries: list[Any] = [None] * len(tasks)
    numbered = list(enumerate(tasks))
    with multiprocessing.get_context("spawn").Pool(jobs) if jobs > 1 else _Serial() as pool:
        for done, (i, summary, seconds) in enumerate(
            pool.imap_unordered(numbered_task, numbered), start=1
        ):
            summaries[i] = summary
            if args.verbose:
                t = tasks[i]
                print(
                    f"[{done}/{len(tasks)}] accuracy {t['name']} {t['dtype']}: {seconds:.1f} s",
                    file=sys.stderr,
                )
    accuracy = {
        (t["name"], quantity, t["dtype"]): per_impl
        for t, s in zip(tasks, summaries, strict=True)
        for quantity, per_impl in s["summaries"].items()
    }
    corrections: dict[str, int] = {}
    for t, s in zip(tasks, summaries, strict=True):
        if s["corrections"]:
            corrections[t["name"]] = corrections.get(t["name"], 0) + s["corrections"]
    t_accuracy = time.perf_counter() - started

    # 3. Timing, one implementation at a time, nothing else running.
    results = []
    for spec in specs:
        for quantity in QUANTITIES:
            impls = impls_of.get((spec.name, quantity))
            if impls is None:
                continue
            for dtype in DTYPES:
                x = timing_input(spec, dtype, n_time)
                acc = accuracy.get((spec.name, quantity, dtype), {})
                for label in IMPLS:
                    if label not in impls:
                        continue
                    try:
                        seconds = time_impl(impls[label], x, runs)
                        ms = round(seconds * 1e3 * (10**6 / x.size), 4)
                    except Exception as exc:
                        print(f"{spec.name} {quantity} {dtype} {label}: {exc}", file=sys.stderr)
                        ms = None
                    row = acc.get(label) or {
                        "max_ulp": None,
                        "worst_x": None,
                        "violations": 0,
                        "nonfinite": 0,
                        "points": 0,
                    }
                    results.append(
                        {"name": spec.name, "quantity": quantity, "dtype": dtype, "impl": label,
                         **row, "ms_per_1e6": ms}
                    )  # fmt: skip
                    if args.verbose:
                        print(_line(results[-1]), file=sys.stderr)

    desc, cpu = machine()
    elapsed = time.perf_counter() - started
    return {
        "_generated": NOTICE,
        "meta": {
            "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
            "machine": desc,
            "cpu": cpu,
            "threads": 1,
            "versions": versions(peers),
            "fingerprint": fingerprint(),
            "grid": args.grid,
            "runs": runs,
            "elements_timed": n_time,
            "seconds": {"accuracy": round(t_accuracy, 1), "total": round(elapsed, 1)},
            "reference_corrections": corrections,
        },
        "results": results,
    }


def _line(r: dict[str, Any]) -> str:
    ulp = "—" if r["max_ulp"] is None else f"{r['max_ulp']:.3g}"
    ms = "—" if r["ms_per_1e6"] is None else f"{r['ms_per_1e6']:.3g} ms"
    return (
        f"{r['name']:>14} {r['quantity']:>4} {r['dtype']} {r['impl']:>8}: "
        f"{ulp:>9} ULP, {r['violations']:>4} violations, {ms}"
    )


def dump(data: dict[str, Any]) -> str:
    """Deterministic JSON: fixed key order inside each record, indent 1."""
    return json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Accuracy and speed of every activation: the catalog beside its peers."
    )
    parser.add_argument("--quick", action="store_true", help="few functions, small grid")
    parser.add_argument("--only", type=lambda s: [n for n in s.split(",") if n], default=None)
    parser.add_argument("--output", type=Path, default=BENCHMARK_JSON)
    parser.add_argument(
        "--grid",
        choices=sorted(GRIDS),
        default=None,
        help="accuracy grid (default: thinned; quick with --quick)",
    )
    parser.add_argument("--no-peers", action="store_true", help="skip PyTorch and JAX")
    parser.add_argument("--runs", type=int, default=0, help="timing runs (best of)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--refingerprint",
        action="store_true",
        help="measure nothing: only store the current fingerprint in --output, for a change "
        "that cannot have moved a figure (code moved between modules)",
    )
    args = parser.parse_args(argv)
    if args.refingerprint:
        return refingerprint(args.output)
    args.grid = args.grid or ("quick" if args.quick else "thinned")
    data = run(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dump(data), encoding="utf-8")
    secs = data["meta"]["seconds"]
    print(
        f"benchmark: {len(data['results'])} rows, accuracy {secs['accuracy']} s, "
        f"total {secs['total']} s -> {args.output}"
    )
    return 0


def refingerprint(path: Path) -> int:
    """Store the current fingerprint in the figures at ``path``, leaving them as they are."""
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data["meta"]
    old = meta.pop("fingerprint", None) or meta.pop("catalog_fingerprint", None)
    new = fingerprint()
    # the fingerprint keeps its place in ``meta``: just after the versions
    keys = list(meta)
    at = keys.index("versions") + 1 if "versions" in keys else len(keys)
    data["meta"] = {**{k: meta[k] for k in keys[:at]}, "fingerprint": new,
                    **{k: meta[k] for k in keys[at:]}}  # fmt: skip
    path.write_text(dump(data), encoding="utf-8")
    print(f"benchmark: fingerprint {old} -> {new} in {path} (figures unchanged)")
    return 0
