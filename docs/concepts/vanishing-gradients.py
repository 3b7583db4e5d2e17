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
# the early layers *vanishes*, and a plain gradient step barely moves those layers; if
# they are above 1 it *explodes*, and a plain gradient step there is huge. The
# activation's derivative is one of the factors, the weights are the other. This page
# measures the gradient norm of every layer of a deep network at initialisation for
# sigmoid, tanh, ReLU and GELU, each at the initialisation this library pairs with it
# (`nn.default_init`), and explains the numbers.

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
# has entries at most $1/4$, so $\lVert D_l \rVert \le 1/4$, and unless
# $\lVert W_l \rVert > 4$ each layer shrinks the gradient. Even in the best case, where
# every unit sits exactly at $z = 0$, $L$ layers contribute a factor $4^{-L}$:

# %%
z = np.linspace(-20, 20, 400001)
sig_grad = act.get("sigmoid").grad(z)
print(f"max of sigmoid′ on a fine grid: {sig_grad.max():.6f} at z = {z[sig_grad.argmax()]:.4f}")
assert np.isclose(sig_grad.max(), 0.25, rtol=0, atol=1e-15)
for depth in (5, 10, 20, 30):
    print(f"(1/4)^{depth:<2} = {0.25**depth:.1e}")

# %% [markdown]
# Glorot initialisation (Glorot & Bengio 2010, *Understanding the difficulty of training
# deep feedforward neural networks*, Eq. 16) draws weights with variance
# $2/(n_\text{in} + n_\text{out})$: $1/n$ for a square layer, so $n\,\mathrm{Var}(w) = 1$
# and $W_l$ has a gain near 1, not 4. A sigmoid network initialised this way loses
# gradient at every layer.

# %%
w = nn.initialise("glorot_uniform", 64, 64, np.random.default_rng(0))
print(f"Glorot uniform, 64 × 64: n·Var(w) = {64 * w.var():.3f}")
assert abs(64 * w.var() - 1) < 0.05

# %% [markdown]
# ## Measured: gradient norm per layer, 30 hidden layers
#
# The experiment: 30 hidden layers of 64 units, a 10-class softmax output, a batch of
# 256 standard-normal inputs with random labels, and the cross-entropy gradient of
# *one* backward pass at initialisation (no training), with zero biases. The
# initialisations are this library's pairings (`nn.default_init`): Glorot uniform for
# sigmoid and tanh, He normal for ReLU (derived for ReLU by He et al. 2015, *Delving
# Deep into Rectifiers*, Eq. 10) and, by the library's choice, for GELU too. Three seeds
# each; the plot shows the Frobenius norm of $\partial L/\partial W_l$ for every layer
# $l$ (layer 1 is next to the input).

# %%
DEPTH, WIDTH, BATCH, SEEDS = 30, 64, 256, (0, 1, 2)
names = [n for n in ("sigmoid", "tanh", "relu", "gelu") if n in act.names()]


def one_backward_pass(activation, seed, init=None):
    """Per hidden layer: ‖∂L/∂W‖, the largest |entry| of ∂L/∂W, the std of the outputs."""
    rng = np.random.default_rng(100 + seed)
    x = rng.normal(size=(BATCH, WIDTH))
    y = rng.integers(0, 10, size=BATCH)
    model = nn.MLP([WIDTH] + [WIDTH] * DEPTH + [10], activation, init=init, seed=seed)
    _, grad = nn.softmax_cross_entropy(model.forward(x), y)
    grads = model.backward(grad)
    weight_grads = grads[0::2][:-1]  # hidden layers only
    return (
        nn.grad_norms(grads)[:-1],
        np.array([np.abs(g).max() for g in weight_grads]),
        np.array([out.std() for _, _, out in model.cache[:-1]]),
    )


