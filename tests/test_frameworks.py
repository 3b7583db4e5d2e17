"""The catalog's framework statements, read from the installed frameworks.

Every ``Framework`` entry of the catalog names API objects and their defaults, and every
``Kink.frameworks`` records what a framework's automatic differentiation returns at a
kink. These tests read both from PyTorch, JAX and Keras 3 (JAX backend) when the
installed release is the one ``FRAMEWORK_VERSIONS`` names, and skip otherwise; none of
them is a requirement of the project. tf.keras 2 entries are cited from its source.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
import warnings

import numpy as np
import pytest

import activations as act

os.environ.setdefault("KERAS_BACKEND", "jax")

FRAMEWORK_MODULE = {name: v.module for name, v in act.FRAMEWORK_VERSIONS.items() if v.module}


def _framework(name: str):
    """The installed module of a framework, or skip."""
    version = act.FRAMEWORK_VERSIONS[name]
    module = pytest.importorskip(version.module)
    installed = module.__version__.split("+")[0]
    wanted = version.version
    if installed.split(".")[:2] != wanted.split(".")[:2]:
        pytest.skip(f"{name} {installed} installed; the catalog describes {wanted}")
    if name == "Keras 3" and module.backend.backend() != "jax":
        pytest.skip("Keras is not on its JAX backend")
    if name in ("JAX", "Keras 3"):
        import jax

        jax.config.update("jax_enable_x64", True)
    return module


ENTRIES = [
    (spec, fw, api)
    for spec in act.specs()
    for fw in spec.frameworks
    if fw.framework in FRAMEWORK_MODULE
    for api in (n.strip() for n in fw.name.split(" / "))
    if api not in {"", "—", "-"}
]


def _resolve(api: str):
    parts = api.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for attr in parts[i:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(api)


def _defaults(obj) -> dict:
    """Keyword defaults of a function or of a class's constructor; builtins (PyTorch's
    C functions) are read from the signature line of their docstring."""
    target = obj.__init__ if inspect.isclass(obj) else obj
    try:
        params = inspect.signature(target).parameters.values()
        return {p.name: p.default for p in params if p.kind is not p.VAR_KEYWORD}
    except (TypeError, ValueError):
        lines = (obj.__doc__ or "").strip().splitlines()
        match = re.search(r"\((.*)\)", lines[0]) if lines else None
        if match is None:  # no signature anywhere (torch.relu): no keyword defaults
            return {}
        args = match.group(1)
        out = {}
        for part in args.split(","):
            part = part.strip().lstrip("*")
            if "=" in part:
                key, value = part.split("=", 1)
                out[key.strip()] = eval(value, {"inf": float("inf")})
            elif part:
                out[part] = inspect.Parameter.empty
        return out


def _as_catalog(key: str, value):
    """A framework's default in the catalog's terms (PReLU's initialiser)."""
    if key == "weight" and isinstance(value, str):
        return {"zeros": 0.0}[value.lower()]
    return value


@pytest.mark.parametrize(
    ("spec", "fw", "api"), ENTRIES, ids=[f"{s.name}-{fw.framework}-{a}" for s, fw, a in ENTRIES]
)
def test_framework_entry_names_an_object_with_the_stated_defaults(spec, fw, api):
    _framework(fw.framework)
    obj = _resolve(api)
    assert callable(obj), api
    if api == "torch.nn.Softmax2d":
        pytest.skip("no dim argument; checked by test_pytorch_softmax2d_is_over_dim_minus_3")
    found = _defaults(obj)
    for key, stated in fw.defaults.items():
        name = fw.param_names.get(key, key)
        if name == "axis" and fw.framework == "PyTorch":
            name = "dim"
        if stated is None:  # no such parameter
            assert name not in found, (api, name, found.get(name))
        elif stated is act.REQUIRED and name in found:
            assert found[name] is inspect.Parameter.empty, (api, name, found[name])
        elif stated is act.REQUIRED:  # no readable signature: call it without the argument
            torch = _framework("PyTorch")
            with pytest.raises(TypeError):
                obj(torch.zeros(2, 3))
        elif stated is act.IMPLICIT:
            assert name in found and found[name] is None, (api, name, found.get(name))
        elif key in fw.values:  # the page shows the framework's own spelling
            assert name in found and found[name] is not inspect.Parameter.empty, (api, name)
            assert type(found[name]) is type(fw.values[key]), (api, name, found[name])
            assert found[name] == fw.values[key], (api, name, found[name])
        else:
            value = found.get(name, inspect.Parameter.empty)
            assert value is not inspect.Parameter.empty, (api, name)
            assert type(_as_catalog(key, value)) is not bool or type(stated) is bool, (
                f"{api}: {name} is a bool; give Framework.values its spelling"
            )
            assert _as_catalog(key, value) == stated, (api, name, value)


def _torch_grad(torch, f, x):
    t = torch.tensor([x], dtype=torch.float64, requires_grad=True)
    f(t).sum().backward()
    return float(t.grad[0])


def _torch_table(torch):
    F = torch.nn.functional
    return {
        "hard_sigmoid": F.hardsigmoid,
        "hard_tanh": F.hardtanh,
        "softsign": F.softsign,
        "relu": torch.relu,
        "relu6": F.relu6,
        "leaky_relu": F.leaky_relu,
        "prelu": lambda x: F.prelu(x, torch.tensor([0.25], dtype=x.dtype)),
        "rrelu": lambda x: F.rrelu(x, training=False),
        "threshold": lambda x: F.threshold(x, 0.0, 0.0),
        "elu": F.elu,
        "celu": F.celu,
        "selu": F.selu,
        "hard_swish": F.hardswish,
        "hardshrink": F.hardshrink,
        "softshrink": F.softshrink,
    }


def _jax_table(jax):
    nn = jax.nn
    return {
        "hard_sigmoid": nn.hard_sigmoid,
        "hard_tanh": nn.hard_tanh,
        "softsign": nn.soft_sign,
        "relu": nn.relu,
        "relu6": nn.relu6,
        "leaky_relu": nn.leaky_relu,
        "elu": nn.elu,
        "celu": nn.celu,
        "selu": nn.selu,
        "hard_swish": nn.hard_swish,
        "sparse_sigmoid": nn.sparse_sigmoid,
        "sparse_plus": nn.sparse_plus,
        "binary_step": lambda x: jax.numpy.heaviside(x, 1.0),
    }


def _keras_table(keras):
    a = keras.activations
    return {
        "hard_sigmoid": a.hard_sigmoid,
        "hard_tanh": a.hard_tanh,
        "relu": a.relu,
        "relu6": a.relu6,
        "leaky_relu": a.leaky_relu,
        "prelu": lambda x: keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25))(
            x
        ),
        "threshold": lambda x: a.threshold(x, 0.0, 0.0),
        "elu": a.elu,
        "celu": a.celu,
        "selu": a.selu,
        "hard_swish": a.hard_swish,
        "hardshrink": a.hard_shrink,
        "softshrink": a.soft_shrink,
        "sparse_sigmoid": a.sparse_sigmoid,
        "sparse_plus": a.sparse_plus,
    }


