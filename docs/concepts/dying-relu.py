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
# # Dying ReLU
#
# A ReLU unit whose pre-activation is negative for every input of the training set
# outputs 0 for all of them and has derivative 0 for all of them. Its weights and bias
# then receive exactly zero gradient, so nothing in training can move them again: the
# unit is *dead*. This page trains the same network with a moderate and with a large
# learning rate, counts the dead units, and repeats the experiment with Leaky ReLU,
# ELU and GELU, whose negative side is not flat.

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from activations import nn

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})

# %% [markdown]
# ## Why a dead unit stays dead
#
# For unit $i$ of a layer, $z_i = w_i^\top x + b_i$ and the gradients of its parameters
# are
#
# $$
# \frac{\partial L}{\partial w_i} = \sum_{\text{inputs}} f'(z_i)\,
# \frac{\partial L}{\partial a_i}\, x, \qquad
# \frac{\partial L}{\partial b_i} = \sum_{\text{inputs}} f'(z_i)\,
# \frac{\partial L}{\partial a_i}.
# $$
#
# With ReLU, $f'(z_i) = 0$ whenever $z_i < 0$. If that holds for *every* input, both sums
# are exactly zero, whatever the loss. In the first layer the inputs never change, so
# the unit is dead for good; in deeper layers it can only come back if the layers below
# happen to change its inputs. A single large update that pushes $b_i$ far below zero
# (or turns $w_i$ away from the data) is enough, which is why large learning rates kill
# ReLU units. Leaky ReLU ($f' = $ its slope for $z<0$), ELU ($f' = \alpha e^z$) and GELU
# ($f' \ne 0$ except at isolated points) keep a non-zero derivative on the negative
# side, so a unit that is negative everywhere still gets a (small) gradient.
#
# ## The experiment
#
# Two moons (200 points), a network with two hidden layers of 32 units at He
# initialisation, Adam with mini-batches of 20 for 30 epochs, five seeds, two learning
# rates: a usual one and one far too large. After training, for every hidden unit:
#
# * **off**: its pre-activation is $\le 0$ for every training input;
# * **dead**: its derivative is below $10^{-3}$ for every training input, so it passes
#   back less than a thousandth of the gradient whatever the input. For ReLU, off and
#   dead are the same thing.

# %%
x, y = nn.moons(200, noise=0.1, seed=0)
names = [n for n in ("relu", "leaky_relu", "elu", "gelu") if n in act.names()]
rates = {"lr = 0.01": 0.01, "lr = 0.3": 0.3}
SEEDS = range(5)


def off_fraction(model):
    model.forward(x)
    return np.mean(np.concatenate([np.all(z <= 0, axis=0) for _, z, _ in model.cache[:-1]]))


def dead_fraction(model):
    return float(np.mean(nn.dead_unit_fraction(model, x, tol=1e-3)))


results = {}
models = {}
for label, lr in rates.items():
    for name in names:
        rows = []
        for seed in SEEDS:
            model = nn.MLP([2, 32, 32, 2], name, seed=seed)
            nn.train(model, x, y, optimizer=nn.Adam(lr), epochs=30, batch_size=20, seed=seed)
            rows.append((off_fraction(model), dead_fraction(model), nn.accuracy(model, x, y)))
            models[label, name, seed] = model
        results[label, name] = np.array(rows)

print(f"{'':>10} {'activation':>11} {'off':>13} {'dead':>13} {'train accuracy':>15}")
for (label, name), r in results.items():
    m, s = r.mean(axis=0), r.std(axis=0)
    print(
        f"{label:>10} {name:>11} {m[0]:6.2f} ± {s[0]:4.2f} {m[1]:6.2f} ± {s[1]:4.2f} "
        f"{m[2]:8.3f} ± {s[2]:4.3f}"
    )

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
width = 0.38
pos = np.arange(len(names))
for ax, label in zip(axes, rates, strict=True):
    off = [results[label, n][:, 0] for n in names]
    dead = [results[label, n][:, 1] for n in names]
    ax.bar(
        pos - width / 2,
        [o.mean() for o in off],
        width,
        yerr=[o.std() for o in off],
        label="off (z ≤ 0 on every input)",
        color="#9ecae1",
        capsize=3,
    )
    ax.bar(
        pos + width / 2,
        [d.mean() for d in dead],
        width,
        yerr=[d.std() for d in dead],
        label="dead (f′ < 10⁻³ on every input)",
        color="#de2d26",
        capsize=3,
    )
    ax.set_xticks(pos, names)
    ax.set_title(f"after 30 epochs of Adam, {label}")
