# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Numerical stability of the catalog
#
# The formula in the textbook and the formula that gives the right floating-point
# answer are often different. This page takes the textbook NumPy form of every
# activation that has one (each spec keeps it in `spec.naive`), measures it and the
# catalog's implementation against a high-precision reference, and shows where and why
# the textbook forms lose their digits.
#
# **How errors are measured.** The truth is the spec's formula evaluated in mpmath with
# enough digits to resolve every cancellation (`activations.reference`). An error is
# counted in ULPs (units in the last place of the true value rounded to float64). A
# function whose output is sensitive to its input cannot be expected to be exact, so
# the allowance is $4 + 2\kappa$ ULP, where $\kappa(x) = |x\,g'(x)/g(x)|$ is the
# condition number of the computed quantity $g$; a value below the smallest normal
# number only needs to be within that number. A *violation* is a point outside the
# allowance.

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import scipy.special

import activations as act
from activations import reference

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})


def textbook(spec, order):
    """The spec's textbook formula (order 0: f, 1: f′) as a function of x."""
    source = spec.naive.fn if order == 0 else spec.naive.grad

    def evaluate(x, **params):
        names = {"x": x, **spec.params, **params}
        with np.errstate(all="ignore"):  # the overflows are what is being measured
            y = eval(source, {"np": np, "scipy": scipy}, names)
        return np.broadcast_to(np.asarray(y, dtype=np.float64), np.shape(x))

    return evaluate


# %% [markdown]
# ## Every textbook formula on one small grid
#
# The grid: 0 and 20 magnitudes per sign, log-spaced from $10^{-6}$ to 700, just below
# the point where float64's `exp` overflows (printed below). For each function and each
# of $f$ and $f'$ the table gives, for the textbook form and for the catalog, the
# largest error in ULP, the input where it occurs, and the number of violations.

# %%
print(f"float64 exp overflows above ln(max) = {np.log(np.finfo(np.float64).max):.2f}")
print(f"1 + t == 1 in float64 for 0 <= t <= {np.finfo(np.float64).eps / 2:.2e} (half an ULP of 1)")
mags = np.logspace(-6, np.log10(700), 20)
grid = np.concatenate([-mags[::-1], [0.0], mags])
measured = []
for spec in act.specs():
    if not spec.elementwise:
        continue
    for order, source in ((0, spec.naive.fn), (1, spec.naive.grad)):
        if not source:
            continue
        naive = reference.measure(spec, grid, order=order, func=textbook(spec, order))
        ours = reference.measure(spec, grid, order=order)
        measured.append((spec.name, "f" if order == 0 else "f′", source, naive, ours))

header = f"{'function':>14} {'':2} {'textbook: max ULP':>18} {'at x':>9} {'viol.':>5}"
print(header + f" {'catalog: max ULP':>17} {'viol.':>5}")
for name, qty, _, naive, ours in measured:
    worst = naive.x[np.argmax(naive.ulps)]
    print(
        f"{name:>14} {qty:2} {naive.ulps.max():18.2g} {worst:9.3g} {(~naive.ok).sum():5d}"
        f" {ours.ulps.max():17.2g} {(~ours.ok).sum():5d}"
    )
failing = [(n, q) for n, q, _, naive, _ in measured if (~naive.ok).any()]
print(f"\n{len(measured)} formulas measured; {len(failing)} textbook forms violate the rule:")
print(", ".join(f"{n} {q}" for n, q in failing))
assert all(ours.ok.all() for *_, ours in measured), "the catalog must meet its own rule"
assert failing, "expected at least one textbook formula to fail"

# %% [markdown]
# The catalog meets the $4 + 2\kappa$ rule at every point of this grid (the test suite
# checks the same over the whole float64 and float32 range, including every parameter
# example). Piecewise-linear functions are exact either way. The failures of the textbook
# forms fall into a handful of patterns, each with a standard cure.
#
# ## Where the digits go
#
# The plots show the error in ULP (log scale; values at the top of the plot are
# complete losses, such as 0 returned for a non-zero value) of the textbook form and
# of the catalog on a fine grid around the region where the textbook form fails.

