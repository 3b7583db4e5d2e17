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
# elementwise activation that has one (each spec keeps it in `spec.naive`; the functions
# of a whole row, softmax and the GLUs, appear in the benchmark at the end), measures it
# and the catalog's implementation against a high-precision reference, and shows where
# and why the textbook forms lose their digits.
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
import sympy as sp

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
    worst = f"{naive.x[np.argmax(naive.ulps)]:9.3g}" if naive.ulps.max() > 0 else f"{'—':>9}"
    print(
        f"{name:>14} {qty:2} {naive.ulps.max():18.2g} {worst} {(~naive.ok).sum():5d}"
        f" {ours.ulps.max():17.2g} {(~ours.ok).sum():5d}"
    )
failing = [(n, q) for n, q, _, naive, _ in measured if (~naive.ok).any()]
print(f"\n{len(measured)} formulas measured; {len(failing)} textbook forms violate the rule:")
print(", ".join(f"{n} {q}" for n, q in failing))
skipped = [s.name for s in act.specs() if not s.elementwise and s.naive.fn]
print(f"functions of a whole row with a textbook form (benchmark only): {', '.join(skipped)}")
assert all(ours.ok.all() for *_, ours in measured), "the catalog must meet its own rule"
assert 0 < len(failing) < len(measured) / 2

# where the violations are: far out in a tail, or close to 0
where = np.abs(np.concatenate([naive.x[~naive.ok] for *_, naive, _ in measured]))
tail, near_zero = np.sum(where >= 3), np.sum(where <= 0.2)
print(f"{len(where)} violations: {tail} at |x| >= 3, {near_zero} at |x| <= 0.2")
assert tail + near_zero == len(where)


# piecewise-linear functions: f'' = 0 on every piece of the spec's SymPy expression
def piecewise_linear(spec):
    x = next(s for s in spec.expr.free_symbols if s.name == "x")
    second = sp.piecewise_fold(sp.diff(spec.derivative_expr, x))
    pieces = [e for e, _ in second.args] if isinstance(second, sp.Piecewise) else [second]
    return all(e == 0 for e in pieces)


linear = {s.name for s in act.specs() if s.elementwise and piecewise_linear(s)}
worst_linear = max(max(n.ulps.max(), o.ulps.max()) for name, *_, n, o in measured if name in linear)
exact = sorted(
    {name for name, *_ in measured if name in linear}
    - {name for name, *_, n, o in measured if max(n.ulps.max(), o.ulps.max()) > 0}
)
print(f"\npiecewise linear: {', '.join(sorted(linear))}")
print(f"largest error of their textbook forms and the catalog: {worst_linear:.2g} ULP")
print(f"exact (0 ULP for f and f′ in both forms): {', '.join(exact)}")
print(f"leaky ReLU's default slope: {act.get('leaky_relu').params['negative_slope']}")
assert worst_linear <= 1 and not linear & {n for n, _ in failing}

