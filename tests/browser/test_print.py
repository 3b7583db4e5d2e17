"""The printable cheatsheet: the print stylesheet drops the site chrome and fits the
table to the page, and the build's PDF has at most two A4 pages naming every activation.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

import activations as act

pytestmark = pytest.mark.browser

A4_POINTS = (595.0, 842.0)


@pytest.fixture(scope="module")
def pdf(built_site, browser):  # the browser fixture: Chromium is what printed it
    pypdf = pytest.importorskip("pypdf")
    path = built_site.site / "assets" / "print" / "cheatsheet.pdf"
    assert path.is_file(), "the build did not print the cheatsheet (docs/hooks/print_pdf.py)"
    return pypdf.PdfReader(path)


def test_pdf_is_at_most_two_a4_pages(pdf):
    assert 1 <= len(pdf.pages) <= 2
    for page in pdf.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(a - b) < 2 for a, b in zip(size, A4_POINTS, strict=True)), size


def test_pdf_names_every_activation(pdf):
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    missing = [s.title for s in act.specs() if re.sub(r"\s+", " ", s.title) not in text]
    assert not missing, f"not in the PDF: {missing}"


def test_print_stylesheet_hides_chrome_and_fits_the_table(server, watched):
    page = watched.page
    page.goto(server.root + "cheatsheet/")
    page.emulate_media(media="print")
    try:
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not page.locator(chrome).first.is_visible(), f"{chrome} prints"
        overflow = page.evaluate(
            """() => Array.from(document.querySelectorAll('.md-typeset table'))
                 .map(t => t.getBoundingClientRect().right
                           - document.querySelector('.md-content').getBoundingClientRect().right)
                 .filter(d => d > 1)"""
        )
        assert not overflow, f"tables wider than the page by {overflow} px"
        thumbs = page.evaluate(
            "() => Array.from(document.querySelectorAll('img.thumb'))"
            ".map(i => i.getBoundingClientRect().width)"
        )
        assert thumbs and max(thumbs) < 60, "plots should print as thumbnails"
    finally:
        page.emulate_media(media="screen")
    assert not watched.take()


def test_cheatsheet_offers_the_pdf(server, watched):
    page = watched.page
    page.goto(server.root + "cheatsheet/")
    link = page.locator("a[href$='cheatsheet.pdf']").first
    href = link.get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert not watched.take()


def test_pdf_page_one_holds_the_whole_core_table(pdf):
    first, *rest = (re.sub(r"\s+", " ", p.extract_text()) for p in pdf.pages)
    core = [s.title for s in act.specs() if s.core is not None]
    assert core, "no core activations in the catalog"
    assert "Core activations" in first and "All activations" not in first
    missing = [t for t in core if re.sub(r"\s+", " ", t) not in first]
    assert not missing, f"core rows not on page 1: {missing}"
    assert rest and rest[0].lstrip().startswith("All activations")


def test_printed_text_is_at_least_7_points(server, watched):
    """Every element that holds text prints at 7 pt or more (in formulas: the base size;
    exponents and indices are smaller by the rules of mathematical typesetting)."""
    page = watched.page
    page.goto(server.root + "cheatsheet/")
    page.emulate_media(media="print")
    try:
        small = page.evaluate(
            """() => {
                const found = [];
                const walker = document.createTreeWalker(
                    document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const el = node.parentElement;
                    if (!node.textContent.trim() || !el.offsetParent) continue;
                    const inMath = el.closest('.katex');
                    const sized = inMath ? inMath : el;
                    if (inMath && el.closest('.msupsub, .katex-mathml')) continue;
                    const px = parseFloat(getComputedStyle(sized).fontSize);
                    if (px * 0.75 < 6.99) found.push([node.textContent.trim(), px * 0.75]);
                }
                return found.slice(0, 10);
            }"""
        )
    finally:
        page.emulate_media(media="screen")
    assert not small, f"printed below 7 pt: {small}"
    assert not watched.take()
