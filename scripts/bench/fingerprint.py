"""What the benchmark's figures depend on, as one hash (stored in its JSON as
``meta.fingerprint``; ``generate.py --check`` reports the figures as stale when it
no longer matches).

The figures depend on the numerical code (the catalog's modules, the reference and
the benchmark's own measurement) and on the pinned versions of the libraries that
compute them.  They do not depend on documentation, so the hash is taken over each
module's syntax tree with these left out:

* comments (the syntax tree has none) and layout;
* docstrings, and every other statement that is only a string;
* every field of the catalog's records except those in :data:`MEASURED_FIELDS` (a
  spec's prose, display forms, properties, papers, framework entries…), whether passed
  by keyword or by position;
* module-level strings that no code reads once the prose fields are gone.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import re
from pathlib import Path

from . import ROOT

SOURCES = ("src/activations/_*.py", "src/activations/reference/*.py", "scripts/bench/*.py")
"""The numerical code, as globs relative to the repository."""

PINNED = ("numpy", "scipy", "sympy", "mpmath")
"""The libraries whose pinned versions (in requirements.txt) the figures depend on."""

MEASURED_FIELDS = {
    "Spec": ("name", "fn", "grad", "vjp", "expr", "parameters", "param_grads", "kinks",
             "naive", "variants", "elementwise"),
    "Param": ("name", "default", "positive"),
    "Kink": ("at",),
    "Naive": ("fn", "grad"),
    "Variant": ("label", "kwargs", "expr"),
}  # fmt: skip
"""The fields of the catalog's records that a figure depends on: the functions measured,
the expression the truth comes from, the parameters, the grid's kink points, the textbook
formulas.  Every other field of these records, and every field of the catalog's other
records (:func:`_record_fields`: display forms, properties, prose, papers, frameworks…),
is left out: a new field is prose until it is listed here."""


def _record_fields() -> dict[str, list[str]]:
    """Every dataclass of ``activations._spec``: its fields, in order."""
    from activations import _spec

    return {
        name: [f.name for f in dataclasses.fields(obj)]
        for name, obj in vars(_spec).items()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj)
    }


def _is_text(node: ast.AST) -> bool:
    """A string, or strings joined by ``+``, parentheses or a tuple."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) and _is_text(node.right)
    if isinstance(node, ast.Tuple):
        return all(_is_text(e) for e in node.elts)
    return False


class _Strip(ast.NodeTransformer):
    def __init__(self, fields: dict[str, list[str]]):
        self.fields = fields

    def visit_Expr(self, node: ast.Expr) -> ast.AST | None:
        return None if _is_text(node.value) else self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in self.fields:
            if name not in MEASURED_FIELDS:
                return ast.Constant(None)  # a record no figure depends on
            names, kept = self.fields[name], MEASURED_FIELDS[name]
            node.args = [
                arg if i < len(names) and names[i] in kept else ast.Constant(None)
                for i, arg in enumerate(node.args)
            ]
            node.keywords = [k for k in node.keywords if k.arg in kept]
        return self.generic_visit(node)


def _drop_unread_text(tree: ast.Module) -> None:
    """Remove module-level ``NAME = <strings>`` that nothing reads."""
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    read |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    tree.body = [
        stmt
        for stmt in tree.body
        if not (
            isinstance(stmt, ast.Assign | ast.AnnAssign)
            and stmt.value is not None
            and _is_text(stmt.value)
            and all(
                isinstance(t, ast.Name) and t.id not in read
                for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target])
            )
        )
    ]


def code_digest(source: str, fields: dict[str, list[str]] | None = None) -> str:
    """sha256 of a module's code: its syntax tree without docstrings, other bare
    strings, prose fields and unread module-level strings."""
    tree = ast.parse(source)
    tree = _Strip(fields if fields is not None else _record_fields()).visit(tree)
    _drop_unread_text(tree)
    return hashlib.sha256(ast.dump(tree, include_attributes=False).encode()).hexdigest()


def pinned_versions(requirements: Path) -> list[str]:
    """The ``name==version`` lines of :data:`PINNED` in a requirements file."""
    wanted = re.compile(rf"^({'|'.join(PINNED)})==\S+$", re.IGNORECASE)
    lines = requirements.read_text(encoding="utf-8").splitlines()
    return sorted(line.strip() for line in lines if wanted.match(line.strip()))


def sources(root: Path = ROOT) -> list[Path]:
    found = {p for pattern in SOURCES for p in root.glob(pattern) if p.is_file()}
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def fingerprint(root: Path = ROOT) -> str:
    """sha256 over the numerical code (:data:`SOURCES`, by :func:`code_digest`) and
    the pinned versions of :data:`PINNED` in ``requirements.txt``."""
    fields = _record_fields()
    h = hashlib.sha256()
    for path in sources(root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(code_digest(path.read_text(encoding="utf-8"), fields).encode() + b"\0")
    for pin in pinned_versions(root / "requirements.txt"):
        h.update(pin.encode() + b"\0")
    return h.hexdigest()
