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
# then receive exactly zero gradient from the loss: the unit is *dead*. Only something
# other than its own gradient can move it again: a change in the layers below it,
# momentum left in the optimiser, or weight decay. This page trains the same network
# with a moderate and with a large learning rate, counts the dead units, and repeats the
# experiment with Leaky ReLU, ELU and GELU, whose derivative is not zero on the negative
# side.

# %%
import copy
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from activations import nn, properties

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
# With ReLU, $f'(z_i) = 0$ whenever $z_i < 0$ (and at $z_i = 0$, by the catalog's
# convention). If that holds for *every* input, both sums are exactly zero, whatever the
# loss. In the first layer the inputs never change, so the gradient never turns the unit
# back on; in deeper layers it can come back if the layers below change its inputs. One
# update that pushes $b_i$ below $-w_i^\top x$ for every input is enough. Adam's steps
# are of the order of the learning rate whatever the size of the gradient, as long as it
# is well above Adam's $\varepsilon$ (Kingma & Ba 2015, *Adam: A Method for Stochastic
# Optimization*, section "Adam's update rule"; the next cell shows it), so a larger
# learning rate makes larger jumps; the experiment below counts the dead units at two
# learning rates.
#
# Leaky ReLU ($f'$ = its slope for $z < 0$), ELU ($f' = \alpha e^z$) and GELU
# ($f' \ne 0$ except at isolated points) keep a non-zero derivative on the negative side,
# so a unit that is negative everywhere still gets a gradient. For ELU and GELU that
# derivative tends to 0 far to the left, so the gradient can be tiny.
#
# ## What a tiny gradient does under Adam
#
# All the training on this page uses Adam, and Adam divides each parameter's gradient by
# a running estimate of its own size, $\sqrt{\hat v} + \varepsilon$. Multiplying a
# gradient by $10^{-3}$ therefore leaves the steps unchanged, so "the unit gets a
# thousand times less gradient" does *not* make it learn a thousand times more slowly.
# What stops a parameter is a gradient far below $\varepsilon$: then the step is about
# $\text{lr}\cdot g/\varepsilon$. The same constant gradient, fed to `nn.Adam(0.01)` for
# 100 steps, at several scales:

# %%
adam = nn.Adam(0.01)
print(f"Adam: lr = {adam.lr}, eps = {adam.eps:.0e}")
adam_moved = {}
for scale in (1.0, 1e-3, 1e-6, 1e-10, 1e-18):
    theta, opt = [np.zeros(1)], nn.Adam(0.01)
    for _ in range(100):
        opt.step(theta, [np.full(1, scale)])
    adam_moved[scale] = float(-theta[0][0])
    print(f"gradient {scale:6.0e} at every step: the parameter moves {adam_moved[scale]:.2e}")
assert np.isclose(adam_moved[1e-3], adam_moved[1.0], rtol=1e-4)  # the scale does not matter
assert adam_moved[1e-18] < 1e-8 * adam_moved[1.0]  # ... until the gradient is far below eps

# %% [markdown]
# ## The experiment
#
# Two moons (200 points), a network with two hidden layers of 32 units at He
# initialisation (`nn.default_init`), Adam with mini-batches of 20 for 30 epochs, five
# seeds, two learning rates: lr = 0.01 (the default of `nn.train`) and lr = 0.3, thirty
# times larger. After training, for every hidden unit:
#
# * **off**: its pre-activation is $\le 0$ for every training input;
# * **dead**: $|f'| \le 10^{-3}$ for every training input (the threshold is this page's
#   choice, `nn.dead_unit_fraction(..., tol=1e-3)`). For ReLU, off and dead are the same
#   thing. Under plain SGD the steps of such a unit would be at most a thousandth of
#   what $f' = 1$ would give; under Adam, as shown above, what matters is whether its
#   gradient falls below $\varepsilon$, which the second phase measures.

# %%
x, y = nn.moons(200, noise=0.1, seed=0)
names = [n for n in ("relu", "leaky_relu", "elu", "gelu") if n in act.names()]
rates = {"lr = 0.01": 0.01, "lr = 0.3": 0.3}
SEEDS = range(5)
EPOCHS = 30
TOL = 1e-3


