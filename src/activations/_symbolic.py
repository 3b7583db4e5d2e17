"""SymPy vocabulary shared by the specs: the input symbol, named special functions
(σ, Φ) that print as textbooks write them, the notation of the display forms, and
the LaTeX printer.

The named functions know their derivatives and how to rewrite themselves in
elementary terms, so SymPy can check every derivation, and they map to accurate
mpmath functions so the same expressions serve as the high-precision reference.

A spec's *display form* is an unevaluated expression built from SymPy objects and
the :class:`Notation` classes below (``clip``, ``[t]₊``, ``max`` in a fixed order, a
fraction kept whole …): it prints the way a textbook writes the formula, and
:func:`standard` turns it back into an ordinary expression, so the tests can prove it
equal to the spec's ``expr``.  Each :class:`Named` function also carries its
definition, which the pages print under every formula that uses it.
"""

from __future__ import annotations

from typing import ClassVar

import mpmath
import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE

X = sp.Symbol("x", real=True)
"""The input variable of every elementwise expression."""

T = sp.Symbol("t", real=True)
"""The argument of a named function in its definition (σ(t) = …)."""


class sigmoid(sp.Function):  # lower case: lambdify prints this name
    r"""The logistic function :math:`\sigma(x) = 1 / (1 + e^{-x})`."""

    nargs = 1
    head = r"\sigma"
    meaning = "the logistic sigmoid"

    @classmethod
    def definition(cls):
        return cls(T), frac(1, sp.Add(1, sp.exp(-T), evaluate=False))

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + sp.exp(-arg))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        return _call(printer, r"\sigma", self.args, exp)


class Phi(sp.Function):
    r"""The standard normal CDF :math:`\Phi(x) = \tfrac12\operatorname{erfc}(-x/\sqrt2)`."""

    nargs = 1
    head = r"\Phi"
    meaning = "the standard normal cumulative distribution function"

    @classmethod
    def definition(cls):
        s = sp.Symbol("s", real=True)
        return cls(T), sp.Integral(phi(s), (s, -sp.oo, T))

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
        return _call(printer, r"\Phi", self.args, exp)


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


# ---------------------------------------------------------------- notation


class Notation(sp.Function):
    """A function that is only notation: it prints as textbooks write it and
    :meth:`standard` gives the ordinary SymPy expression it stands for."""

    def standard(self) -> sp.Expr:
        raise NotImplementedError

    def _eval_evalf(self, prec):
        # by its meaning, never by a same-named mpmath function (mpmath.frac)
        value = self.standard()
        return None if value is self else value._eval_evalf(prec)

    def doit(self, **hints):
        value = self.standard()
        return super().doit(**hints) if value is self else value.doit(**hints)


class Named(Notation):
    """Notation a reader may not know by name: defined under every formula using it.

    ``head`` is its LaTeX name, ``meaning`` a phrase, and :meth:`definition` returns
    ``(lhs, rhs)``: the function applied to ``t`` and what it equals, both display
    forms (the tests prove the two equal), or None for an operator said in words (⊗).
    σ and Φ, which are real functions of the expressions, carry the same attributes.
    """

    head: ClassVar[str] = ""
    meaning: ClassVar[str] = ""

    @classmethod
    def definition(cls) -> tuple[sp.Basic, sp.Basic] | None:
        raise NotImplementedError


_TALL = (r"\frac", r"\sum", r"\int", r"\begin", r"\sqrt", r"\left")


def _call(printer, name: str, args, exp=None, *, prefix_power: bool = False) -> str:
    """name(args): plain parentheses around a flat argument (\\left( would add a thin
    space after the name), growing ones around a tall one.  A power goes after the
    parentheses, max(0, x)², or, with ``prefix_power``, after the name, tanh²(x)."""
    inner = ", ".join(printer._print(a) for a in args)
    head = rf"{name}^{{{exp}}}" if exp and prefix_power else name
    if any(mark in inner for mark in _TALL):
        tex = rf"{head}\mathopen{{}}\left({inner}\right)"
    else:
        tex = rf"{head}({inner})"
    return rf"{tex}^{{{exp}}}" if exp and not prefix_power else tex


