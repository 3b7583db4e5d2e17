"""Gaussian- and self-gated activations: x times a gate between 0 and 1.

GELU gates with the normal CDF Φ, SiLU/swish with the sigmoid, Mish with
tanh(softplus); quick_gelu and hard_swish are their cheap approximations.

Implementation rules shared by this module:

* The gate is computed without cancellation in both tails: Φ by SciPy's ``ndtr``
  (never ``0.5·(1 + erf(x/√2))``), σ(t) and σ(−t) from ``e = exp(−|t|)`` (so e^t is
  never formed from an overflowing ``exp(−t)``).
* Where x = −∞ meets a zero gate (−∞·0), the multiplier is clamped to the most
  negative finite number first, which gives the limit (±0) without a mask.
* No ``np.where`` over data-dependent masks where arithmetic can select instead.
"""

from __future__ import annotations

import functools

import mpmath
import numpy as np
import scipy.special as sc
import sympy as sp

from ._array import elementwise, real_param
from ._spec import (
    Core,
    Framework,
    Kink,
    Naive,
    Paper,
    Param,
    Properties,
    Spec,
    Step,
    Variant,
    register,
)
from ._symbolic import Phi, ReLU6, Softplus, X, add, between, cases, frac, mul, phi
from ._symbolic import sigmoid as _sym_sigmoid

__all__ = ["gelu", "hard_swish", "mish", "quick_gelu", "silu"]

_SQRT_2_OVER_PI = 0.7978845608028654  # √(2/π)
_INV_SQRT_2PI = 0.3989422804014327  # 1/√(2π)
_SQRT_HALF = 0.7071067811865476  # 1/√2
_GELU_CUBIC = 0.044715


def _low(t):
    """Where exp(−t) overflows (t < −log(max)): a mask and t there, or None.

    There σ(t) = e^t is below the smallest normal number, but multiplied by x
    (SiLU, σ′) it is not, so those few elements are recomputed as eᵗ/(1 + eᵗ).
    """
    low = t < _LOW[t.dtype.type]
    return (low, t[low]) if low.any() else None


def _sigmoid_pair(t):
    """σ(t) and σ(−t), each to a few ULP for every t (NaN → NaN).

    With e = exp(−t): σ(t) = 1/(1 + e) and σ(−t) = e·σ(t) = e/(1 + e); the small one
    is never computed as 1 − (the large one). Where e overflows, both are
    recomputed from e^t (see :func:`_low`).
    """
    low = _low(t)
    sn = np.negative(t, out=np.empty_like(t))
    np.exp(sn, out=sn)  # e
    s = np.add(sn, 1.0, out=np.empty_like(sn))
    np.divide(1.0, s, out=s)
    sn *= s
    if low is not None:
        mask, tl = low
        el = np.exp(tl)
        s[mask] = el / (1.0 + el)
        sn[mask] = 1.0 / (1.0 + el)
    return s, sn


def _sigmoid(t, scratch=False):
    """σ(t) = 1/(1 + exp(−t)), as in :func:`_sigmoid_pair` (``scratch``: t may be reused).

    Every kernel of this module works in place on arrays it created: at 1e6
    elements a fresh temporary costs about as much as an exponential (page
    faults), so the textbook chain of temporaries, not its arithmetic, dominates
    its run time. ``out=`` also keeps 0-d inputs as arrays for the in-place steps.
    """
    low = _low(t)
    s = np.negative(t, out=t if scratch else np.empty_like(t))
    np.exp(s, out=s)
    s += 1.0
    np.divide(1.0, s, out=s)
    if low is not None:
        mask, tl = low
        el = np.exp(tl)
        s[mask] = el / (1.0 + el)
    return s


_LOW = {
    np.float64: -float(np.log(np.finfo(np.float64).max)) + 1.0,
    np.float32: -float(np.log(np.finfo(np.float32).max)) + 1.0,
}


def _times(gate, x):
    """x·gate, in place in ``gate``; where x = ±inf meets a zero gate, the limit ±0.

    (±inf·0 is NaN; the gated functions tend to 0 there.)
    """
    np.multiply(gate, x, out=gate)
    inf = np.isinf(x)
    if inf.any():
        inf &= np.isnan(gate)
        gate[inf] = np.copysign(0.0, x[inf])
    return gate


def _finite(x):
    """x with ±inf replaced by ±max (for multipliers of a gate that is 0 there)."""
    big = np.finfo(x.dtype).max
    return np.clip(x, -big, big)


# ---------------------------------------------------------------------------
# GELU
# ---------------------------------------------------------------------------


class _TaylorBand:
    """g(x) on ``low < x < high`` summed from its Taylor series about the nearest
    multiple of 1/32 (|h| ≤ 1/64): g there in two floats (hi + lo) and the terms to h⁷,
    computed once from ``g`` in mpmath (the first omitted term is below 1e-17 of
    |g′| h on these bands, a tenth of an ULP).  Where g is a sum that cancels, or
    SciPy's function loses digits, this is accurate to about half an ULP.
    """

    STEP, ORDER = 1.0 / 32.0, 7

    def __init__(self, g, low, high):
        self.g, self.low, self.high = g, low, high

    @functools.cached_property
    def table(self):
        """One row per centre: value (hi, lo), then the Taylor terms from h⁷ down to h¹;
        built on first use, so importing the library stays fast."""
        rows = []
        with mpmath.workdps(40):
            for j in range(round((self.high - self.low) / self.STEP) + 1):
                centre = mpmath.mpf(self.high - j * self.STEP)
                value, *terms = mpmath.taylor(self.g, centre, self.ORDER)
                rows.append([float(value), float(value - float(value)), *map(float, terms[::-1])])
        return np.array(rows)

    def fix(self, x, out):
        """``out`` with g(x) where x is in the band (computed in float64, then rounded)."""
        band = (x > self.low) & (x < self.high)
        if band.any():
            xb = x[band].astype(np.float64)
            j = np.rint((self.high - xb) / self.STEP)
            h = xb - (self.high - j * self.STEP)  # exact
            table = self.table[j.astype(np.intp)]
            p = table[:, 2]
            for k in range(3, self.ORDER + 2):
                p = p * h + table[:, k]
            out[band] = table[:, 0] + (table[:, 1] + p * h)
        return out


