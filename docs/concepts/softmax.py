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
# # Softmax and cross-entropy
#
# Softmax turns a row of scores (logits) $z \in \mathbb{R}^K$ into a probability
# distribution,
#
# $$
# \operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}},
# $$
#
# and cross-entropy $L = -\log p_y$ scores it against the true class $y$. This page
# derives softmax's Jacobian, shows with the catalog's vector–Jacobian product why the
# gradient of the pair is simply $p - y$, and shows how the textbook formula overflows
# and how subtracting the maximum (and, for the log, log-sum-exp) cures it.
#
# One of the write-ups this site draws on says that the derivative of softmax is
# "typically not used explicitly in backpropagation" and, later, "not directly used".
# That is true of the Jacobian as a matrix, which nobody forms; but the derivative is
# used every time softmax is trained: multiplied with the derivative of cross-entropy it
# simplifies to $p - y$, which is what the loss functions of the frameworks compute
# (details at the end).

# %%
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: BLAS threads only cost

import matplotlib.pyplot as plt
import numpy as np

import activations as act
from activations import nn

plt.rcParams.update({"figure.dpi": 96, "axes.grid": True, "grid.alpha": 0.3})
softmax, log_softmax = act.get("softmax"), act.get("log_softmax")

# %% [markdown]
# ## The Jacobian
#
# With $p = \operatorname{softmax}(z)$, differentiate $p_i = e^{z_i} / S$,
# $S = \sum_j e^{z_j}$, with respect to $z_k$ by the quotient rule
# ($\partial S/\partial z_k = e^{z_k}$):
#
# $$
# \frac{\partial p_i}{\partial z_k}
# = \frac{[i = k]\, e^{z_i} S - e^{z_i} e^{z_k}}{S^2}
# = p_i\,([i = k] - p_k),
# \qquad\text{i.e.}\qquad
# J = \operatorname{diag}(p) - p\,p^{\top}.
# $$
#
# $J$ is symmetric, and every row sums to $p_i - p_i \sum_k p_k = 0$: adding the same
# constant to every logit does not change $p$ (softmax is shift-invariant). Backprop
# never needs $J$ itself, only products $J^\top g$ with the incoming gradient $g$,
# which cost $O(K)$ instead of $O(K^2)$:
#
# $$
# J^{\top} g = p \odot \bigl(g - (p^\top g)\,\mathbf{1}\bigr).
# $$
#
# The catalog's `softmax.vjp(z, g)` computes this product. Applying it to the $K$ unit
# vectors recovers the full Jacobian, which matches the formula:

# %%
z = np.array([2.0, 1.0, 0.1, -1.0])
p = softmax.fn(z)
J_formula = np.diag(p) - np.outer(p, p)
J_vjp = np.array([softmax.vjp(z, e) for e in np.eye(len(z))])  # row k = J^T e_k
print("p =", np.round(p, 4), " sum =", p.sum())
print("J (from the vjp):")
print(np.round(J_vjp, 4))
print(f"largest difference from diag(p) - p p^T: {np.max(np.abs(J_vjp - J_formula)):.1e}")
print(f"largest row sum: {np.max(np.abs(J_vjp.sum(axis=1))):.1e}")
assert np.allclose(J_vjp, J_formula, rtol=0, atol=1e-15)
assert np.allclose(J_vjp, J_vjp.T, rtol=0, atol=1e-16)
print("softmax(z + 1000) == softmax(z):", np.allclose(softmax.fn(z + 1000.0), p, rtol=1e-14))

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
axes[0].bar(range(len(z)), p, color="#3182bd")
axes[0].set_title(f"softmax of z = {z.tolist()}")
axes[0].set_xlabel("class i")
axes[0].set_xticks(range(len(z)))
im = axes[1].imshow(J_vjp, cmap="RdBu_r", vmin=-0.25, vmax=0.25)
axes[1].set_title("Jacobian ∂p_i/∂z_k")
axes[1].set_xlabel("k")
axes[1].set_ylabel("i")
axes[1].set_xticks(range(len(z)))
axes[1].set_yticks(range(len(z)))
axes[1].grid(False)
fig.colorbar(im, ax=axes[1])
fig.tight_layout()

