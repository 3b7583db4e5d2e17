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
# # Activations compared on toy data
#
# A classic exercise: train the same small network on a few 2-D data sets with each
# activation and compare. Done carelessly (one seed, training accuracy, a single run)
# it mostly measures luck. Here every configuration is trained with several seeds,
# accuracy is measured on a separate test sample, and the page reports mean ± standard
# deviation, the loss curves, the decision boundaries, and the wall time of training.
# Everything on this page was computed while the site was built; the machine is
# printed below.
#
# Keep the scale in mind: these are tiny networks on tiny problems. The experiment shows
# how the activations differ in *optimisation* on a small budget (how fast and how
# reliably the loss goes down), not which activation wins on real data.

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import platform
import time

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from activations import nn

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})

cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
print(
    f"machine: {platform.system()} {platform.machine()}, {cores} usable cores, "
    f"Python {platform.python_version()}, NumPy {np.__version__}, one BLAS thread"
)

# %% [markdown]
# ## Set-up
#
# * **Data**: two moons, two spirals and a noisy XOR, 200 training points each (the
#   generators of `activations.nn`), and a test sample of 400 points from a different
#   seed.
# * **Network**: two hidden layers of 24 units, the activation $f$ under test after each,
#   a softmax output, i.e.
#   $p(x) = \operatorname{softmax}(W_3\, f(W_2\, f(W_1 x + b_1) + b_2) + b_3)$;
#   weights initialised as usually paired with the activation (He for
#   the ReLU family and its smooth relatives, Glorot for sigmoid and tanh), biases zero.
# * **Training**: full-batch Adam, learning rate 0.01, 200 epochs, softmax cross-entropy.
# * **Seeds**: three per configuration (initial weights differ; the data do not).

# %%
DATA = {
    "moons": (nn.moons(200, noise=0.15, seed=0), nn.moons(400, noise=0.15, seed=1)),
    "spirals": (nn.spirals(200, noise=0.04, seed=0), nn.spirals(400, noise=0.04, seed=1)),
    "xor": (nn.xor(200, noise=0.3, seed=0), nn.xor(400, noise=0.3, seed=1)),
}
WANTED = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu", "softplus"]
NAMES = [n for n in WANTED if n in act.names()]
SEEDS, EPOCHS, WIDTH = (0, 1, 2), 200, 24

runs = {}  # (dataset, activation, seed) -> (model, history, test accuracy, seconds)
for dataset, ((x, y), (x_test, y_test)) in DATA.items():
    for name in NAMES:
        for seed in SEEDS:
            model = nn.MLP([2, WIDTH, WIDTH, 2], name, seed=seed)
            start = time.perf_counter()
            hist = nn.train(
                model, x, y, optimizer=nn.Adam(0.01), epochs=EPOCHS, track_accuracy=False
            )
            seconds = time.perf_counter() - start
            runs[dataset, name, seed] = (model, hist, nn.accuracy(model, x_test, y_test), seconds)
print(f"{len(runs)} training runs")

# %% [markdown]
# ## Test accuracy
#
# Mean $\bar a$ ± standard deviation $s = \sqrt{\tfrac13 \sum_k (a_k - \bar a)^2}$ over
# the three seeds $k$, on the held-out sample (dots: the individual seeds):

# %%
acc = {(d, n): np.array([runs[d, n, s][2] for s in SEEDS]) for d in DATA for n in NAMES}
final_loss = {
    (d, n): np.array([runs[d, n, s][1].loss[-1] for s in SEEDS]) for d in DATA for n in NAMES
}
print(f"{'activation':>11}" + "".join(f"{d:>17}" for d in DATA))
for n in NAMES:
    print(f"{n:>11}" + "".join(f"{acc[d, n].mean():10.3f} ± {acc[d, n].std():.3f}" for d in DATA))

fig, axes = plt.subplots(1, len(DATA), figsize=(12, 3.4), sharey=False)
for ax, d in zip(axes, DATA, strict=True):
    means = [acc[d, n].mean() for n in NAMES]
    ax.barh(
        range(len(NAMES)), means, xerr=[acc[d, n].std() for n in NAMES], color="#6baed6", capsize=3
    )
    for s in SEEDS:
        ax.plot([runs[d, n, s][2] for n in NAMES], range(len(NAMES)), "k.", ms=4)
    ax.set_yticks(range(len(NAMES)), NAMES)
    ax.set_xlim(min(0.5, min(means) - 0.05), 1.0)
    ax.set_title(f"{d}: test accuracy")
    ax.invert_yaxis()
fig.tight_layout()

# %% [markdown]
# ## Loss curves
#
# Training loss per epoch: the line is the mean over seeds, the band the range between the
# best and the worst seed (log scale).

