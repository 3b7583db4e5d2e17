"""The NumPy MLP of ``activations.nn``: gradients, losses, determinism, toy problems."""

import numpy as np
import pytest
import scipy.special

import activations as act
from activations import nn

NAMES = act.names()


def _huge_model():
    model = nn.MLP([2, 3, 1], "relu", seed=0)
    for w in model.weights:
        w[:] = 1e300
    return model


def _away_from_kinks(spec, z, gap=1e-3):
    """Move entries of ``z`` that sit within ``gap`` of a kink (finite differences break there)."""
    for kink in spec.kinks:
        close = np.abs(z - kink.at) < gap
        z = np.where(close, kink.at + 10 * gap, z)
    return z


def _rel_err(a, b):
    a, b = np.ravel(a), np.ravel(b)
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def _fd(fun, arr, h=1e-6):
    """Central differences of the scalar ``fun()`` with respect to every entry of ``arr``."""
    out = np.zeros_like(arr)
    flat = arr.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        up = fun()
        flat[i] = old - h
        down = fun()
        flat[i] = old
        out.reshape(-1)[i] = (up - down) / (2 * h)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_activation_backward_matches_finite_differences(name):
    spec = act.get(name)
    rng = np.random.default_rng(0)
    f = nn.Activation(name)
    z = _away_from_kinks(spec, rng.normal(0.0, 2.0, size=(4, 6)))
    out = f(z)
    g = rng.normal(size=np.shape(out))
    analytic = f.backward(z, g)
    numeric = _fd(lambda: float(np.sum(g * f(z))), z)
    assert analytic.shape == z.shape
    assert _rel_err(analytic, numeric) < 1e-6, (name, analytic, numeric)


@pytest.mark.parametrize("name", NAMES)
def test_mlp_backward_matches_finite_differences(name):
    spec = act.get(name)
    rng = np.random.default_rng(1)
    model = nn.MLP([3, 6, 4, 3], name, seed=2)
    # biases move the pre-activations around so that several regimes of f are exercised
    for b in model.biases:
        b[:] = rng.normal(0.0, 0.5, size=b.shape)
    x = rng.normal(size=(5, 3))
    y = np.array([0, 1, 2, 1, 0])
    model.forward(x)
    for _, z, _ in model.cache[:-1]:
        if any(np.any(np.abs(z - k.at) < 1e-4) for k in spec.kinks):
            pytest.fail(f"{name}: a pre-activation sits on a kink; change the seed")

    def loss():
        return nn.softmax_cross_entropy(model.forward(x), y)[0]

    _, grad = nn.softmax_cross_entropy(model.forward(x), y)
    analytic = model.backward(grad)
    for p, g in zip(model.parameters, analytic, strict=True):
        numeric = _fd(loss, p)
        assert _rel_err(g, numeric) < 1e-6, name


def test_no_activation_backward_matches_finite_differences():
    rng = np.random.default_rng(3)
    model = nn.MLP([2, 3, 2], None, seed=0)
    x, t = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    _, grad = nn.mean_squared_error(model.forward(x), t)
    analytic = model.backward(grad)
    for p, g in zip(model.parameters, analytic, strict=True):
        numeric = _fd(lambda: nn.mean_squared_error(model.forward(x), t)[0], p)
        assert _rel_err(g, numeric) < 1e-7


def test_softmax_cross_entropy_matches_definition_and_gradient():
    rng = np.random.default_rng(4)
    z = rng.normal(0.0, 3.0, size=(7, 4))
    y = rng.integers(0, 4, size=7)
    loss, grad = nn.softmax_cross_entropy(z, y)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert loss == pytest.approx(-np.mean(np.log(p[np.arange(7), y])), rel=1e-13)
    onehot = np.eye(4)[y]
    np.testing.assert_allclose(grad, (p - onehot) / 7, rtol=1e-12, atol=1e-15)
    numeric = _fd(lambda: nn.softmax_cross_entropy(z, y)[0], z)
    assert _rel_err(grad, numeric) < 1e-8


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    loss, grad = nn.softmax_cross_entropy(np.array([[1000.0, 0.0], [0.0, 1000.0]]), [0, 0])
    assert loss == pytest.approx(500.0)
    np.testing.assert_allclose(grad, [[0.0, 0.0], [-0.5, 0.5]])  # (p - y) / n


