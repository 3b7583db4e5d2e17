"""``docs/framework-defaults.md``: every default on which a framework disagrees with
this library, computed from ``spec.frameworks[*].defaults`` against ``spec.params``.

Nothing here is listed by hand: a row appears because some framework's stated
default differs from ours, or because a framework has a parameter we do not (and
so computes something else by default).
"""

from __future__ import annotations

import numpy as np

import activations as act

from . import header
from .common import (
    FRAMEWORKS,
    differs,
    equivalents,
    fmt_value,
    fw_value,
    link,
    our_defaults,
    rel,
    table,
)

PAGE = "framework-defaults.md"
PROBE = np.linspace(-30.0, 30.0, 60001)  # 0.001 apart: finds cut-offs such as x > 20


def disagreements(spec: act.Spec) -> list[tuple[str, dict[str, list[act.Framework]]]]:
    """``[(parameter, {framework: [entries stating it]})]`` for every parameter on which
    at least one framework entry disagrees with this library (a framework may have
    several entries: a layer and a function that differ)."""
    ours = our_defaults(spec)
    entries = [f for group in equivalents(spec).values() for f in group]
    keys = list(dict.fromkeys([*spec.params, *(k for f in entries for k in f.defaults)]))
    found = []
    for key in keys:
        stated: dict[str, list[act.Framework]] = {}
        for f in entries:
            if key in f.defaults:
                stated.setdefault(f.framework, []).append(f)
        if any(differs(key, f.defaults[key], ours) for group in stated.values() for f in group):
            found.append((key, stated))
    return found


def differing_frameworks(spec: act.Spec) -> list[str]:
    """The frameworks, in :data:`FRAMEWORKS` order, with an entry whose default differs
    from this library's."""
    ours = our_defaults(spec)
    hit = {
        name
        for key, stated in disagreements(spec)
        for name, group in stated.items()
        if any(differs(key, f.defaults[key], ours) for f in group)
    }
    return [name for name in FRAMEWORKS if name in hit]


def different_functions() -> list[tuple[act.Spec, act.Framework, int, np.ndarray, np.ndarray]]:
    """``(spec, framework, i, ours, theirs)`` for every framework function recorded as
    computing something else (``Framework.fn``); ``i`` is where the two differ most
    on ``PROBE``, at the default parameters."""
    found = []
    for spec in act.specs():
        for fw in spec.frameworks:
            if fw.fn is None:
                continue
            ours = np.asarray(spec.fn(PROBE), dtype=float)
            theirs = np.asarray(fw.fn(PROBE), dtype=float)
            found.append((spec, fw, int(np.argmax(np.abs(theirs - ours))), ours, theirs))
    return found


def _different_table(found) -> list[str]:
    rows = []
    for spec, fw, i, ours, theirs in found:
        diff = abs(theirs[i] - ours[i])
        nonzero = ours != 0
        relative = np.abs(theirs - ours)[nonzero] / np.abs(ours[nonzero])
        j = int(np.argmax(relative))
        rows.append(
            (
                link(spec, PAGE),
                f"{fw.framework} `{fw.name.split(' / ')[0]}`",
                f"${fw.formula}$",
                f"{PROBE[i]:.6g}",
                f"{ours[i]:.12g}",
                f"{theirs[i]:.12g}",
                f"{diff:.3g}",
                f"{relative[j]:.2g} at x = {PROBE[nonzero][j]:.6g}",
            )
        )
    if not rows:
        return []
    return [
        "## Same name, a different function\n",
        "Some frameworks compute a different function under the same name at their "
        "defaults: another formula, or a cut-off this library does not have. The catalog "
        "keeps each such function in NumPy; the differences below are computed from it "
        "at the default parameters, on x from −30 to 30 in steps of 0.001: the largest "
        "absolute difference, where it occurs, and the largest relative difference "
        "|framework − this library| / |this library| (where this library's value is not "
        "0), which may occur elsewhere.\n",
        table(
            (
                "function",
                "framework",
                "computes",
                "at x",
                "this library",
                "framework",
                "largest difference",
                "largest relative difference",
            ),
            rows,
            "lllrrrrr",
        ),
    ]