runs = {name: [one_backward_pass(name, s) for s in SEEDS] for name in names}
norms = {name: np.array([r[0] for r in runs[name]]) for name in names}
largest_entry = {name: np.array([r[1] for r in runs[name]]) for name in names}
output_std = {name: np.array([r[2] for r in runs[name]]) for name in names}
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
#   many orders of magnitude smaller than the last one's. The measured factor per layer
#   is close to the bound $1/4$: Glorot initialisation of a square layer has a gain of
#   about 1, so the activation's $\sigma' \le 1/4$ is what is left. With plain SGD and one
#   learning rate for every layer, the first layer's step is that ratio times the last
#   layer's. Adam divides each gradient entry by its own running size plus
#   $\varepsilon$; in the first layers every gradient entry is far below $\varepsilon$
#   (printed below), so at initialisation Adam's steps there are about
#   $\text{lr}\cdot g/\varepsilon$, and it does not move them either.
# * **tanh** with Glorot initialisation is much better behaved: $\tanh'(0) = 1$ and the
#   Glorot variance keeps the pre-activations in the near-linear region, so the factor
#   per layer stays close to 1 at initialisation. (With larger weights most units
#   saturate: see the next section.)
# * **ReLU** with He initialisation keeps the norm within a small factor over 30 layers:
#   half the units pass the gradient unchanged and the other half block it, and the
#   doubled variance of He initialisation compensates for that half *in expectation*
#   (He et al. 2015, Eq. 10). At width 64 single networks still drift (printed below).
# * **GELU** with He initialisation does *not* behave like ReLU. Near 0,
#   $\operatorname{GELU}(z) \approx z/2$, so the factor 2 of He initialisation does not
#   keep the second moment of the signal: $2\,\mathbb{E}[f(\sqrt{q}Z)^2]/q$, which is 1
#   for ReLU at every $q$, is below 1 for GELU and falls as the signal shrinks (printed
#   below). The activations shrink layer by layer, and the gradients are smaller than
#   ReLU's in every layer. The factor per layer in the table is near 1 all the same: it
#   compares the first and the last layer of the same network, and both are small.

# %%
eps = nn.Adam().eps
below_eps = (largest_entry["sigmoid"] < eps).all(axis=0)  # every seed
first_ok = int(np.argmin(below_eps)) if not below_eps.all() else DEPTH
print(
    f"sigmoid: layers 1–{first_ok} have every gradient entry below Adam's eps = {eps:.0e} "
    f"(largest entry in layer 1: {largest_entry['sigmoid'][:, 0].max():.1e})"
)
assert per_layer["sigmoid"] < 0.3  # shrinks by about the 1/4 bound at every layer
assert norms["sigmoid"][:, 0].mean() / norms["sigmoid"][:, -1].mean() < 1e-4
assert first_ok >= 10 and below_eps[:first_ok].all()
for name in ("tanh", "relu", "gelu"):
    if name in per_layer:
        assert 0.8 < per_layer[name] < 1.25, name

drift = norms["relu"][:, 0] / norms["relu"][:, -1]
print("relu, ‖∂L/∂W₁‖ / ‖∂L/∂W₃₀‖ per seed:", " ".join(f"{d:.2f}" for d in drift))
print(f"   largest drift over 30 layers: a factor {np.max(np.maximum(drift, 1 / drift)):.1f}")

z, weight = np.polynomial.hermite_e.hermegauss(101)  # nodes and weights for Z ~ N(0, 1)
weight = weight / weight.sum()
print("2 E[f(√q Z)²] / q, the factor He initialisation applies to the second moment:")
factor = {}
for name in ("relu", "gelu"):
    f = act.get(name).fn
    factor[name] = [2 * np.sum(weight * f(np.sqrt(q) * z) ** 2) / q for q in (4, 1, 0.25, 0.01)]
    print(f"  {name:>5}, q = 4, 1, 0.25, 0.01: " + " ".join(f"{v:.3f}" for v in factor[name]))
assert np.allclose(factor["relu"], 1.0)
assert all(v < 1 for v in factor["gelu"]) and np.all(np.diff(factor["gelu"]) < 0)

for name in ("relu", "gelu"):
    print(
        f"{name:>5}: output std per seed, layer 1: "
        + " ".join(f"{v:.3f}" for v in output_std[name][:, 0])
        + "; layer 30: "
        + " ".join(f"{v:.1e}" for v in output_std[name][:, -1])
    )