class frac(Notation):
    """p/q printed as one fraction, wherever it stands in a product."""

    nargs = 2

    def standard(self):
        p, q = self.args
        return p / q

    def _latex(self, printer, exp=None):
        p, q = (printer._print(a) for a in self.args)
        tex = rf"\frac{{{p}}}{{{q}}}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp else tex


class max_(Notation):
    """max(a, b), printed with the arguments in the order given."""

    nargs = 2

    def standard(self):
        return sp.Max(*self.args)

    def _latex(self, printer, exp=None):
        return _call(printer, r"\max", self.args, exp)


class min_(Notation):
    """min(a, b), printed with the arguments in the order given."""

    nargs = 2

    def standard(self):
        return sp.Min(*self.args)

    def _latex(self, printer, exp=None):
        return _call(printer, r"\min", self.args, exp)


class clip(Named):
    nargs = 3
    head = r"\operatorname{clip}"
    meaning = "clipping to the interval [m, M]"

    @classmethod
    def definition(cls):
        m, big_m = sp.symbols("m M", real=True)
        return cls(T, m, big_m), min_(max_(T, m), big_m)

    def standard(self):
        t, lo, hi = self.args
        return sp.Min(sp.Max(t, lo), hi)

    def _latex(self, printer, exp=None):
        return _call(printer, self.head, self.args, exp)


class pos(Named):
    """[t]₊, the positive part."""

    nargs = 1
    head = r"\left[\,\cdot\,\right]_{+}"
    meaning = "the positive part"

    @classmethod
    def definition(cls):
        return cls(T), max_(T, 0)

    def standard(self):
        return sp.Max(self.args[0], 0)

    def _latex(self, printer, exp=None):
        tex = rf"\left[{printer._print(self.args[0])}\right]_{{+}}"
        return rf"{tex}^{{{exp}}}" if exp else tex


class phi(Named):
    nargs = 1
    head = r"\varphi"
    meaning = "the standard normal density"

    @classmethod
    def definition(cls):
        root = sp.Pow(sp.Mul(2, sp.pi, evaluate=False), sp.S.Half, evaluate=False)
        return cls(T), frac(sp.exp(-(T**2) / 2), root)

    def standard(self):
        t = self.args[0]
        return sp.exp(-(t**2) / 2) / sp.sqrt(2 * sp.pi)

    def _latex(self, printer, exp=None):
        return _call(printer, self.head, self.args, exp)


class Softplus(Named):
    nargs = 1
    head = r"\operatorname{softplus}"
    meaning = "a smooth ReLU"

    @classmethod
    def definition(cls):
        return cls(T), sp.log(sp.Add(1, sp.exp(T), evaluate=False))

    def standard(self):
        return sp.log(1 + sp.exp(self.args[0]))

    def _latex(self, printer, exp=None):
        return _call(printer, self.head, self.args, exp)


class ReLU6(Named):
    nargs = 1
    head = r"\operatorname{ReLU6}"
    meaning = "ReLU capped at 6"

    @classmethod
    def definition(cls):
        return cls(T), min_(max_(0, T), 6)

    def standard(self):
        return sp.Min(sp.Max(0, self.args[0]), 6)

    def _latex(self, printer, exp=None):
        return _call(printer, self.head, self.args, exp)


class GELU(Named):
    nargs = 1
    head = r"\operatorname{GELU}"
    meaning = "the Gaussian error linear unit"

    @classmethod
    def definition(cls):
        return cls(T), sp.Mul(T, Phi(T), evaluate=False)

    def standard(self):
        return self.args[0] * Phi(self.args[0])

    def _latex(self, printer, exp=None):
        return _call(printer, self.head, self.args, exp)


