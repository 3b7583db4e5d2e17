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
# # Vanishing and exploding gradients
#
# Backpropagation multiplies the gradient by one factor per layer on its way from the
# loss to the first layer. If those factors are typically below 1 the gradient reaching
# the early layers *vanishes*, and those layers barely learn; if they are above 1 it
# *explodes*, and training becomes unstable. The activation's derivative is one of the
# factors, the weights are the other. This page measures the gradient norm of every
# layer of a deep network for sigmoid, tanh, ReLU and GELU at their standard
# initialisations, and explains the numbers.

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from activations import nn

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})

# %% [markdown]
# ## One factor per layer
#
# With $z_l = W_l a_{l-1} + b_l$ and $a_l = f(z_l)$, the backward step of the previous
# page gives
#
# $$
# \frac{\partial L}{\partial a_{l-1}} = W_l^{\top}\bigl(f'(z_l) \odot
# \frac{\partial L}{\partial a_l}\bigr)
# \quad\Longrightarrow\quad
# \frac{\partial L}{\partial a_0} = W_1^{\top} D_1 W_2^{\top} D_2 \cdots W_L^{\top} D_L\,
# \frac{\partial L}{\partial a_L},
# \qquad D_l = \operatorname{diag} f'(z_l).
# $$
#
# The gradient reaching layer 1 is a product of $L$ matrices. Its size is roughly the
# product of the gains of the factors $W_l^\top D_l$, so it changes geometrically with
# depth unless each gain is close to 1.
#
# ## The ¼ bound of the sigmoid
#
# $\sigma'(z) = \sigma(z)(1 - \sigma(z))$ and $s(1 - s) \le 1/4$ for every $s$ (the
# parabola peaks at $s = 1/2$, i.e. $z = 0$). Every $D_l$ of a sigmoid network therefore
# has entries at most $1/4$, so $\lVert D_l \rVert \le 1/4$, and unless the weights
# have a gain above 4 each layer shrinks the gradient. Even in the best case, where
# every unit sits exactly at $z = 0$, $L$ layers contribute a factor $4^{-L}$:

# %%
z = np.linspace(-20, 20, 400001)
sig_grad = act.get("sigmoid").grad(z)
print(f"max of sigmoid′ on a fine grid: {sig_grad.max():.6f} at z = {z[sig_grad.argmax()]:.4f}")
assert np.isclose(sig_grad.max(), 0.25, rtol=0, atol=1e-15)
for depth in (5, 10, 20, 30):
    print(f"(1/4)^{depth:<2} = {0.25**depth:.1e}")

# %% [markdown]
# Glorot initialisation is designed to give $W_l$ a gain near 1, not 4, so a sigmoid
# network initialised the standard way loses gradient at every layer.
#
# ## Measured: gradient norm per layer, 30 hidden layers
#
# The experiment: 30 hidden layers of 64 units, a 10-class softmax output, a batch of
# 256 standard-normal inputs with random labels, and the cross-entropy gradient of
# *one* backward pass at initialisation (no training). The initialisations are the
# standard pairings: Glorot uniform for sigmoid and tanh, He normal for ReLU and GELU.
# Three seeds each; the plot shows the Frobenius norm of $\partial L/\partial W_l$ for
# every layer $l$ (layer 1 is next to the input).

# %%
DEPTH, WIDTH, BATCH, SEEDS = 30, 64, 256, (0, 1, 2)
names = [n for n in ("sigmoid", "tanh", "relu", "gelu") if n in act.names()]


def layer_grad_norms(activation, seed, init=None):
    rng = np.random.default_rng(100 + seed)
    x = rng.normal(size=(BATCH, WIDTH))
    y = rng.integers(0, 10, size=BATCH)
    model = nn.MLP([WIDTH] + [WIDTH] * DEPTH + [10], activation, init=init, seed=seed)
    _, grad = nn.softmax_cross_entropy(model.forward(x), y)
    return nn.grad_norms(model.backward(grad))[:-1]  # hidden layers only


norms = {name: np.array([layer_grad_norms(name, s) for s in SEEDS]) for name in names}
fig, ax = plt.subplots(figsize=(8, 4.2))
layers = np.arange(1, DEPTH + 1)
for name in names:
    mean = np.exp(np.log(norms[name]).mean(axis=0))
    ax.plot(layers, mean, marker="o", ms=3, label=f"{name} ({nn.default_init(name)})")
    ax.fill_between(layers, norms[name].min(axis=0), norms[name].max(axis=0), alpha=0.2)
ax.set_yscale("log")
ax.set_xlabel("layer (1 = first hidden layer)")
ax.set_ylabel("‖∂L/∂W‖ (geometric mean, band = min–max over seeds)")
ax.legend()
fig.tight_layout()

print(
    f"{'activation':>10} {'init':>15} {'layer 1':>9} {'layer 30':>9} {'ratio':>9} {'per layer':>9}"
)
per_layer = {}
for name in names:
    first, last = norms[name][:, 0].mean(), norms[name][:, -1].mean()
    per_layer[name] = (first / last) ** (1 / (DEPTH - 1))  # average factor per layer
    print(
        f"{name:>10} {nn.default_init(name):>15} {first:9.1e} {last:9.1e} "
        f"{first / last:9.1e} {per_layer[name]:9.3f}"
    )