# SciPy's ndtr(x) computes Φ(x) as erfc(|x|/√2)/2, and erfc(z) for z < 1 as 1 − erf(z):
# for z in (0.7, 1) (x in (−√2, −1)) that subtraction loses up to 10 ULP of Φ.
_PHI_BAND = _TaylorBand(mpmath.ncdf, -1.5, -1.0)
# GELU′ = Φ + xφ cancels around its zero x ≈ −0.7518, where the two terms' roundings
# (a few 1e-17) exceed what the rule allows there, about 2|x GELU″| ULP (5e-17).
_GELU_PRIME_BAND = _TaylorBand(lambda t: mpmath.ncdf(t) + t * mpmath.npdf(t), -1.0, -0.5)


def _mp_gelu_tanh_prime(x):
    u = mpmath.sqrt(2 / mpmath.pi) * (x + mpmath.mpf(_GELU_CUBIC) * x**3)
    du = mpmath.sqrt(2 / mpmath.pi) * (1 + 3 * mpmath.mpf(_GELU_CUBIC) * x**2)
    return (1 + mpmath.tanh(u)) / 2 + x / 2 * mpmath.sech(u) ** 2 * du


# The tanh form's derivative σ(2u) + x·(2u)′·σ(2u)σ(−2u) cancels on (−2.5, −0.5) by up
# to 3× (it vanishes near −0.75), where the roundings of its chain reach 7 ULP.
_GELU_TANH_PRIME_BAND = _TaylorBand(_mp_gelu_tanh_prime, -2.5, -0.5)


def _ndtr(x, out=None):
    """Φ(x): SciPy's ``ndtr``, recomputed where it loses digits, and below x = −37.5,
    where ``ndtr`` returns 0 but Φ is a subnormal float64 (as φ(x)·√(π/2)·erfcx(−x/√2))."""
    out = _PHI_BAND.fix(x, sc.ndtr(x, out=np.empty_like(x) if out is None else out))
    if x.dtype == np.float64:
        low = x < -37.0
        if low.any():
            xl = x[low]
            out[low] = 0.5 * sc.erfcx(xl * -_SQRT_HALF) * np.exp(-0.5 * xl * xl)
    return out


def _gelu_prime(x):
    """GELU′(x) = Φ(x) + x·φ(x): both terms accurate in the tails (``ndtr``, and φ
    from ``exp(−x²/2)``), and recomputed around GELU′'s zero."""
    # Beyond ±40 the x·φ(x) term is below every subnormal; clipping keeps ±inf out.
    xc = np.clip(x, -40.0, 40.0, out=np.empty_like(x))
    phi = np.multiply(xc, xc, out=np.empty_like(xc))
    phi *= -0.5
    np.exp(phi, out=phi)
    phi *= _INV_SQRT_2PI
    phi *= xc
    phi += _ndtr(x, out=xc)
    return _GELU_PRIME_BAND.fix(x, phi)


_APPROXIMATE = Param(
    "approximate",
    "none",
    '"none" for the exact x·Φ(x), "tanh" for the tanh approximation of Hendrycks & Gimpel.',
)


def _check_approximate(approximate):
    if approximate not in ("none", "tanh"):
        raise ValueError(
            f'gelu: approximate must be "none" or "tanh", got {approximate!r} '
            '(PyTorch\'s spelling; JAX/Keras approximate=True is "tanh")'
        )


def _gelu_tanh_t(x):
    """t = 2u = 2√(2/π)(x + 0.044715x³), in a new array."""
    t = np.multiply(x, x, out=np.empty_like(x))
    t *= x
    t *= _GELU_CUBIC
    t += x
    t *= 2.0 * _SQRT_2_OVER_PI
    return t


@elementwise
def gelu(x, approximate="none"):
    r"""Gaussian error linear unit, :math:`\operatorname{GELU}(x) = x\,\Phi(x)`.

    Φ is the standard normal CDF, computed by :func:`scipy.special.ndtr`, which
    keeps full relative accuracy in the left tail. The textbook
    ``0.5 * x * (1 + erf(x / sqrt(2)))`` cancels for negative x, losing digits
    progressively, and returns exactly 0 once erf rounds to −1, where the value
    (about −φ(x)) is still far above the smallest float (examples and the benchmark's
    figures are on the GELU page).

    With ``approximate="tanh"`` the approximation
    ``0.5·x·(1 + tanh(√(2/π)(x + 0.044715 x³)))`` is evaluated as the equal
    ``x·σ(2u)``, u = √(2/π)(x + 0.044715 x³), which does not cancel either.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    approximate : {"none", "tanh"}, default "none"
        ``"none"``: exact x·Φ(x) (the default of PyTorch, keras.activations.gelu and
        tf.keras 2). ``"tanh"``: the tanh approximation (the default of jax.nn.gelu
        and keras.ops.gelu, spelled ``approximate=True`` there).

    Returns
    -------
    ndarray or scalar
        GELU(x), same dtype as ``x``.

    Raises
    ------
    ValueError
        If ``approximate`` is not ``"none"`` or ``"tanh"``.

    Examples
    --------
    >>> import activations as act
    >>> act.gelu([-1.0, 0.0, 1.0])
    array([-0.15865525,  0.        ,  0.84134475])
    >>> act.gelu([-1.0, 0.0, 1.0], approximate="tanh")
    array([-0.15880801,  0.        ,  0.84119199])
    >>> float(act.gelu(-10.0))  # the textbook erf form returns -0.0
    -7.61985302416e-23
    """
    _check_approximate(approximate)
    if approximate == "tanh":
        return _times(_sigmoid(_gelu_tanh_t(x), scratch=True), x)
    return _times(_ndtr(x), x)


@elementwise
def gelu_grad(x, approximate="none"):
    r"""GELU′(x) = Φ(x) + x·φ(x) (exact) or the derivative of the tanh form.

    Both terms are accurate in the tails (``ndtr``, and φ from ``exp(−x²/2)``);
    around the zero of GELU′ at x ≈ −0.7518, where they cancel, the exact form is
    summed from its Taylor series instead.
    """
    _check_approximate(approximate)
    if approximate == "none":
        return _gelu_prime(x)
    return _gelu_tanh_prime(x)


def _gelu_tanh_prime(x):
    """The tanh form's derivative σ(2u) + x·(2u)′·σ(2u)σ(−2u), in float64 (float32
    roundings of this chain add up beyond the rule), summed from its Taylor series where
    it cancels (:data:`_GELU_TANH_PRIME_BAND`); also the gate derivative of GEGLU."""
    # Beyond ±40 the x·(gate′) term is below every subnormal; clipping keeps ±inf out
    # (and b³, which overflows beyond about 1e103, out of inf·0 = NaN).
    xc = np.clip(x, -40.0, 40.0).astype(np.float64, copy=False)
    s, sn = _sigmoid_pair(_gelu_tanh_t(xc))
    dt = np.multiply(xc, xc, out=np.empty_like(xc))  # dt = d(2u)/dx
    dt *= 3.0 * _GELU_CUBIC
    dt += 1.0
    dt *= 2.0 * _SQRT_2_OVER_PI
    dt *= xc
    dt *= s
    dt *= sn
    dt += s
    return _GELU_TANH_PRIME_BAND.fix(xc, dt)


