"""The site builds with ``mkdocs build --strict`` and the built HTML loads nothing from
another host; the MkDocs hooks (generation, catalog navigation, offline, docstring math)
do what they promise.

The build is shared with the browser tests (tests/browser/_site.py): one per session.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "docs" / "hooks"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _module(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


site = _module("activation_atlas_site", ROOT / "tests" / "browser" / "_site.py")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = site.build(tmp_path_factory)
    assert result.ok, f"mkdocs build --strict failed:\n{result.output}"
    return result


def test_strict_build_succeeds(built):
    assert (built.site / "index.html").is_file()
    assert (built.site / "reference" / "api" / "index.html").is_file()
    assert (built.site / "search" / "search_index.json").is_file()


class _Resources(HTMLParser):
    """Addresses a page loads: src/href/srcset of the tags that fetch something."""

    TAGS = frozenset(
        {"link", "script", "img", "iframe", "source", "video", "audio", "embed", "object"}
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.TAGS:
            return
        attrs = dict(attrs)
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical":
            return  # names the page's public address; nothing is fetched
        for name in ("src", "href", "data"):
            if attrs.get(name):
                self.found.append((tag, attrs[name]))
        for part in (attrs.get("srcset") or "").split(","):
            if part.strip():
                self.found.append((tag, part.split()[0]))


def _external(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "blob") and not url.strip().startswith("//"):
        return False
    return parts.hostname not in LOOPBACK


def test_built_html_loads_nothing_from_another_host(built):
    pages = sorted(built.site.rglob("*.html"))
    assert pages
    offenders = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _Resources()
        parser.feed(html)
        rel = page.relative_to(built.site)
        offenders += [f"{rel}: <{tag}> {url}" for tag, url in parser.found if _external(url)]
        for needle in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "cdnjs", "unpkg.com"):
            if needle in html:
                offenders.append(f"{rel}: mentions {needle}")
    for css in sorted(built.site.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text) + re.findall(
            r"""@import\s+['"]([^'"]+)""", text
        ):
            if _external(url):
                offenders.append(f"{css.relative_to(built.site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_external_reference_detector_can_fail():
    parser = _Resources()
    parser.feed(
        '<link rel="canonical" href="https://example.org/x/">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="assets/x.js"></script><img src="//cdn.example.com/a.png">'
    )
    assert [url for _, url in parser.found if _external(url)] == [
        "https://fonts.googleapis.com/css",
        "//cdn.example.com/a.png",
    ]


def test_no_google_fonts_and_katex_shipped(built):
    index = (built.site / "index.html").read_text(encoding="utf-8")
    assert "assets/katex/katex.min.js" in index
    assert "assets/javascripts/katex-init.js" in index
    css = (built.site / "assets" / "katex" / "katex.min.css").read_text(encoding="utf-8")
    woff2 = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert woff2, "the KaTeX stylesheet names no WOFF2 font"
    missing = [f for f in sorted(woff2) if not (built.site / "assets" / "katex" / f).is_file()]
    assert not missing, missing


def test_nav_lists_every_catalog_page_exactly_once(built):
    import activations as act

    html = (built.site / "index.html").read_text(encoding="utf-8")
    primary = html[html.index('class="md-nav md-nav--primary"') :]
    hrefs = re.findall(
        r'class="md-nav__link[^"]*"\s+href="([^"]+)"|href="([^"]+)"\s+class="md-nav__link', primary
    )
    links = [a or b for a, b in hrefs]
    for name in act.names():
        if (ROOT / "docs" / "functions" / f"{name}.md").is_file():
            target = f"functions/{name}/"
            assert sum(link.endswith(target) for link in links) == 1, (name, links)
    for family in act.FAMILIES:
        if (ROOT / "docs" / "families" / f"{family.slug}.md").is_file():
            target = f"families/{family.slug}/"
            assert sum(link.endswith(target) for link in links) == 1, (family.slug, links)


def test_api_reference_renders_docstring_math(built):
    html = (built.site / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    assert ":math:`" not in html
    assert 'class="arithmatex"' in html
    assert "sigmoid" in html and "relu" in html


# --- the hooks, one by one ------------------------------------------------------------


def _config(tmp_path: Path, nav=None) -> SimpleNamespace:
    (tmp_path / "docs").mkdir(exist_ok=True)
    return SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"),
        docs_dir=str(tmp_path / "docs"),
        nav=nav,
        extra_css=[],
        plugins={},
    )


def _fake_generator(tmp_path: Path, exit_code: int) -> Path:
    script = tmp_path / "scripts" / "generate.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(
        "import sys, pathlib\n"
        "pathlib.Path(__file__).with_name('argv.txt').write_text(' '.join(sys.argv[1:]))\n"
        "print('stale: docs/functions/x.md', file=sys.stderr)\n"
        f"sys.exit({exit_code})\n"
    )
    return script.with_name("argv.txt")


