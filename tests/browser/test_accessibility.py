"""axe-core on every page of the built site, in light and in dark mode: no serious or
critical violation (the explorer is one of the pages, with its default curves and their
sliders; the interview's practice mode is audited in test_practice.py).

The audits are made in the one walk over the pages (tests/browser/_walk.py): every page
gets every rule in the colour scheme it opens in, and the rules that depend on colour
(the only thing the schemes change) again after Material's palette toggle.
"""

from __future__ import annotations

import pytest

from tests.browser._walk import SCHEME_NAMES, parts

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("part", parts())
def test_no_page_has_a_serious_accessibility_violation(axe, walk, part):
    visits = walk(part)
    schemes = {rel: sorted(SCHEME_NAMES[s] for s in v.audits) for rel, v in visits.items()}
    assert all(found == ["dark", "light"] for found in schemes.values()), schemes
    failures = {
        f"{rel} ({SCHEME_NAMES[scheme]})": found
        for rel, v in visits.items()
        for scheme, found in v.audits.items()
        if found
    }
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