# Float("0.044715") is the float64 the code uses, so the reference is that exact curve.
_u = sp.sqrt(2 / sp.pi) * (X + sp.Float("0.044715") * X**3)
_gelu_tanh_expr = X / 2 * (1 + sp.tanh(_u))
_gelu_tanh_display = mul(
    frac(X, 2),
    add(1, sp.tanh(mul(sp.sqrt(frac(2, sp.pi)), add(X, mul(sp.Float("0.044715"), X**3))))),
)
_GELU_PRIME = add(Phi(X), mul(X, phi(X)))
register(
    Spec(
        name="gelu",
        title="GELU",
        family="gaussian-gated",
        summary="x·Φ(x): the input weighted by the probability that a standard normal variable "
        "is below it. The activation of BERT, GPT and ViT.",
        fn=gelu,
        grad=gelu_grad,
        parameters=(_APPROXIMATE,),
        expr=X * Phi(X),
        display=mul(X, Phi(X)),
        display_derivative=_GELU_PRIME,
        derivation=(
            Step(
                sp.Add(
                    sp.Mul(sp.Derivative(X, X), Phi(X), evaluate=False),
                    sp.Mul(X, sp.Derivative(Phi(X), X), evaluate=False),
                    evaluate=False,
                ),
                "product rule",
            ),
            Step(
                sp.Add(
                    Phi(X),
                    sp.Mul(
                        X,
                        sp.exp(-(X**2) / 2),
                        sp.Pow(
                            sp.sqrt(sp.Mul(2, sp.pi, evaluate=False), evaluate=False),
                            -1,
                            evaluate=False,
                        ),
                        evaluate=False,
                    ),
                    evaluate=False,
                ),
                r"$\Phi' = \varphi$, the standard normal density $e^{-x^2/2}/\sqrt{2\pi}$",
            ),
            Step(_GELU_PRIME, "write φ for the standard normal density"),
        ),
        variants=(Variant("tanh", {"approximate": "tanh"}, _gelu_tanh_expr, _gelu_tanh_display),),
        core=Core(
            "transformers (BERT, GPT-2, ViT); BERT and GPT-2 were trained with the tanh form",
            "porting a model: exact and tanh forms differ",
        ),
        properties=Properties(
            range=(-0.16997120747990366, float("inf"), True, False),
            range_latex=r"[m, \infty),\ m \approx -0.170",
            monotonic="no",
            smoothness="Cinf",
            saturation="left",
            self_gated=True,
            cost="one transcendental",
        ),
        strengths=(
            "Smooth everywhere, with no zero-gradient region (the gradient does vanish as x → −∞).",
            "Probabilistic reading: the expected value of x times a Bernoulli(Φ(x)) mask, "
            "relating ReLU, dropout and zoneout (Hendrycks & Gimpel, §2).",
            "Used by GPT (Radford et al., 2018, §4.1), BERT (Devlin et al., 2019, appendix "
            "A.2) and ViT (Dosovitskiy et al., 2021, §3.1); in the original paper it matched "
            "or beat ReLU and ELU on its vision, language and speech tasks (Hendrycks & "
            "Gimpel, §3).",
        ),
        weaknesses=(
            "Needs the error function, hence the tanh and sigmoid approximations of "
            "Hendrycks & Gimpel, §2.",
            "Not monotonic: dips below 0 to its minimum (the lower end of the range) before "
            "rising.",
            "Frameworks disagree on the default form (exact or tanh), so a model can change "
            "when ported; the framework tabs give the largest difference, computed.",
        ),
        typical_use="Feed-forward blocks of transformers (BERT, GPT, ViT) and many modern "
        "CNNs; use the form the pretrained weights were trained with (BERT and GPT-2: the "
        "tanh form).",
        year=2016,
        paper=Paper(
            "D. Hendrycks, K. Gimpel",
            "Gaussian Error Linear Units (GELUs)",
            "arXiv:1606.08415",
            2016,
            "https://arxiv.org/abs/1606.08415",
            "§2",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.gelu / torch.nn.GELU",
                defaults={"approximate": "none"},
                note='approximate="none" (exact, the default) or "tanh".',
            ),
            Framework(
                "Keras 3",
                "keras.activations.gelu",
                defaults={"approximate": "none"},
                values={"approximate": False},
                note="approximate=False by default: exact x·Φ(x).",
            ),
            Framework(
                "Keras 3",
                "keras.ops.gelu",
                defaults={"approximate": "tanh"},
                values={"approximate": True},
                note="approximate=True by default: the tanh form. The op underneath the "
                "activation has the other default.",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.gelu / tf.nn.gelu",
                defaults={"approximate": "none"},
                values={"approximate": False},
                note="approximate=False by default: exact.",
                source="tf_keras/activations.py, tensorflow/python/ops/nn_ops.py",
            ),
            Framework(
                "JAX",
                "jax.nn.gelu",
                defaults={"approximate": "tanh"},
                values={"approximate": True},
                note="approximate=True by default: the tanh form; approximate=False is exact.",
            ),
        ),
        naive=Naive(
            fn="0.5 * x * (1 + scipy.special.erf(x / np.sqrt(2)))",
            grad=(
                "0.5 * (1 + scipy.special.erf(x / np.sqrt(2))) + x * np.exp(-x**2 / 2) / "
                "np.sqrt(2 * np.pi)"
            ),
            why="`1 + erf(x/√2)` cancels for x < 0 and becomes exactly 0 far enough out, "
            "although GELU(x) is still representable there (see the inputs below). "
            "PyTorch's exact GELU computes the same formula and returns 0 there too "
            "(`test_pytorch_exact_gelu_underflows_and_softplus_switches_to_x` checks the "
            "PyTorch release named in its tab). The catalog uses "
            "`x * scipy.special.ndtr(x)`; the tanh form `0.5x(1 + tanh(u))` cancels the "
            "same way and is computed as x·σ(2u).",
            examples=(-3.0, -6.0, -10.0),
            examples_float32=(-4.0, -6.0),
        ),
        notes="Exact form: `x * scipy.special.ndtr(x)` (±inf·0 at x = −∞ replaced by the limit "
        "−0); the derivative is `ndtr(x) + x·φ(x)`, with x clipped to ±40 where x·φ(x) is "
        "below every subnormal. An accurate left tail needs the complementary error "
        "function, which NumPy lacks, so the exact form relies on SciPy's `ndtr`. The tanh "
        "variant is written as x·σ(2u) with σ = 1/(1 + exp(−2u)) (the few elements where "
        "exp(−2u) overflows recomputed from exp(2u)); its derivative computes float32 "
        "inputs in float64, because in float32 the rounding errors of its chain of "
        "operations add up beyond the accuracy rule; on (−2.5, −0.5), where its two terms "
        "cancel (f′ vanishes near x = −0.75), it is summed from a Taylor series instead. "
        "Hugging Face's `gelu_new` and `gelu_pytorch_tanh` are the "
        'tanh form: `act.gelu(x, approximate="tanh")` (they are not aliases of the exact '
        "default).",
        popularised_by=(
            Paper(
                "A. Radford, K. Narasimhan, T. Salimans, I. Sutskever",
                "Improving Language Understanding by Generative Pre-Training",
                "OpenAI technical report",
                2018,
                "https://cdn.openai.com/research-covers/language-unsupervised/"
                "language_understanding_paper.pdf",
                "§4.1",
            ),
            Paper(
                "J. Devlin, M.-W. Chang, K. Lee, K. Toutanova",
                "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
                "NAACL 2019 (arXiv:1810.04805)",
                2019,
                "https://arxiv.org/abs/1810.04805",
                "appendix A.2",
            ),
        ),
        see_also=(
            ("quick_gelu", "the sigmoid approximation x·σ(1.702x)"),
            ("silu", "x·σ(x), the other self-gated unit"),
            ("geglu", "GELU as the gate of a GLU"),
            ("relu", "what it smooths"),
        ),
    )
)