def test_generate_hook_checks_on_build_and_fails_when_stale(tmp_path):
    from mkdocs.exceptions import PluginError

    hook = _module("atlas_hook_generate", HOOKS / "generate.py")
    argv = _fake_generator(tmp_path, exit_code=1)
    hook.on_startup(command="build", dirty=False)
    hook.on_config(_config(tmp_path))  # the check runs alongside the build...
    with pytest.raises(PluginError, match=r"docs/functions/x\.md"):
        hook.on_post_build(_config(tmp_path))  # ...which it fails at the end
    assert "--check" in argv.read_text()
    _fake_generator(tmp_path, exit_code=0)
    hook.on_config(_config(tmp_path))
    hook.on_post_build(_config(tmp_path))  # up to date: the build goes on


def test_generate_hook_regenerates_on_serve(tmp_path):
    hook = _module("atlas_hook_generate", HOOKS / "generate.py")
    argv = _fake_generator(tmp_path, exit_code=0)
    try:
        hook.on_startup(command="serve", dirty=False)
        hook.on_config(_config(tmp_path))
    finally:
        hook.on_startup(command="build", dirty=False)
    assert "--check" not in argv.read_text()


def test_notebook_key_follows_the_catalog_and_the_notebook(tmp_path):
    hook = _module("atlas_hook_notebooks", HOOKS / "notebooks.py")
    (tmp_path / "src" / "activations").mkdir(parents=True)
    (tmp_path / "docs" / "data").mkdir(parents=True)
    nn = tmp_path / "src" / "activations" / "nn.py"
    nn.write_text("EPOCHS = 100\n")
    (tmp_path / "requirements.txt").write_text("numpy==2.4.6\n")
    nb = tmp_path / "docs" / "nb.py"
    nb.write_text("# %%\nprint(1)\n")
    keys = [hook.key(tmp_path, nb)]
    (tmp_path / "docs" / "page.md").write_text("# unrelated\n")
    assert hook.key(tmp_path, nb) == keys[0]
    for path, text in [
        (nn, "EPOCHS = 200\n"),
        (tmp_path / "src" / "activations" / "_new.py", "x = 1\n"),
        (tmp_path / "docs" / "data" / "benchmark.json", "{}"),
        (tmp_path / "requirements.txt", "numpy==2.4.7\n"),
        (nb, "# %%\nprint(2)\n"),
    ]:
        path.write_text(text)
        keys.append(hook.key(tmp_path, nb))
    assert len(set(keys)) == len(keys), keys


def test_pdf_digest_follows_the_page_and_what_it_loads(tmp_path):
    hook = _module("atlas_hook_print_pdf", HOOKS / "print_pdf.py")
    page = tmp_path / "cheatsheet" / "index.html"
    page.parent.mkdir()
    (tmp_path / "print.css").write_text("a { color: red }")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.html").write_text("<p>another page</p>")
    page.write_text(
        '<link rel="stylesheet" href="../print.css"><a href="../other/">other</a>'
        '<link rel="next" href="../other/"><p>sheet</p>'
    )
    browser = sys.executable  # any existing file stands in for the browser
    first = hook.digest(tmp_path, browser)
    (tmp_path / "other" / "index.html").write_text("<p>edited</p>")
    assert hook.digest(tmp_path, browser) == first  # a linked page is not printed
    (tmp_path / "print.css").write_text("a { color: blue }")
    second = hook.digest(tmp_path, browser)
    assert second != first
    page.write_text(page.read_text().replace("sheet", "sheet!"))
    assert hook.digest(tmp_path, browser) not in (first, second)


