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
# # The derivative's role in backpropagation
#
# Training needs the gradient of the loss with respect to every weight. Backpropagation
# gets it by the chain rule, layer by layer from the output back to the input, and the
# activation's derivative $f'$ is one factor in every step. This page writes the step
# for one layer, checks it against finite differences, and shows what the value of
# $f'$ does to the gradient that reaches the weights.

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import matplotlib.pyplot as plt
import numpy as np

import activations as act

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})

# %% [markdown]
# ## The chain rule through one layer
#
# For one layer with input $x \in \mathbb{R}^{n}$, weights $W \in \mathbb{R}^{m\times n}$,
# bias $b$, activation $f$ and a loss $L$ that depends on the output $a$:
#
# $$
# z = Wx + b, \qquad a = f(z), \qquad L = \ell(a).
# $$
#
# Write $\delta_a = \partial L/\partial a$ for the gradient arriving from above. Because
# $f$ acts entrywise, $\partial a_i/\partial z_j$ is $f'(z_i)$ when $i = j$ and 0
# otherwise, so
#
# $$
# \delta_z = \frac{\partial L}{\partial z} = f'(z) \odot \delta_a, \qquad
# \frac{\partial L}{\partial W} = \delta_z\, x^{\top}, \qquad
# \frac{\partial L}{\partial b} = \delta_z, \qquad
# \frac{\partial L}{\partial x} = W^{\top} \delta_z .
# $$
#
# The last quantity is the $\delta_a$ of the layer below, and the recursion continues.
# $f'(z)$ multiplies every gradient that flows through the layer: to its own weights and
# to everything beneath. This is the only place the activation's *derivative* enters the
# backward pass (the function itself enters through the stored outputs $a = f(z)$, which
# are the $x$ of the next layer's $\partial L/\partial W$), and it is why the catalog
# ships an accurate `grad` for every function. (For a function of
# a whole vector, such as softmax, $f'(z)$ is a Jacobian matrix and the product becomes
# a vector–Jacobian product, the catalog's `vjp`; see the softmax page.)
#
# Here is the step written out with the catalog, for a batch of inputs (rows), and
# checked against central finite differences of the loss:

# %%
rng = np.random.default_rng(0)
x = rng.normal(size=(5, 3))  # five inputs with three features
W = rng.normal(size=(4, 3))
b = rng.normal(size=4)
target = rng.normal(size=(5, 4))
f = act.get("tanh")


def loss_of(W):
    a = f.fn(x @ W.T + b)
    return 0.5 * np.sum((a - target) ** 2)


z = x @ W.T + b
a = f.fn(z)
delta_a = a - target  # dL/da for L = 1/2 ||a - target||^2
delta_z = f.grad(z) * delta_a  # the chain rule: f'(z) ⊙ δ_a
grad_W = delta_z.T @ x  # δ_z x^T, summed over the batch

h = 1e-6
numeric = np.zeros_like(W)
for i in np.ndindex(W.shape):
    step = np.zeros_like(W)
    step[i] = h
    numeric[i] = (loss_of(W + step) - loss_of(W - step)) / (2 * h)
rel = np.linalg.norm(grad_W - numeric) / np.linalg.norm(numeric)
print(f"backprop vs finite differences, relative difference: {rel:.1e}")
assert rel < 1e-8

# %% [markdown]
# `activations.nn.MLP.backward` does exactly this for every layer;
# `tests/test_nn.py::test_mlp_backward_matches_finite_differences` checks it against
# finite differences for every activation of the catalog.
#
# ## What $f'$ does to the gradient
#
# Because $\partial L / \partial W = (f'(z) \odot \delta_a)\,x^\top$, a unit whose
# pre-activation sits where $f'$ is small passes on only a small part of the gradient,
# and a unit where $f' = 0$ passes on none. The derivatives differ a lot between
# activations:

# %%
names = [n for n in ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu") if n in act.names()]
grid = np.linspace(-6, 6, 1201)
fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(11, 3.8))
for name in names:
    spec = act.get(name)
    ax_f.plot(grid, spec.fn(grid), label=name)
    ax_d.plot(grid, spec.grad(grid), label=name)
ax_f.set_title("f(z)")
ax_d.set_title("f′(z)")
ax_f.set_ylim(-2, 4)
for ax in (ax_f, ax_d):
    ax.set_xlabel("z")
    ax.legend(fontsize=8)