class SiLU(Named):
    nargs = 1
    head = r"\operatorname{SiLU}"
    meaning = "the sigmoid linear unit (swish with β = 1)"

    @classmethod
    def definition(cls):
        return cls(T), sp.Mul(T, sigmoid(T), evaluate=False)

    def standard(self):
        return self.args[0] * sigmoid(self.args[0])

    def _latex(self, printer, exp=None):
        return _call(printer, self.head, self.args, exp)


class delta(Named):
    """The Kronecker delta δᵢₖ."""

    nargs = 2
    head = r"\delta"
    meaning = "the Kronecker delta"

    @classmethod
    def definition(cls):
        i, k = sp.symbols("i k", integer=True)
        return cls(i, k), sp.Piecewise((1, sp.Eq(i, k)), (0, True), evaluate=False)

    def standard(self):
        return sp.KroneckerDelta(*self.args)

    def _latex(self, printer, exp=None):
        i, k = (printer._print(a) for a in self.args)
        tex = rf"\delta_{{{i}{k}}}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp else tex


class hadamard(Named):
    """a ⊗ b, the elementwise product of two halves of a row."""

    nargs = 2
    head = r"\otimes"
    meaning = "the elementwise product"

    @classmethod
    def definition(cls):
        return None

    def standard(self):
        a, b = self.args
        return a * b

    def _latex(self, printer, exp=None):
        a, b = (printer.parenthesize(arg, PRECEDENCE["Mul"]) for arg in self.args)
        tex = rf"{a} \otimes {b}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp else tex


ROW = sp.IndexedBase("x", real=True)
"""The input row of the functions of a whole row (softmax …); ``ROW[i]`` is xᵢ."""
ROW_J = sp.Symbol("j", integer=True, positive=True)
ROW_N = sp.Symbol("n", integer=True, positive=True)


class softmax_at(Named):
    """softmax(x)ₖ, the k-th entry of the softmax of the input row."""

    nargs = 1
    head = r"\operatorname{softmax}"
    meaning = "the softmax of the input row"

    @classmethod
    def definition(cls):
        k = sp.Symbol("k", integer=True, positive=True)
        return cls(k), frac(sp.exp(ROW[k]), sp.Sum(sp.exp(ROW[ROW_J]), (ROW_J, 1, ROW_N)))

    def standard(self):
        return sp.exp(ROW[self.args[0]]) / sp.Sum(sp.exp(ROW[ROW_J]), (ROW_J, 1, ROW_N))

    def _latex(self, printer, exp=None):
        tex = rf"\operatorname{{softmax}}(x)_{{{printer._print(self.args[0])}}}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp else tex


class max_over(Notation):
    """max over j = 1 … k of ``body`` (maxout); evaluates once k is a number."""

    nargs = 3

    def standard(self):
        body, j, k = self.args
        if not k.is_Integer:
            return self  # k symbolic: stays notation
        return sp.Max(*(body.subs(j, v) for v in range(1, int(k) + 1)))

    def _latex(self, printer, exp=None):
        body, j, k = (printer._print(a) for a in self.args)
        tex = rf"\max_{{1 \le {j} \le {k}}} {body}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp else tex


def add(*terms: sp.Basic) -> sp.Add:
    """A sum printed in the order written (``e^{x} - 1``, not ``-1 + e^{x}``)."""
    return sp.Add(*terms, evaluate=False)


def mul(*factors: sp.Basic) -> sp.Mul:
    """A product printed in the order written."""
    return sp.Mul(*factors, evaluate=False)


def cases(*pieces: tuple[sp.Basic, sp.Basic | bool]) -> sp.Piecewise:
    """A Piecewise kept exactly as written: pieces in the given order, conditions as
    given (``|x| > λ`` stays that, ``x > θ`` is not turned into ``θ < x``)."""
    return sp.Piecewise(*pieces, evaluate=False)


def between(low: sp.Basic, x: sp.Basic, high: sp.Basic, *, closed: str = "") -> sp.And:
    """low < x < high as one chained condition; ``closed`` is "", "left", "right" or
    "both" (which ends use ≤)."""
    left = (sp.Le if closed in ("left", "both") else sp.Lt)(low, x, evaluate=False)
    right = (sp.Le if closed in ("right", "both") else sp.Lt)(x, high, evaluate=False)
    return sp.And(left, right, evaluate=False)