# %%
fig, axes = plt.subplots(1, len(DATA), figsize=(13, 3.8), sharey=True)
colors = dict(zip(NAMES, plt.cm.tab10(np.arange(len(NAMES))), strict=True))
for ax, d in zip(axes, DATA, strict=True):
    for n in NAMES:
        curves = np.array([runs[d, n, s][1].loss for s in SEEDS])
        epochs = np.arange(1, EPOCHS + 1)
        ax.plot(epochs, curves.mean(axis=0), color=colors[n], label=n, lw=1.3)
        ax.fill_between(epochs, curves.min(axis=0), curves.max(axis=0), color=colors[n], alpha=0.15)
    ax.set_yscale("log")
    ax.set_title(d)
    ax.set_xlabel("epoch")
axes[0].set_ylabel("training loss")
axes[-1].legend(fontsize=8, ncol=2)
fig.tight_layout()

print(f"{'final training loss':>20}" + "".join(f"{d:>12}" for d in DATA))
for n in NAMES:
    print(f"{n:>20}" + "".join(f"{final_loss[d, n].mean():12.2e}" for d in DATA))

# %% [markdown]
# ## Decision boundaries
#
# Seed 0 of every configuration, with the training points; the colour is the predicted
# probability of the red class.

# %%
fig, axes = plt.subplots(len(DATA), len(NAMES), figsize=(1.9 * len(NAMES), 2.0 * len(DATA)))
for i, (d, ((x, y), _)) in enumerate(DATA.items()):
    for j, n in enumerate(NAMES):
        ax = axes[i, j]
        xx, yy, p = nn.decision_grid(runs[d, n, 0][0], x, steps=60, margin=0.3)
        ax.contourf(xx, yy, p, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.6)
        ax.scatter(*x.T, c=y, cmap="RdBu_r", s=3, edgecolors="none")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        if i == 0:
            ax.set_title(n, fontsize=9)
        if j == 0:
            ax.set_ylabel(d, fontsize=9)
fig.tight_layout()

# %% [markdown]
# ## Wall time
#
# Time to train one network for the 200 epochs (mean over data sets and seeds). Every
# step does the same matrix work whatever the activation; what differs is the cost of
# evaluating the activation and its derivative on every layer. The matrices are tiny, so
# fixed per-call overheads weigh more than they would in a real network; the accuracy &
# speed page times the functions themselves on large arrays.

# %%
secs = {n: np.array([runs[d, n, s][3] for d in DATA for s in SEEDS]) for n in NAMES}
for n in sorted(NAMES, key=lambda n: secs[n].mean()):
    print(
        f"{n:>11}: {1e3 * secs[n].mean():6.1f} ms per training run "
        f"({1e3 * secs[n].mean() / EPOCHS:.2f} ms per epoch)"
    )
fastest, slowest = (
    min(NAMES, key=lambda n: secs[n].mean()),
    max(NAMES, key=lambda n: secs[n].mean()),
)
print(
    f"slowest / fastest: {slowest} / {fastest} = {secs[slowest].mean() / secs[fastest].mean():.2f}"
)
total = sum(s[3] for s in runs.values())
print(f"all {len(runs)} runs: {total:.1f} s")

# %% [markdown]
# ## What the numbers say
#
# * **Moons and XOR** are easy: every activation reaches a similar test accuracy, except
#   that sigmoid lags behind on moons within this budget.
# * **Spirals** separate the activations. The ReLU family and the smooth rectifiers (ELU,
#   GELU, SiLU) fit them within 200 epochs. Tanh, sigmoid and softplus do not: their
#   test accuracy stays far below, and their final training loss is more than ten times
#   ReLU's. All three have derivatives well below 1 over most of their input range
#   (sigmoid's is at most 1/4, softplus's derivative *is* the sigmoid, tanh's decays
#   fast away from 0), so with the same learning rate they move more slowly.
# * The ranking is about optimisation speed with one learning rate and a fixed budget
#   on very small problems. It is not a verdict on which activation generalises best on
#   real data; what does carry over to deep networks is the sigmoid's gradient
#   attenuation (see the vanishing-gradients page).
#
# The assertions below make the build fail if a future change of the catalog or of the
# network makes these statements false.

# %%
rectifiers = [n for n in ("relu", "leaky_relu", "elu", "gelu", "silu") if n in NAMES]
for d in ("moons", "xor"):
    for n in NAMES:
        if n != "sigmoid":
            assert acc[d, n].mean() > 0.95, (d, n)
for n in rectifiers:
    assert acc["spirals", n].mean() > 0.97, n
slow = [n for n in ("sigmoid", "tanh", "softplus") if n in NAMES]
for n in slow:
    assert acc["spirals", n].mean() < min(acc["spirals", r].mean() for r in rectifiers) - 0.1, n
    assert final_loss["spirals", n].mean() > 10 * final_loss["spirals", "relu"].mean(), n
assert acc["moons", "sigmoid"].mean() < min(acc["moons", n].mean() for n in NAMES if n != "sigmoid")
