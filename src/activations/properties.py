"""Properties computed from the catalog, each with one definition used on every page.

The declared claims of a spec (:class:`activations.Properties`: range, monotonicity,
smoothness, saturation, …) are checked by the test suite.  The properties here are
not declared at all: they are computed from the spec's SymPy expression, with the
same high-precision evaluation :mod:`activations.reference` uses for the truth, so
no page can say what the expression contradicts.

* **Mean output** :func:`mean_output`: E[f(Z)] for a standard-normal input
  Z ~ N(0, 1), the distribution of a pre-activation after a normalisation layer or a
  variance-preserving initialisation.
* **Zero-centred** :func:`zero_centred`: that mean is 0 (within
  :data:`ZERO_MEAN_TOLERANCE`).  Odd functions are; so is SELU, by the choice of its
  constants.  "Takes values of both signs" is a weaker property and is not what the
  word means here.
* **Zero-gradient region** :func:`zero_gradient_region`: the open set on which f′ is
  identically 0 (isolated points such as a kink do not count).
* **Tails of f′** :func:`tail`: what f′ does as x → −∞ or x → +∞: tends to 0
  exponentially, like a Gaussian or like a power of x, tends to a non-zero
  constant, is exactly 0, or oscillates.
* **Gradient floor** :func:`gradient_floor`: the infimum of |f′(x)| over x < 0.
* **Dead units** :func:`dead_units`: whether a unit can stop learning because
  f′ is 0 (or tends to 0) over the inputs it receives, worded from the three
  quantities above.
* **Initialisation gain** :func:`init_gain`: g = 1/√E[f(Z)²], the factor for which
  weights with Var(w) = g²/fan_in keep the pre-activations' variance at 1 from layer
  to layer (He et al. 2015, §2.2): √2 for ReLU (He), 1 for SELU (LeCun).

These are defined for elementwise functions at their default parameters; for the
functions of a whole row (softmax, the GLUs, …) they return ``None``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import mpmath
import numpy as np
import sympy as sp

from . import reference
from ._spec import Spec, get
from ._symbolic import X
from .reference import _store

ZERO_MEAN_TOLERANCE = 1e-12
"""|E[f(Z)]| at or below this counts as zero.  The constants of a spec are float64
numbers (SELU's α and λ), so an exactly zero mean can only be expected to about the
precision of those constants; every non-zero mean in the catalog is above 1e-3."""

MEAN_DIGITS = 30
"""Working precision (decimal digits) of the quadrature in :func:`mean_output`."""

TAIL_POINTS = (20.0, 40.0, 80.0)
"""|x| at which f′ is evaluated (at high precision) to classify its tails."""

LIMIT_POINT = 1e12
"""|x| at which the limit of a tail that tends to a constant is read off."""

Side = Literal["left", "right"]
TailKind = Literal["zero", "constant", "power", "exponential", "gaussian", "growing", "oscillating"]
Verdict = Literal["yes", "vanishing", "no"]


@dataclass(frozen=True)
class Tail:
    """What f′ does as x → −∞ (``side="left"``) or x → +∞ (``"right"``).

    ``kind`` is one of:

    * ``"zero"``: f′ is exactly 0 at every sample point (a zero-gradient region);
    * ``"constant"``: f′ tends to the non-zero ``limit``;
    * ``"power"``: |f′| → 0 like |x|^(−``order``);
    * ``"exponential"``: |f′| → 0 like e^(−c|x|) (up to polynomial factors);
    * ``"gaussian"``: |f′| → 0 like e^(−c x²) (up to polynomial factors);
    * ``"growing"``: |f′| → ∞ (ReLU², eˣ to the right);
    * ``"oscillating"``: f′ changes sign and does not tend to a limit.
    """

    side: Side
    kind: TailKind
    limit: float = 0.0
    order: int = 0

    @property
    def vanishes(self) -> bool:
        """f′ → 0 on this side without being exactly 0 there."""
        return self.kind in ("power", "exponential", "gaussian")


@dataclass(frozen=True)
class DeadUnits:
    """Can a unit stop learning because its gradient is (nearly) zero?

    ``verdict``:

    * ``"yes"``: f′ = 0 on an interval (:attr:`region`); a unit whose inputs all fall
      there gets no gradient at all and stays dead;
    * ``"vanishing"``: no such interval, but f′ → 0 in a tail (:attr:`tails`), so a
      unit pushed far into it gets a gradient too small to bring it back;
    * ``"no"``: neither: f′ tends to a non-zero constant on both sides (Leaky ReLU's
      |f′| ≥ :attr:`floor` = 0.01 for x < 0) or vanishes only at isolated points.
    """

    verdict: Verdict
    region: sp.Set
    floor: float
    tails: tuple[Tail, Tail]


def _spec(spec: Spec | str) -> Spec:
    return get(spec) if isinstance(spec, str) else spec


def _elementwise(spec: Spec) -> bool:
    return spec.elementwise


def _kept(spec: Spec, what: str, compute: Callable[[], list[mpmath.mpf]]) -> list[mpmath.mpf]:
    """``compute()``: high-precision numbers about ``spec``'s expression (at its default
    parameters), kept between runs in the truth store (reference/_store.py) when it is
    enabled. The key is the expression, ``what`` (everything else the numbers depend on)
    and this module's source."""
    k = _store.key(reference.expression(spec), what.encode(), "property", code=(__file__,))
    return list(_store.stored(spec.name, k, lambda: (tuple(compute()),))[0])