def standard(expr: sp.Basic) -> sp.Basic:
    """A display form in SymPy's own terms (σ and Φ kept): ready for ``diff``,
    ``simplify`` and ``lambdify``."""
    while True:
        new = expr.replace(
            lambda e: isinstance(e, Notation) and e.standard() is not e,
            lambda e: e.standard(),
        )
        if new == expr:
            return new
        expr = new


def named_functions(*exprs: sp.Basic) -> list[type]:
    """The named functions the expressions use, and those their definitions use,
    in order of first appearance."""
    found: list[type] = []
    todo = list(exprs)
    while todo:
        expr = todo.pop(0)
        for node in sp.preorder_traversal(expr):
            cls = type(node)
            if getattr(cls, "meaning", "") and cls not in found:
                found.append(cls)
                if cls.definition() is not None:
                    todo.extend(cls.definition())
    return found


# ---------------------------------------------------------------- printer


_ELEMENTARY = {
    sp.tanh: r"\tanh",
    sp.sinh: r"\sinh",
    sp.cosh: r"\cosh",
    sp.sin: r"\sin",
    sp.cos: r"\cos",
}


def _has_input(expr: sp.Basic) -> bool:
    return expr.has(X) or expr.has(ROW)


def _ascending(rel: sp.Basic) -> tuple[sp.Basic, str, sp.Basic] | None:
    """A < or ≤ relation as (smaller, operator, larger); None for anything else."""
    ops = {"<": "<", "<=": r"\leq", ">": "<", ">=": r"\leq"}
    if not isinstance(rel, sp.core.relational.Relational) or rel.rel_op not in ops:
        return None
    if rel.rel_op in ("<", "<="):
        return rel.lhs, ops[rel.rel_op], rel.rhs
    return rel.rhs, ops[rel.rel_op], rel.lhs