assert np.all(output_std["gelu"][:, -1] < output_std["gelu"][:, 0])  # shrinks with depth
assert np.all(output_std["gelu"][:, -1] < output_std["relu"][:, -1])
geo = {n: np.exp(np.log(norms[n]).mean(axis=0)) for n in ("relu", "gelu")}
print(f"gelu / relu gradient norm, per layer: {(geo['gelu'] / geo['relu']).max():.2g} at most")
assert np.all(geo["gelu"] < geo["relu"])

# %% [markdown]
# ## Exploding: the same network with the wrong initialisation
#
# The factor per layer is set by the weights as much as by $f'$. Draw the weights from
# a standard normal distribution (variance 1 instead of about $1/n$ or $2/n$) and the
# gain of every $W_l$ becomes about $\sqrt{n}$. The printout compares ReLU and tanh
# with their paired initialisation, and several activations whose positive side, like
# ReLU's, has slope 1:

# %%
print(f"n = {WIDTH}: the gain of an N(0, 1) weight matrix is about √n = {np.sqrt(WIDTH):.0f}")
exploding = [("relu", "standard"), ("tanh", "standard")] + [
    (n, "N(0, 1)")
    for n in ("relu", "leaky_relu", "elu", "gelu", "silu", "softplus", "tanh")
    if n in act.names()
]
grads, forward_growth, backward_growth, caches = {}, {}, {}, {}
print(
    f"{'':>10} {'init':>9} {'‖∂L/∂W₁‖':>10} {'‖∂L/∂W₃₀‖':>10} {'‖∂L/∂b₁‖/‖∂L/∂b₃₀‖':>19} "
    f"{'forward growth':>14}"
)
for name, init_label in exploding:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(BATCH, WIDTH))
    y = rng.integers(0, 10, size=BATCH)
    model = nn.MLP([WIDTH] + [WIDTH] * DEPTH + [10], name, seed=7)
    if init_label == "N(0, 1)":
        for W in model.weights:
            W[:] = rng.normal(0.0, 1.0, size=W.shape)
    _, grad = nn.softmax_cross_entropy(model.forward(x), y)
    all_grads = model.backward(grad)
    g = nn.grad_norms(all_grads)[:-1]
    gb = np.array([np.linalg.norm(b) for b in all_grads[1::2]])[:-1]
    std = np.array([out.std() for _, _, out in model.cache[:-1]])
    grads[name, init_label] = g
    forward_growth[name, init_label] = (std[-1] / std[0]) ** (1 / (DEPTH - 1))
    backward_growth[name, init_label] = (gb[0] / gb[-1]) ** (1 / (DEPTH - 1))
    caches[name, init_label] = [z for _, z, _ in model.cache[:-1]]
    print(
        f"{name:>10} {init_label:>9} {g[0]:10.2e} {g[-1]:10.2e} {gb[0] / gb[-1]:19.2e} "
        f"{forward_growth[name, init_label]:14.3f}"
    )
relu_big = grads["relu", "N(0, 1)"]
assert relu_big.min() > 1e15 * grads["relu", "standard"].max()
first, last = grads["tanh", "N(0, 1)"][0], grads["tanh", "N(0, 1)"][-1]
assert first > 1e5 * last

# %% [markdown]
# The last two columns are the backward signal's growth from layer 30 to layer 1 (the
# bias gradient $\partial L/\partial b_l$ is the backward signal of layer $l$ summed over
# the batch) and the forward growth, the average factor per layer of the outputs'
# standard deviation. Both explode, in different ways:
#
# * **ReLU** is positively homogeneous ($\operatorname{ReLU}(cz) = c\,\operatorname{ReLU}(z)$
#   for $c > 0$), so the forward activations grow by about $\sqrt{n/2}$ per layer, and
#   the backward signal grows toward the input about as fast. The weight gradients,
#   products of the two, are astronomically large in *every* layer, not only the first.
#   Leaky ReLU, ELU, GELU, SiLU and softplus have the same slope-1 positive side, and
#   with inputs this large they explode about as much as ReLU does (printed below),
#   although all of them but Leaky ReLU saturate on the left: saturating on one side
#   does not stop it.
# * **tanh** keeps the forward activations in $(-1, 1)$, and most units saturate, so one
#   might expect the gradient to vanish. It does not: the units that are not saturated
#   pass the gradient on multiplied by weights of gain $\sqrt{n}$, so on average the
#   backward signal grows by $\sqrt{n\,\mathbb{E}[\tanh'(z)^2]}$ per layer toward the
#   input (printed below), and the first layer's gradient is many orders of magnitude
#   larger than the last one's. Poole et al. (2016, *Exponential expressivity in deep
#   neural networks through transient chaos*) call this regime of large weights
#   *chaotic*; Schoenholz et al. (2017, *Deep Information Propagation*, abstract) show
#   that "the ordered and chaotic phases correspond to regions of vanishing and
#   exploding gradient respectively". With zero biases and $n\,\mathrm{Var}(w) = 1$
#   (Glorot, square layers) the same factor is $\sqrt{\mathbb{E}[\tanh'(z)^2]} \le 1$,
#   and close to 1 while the pre-activations are small: the edge between the two (the
#   first table measures tanh's factor per layer at Glorot initialisation).

