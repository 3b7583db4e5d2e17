"""axe-core on every page of the built site, in light and in dark mode: no serious or
critical violation (the explorer is one of the pages, with its default curves and their
sliders; the interview's practice mode is audited in test_practice.py).

One tab walks the pages. Each page is audited with every rule in the colour scheme it
opens in, then switched with Material's palette toggle, as a reader would, and audited
again with the rules that depend on colour (the only thing the schemes change); Material
remembers the choice, so the next page opens in the other scheme and is switched back:
every page gets its full audit in one scheme and its colour audit in both.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCHEME = "document.body.getAttribute('data-md-color-scheme')"
NAMES = {"default": "light", "slate": "dark"}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
MATH_DONE = """() => Array.from(document.querySelectorAll('.arithmatex'))
    .every((el) => el.querySelector('.katex, .katex-error'))"""


def _toggle(page) -> str:
    before = page.evaluate(SCHEME)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"{SCHEME} !== {before!r}")
    return page.evaluate(SCHEME)


TABS = 2  # pages audited at once, each in a tab of its own browser context


def test_no_page_has_a_serious_accessibility_violation(axe, browser, built_site, server):
    pages = built_site.pages()
    contexts = []
    failures: dict[str, list[str]] = {}
    audited = {"default": 0, "slate": 0}
    try:
        tabs = []
        for _ in range(TABS):
            contexts.append(
                browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
            )
            contexts[-1].set_default_timeout(15000)
            tabs.append(contexts[-1].new_page())
        for at in range(0, len(pages), TABS):
            batch = list(zip(tabs, pages[at : at + TABS], strict=False))  # the last may be short
            for tab, rel in batch:
                tab.goto(server.root + rel, wait_until="load")
                tab.wait_for_function(MATH_DONE)
            # The full audit in the scheme the page opens in; after the switch only the
            # colour rules, as nothing else differs between the schemes.
            for switch, rules in ((False, None), (True, COLOUR_RULES)):
                schemes = [_toggle(tab) if switch else tab.evaluate(SCHEME) for tab, _ in batch]
                for tab, _ in batch:
                    axe.start(tab, rules=rules)
                for (tab, rel), scheme in zip(batch, schemes, strict=True):
                    audited[scheme] += 1
                    found = axe.finish(tab)
                    if found:
                        failures[f"{rel or '/'} ({NAMES[scheme]})"] = found
    finally:
        for context in contexts:
            context.close()
    assert audited == {"default": len(pages), "slate": len(pages)}, audited
    assert not failures, f"{len(failures)} page views with violations:\n" + "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in failures.items()
    )


def test_the_audit_can_fail(axe, browser, server):
    """A contrast failure and an unnamed button are reported (the audit is not a no-op)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.root, wait_until="load")
        page.evaluate(
            """() => {
              const p = document.createElement('p');
              p.id = 'atlas-bad';
              p.style.cssText = 'color: #bbb; background: #fff';
              p.innerHTML = 'faint text <button></button>';
              document.querySelector('.md-content').prepend(p);
            }"""
        )
        found = " ".join(axe.audit(page, ["#atlas-bad"]))
    finally:
        context.close()
    assert "color-contrast" in found and "button-name" in found, found