def off_fraction(model):
    model.forward(x)
    return np.mean(np.concatenate([np.all(z <= 0, axis=0) for _, z, _ in model.cache[:-1]]))


def dead_fraction(model):
    return float(np.mean(nn.dead_unit_fraction(model, x, tol=TOL)))


results = {}
models, optimizers = {}, {}
for label, lr in rates.items():
    for name in names:
        rows = []
        for seed in SEEDS:
            model = nn.MLP([2, 32, 32, 2], name, seed=seed)
            optimizer = nn.Adam(lr)
            nn.train(model, x, y, optimizer=optimizer, epochs=EPOCHS, batch_size=20, seed=seed)
            rows.append((off_fraction(model), dead_fraction(model), nn.accuracy(model, x, y)))
            models[label, name, seed] = model
            optimizers[label, name, seed] = optimizer
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
        label="dead (|f′| ≤ 10⁻³ on every input)",
        color="#de2d26",
        capsize=3,
    )
    ax.set_xticks(pos, names)
    ax.set_title(f"after {EPOCHS} epochs of Adam, {label}")
axes[0].set_ylabel("fraction of hidden units (mean ± sd, 5 seeds)")
axes[0].legend(fontsize=8)
fig.tight_layout()

# %% [markdown]
# What the numbers show (the fractions are means over the five seeds, printed by the
# next cell):
#
# * With lr = 0.01 every network fits the moons, but some ReLU units are dead already.
# * With lr = 0.3 a much larger share of the ReLU units ends up dead: those units
#   output 0 on every training input, so the network fits with the rest of its width.
# * Leaky ReLU units are switched off about as often as ReLU units, but none is dead:
#   each still gets a non-zero gradient through its negative slope, Adam does not make
#   its steps smaller for that, and it can move back into the data (the second phase
#   shows some doing so).
# * ELU and GELU units are switched off less often than ReLU units, and fewer than half
#   as many are dead, but some are: ELU's derivative $\alpha e^{z}$ decays
#   exponentially, and a unit is dead by this page's threshold once
#   $z \le \ln(10^{-3}/\alpha)$ for every input.

# %%
big, small = "lr = 0.3", "lr = 0.01"


def mean_of(label, name, column):
    return float(results[label, name][:, column].mean())


OFF, DEAD, ACC = 0, 1, 2
relu_dead = mean_of(big, "relu", DEAD)
lowest = min(results[small, n][:, ACC].min() for n in names)
print(f"lowest training accuracy at lr = 0.01, any activation and seed: {lowest:.3f}")
print(f"relu dead: {mean_of(small, 'relu', DEAD):.2f} at lr = 0.01, {relu_dead:.2f} at lr = 0.3")
assert lowest == 1.0  # every network fits
assert mean_of(small, "relu", DEAD) > 0  # some ReLU units are dead even at lr = 0.01
assert relu_dead > 0.2
assert relu_dead > 2 * mean_of(small, "relu", DEAD)
assert np.array_equal(results[big, "relu"][:, OFF], results[big, "relu"][:, DEAD])  # off = dead
if "leaky_relu" in names:
    leaky_off = mean_of(big, "leaky_relu", OFF)
    print(f"lr = 0.3, off: relu {mean_of(big, 'relu', OFF):.2f}, leaky_relu {leaky_off:.2f}")
    assert abs(leaky_off - mean_of(big, "relu", OFF)) < 0.1  # about as often
    assert results[big, "leaky_relu"][:, DEAD].max() == 0.0
for name in ("elu", "gelu"):
    if name in names:
        print(
            f"lr = 0.3, {name}: off {mean_of(big, name, OFF):.2f}, "
            f"dead {mean_of(big, name, DEAD):.2f}"
        )
        assert 0 < mean_of(big, name, DEAD) < relu_dead / 2
        assert mean_of(big, name, OFF) < mean_of(big, "relu", OFF)
if "elu" in names:
    alpha = act.get("elu").params["alpha"]
    print(f"ELU (α = {alpha:g}): dead once z ≤ ln(1e-3/α) = {np.log(TOL / alpha):.2f}")