# %% [markdown]
# The catalog meets the $4 + 2\kappa$ rule at every point of this grid
# (`tests/test_catalog_accuracy.py::test_matches_mpmath` checks the same on a grid spanning the
# whole float64 and float32 range, for every parameter example and variant). Of the
# textbook forms, fewer than half violate it anywhere (the count is printed above), and
# every violation lies in a tail ($|x| \ge 3$) or near zero ($|x| \le 0.2$): none in
# between. The piecewise-linear functions (second derivative 0 on every piece; printed
# above) have nothing to cancel: their textbook forms and the catalog are within 1 ULP
# everywhere on the grid, the rounding of a constant or of one operation (leaky ReLU's
# slope 0.01, hard sigmoid's division by 6), and several are exact (printed). The failures
# of the textbook forms fall into a handful of patterns, each with a standard cure.
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
#   GELU, $\tanh'(x) = 4e/(1 + e)^2$ with $e = e^{-2|x|}$ (the catalog's form;
#   $1/\cosh^2 x$ is as accurate in float64 but not in float32, its notes say).
# * **Adding a tiny number to 1.** $\log(1 + e^x)$ for $x \ll 0$: $1 + e^{x}$ rounds to
#   1 once $e^x$ is below half an ULP of 1 (printed above), and the log returns 0 instead
#   of $\approx e^x$. Cure: the log-sum-exp identity
#   $\operatorname{softplus}(x) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$, which also
#   handles large $x$ (`np.logaddexp(0, x)` computes the same).
# * **Overflow in an intermediate.** $e^{x}$ above $\ln$ of the largest float gives `inf`, and
#   `inf/inf` is NaN (softmax, textbook tanh); $\log(1 + e^x)$ becomes `inf` where the
#   answer is simply $x$. Cures: rewrite so that only $e^{-|x|}$ is ever computed, or
#   subtract the maximum (softmax, log-sum-exp; see the [softmax page](../softmax/)).
# * **Composites inherit their parts.** Mish is $x \tanh(\operatorname{softplus}(x))$: with
#   the textbook softplus inside, it fails wherever softplus does; the catalog rewrites
#   the gate with a single exponential (see its page).
#
# The catalog relies on NumPy's and SciPy's accurate primitives (`expm1`, `log1p`,
# `ndtr`) and chooses which of them to call and on which side of zero. Where the
# library's ready-made function is slower, it writes the stable identity out itself, as
# its notes on each function record: sigmoid keeps `1 / (1 + exp(-x))` instead of
# SciPy's `expit`, softplus writes out the identity of `np.logaddexp(0, x)`, and
# log-sigmoid writes out SciPy's `log_expit`.

# %% [markdown]
# ## The full benchmark
#
# `scripts/benchmark.py` runs the same measurement over the whole float64 and float32
# range for the catalog, the textbook forms, SciPy, PyTorch and JAX, and records the
# results in `docs/data/benchmark.json` (the [accuracy page](../../accuracy/) has all of
# it). When that file is present, the chart below shows its float64 results for the
# functions that have a textbook form and that at least one implementation gets wrong
# somewhere: the colour is the largest error in ULP (the darkest cells are complete
# losses), the number in each cell the count of violations of the $4 + 2\kappa$ rule (a
# large error can be allowed where the function is ill-conditioned). The printout
# below it compares the textbook form and the catalog for every function with a
# textbook form. PyTorch's and JAX's results hold for the versions printed in the
# header, on the benchmark's machine.