def test_dirty_serve_rebuilds_what_a_changed_source_does_not_show(tmp_path):
    hook = _module("atlas_hook_serve_dirty", HOOKS / "serve_dirty.py")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "src").mkdir()
    module = tmp_path / "src" / "m.py"
    module.write_text("X = 1\n")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    files = []
    for name, text in (("api", "# API\n\n::: m\n"), ("page", "# Page\n")):
        src, dest = tmp_path / f"{name}.md", tmp_path / "site" / f"{name}.html"
        src.write_text(text)
        files.append(SimpleNamespace(src_uri=src.name, abs_src_path=str(src), abs_dest_path=dest))
    docs = SimpleNamespace(documentation_pages=lambda: files)

    def build(*titles):
        for f in files:
            f.abs_dest_path.parent.mkdir(exist_ok=True)
            f.abs_dest_path.touch()
        items = [SimpleNamespace(title=t, url=f"{t}/", children=None) for t in titles]
        hook.on_nav(SimpleNamespace(items=items), config=config, files=docs)
        return sorted(f.src_uri for f in files if not f.abs_dest_path.exists())

    try:
        hook.on_startup(command="serve", dirty=True)
        hook._last.clear()
        assert build("A", "B") == []  # the first build renders everything anyway
        assert build("A", "B") == []  # nothing changed
        module.write_text("X = 2\n")
        assert build("A", "B") == ["api.md"]  # mkdocstrings renders src/
        assert build("A", "C") == ["api.md", "page.md"]  # every page shows the nav
    finally:
        hook.on_startup(command="build", dirty=False)
        hook._last.clear()
    assert build("A", "D") == []  # nothing of this in `mkdocs build`


def test_catalog_nav_builds_families_and_drops_missing_pages(tmp_path):
    import activations as act

    hook = _module("atlas_hook_catalog_nav", HOOKS / "catalog_nav.py")
    config = _config(
        tmp_path,
        nav=[
            {"Home": "index.md"},
            {"Functions by family": []},
            {"Concepts": []},
            {"Interview questions": "interview.md"},
        ],
    )
    docs = Path(config.docs_dir)
    first = act.specs()[0]
    for rel in ("index.md", f"families/{first.family}.md", f"functions/{first.name}.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# page\n")
    (docs / "concepts").mkdir()
    (docs / "concepts" / "02-b.py").write_text("# %%\n")
    (docs / "concepts" / "01-a.py").write_text("# %%\n")
    (docs / "assets" / "print").mkdir(parents=True)
    (docs / "assets" / "print" / "print.css").write_text("")
    hook.on_config(config)
    title = next(f.title for f in act.FAMILIES if f.slug == first.family)
    family = [{title: f"families/{first.family}.md"}, {first.title: f"functions/{first.name}.md"}]
    assert config.nav == [
        {"Home": "index.md"},
        {"Functions by family": [{title: family}]},
        {"Concepts": ["concepts/01-a.py", "concepts/02-b.py"]},
    ]
    assert config.extra_css == ["assets/print/print.css"]


def test_offline_hook_removes_repository_facts_and_notebook_cdn_scripts():
    hook = _module("atlas_hook_offline", HOOKS / "offline.py")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="concepts/a.py"))
    html = (
        '<a href="https://github.com/o/r" title="Go" class="md-source" '
        'data-md-component="source">repo</a>'
        '<!-- Load mathjax -->\n<script src=""> </script>\n<script type="text/x-mathjax-config">'
        "x</script>\n<!-- End of mathjax configuration -->"
        '<script type="module">\n  document.addEventListener("DOMContentLoaded", async () => {\n'
        '    const diagrams = document.querySelectorAll(".jp-Mermaid > pre.mermaid");\n'
        '    await import("https://cdnjs.cloudflare.com/x.mjs");\n  });\n</script><p>kept</p>'
    )
    out = hook.on_post_page(html, page=page, config=None)
    assert 'data-md-component="source"' not in out
    assert "mathjax" not in out.lower() and "cdnjs" not in out
    assert 'class="md-source"' in out and "<p>kept</p>" in out


def test_docstring_math_becomes_arithmatex():
    ext = _module("atlas_griffe_math", HOOKS / "griffe_math.py")
    assert ext.rst_math_to_markdown(r"f is :math:`\max(0, x)`.") == r"f is $\max(0, x)$."
    text = "Intro.\n\n    .. math::\n\n        a = b\n\n    After.\n"
    assert ext.rst_math_to_markdown(text) == "Intro.\n\n    $$\n    a = b\n    $$\n\n    After."


