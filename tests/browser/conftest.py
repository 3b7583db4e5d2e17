"""Fixtures of the real-browser tests: the site built once (``mkdocs build --strict``),
served on 127.0.0.1 at ``/`` and under ``/activations/``, one headless Chromium
(Debian's ``chromium``, driven by Playwright) for the whole session, and axe-core.

Without Chromium or Playwright the browser tests skip with the reason, except when
``CI=true``: there a missing browser is a failure. The same holds for axe-core, which
is not a Python package: its ``axe.min.js`` is looked for at ``$AXE_CORE_JS``, then in
``node_modules/axe-core/`` at the repository root (``npm install axe-core``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts import chromium
from tests.browser import _walk as walk_pages


def _site_module():
    """tests/browser/_site.py, imported once under a fixed name so that this conftest and
    tests/test_site_build.py share one module, hence one build."""
    name = "activation_atlas_site"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("_site.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


site = _site_module()

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
ROOT = Path(__file__).resolve().parents[2]


def _unavailable(reason: str, what: str = "BROWSER TESTS"):
    message = f"{what} NOT RUN: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: a missing tool is a failure)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def built_site(browser, tmp_path_factory):
    # Depends on the browser so that a missing Chromium skips before the (long) build.
    result = site.build(tmp_path_factory)
    if not result.ok:
        pytest.fail(f"mkdocs build --strict failed:\n{result.output}", pytrace=False)
    return result


@pytest.fixture(scope="session")
def server(built_site):
    srv = site.Server(built_site.site)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def browser():
    executable = chromium.find()
    if executable is None:
        _unavailable(f"no Chromium found ({chromium.install_hint()})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -r requirements.txt)")
    with tempfile.TemporaryDirectory(prefix="atlas-browser-") as downloads:
        manager = sync_playwright().start()
        try:
            # Playwright creates (and removes) the profile directory itself.
            launched = manager.chromium.launch(
                executable_path=executable,
                headless=True,
                args=list(chromium.FLAGS),
                downloads_path=downloads,
            )
        except Exception as exc:
            manager.stop()
            _unavailable(f"Chromium at {executable} did not start: {exc}")
        try:
            yield launched
        finally:
            launched.close()
            manager.stop()


class PageWatch:
    """One browser tab that records what goes wrong while pages load in it."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        self.inflight = 0
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"uncaught exception: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("request", self._request)
        page.on("response", self._response)
        page.on("requestfinished", self._done)

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _failed(self, request) -> None:
        self.inflight -= 1
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _done(self, request) -> None:
        self.inflight -= 1

    def _request(self, request) -> None:
        self.inflight += 1
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOOPBACK:
            self.problems.append(f"request to another host: {request.url}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def settle(self, timeout_ms: int = 5000) -> bool:
        """Wait until no request is in flight (the page's late fetches: sitemap, search
        index, lazy images) and stays so briefly; False on timeout."""
        quiet = waited = 0
        while waited < timeout_ms:
            quiet = quiet + 1 if self.inflight <= 0 else 0
            if quiet >= 3:
                return True
            self.page.wait_for_timeout(25)
            waited += 25
        return False

    def take(self) -> list[str]:
        found, self.problems = self.problems, []
        return found


@pytest.fixture(scope="session")
def context(browser):
    ctx = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15000)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def tab(context):
    """A tab reused by the tests (fast); its recorded problems are cleared per test."""
    watch = PageWatch(context.new_page())
    yield watch
    watch.page.close()


@pytest.fixture(scope="module")
def module_tab(context):
    """A watched tab of the test module's own, for a page it loads once."""
    watch = PageWatch(context.new_page())
    yield watch
    watch.page.close()


@pytest.fixture
def watched(tab):
    tab.settle()
    tab.take()
    tab.inflight = 0
    return tab


@pytest.fixture
def fresh_tab(browser):
    """A watched tab in a new context (no state left by earlier tests), closed after."""
    ctx = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15000)
    watch = PageWatch(ctx.new_page())
    yield watch
    ctx.close()


# ---------------------------------------------------------------- axe-core

AXE_RUN = """async ([include, rules]) => {
  const context = include ? { include: include.map((s) => [s]) } : document;
  const options = { resultTypes: ["violations"] };
  if (rules) options.runOnly = { type: "rule", values: rules };
  const result = await axe.run(context, options);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ` +
      v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ") +
      (v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ""));
}"""

# Wait for the running transitions (the palette switch fades colours) to end, so axe
# measures the final colours; an animation that never finishes (paused, or infinite)
# is not waited for beyond 2 s.
SETTLED = """async () => {
  const ends = document.getAnimations().map((a) => a.finished.catch(() => null));
  const limit = new Promise((done) => setTimeout(done, 2000));
  await Promise.race([Promise.all(ends), limit]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


class Axe:
    """axe-core in a Playwright page: :meth:`audit` lists the serious and critical
    violations, one line each (rule, impact, what it asks, the first few nodes).

    The script is loaded from ``url`` (a local server of its own): by URL, Chromium
    caches its compiled code, which the walk's pages would otherwise each compile again
    (some 0.1 s a page)."""

    def __init__(self, url: str):
        self.url = url

    def audit(
        self,
        page,
        include: list[str] | None = None,
        rules: list[str] | None = None,
        settle: bool = True,
    ) -> list[str]:
        """Audit the whole document, or only the elements matching ``include``, with
        every rule or only ``rules``, once the page's animations have finished (with
        ``settle=False`` at once: for rules that do not look at colours)."""
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=self.url)
        if settle:
            page.evaluate(SETTLED)
        return page.evaluate(AXE_RUN, [include, rules])


@pytest.fixture(scope="session")
def axe():
    for candidate in (
        os.environ.get("AXE_CORE_JS"),
        ROOT / "node_modules" / "axe-core" / "axe.min.js",
    ):
        if candidate and Path(candidate).is_file():
            script = Path(candidate).resolve()
            srv = site.Server(script.parent)
            yield Axe(srv.root + script.name)
            srv.close()
            return
    _unavailable("axe-core not found (npm install axe-core, or set AXE_CORE_JS)", "AXE-CORE TESTS")


# ---------------------------------------------------------------- the page walk


@pytest.fixture(scope="session")
def walk(request, browser, built_site, server):
    """``walk(part)``: every page of one part of the site visited once
    (tests/browser/_walk.py), {page: PageVisit}; each part walked once per worker."""
    try:  # without axe-core (outside CI) the other checks still run
        axe_core = request.getfixturevalue("axe")
    except pytest.skip.Exception:
        axe_core = None
    done: dict[int, dict] = {}

    def part(index: int) -> dict:
        if index not in done:
            pages = built_site.pages()[index :: walk_pages.PARTS]
            ctx = browser.new_context(color_scheme="light", viewport=walk_pages.DESKTOP)
            ctx.set_default_timeout(15000)
            try:
                done[index] = walk_pages.walk(
                    PageWatch(ctx.new_page()), pages, server.root, axe_core
                )
            finally:
                ctx.close()
        return done[index]

    return part