def test_binary_cross_entropy_matches_definition_and_gradient():
    rng = np.random.default_rng(5)
    z = rng.normal(0.0, 3.0, size=(9, 1))
    t = rng.integers(0, 2, size=(9, 1)).astype(float)
    loss, grad = nn.binary_cross_entropy(z, t)
    s = 1 / (1 + np.exp(-z))
    expected = -np.mean(t * np.log(s) + (1 - t) * np.log(1 - s))
    assert loss == pytest.approx(expected, rel=1e-12)
    numeric = _fd(lambda: nn.binary_cross_entropy(z, t)[0], z)
    assert _rel_err(grad, numeric) < 1e-8


def test_binary_cross_entropy_is_stable_for_huge_logits():
    loss, _ = nn.binary_cross_entropy(np.array([[800.0], [-800.0]]), np.array([[0.0], [1.0]]))
    assert loss == pytest.approx(800.0)


def test_mean_squared_error_matches_definition_and_gradient():
    rng = np.random.default_rng(6)
    p, t = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    loss, grad = nn.mean_squared_error(p, t)
    assert loss == pytest.approx(np.mean((p - t) ** 2), rel=1e-14)
    numeric = _fd(lambda: nn.mean_squared_error(p, t)[0], p)
    assert _rel_err(grad, numeric) < 1e-8


def test_same_seed_same_weights_and_training():
    x, y = nn.moons(64, seed=3)
    runs = []
    for _ in range(2):
        model = nn.MLP([2, 8, 8, 2], "relu", seed=11)
        hist = nn.train(model, x, y, optimizer=nn.Adam(0.01), epochs=20, batch_size=16, seed=5)
        runs.append((model.parameters, hist.loss))
    for a, b in zip(runs[0][0], runs[1][0], strict=True):
        np.testing.assert_array_equal(a, b)
    assert runs[0][1] == runs[1][1]
    other = nn.MLP([2, 8, 8, 2], "relu", seed=12)
    assert not np.array_equal(other.weights[0], nn.MLP([2, 8, 8, 2], "relu", seed=11).weights[0])


@pytest.mark.parametrize("make", [nn.xor, nn.moons, nn.spirals, nn.circles])
def test_datasets_are_deterministic(make):
    n = 40
    kwargs = {"noise": 0.1} if make is nn.xor else {}
    x1, y1 = make(n, seed=7, **kwargs)
    x2, y2 = make(n, seed=7, **kwargs)
    x3, _ = make(n, seed=8, **kwargs)
    assert x1.shape == (n, 2) and y1.shape == (n,)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(x1, x3)
    assert set(y1.tolist()) == {0, 1}


def test_two_linear_layers_collapse_to_one():
    rng = np.random.default_rng(8)
    model = nn.MLP([3, 5, 2], None, seed=4)
    for b in model.biases:
        b[:] = rng.normal(size=b.shape)
    (w1, w2), (b1, b2) = model.weights, model.biases
    w, b = w2 @ w1, w2 @ b1 + b2
    x = rng.normal(size=(10, 3))
    np.testing.assert_allclose(model.forward(x), x @ w.T + b, rtol=1e-12, atol=1e-12)


def test_a_non_linear_layer_does_not_collapse():
    model = nn.MLP([3, 5, 2], "relu", seed=4)
    (w1, w2), (b1, b2) = model.weights, model.biases
    x = np.random.default_rng(9).normal(size=(10, 3))
    assert not np.allclose(model.forward(x), x @ (w2 @ w1).T + (w2 @ b1 + b2))


@pytest.mark.parametrize("seed", range(5))
def test_tanh_mlp_solves_xor(seed):
    x, y = nn.xor()
    model = nn.MLP([2, 8, 2], "tanh", seed=seed)
    nn.train(model, x, y, optimizer=nn.Adam(0.05), epochs=300)
    assert nn.accuracy(model, x, y) == 1.0


def test_linear_mlp_cannot_solve_xor():
    x, y = nn.xor()
    model = nn.MLP([2, 8, 8, 2], None, seed=0)
    nn.train(model, x, y, optimizer=nn.Adam(0.05), epochs=300)
    assert nn.accuracy(model, x, y) <= 0.75


def test_binary_output_training():
    x, y = nn.circles(100, seed=0)
    model = nn.MLP([2, 16, 1], "tanh", seed=0)
    hist = nn.train(model, x, y, loss="binary_cross_entropy", optimizer=nn.Adam(0.05), epochs=200)
    assert hist.accuracy[-1] > 0.95
    assert hist.loss[-1] < hist.loss[0]


def test_sgd_momentum_decreases_loss():
    x, y = nn.moons(100, seed=0)
    model = nn.MLP([2, 16, 2], "tanh", seed=0)
    hist = nn.train(model, x, y, optimizer=nn.SGD(0.1, momentum=0.9), epochs=100)
    assert hist.loss[-1] < 0.5 * hist.loss[0]