class _Printer(LatexPrinter):
    """SymPy's LaTeX printer with textbook spellings: piecewise functions as cases,
    chained inequalities, derivatives of a bracketed expression, log σ(x)."""

    def __init__(self, settings):
        super().__init__(settings)
        self._given = dict(settings)

    def _print_Piecewise(self, expr):
        rows = []
        for value, cond in expr.args:
            if cond is sp.true:
                rows.append(rf"{self._print(value)} & \text{{otherwise}}")
            else:
                rows.append(rf"{self._print(value)} & \text{{if }} {self._print(cond)}")
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"

    def _as_ordered_terms(self, expr, order=None):
        # e^{x} - 1, not -1 + e^{x}: a positive term leads where there is one
        terms = super()._as_ordered_terms(expr, order=order)
        if terms and terms[0].could_extract_minus_sign():
            for i, term in enumerate(terms):
                if not term.could_extract_minus_sign():
                    return [term, *terms[:i], *terms[i + 1 :]]
        return terms

    def _print_Relational(self, expr):
        # the input on the left: x > θ, not θ < x
        ops = ("<", ">", "<=", ">=")
        if expr.rel_op in ops and _has_input(expr.rhs) and not _has_input(expr.lhs):
            expr = expr.reversed
        return super()._print_Relational(expr)

    def _print_And(self, expr):
        if len(expr.args) == 2:
            first, second = (_ascending(a) for a in expr.args)
            if first and second:
                for lo, hi in ((first, second), (second, first)):
                    if lo[2] == hi[0]:
                        parts = (lo[0], lo[1], lo[2], hi[1], hi[2])
                        return " ".join(p if isinstance(p, str) else self._print(p) for p in parts)
        return super()._print_And(expr)

    def _print_Derivative(self, expr):
        if len(expr.variable_count) != 1 or expr.variable_count[0][1] != 1:
            return super()._print_Derivative(expr)
        var = expr.variables[0]
        if var == X:  # f′(x): the parameters are constants
            op = r"\frac{d}{dx}"
        else:  # ∂/∂xₖ, ∂/∂a: one of several inputs
            op = rf"\frac{{\partial}}{{\partial {self._print(var)}}}"
        return rf"{op}\left[{self._print(expr.expr)}\right]"

    def _print_Mul(self, expr):
        # d/dx[u]·v: a product with a derivative in it gets explicit dots, so the
        # factors after the derivative do not read as part of what is differentiated.
        if isinstance(expr, sp.Mul) and any(isinstance(a, sp.Derivative) for a in expr.args):
            terms = []
            for i, a in enumerate(expr.args):
                tex = self._print(a)
                if self._needs_mul_brackets(a, first=i == 0, last=i == len(expr.args) - 1):
                    tex = rf"\left({tex}\right)"
                terms.append(tex)
            return r" \cdot ".join(terms)
        # constants before the input: β x, not x β (a stable reordering)
        # (SymPy's _print_Pow passes a Pow here too: left alone)
        if isinstance(expr, sp.Mul):
            args = list(expr.args)
            order = sorted(range(len(args)), key=lambda i: _has_input(args[i]))
            if order != list(range(len(args))):
                expr = sp.Mul(*(args[i] for i in order), evaluate=False)
        return super()._print_Mul(expr)

    def _needs_mul_brackets(self, expr, first=False, last=False) -> bool:
        if expr.is_Piecewise and last:  # the brace of cases delimits it already
            return False
        return super()._needs_mul_brackets(expr, first=first, last=last)

    def _print_Indexed(self, expr):
        # z_{ij} for two one-letter indices, as in the papers; SymPy's form otherwise
        indices = expr.indices
        if len(indices) > 1 and all(i.is_Symbol and len(i.name) == 1 for i in indices):
            base = self._print(expr.base)
            return rf"{{{base}}}_{{{''.join(self._print(i) for i in indices)}}}"
        return super()._print_Indexed(expr)

    def _print_ExpBase(self, expr, exp=None):
        # exponents read inline, as in e^{-x^2/2} and e^{x/α}
        inline = _Printer({**self._given, "fold_short_frac": True})
        tex = rf"e^{{{inline._print(expr.args[0])}}}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp else tex

    def _print_log(self, expr, exp=None):
        arg = expr.args[0]
        if isinstance(arg, sp.Function) and not isinstance(arg, (Notation, sp.log)) and not exp:
            return rf"\log {self._print(arg)}"  # log σ(x)
        return _call(self, r"\log", expr.args, exp)

    def _print_Function(self, expr, exp=None):
        name = _ELEMENTARY.get(type(expr))
        if name is None:
            return super()._print_Function(expr, exp)
        return _call(self, name, expr.args, exp, prefix_power=True)


def _flat_parentheses(tex: str) -> str:
    r"""``\left( … \right)`` → ``( … )`` around flat content: growing parentheses add a
    thin space before them (x σ(x) (1 − σ(x))) and are only needed around a fraction,
    a sum or cases."""
    out, i = [], 0
    while (start := tex.find(r"\left(", i)) >= 0:
        depth, j = 1, start + len(r"\left(")
        while depth:
            if tex.startswith(r"\left", j):
                depth += 1
            elif tex.startswith(r"\right", j):
                depth -= 1
                if not depth:
                    break
            j += 1
        inner = _flat_parentheses(tex[start + len(r"\left(") : j])
        close = tex[j + len(r"\right") : j + len(r"\right") + 1]
        out.append(tex[i:start])
        if close == ")" and not any(mark in inner for mark in _TALL):
            out.append(f"({inner})")
        else:
            out.append(rf"\left({inner}\right{close}")
        i = j + len(r"\right") + 1
    out.append(tex[i:])
    return "".join(out)


def to_latex(expr: sp.Basic, names: dict[sp.Symbol, str] | None = None) -> str:
    """LaTeX of a spec expression, with parameter symbols spelled as ``names`` says."""
    printer = _Printer({"symbol_names": names or {}, "order": "none"})
    return _flat_parentheses(printer.doprint(expr))
