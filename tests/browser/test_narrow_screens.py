"""Every page on a phone (390 CSS px wide): nothing makes the page wider than the screen.
Display formulas, wide tables, code and notebook output scroll sideways inside their own
box (docs/assets/stylesheets/extra.css, Material's code blocks), and such a box can be
reached and scrolled with the keyboard (docs/assets/javascripts/scroll-regions.js).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTH = 390
MATH_DONE = """() => Array.from(document.querySelectorAll('.arithmatex'))
    .every((el) => el.querySelector('.katex, .katex-error'))"""

# The page's width against the screen's, and the elements that reach past the screen's
# right edge without an ancestor that scrolls or clips them (the culprits, by selector).
OVERFLOW = r"""
() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if (x !== "visible") return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    Array.from(el.classList).slice(0, 2).map((c) => "." + c).join("");
  const culprits = [];
  for (const el of document.querySelectorAll(".md-content *")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !clipped(el) &&
        getComputedStyle(el).position !== "fixed") {
      const parent = el.parentElement;
      if (!parent || parent.getBoundingClientRect().right <= width + 1 || clipped(parent)) {
        culprits.push(`${name(el)} (right edge at ${Math.round(box.right)} px)`);
      }
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width: width,
    culprits: culprits.slice(0, 8),
  };
}
"""


@pytest.fixture(scope="module")
def phone_walk(request, browser, built_site, server) -> dict[str, dict]:
    """One walk over every page 390 CSS px wide (a phone's width; the pages' viewport
    meta makes a phone lay them out at this width too): per page, what :data:`OVERFLOW`
    finds, how many boxes scroll, and axe-core's scrollable-region-focusable verdict.
    The tests below judge the same walk."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 844})
    context.set_default_timeout(15000)
    try:  # without axe-core (outside CI) the overflow check still runs
        axe = request.getfixturevalue("axe")
    except pytest.skip.Exception:
        axe = None
    seen = {}
    try:
        page = context.new_page()
        for rel in built_site.pages():
            page.goto(server.root + rel, wait_until="load")
            page.wait_for_function(MATH_DONE)
            page.evaluate("document.fonts.ready.then(() => null)")
            seen[rel or "/"] = {
                "overflow": page.evaluate(OVERFLOW),
                "scrolling": page.evaluate(
                    "document.querySelectorAll('[data-atlas-scroll]').length"
                ),
                "unreachable": axe and axe.audit(page, rules=["scrollable-region-focusable"]),
            }
    finally:
        context.close()
    return seen


def test_no_page_is_wider_than_a_phone(phone_walk):
    failures = {
        rel: f["overflow"]
        for rel, f in phone_walk.items()
        if f["overflow"]["scrollWidth"] > f["overflow"]["width"] or f["overflow"]["culprits"]
    }
    assert not failures, "\n".join(
        f"{rel}: page {f['scrollWidth']} px wide on a {f['width']} px screen; "
        + ", ".join(f["culprits"])
        for rel, f in failures.items()
    )


def test_boxes_that_scroll_can_be_reached_by_keyboard(axe, phone_walk):
    """At 390 px wide (a phone with a keyboard, a narrow window, or a page zoomed to
    330 %: the layout is the same), every box that scrolls is focusable: axe-core's
    scrollable-region-focusable rule."""
    scrolling = sum(f["scrolling"] for f in phone_walk.values())
    assert scrolling > 0, "no box scrolls at this width: the test saw nothing to check"
    failures = {rel: f["unreachable"] for rel, f in phone_walk.items() if f["unreachable"]}
    assert not failures, "\n".join(f"{rel}: {found}" for rel, found in failures.items())
