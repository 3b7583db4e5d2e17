"""``docs/framework-defaults.md``: every default on which a framework disagrees with
this library, computed from ``spec.frameworks[*].defaults`` against ``spec.params``.

Nothing here is listed by hand: a row appears because some framework's stated
default differs from ours, or because a framework has a parameter we do not (and
so computes something else by default).
"""

from __future__ import annotations

from typing import Any

import activations as act

from . import header
from .common import FRAMEWORKS, fmt_value, link, rel, same_value, table

PAGE = "framework-defaults.md"


def disagreements(spec: act.Spec) -> list[tuple[str, dict[str, Any]]]:
    """``[(parameter, {framework: stated default})]`` for every parameter on which
    at least one framework disagrees with this library."""
    ours = spec.params
    keys = list(dict.fromkeys([*ours, *(k for f in spec.frameworks for k in f.defaults)]))
    found = []
    for key in keys:
        stated = {f.framework: f.defaults[key] for f in spec.frameworks if key in f.defaults}
        differs = any(
            v is not None and (key not in ours or not same_value(v, ours[key]))
            for v in stated.values()
        )
        if differs:
            found.append((key, stated))
    return found


def _cell(spec: act.Spec, key: str, framework: str, stated: dict[str, Any]) -> str:
    if framework not in {f.framework for f in spec.frameworks}:
        return "no equivalent"
    if framework not in stated:
        return "—"
    value = stated[framework]
    if value is None:
        return "not a parameter"
    text = f"`{fmt_value(value)}`"
    ours = spec.params
    return f"**{text}**" if key not in ours or not same_value(value, ours[key]) else text


def render() -> str:
    rows, noted = [], []
    for spec in act.specs():
        found = disagreements(spec)
        for key, stated in found:
            ours = f"`{fmt_value(spec.params[key])}`" if key in spec.params else "not a parameter"
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
        "library's (differing values in bold). 'not a parameter' means the framework "
        "has no such parameter; '—' means the catalog states no default for it.\n",
    ]
    if rows:
        parts.append(
            table(("function", "parameter", "this library", *FRAMEWORKS), rows, "lll" + "l" * 4)
        )
    else:
        parts.append("No framework default in the catalog disagrees with this library.\n")
    if noted:
        parts.append("## What the frameworks say\n")
        for spec in noted:
            items = [
                f"- **{f.framework}** `{f.name}`" + (f": {f.note}" if f.note else "")
                for f in spec.frameworks
            ]
            parts.append(
                f"### {spec.title}\n\n" + "\n".join(items) + "\n\n"
                f"Details: {link(spec, PAGE, spec.title + ' page')}.\n"
            )
    missing = [
        (
            link(spec, PAGE),
            ", ".join(f for f in FRAMEWORKS if f not in {x.framework for x in spec.frameworks}),
        )
        for spec in act.specs()
        if {f.framework for f in spec.frameworks} != set(FRAMEWORKS)
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
