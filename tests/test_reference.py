"""The truth and the rule of ``activations.reference``, checked by second derivations.

The library holds one truth per function; here each is compared with a formulation
derived another way (in mpmath, from the textbook definition), and each analytic
condition number with one measured by perturbing every input at high precision.  The
precision ladder is shown to resolve a cancellation that a fixed precision misses, and
to agree with the working precision :func:`reference.reference` picks ahead of time.
"""

from __future__ import annotations

import gzip
import json
import math

import mpmath
import numpy as np
import pytest
import sympy as sp

import activations as act
from activations import reference
from activations._symbolic import X
from activations.reference import _rows, _rule, _store

DIGITS = 80  # of the second derivations
H = mpmath.mpf(10) ** -30  # relative perturbation of one input
NEGLIGIBLE = mpmath.mpf(10) ** -400  # far below every float


def _close(got, want, digits: int) -> bool:
    """Equal to ``digits`` significant digits, or both far below every float."""
    if abs(got) < NEGLIGIBLE and abs(want) < NEGLIGIBLE:
        return True
    return abs(got - want) <= mpmath.mpf(10) ** -digits * abs(want)


# --------------------------------------------------------------------------- rows


def _softmax(xs):
    return [1 / mpmath.fsum(mpmath.exp(xj - xi) for xj in xs) for xi in xs]


def _log_softmax(xs):
    return [
        -mpmath.log1p(mpmath.fsum(mpmath.exp(xj - xi) for j, xj in enumerate(xs) if j != i))
        for i, xi in enumerate(xs)
    ]


def _softmin(xs):
    return _softmax([-x for x in xs])


def _sparsemax(xs):
    """Projection onto the simplex: τ from the running means of the sorted row."""
    srt = sorted(xs, reverse=True)
    total = k = 0
    for j, z in enumerate(srt, start=1):
        if z > (mpmath.fsum(srt[:j]) - 1) / j:
            total, k = mpmath.fsum(srt[:j]), j
    tau = (total - 1) / k
    return [max(x - tau, mpmath.mpf(0)) for x in xs]


def _entmax15(xs):
    """[x/2 − τ]₊² with Σ = 1: τ by bisection (the sum decreases in τ)."""
    zs = [x / 2 for x in xs]
    lo, hi = max(zs) - 1, max(zs)
    for _ in range(400):
        mid = (lo + hi) / 2
        if mpmath.fsum(max(z - mid, 0) ** 2 for z in zs) > 1:
            lo = mid
        else:
            hi = mid
    return [max(z - (lo + hi) / 2, 0) ** 2 for z in zs]


def _maxout(xs):
    return [max(xs[i : i + 2]) for i in range(0, len(xs), 2)]


SECOND = {
    "softmax": _softmax,
    "log_softmax": _log_softmax,
    "softmin": _softmin,
    "sparsemax": _sparsemax,
    "entmax15": _entmax15,
    "maxout": _maxout,
}

ROWS = [
    [0.3, -1.2, 2.5, 0.0, 1.7, -0.4, 3.1],
    [1e4 + 0.3, 1e4, 1e4 - 0.2, 1e4 - 5.0],
    [-700.0, 2.0, 1.5, -3.0, 40.0, 39.5],
    [1e-8, -2e-9, 3e-10, 0.25, -0.125, 0.0625],
    [0.5, 0.45, 0.4, 0.35, -30.0, 12.0],
]


def _measured_kappas(fn, row):
    """κ_i = Σ_j |x_j ∂y_i/∂x_j| / |y_i| from one relative perturbation of each x_j."""
    with mpmath.workdps(DIGITS):
        xs = [mpmath.mpf(v) for v in row]
        y = fn(xs)
        sens = [mpmath.mpf(0)] * len(y)
        for j, xj in enumerate(xs):
            bumped = list(xs)
            bumped[j] = xj * (1 + H)
            sens = [s + abs(b - a) / H for s, a, b in zip(sens, y, fn(bumped), strict=True)]
        return y, [reference.kappa(t, s) for t, s in zip(y, sens, strict=True)]