# ---------------------------------------------------------------------------
# SiLU / swish
# ---------------------------------------------------------------------------

_SILU_BETA = Param(
    "beta",
    1.0,
    "Gate sharpness (swish β): x·σ(βx) is x/2 at β = 0 and tends to ReLU as β → ∞. "
    "Learnable in the swish paper.",
    latex=r"\beta",
    examples=(0.5, 1.0, 2.0, 10.0),
    learnable=True,
)


def _silu_core(x, beta):
    if beta == 0.0:
        return 0.5 * x
    if beta == 1.0:
        return _times(_sigmoid(x), x)
    return _times(_sigmoid(np.multiply(x, beta, out=np.empty_like(x)), scratch=True), x)


def _silu_grad_core(x, beta):
    if beta == 0.0:
        return 0.5 + 0.0 * np.clip(x, -1.0, 1.0)  # ½ everywhere, NaN stays NaN
    t = np.multiply(x, beta, out=np.empty_like(x))
    np.clip(t, -1000.0, 1000.0, out=t)  # σ(∓1000)·1000 is 0; keeps ±inf·0 out
    s, sn = _sigmoid_pair(t)
    sn *= t
    sn += 1.0
    sn *= s
    return sn


@elementwise
def silu(x, beta=1.0):
    r"""Sigmoid linear unit / swish, :math:`x\,\sigma(\beta x)`.

    σ is evaluated from ``exp(−|βx|)`` so that neither tail loses digits: the
    textbook ``x / (1 + exp(-x))`` returns 0 for x < −709.8 (float64) although
    x·eˣ is representable down to x ≈ −745.

    Parameters
    ----------
    x : array_like
        Real input of any shape.
    beta : float, default 1.0
        The swish β (learnable in the swish paper; its gradient is
        ``act.get("silu").param_grads["beta"]``). β = 1 is SiLU; β = 0 gives x/2.

    Returns
    -------
    ndarray or scalar
        x·σ(βx), same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.silu([-1.0, 0.0, 1.0])
    array([-0.26894142,  0.        ,  0.73105858])
    >>> act.silu([-1.0, 0.0, 1.0], beta=2.0)
    array([-0.11920292,  0.        ,  0.88079708])
    >>> float(act.silu(-712.0))  # x / (1 + exp(-x)) gives -0.0
    -4.313292185103e-307
    """
    beta = real_param("silu", "beta", beta)
    return _silu_core(x, beta)


@elementwise
def silu_grad(x, beta=1.0):
    r"""SiLU′(x) = σ(βx)·(1 + βx·σ(−βx)), with σ(−βx) computed directly (not 1 − σ)."""
    beta = real_param("silu", "beta", beta)
    return _silu_grad_core(x, beta)


@elementwise
def silu_grad_beta(x, beta=1.0):
    r"""∂/∂β of x·σ(βx) = x²·σ(βx)·σ(−βx), elementwise (sum it for a shared β)."""
    beta = real_param("silu", "beta", beta)
    if beta == 0.0:
        return 0.25 * (x * x)
    t = beta * x
    s, sn = _sigmoid_pair(t)
    # (x·s)·(x·sn): no x² overflow when the true value is finite; clamp ±inf first
    # (their gradient is 0: the gate has saturated).
    xc = _finite(x)
    return (xc * s) * (xc * sn)