# %% [markdown]
# ## Dead means frozen: a second phase of training
#
# Continue training every lr = 0.3 network for 50 more epochs with lr = 0.01 and a
# *fresh* Adam optimiser (its moments start at zero, so no momentum is carried over),
# without weight decay. For ReLU and Leaky ReLU, follow the first-layer units that were
# off after the first phase: a dead ReLU unit there gets exactly zero gradient at every
# step, so its weights and bias stay bit-for-bit the same, while off Leaky ReLU units
# keep receiving a gradient.

# %%
PHASE2_EPOCHS = 50
phase2 = {}
for name in [n for n in ("relu", "leaky_relu") if n in names]:
    frozen, revived, was_off = 0, 0, 0
    for seed in SEEDS:
        model = copy.deepcopy(models[big, name, seed])
        model.forward(x)
        off_before = np.all(model.cache[0][1] <= 0, axis=0)  # first hidden layer
        w_before = model.weights[0][off_before].copy()
        b_before = model.biases[0][off_before].copy()
        nn.train(
            model, x, y, optimizer=nn.Adam(0.01), epochs=PHASE2_EPOCHS, batch_size=20, seed=seed
        )
        model.forward(x)
        off_after = np.all(model.cache[0][1] <= 0, axis=0)
        unchanged = np.all(model.weights[0][off_before] == w_before, axis=1) & (
            model.biases[0][off_before] == b_before
        )
        was_off += int(off_before.sum())
        frozen += int(unchanged.sum())
        revived += int((off_before & ~off_after).sum())
    phase2[name] = (was_off, frozen, revived)
    print(
        f"{name:>11}: {was_off} first-layer units off after phase 1; "
        f"{frozen} of them unchanged bit for bit after phase 2, {revived} back on"
    )
    if name == "relu":
        assert frozen == was_off and revived == 0
    else:
        assert frozen == 0 and revived > 0

# %% [markdown]
# ELU and GELU units do get a gradient, so for them the question is how large it is.
# Take every unit that is dead after the first phase (in either hidden layer), measure
# the largest entry of its full-batch gradient, run the same second phase, and compare
# how far its weights and bias move with how far the network's other units move:

# %%
for name in [n for n in ("elu", "gelu") if n in names]:
    was_dead, still_dead, grad_dead, moved_dead, moved_live = 0, 0, [], [], []
    for seed in SEEDS:
        model = copy.deepcopy(models[big, name, seed])
        _, grad_logits = nn.softmax_cross_entropy(model.forward(x), y)
        grads = model.backward(grad_logits)
        dead = [
            np.max(np.abs(f.derivative(z)), axis=0) <= TOL
            for f, (_, z, _) in zip(model.activations, model.cache[:-1], strict=True)
        ]
        if not any(mask.any() for mask in dead):
            continue  # nothing to follow in this network
        params = zip(model.weights, model.biases, strict=True)
        before = [np.column_stack([w, b]).copy() for w, b in params]
        for layer, mask in enumerate(dead):
            g = np.column_stack([grads[2 * layer], grads[2 * layer + 1]])
            grad_dead += list(np.abs(g[mask]).max(axis=1))
        nn.train(
            model, x, y, optimizer=nn.Adam(0.01), epochs=PHASE2_EPOCHS, batch_size=20, seed=seed
        )
        model.forward(x)
        for layer, mask in enumerate(dead):
            f, z = model.activations[layer], model.cache[layer][1]
            dead_after = np.max(np.abs(f.derivative(z)), axis=0) <= TOL
            after = np.column_stack([model.weights[layer], model.biases[layer]])
            moved = np.abs(after - before[layer]).max(axis=1)
            was_dead += int(mask.sum())
            still_dead += int((mask & dead_after).sum())
            moved_dead += list(moved[mask])
            moved_live += list(moved[~mask])
    phase2[name] = (was_dead, still_dead)
    print(
        f"{name:>5}: {was_dead} units dead after phase 1, {still_dead} still dead after phase 2; "
        f"median largest gradient entry of a dead unit {np.median(grad_dead):.1e} "
        f"(Adam's eps = {adam.eps:.0e}); median movement of its parameters "
        f"{np.median(moved_dead):.1e}, of the other units' {np.median(moved_live):.1e}"
    )
    assert was_dead > 0 and still_dead > was_dead / 2  # most stay dead
    assert np.median(grad_dead) < adam.eps / 100
    assert np.median(moved_dead) < np.median(moved_live) / 100