@functools.cache
def _moment(name: str, power: int) -> mpmath.mpf:
    """E[f(Z)^power] for Z ~ N(0, 1), split at every kink."""
    spec = get(name)
    cuts = sorted({float(k.at) for k in spec.kinks} | {0.0})

    def quadrature() -> list[mpmath.mpf]:
        f = reference.elementwise_function(spec, orders=(0,))
        with mpmath.workdps(MEAN_DIGITS):
            return [
                mpmath.quad(
                    lambda x: f(x)[0] ** power * mpmath.npdf(x),
                    [-mpmath.inf, *cuts, mpmath.inf],
                    maxdegree=10,
                )
            ]

    return _kept(spec, f"moment {power} split at {cuts}", quadrature)[0]


def mean_output(spec: Spec | str) -> mpmath.mpf | None:
    """E[f(Z)] for Z ~ N(0, 1) at the default parameters, by quadrature of the
    spec's expression at :data:`MEAN_DIGITS` digits (split at every kink).

    >>> import activations as act
    >>> from activations.properties import mean_output
    >>> float(mean_output("relu"))  # 1/√(2π)
    0.3989422804014327
    >>> abs(mean_output("tanh")) < 1e-25
    True
    """
    spec = _spec(spec)
    return _moment(spec.name, 1) if _elementwise(spec) else None


def init_gain(spec: Spec | str) -> mpmath.mpf | None:
    """g = 1/√E[f(Z)²] for Z ~ N(0, 1): with weights of variance g²/fan_in, a layer
    whose inputs are f of unit-variance pre-activations passes on unit variance
    (He et al. 2015, §2.2, with E[f(Z)²] in place of ReLU's 1/2).

    >>> from activations.properties import init_gain
    >>> float(init_gain("relu")) ** 2  # He: Var(w) = 2/fan_in
    2.0000000000000004
    >>> round(float(init_gain("selu")), 12)  # LeCun: Var(w) = 1/fan_in
    1.0
    """
    spec = _spec(spec)
    if not _elementwise(spec):
        return None
    second = _moment(spec.name, 2)
    if not second > 0 or not mpmath.isfinite(second):
        return None
    with mpmath.workdps(MEAN_DIGITS):
        return 1 / mpmath.sqrt(second)


def zero_centred(spec: Spec | str) -> bool | None:
    """Whether E[f(Z)] = 0 for Z ~ N(0, 1) (within :data:`ZERO_MEAN_TOLERANCE`).

    >>> from activations.properties import zero_centred
    >>> zero_centred("selu"), zero_centred("elu"), zero_centred("leaky_relu")
    (True, False, False)
    """
    mean = mean_output(spec)
    return None if mean is None else bool(abs(mean) <= ZERO_MEAN_TOLERANCE)


