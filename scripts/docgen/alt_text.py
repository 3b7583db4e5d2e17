"""Text alternatives of the generated plots: what each curve does, in words, from the
catalog's facts.

A screen reader reads the ``alt`` text of a plot instead of showing it, so the text says
what the picture shows: whether f rises or falls, its range, its corners and jumps, where
f′ is 0 and what it tends to on either side; for a family of curves, where the curves
differ and which way a parameter moves them. Every fact comes from the catalog
(:class:`activations.Properties`, :mod:`activations.properties`) or from the values
drawn, never typed. Plain text: no Markdown, no brackets (the text sits inside
``![...]``), and words rather than symbols a screen reader may skip.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import sympy as sp

import activations as act
from activations import properties

from .common import examples_of, fmt_value, members, same_value
from .glossary import MONOTONIC_PROSE
from .plots import X_RANGE, grid, values


def number(value: float) -> str:
    """A number as read: 3 significant digits, a real minus sign, words for infinity."""
    value = float(value)
    if math.isinf(value):
        return "infinity" if value > 0 else "minus infinity"
    text = f"{value:.3g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa} times 10 to the {int(exponent)}"
    return text.replace("-", "−")


def plotted_range() -> str:
    return f"x from {number(X_RANGE[0])} to {number(X_RANGE[1])}"


def value_range(props: act.Properties) -> str:
    """The range of f, in words: ``between 0 and 1``, ``0 or more``, ``unbounded above
    and below``."""
    low, high, low_in, high_in = props.range
    if math.isfinite(low) and math.isfinite(high):
        return f"values between {number(low)} and {number(high)}"
    if math.isfinite(low):
        return f"values {number(low)} or more" if low_in else f"values above {number(low)}"
    if math.isfinite(high):
        return f"values {number(high)} or less" if high_in else f"values below {number(high)}"
    return "values unbounded above and below"


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) > 1:
        return ", ".join(items[:-1]) + " and " + items[-1]
    return items[0] if items else ""


def _points(points: list[float]) -> str:
    return "x = " + _join([number(p) for p in points])


def _interval(interval: sp.Interval) -> str:
    low, high = interval.start, interval.end
    if low == -sp.oo and high == sp.oo:
        return "every x"
    if low == -sp.oo:
        return f"x < {number(high)}"
    if high == sp.oo:
        return f"x > {number(low)}"
    return f"{number(low)} < x < {number(high)}"


def zero_set(region: sp.Set, kinks: list[float]) -> str:
    """Where f′ is 0 (an open set of the catalog), in words."""
    if region == sp.S.Reals:
        return "everywhere" + (f" except at {_points(kinks)}" if kinks else "")
    if region == sp.S.EmptySet:
        return ""
    parts = region.args if isinstance(region, sp.Union) else (region,)
    return "for " + _join([_interval(p) for p in parts])


def _tail(tail: properties.Tail) -> str:
    if tail.kind == "constant":
        return f"tends to {number(tail.limit)}"
    if tail.kind == "growing":
        return "grows without bound"
    if tail.kind == "oscillating":
        return "oscillates"
    return "tends to 0"


def derivative(spec: act.Spec) -> str:
    """What f′ does: where it is 0, what it tends to on each side not already said."""
    kinks = [float(k.at) for k in spec.kinks]
    region = properties.zero_gradient_region(spec)
    where = zero_set(region, kinks)
    if where.startswith("everywhere"):
        return f"f′ is 0 {where}"
    said = []
    left, right = properties.tail(spec, "left"), properties.tail(spec, "right")
    sides = []
    for tail, side, far in ((left, "on the left", -1e9), (right, "on the right", 1e9)):
        if tail.kind == "zero" and region.contains(far) is sp.true:
            continue  # already said: f′ is 0 on that side
        sides.append((_tail(tail), side))
    if len(sides) == 2 and sides[0][0] == sides[1][0]:
        said.append(f"{sides[0][0]} on both sides")
    else:
        said += [f"{what} {side}" for what, side in sides]
        if len(said) == 2 and all(t.startswith("tends to ") for t in said):
            said[1] = said[1].removeprefix("tends ")  # "tends to 0 on the left and to 1 …"
    if where:
        said.insert(0, f"is 0 {where}")
    return "f′ " + _join(said)


def shape(spec: act.Spec) -> str:
    """Monotonicity, range, and the corners or jumps of f."""
    props = spec.properties
    kinks = [float(k.at) for k in spec.kinks if X_RANGE[0] <= k.at <= X_RANGE[1]]
    text = f"{MONOTONIC_PROSE[props.monotonic]}, {value_range(props)}"
    many = len(kinks) > 1
    if props.smoothness == "discontinuous" and kinks:
        text += f", with {'jumps' if many else 'a jump'} at {_points(kinks)}"
    elif props.smoothness == "C0" and kinks:
        text += f", with {'corners' if many else 'a corner'} at {_points(kinks)}"
    return text


def _slice_shape(spec: act.Spec, **params: Any) -> str:
    """For a function of a whole row: what the drawn slice does on the plotted range."""
    x = grid(spec)
    y = values(spec, x, **params)
    steps = np.diff(y)
    scale = max(1.0, float(np.max(np.abs(y))))
    start, end = number(y[0]), number(y[-1])
    if np.all(steps >= -1e-12 * scale):
        return f"rises from {start} to {end}"
    if np.all(steps <= 1e-12 * scale):
        return f"falls from {start} to {end}"
    return f"stays between {number(y.min())} and {number(y.max())}"


def function_plot(spec: act.Spec) -> str:
    """The alt text of a function page's main plot (f and f′, or a slice of f)."""
    if not spec.elementwise:
        from .plots import vector_slice

        label, _ = vector_slice(spec)
        return f"Plot of {spec.title}, the {label}, for {plotted_range()}: it {_slice_shape(spec)}."
    text = (
        f"Plot of {spec.title} for {plotted_range()}: f, solid, is {shape(spec)}; "
        f"{derivative(spec).replace('f′', 'f′, dashed,', 1)}."
    )
    kinks = [float(k.at) for k in spec.kinks if X_RANGE[0] <= k.at <= X_RANGE[1]]
    if kinks:
        text += f" Dots at {_points(kinks)} mark f and the value of f′ the catalog returns there."
    return text