# %% [markdown]
# The dead ELU and GELU units get gradients far below Adam's $\varepsilon$, so their
# steps are about $\text{lr}\cdot g/\varepsilon$: they barely move, and most of them stay
# dead.
#
# The fresh optimiser matters. Continue the ReLU networks instead with the optimiser of
# the first phase, its moments kept and only its learning rate lowered to 0.01: the
# momentum stored in Adam keeps moving the dead first-layer units for a while.

# %%
if "relu" in names:
    was_dead, changed, revived = 0, 0, 0
    for seed in SEEDS:
        model = copy.deepcopy(models[big, "relu", seed])
        optimizer = copy.deepcopy(optimizers[big, "relu", seed])
        optimizer.lr = 0.01
        model.forward(x)
        off_before = np.all(model.cache[0][1] <= 0, axis=0)
        before = np.column_stack([model.weights[0], model.biases[0]])[off_before].copy()
        nn.train(model, x, y, optimizer=optimizer, epochs=PHASE2_EPOCHS, batch_size=20, seed=seed)
        model.forward(x)
        after = np.column_stack([model.weights[0], model.biases[0]])[off_before]
        was_dead += int(off_before.sum())
        changed += int(np.any(after != before, axis=1).sum())
        revived += int((off_before & ~np.all(model.cache[0][1] <= 0, axis=0)).sum())
    print(
        f"relu, phase-1 Adam kept: {was_dead} dead first-layer units, {changed} of them "
        f"changed by phase 2, {revived} back on"
    )
    assert was_dead == phase2["relu"][0]
    assert changed == was_dead and revived == 0

# %% [markdown]
# Momentum moves them but, in this run, turns none of them back on.
#
# ## What to take away
#
# * A ReLU unit whose pre-activation is $\le 0$ for every input gets exactly zero
#   gradient from the loss. In this experiment (two moons, two hidden layers of 32, He
#   initialisation, Adam, 30 epochs, five seeds) raising the learning rate from 0.01 to
#   0.3 more than doubled the dead fraction (printed above), and 50 more epochs with a
#   fresh Adam left every dead first-layer ReLU unit unchanged bit for bit. Momentum
#   kept in the optimiser moved them (without turning any back on); weight decay would
#   move them too.
# * Leaky ReLU and PReLU have a positive gradient floor (printed below; glossary: dead
#   units *no*): a unit can be switched off but keeps a gradient, and under Adam that is
#   enough to move it. Here no Leaky ReLU unit was dead, and some off units came back.
# * ELU, SELU, GELU and SiLU have gradient floor 0 and saturate on the left ($f' \to 0$
#   in the left tail; glossary: dead units *vanishing*): a unit pushed far enough left
#   gets a gradient below Adam's $\varepsilon$ and stops learning. This page runs ELU and
#   GELU: at lr = 0.3 some of their units died, and most of those stayed dead through
#   the second phase. SELU and SiLU are not run here.
# * Dead units did not stop these networks from fitting: with 32 units per layer, every
#   network reached a training accuracy above 0.95 (table above), with the units it had
#   left.

# %%
print(f"{'activation':>11} {'gradient floor':>15} {'saturating':>11}")
for name in ("relu", "leaky_relu", "prelu", "elu", "selu", "gelu", "silu"):
    if name in act.names():
        floor = properties.gradient_floor(name)
        saturating = act.get(name).properties.saturation
        print(f"{name:>11} {floor:>15g} {saturating:>11}")
        if name in ("leaky_relu", "prelu"):
            assert floor > 0 and saturating == "none"
        if name in ("elu", "selu", "gelu", "silu"):
            assert floor == 0 and saturating == "left"
assert all(results[big, n][:, ACC].min() > 0.95 for n in names)