def _cell(spec: act.Spec, key: str, framework: str, stated: dict[str, list[act.Framework]]) -> str:
    if framework not in equivalents(spec):
        return "no equivalent"
    if framework not in stated:
        return "—"
    ours = our_defaults(spec)

    def shown(f: act.Framework) -> str:
        text = fw_value(f, key)
        return f"**{text}**" if differs(key, f.defaults[key], ours) else text

    group = stated[framework]
    if len({shown(f) for f in group}) == 1:
        return shown(group[0])
    return " · ".join(f"{shown(f)} (`{f.name.split(' / ')[0]}`)" for f in group)


ELSEWHERE = "the framework-defaults page"
"""How a framework note names this page; on this page it names the table instead."""


def _here(note: str) -> str:
    return note.replace(ELSEWHERE, "the table *Same name, a different function* above")


def _versions() -> list[str]:
    return [
        "## Versions\n",
        *(
            f"- **{name}** — {act.FRAMEWORK_VERSIONS[name].label}. "
            f"{act.FRAMEWORK_VERSIONS[name].note}"
            for name in FRAMEWORKS
        ),
        "",
    ]


def render() -> str:
    rows, noted = [], []
    for spec in act.specs():
        found = disagreements(spec)
        for key, stated in found:
            mine = our_defaults(spec)
            ours = f"`{fmt_value(mine[key])}`" if key in mine else "not a parameter"
            rows.append(
                (
                    link(spec, PAGE),
                    f"`{key}`",
                    ours,
                    *(_cell(spec, key, f, stated) for f in FRAMEWORKS),
                )
            )
        if found:
            noted.append(spec)
    parts = [
        header(".md"),
        "# Framework defaults that disagree\n",
        "The same activation name does not always compute the same function: frameworks "
        "pick different default parameters, and some add a parameter (a cut-off, an "
        "approximation) that changes the result. This table is computed from the "
        "catalog: a row appears wherever a framework's default differs from this "
        "library's (differing values in bold). Each cell is spelled as the framework "
        "spells it, in its own parameter name and value type (GELU's `approximate` is a "
        "string in PyTorch and a bool in Keras and JAX); the *parameter* column gives this "
        "library's name. *no `p`*: the framework has no such parameter; *`p` required*: "
        "it has one without a default; *`p=None` (implicit)*: it defaults to None and then "
        "chooses a value itself; '—': the catalog states none. Where a layer and a "
        "function of one framework disagree, the cell gives both.\n",
        *_versions(),
    ]
    if rows:
        parts.append(
            table(("function", "parameter", "this library", *FRAMEWORKS), rows, "lll" + "l" * 4)
        )
    else:
        parts.append("No framework default in the catalog disagrees with this library.\n")
    different = different_functions()
    parts += _different_table(different)
    noted += [s for s, *_ in different if s not in noted]
    if noted:
        parts.append("## What the frameworks say\n")
        for spec in noted:
            items = [
                f"- **{act.FRAMEWORK_VERSIONS[f.framework].label}** `{f.name}`"
                + (f": {_here(f.note)}" if f.note else "")
                for group in equivalents(spec).values()
                for f in group
            ]
            parts.append(
                f"### {spec.title}\n\n" + "\n".join(items) + "\n\n"
                f"Details: {link(spec, PAGE, spec.title + ' page')}.\n"
            )
    missing = [
        (
            link(spec, PAGE),
            ", ".join(f for f in FRAMEWORKS if f not in equivalents(spec)),
        )
        for spec in act.specs()
        if set(equivalents(spec)) != set(FRAMEWORKS)
    ]
    if missing:
        parts += [
            "## Not available everywhere\n",
            "Functions that some framework does not provide under any name:\n",
            table(("function", "missing in"), missing),
        ]
    parts.append(f"See also the [cheatsheet]({rel('cheatsheet.md', PAGE)}).\n")
    return "\n".join(parts)


def outputs() -> dict[str, str]:
    return {PAGE: render()}