def thumbnail(spec: act.Spec) -> str:
    """The alt text of a cheatsheet thumbnail (f alone)."""
    if not spec.elementwise:
        return f"Curve of {spec.title} along one slice: it {_slice_shape(spec)}"
    return f"Curve of {spec.title}: {shape(spec)}"


def _edge(inside: float, outside: float) -> float:
    """Where a region of the sampled grid ends: half-way between the last sample in it
    and the first outside, to the nearest :data:`EDGE_STEP` (twice the grid's spacing)."""
    return round((inside + outside) / 2 / EDGE_STEP) * EDGE_STEP + 0.0


EDGE_STEP = 0.05


def _differ(x: np.ndarray, mask: np.ndarray) -> str:
    """The x where ``mask`` holds, as intervals."""
    if mask.all():
        return "everywhere"
    runs = []
    i = 0
    while i < len(x):
        if mask[i]:
            j = i
            while j + 1 < len(x) and mask[j + 1]:
                j += 1
            low = None if i == 0 else _edge(x[i], x[i - 1])
            high = None if j == len(x) - 1 else _edge(x[j], x[j + 1])
            if low is None:
                runs.append(f"x < {number(high)}")
            elif high is None:
                runs.append(f"x > {number(low)}")
            else:
                runs.append(f"{number(low)} < x < {number(high)}")
            i = j + 1
        else:
            i += 1
    return "for " + _join(runs)


def parameter_plot(spec: act.Spec, param: act.Param) -> str:
    """The alt text of a family of curves: one per example value of ``param``."""
    shown = examples_of(param)
    curves = [values(spec, grid(spec), **{param.name: v}) for v in shown]
    x = grid(spec)
    ys = np.array(curves, dtype=float)
    listed = _join(
        [
            (number(v) if isinstance(v, int | float) and not isinstance(v, bool) else fmt_value(v))
            + (", the default" if same_value(v, param.default) else "")
            for v in shown
        ]
    )
    what = f"{spec.title}" + ("" if spec.elementwise else " along one slice")
    text = f"Curves of {what} for {param.name} = {listed}, for {plotted_range()}."
    finite = np.isfinite(ys).all(axis=0)
    scale = max(1.0, float(np.nanmax(np.abs(ys[:, finite])))) if finite.any() else 1.0
    mask = finite & (np.ptp(np.where(np.isfinite(ys), ys, 0.0), axis=0) > 1e-9 * scale)
    if not mask.any():
        return text
    where = _differ(x, mask)
    text += f" They differ {where}"
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in shown)
    steps = np.diff(ys[:, mask], axis=0) if numeric else np.array([[0.0, -1.0], [1.0, 0.0]])
    for test, more in ((np.all(steps >= 0), "larger"), (np.all(steps <= 0), "smaller")):
        if test:
            text += (": " if where == "everywhere" else ", where ") + (
                f"a larger {param.name} gives a {more} f"
            )
            break
    if where != "everywhere":
        text += ", and coincide elsewhere"
    return text + "."


def family_plot(slug: str) -> str:
    """The alt text of a family page's plot: every member at its defaults."""
    specs = members(slug)
    family = next(f for f in act.FAMILIES if f.slug == slug)
    described = [
        f"{s.title}, {MONOTONIC_PROSE[s.properties.monotonic]}, {value_range(s.properties)}"
        if s.elementwise
        else f"{s.title}, which {_slice_shape(s)}"
        for s in specs
    ]
    return (
        f"{family.title}: {len(specs)} curves for {plotted_range()}, each at its default "
        f"parameters: " + "; ".join(described) + "."
    )