_sbeta = _SILU_BETA.symbol
register(
    Spec(
        name="silu",
        title="SiLU / Swish",
        family="gaussian-gated",
        summary="x·σ(βx): the input gated by its own sigmoid. β = 1 is SiLU; a learnable β is "
        "swish. Used in EfficientNet and, inside SwiGLU, in LLaMA.",
        fn=silu,
        grad=silu_grad,
        parameters=(_SILU_BETA,),
        param_grads={"beta": silu_grad_beta},
        expr=X * _sym_sigmoid(_sbeta * X),
        display=mul(X, _sym_sigmoid(mul(_sbeta, X))),
        display_derivative=mul(
            _sym_sigmoid(mul(_sbeta, X)),
            add(1, mul(_sbeta, X, add(1, -_sym_sigmoid(mul(_sbeta, X))))),
        ),
        derivation=(
            Step(
                sp.Add(
                    sp.Mul(sp.Derivative(X, X), _sym_sigmoid(_sbeta * X), evaluate=False),
                    sp.Mul(X, sp.Derivative(_sym_sigmoid(_sbeta * X), X), evaluate=False),
                    evaluate=False,
                ),
                "product rule",
            ),
            Step(
                sp.Add(
                    _sym_sigmoid(_sbeta * X),
                    sp.Mul(
                        _sbeta,
                        X,
                        _sym_sigmoid(_sbeta * X),
                        1 - _sym_sigmoid(_sbeta * X),
                        evaluate=False,
                    ),
                    evaluate=False,
                ),
                "σ′(t) = σ(t)(1 − σ(t)) and the chain rule (factor β)",
            ),
            Step(
                sp.Mul(
                    _sym_sigmoid(_sbeta * X),
                    1 + _sbeta * X * (1 - _sym_sigmoid(_sbeta * X)),
                    evaluate=False,
                ),
                "factor out σ(βx)",
            ),
        ),
        core=Core(
            "CNNs (EfficientNet); inside SwiGLU",
            "integer-only mobile inference",
        ),
        properties=Properties(
            range=(-0.2784645427610738, float("inf"), True, False),
            range_latex=r"[m, \infty),\ m \approx -0.278",
            monotonic="no",
            smoothness="Cinf",
            saturation="left",
            self_gated=True,
            cost="one transcendental",
        ),
        strengths=(
            "Smooth and non-monotonic with a small negative dip (minimum ≈ −0.278 at "
            "x ≈ −1.278); found by automated search and ahead of ReLU on ImageNet models "
            "in Ramachandran et al. (2017).",
            "Unbounded above, bounded below; Ramachandran et al. suggest the floor regularises.",
            "One exponential, where exact GELU needs the error function; β can be learned "
            "per layer.",
        ),
        weaknesses=(
            "Costlier than ReLU (an exponential and a division).",
            "Not monotonic, and its gradient vanishes for very negative inputs.",
            "Two names for one function (SiLU, swish) and a β that most frameworks omit.",
        ),
        typical_use="Hidden layers of EfficientNet (Tan & Le, 2019); the gate of SwiGLU in "
        "LLaMA-style transformers (Touvron et al., 2023).",
        year=2016,
        paper=Paper(
            "D. Hendrycks, K. Gimpel",
            "Gaussian Error Linear Units (GELUs)",
            "arXiv:1606.08415",
            2016,
            "https://arxiv.org/abs/1606.08415",
            "as the Sigmoid Linear Unit (SiLU)",
        ),
        frameworks=(
            Framework(
                "PyTorch",
                "torch.nn.functional.silu / torch.nn.SiLU",
                defaults={"beta": None},
                note="No β (fixed at 1).",
            ),
            Framework(
                "Keras 3",
                "keras.activations.silu / keras.activations.swish",
                defaults={"beta": None},
                note="No β.",
            ),
            Framework(
                "tf.keras 2",
                "tf.keras.activations.swish",
                defaults={"beta": None},
                note="No β.",
                source="tf_keras/activations.py",
            ),
            Framework(
                "tf.keras 2",
                "tf.nn.silu / tf.nn.swish",
                defaults={"beta": 1.0},
                note="The TensorFlow function takes β.",
                source="tensorflow/python/ops/nn_impl.py",
            ),
            Framework("JAX", "jax.nn.silu / jax.nn.swish", defaults={"beta": None}, note="No β."),
        ),
        aliases=("swish",),
        naive=Naive(
            fn="x / (1 + np.exp(-beta * x))",
            grad="1 / (1 + np.exp(-beta * x)) * (1 + beta * x * (1 - 1 / (1 + np.exp(-beta * x))))",
            why="The value is good except where `exp(-βx)` overflows (βx < −709.78, a "
            "warning): the result is then 0 although x·exp(βx) is still representable, and "
            "at x = −∞ it is NaN. The textbook derivative's `1 - s` cancels for large βx, "
            "and once `s` rounds to 1 the x·e⁻ˣ contribution is gone (see the inputs below). "
            "The catalog computes σ(βx) and σ(−βx) separately from `exp(-|βx|)`.",
            examples=(-720.0, 30.0, 40.0),
        ),
        notes="σ(t) = 1/(1 + e⁻ᵗ) and σ(−t) = e⁻ᵗ·σ(t): one exponential, no `np.where`; where "
        "e⁻ᵗ overflows σ(t) is subnormal but x·σ(t) need not be, so those elements (found "
        "by one comparison) are recomputed as eᵗ/(1 + eᵗ). SiLU′ = σ(t)(1 + t·σ(−t)) with "
        "σ(−t) computed directly has no cancellation except near its zero at x ≈ −1.278, "
        "where the condition number is infinite anyway. `param_grads['beta']` is "
        "x²·σ(βx)·σ(−βx) computed as (x·σ)(x·σ(−·)) so that x² never overflows where the "
        "product is finite. Hendrycks & Gimpel named x·σ(x) the SiLU in the GELU paper; "
        "Elfwing et al. used it in reinforcement learning, and Ramachandran et al. found "
        "it by search, called it swish and added β.",
        popularised_by=(
            Paper(
                "S. Elfwing, E. Uchibe, K. Doya",
                "Sigmoid-Weighted Linear Units for Neural Network Function Approximation in "
                "Reinforcement Learning",
                "Neural Networks 107, 3–11 (arXiv:1702.03118)",
                2018,
                "https://arxiv.org/abs/1702.03118",
            ),
            Paper(
                "P. Ramachandran, B. Zoph, Q. V. Le",
                "Searching for Activation Functions",
                "arXiv:1710.05941",
                2017,
                "https://arxiv.org/abs/1710.05941",
                "as swish, with β",
            ),
        ),
        see_also=(
            ("gelu", "x·Φ(x), the Gaussian-gated counterpart"),
            ("swiglu", "SiLU as the gate of a GLU"),
            ("hard_swish", "its piecewise-quadratic approximation"),
            ("sigmoid", "the gate"),
            ("mish", "x·tanh(softplus(x))"),
        ),
    )
)


# ---------------------------------------------------------------------------
# quick_gelu
# ---------------------------------------------------------------------------

_QUICK = 1.702


@elementwise
def quick_gelu(x):
    r"""QuickGELU, the sigmoid approximation of GELU: :math:`x\,\sigma(1.702\,x)`.

    The form used by OpenAI's CLIP; equal to ``silu(x, beta=1.702)``. It differs
    from the exact GELU by up to about 0.02, so weights trained with one should not
    be run with the other.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        x·σ(1.702x), same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.quick_gelu([-1.0, 0.0, 1.0])
    array([-0.15420423,  0.        ,  0.84579577])
    """
    return _silu_core(x, _QUICK)


@elementwise
def quick_gelu_grad(x):
    r"""QuickGELU′(x) = σ(1.702x)·(1 + 1.702x·σ(−1.702x))."""
    return _silu_grad_core(x, _QUICK)


