"""One walk over every page of the built site, judged by several tests.

Loading a page and rendering its formulas is most of the cost of a browser check, so
each page is opened once and everything the per-page tests judge is recorded in that
visit, in this order:

1. the load (``test_site.py``): HTTP status, console errors, failed requests, requests
   to another host, images, formulas, Material's CSS and JavaScript;
2. axe-core with every rule in the colour scheme the page opens in, then Material's
   palette toggle, as a reader would, and axe-core again with the rules that depend on
   colour (``test_accessibility.py``). Material remembers the choice, so the next page
   opens in the other scheme and is switched back: every page gets its full audit in
   one scheme and its colour audit in both;
3. the window narrowed to a phone's width, 390 CSS px (``test_narrow_screens.py``):
   what overflows the screen, how many boxes scroll, and axe-core's
   scrollable-region-focusable verdict. The layout follows the width (CSS media
   queries; Material's and scroll-regions.js's resize observers), as when a page is
   opened at that width.

The pages are split into :data:`PARTS` parts (every PARTS-th page, so the heavy pages
spread), each a test parameter of its own xdist group: the parts run on both workers,
and the tests that judge one part run where it was walked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

PARTS = 4
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
SCHEME_NAMES = {"default": "light", "slate": "dark"}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

MATH_DONE = """() => Array.from(document.querySelectorAll('.arithmatex'))
    .every((el) => el.querySelector('.katex, .katex-error'))"""

# Loads every image (also lazy ones and those in hidden tabs), waits for them, then
# reports broken images and formulas left as TeX or rendered as a KaTeX error.
INSPECT = r"""
async () => {
  const images = Array.from(document.images);
  for (const img of images) img.loading = "eager";
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done, { once: true });
    img.addEventListener("error", done, { once: true });
  })));
  await document.fonts.ready;
  const short = (text) => text.trim().replace(/\s+/g, " ").slice(0, 120);
  const notebookRaw = Array.from(
    document.querySelectorAll(".jupyter-wrapper .jp-RenderedMarkdown")
  ).map((cell) => {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll(".katex, code, pre").forEach((node) => node.remove());
    return copy.textContent;
  }).filter((text) => /\$[^$\s][^$]*\$|\\\(|\\\[/.test(text)).map(short);
  return {
    brokenImages: images.filter((img) => !(img.naturalWidth > 0))
      .map((img) => img.currentSrc || img.src),
    rawTex: Array.from(document.querySelectorAll(".arithmatex"))
      .filter((el) => !el.querySelector(".katex")).map((el) => short(el.textContent))
      .concat(notebookRaw),
    katexErrors: Array.from(document.querySelectorAll(".katex-error"))
      .map((el) => short(el.getAttribute("title") || el.textContent)),
    formulas: document.querySelectorAll(".katex").length,
    stylesheets: document.styleSheets.length,
    headerPosition: getComputedStyle(document.querySelector(".md-header")).position,
    material: typeof document$ !== "undefined",
    katex: typeof katex !== "undefined",
  };
}
"""

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

# After a resize: the fonts, then two frames, so that layout and the resize observers'
# callbacks (scroll-regions.js marks the boxes that now overflow) have run.
RELAID = """async () => {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


def parts() -> list:
    """The parts as test parameters, each in an xdist group of its own."""
    return [
        pytest.param(i, id=f"part{i + 1}of{PARTS}", marks=pytest.mark.xdist_group(f"walk{i}"))
        for i in range(PARTS)
    ]


def visit(watch, url: str) -> tuple[dict, list[str]]:
    """Open ``url`` in the watched tab; return the page report and the problems seen."""
    page = watch.page
    response = page.goto(url, wait_until="load")
    problems = []
    if response is None or not response.ok:
        problems.append(f"page itself: HTTP {response.status if response else 'no response'}")
    try:
        page.wait_for_function(MATH_DONE, timeout=5000)
    except Exception:
        pass  # reported below as raw TeX
    report = page.evaluate(INSPECT)
    if not watch.settle():
        problems.append("requests still in flight 5 s after load")
    problems += watch.take()
    problems += [f"image not loaded: {src}" for src in report["brokenImages"]]
    problems += [f"formula not rendered: {tex}" for tex in report["rawTex"]]
    problems += [f"KaTeX error: {tex}" for tex in report["katexErrors"]]
    if not report["katex"]:
        problems.append("KaTeX is not loaded")
    if not report["material"]:
        problems.append("Material's JavaScript is not loaded")
    if report["headerPosition"] != "sticky":
        problems.append(f"Material's CSS is not applied (header is {report['headerPosition']})")
    return report, problems


def toggle(page) -> str:
    """Switch the colour scheme with Material's palette toggle; the new scheme."""
    before = page.evaluate(SCHEME)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"{SCHEME} !== {before!r}")
    return page.evaluate(SCHEME)


@dataclass
class PageVisit:
    """What one visit of one page recorded."""

    report: dict
    problems: list[str]
    # scheme ("default"/"slate") -> serious or critical violations; None without axe-core
    audits: dict[str, list[str] | None] = field(default_factory=dict)
    phone: dict = field(default_factory=dict)


def walk(watch, pages: list[str], root: str, axe) -> dict[str, PageVisit]:
    """Visit ``pages`` (paths under ``root``) in the watched tab, recording what the
    tests judge (see the module docstring); ``axe`` may be None."""
    page = watch.page
    seen = {}
    for rel in pages:
        page.set_viewport_size(DESKTOP)
        report, problems = visit(watch, root + rel)
        done = PageVisit(report, problems)
        # The full audit in the scheme the page opens in; after the switch only the
        # colour rules, as nothing else differs between the schemes.
        for switch, rules in ((False, None), (True, COLOUR_RULES)):
            scheme = toggle(page) if switch else page.evaluate(SCHEME)
            done.audits[scheme] = axe.audit(page, rules=rules) if axe else None
        page.set_viewport_size(PHONE)
        page.evaluate(RELAID)
        done.phone = {
            "overflow": page.evaluate(OVERFLOW),
            "scrolling": page.evaluate("document.querySelectorAll('[data-atlas-scroll]').length"),
            # scroll-regions.js has run (RELAID); no colour is judged, so no animation
            # (the layout's transitions after the resize) needs to end first.
            "unreachable": (
                axe.audit(page, rules=["scrollable-region-focusable"], settle=False)
                if axe
                else None
            ),
        }
        watch.settle()
        done.problems += [f"after the palette switch or the resize: {p}" for p in watch.take()]
        seen[rel or "/"] = done
    return seen