KINKS = [
    (spec, kink, framework)
    for spec in act.specs()
    for kink in spec.kinks
    for framework in kink.frameworks
]


@pytest.mark.parametrize(
    ("spec", "kink", "framework"),
    KINKS,
    ids=[f"{s.name}-{k.at}-{f}" for s, k, f in KINKS],
)
def test_kink_gradient_is_what_the_framework_returns(spec, kink, framework):
    module = _framework(framework)
    if framework == "PyTorch":
        got = _torch_grad(module, _torch_table(module)[spec.name], kink.at)
    else:
        import jax

        if framework == "JAX":
            f = _jax_table(jax)[spec.name]
        else:
            g = _keras_table(module)[spec.name]

            def f(v):
                return module.ops.sum(g(jax.numpy.reshape(v, (1, 1))))

        got = float(jax.grad(lambda v: jax.numpy.sum(f(v)))(jax.numpy.float64(kink.at)))
    assert got == pytest.approx(kink.frameworks[framework], rel=1e-14, abs=0)


def test_pytorch_softmax_dim_is_chosen_implicitly_with_a_warning():
    torch = _framework("PyTorch")
    F = torch.nn.functional
    x = torch.zeros(2, 3, 4)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        implicit = F.softmax(x)
    assert any("Implicit dimension" in str(w.message) for w in caught)
    assert torch.equal(implicit, F.softmax(x, dim=0))  # 3-D input: dim 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert torch.equal(F.softmax(torch.zeros(2, 3)), F.softmax(torch.zeros(2, 3), dim=1))


def test_pytorch_softmax2d_is_over_dim_minus_3():
    torch = _framework("PyTorch")
    x = torch.randn(2, 3, 4, 5, dtype=torch.float64)
    assert torch.allclose(torch.nn.Softmax2d()(x), torch.softmax(x, dim=-3))


def test_pytorch_heaviside_has_no_derivative():
    torch = _framework("PyTorch")
    x = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    with pytest.raises(RuntimeError, match="not implemented"):
        torch.heaviside(x, torch.ones(1, dtype=torch.float64)).sum().backward()


def test_keras_3_hard_sigmoid_is_this_librarys():
    keras = _framework("Keras 3")
    x = np.linspace(-5.0, 5.0, 101)
    theirs = np.asarray(keras.activations.hard_sigmoid(x))
    np.testing.assert_allclose(theirs, act.hard_sigmoid(x), rtol=0, atol=1e-7)