# %%
bench_path = Path(act.__file__).resolve().parents[2] / "docs" / "data" / "benchmark.json"
if bench_path.is_file():
    bench = json.loads(bench_path.read_text())
    meta = bench["meta"]
    print(
        f"benchmark of {meta['date']} on {meta['machine']} ({meta['cpu']}), "
        f"grid '{meta.get('grid', '?')}'"
    )
    print("versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()))
    rows = [r for r in bench["results"] if r["dtype"] == "float64" and r["max_ulp"] is not None]
    impls = [
        i
        for i in ("textbook", "catalog", "scipy", "pytorch", "jax")
        if any(r["impl"] == i for r in rows)
    ]
    order = {name: i for i, name in enumerate(act.names())}
    keys = sorted(
        {(r["name"], r["quantity"]) for r in rows if r["impl"] == "textbook"},
        key=lambda k: (order.get(k[0], len(order)), k[1] != "f"),
    )
    lookup = {(r["name"], r["quantity"], r["impl"]): r for r in rows}
    label = {"f": "f", "grad": "f′"}
    # the chart: the formulas where at least one implementation breaks the rule
    broken = [k for k in keys if any(lookup.get((*k, i), {}).get("violations") for i in impls)]
    if broken:
        half = (len(broken) + 1) // 2
        fig, axes = plt.subplots(
            1, 2, figsize=(11, 0.24 * half + 1.6), layout="constrained", gridspec_kw={"wspace": 0.1}
        )
        for ax, part in zip(axes, (broken[:half], broken[half:]), strict=True):
            ulp = np.array(
                [[lookup.get((*k, i), {}).get("max_ulp", np.nan) for i in impls] for k in part]
            )
            image = ax.imshow(
                np.log10(np.clip(ulp, 1, 1e17)), cmap="magma_r", vmin=0, vmax=17, aspect="auto"
            )
            for row, k in enumerate(part):
                for col, impl in enumerate(impls):
                    r = lookup.get((*k, impl))
                    text = "—" if r is None else str(r["violations"])
                    dark = r is not None and np.log10(max(r["max_ulp"], 1)) > 8
                    ax.text(
                        col,
                        row,
                        text,
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if dark else "black",
                    )
            ax.set_xticks(range(len(impls)), impls, fontsize=8)
            ax.set_yticks(range(len(part)), [f"{n} {label[q]}" for n, q in part], fontsize=8)
            ax.xaxis.tick_top()
            ax.grid(False)
        fig.colorbar(image, ax=axes, label="log10 of the largest error in ULP, float64")
        fig.suptitle(
            "cell text: number of violations of the 4 + 2κ rule (— not measured)", fontsize=9
        )
    print(
        f"\n{len(keys)} formulas with a textbook form; {len(broken)} of them broken by at least "
        "one implementation (charted)"
    )
    print(f"{'':>22} {'textbook':>22} {'catalog':>22}")
    for n, q in keys:
        cells = []
        for impl in ("textbook", "catalog"):
            r = lookup.get((n, q, impl))
            cells.append("—" if r is None else f"{r['max_ulp']:.2g} ULP, {r['violations']} viol.")
        print(f"{n + ' ' + label[q]:>22} {cells[0]:>22} {cells[1]:>22}")
    assert all(
        lookup[(*k, "catalog")]["violations"] == 0 for k in keys if (*k, "catalog") in lookup
    )
else:
    print("docs/data/benchmark.json is not present; run scripts/benchmark.py to add the chart")

# %% [markdown]
# ## Spot checks and a grid
#
# Checking a textbook form at a few round inputs is how such formulas usually get
# tested. The same measurement at $x \in \{0, \pm 1, \pm 10, \pm 100\}$, compared with
# the grid above:

# %%
spot = np.array([-100.0, -10.0, -1.0, 0.0, 1.0, 10.0, 100.0])
caught, missed = [], []
for name, qty, _, naive, _ in measured:
    if naive.ok.all():
        continue
    spec = act.get(name)
    order = 0 if qty == "f" else 1
    at_spots = reference.measure(spec, spot, order=order, func=textbook(spec, order))
    (caught if (~at_spots.ok).any() else missed).append(f"{name} {qty}")
print(f"of the {len(failing)} failing textbook forms, spot checks catch {len(caught)}")
bad_x = {f"{m} {q}": np.abs(n.x[~n.ok]) for m, q, _, n, _ in measured if not n.ok.all()}
near_zero_only = [form for form, xs in bad_x.items() if np.all(xs <= 0.2)]
print(f"missed, failing only near 0: {', '.join(f for f in missed if f in near_zero_only)}")
for form in missed:
    if form not in near_zero_only:
        where_bad = ", ".join(f"{v:.3g}" for v in bad_x[form])
        print(f"missed, failing elsewhere: {form} at |x| = {where_bad}")
assert set(near_zero_only) <= set(missed) and len(caught) + len(missed) == len(failing)

# %% [markdown]
# The spot checks catch most failures in the tails but miss every form that fails only
# near 0 (the cancellations at small $|x|$, listed above): at 0 itself these forms pass,
# and $\pm 1$ is already too far out. They also miss a tail failure that lies between two
# spot points (printed above). A grid that runs over many decades towards 0 and towards
# the overflow threshold, like the one of this page, finds them all.
#
# ## What to take away
#
# * Fewer than half of the textbook activation formulas measured here violate the
#   $4 + 2\kappa$ rule (counted above); those that do are accurate in the middle of
#   their range and lose digits in a tail or near zero.
# * The failures are systematic: cancellation, $1 + \text{tiny}$, and overflow in an
#   intermediate. Each has a standard cure, usually a specific library function.
# * Spot checks at a few round inputs miss the failures near zero; a comparison with a
#   high-precision reference on a grid spanning many decades finds them.
