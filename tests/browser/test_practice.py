"""The practice mode of the interview page in a real browser, driven by the keyboard only:
it hides every answer and steps through the questions, marks them, filters the "not yet"
ones, keeps its progress in localStorage across a reload, makes no request to another host,
does nothing on other pages, and has no serious or critical accessibility violation
(axe-core, see the ``axe`` fixture in conftest.py) in light or dark mode.
"""

from __future__ import annotations

import pytest

from tests.browser._keyboard import tab_through

pytestmark = pytest.mark.browser

PAGE = "interview/"
STATUS = "#atlas-practice-status"
CURRENT = "details.question.atlas-practice-current"


def _open(watch, server):
    page = watch.page
    page.goto(server.root + PAGE, wait_until="load")
    page.wait_for_selector(".atlas-practice__start")
    return page


def _status(page) -> str:
    return page.inner_text(STATUS)


def _visible_questions(page) -> int:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('details.question'))
            .filter((d) => d.getClientRects().length > 0).length"""
    )


def _current(page) -> dict:
    return page.eval_on_selector(
        CURRENT, "d => ({title: d.querySelector('summary').textContent.trim(), open: d.open})"
    )


def _start_by_keyboard(page):
    page.locator(".atlas-practice__start").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(CURRENT)


def test_practice_mode_by_keyboard_keeps_progress_across_a_reload(fresh_tab, server):
    page = _open(fresh_tab, server)
    total = page.locator("details.question").count()
    assert total >= 80
    assert _visible_questions(page) == total
    assert "Progress is kept in this browser" in _status(page)

    _start_by_keyboard(page)
    assert _visible_questions(page) == 1, "practice mode must hide every other question"
    first = _current(page)
    assert not first["open"], "the answer must start hidden"
    assert _status(page).startswith(f"Question 1 of {total}.")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith("Show answer")
    keys = page.inner_text("#atlas-practice-keys")
    assert "K known" in keys and "L not yet" in keys and "Esc stop" in keys

    page.keyboard.press("a")  # reveal
    assert _current(page)["open"]
    assert page.get_attribute(".atlas-practice__controls button >> nth=0", "aria-expanded") == (
        "true"
    )
    page.keyboard.press("k")  # known, moves on
    second = _current(page)
    assert second["title"] != first["title"] and not second["open"]
    assert _status(page).startswith(f"Question 2 of {total}.")
    page.keyboard.press("l")  # not yet, moves on
    page.keyboard.press("ArrowRight")
    assert _status(page).startswith(f"Question 4 of {total}.")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert _current(page)["title"] == second["title"]
    assert "marked not yet" in _status(page)
    assert "Known 1, not yet 1" in _status(page)
    # Enter on a focused button works as well as the letter keys.
    page.locator(".atlas-practice__controls button", has_text="Next").focus()
    page.keyboard.press("Enter")
    assert _status(page).startswith(f"Question 3 of {total}.")

    page.keyboard.press("Escape")
    assert _visible_questions(page) == total
    assert page.evaluate("document.activeElement.textContent") == "Start practice"
    assert "Known 1, not yet 1" in _status(page)

    page.reload(wait_until="load")
    page.wait_for_selector(".atlas-practice__start")
    assert "Saved progress: Known 1, not yet 1" in _status(page)
    _start_by_keyboard(page)
    assert _status(page).startswith(f"Question 3 of {total}."), "the position is kept too"

    # Repeat only the "not yet" questions: one, the second question.
    page.locator("#atlas-practice-filter").focus()
    page.keyboard.press("Space")
    assert _current(page)["title"] == second["title"]
    assert _status(page).startswith("Question 1 of 1")
    page.keyboard.press("k")
    assert "No question is marked" in _status(page)
    assert _visible_questions(page) == 0

    # Reset clears everything.
    page.locator(".atlas-practice__options button", has_text="Reset progress").focus()
    page.keyboard.press("Enter")
    assert "Known 0, not yet 0" in _status(page)
    assert page.evaluate("JSON.parse(localStorage.getItem('atlas-practice-v1')).marks") == {}

    fresh_tab.settle()
    problems = fresh_tab.take()
    assert not problems, problems  # includes any request to another host


def test_practice_mode_does_nothing_on_other_pages(watched, server):
    page = watched.page
    page.goto(server.root, wait_until="load")
    assert page.locator("#atlas-practice").count() == 0
    page.keyboard.press("k")
    assert page.evaluate("typeof window.atlasPractice") == "undefined"
    assert page.evaluate("localStorage.getItem('atlas-practice-v1')") is None
    assert not watched.take()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_mode_has_no_serious_accessibility_violation(axe, browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(server.root + PAGE, wait_until="load")
        page.wait_for_selector(".atlas-practice__start")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        # This page's own UI: the practice panel, the question on screen, its short answer.
        idle = axe.audit(page, ["#atlas-practice"])
        _start_by_keyboard(page)
        page.keyboard.press("a")
        page.keyboard.press("l")
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("a")  # the current answer open
        practising = axe.audit(
            page, ["#atlas-practice", f"{CURRENT} > summary", f"{CURRENT} > .answer-short"]
        )
        assert not idle and not practising, "\n".join(idle + practising)
    finally:
        context.close()


# Where keyboard focus is, and whether it shows: an outline or a ring drawn around it.
def test_tab_reaches_every_practice_control_and_shows_where_it_is(fresh_tab, server):
    page = _open(fresh_tab, server)
    _start_by_keyboard(page)
    controls = page.evaluate(
        """() => Array.from(document.querySelectorAll('#atlas-practice button, '
            + '#atlas-practice input')).filter((el) => el.getClientRects().length > 0
            && !el.disabled).map((el) => (el.textContent || el.id || el.tagName).trim()
            .slice(0, 30))"""
    )
    assert len(controls) >= 5, controls
    reached = tab_through(page, "atlas-practice", controls, by="text", inside=True)
    assert reached == controls, "Tab order differs from the controls on screen"
