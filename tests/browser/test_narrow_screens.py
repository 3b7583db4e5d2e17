"""Every page on a phone (390 CSS px wide): nothing makes the page wider than the screen.
Display formulas, wide tables, code and notebook output scroll sideways inside their own
box (docs/assets/stylesheets/extra.css, Material's code blocks), and such a box can be
reached and scrolled with the keyboard (docs/assets/javascripts/scroll-regions.js).
"""

from __future__ import annotations

import pytest

from tests.browser._walk import parts

pytestmark = pytest.mark.browser


def _phone(walk, part) -> dict[str, dict]:
    """Per page of the part, at 390 CSS px wide (a phone's width; the pages' viewport
    meta makes a phone lay them out at this width too): what the overflow check found,
    how many boxes scroll, and axe-core's scrollable-region-focusable verdict."""
    return {rel: v.phone for rel, v in walk(part).items()}


@pytest.mark.parametrize("part", parts())
def test_no_page_is_wider_than_a_phone(walk, part):
    failures = {
        rel: f["overflow"]
        for rel, f in _phone(walk, part).items()
        if f["overflow"]["scrollWidth"] > f["overflow"]["width"] or f["overflow"]["culprits"]
    }
    assert not failures, "\n".join(
        f"{rel}: page {f['scrollWidth']} px wide on a {f['width']} px screen; "
        + ", ".join(f["culprits"])
        for rel, f in failures.items()
    )


@pytest.mark.parametrize("part", parts())
def test_boxes_that_scroll_can_be_reached_by_keyboard(axe, walk, part):
    """At 390 px wide (a phone with a keyboard, a narrow window, or a page zoomed to
    330 %: the layout is the same), every box that scrolls is focusable: axe-core's
    scrollable-region-focusable rule."""
    phone = _phone(walk, part)
    scrolling = sum(f["scrolling"] for f in phone.values())
    assert scrolling > 0, "no box scrolls at this width: the test saw nothing to check"
    failures = {rel: f["unreachable"] for rel, f in phone.items() if f["unreachable"]}
    assert not failures, "\n".join(f"{rel}: {found}" for rel, found in failures.items())