@pytest.mark.parametrize("row", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
@pytest.mark.parametrize("name", list(SECOND))
def test_row_truths_match_a_second_derivation(name, row):
    truth = reference.row_truth(act.get(name), row)
    want, kappas = _measured_kappas(SECOND[name], row)
    assert len(truth.values) == len(want)
    for got, t in zip(truth.values, want, strict=True):
        assert _close(got, t, 40), (got, t)
    np.testing.assert_allclose(truth.kappas, kappas, rtol=1e-9, atol=1e-12)


def test_row_truths_take_minus_infinity_as_absent():
    row = [0.5, -math.inf, 2.0, -math.inf, -1.0]
    finite = [0.5, 2.0, -1.0]
    for name in ("softmax", "sparsemax", "entmax15"):
        spec = act.get(name)
        with_inf, without = reference.row_truth(spec, row), reference.row_truth(spec, finite)
        assert [with_inf.values[i] for i in (0, 2, 4)] == without.values, name
        assert with_inf.values[1] == with_inf.values[3] == 0, name
    with pytest.raises(ValueError, match="at least one finite"):
        reference.softmax([-math.inf, -math.inf])
    with pytest.raises(ValueError, match="only −inf"):
        reference.softmax([0.0, math.inf])


def test_sparsemax_truth_is_exact_where_60_digits_are_not():
    """[1, 2⁻⁹⁰⁰]: both entries are in the support and the small one's output is
    2⁻⁹⁰¹; 60 digits would round 2⁻⁹⁰⁰ − 1 to −1 and give it 0."""
    assert reference.sparsemax([1.0, 2.0**-900]).values[1] == mpmath.mpf(2) ** -901


# --------------------------------------------------------------------------- GLUs


def _sig(t):
    return 1 / (1 + mpmath.exp(-t))


def _gate(name, b, tanh=False):
    """h(b), h′(b), h″(b) from exact identities (no cancellation)."""
    if name == "glu":
        h, dh = _sig(b), _sig(b) * _sig(-b)
        return h, dh, dh * (_sig(-b) - _sig(b))
    if name == "reglu":
        return (b, 1, 0) if b > 0 else (0, 0, 0)
    if name == "swiglu":
        s, sm = _sig(b), _sig(-b)
        return b * s, s * (1 + b * sm), s * sm * (2 + b * (sm - s))
    if not tanh:  # geglu: b Φ(b)
        phi = mpmath.npdf(b)
        return b * mpmath.ncdf(b), mpmath.ncdf(b) + b * phi, phi * (2 - b * b)
    c, k = mpmath.sqrt(2 / mpmath.pi), mpmath.mpf("0.044715")  # b σ(2u), u = c(b + k b³)
    t, dt, d2t = 2 * c * (b + k * b**3), 2 * c * (1 + 3 * k * b * b), 12 * c * k * b
    s, ds = _sig(t), _sig(t) * _sig(-t)
    d2s = ds * (_sig(-t) - _sig(t))
    return b * s, s + b * dt * ds, 2 * dt * ds + b * (d2t * ds + dt * dt * d2s)


GLUS = [("glu", {}), ("reglu", {}), ("geglu", {}), ("geglu", {"approximate": "tanh"}),
        ("swiglu", {})]  # fmt: skip


@pytest.mark.parametrize(("name", "params"), GLUS, ids=["glu", "reglu", "geglu", "geglu-tanh",
                                                         "swiglu"])  # fmt: skip
def test_glu_truths_match_the_gates_identities(name, params):
    spec = act.get(name)
    for a in (1.3, -2e5):
        for b in (-750.0, -30.0, -3.3, -0.7, 0.4, 2.9, 25.0, 700.0):
            with mpmath.workdps(DIGITS):
                am, bm = mpmath.mpf(a), mpmath.mpf(b)
                h, dh, d2h = (mpmath.mpf(v) for v in _gate(name, bm, bool(params)))
                want = [am * h, abs(am * h) + abs(am * bm * dh)]
                want_vjp = [h, am * dh, abs(bm * dh), abs(am * dh) + abs(am * bm * d2h)]
            for got, t in zip(
                [*reference.halves(spec, a, b, params=params),
                 *reference.halves(spec, a, b, params=params, vjp=True)],
                want + want_vjp, strict=True,
            ):  # fmt: skip
                assert _close(got, t, 24), (a, b, got, t)


# --------------------------------------------------------------------------- elementwise


def test_precision_ladder_resolves_cancellation():
    """x + √(x² + 4) at x = −1e100 is 2e-100; 50 or 60 digits give exactly 0."""
    func = reference.mp_function(reference.derivatives(X + sp.sqrt(X**2 + 4), 1))
    with mpmath.workdps(60):
        assert func(mpmath.mpf(-1e100))[0] == 0
    value, deriv = reference.ladder(func, -1e100)
    assert abs(value / mpmath.mpf("2e-100") - 1) < 1e-20
    assert deriv > 0
    # A value that is exactly zero is accepted as zero (after the whole ladder).
    ramp = reference.mp_function(reference.derivatives(sp.Piecewise((0, X < 0), (X, True)), 1))
    assert reference.ladder(ramp, -1.0) == (0, 0)
    # With a cap, the ladder stops there: its values are trusted as they are.
    value, _ = reference.ladder(func, -1e100, cap=60)
    assert value == 0


POINTS = (-700.5, -37.25, -3.3, -1e-7, 2.5e-12, 0.8, 19.5, 650.25)


@pytest.mark.parametrize("spec", [s for s in act.specs() if s.elementwise], ids=lambda s: s.name)
def test_working_precision_agrees_with_the_ladder(spec):
    """reference.reference (precision chosen from |x|) against the ladder (precision
    raised until two agree): f and f′ to 20 digits, or both far below any float."""
    for order in (0, 1):
        for x, lad in zip(POINTS, reference.checked_truths(spec, order, POINTS), strict=True):
            if any(abs(x - k.at) < 1e-6 for k in spec.kinks):
                continue
            got = reference.reference(spec, x)[order]
            assert lad is not None, (spec.name, order, x)
            assert _close(got, lad[0], 20), (order, x, got, lad[0])


def test_expression_takes_a_variant_from_its_parameters():
    gelu = act.get("gelu")
    tanh = next(v.expr for v in gelu.variants if v.label == "tanh")
    assert reference.expression(gelu, params={"approximate": "tanh"}) == tanh
    assert reference.expression(gelu) == gelu.expr
    silu = act.get("silu")
    assert reference.expression(silu, params={"beta": 2.0}) == silu.expr.subs(
        silu.symbols["beta"], 2
    )


# --------------------------------------------------------------------------- the rule


def test_kappa_and_the_allowance():
    assert reference.kappa(mpmath.mpf(2), mpmath.mpf(-6)) == 3.0
    assert reference.kappa(0, 0) == 0.0
    assert reference.kappa(0, 1e-300) == math.inf
    assert reference.allowed_ulps(3.0) == reference.BASE + 6.0 == 10.0
    assert reference.allowed_ulps(3.0, reference.ROW_BASE) == 22.0
    bases = {s.name: reference.base_ulps(s) for s in act.specs()}
    assert {n for n, b in bases.items() if b == reference.ROW_BASE} == {
        s.name for s in act.specs() if s.family == "softmax"
    }
    assert set(bases.values()) == {reference.BASE, reference.ROW_BASE}


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_ulp_error_counts_in_the_last_place_of_the_truth(dtype):
    info = np.finfo(dtype)
    eps, tiny, huge = float(info.eps), float(info.tiny), float(info.max)
    one_half = mpmath.mpf(1.5)
    assert reference.ulp_error(1.5 + 3 * eps, one_half, dtype) == (3.0, None)
    # just below a power of two the unit is the smaller one below it
    assert reference.ulp_error(1.0, mpmath.mpf(1) - mpmath.mpf(eps) / 2, dtype) == (1.0, None)
    # below the smallest normal number: within it is enough
    assert reference.ulp_error(0.0, mpmath.mpf(tiny) / 4, dtype)[1] is True
    assert reference.ulp_error(3 * tiny, mpmath.mpf(tiny) / 4, dtype)[1] is False
    # beyond the largest finite number: ±inf of the right sign
    over = mpmath.mpf(huge) * 2
    assert reference.ulp_error(math.inf, over, dtype) == (0.0, True)
    assert reference.ulp_error(-math.inf, over, dtype)[1] is False
    assert reference.ulp_error(huge, over, dtype)[1] is False
    # NaN, or inf where the truth is finite, always breaks the rule
    assert reference.ulp_error(math.nan, one_half, dtype) == (math.inf, False)
    assert reference.ulp_error(math.inf, one_half, dtype) == (math.inf, False)
    ulps, allowed, ok = reference.judge(1.5 + 6 * eps, one_half, 1.0, dtype)
    assert (ulps, allowed, ok) == (6.0, 6.0, True)
    assert reference.judge(1.5 + 8 * eps, one_half, 1.0, dtype)[2] is False


def test_compare_exempts_points_without_a_truth():
    x = np.array([1.0, 2.0, 3.0])
    judged = reference.compare(x, x, [mpmath.mpf(1), None, mpmath.mpf(3.5)], [0.0, 0.0, 0.0])
    assert judged.ok.tolist() == [True, True, False]
    assert math.isnan(judged.ulps[1])
    assert judged.worst(1)[0].startswith("x=3.0: got 3.0, true 3.5")


def test_grid_truths_are_stored_bit_for_bit_and_read_back(tmp_path, monkeypatch):
    """The truth store (reference/_store.py) returns exactly what was computed, reads
    what it stored (an altered file changes the result), keys a truth on its
    expression (another parameter is another file), and drops the truths of other
    evaluation code."""
    monkeypatch.setenv(_store.ENV, str(tmp_path))
    (tmp_path / "0123456789ab").mkdir()  # a folder of another state of the code
    x = np.array([-700.0, -30.0, 1e-300, 0.5, 40.0])
    args = ("softplus", x.tobytes(), x.dtype.str)
    raw = lambda truths: [[v._mpf_ for v in row] for row in truths]  # noqa: E731
    _rule._reference_on_grid.cache_clear()
    try:
        computed = _rule._reference_on_grid(*args, (), None)
        (file,) = tmp_path.glob("*/softplus-*.json.gz")
        assert not (tmp_path / "0123456789ab").exists()
        _rule._reference_on_grid.cache_clear()
        assert raw(_rule._reference_on_grid(*args, (), None)) == raw(computed)
        assert computed[0][0] < mpmath.mpf("1e-300")  # softplus(-700): 1550-digit values

        rows = json.loads(gzip.decompress(file.read_bytes()))
        rows[3][0] = _store._raw(mpmath.mpf(7))
        file.write_bytes(gzip.compress(json.dumps(rows).encode()))
        _rule._reference_on_grid.cache_clear()
        assert _rule._reference_on_grid(*args, (), None)[3][0] == 7

        _rule._reference_on_grid(*args, (("beta", 2.0),), None)
        assert len(list(tmp_path.glob("*/softplus-*.json.gz"))) == 2
    finally:
        _rule._reference_on_grid.cache_clear()  # no altered truth outlives the test


def test_row_truths_are_stored_bit_for_bit_and_read_back(tmp_path, monkeypatch):
    """Row truths go through the same store: read back exactly (special values and
    entries without a truth included), not computed again, keyed on the row."""
    monkeypatch.setenv(_store.ENV, str(tmp_path))
    spec = act.get("log_softmax")
    row = [-1e300, 0.0, 3.5, -math.inf]
    computed_by = _rows.ROW_TRUTHS["log_softmax"]

    def with_a_gap(r):  # a truth with an entry mpmath found no value for
        truth = computed_by(r)
        return _rows.Truth([*truth.values[:-1], None], truth.kappas)

    monkeypatch.setitem(_rows.ROW_TRUTHS, "log_softmax", with_a_gap)
    _rows._row_truth.cache_clear()
    try:
        computed = reference.row_truth(spec, row)
        assert computed.values[0] < -1e299 and computed.values[-1] is None
        _rows._row_truth.cache_clear()
        monkeypatch.setitem(_rows.ROW_TRUTHS, "log_softmax", None)  # would fail if called
        again = reference.row_truth(spec, row)
        raw = lambda truth: [None if v is None else v._mpf_ for v in truth.values]  # noqa: E731
        assert raw(again) == raw(computed)
        np.testing.assert_array_equal(again.kappas, computed.kappas)
        monkeypatch.setitem(_rows.ROW_TRUTHS, "log_softmax", computed_by)
        reference.row_truth(spec, [*row[:-1], 1.0])
        assert len(list(tmp_path.glob("*/log_softmax-*.json.gz"))) == 2
    finally:
        _rows._row_truth.cache_clear()