# %% [markdown]
# The diagonal is positive (raising a logit raises its own probability), everything
# else negative (and takes probability from the others).
#
# ## Why the gradient of softmax + cross-entropy is $p - y$
#
# With $y$ the one-hot vector of the true class, $L = -\sum_i y_i \log p_i$, so
# $\partial L/\partial p_i = -y_i / p_i$. The chain rule through softmax multiplies by
# $J^\top$:
#
# $$
# \frac{\partial L}{\partial z_k} = \sum_i \frac{\partial L}{\partial p_i}\,
# \frac{\partial p_i}{\partial z_k}
# = -\sum_i \frac{y_i}{p_i}\, p_i ([i=k] - p_k)
# = -y_k + p_k \sum_i y_i = p_k - y_k .
# $$
#
# The Jacobian is there, and it cancels the $1/p$ of the logarithm. Numerically, with
# the catalog's vjp on a batch of random logits:

# %%
rng = np.random.default_rng(0)
logits = rng.normal(0.0, 3.0, size=(6, 5))
labels = rng.integers(0, 5, size=6)
Y = np.eye(5)[labels]
P = softmax.fn(logits)
through_jacobian = softmax.vjp(logits, -Y / P)  # chain rule: J^T (dL/dp)
combined = P - Y
print(f"max |J^T(-y/p) - (p - y)| = {np.max(np.abs(through_jacobian - combined)):.1e}")
assert np.allclose(through_jacobian, combined, rtol=0, atol=1e-12)

# the same through log_softmax: L = -y . log_softmax(z), whose vjp with g = -y is p - y
via_log = log_softmax.vjp(logits, -Y)
print(f"max |log_softmax vjp(-y) - (p - y)| = {np.max(np.abs(via_log - combined)):.1e}")
assert np.allclose(via_log, combined, rtol=0, atol=1e-15)

# and the loss of activations.nn, which returns the mean over the batch
loss, grad = nn.softmax_cross_entropy(logits, labels)
print(
    f"nn.softmax_cross_entropy: loss {loss:.4f}, gradient matches (p - y)/n:",
    np.allclose(grad, combined / len(labels), rtol=0, atol=1e-16),
)

# %% [markdown]
# The gradient $p - y$ is bounded (every entry is in $[-1, 1]$), never vanishes while
# the prediction is wrong, and needs no division by a possibly tiny $p$. The same
# cancellation happens for a sigmoid output with binary cross-entropy: the gradient
# with respect to the logit is $\sigma(z) - t$. Sigmoid *is* the two-class softmax,
# $\sigma(x) = \operatorname{softmax}([x, 0])_0$:

# %%
xs = np.linspace(-30, 30, 121)
two_class = softmax.fn(np.column_stack([xs, np.zeros_like(xs)]))[:, 0]
gap = np.max(np.abs(two_class - act.sigmoid(xs)) / act.sigmoid(xs))
print(f"max relative difference between softmax([x, 0])[0] and sigmoid(x): {gap:.1e}")
assert gap < 1e-14

# %% [markdown]
# ## Overflow of the textbook formula
#
# $e^{z}$ overflows float64 for $z$ above about 709.78 (and float32 above about 88.72),
# so `np.exp(z) / np.sum(np.exp(z))` returns `nan` ($\infty/\infty$) in every entry
# whose exponential overflows, and 0 (finite$/\infty$) in the others. Large negative
# logits fail too: if every $e^{z_j}$ underflows to 0 the result is $0/0$. Logits of
# that size come from unnormalised scores, or from a low softmax temperature $T$
# (softmax of $z/T$ multiplies the logits by $1/T$). The threshold is $\ln$ of the
# largest float:

# %%
for dtype in (np.float64, np.float32):
    print(
        f"{np.dtype(dtype).name}: exp overflows above ln(max) = {np.log(np.finfo(dtype).max):.2f}"
    )