_k = sp.Float("1.702")  # the float64 1.702 the code uses
register(
    Spec(
        name="quick_gelu",
        title="QuickGELU",
        family="gaussian-gated",
        summary="x·σ(1.702x): the cheap sigmoid approximation of GELU used by CLIP.",
        fn=quick_gelu,
        grad=quick_gelu_grad,
        expr=X * _sym_sigmoid(_k * X),
        display=mul(X, _sym_sigmoid(mul(_k, X))),
        display_derivative=mul(
            _sym_sigmoid(mul(_k, X)), add(1, mul(_k, X, add(1, -_sym_sigmoid(mul(_k, X)))))
        ),
        derivation=(
            Step(
                sp.Add(
                    sp.Mul(sp.Derivative(X, X), _sym_sigmoid(_k * X), evaluate=False),
                    sp.Mul(X, sp.Derivative(_sym_sigmoid(_k * X), X), evaluate=False),
                    evaluate=False,
                ),
                "product rule",
            ),
            Step(
                sp.Mul(
                    _sym_sigmoid(_k * X),
                    1 + _k * X * (1 - _sym_sigmoid(_k * X)),
                    evaluate=False,
                ),
                "σ′ = σ(1 − σ), chain rule (factor 1.702), factor out σ(1.702x)",
            ),
        ),
        properties=Properties(
            range=(-0.16361018963635357, float("inf"), True, False),
            range_latex=r"[m, \infty),\ m \approx -0.164",
            monotonic="no",
            smoothness="Cinf",
            saturation="left",
            self_gated=True,
            cost="one transcendental",
        ),
        strengths=(
            "One exponential instead of an error function: faster than GELU on any hardware.",
            "Close to GELU in shape (max difference ≈ 0.02), smooth and non-monotonic.",
            "Required to reproduce CLIP and models fine-tuned from it.",
        ),
        weaknesses=(
            "Not the same function as GELU: swapping it in a pretrained model changes outputs.",
            "No framework ships it in core; implementations copy `x * sigmoid(1.702 * x)`.",
            "Non-monotonic, like GELU.",
        ),
        typical_use="OpenAI's CLIP text and image towers (the `QuickGELU` module of its code, "
        "clip/model.py) and models fine-tuned from them.",
        year=2016,
        paper=Paper(
            "D. Hendrycks, K. Gimpel",
            "Gaussian Error Linear Units (GELUs)",
            "arXiv:1606.08415",
            2016,
            "https://arxiv.org/abs/1606.08415",
            "§2, as the sigmoid approximation of GELU",
        ),
        frameworks=(
            Framework("PyTorch", "—", note="`x * torch.sigmoid(1.702 * x)`."),
            Framework("Keras 3", "—"),
            Framework("tf.keras 2", "—"),
            Framework("JAX", "—", note="`x * jax.nn.sigmoid(1.702 * x)`."),
        ),
        aliases=("quickgelu", "gelu_sigmoid"),
        naive=Naive(
            fn="x / (1 + np.exp(-1.702 * x))",
            grad=(
                "1 / (1 + np.exp(-1.702 * x)) * (1 + 1.702 * x * (1 - 1 / (1 + np.exp(-1.702 "
                "* x))))"
            ),
            why="As for SiLU: the textbook value is 0 once `exp(-1.702x)` overflows "
            "(x < −417) and NaN at −∞; its derivative's `1 - s` cancels for large x.",
            examples=(-420.0, 30.0),
        ),
        notes="Shares SiLU's implementation with β = 1.702.",
        popularised_by=(
            Paper(
                "A. Radford, J. W. Kim, C. Hallacy, A. Ramesh, G. Goh, S. Agarwal, G. Sastry, "
                "A. Askell, P. Mishkin, J. Clark, G. Krueger, I. Sutskever",
                "Learning Transferable Visual Models From Natural Language Supervision",
                "ICML 2021 (arXiv:2103.00020)",
                2021,
                "https://arxiv.org/abs/2103.00020",
                "CLIP; the activation is in its released code, not in the paper",
            ),
        ),
        see_also=(
            ("gelu", "the function it approximates"),
            ("silu", "the same form with β = 1"),
        ),
    )
)


# ---------------------------------------------------------------------------
# hard_swish
# ---------------------------------------------------------------------------


@elementwise
def hard_swish(x):
    r"""Hard swish, :math:`x\,\operatorname{ReLU6}(x + 3)/6`.

    0 for x ≤ −3, x for x ≥ 3 and x(x + 3)/6 between: a piecewise-quadratic
    approximation of SiLU with no exponential.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        hard_swish(x), same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.hard_swish([-4.0, -1.0, 0.0, 1.0, 4.0])
    array([-0.        , -0.33333333,  0.        ,  0.66666667,  4.        ])
    """
    # gate/6 first: x·6 would overflow for x > max/6.
    gate = np.add(x, 3.0, out=np.empty_like(x))
    np.clip(gate, 0.0, 6.0, out=gate)
    gate /= 6.0
    return _times(gate, x)


@elementwise
def hard_swish_grad(x):
    r"""hard_swish′(x): 0 for x ≤ −3, (2x + 3)/6 on (−3, 3), 1 for x ≥ 3.

    At the kinks ±3 the outer pieces' values, 0 and 1: those the frameworks return
    (the spec's ``kinks`` record each framework's value, with its version).
    """
    mid = np.clip(x, -3.0, 3.0, out=np.empty_like(x))
    mid *= 2.0
    mid += 3.0
    mid /= 6.0
    # mid·[|x| < 3] + [x ≥ 3]: exact (one term is 0); NaN gives NaN·0 = NaN.
    mid *= (x > -3.0) & (x < 3.0)
    mid += x >= 3.0
    return mid


# How far hard swish is from SiLU, for its prose: computed here, on x in [−10, 10].
_HS_GRID = np.linspace(-10.0, 10.0, 20001)
_HS_GAP = np.abs(hard_swish(_HS_GRID) - silu(_HS_GRID))
_HS_GAP_TEXT = (
    f"{_HS_GAP.max():.3g} (at |x| = {abs(_HS_GRID[_HS_GAP.argmax()]):.3g}, computed on x "
    "from −10 to 10)"
)
_F32_MAX_6 = f"{float(np.finfo(np.float32).max) / 6:.2g}".replace("e+", "e")