@functools.cache
def _region(name: str) -> sp.Set:
    spec = get(name)
    deriv = sp.piecewise_fold(sp.diff(reference.expression(spec), X))
    if isinstance(deriv, sp.Piecewise):
        pieces = deriv.as_expr_set_pairs(sp.S.Reals)
    else:
        pieces = [(deriv, sp.S.Reals)]
    zero = sp.Union(*(where for value, where in pieces if sp.simplify(value) == 0))
    return zero.interior


def zero_gradient_region(spec: Spec | str) -> sp.Set | None:
    """The open set on which f′ is identically 0 (a SymPy set; empty if none).

    >>> from activations.properties import zero_gradient_region
    >>> zero_gradient_region("relu")
    Interval.open(-oo, 0)
    >>> zero_gradient_region("elu")
    EmptySet
    """
    spec = _spec(spec)
    return _region(spec.name) if _elementwise(spec) else None


def _slopes(spec: Spec, xs: tuple[float, ...]) -> list[mpmath.mpf]:
    """f′ at each of ``xs``, at high precision; for a gated linear unit
    f(a, b) = a·h(b), the slope of the slice its page plots, the row (1, x): h′(x)."""
    if spec.elementwise:
        return _kept(spec, f"slopes at {xs}", lambda: [reference.reference(spec, x)[1] for x in xs])
    return [reference.halves(spec, 1.0, x, vjp=True)[1] for x in xs]


@functools.cache
def _tail(name: str, side: Side) -> Tail:
    spec = get(name)
    sign = -1.0 if side == "left" else 1.0
    values = _slopes(spec, tuple(sign * t for t in TAIL_POINTS))
    if all(v == 0 for v in values):
        return Tail(side, "zero")
    if len({mpmath.sign(v) for v in values}) > 1 or any(v == 0 for v in values):
        return Tail(side, "oscillating")
    logs = [float(mpmath.log(abs(v))) for v in values]
    near, far = logs[1] - logs[0], logs[2] - logs[1]
    if abs(near) < 0.05 and abs(far) < 0.01:  # within 1 % between |x| = 40 and 80
        (limit,) = _slopes(spec, (sign * LIMIT_POINT,))
        return Tail(side, "constant", limit=float(limit))
    if near > 0 and far > 0:
        return Tail(side, "growing")
    # With |x| doubling between the points, log|f′| falls by a constant for a power
    # law, doubles its fall for an exponential and quadruples it for a Gaussian.
    ratio = far / near
    if ratio < 1.5:
        return Tail(side, "power", order=round(-near / math.log(2)))
    if ratio < 3.0:
        return Tail(side, "exponential")
    return Tail(side, "gaussian")


def tail(spec: Spec | str, side: Side) -> Tail | None:
    """How f′ behaves as x → −∞ (``"left"``) or x → +∞ (``"right"``).

    Classified from |f′| at |x| = 20, 40 and 80, evaluated at high precision.

    >>> from activations.properties import tail
    >>> tail("elu", "left").kind, tail("gelu", "left").kind, tail("softsign", "left").order
    ('exponential', 'gaussian', 2)
    >>> tail("leaky_relu", "left")
    Tail(side='left', kind='constant', limit=0.01, order=0)
    """
    spec = _spec(spec)
    return _tail(spec.name, side) if _elementwise(spec) else None


def _negative_grid() -> np.ndarray:
    mags = np.concatenate([np.logspace(-300, 300, 1201), np.linspace(0.0, 50.0, 50_001)[1:]])
    return -np.unique(mags)


@functools.cache
def _floor(name: str) -> float:
    spec = get(name)
    x = _negative_grid()
    kinks = [k.at for k in spec.kinks if k.at < 0]
    x = np.concatenate([x, np.nextafter(kinks, -np.inf), np.nextafter(kinks, np.inf)])
    x = x[x < 0]
    g = np.asarray(spec.grad(x, **spec.params), dtype=float)
    if np.any(g > 0) and np.any(g < 0):
        return 0.0  # f′ changes sign, so (being continuous between kinks) it crosses 0
    return float(np.min(np.abs(g)))


def gradient_floor(spec: Spec | str) -> float | None:
    """inf |f′(x)| over x < 0, from the catalog's derivative on a dense grid of
    negative inputs (from −1e300 to −1e−300, and every kink's neighbours); 0 where
    f′ changes sign on x < 0.

    >>> from activations.properties import gradient_floor
    >>> gradient_floor("leaky_relu"), gradient_floor("elu"), gradient_floor("relu")
    (0.01, 0.0, 0.0)
    """
    spec = _spec(spec)
    return _floor(spec.name) if _elementwise(spec) and spec.grad is not None else None


