"""SymPy vocabulary shared by the specs: the input symbol, named special functions
(σ, Φ) that print as textbooks write them, and the LaTeX printer.

The named functions know their derivatives and how to rewrite themselves in
elementary terms, so SymPy can check every derivation, and they map to accurate
mpmath functions so the same expressions serve as the high-precision reference.
"""

from __future__ import annotations

import mpmath
import sympy as sp
from sympy.printing.latex import LatexPrinter

X = sp.Symbol("x", real=True)
"""The input variable of every elementwise expression."""


class sigmoid(sp.Function):  # lower case: lambdify prints this name
    r"""The logistic function :math:`\sigma(x) = 1 / (1 + e^{-x})`."""

    nargs = 1

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + sp.exp(-arg))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = rf"\sigma\left({printer._print(self.args[0])}\right)"
        return rf"{inner}^{{{exp}}}" if exp else inner


class Phi(sp.Function):
    r"""The standard normal CDF :math:`\Phi(x) = \tfrac12\operatorname{erfc}(-x/\sqrt2)`."""

    nargs = 1

    def fdiff(self, argindex=1):
        t = self.args[0]
        return sp.exp(-(t**2) / 2) / sp.sqrt(2 * sp.pi)

    def _eval_rewrite_as_erf(self, arg, **kwargs):
        return (1 + sp.erf(arg / sp.sqrt(2))) / 2

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return self._eval_rewrite_as_erf(arg)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = rf"\Phi\left({printer._print(self.args[0])}\right)"
        return rf"{inner}^{{{exp}}}" if exp else inner


def elementary(expr: sp.Expr) -> sp.Expr:
    """Rewrite σ and Φ in terms of exp and erf (for SymPy simplification)."""
    return expr.replace(sigmoid, lambda a: 1 / (1 + sp.exp(-a))).replace(
        Phi, lambda a: (1 + sp.erf(a / sp.sqrt(2))) / 2
    )


def _mp_sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def _mp_phi(x):
    # mpmath.ncdf overflows below about -1.3e154; Φ(-1e6) is already far below any float
    return mpmath.ncdf(x) if x > -1e6 else mpmath.mpf(0)


MPMATH_NAMESPACE = {"sigmoid": _mp_sigmoid, "Phi": _mp_phi}
"""Accurate mpmath versions of the named functions, for ``sympy.lambdify``."""


class _Printer(LatexPrinter):
    """SymPy's LaTeX printer with textbook spellings for piecewise functions."""

    def _print_Piecewise(self, expr):
        rows = []
        for value, cond in expr.args:
            if cond is sp.true:
                rows.append(rf"{self._print(value)} & \text{{otherwise}}")
            else:
                rows.append(rf"{self._print(value)} & \text{{if }} {self._print(cond)}")
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"


def to_latex(expr: sp.Expr, names: dict[sp.Symbol, str] | None = None) -> str:
    """LaTeX of a spec expression, with parameter symbols spelled as ``names`` says."""
    return _Printer({"symbol_names": names or {}, "order": "none"}).doprint(expr)