register(
    Spec(
        name="hard_swish",
        title="Hard swish (hard SiLU)",
        family="gaussian-gated",
        summary="x·ReLU6(x + 3)/6: a piecewise-quadratic SiLU without exponentials, "
        "designed for mobile CNNs.",
        fn=hard_swish,
        grad=hard_swish_grad,
        expr=sp.Piecewise((0, X <= -3), (X * (X + 3) / 6, X < 3), (X, True)),
        display=frac(mul(X, ReLU6(add(X, 3))), 6),
        display_derivative=cases(
            (0, X <= -3),
            (frac(add(mul(2, X), 3), 6), between(-3, X, 3)),
            (1, X >= 3),
        ),
        derivation=(
            Step(
                cases(
                    (sp.Derivative(0, X), X <= -3),
                    (sp.Derivative(X * (X + 3) / 6, X), X < 3),
                    (sp.Derivative(X, X), True),
                ),
                "differentiate each piece",
            ),
            Step(
                cases((0, X <= -3), ((2 * X + 3) / 6, X < 3), (1, True)),
                "the kinks ±3 take the outer pieces (the middle one is the open interval (−3, 3))",
            ),
        ),
        kinks=(
            Kink(
                -3.0,
                0.0,
                "f′ jumps from 0 to −½ at x = −3; this library takes the flat piece, as the "
                "frameworks do.",
                frameworks={"PyTorch": 0.0, "Keras 3": 0.0, "JAX": 0.0},
            ),
            Kink(
                3.0,
                1.0,
                "f′ jumps from 3/2 to 1 at x = 3; this library takes the identity piece, as "
                "the frameworks do.",
                frameworks={"PyTorch": 1.0, "Keras 3": 1.0, "JAX": 1.0},
            ),
        ),
        core=Core(
            "mobile CNNs (MobileNetV3)",
            "where f′ must be continuous",
        ),
        properties=Properties(
            range=(-0.375, float("inf"), True, False),
            range_latex=r"[-\tfrac{3}{8}, \infty)",
            monotonic="no",
            smoothness="C0",
            saturation="left",
            self_gated=True,
            cost="arithmetic",
        ),
        strengths=(
            "No transcendental: a clip, an add and two multiplications; Howard et al. "
            "designed it for mobile hardware (§5.2).",
            "The shape of SiLU (a non-monotonic dip), but exactly x for x ≥ 3 and 0 for "
            f"x ≤ −3; it differs from SiLU by at most {_HS_GAP_TEXT}.",
            "Exactly zero for x ≤ −3: sparse activations.",
        ),
        weaknesses=(
            "Not differentiable at ±3 (the slope jumps by ½ at each).",
            "Zero gradient for x < −3: units can die there, as with ReLU.",
            "An approximation: SiLU-trained weights do not transfer exactly.",
        ),
        typical_use="Mobile CNNs (MobileNetV3, Howard et al., 2019), where exponentials are "
        "expensive or quantised.",
        year=2019,
        paper=Paper(
            "A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, "
            "R. Pang, V. Vasudevan, Q. V. Le, H. Adam",
            "Searching for MobileNetV3",
            "ICCV 2019 (arXiv:1905.02244)",
            2019,
            "https://arxiv.org/abs/1905.02244",
            "§5.2",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.hardswish / torch.nn.Hardswish"),
            Framework(
                "Keras 3",
                "keras.activations.hard_silu / keras.activations.hard_swish",
                note="Its docstring calls it a piecewise linear approximation of SiLU; its own "
                "formula, x(x + 3)/6 on [−3, 3], is quadratic there "
                "(`keras/src/activations/activations.py`).",
            ),
            Framework("tf.keras 2", "—", note="No hard swish in tf.keras 2 or tf.nn."),
            Framework("JAX", "jax.nn.hard_swish / jax.nn.hard_silu"),
        ),
        aliases=("hard_silu", "hardswish"),
        naive=Naive(
            fn="x * np.clip(x + 3, 0, 6) / 6",
            grad="np.where(x <= -3, 0.0, np.where(x >= 3, 1.0, (2 * x + 3) / 6))",
            why="The textbook value is accurate for ordinary inputs, but `x * relu6(x + 3)` "
            f"overflows to inf for x > max/6 before the division (float32: x > {_F32_MAX_6}, "
            "see below), and gives NaN at x = −∞ (−∞·0). The catalog divides the gate first "
            "and clamps ±∞.",
            examples_float32=(1e38,),
        ),
        notes="`x · (clip(x + 3, 0, 6)/6)`: no overflow, the limit −0 at −∞ (not −∞·0), and "
        "−0.0 for x ≤ −3. The derivative is assembled as `mid·[|x| < 3] + [x ≥ 3]` "
        "(exact, NaN-preserving, no `np.where`), which gives the outer pieces' values at "
        "the kinks ±3.",
        see_also=(
            ("silu", "the smooth function it approximates"),
            ("hard_sigmoid", "its gate"),
            ("relu6", "hard_swish(x) = x·relu6(x + 3)/6"),
        ),
    )
)


# ---------------------------------------------------------------------------
# Mish
# ---------------------------------------------------------------------------


def _mish_gate(x):
    """(g, e, d): g = tanh(softplus(x)) = n/d, n = eˣ(eˣ + 2), d = n + 2, e = eˣ.

    eˣ is capped at e⁴⁰ (beyond, the gate is 1 to working precision), so n and d
    stay finite in float32 too.
    """
    e = np.minimum(x, 40.0, out=np.empty_like(x))
    np.exp(e, out=e)
    g = np.add(e, 2.0, out=np.empty_like(e))
    g *= e
    d = np.add(g, 2.0, out=np.empty_like(g))
    g /= d
    return g, e, d


@elementwise
def mish(x):
    r"""Mish, :math:`x \tanh\bigl(\operatorname{softplus}(x)\bigr)`.

    Uses the identity tanh(log(1 + eˣ)) = n / (n + 2) with n = eˣ(eˣ + 2): one
    exponential, no cancellation (the gate ≈ eˣ in the left tail keeps every
    digit), no logarithm.

    Parameters
    ----------
    x : array_like
        Real input of any shape.

    Returns
    -------
    ndarray or scalar
        mish(x), same dtype as ``x``.

    Examples
    --------
    >>> import activations as act
    >>> act.mish([-1.0, 0.0, 1.0])
    array([-0.30340146,  0.        ,  0.86509839])
    >>> float(act.mish(-50.0))  # x·tanh(log(1 + exp(x))) gives -0.0
    -9.643749239819589e-21
    """
    g, _, _ = _mish_gate(x)
    return _times(g, x)