# %%
cases = [
    ("sigmoid", 1, np.linspace(0, 60, 81), "1 − σ(x) cancels: σ′ = σ(1−σ) → 0"),
    ("tanh", 0, np.logspace(-9, 0, 61), "(eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) cancels near 0"),
    ("elu", 0, -np.logspace(-12, 0, 61), "eˣ − 1 cancels near 0: use expm1"),
    ("softplus", 0, np.linspace(-100, 0, 81), "log(1 + eˣ): 1 + tiny = 1"),
    ("gelu", 0, np.linspace(-30, 0, 81), "1 + erf(x/√2) cancels for x ≪ 0"),
    ("mish", 0, np.linspace(-100, 0, 81), "tanh(log(1 + eˣ)) inherits softplus"),
]
cases = [
    c
    for c in cases
    if c[0] in act.names() and (act.get(c[0]).naive.fn, act.get(c[0]).naive.grad)[c[1]]
]
fig, axes = plt.subplots(2, 3, figsize=(12, 6.4))
summary = {}
for ax, (name, order, xs, title) in zip(axes.flat, cases, strict=False):
    spec = act.get(name)
    naive = reference.measure(spec, xs, order=order, func=textbook(spec, order))
    ours = reference.measure(spec, xs, order=order)
    floor = 0.1  # so that exact results (0 ULP) show on a log axis
    # a grid spanning decades on the negative side is drawn against -x on a log axis
    mirrored = xs.max() < 0 and xs.min() / xs.max() > 1e3
    xplot = -xs if mirrored else xs
    ax.semilogy(xplot, np.clip(naive.ulps, floor, 1e17), ".", ms=3, label="textbook")
    ax.semilogy(xplot, np.clip(ours.ulps, floor, 1e17), ".", ms=3, label="catalog")
    ax.semilogy(xplot, np.clip(ours.allowed, floor, 1e17), "k-", lw=0.8, label="allowed 4 + 2κ")
    if mirrored or (xs.min() > 0 and xs.max() / xs.min() > 1e3):
        ax.set_xscale("log")
    ax.set_title(f"{name}{'′' if order else ''}: {title}", fontsize=9)
    ax.set_xlabel("−x" if mirrored else "x")
    summary[name] = ((~naive.ok).sum(), (~ours.ok).sum(), len(xs))
axes.flat[0].set_ylabel("error (ULP)")
axes.flat[0].legend(fontsize=8)
for ax in axes.flat[len(cases) :]:
    ax.set_visible(False)
fig.tight_layout()
for name, (bad_naive, bad_ours, n) in summary.items():
    print(
        f"{name:>9}: rule violated at {bad_naive:3d} of {n} points (textbook), {bad_ours} (catalog)"
    )
    assert bad_naive > 0 and bad_ours == 0, name

# %% [markdown]
# The patterns, and what the catalog does instead (each function's page has the details):
#
# * **Subtracting nearly equal numbers.** $1 - \sigma(x)$ for large $x$, $e^x - 1$ for
#   small $|x|$, $1 + \operatorname{erf}(x/\sqrt2)$ for very negative $x$,
#   $1 - \tanh^2 x$: the leading digits cancel and only rounding error is left, down to
#   an exact 0 where the true value is still far above the underflow threshold. Cures:
#   write the small quantity directly — $\sigma'(x) = e^{-|x|}/(1 + e^{-|x|})^2$,
#   `np.expm1(x)` for $e^x - 1$, $x\,\Phi(x)$ with $\Phi$ from `scipy.special.ndtr` for
#   GELU, $\tanh'(x) = 1/\cosh^2 x$.
# * **Adding a tiny number to 1.** $\log(1 + e^x)$ for $x \ll 0$: $1 + e^{x}$ rounds to
#   1 once $e^x$ is below half an ULP of 1 (printed above), and the log returns 0 instead
#   of $\approx e^x$. Cure: the log-sum-exp identity
#   $\operatorname{softplus}(x) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$, which also
#   handles large $x$ (`np.logaddexp(0, x)` computes the same).
# * **Overflow in an intermediate.** $e^{x}$ above $\ln$ of the largest float gives `inf`, and
#   `inf/inf` is NaN (softmax, textbook tanh); $\log(1 + e^x)$ becomes `inf` where the
#   answer is simply $x$. Cures: rewrite so that only $e^{-|x|}$ is ever computed, or
#   subtract the maximum (softmax, log-sum-exp; see the softmax page).
# * **Composites inherit their parts.** Mish is $x \tanh(\operatorname{softplus}(x))$: with
#   the textbook softplus inside, it fails wherever softplus does; the catalog rewrites
#   the gate with a single exponential (see its page).
#
# Using the right library function is most of the cure. The catalog never re-implements
# what NumPy and SciPy provide accurately (`expm1`, `log1p`, `logaddexp`, `expit`,
# `log_expit`, `ndtr`); it chooses which of them to call and on which side of zero.