def test_docstring_doctests_outside_examples_are_fenced():
    ext = _module("atlas_griffe_math", HOOKS / "griffe_math.py")
    text = "Intro.\n\n>>> f(1)\n2\n\nMore.\n\nExamples\n--------\n>>> f(2)\n3\n"
    assert ext.fence_doctests(text) == (
        "Intro.\n\n```pycon\n>>> f(1)\n2\n```\n\nMore.\n\nExamples\n--------\n>>> f(2)\n3"
    )


# --- light, accessible pages ----------------------------------------------------------

PAGE_LIMIT = 400_000  # bytes of HTML per concept page (issue 9 §5)
NBCONVERT_ALT = "No description has been provided for this image"


class _Images(HTMLParser):
    """Every ``<img>`` of a page (its attributes), and the download links of a notebook
    page (``p.atlas-nb-download a``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images: list[dict] = []
        self.downloads: list[str] = []
        self._in_download = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        elif tag == "p" and "atlas-nb-download" in (attrs.get("class") or ""):
            self._in_download = True
        elif tag == "a" and self._in_download and attrs.get("href"):
            self.downloads.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_download = False


def _parsed(page: Path) -> _Images:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _concept_pages(built) -> list[Path]:
    pages = sorted((built.site / "concepts").glob("*/index.html"))
    expected = sorted((ROOT / "docs" / "concepts").glob("*.py"))
    assert [p.parent.name for p in pages] == [p.stem for p in expected]
    return pages


def _download(built, page: Path):
    """The notebook a concept page offers for download, read and validated."""
    import nbformat

    links = _parsed(page).downloads
    assert len(links) == 1, f"{page.parent.name}: download links {links}"
    target = (page.parent / links[0]).resolve()
    assert target.is_relative_to(built.site) and target.is_file(), links[0]
    nb = nbformat.read(target, as_version=4)
    nbformat.validate(nb)
    return nb


def test_every_notebook_is_offered_for_download_executed(built):
    for page in _concept_pages(built):
        nb = _download(built, page)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code and all(c.execution_count for c in code), f"{page.parent.name}: not run"
        assert any(c.outputs for c in code), f"{page.parent.name}: no outputs"


def test_concept_pages_are_light_and_keep_every_figure(built):
    weights = {}
    for page in _concept_pages(built):
        weights[page.parent.name] = page.stat().st_size
        nb = _download(built, page)
        produced = sum(
            1
            for cell in nb.cells
            for out in cell.get("outputs", [])
            if any(kind.startswith("image/") for kind in out.get("data", {}))
        )
        shown = [i for i in _parsed(page).images if (i.get("src") or "").startswith("data:image/")]
        assert produced > 0 and len(shown) == produced, (page.parent.name, len(shown), produced)
    heavy = {name: size for name, size in weights.items() if size > PAGE_LIMIT}
    assert not heavy, f"concept pages over {PAGE_LIMIT} bytes: {heavy}"


def test_every_image_has_a_text_alternative(built):
    """Every image of the site says what it shows: an alt text of a few words at least,
    more than the function's or the file's name, and not nbconvert's placeholder."""
    checked, bad = 0, []
    for page in sorted(built.site.rglob("*.html")):
        for img in _parsed(page).images:
            checked += 1
            alt = (img.get("alt") or "").strip()
            name = Path(urlsplit(img.get("src") or "").path).stem.replace("_", " ")
            words = len(re.findall(r"\w+", alt))
            if words < 6 or alt == NBCONVERT_ALT or alt.lower() in (name.lower(), ""):
                bad.append(f"{page.relative_to(built.site)}: {(img.get('src') or '')[:60]} {alt!r}")
    assert checked > 100, checked
    assert not bad, "\n".join(bad)


def test_template_overrides_differ_from_material_only_by_what_they_add():
    """overrides/partials/*.html are copies of Material's partials with one attribute
    added; they must follow the installed Material otherwise."""
    import material

    theirs = Path(material.__file__).parent / "templates" / "partials"
    ours = sorted((ROOT / "overrides" / "partials").glob("*.html"))
    assert ours
    for override in ours:
        text = override.read_text(encoding="utf-8")
        body = text[text.index("-#}\n") + 4 :]
        added = re.findall(r' aria-label="[^"]*"', body)
        original = (theirs / override.name).read_text(encoding="utf-8")
        original = original[original.index("-#}\n") + 4 :]
        assert added and any(body.replace(a, "", 1) == original for a in added), override.name