@pytest.mark.parametrize(
    ("kind", "variance"),
    [
        ("glorot_uniform", 2 / 700),
        ("glorot_normal", 2 / 700),
        ("he_normal", 2 / 400),
        ("he_uniform", 2 / 400),
        ("lecun_normal", 1 / 400),
    ],
)
def test_initialisation_variances(kind, variance):
    w = nn.initialise(kind, 400, 300, np.random.default_rng(0))
    assert w.shape == (300, 400)
    assert w.var() == pytest.approx(variance, rel=0.02)
    assert abs(w.mean()) < 0.01 * np.sqrt(variance)


def test_grad_norms_and_stats_have_one_entry_per_layer():
    x, y = nn.spirals(50, seed=0)
    model = nn.MLP([2, 8, 8, 8, 2], "tanh", seed=0)
    hist = nn.train(model, x, y, epochs=3)
    assert hist.grad_norms[0].shape == (4,)
    stats = nn.activation_stats(model, x)
    assert stats["mean"].shape == stats["std"].shape == (3,)
    assert np.all(np.abs(stats["mean"]) < 1) and np.all(stats["std"] > 0)


def test_dead_units_are_counted():
    model = nn.MLP([1, 4, 1], "relu", seed=0)
    model.weights[0][:] = 1.0
    model.biases[0][:] = [-5.0, -5.0, 5.0, 0.0]
    x = np.linspace(-1, 1, 11).reshape(-1, 1)
    np.testing.assert_array_equal(nn.dead_unit_fraction(model, x), [0.5])


def test_activation_parameters_are_passed_through():
    f = nn.Activation("relu")
    assert f.params == {}
    with pytest.raises(TypeError, match="Activation: relu has no parameter"):
        nn.Activation("relu", alpha=1.0)


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: nn.MLP([2], "relu"), ValueError, "MLP: sizes"),
        (lambda: nn.MLP([2, 0, 1], "relu"), ValueError, "MLP: sizes"),
        (lambda: nn.MLP([2, 3, 3, 1], ["relu"]), ValueError, "MLP: got 1 activations"),
        (lambda: nn.MLP([2, 3, 1], "nonsense"), KeyError, "no activation named"),
        (lambda: nn.MLP([2, 3, 1]).forward(np.zeros((4, 3))), ValueError, "MLP.forward"),
        (lambda: nn.MLP([2, 3, 1]).backward(np.zeros((4, 1))), RuntimeError, "MLP.backward"),
        (lambda: nn.MLP([2, 3, 1]).forward([[np.inf, 0.0]]), ValueError, "input contains NaN"),
        (lambda: _huge_model().forward([[1e300, 1e300]]), FloatingPointError, "NaN or inf"),
        (lambda: nn.softmax_cross_entropy([[0.0, 1.0]], [2]), ValueError, "labels"),
        (lambda: nn.softmax_cross_entropy([[np.nan, 1.0]], [0]), ValueError, "NaN"),
        (lambda: nn.binary_cross_entropy([[0.0]], [[2.0]]), ValueError, r"\[0, 1\]"),
        (lambda: nn.mean_squared_error([[0.0]], [[1.0, 2.0]]), ValueError, "do not match"),
        (lambda: nn.SGD(-1.0), ValueError, "SGD: lr"),
        (lambda: nn.Adam(0.1, beta1=1.0), ValueError, "Adam: beta1"),
        (lambda: nn.initialise("zeros", 2, 2, np.random.default_rng()), ValueError, "unknown"),
        (lambda: nn.initialise("he_normal", 2, 2, 0), TypeError, "Generator"),
        (lambda: nn.moons(1), ValueError, "moons: n"),
        (lambda: nn.spirals(10, noise=-1.0), ValueError, "spirals: noise"),
        (lambda: nn.circles(10, factor=2.0), ValueError, "circles: factor"),
        (lambda: nn.train(nn.MLP([2, 1]), *nn.xor(), loss="hinge"), ValueError, "train: unknown"),
    ],
)
def test_bad_input_raises_clear_errors(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_divergence_is_reported_not_returned():
    x, y = nn.moons(50, seed=0)
    model = nn.MLP([2, 16, 2], "relu", seed=0)
    with pytest.raises(FloatingPointError, match="train: diverged in epoch"):
        nn.train(model, x * 1e150, y, optimizer=nn.SGD(1e150), epochs=5)


def test_log_sigmoid_fallback_agrees_with_scipy():
    z = np.array([[-50.0], [0.0], [50.0]])
    loss, _ = nn.binary_cross_entropy(z, np.ones_like(z))
    assert loss == pytest.approx(-np.mean(scipy.special.log_expit(z)))