fig.tight_layout()

print(f"{'activation':>11} {'max f′':>8} {'f′(0)':>7} {'f′(-4)':>9} {'f′(4)':>9}")
derivative_at = {}
for name in names:
    spec = act.get(name)
    d = spec.grad(grid)
    at = spec.grad(np.array([0.0, -4.0, 4.0]))
    print(f"{name:>11} {d.max():8.4f} {at[0]:7.4f} {at[1]:9.2e} {at[2]:9.2e}")
    derivative_at[name] = dict(max=d.max(), zero=at[0], minus4=at[1], plus4=at[2])
assert derivative_at["sigmoid"]["max"] == 0.25 and derivative_at["tanh"]["zero"] == 1.0
assert derivative_at["relu"]["zero"] == 0.0 and derivative_at["relu"]["minus4"] == 0.0
for name in ("leaky_relu", "elu", "gelu"):
    if name in derivative_at:
        assert derivative_at[name]["minus4"] != 0.0, name
if "gelu" in derivative_at:
    assert derivative_at["gelu"]["max"] > 1 and derivative_at["gelu"]["minus4"] < 0

# %% [markdown]
# Reading the table:
#
# * **sigmoid**: $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$ is largest at $z = 0$, where
#   it is $1/4$. Every sigmoid layer therefore scales every entry of the gradient by at
#   most a quarter (before the weights act), which is behind the vanishing gradients of
#   the deep sigmoid network on the next page. Far from 0 it is small on both sides.
# * **tanh**: $\tanh'(z) = 1 - \tanh^2(z)$ reaches 1 at 0 but is tiny for large
#   $|z|$ on both sides: a saturated tanh unit passes almost nothing back.
# * **ReLU**: exactly 1 for $z > 0$, so the gradient passes unchanged; exactly 0 for
#   $z < 0$, so a unit that is negative for every input gets no gradient at all (the
#   dying-ReLU page measures this). At $z = 0$ the derivative does not exist; the
#   catalog returns 0 (the table's $f'(0)$); what PyTorch, TensorFlow and JAX return is
#   on the ReLU page, under "In the frameworks".
# * **Leaky ReLU, ELU, GELU** keep a non-zero slope on (part of) the negative side.
#   GELU's derivative is not bounded by 1 (see its maximum above) and is slightly
#   *negative* on part of the negative axis (its value at −4 above): GELU is not
#   monotonic.
#
# The derivatives of the classical functions can be written through the function value
# itself, which is why textbooks like them: $\sigma' = \sigma(1 - \sigma)$,
# $\tanh' = 1 - \tanh^2$, and for ELU with $z \le 0$,
# $f'(z) = \alpha e^{z} = f(z) + \alpha$. The identities hold exactly in real
# arithmetic, and the catalog's derivatives agree with them on $[-8, 8]$. In floating
# point the first two forms lose their digits in the tails: $\sigma(1 - \sigma)$ in the
# right tail only, where $1 - \sigma$ rounds to 0, and $1 - \tanh^2$ in both (the
# numerical-stability page has the details):

# %%
z = np.linspace(-8, 8, 161)
checks = {
    "sigmoid′ = σ(1 − σ)": (act.get("sigmoid").grad(z), act.sigmoid(z) * (1 - act.sigmoid(z))),
    "tanh′ = 1 − tanh²": (act.get("tanh").grad(z), 1 - act.get("tanh").fn(z) ** 2),
}
if "elu" in act.names():
    elu = act.get("elu")
    alpha = elu.params["alpha"]
    neg = z[z <= 0]
    checks["ELU′ = f + α (z ≤ 0)"] = (elu.grad(neg), elu.fn(neg) + alpha)
for label, (lhs, rhs) in checks.items():
    err = np.max(np.abs(lhs - rhs))
    print(f"{label:>22}: largest difference on [-8, 8] = {err:.1e}")
    assert err < 1e-14

sigmoid, tanh = act.get("sigmoid"), act.get("tanh")
for t in (-40.0, 40.0):
    s_t = act.sigmoid(t)
    print(f"z = {t:+.0f}: σ′ = {sigmoid.grad(t):.3e}, σ(1 − σ) = {s_t * (1 - s_t):.3e}")
for t in (-20.0, 20.0):
    print(f"z = {t:+.0f}: tanh′ = {tanh.grad(t):.3e}, 1 − tanh² = {1 - tanh.fn(t) ** 2:.3e}")