def dead_units(spec: Spec | str) -> DeadUnits | None:
    """Whether a unit can stop learning: see :class:`DeadUnits` for the verdicts.

    >>> from activations.properties import dead_units
    >>> [dead_units(n).verdict for n in ("relu", "elu", "gelu", "leaky_relu")]
    ['yes', 'vanishing', 'vanishing', 'no']
    """
    spec = _spec(spec)
    if not _elementwise(spec) or spec.grad is None:
        return None
    region = _region(spec.name)
    tails = (_tail(spec.name, "left"), _tail(spec.name, "right"))
    floor = _floor(spec.name)
    if region != sp.S.EmptySet:
        verdict: Verdict = "yes"
    elif any(t.vanishes for t in tails):
        verdict = "vanishing"
    else:
        verdict = "no"
    return DeadUnits(verdict, region, floor, tails)


def saturation(spec: Spec | str) -> Literal["both", "left", "right", "none"] | None:
    """The side(s) on which f′ → 0 (or is 0) as |x| → ∞, from :func:`tail`; for a
    gated linear unit, of its plotted slice f(1, x) (f′ there is ∂f/∂b at a = 1).

    >>> from activations.properties import saturation
    >>> saturation("sigmoid"), saturation("relu"), saturation("leaky_relu")
    ('both', 'left', 'none')
    >>> saturation("swiglu"), saturation("glu")
    ('left', 'both')
    """
    spec = _spec(spec)
    if not _elementwise(spec) and not reference.is_halves(spec):
        return None
    left, right = (_tail(spec.name, side).kind in _SATURATED for side in ("left", "right"))
    return {(True, True): "both", (True, False): "left", (False, True): "right"}.get(
        (left, right), "none"
    )


_SATURATED = frozenset({"zero", "power", "exponential", "gaussian"})


@dataclass(frozen=True)
class Rounding:
    """Where floating point returns an open bound of the range exactly.

    ``f(x) == bound`` for every x at or beyond ``threshold`` on ``side`` (x ≤ threshold
    on the left, x ≥ threshold on the right), in ``dtype``.
    """

    bound: float
    side: Side
    dtype: str
    threshold: float


def _first_equal(spec: Spec, dtype: np.dtype, bound: float, sign: float) -> float | None:
    """The float x nearest 0 on side ``sign`` from which f(x) == bound (bisection on
    the ordered floats of ``dtype``, assuming f reaches the bound monotonically)."""
    info = np.finfo(dtype)
    itype = np.int64 if dtype == np.float64 else np.int32

    def at(bits: int) -> bool:
        x = np.array(bits, dtype=itype).view(dtype) * dtype.type(sign)
        return float(spec.fn(x, **spec.params)) == bound

    hi = int(np.array(info.max, dtype=dtype).view(itype))
    if not at(hi):
        return None
    lo = 0
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if at(mid):
            hi = mid
        else:
            lo = mid
    return sign * float(np.array(hi, dtype=itype).view(dtype))


def rounding(spec: Spec | str, dtypes=("float64", "float32")) -> list[Rounding] | None:
    """For each open, finite bound of the range (a value f approaches but never
    takes), the inputs beyond which the catalog's f returns that bound exactly.

    >>> from activations.properties import rounding
    >>> [(r.dtype, r.bound, r.threshold) for r in rounding("sigmoid") if r.side == "right"]
    [('float64', 1.0, 36.7368005696771), ('float32', 1.0, 16.635532)]
    """
    spec = _spec(spec)
    if not _elementwise(spec):
        return None
    lo, hi, lo_in, hi_in = spec.properties.range
    found = []
    for bound, included in ((lo, lo_in), (hi, hi_in)):
        if included or not math.isfinite(bound):
            continue
        for dtype in dtypes:
            for side, sign in (("left", -1.0), ("right", 1.0)):
                x = _first_equal(spec, np.dtype(dtype), bound, sign)
                if x is not None:
                    found.append(Rounding(bound, side, dtype, x))
    return found