# %% [markdown]
# ## The full benchmark
#
# `scripts/benchmark.py` runs the same measurement over the whole float64 and float32
# range for the catalog, the textbook forms, SciPy, PyTorch and JAX, and records the
# results in `docs/data/benchmark.json` (the accuracy page has all of it). When that
# file is present, the chart below shows its float64 results for the functions that
# have a textbook form: the largest error in ULP of each implementation (a bar at the
# top means a complete loss somewhere on the grid), and the printout gives the number of
# violations of the $4 + 2\kappa$ rule (a large error can be allowed where the function
# is ill-conditioned).

# %%
bench_path = Path(act.__file__).resolve().parents[2] / "docs" / "data" / "benchmark.json"
if bench_path.is_file():
    bench = json.loads(bench_path.read_text())
    meta = bench["meta"]
    print(
        f"benchmark of {meta['date']} on {meta['machine']} ({meta['cpu']}), "
        f"grid '{meta.get('grid', '?')}'"
    )
    rows = [r for r in bench["results"] if r["dtype"] == "float64" and r["max_ulp"] is not None]
    impls = [
        i
        for i in ("textbook", "catalog", "scipy", "pytorch", "jax")
        if any(r["impl"] == i for r in rows)
    ]
    keys = sorted(
        {(r["name"], r["quantity"]) for r in rows if r["impl"] == "textbook"},
        key=lambda k: act.names().index(k[0]) if k[0] in act.names() else 999,
    )
    if keys:
        fig, ax = plt.subplots(figsize=(max(6, 0.55 * len(keys) * len(impls) / 2), 4))
        width = 0.8 / len(impls)
        lookup = {(r["name"], r["quantity"], r["impl"]): r for r in rows}
        for j, impl in enumerate(impls):
            vals = [lookup.get((*k, impl), {}).get("max_ulp", np.nan) for k in keys]
            ax.bar(np.arange(len(keys)) + j * width, np.clip(vals, 0.1, 1e17), width, label=impl)
        ax.set_yscale("log")
        ax.set_xticks(
            np.arange(len(keys)) + 0.4 - width / 2,
            [f"{n} {'f′' if q == 'grad' else 'f'}" for n, q in keys],
            rotation=60,
            ha="right",
            fontsize=8,
        )
        ax.set_ylabel("max error (ULP), float64")
        ax.legend(fontsize=8, ncol=len(impls))
        fig.tight_layout()
        print(f"{'':>22} {'textbook':>22} {'catalog':>22}")
        for n, q in keys:
            cells = []
            for impl in ("textbook", "catalog"):
                r = lookup.get((n, q, impl))
                cells.append(
                    "—" if r is None else f"{r['max_ulp']:.2g} ULP, {r['violations']} viol."
                )
            print(f"{n + ' ' + q:>22} {cells[0]:>22} {cells[1]:>22}")
else:
    print("docs/data/benchmark.json is not present; run scripts/benchmark.py to add the chart")

# %% [markdown]
# ## What to take away
#
# * Most textbook activation formulas are fine in the middle of their range and fail in
#   a tail or near zero, which is exactly where trained networks put some of their
#   units, and where derivatives matter most for saturation.
# * The failures are systematic: cancellation, $1 + \text{tiny}$, and overflow in an
#   intermediate. Each has a standard cure, usually a specific library function.
# * Spot checks at a few round inputs miss these failures; a comparison with a
#   high-precision reference over the whole floating-point range finds them.