s_left, s_right = act.sigmoid(-40.0), act.sigmoid(40.0)
assert np.isclose(s_left * (1 - s_left), sigmoid.grad(-40.0), rtol=1e-12)  # left tail: fine
assert s_right * (1 - s_right) == 0.0 < sigmoid.grad(40.0)  # right tail: all digits lost
for t in (-20.0, 20.0):
    assert 1 - tanh.fn(t) ** 2 == 0.0 < tanh.grad(t)

# %% [markdown]
# ## The gradient reaching each weight, one layer at a time
#
# To see $f'$ at work inside a network, take one hidden layer of 64 units fed with
# random inputs, send back the same $\delta_a$ for every activation, and compare the
# size of $\partial L/\partial W$: it is $\lVert (f'(z)\odot\delta_a)\,x^\top\rVert$,
# so it scales with the typical value of $f'$ at the pre-activations the layer actually
# sees. One random weight matrix, multiplied by four scales: the pre-activations grow
# with the weights, which pushes sigmoid and tanh into their flat tails:

# %%
rng = np.random.default_rng(1)
x = rng.normal(size=(256, 64))
delta = rng.normal(size=(256, 64))
scales = [0.5, 1.0, 2.0, 4.0]
print(f"{'weight std × √n':>16}" + "".join(f"{n:>11}" for n in names))
table = {}
z_unit = x @ rng.normal(0, 1 / np.sqrt(64), size=(64, 64)).T  # weight std × √n = 1
for scale in scales:
    z = scale * z_unit  # the same weights, scaled
    row = []
    for name in names:
        g = act.get(name).grad(z) * delta
        row.append(np.linalg.norm(g.T @ x) / np.linalg.norm(delta.T @ x))
    table[scale] = dict(zip(names, row, strict=True))
    print(f"{scale:>16}" + "".join(f"{v:>11.3f}" for v in row))
column = {name: np.array([table[s][name] for s in scales]) for name in names}
# with these inputs sigmoid passes less than a quarter; sigmoid and tanh pass less as the
# weights grow
assert np.all(column["sigmoid"] < 0.25)
assert np.all(np.diff(column["sigmoid"]) < 0) and np.all(np.diff(column["tanh"]) < 0)
print(f"√(1/2) = {np.sqrt(0.5):.3f}")
if "relu" in names:
    # ReLU′(cz) = ReLU′(z), and the same for Leaky ReLU: one ratio, bit for bit, at every scale
    for name in ("relu", "leaky_relu"):
        if name in names:
            assert np.all(column[name] == column[name][0]), name
    assert abs(column["relu"][0] - np.sqrt(0.5)) < 0.03
    # as the weights grow, ELU's ratio falls and GELU's rises, both toward ReLU's
    for name, sign in (("elu", -1), ("gelu", 1)):
        if name in names:
            assert np.all(sign * np.diff(column[name]) > 0), name
            gap = np.abs(column[name] - column["relu"])
            assert gap[-1] < gap[0] / 3, name

# %% [markdown]
# The entries are the norm of the weight gradient relative to what an identity activation
# ($f' = 1$) would give.
#
# * Sigmoid's $f' \le 1/4$ scales every entry of $\delta_z$ by at most a quarter, and
#   with these random inputs the ratio stays below $1/4$ (the bound is entrywise, not a
#   bound on this ratio of norms). Sigmoid and tanh pass less as the weights grow and
#   the units saturate.
# * ReLU passes the same fraction at every scale, bit for bit:
#   $\operatorname{ReLU}'(cz) = \operatorname{ReLU}'(z)$ for every $c > 0$, because its
#   derivative depends only on the sign of $z$, so scaling the weights changes neither
#   which units are active nor the ratio (the same holds for Leaky ReLU). That fraction
#   is close to $\sqrt{1/2}$ (printed above): ReLU zeroes the entries whose
#   pre-activation is negative, about half of them, keeps the others unchanged, and
#   norms add in squares.
# * As the weights grow, ELU's ratio falls and GELU's rises, both toward ReLU's value:
#   near 0, ELU′ is close to 1 on both sides and GELU′ close to $1/2$ (the table's
#   $f'(0)$), while for large $|z|$ both derivatives tend to 0 on the left and 1 on the
#   right, like ReLU's. Both saturate on the left, yet GELU passes *more* as the weights
#   grow: saturation alone does not say which way the ratio moves.