# %%
root = np.sqrt(WIDTH / 2)
relu_growth = forward_growth["relu", "N(0, 1)"], backward_growth["relu", "N(0, 1)"]
print(f"√(n/2) = {root:.3f}; relu's growth per layer: forward {relu_growth[0]:.3f}", end="")
print(f", backward {relu_growth[1]:.3f}")
assert abs(relu_growth[0] / root - 1) < 0.05
assert abs(relu_growth[1] / root - 1) < 0.1
print(f"relu, N(0, 1): ‖∂L/∂W_l‖ from {relu_big.min():.1e} to {relu_big.max():.1e} over the layers")
for name in ("leaky_relu", "elu", "gelu", "silu", "softplus"):
    if (name, "N(0, 1)") in grads:
        ratio = grads[name, "N(0, 1)"] / relu_big
        print(
            f"{name:>10} / relu, ‖∂L/∂W_l‖ layer by layer: {ratio.min():.2f} to {ratio.max():.2f}"
        )
        assert 0.75 < ratio.min() and ratio.max() < 1.33, name
        if name != "leaky_relu":
            assert act.get(name).properties.saturation == "left", name

tanh_z = caches["tanh", "N(0, 1)"][1:]  # layers 2-30
tanh_grad = act.get("tanh").grad
saturated = np.mean([np.mean(tanh_grad(z) < 0.01) for z in tanh_z])
predicted = np.sqrt(WIDTH * np.mean([np.mean(tanh_grad(z) ** 2) for z in tanh_z]))
measured = (first / last) ** (1 / (DEPTH - 1))
print(f"tanh, N(0, 1), layers 2-30: {saturated:.0%} of the units have tanh′ < 0.01")
print(f"   √(n E[tanh′(z)²]) = {predicted:.2f}; measured factor per layer {measured:.2f}")
assert 0.5 < saturated < 0.9  # most, not all
assert abs(predicted / measured - 1) < 0.1

# %% [markdown]
# ## What to take away
#
# * The gradient reaching an early layer is a product with one factor $W_l^\top D_l$
#   per layer, so it vanishes or explodes *geometrically* with depth.
# * $\sigma' \le 1/4$ caps the activation's part of every factor of a sigmoid network.
#   In this 30-layer network at Glorot initialisation it leaves the first layers with
#   gradients so small that, at the start of training, neither a plain gradient step
#   nor Adam moves them. In an
#   output layer or a gate the cap is one factor, not one per layer.
# * Initialisation matched to the activation keeps the factor near 1 at the start: here
#   Glorot for tanh and He for ReLU (the table above). For GELU, He initialisation keeps
#   the factor near 1 but not the signal, which shrinks with depth. SELU's pairing,
#   LeCun normal, is measured on the SELU page. This page measures the start of training
#   only.
# * ReLU does not prevent exploding gradients. With $\mathcal{N}(0, 1)$ weights its
#   activations grow by about $\sqrt{n/2}$ per layer and its weight gradients are
#   astronomically large in every layer; activations with the same slope-1 positive side
#   (Leaky ReLU, ELU, GELU, SiLU, softplus) explode about as much. Saturating on both
#   sides does not prevent it either: tanh's backward signal grows geometrically toward
#   the input too.