def naive_softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def max_subtracted(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


rows = {
    "moderate": np.array([1.0, 2.0, 3.0]),
    "large": np.array([1000.0, 1001.0, 1002.0]),
    "very negative": np.array([-1000.0, -1001.0, -1002.0]),
}
with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
    for label, row in rows.items():
        print(
            f"{label:>13}: naive {naive_softmax(row)}  max-subtracted "
            f"{np.round(max_subtracted(row), 6)}  catalog {np.round(softmax.fn(row), 6)}"
        )
    assert np.all(np.isnan(naive_softmax(rows["large"])))
    assert np.all(np.isnan(naive_softmax(rows["very negative"])))
    mixed = np.array([1000.0, 0.0, -1000.0])
    print(f"{'mixed':>13}: naive {naive_softmax(mixed)}  catalog {softmax.fn(mixed)}")
    assert np.isnan(naive_softmax(mixed)[0]) and np.all(naive_softmax(mixed)[1:] == 0)
assert np.allclose(softmax.fn(rows["large"]), softmax.fn(rows["moderate"]), rtol=1e-15)

# %% [markdown]
# Subtracting the row maximum $m$ uses shift invariance,
# $\operatorname{softmax}(z) = \operatorname{softmax}(z - m)$: for finite logits the
# largest exponent is then $e^0 = 1$, so nothing overflows and the denominator is at
# least 1, so nothing is $0/0$.
#
# Infinite logits are the exception. An attention mask can set the scores of the
# excluded positions to $-\infty$ (PyTorch 2.13.0's `scaled_dot_product_attention` does
# so for a boolean mask, in the reference code of its documentation), and a row in which
# *every* position is excluded has $m = -\infty$ and $z - m = -\infty - (-\infty)$,
# which is `nan`. Such a row has no softmax (the limit depends on how the entries went
# to $-\infty$), and the catalog returns `nan` for it, as for two $+\infty$ entries; a
# single $+\infty$ gives the one-hot limit (all three printed below). The frameworks
# agree on the fully masked row: `torch.softmax` in PyTorch 2.13.0 and `jax.nn.softmax`
# in JAX 0.10.2 return `nan` too. Their masked forms return zeros instead:
# `jax.nn.softmax(x, where=mask)` ("The output for any masked-out element is zero", its
# docstring in JAX 0.10.2), and `scaled_dot_product_attention` in PyTorch 2.13.0, whose
# math implementation calls `_safe_softmax`, a softmax that sets a row of only $-\infty$
# to zeros (`aten/src/ATen/native/transformers/attention.cpp`, since pull request 133882
# of pytorch/pytorch). Code that masks with $-\infty$ and calls plain softmax needs its
# own guard.

# %%
inf = np.inf
special = {
    "every entry -inf": np.array([-inf, -inf, -inf]),
    "two entries +inf": np.array([inf, 0.0, inf]),
    "one entry +inf": np.array([inf, 0.0, -inf]),
}
for label, row in special.items():
    print(f"{label:>17}: catalog softmax {softmax.fn(row)}")
assert np.all(np.isnan(softmax.fn(special["every entry -inf"])))
assert np.all(np.isnan(softmax.fn(special["two entries +inf"])))
assert np.array_equal(softmax.fn(special["one entry +inf"]), [1.0, 0.0, 0.0])

# %% [markdown]
# A trap in copied code: the max-subtracted one-liner is often written for a single
# vector, as `np.exp(x - np.max(x)) / np.exp(x - np.max(x)).sum(axis=0)`. Given a
# *batch* of rows it sums down the columns, so it normalises across the batch instead
# of across the classes. It also subtracts the maximum of the whole array instead of
# each row's: mathematically that changes nothing, but numerically a row whose entries
# all lie more than about 745 below the batch maximum underflows to $0/0$ = `nan`, even
# when the sum is taken along the right axis:

# %%
batch = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
e = np.exp(batch - np.max(batch))
wrong = e / e.sum(axis=0)
print("axis=0 version, row sums:", wrong.sum(axis=1))
print("catalog softmax (axis=-1), row sums:", softmax.fn(batch).sum(axis=1))
assert not np.allclose(wrong.sum(axis=1), 1.0)

far = np.array([[1000.0, 999.0], [0.0, 1.0]])
with np.errstate(invalid="ignore"):
    e = np.exp(far - np.max(far))
    batch_max = e / e.sum(axis=-1, keepdims=True)
print("batch maximum subtracted, right axis:", batch_max.tolist())
print("catalog softmax (row maximum):       ", softmax.fn(far).tolist())
tiny = np.nextafter(0.0, 1.0)
print(f"smallest float64 subnormal: {tiny:.3g} = e^{np.log(tiny):.1f}")
assert np.all(np.isnan(batch_max[1])) and np.all(np.isfinite(softmax.fn(far)))
assert -746 < np.log(tiny) < -744

# %% [markdown]
# ## The log of softmax: log-sum-exp
#
# Cross-entropy needs $\log p_y$, and `np.log(softmax(z))` fails in a new way: a
# probability that underflows to 0 gives $\log 0 = -\infty$ although the true
# log-probability is a perfectly ordinary number. The cure is never to form $p$:
#
# $$
# \log \operatorname{softmax}(z)_i = z_i - \operatorname{LSE}(z), \qquad
# \operatorname{LSE}(z) = m + \log \sum_j e^{z_j - m}, \quad m = \max_j z_j .
# $$

# %%
z = np.array([0.0, -800.0])
with np.errstate(divide="ignore"):
    naive_log = np.log(max_subtracted(z))
print("log(max-subtracted softmax):", naive_log)
print("catalog log_softmax:        ", log_softmax.fn(z))
assert np.isneginf(naive_log[1]) and log_softmax.fn(z)[1] == -800.0

scales = np.logspace(0, 3.2, 60)
fig, ax = plt.subplots(figsize=(7, 3.6))
with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
    naive_loss = [-np.log(naive_softmax(np.array([s, 0.0, -s]))[1]) for s in scales]
    stable_loss = [-log_softmax.fn(np.array([s, 0.0, -s]))[1] for s in scales]
ax.plot(scales, stable_loss, label="catalog log_softmax (log-sum-exp)", lw=3, alpha=0.6)
ax.plot(scales, naive_loss, "--", label="-log(naive softmax)")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("logit scale s  (logits = [s, 0, -s], true class 1)")
ax.set_ylabel("cross-entropy")
ax.legend()
fig.tight_layout()
finite = np.isfinite(naive_loss)
first_bad = scales[~finite][0]
print(f"first grid scale where the naive cross-entropy is not finite: s = {first_bad:.1f}")
with np.errstate(over="ignore", invalid="ignore"):
    p_there = naive_softmax(np.array([first_bad, 0.0, -first_bad]))
print(
    f"there: naive softmax {p_there}, "
    f"naive loss {naive_loss[np.argmin(finite)]}; "
    f"{np.sum(np.isposinf(naive_loss))} of the {np.sum(~finite)} non-finite losses are +inf"
)
print(f"log-sum-exp at the largest scale s = {scales[-1]:.1f}: loss {stable_loss[-1]:.1f}")
assert np.all(np.isfinite(stable_loss)) and not np.all(finite)
assert np.all(np.isposinf(np.array(naive_loss)[~finite]))
assert abs(stable_loss[-1] - scales[-1]) < 1e-9 * scales[-1]

# %% [markdown]
# The true loss here is very nearly $s$ (the correct class is $s$ below the best
# one), which log-sum-exp returns. The naive version gives $\infty$ from the first
# non-finite grid point on: $p_1 = 0$ (finite$/\infty$), so $-\log p_1 = \infty$, while
# the probability of the overflowing class is `nan` ($\infty/\infty$); all printed above.
#
# That is why the cross-entropy losses of the frameworks take logits and never form the
# Jacobian. In TensorFlow, `tf.nn.softmax_cross_entropy_with_logits` is built on the
# fused kernel `tf.raw_ops.SoftmaxCrossEntropyWithLogits`, which "computes softmax cross
# entropy cost and gradients to backpropagate" in one step (API documentation r2.13).
# PyTorch 2.13.0's `torch.nn.CrossEntropyLoss` with class-index targets is, in its
# documentation's words, "equivalent to applying LogSoftmax on an input, followed by
# NLLLoss": the log-softmax route of the cell above. JAX 0.10.2 has no cross-entropy
# in `jax.nn`; the loss is written with `jax.nn.log_softmax`, and reverse-mode autodiff
# computes vector–Jacobian products by construction. And a network's last layer should
# output logits and leave softmax to the loss.
#
# ## What to take away
#
# * $J = \operatorname{diag}(p) - pp^\top$; backprop uses it through the product
#   $J^\top g = p \odot (g - p^\top g)$.
# * Softmax followed by cross-entropy has the gradient $p - y$; sigmoid followed by
#   binary cross-entropy has $\sigma(z) - t$. The derivative of softmax is used; it
#   simplifies.
# * Compute softmax with each row's own maximum subtracted, along the class axis;
#   compute its logarithm with log-sum-exp, never as `log(softmax(z))`.
# * A row whose every entry is $-\infty$ (a fully masked attention row) has no softmax:
#   the catalog, `torch.softmax` and `jax.nn.softmax` return `nan`; guard it, or use a
#   masked form that returns zeros.
