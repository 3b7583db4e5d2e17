"""The built site in a real browser (headless Chromium): every page loads with no console
error, no failed request and no request to another host; every image loads; every
formula is rendered by the KaTeX shipped with the site; search, the dark-mode toggle,
content tabs, instant navigation and the GitHub Pages sub-path work.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser._walk import INSPECT, MATH_DONE, parts, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("part", parts())
def test_every_page_loads_cleanly(walk, part):
    # 404.html: its links assume the sub-path, see the sub-path test
    visits = {rel: v for rel, v in walk(part).items() if rel != "404.html"}
    assert len(visits) >= 3, list(visits)
    failures = {rel: v.problems for rel, v in visits.items() if v.problems}
    assert not failures, "\n".join(
        f"{page}:\n  " + "\n  ".join(problems) for page, problems in failures.items()
    )
    assert sum(v.report["formulas"] for v in visits.values()), "no formula was rendered"


def test_site_works_under_the_github_pages_subpath(watched, built_site, server):
    pages = ["", "reference/api/", "404.html"]
    pages += [p for p in built_site.pages() if p.startswith("functions/")][:1]
    failures = {}
    for rel in pages:
        report, problems = visit(watched, server.subpath + rel)
        if report["stylesheets"] < 3:
            problems.append(f"only {report['stylesheets']} stylesheets loaded")
        if problems:
            failures[rel or "/"] = problems
    assert not failures, "\n".join(
        f"{server.subpath}{page}:\n  " + "\n  ".join(problems)
        for page, problems in failures.items()
    )


def test_search_finds_the_gelu_page(fresh_tab, built_site, server):
    if not (built_site.site / "functions" / "gelu" / "index.html").is_file():
        pytest.skip("docs/functions/gelu.md does not exist yet (the catalog has no gelu)")
    page = fresh_tab.page
    page.goto(server.root, wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # The index (hundreds of KB) is built in a web worker; on a busy machine that takes
    # a while.  Material says "Initializing search" until the worker is ready.
    page.wait_for_function(
        """() => {
            const meta = document.querySelector(".md-search-result__meta");
            return meta && meta.textContent.trim() && !/initiali/i.test(meta.textContent);
        }""",
        timeout=90_000,
    )
    # Typed key by key: Material runs the query on keyup, which fill() does not send.
    page.locator("input.md-search__input").press_sequentially("GELU")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="attached", timeout=30_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("functions/gelu/" in (href or "") for href in hrefs), hrefs
    fresh_tab.settle()
    assert not fresh_tab.take()


def test_dark_mode_toggle_switches_the_colour_scheme(browser, server):
    # A fresh context: the chosen palette is remembered in local storage.
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(server.root, wait_until="load")
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == "default"
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_function(f"{scheme} === 'slate'", timeout=5000)
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_function(f"{scheme} === 'default'", timeout=5000)
        assert not errors
    finally:
        context.close()


def test_content_tab_switches(watched, server):
    page = watched.page
    page.goto(server.root, wait_until="load")  # the home page has a tab set
    tabs = page.locator(".tabbed-set").first
    labels = tabs.locator(".tabbed-labels > label")
    assert labels.count() >= 2
    blocks = tabs.locator(".tabbed-content > .tabbed-block")
    assert blocks.nth(0).is_visible() and not blocks.nth(1).is_visible()
    labels.nth(1).click()
    blocks.nth(1).wait_for(state="visible", timeout=5000)
    assert not blocks.nth(0).is_visible()
    assert not watched.take()


def _deployed(context, site_dir: Path) -> str:
    """Route the public site_url to the built files (nothing leaves the machine): Material's
    instant navigation only takes over links found in sitemap.xml, whose addresses keep
    site_url's path and port, so it is active only where the site is really deployed."""
    public = "https://activation-atlas.github.io/activations/"

    def fulfil(route):
        path = urlsplit(route.request.url).path
        if not path.startswith("/activations/"):
            return route.abort()
        file = site_dir / unquote(path[len("/activations/") :])
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return route.fulfill(status=404, body="not found")
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return route.fulfill(status=200, body=file.read_bytes(), content_type=kind)

    context.route(public + "**", fulfil)
    return public


def test_math_is_rendered_after_instant_navigation(browser, built_site):
    """Material's instant navigation swaps the page without a reload; the KaTeX init
    script is subscribed to it, so formulas on the new page are rendered too."""
    context = browser.new_context(color_scheme="light")
    try:
        public = _deployed(context, built_site.site)
        page = context.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(public + "reference/api/", wait_until="networkidle")  # sitemap read
        page.evaluate("window.__sameDocument = true")
        page.locator("a.md-logo").first.click()
        page.wait_for_url(public, timeout=10000)
        page.wait_for_function(MATH_DONE, timeout=5000)
        assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
        report = page.evaluate(INSPECT)
        assert report["formulas"] > 0 and not report["rawTex"] and not report["katexErrors"]
        assert not errors
    finally:
        context.close()