# %% [markdown]
# The columns are the mean gradient norm of the first and the last hidden layer, their
# ratio, and the average factor per layer, $(\text{ratio})^{1/29}$.
#
# * **Sigmoid** loses a large constant factor at every layer: the first layer's gradient is
#   many orders of magnitude smaller than the last one's. With the same learning rate for
#   every layer, the early layers effectively do not train. The measured factor per layer
#   is close to the bound $1/4$: Glorot initialisation of a square layer has variance
#   $1/n$, a gain of about 1, so the activation's $\sigma' \le 1/4$ is what is left, and
#   the pre-activations spread around 0, where $\sigma'$ is below its peak.
# * **tanh** with Glorot initialisation is much better behaved: $\tanh'(0) = 1$ and
#   the Glorot variance keeps the pre-activations in the near-linear region, so the
#   factor per layer stays close to 1 at initialisation. (Saturation can set in
#   during training, or with larger weights.)
# * **ReLU** with He initialisation keeps the norm roughly constant: half the units pass
#   the gradient unchanged and the other half block it, and the doubled variance of He
#   initialisation compensates exactly for that half — this is how He et al. derived it.
# * **GELU** with He initialisation behaves like ReLU to first order.

# %%
assert per_layer["sigmoid"] < 0.3  # shrinks by about the 1/4 bound at every layer
assert norms["sigmoid"][:, 0].mean() / norms["sigmoid"][:, -1].mean() < 1e-4
for name in ("tanh", "relu", "gelu"):
    if name in per_layer:
        assert 0.8 < per_layer[name] < 1.25, name

# %% [markdown]
# ## Exploding: the same network with the wrong initialisation
#
# The factor per layer is set by the weights as much as by $f'$. Draw the weights from
# a standard normal distribution (variance 1 instead of about $1/n$ or $2/n$, a common
# mistake) and the gain of every $W_l$ becomes about $\sqrt{n} = 8$. The printout
# compares each network with its standard initialisation:

# %%
rows = []
for name in [n for n in ("relu", "tanh") if n in act.names()]:
    for init_label, scale in (("standard", None), ("N(0, 1)", 1.0)):
        rng = np.random.default_rng(7)
        x = rng.normal(size=(BATCH, WIDTH))
        y = rng.integers(0, 10, size=BATCH)
        model = nn.MLP([WIDTH] + [WIDTH] * DEPTH + [10], name, seed=7)
        if scale is not None:
            for W in model.weights:
                W[:] = rng.normal(0.0, scale, size=W.shape)
        _, grad = nn.softmax_cross_entropy(model.forward(x), y)
        g = nn.grad_norms(model.backward(grad))[:-1]
        rows.append((name, init_label, g[0], g[-1]))
        print(f"{name:>5} {init_label:>9}: ‖∂L/∂W₁‖ = {g[0]:9.2e}   ‖∂L/∂W₃₀‖ = {g[-1]:9.2e}")
grads = {(r[0], r[1]): (r[2], r[3]) for r in rows}
if ("relu", "N(0, 1)") in grads:
    assert min(grads[("relu", "N(0, 1)")]) > 1e15 * max(grads[("relu", "standard")])
if ("tanh", "N(0, 1)") in grads:
    first, last = grads[("tanh", "N(0, 1)")]
    assert first > 1e5 * last

# %% [markdown]
# Both explode, in different ways:
#
# * **ReLU** is positively homogeneous ($\operatorname{ReLU}(cz) = c\,\operatorname{ReLU}(z)$
#   for $c > 0$), so the forward activations grow by about $\sqrt{n/2}$ per layer and the
#   weight gradients, which are products of backward signals and forward activations,
#   are astronomically large in *every* layer.
# * **tanh** keeps the forward activations in $(-1, 1)$, and most units saturate, so one
#   might expect the gradient to vanish. It does not: the few units that are not
#   saturated pass the gradient on multiplied by weights of gain about 8, and the
#   backward product grows layer after layer, so the first layer's gradient is many
#   orders of magnitude larger than the last one's. Deep networks of this kind sit in
#   what Poole et al. (2016) call the chaotic phase; the standard initialisation keeps
#   them at the edge between vanishing and exploding.

# %% [markdown]
# ## What to take away
#
# * The gradient reaching an early layer is a product with one factor $W_l^\top D_l$
#   per layer, so it vanishes or explodes *geometrically* with depth.
# * $\sigma' \le 1/4$ caps the activation's part of every factor of a sigmoid network;
#   that, not just saturation, is why deep sigmoid networks do not train by plain
#   gradient descent. Sigmoid belongs in output layers and gates.
# * Initialisation matched to the activation (Glorot for tanh, He for ReLU and its
#   smooth relatives, LeCun normal for SELU) keeps the factor near 1 at the start.
#   Normalisation layers and residual connections keep it there during training.
# * ReLU does not prevent exploding gradients: with too large weights it explodes
#   faster than anything, because it never saturates.
