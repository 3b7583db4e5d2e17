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
# # Why non-linearity
#
# A layer of a neural network computes an affine map $z = Wx + b$ (each unit's weighted
# sum of its inputs plus a bias) and then applies an activation $f$, a fixed scalar
# function, to every entry of $z$; the result is the input of the next layer. (Saying
# the activation "decides whether the neuron fires" describes a step function, whose
# output is 0 or 1; sigmoid, tanh, ReLU or GELU outputs are graded values, and their
# job is to make the layer non-linear.) This page shows, first with algebra and then
# with numbers, what happens when $f$ is left out: any stack of layers collapses into a
# single affine map, and a single affine map cannot even compute XOR. With each of the
# eight activations tried below, a network with two hidden layers of 8 units can.
#
# Every number below is printed by the code on this page, which runs when the site is
# built; the `assert` statements make the build fail if a claim stops holding.

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from activations import nn

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})

# %% [markdown]
# ## Two linear layers are one linear layer
#
# Take two layers without an activation, $h = W_1 x + b_1$ and $y = W_2 h + b_2$.
# Substituting the first into the second and using distributivity of matrix
# multiplication:
#
# $$
# y = W_2 (W_1 x + b_1) + b_2 = \underbrace{(W_2 W_1)}_{W}\,x
#     + \underbrace{(W_2 b_1 + b_2)}_{b}.
# $$
#
# So the pair is the single layer $y = Wx + b$ with $W = W_2 W_1$ and
# $b = W_2 b_1 + b_2$. By induction the same holds for any number of layers: a deep
# network without activations has at most the expressive power of one affine map, and
# exactly that when no hidden layer is narrower than both the input and the output (a
# narrower one can only *lower* the rank of $W$).
#
# Numerically, with the MLP of `activations.nn` and no activation (`None`), the deep
# network and the collapsed single layer agree to rounding error:

# %%
rng = np.random.default_rng(0)
linear_net = nn.MLP([3, 16, 16, 16, 2], None, seed=0)
for b in linear_net.biases:
    b[:] = rng.normal(size=b.shape)

W, b = linear_net.weights[0], linear_net.biases[0]
for W_next, b_next in zip(linear_net.weights[1:], linear_net.biases[1:], strict=True):
    W, b = W_next @ W, W_next @ b + b_next  # W = W2 W1, b = W2 b1 + b2, repeated

x = rng.normal(size=(1000, 3))
gap = np.max(np.abs(linear_net.forward(x) - (x @ W.T + b)))
rank = np.linalg.matrix_rank(W)
print(f"collapsed map: W has shape {W.shape} and rank {rank}, b has shape {b.shape}")
print(f"largest difference between the 4-layer net and the single layer: {gap:.1e}")
assert gap < 1e-12
assert rank == min(W.shape)  # no hidden layer is narrower than the output

# %% [markdown]
# Put an activation between the layers and the identity is gone: the same weights with
# $\tanh$ after each hidden layer give outputs that no single affine map reproduces.

# %%
tanh_net = nn.MLP([3, 16, 16, 16, 2], "tanh", seed=0)
for dst, src in zip(tanh_net.parameters, linear_net.parameters, strict=True):
    dst[:] = src
gap_tanh = np.max(np.abs(tanh_net.forward(x) - (x @ W.T + b)))
# the best affine fit to the tanh network's outputs, by least squares
design = np.column_stack([x, np.ones(len(x))])
coef, *_ = np.linalg.lstsq(design, tanh_net.forward(x), rcond=None)
residual = np.max(np.abs(design @ coef - tanh_net.forward(x)))
print(f"tanh network vs the collapsed map: largest difference {gap_tanh:.2f}")
print(f"tanh network vs its best affine fit: largest difference {residual:.2f}")
assert residual > 1e-2

# %% [markdown]
# ## XOR: a problem no linear model can solve
#
# XOR labels the four corners $(\pm 1, \pm 1)$ with 1 when exactly one coordinate is
# positive. A linear classifier predicts class 1 when $s(x) = w_1 x_1 + w_2 x_2 + c > 0$.
# Its scores on the two diagonals always have the same sum:
#
# $$
# s(-1,-1) + s(1,1) = 2c = s(-1,1) + s(1,-1).
# $$
#
# Class 0 needs both scores on the left negative (sum $< 0$) and class 1 both on the
# right positive (sum $> 0$): impossible. At most three of the four points can be right,
# and because the network without activations *is* a linear classifier, depth does not
# help.
#
# Cross-entropy even drives it to the useless answer. The labels do not change under
# $x \mapsto -x$ (each diagonal has one label), so the loss of $(w, c)$ equals the loss
# of $(-w, c)$; the loss is convex in the collapsed $(w, c)$, hence $w = 0$ is at least as
# good as either, and with balanced classes $c = 0$: the best linear model predicts
# probability ½ everywhere, and which class the argmax picks is decided by rounding.
# Training the network without activations (Adam, lr = 0.05, 300 full-batch epochs)
# confirms it for five seeds:

