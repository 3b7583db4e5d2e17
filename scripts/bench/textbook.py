"""The textbook formula kept in each spec (``spec.naive``), as a function of x."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import numpy as np
import scipy
import scipy.special


def textbook_function(spec: Any, quantity: str) -> Callable[..., Any] | None:
    """The spec's textbook formula (``spec.naive.fn`` for quantity ``"f"``, else
    ``.grad``) as a function of x, or None when the spec keeps none.

    The formula is a Python expression in ``x``, ``np`` (and ``scipy``, for
    ``scipy.special.erf``) and the parameter names, evaluated with the spec's default
    parameters (or those passed), floating-point warnings silenced.  A few
    statements separated by ``;`` whose last one is an expression are accepted too.
    """
    src = spec.naive.fn if quantity == "f" else spec.naive.grad
    if not src:
        return None
    tree = ast.parse(src.strip(), mode="exec")
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise ValueError(f"{spec.name}: textbook {quantity} does not end in an expression")
    where = f"<{spec.name} textbook {quantity}>"
    setup = compile(ast.Module(body=tree.body[:-1], type_ignores=[]), where, "exec")
    value = compile(ast.Expression(body=tree.body[-1].value), where, "eval")
    defaults = dict(spec.params)

    def textbook(x: Any, **params: Any) -> Any:
        namespace = {"np": np, "scipy": scipy, "x": x, **defaults, **params}
        with np.errstate(all="ignore"):
            exec(setup, namespace)
            return eval(value, namespace)

    return textbook
