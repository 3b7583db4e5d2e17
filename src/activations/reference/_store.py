"""A disk store for the truths of :func:`~activations.reference.measure` (on the grid),
:func:`~activations.reference.checked_truths` (the accuracy plots) and
:func:`~activations.reference.row_truth` (the softmax family, sparsemax, 1.5-entmax,
maxout), and for the high-precision values behind :mod:`activations.properties`, so
that a run finds what an earlier run computed (the suite measures every elementwise
function at 885 points per dtype and setting, at up to 1550 digits: minutes of mpmath).

Off unless the environment variable :data:`ENV` names a directory (the test suite sets
``.cache/truths/`` of the repository). A stored truth is used only under the key it was
computed under, made of everything it depends on:

* the spec's SymPy expression at those parameters and that variant (``srepr``);
* the inputs (their bytes and dtype), and which truth (the grid's or the ladder's, of
  which order; for a row or a property, also the source of the code that computes it);
* how an expression is evaluated: the source of :mod:`._exact` (working precision,
  derivatives, lambdify) and of :mod:`activations._symbolic` (the mpmath versions of
  σ and Φ);
* the SymPy and mpmath versions.

The store holds one folder per state of the evaluation code (the source and versions
above); the first truth stored in a new state removes the folders of the others. The
values are kept exactly (each mpf's sign, mantissa, exponent and bit count, as gzipped
JSON): a stored truth is the computed one, bit for bit.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import mpmath
import sympy as sp

ENV = "ACTIVATIONS_TRUTH_CACHE"


@functools.cache
def _evaluation_digest() -> str:
    from .. import _symbolic
    from . import _exact

    digest = hashlib.sha256(f"sympy {sp.__version__} mpmath {mpmath.__version__}".encode())
    for module in (_exact, _symbolic):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def key(expr: sp.Expr, x_bytes: bytes, dtype: str, code: tuple[str, ...] = ()) -> str:
    """The store key of the truths of ``expr`` at the inputs ``x_bytes`` of ``dtype``
    (for the ladder's: a label of the truth in its place; 24 hex digits). ``code``: the
    files of the modules that compute the truth beyond the evaluation code above (their
    ``__file__``), whose source is then part of the key."""
    digest = hashlib.sha256(_evaluation_digest().encode())
    parts = [sp.srepr(expr).encode(), dtype.encode(), x_bytes]
    parts += [_source(file) for file in code]
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()[:24]


@functools.cache
def _source(file: str) -> bytes:
    return Path(file).read_bytes()


def _raw(value: mpmath.mpf | None) -> list | None:
    if value is None:
        return None
    sign, man, exp, bc = value._mpf_
    return [sign, format(int(man), "x"), int(exp), int(bc)]


def _mpf(raw: list | None) -> mpmath.mpf | None:
    if raw is None:
        return None
    sign, man, exp, bc = raw
    return mpmath.mp.make_mpf((sign, mpmath.libmp.MPZ(int(man, 16)), exp, bc))


def _prune(current: Path) -> None:
    """Remove the truths of other evaluation code (the folders beside ``current``, one
    per digest): no run reads them again, as the digest is part of every key."""
    if current.parent.is_dir():
        for old in current.parent.iterdir():
            if old != current and old.is_dir() and re.fullmatch("[0-9a-f]{12}", old.name):
                shutil.rmtree(old, ignore_errors=True)


def stored(name: str, k: str, compute: Callable[[], tuple]) -> tuple:
    """The truths under key ``k``: read from the store, or ``compute()``-d and stored.
    ``compute`` returns a tuple of tuples of mpf (a point without a truth: None, in
    place of its tuple or of one entry); so does this."""
    folder = os.environ.get(ENV)
    if not folder:
        return compute()
    path = Path(folder) / _evaluation_digest()[:12] / f"{name}-{k}.json.gz"
    try:
        rows = json.loads(gzip.decompress(path.read_bytes()))
        return tuple(None if row is None else tuple(_mpf(v) for v in row) for row in rows)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not stored yet, or unreadable: computed afresh below
    result = compute()
    if not path.parent.is_dir():
        _prune(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        text = json.dumps([None if row is None else [_raw(v) for v in row] for row in result])
        tmp.write_bytes(gzip.compress(text.encode(), compresslevel=1))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return result