axes[0].set_ylabel("fraction of hidden units (mean ± sd, 5 seeds)")
axes[0].legend(fontsize=8)
fig.tight_layout()

# %% [markdown]
# What the numbers show:
#
# * With the usual learning rate few units are off, and the networks fit the moons.
# * With the large learning rate a large share of the ReLU units ends up dead: those
#   units contribute nothing and never will, so the network trains with a fraction of
#   its width.
# * Leaky ReLU units get switched off just as often, but none is dead: each still
#   passes back the slope of its negative side (1 % of the gradient at the default
#   slope), so it can move back into the data.
# * ELU and GELU units are switched off less often than ReLU units, and far fewer are
#   dead. ELU is not immune: its derivative $\alpha e^{z}$ decays exponentially, so a unit
#   pushed far into the negative side (below $z = \ln(10^{-3}/\alpha)$ for every input)
#   passes back almost nothing.

# %%
big, small = "lr = 0.3", "lr = 0.01"
relu_dead = results[big, "relu"][:, 1].mean()
assert relu_dead > 0.2
assert relu_dead > 2 * results[small, "relu"][:, 1].mean()
assert np.array_equal(results[big, "relu"][:, 0], results[big, "relu"][:, 1])  # off = dead
if "leaky_relu" in names:
    assert results[big, "leaky_relu"][:, 1].max() == 0.0
for name in ("elu", "gelu"):
    if name in names:
        assert results[big, name][:, 1].mean() < relu_dead / 2
        assert results[big, name][:, 0].mean() < results[big, "relu"][:, 0].mean()

# %% [markdown]
# ## Dead means frozen: a second phase of training
#
# Continue training every large-learning-rate network for 50 more epochs with the
# usual learning rate. A first-layer ReLU unit that was dead has bit-for-bit the same
# weights and bias afterwards, because every gradient it received was exactly zero.
# Leaky ReLU units that were off keep receiving gradient; some of them come back.

# %%
for name in [n for n in ("relu", "leaky_relu") if n in names]:
    frozen, revived, was_off = 0, 0, 0
    for seed in SEEDS:
        model = models[big, name, seed]
        model.forward(x)
        off_before = np.all(model.cache[0][1] <= 0, axis=0)  # first hidden layer
        w_before = model.weights[0][off_before].copy()
        b_before = model.biases[0][off_before].copy()
        nn.train(model, x, y, optimizer=nn.Adam(0.01), epochs=50, batch_size=20, seed=seed)
        model.forward(x)
        off_after = np.all(model.cache[0][1] <= 0, axis=0)
        unchanged = np.all(model.weights[0][off_before] == w_before, axis=1) & (
            model.biases[0][off_before] == b_before
        )
        was_off += int(off_before.sum())
        frozen += int(unchanged.sum())
        revived += int((off_before & ~off_after).sum())
    print(
        f"{name:>11}: {was_off} first-layer units off after phase 1; "
        f"{frozen} of them unchanged bit for bit after phase 2, {revived} back on"
    )
    if name == "relu":
        assert frozen == was_off and revived == 0
    else:
        assert frozen == 0 and revived > 0

# %% [markdown]
# ## What to take away
#
# * A ReLU unit dies when its pre-activation is negative for every input; it then gets
#   exactly zero gradient and stays dead. Large learning rates (and large negative
#   bias updates) are the usual cause; lowering the learning rate, careful
#   initialisation and normalisation layers are the usual cures.
# * Leaky ReLU, PReLU, ELU, SELU, GELU and SiLU all have a non-zero derivative on the
#   negative side, so units can be switched off but not frozen.
# * Dead units are not always a disaster: a network that is wide enough still fits
#   (see the accuracies above), it just wastes the capacity it paid for.