@elementwise
def mish_grad(x):
    r"""Mish′(x) = tanh(sp(x)) + x·σ(x)·sech²(sp(x)), sp = softplus, without cancellation.

    With e = eˣ, n = e(e + 2), δ = n + 2: tanh(sp) = n/δ and
    x·σ·sech² = 4x·e(e + 1)/δ². For x ≥ 0 both terms are positive and that sum is
    used. For x < 0 they have opposite signs (2–3 bits lost near x = −2), so the
    sum is taken over the common denominator, Mish′ = e·ω/δ² with
    ω = 4(x + 1) + e(4x + 6 + e(4 + e)), whose only cancellation is at Mish′'s
    zero (x ≈ −1.19), where the condition number is infinite anyway.
    """
    # e^cap keeps e³ finite (float32: e²⁰); beyond it Mish′ = 1 to working precision.
    cap = 40.0 if x.dtype == np.float64 else 20.0
    a = np.clip(x, -1000.0, cap, out=np.empty_like(x))  # no ±inf·0 below
    neg = a < 0
    g, e, d = _mish_gate(a)  # g = n/δ
    ed = np.divide(e, d, out=np.empty_like(e))  # e/δ
    # x ≥ 0: g + 4x·(e/δ)·((e + 1)/δ)
    t = np.add(e, 1.0, out=np.empty_like(e))
    t /= d
    t *= ed
    t *= 4.0
    t *= a
    g += t
    g *= ~neg
    # x < 0: (e/δ)·(ω/δ), ω = 4(x + 1) + e(4x + 6 + e(4 + e))
    a *= 4.0
    a += 4.0  # 4(x + 1), exact near x = −1
    np.add(e, 4.0, out=t)
    t *= e
    t += a
    t += 2.0
    t *= e
    t += a
    t /= d
    t *= ed
    t *= neg
    g += t  # one of the two terms is exactly 0 (NaN: both masks false, NaN·0)
    return g


_sp = sp.log(1 + sp.exp(X))
_MISH_PRIME = add(
    sp.tanh(Softplus(X)),
    mul(X, _sym_sigmoid(X), add(1, -(sp.tanh(Softplus(X)) ** 2))),
)
register(
    Spec(
        name="mish",
        title="Mish",
        family="gaussian-gated",
        summary="x·tanh(softplus(x)): a smooth, non-monotonic self-gated activation, "
        "popularised by YOLOv4.",
        fn=mish,
        grad=mish_grad,
        expr=X * sp.tanh(_sp),
        display=mul(X, sp.tanh(Softplus(X))),
        display_derivative=_MISH_PRIME,
        derivation=(
            Step(
                sp.Add(
                    sp.Mul(sp.Derivative(X, X), sp.tanh(_sp), evaluate=False),
                    sp.Mul(X, sp.Derivative(sp.tanh(_sp), X), evaluate=False),
                    evaluate=False,
                ),
                "product rule",
            ),
            Step(
                sp.Add(
                    sp.tanh(_sp),
                    sp.Mul(
                        X,
                        1 - sp.tanh(_sp) ** 2,
                        sp.exp(X) / (1 + sp.exp(X)),
                        evaluate=False,
                    ),
                    evaluate=False,
                ),
                "tanh′ = 1 − tanh², softplus′ = eˣ/(1 + eˣ)",
            ),
            Step(
                sp.Add(
                    sp.tanh(_sp),
                    sp.Mul(X, 1 - sp.tanh(_sp) ** 2, _sym_sigmoid(X), evaluate=False),
                    evaluate=False,
                ),
                "eˣ/(1 + eˣ) = σ(x)",
            ),
            Step(_MISH_PRIME, "write softplus(x) for log(1 + eˣ)"),
        ),
        core=Core(
            "detection CNNs (YOLOv4)",
            "tight compute budgets (three transcendentals)",
        ),
        properties=Properties(
            range=(-0.30884341301725043, float("inf"), True, False),
            range_latex=r"[m, \infty),\ m \approx -0.309",
            monotonic="no",
            smoothness="Cinf",
            saturation="left",
            self_gated=True,
            cost="several transcendentals",
        ),
        strengths=(
            "Smooth (C^∞) and non-monotonic, with a slightly deeper negative dip than SiLU "
            "(minimum ≈ −0.309 at x ≈ −1.19).",
            "Unbounded above, bounded below.",
            "Misra (2019) reports accuracy gains over ReLU and swish on CIFAR-10 and "
            "ImageNet classifiers; YOLOv4 adopted it in its backbone.",
        ),
        weaknesses=(
            "Three transcendentals in its textbook form (exp, log and tanh).",
            "Non-monotonic; the gradient vanishes for very negative inputs.",
        ),
        typical_use="Object-detection backbones (CSPDarknet53 of YOLOv4, Bochkovskiy et al., 2020) "
        "and CNNs where SiLU is a candidate.",
        year=2019,
        paper=Paper(
            "D. Misra",
            "Mish: A Self Regularized Non-Monotonic Activation Function",
            "BMVC 2020 (arXiv:1908.08681)",
            2019,
            "https://arxiv.org/abs/1908.08681",
        ),
        frameworks=(
            Framework("PyTorch", "torch.nn.functional.mish / torch.nn.Mish"),
            Framework("Keras 3", "keras.activations.mish"),
            Framework("tf.keras 2", "tf.keras.activations.mish", source="tf_keras/activations.py"),
            Framework("JAX", "jax.nn.mish"),
        ),
        naive=Naive(
            fn="x * np.tanh(np.log(1 + np.exp(x)))",
            grad=(
                "np.tanh(np.log(1 + np.exp(x))) + x * (1 - np.tanh(np.log(1 + np.exp(x))) ** "
                "2) / (1 + np.exp(-x))"
            ),
            why="Once `1 + exp(x)` rounds to 1 (from x ≈ −37 in float64) `log` returns 0, "
            "so Mish(x) ≈ x·eˣ comes out as −0.0 although it is representable; for "
            "x > 709.78 `exp` overflows (a warning), and `1 - t**2` cancels in the "
            "derivative for large x. The catalog uses tanh(softplus(x)) = n/(n + 2), "
            "n = eˣ(eˣ + 2).",
            examples=(-40.0, 800.0),
        ),
        notes="With e = eˣ: tanh(log(1 + e)) = ((1 + e)² − 1)/((1 + e)² + 1) = n/(n + 2) with "
        "n = e(e + 2) — one exponential and no cancellation; e is capped at e⁴⁰ (the gate "
        "is 1 beyond). The derivative sums tanh(sp) + x·σ·sech²(sp) for x ≥ 0 (both "
        "positive) and, for x < 0 where they have opposite signs, uses the common "
        "numerator ω = 4(x + 1) + e(4x + 6 + e(4 + e)) over (n + 2)², written as two "
        "quotients so nothing overflows in float32.",
        popularised_by=(
            Paper(
                "A. Bochkovskiy, C.-Y. Wang, H.-Y. M. Liao",
                "YOLOv4: Optimal Speed and Accuracy of Object Detection",
                "arXiv:2004.10934",
                2020,
                "https://arxiv.org/abs/2004.10934",
            ),
        ),
        see_also=(
            ("silu", "x·σ(x)"),
            ("softplus", "the inner function"),
            ("gelu", "x·Φ(x)"),
        ),
    )
)