# %%
x4, y4 = nn.xor()
print("inputs:", x4.tolist(), " labels:", y4.tolist())


def fit(activation, x, y, seed, epochs=300, width=8):
    model = nn.MLP([2, width, width, 2], activation, seed=seed)
    hist = nn.train(model, x, y, optimizer=nn.Adam(0.05), epochs=epochs, track_accuracy=False)
    return model, hist


linear_acc, linear_flat = [], []
for seed in range(5):
    model, _ = fit(None, x4, y4, seed)
    linear_acc.append(nn.accuracy(model, x4, y4))
    prob = np.exp(act.get("log_softmax").fn(model.forward(x4)))[:, 1]
    linear_flat.append(float(np.max(np.abs(prob - 0.5))))
sizes = [model.weights[0].shape[1], *(w.shape[0] for w in model.weights)]
print(f"the network: layer widths {sizes}")
print("no activation, accuracy per seed:", linear_acc)
print("largest |p - 1/2| on the four points, per seed:", [f"{v:.1e}" for v in linear_flat])
assert max(linear_acc) <= 0.75
assert max(linear_flat) < 1e-3

# %% [markdown]
# With an activation after each hidden layer, the same network, trained the same way
# but for 150 epochs instead of 300, solves the truth table for each of these eight
# activations and each of the five seeds:

# %%
candidates = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu", "softplus"]
activations_here = [name for name in candidates if name in act.names()]
solved = {}
for name in activations_here:
    solved[name] = [
        nn.accuracy(fit(name, x4, y4, seed, epochs=150)[0], x4, y4) for seed in range(5)
    ]
    print(f"{name:>11}: accuracy per seed {solved[name]}")
assert len(solved) == 8 and all(min(acc) == 1.0 for acc in solved.values())

# %% [markdown]
# ## Decision boundaries
#
# The four corners make a tiny data set; 200 noisy points around them show the shape
# of what each network learns (300 epochs each). The linear network can only draw one
# straight line, and for the reason above it ends up close to the flat, uninformative
# solution (accuracy near chance, 0.5 for these balanced classes); every activation
# bends the boundary into the two diagonal bands XOR needs. The shapes differ: a ReLU
# network is a piecewise-linear function of its input, so its boundary is made of
# straight pieces with corners; sigmoid, tanh, GELU and SiLU are smooth ($C^\infty$ in
# the glossary), and so are their boundaries.

# %%
x_noisy, y_noisy = nn.xor(200, noise=0.25, seed=1)
shown = [None, *[n for n in ("sigmoid", "tanh", "relu", "gelu", "silu") if n in act.names()]]
fig, axes = plt.subplots(1, len(shown), figsize=(3.1 * len(shown), 3.2), sharey=True)
noisy_acc = {}
for ax, name in zip(axes, shown, strict=True):
    model, _ = fit(name, x_noisy, y_noisy, seed=0, epochs=300)
    noisy_acc[name or "none"] = nn.accuracy(model, x_noisy, y_noisy)
    xx, yy, p = nn.decision_grid(model, x_noisy, steps=120)
    ax.contourf(xx, yy, p, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.6)
    ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1)
    ax.scatter(*x_noisy.T, c=y_noisy, cmap="RdBu_r", s=8, edgecolors="k", linewidths=0.3)
    ax.set_title(f"{name or 'no activation'}\naccuracy {noisy_acc[name or 'none']:.2f}")
    ax.set_aspect("equal")
fig.tight_layout()
for name, acc in noisy_acc.items():
    print(f"{name:>11}: training accuracy on noisy XOR {acc:.3f}")
print("class sizes:", np.bincount(y_noisy).tolist())
assert np.all(np.bincount(y_noisy) == len(y_noisy) // 2)
assert abs(noisy_acc["none"] - 0.5) < 0.1  # near chance
assert all(acc > 0.9 for name, acc in noisy_acc.items() if name != "none")
assert act.get("relu").properties.smoothness == "C0"
assert all(act.get(n).properties.smoothness == "Cinf" for n in shown if n not in (None, "relu"))

# %% [markdown]
# ## What to take away
#
# * Without activations, depth adds parameters but no expressive power: the network is
#   one affine map $x \mapsto Wx + b$ with $W = W_2W_1$, $b = W_2b_1 + b_2$.
# * An activation is what lets a network represent functions like XOR that no
#   hyperplane can separate. For XOR, each of the eight activations tried here works;
#   how the choice affects training is the subject of the other concept pages.
# * A linear (identity) activation still has a place: in the *output* layer, after
#   non-linear hidden layers. `nn.MLP`'s output layer is always linear: for
#   classification the loss applies softmax or sigmoid to it, and for regression its
#   values are the predictions.
