"""MkDocs hook: execute each concept notebook once per change of what it depends on.

A concept notebook (``docs/concepts/*.py``, jupytext) is executed only when it, or
something it depends on, changed since it last ran. What it depends on:

* the notebook itself;
* the catalog, every ``*.py`` of ``src/activations`` (``nn.py`` included);
* the measured data it may quote (``docs/data/``);
* the pinned versions (``requirements.txt``, ``pyproject.toml``) and the Python version;
* how a notebook is executed (:func:`_execute` and the code it runs around the cells).

The executed notebook is kept in ``.cache/notebooks/`` (git-ignored) under a key made of
all of these, so a notebook runs once per change whoever asks first: ``mkdocs build``,
``mkdocs serve`` or the tests (``tests/test_notebooks.py`` reads the same files).

* Notebooks to (re)execute run in parallel, one Jupyter kernel per usable core, at most
  :data:`MAX_JOBS`, each with one BLAS/OpenMP thread; a lock file per notebook keeps two
  processes from executing the same one at once.
* While a notebook runs, warnings are errors (as in the test suite): a notebook that
  warns fails, naming the cell.
* mkdocs-jupyter renders the page from the executed notebook, once per state of the
  dependencies, and finds it in its own page cache (``cache_dir``), which this hook
  fills: mkdocs-jupyter never executes anything itself.
* ``mkdocs serve``: once a notebook's page has been shown, re-executing it does not hold
  up the rebuild; see :func:`_in_background`.

Usable outside MkDocs: ``python docs/hooks/notebooks.py`` executes whatever is stale
and prints the run times.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import fcntl
import hashlib
import inspect
import json
import logging
import os
import platform
import shutil
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from scripts.bench import THREAD_VARIABLES

log = logging.getLogger("mkdocs.hooks.notebooks")

CACHE = Path(".cache") / "notebooks"  # relative to the repository root
PAGES = CACHE / "pages"  # pages rendered from the executed notebooks, by state
MAX_JOBS = 2
TIMEOUT = 600  # seconds per cell
KEEP = 3  # executed versions kept per notebook (an undone edit finds its result)

# Run in the kernel before the first cell and after the last one; not part of the page.
# notebook_figures.py (run first, in a namespace of its own) stores every figure as a
# palette PNG with a text alternative.
FIGURES = Path(__file__).with_name("notebook_figures.py")
SETUP = (
    f"exec(compile({FIGURES.read_text(encoding='utf-8')!r}, 'notebook_figures.py', 'exec'), "
    "{'__name__': 'atlas_notebook_figures'})\n"
    "import warnings as _w\n_atlas_filters = _w.filters[:]\n_w.simplefilter('error')\n"
)
TEARDOWN = "_w.filters[:] = _atlas_filters\ndel _w, _atlas_filters\n"


class NotebookError(RuntimeError):
    """One or more notebooks failed to execute; the message names each with its error."""


# ---------------------------------------------------------------- keys and paths


def dependencies(root: Path) -> list[Path]:
    """Every file a concept notebook depends on besides itself, in a fixed order."""
    src = root / "src" / "activations"
    data = root / "docs" / "data"
    files = [p for p in src.rglob("*.py") if "__pycache__" not in p.parts]
    files += [p for p in data.rglob("*") if p.is_file()] if data.is_dir() else []
    files += [p for p in (root / "requirements.txt", root / "pyproject.toml") if p.is_file()]
    return sorted(files)


def dependencies_key(root: Path) -> str:
    """A digest of :func:`dependencies`, the Python version and how a notebook is
    executed (16 hex digits)."""
    recipe = SETUP + TEARDOWN + inspect.getsource(_execute) + platform.python_version()
    digest = hashlib.sha256(recipe.encode())
    for path in dependencies(root):
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(root: Path, notebook: Path, deps: str | None = None) -> str:
    """The cache key of one notebook: its text and :func:`dependencies_key`."""
    digest = hashlib.sha256((deps or dependencies_key(root)).encode())
    digest.update(notebook.read_bytes())
    return digest.hexdigest()[:20]


def executed_path(root: Path, notebook: Path, deps: str | None = None) -> Path:
    return root / CACHE / "executed" / f"{notebook.stem}-{key(root, notebook, deps)}.ipynb"


def load(root: Path, notebook: Path):
    """The executed notebook (an ``nbformat`` node), executing it first if needed."""
    import nbformat

    path = ensure(root, [notebook])[notebook]
    return nbformat.read(path, as_version=4)


# ---------------------------------------------------------------- execution


@contextlib.contextmanager
def _atomic(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


async def _locked(lock: Path):
    """Wait (without blocking the event loop) for an exclusive lock on ``lock``."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            await asyncio.sleep(0.1)


async def _execute(notebook: Path, out: Path, slots: asyncio.Semaphore) -> float | None:
    """Execute ``notebook`` into ``out`` unless another process did meanwhile; the wall
    time in seconds, or None if nothing was executed here."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    async with slots:
        fd = await _locked(out.with_suffix(".lock"))
        try:
            if out.is_file():
                return None  # executed by another process while this one waited
            nb = jupytext.read(notebook)
            client = NotebookClient(
                nb,
                kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
                timeout=TIMEOUT,
                allow_errors=False,
                coalesce_streams=True,  # one block per stream and cell, however it was flushed
                resources={"metadata": {"path": str(notebook.parent)}},
                # the kernel's own notices (e.g. "running over TCP") are not the notebook's
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            )
            last = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), default=-1)

            async def silent(code: str) -> None:
                reply = await client.async_wait_for_reply(
                    client.kc.execute(code, silent=True, store_history=False)
                )
                if reply is None or reply["content"]["status"] != "ok":
                    raise NotebookError(f"{notebook.name}: the kernel refused {code!r}")

            async def on_start(**_):
                await silent(SETUP)

            async def on_cell_executed(cell_index: int, **_):
                if cell_index == last:
                    await silent(TEARDOWN)

            client.on_notebook_start = on_start
            client.on_cell_executed = on_cell_executed
            start = time.perf_counter()
            # The kernels run side by side, one per core (jobs()): a BLAS or OpenMP pool
            # of more than one thread in each would make them compete for the same cores.
            await client.async_execute(env={**os.environ, **dict.fromkeys(THREAD_VARIABLES, "1")})
            seconds = time.perf_counter() - start
            nb.metadata["atlas"] = {"seconds": round(seconds, 2)}
            with _atomic(out) as tmp:
                nbformat.write(nb, tmp)
            return seconds
        finally:
            os.close(fd)


def _times_path(root: Path) -> Path:
    return root / CACHE / "times.json"


def _previous_times(root: Path) -> dict[str, float]:
    try:
        return json.loads(_times_path(root).read_text())
    except (OSError, ValueError):
        return {}


def jobs() -> int:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_JOBS, usable or 1))


def ensure(root: Path, notebooks: Sequence[Path], deps: str | None = None) -> dict[Path, Path]:
    """The executed version of each notebook, executing the missing ones in parallel
    (longest first, by their last run time). Raises :class:`NotebookError`."""
    deps = deps or dependencies_key(root)
    wanted = {nb: executed_path(root, nb, deps) for nb in notebooks}
    missing = [nb for nb, out in wanted.items() if not out.is_file()]
    if not missing:
        return wanted
    times = _previous_times(root)
    missing.sort(key=lambda nb: -times.get(nb.stem, float("inf")))

    async def run_all():
        slots = asyncio.Semaphore(jobs())
        return await asyncio.gather(
            *(_execute(nb, wanted[nb], slots) for nb in missing), return_exceptions=True
        )

    log.info("executing %d notebook(s), %d at a time", len(missing), jobs())
    results = asyncio.run(run_all())
    failures = []
    for nb, result in zip(missing, results, strict=True):
        if isinstance(result, BaseException):
            failures.append(f"{nb.relative_to(root)}:\n{result}")
        elif result is not None:
            times[nb.stem] = round(result, 2)
            log.info("executed %s in %.1f s", nb.relative_to(root), result)
    with _atomic(_times_path(root)) as tmp:
        tmp.write_text(json.dumps(times, indent=1, sort_keys=True) + "\n")
    _prune(root / CACHE / "executed", wanted.values())
    if failures:
        raise NotebookError("notebook execution failed:\n" + "\n\n".join(failures))
    return wanted


def _prune(directory: Path, keep: Iterable[Path]) -> None:
    """Keep the :data:`KEEP` newest executed versions of each notebook."""
    keep = set(keep)
    by_stem: dict[str, list[Path]] = {}
    for path in directory.glob("*.ipynb"):
        by_stem.setdefault(path.stem.rsplit("-", 1)[0], []).append(path)
    for paths in by_stem.values():
        paths.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in paths[KEEP:]:
            if old not in keep:
                old.unlink(missing_ok=True)
                old.with_suffix(".lock").unlink(missing_ok=True)


# ---------------------------------------------------------------- the page of a notebook
#
# mkdocs-jupyter renders a notebook with nbconvert's JupyterLab template: about 590 KB of
# inlined CSS on every page (JupyterLab's whole stylesheet, in its light theme only), a
# copy button and script of its own, an "In [n]:" prompt and a keyboard stop on every
# cell, and figures described as "No description has been provided for this image".
# material_html() rewrites that into the markup of the site's other pages, once per
# rendered page (the result is cached with it):
#
# * the inlined stylesheets and scripts go; the few rules notebook pages need are in
#   docs/assets/stylesheets/extra.css ("Concept notebooks");
# * a code cell becomes a Material code block (div.highlight > pre > code): Material's
#   colours in both colour schemes, its copy button, and keyboard scrolling when it
#   overflows;
# * an output keeps its content in a div.atlas-nb-output (text in a <pre>, which
#   docs/assets/javascripts/scroll-regions.js makes focusable when it overflows);
# * a figure gets the description notebook_figures.py stored with it as its alt text;
# * a Markdown cell keeps its HTML (in div.jp-RenderedMarkdown, where katex-init.js
#   renders its math); its headings get Material's permalink.

RENDERING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]
"""A digest of this file: a rendered page is cached per state of the dependencies and
per version of the code that renders it."""


def figure_descriptions(nb) -> list[str | None]:
    """The alt text stored with each image output of an executed notebook, in order."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            kinds = [k for k in output.get("data", {}) if k.startswith("image/")]
            if kinds:
                found.append(output.get("metadata", {}).get(kinds[0], {}).get("alt"))
    return found


def material_html(content: str, descriptions: list[str | None], name: str) -> str:
    """mkdocs-jupyter's HTML of a notebook as Material markup (see above); raises
    :class:`NotebookError` if a figure has no description."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(content, "html.parser")
    notebook = soup.select_one(".jupyter-wrapper .jp-Notebook")
    if notebook is None:
        raise NotebookError(f"{name}: mkdocs-jupyter's HTML has no .jp-Notebook")
    images = notebook.select(".jp-OutputArea-output img")
    if len(images) != len(descriptions) or not all(descriptions):
        raise NotebookError(
            f"{name}: {len(images)} figures on the page, {len(descriptions)} in the notebook, "
            f"{sum(1 for d in descriptions if not d)} without a description"
        )
    for img, alt in zip(images, descriptions, strict=True):
        img["alt"] = alt
        for attr in ("class", "tabindex"):
            img.attrs.pop(attr, None)
    wrapper = soup.new_tag("div", attrs={"class": "jupyter-wrapper"})
    for cell in notebook.select(".jp-Cell[id]"):  # the cell itself, not mkdocs-jupyter's wrapper
        if "jp-MarkdownCell" in cell["class"]:
            markdown = cell.select_one(".jp-RenderedMarkdown")
            for link in markdown.select("a.anchor-link"):
                link["class"] = "headerlink"
                link["title"] = "Permanent link"
            markdown.attrs = {"class": "jp-RenderedMarkdown"}
            wrapper.append(markdown)
            continue
        block = soup.new_tag("div", attrs={"class": "atlas-nb-cell"})
        source = cell.select_one(".jp-InputArea .highlight-ipynb pre")
        if source is not None:
            code = soup.new_tag("code")
            for child in list(source.children):
                if child.name == "span" and not child.attrs and not child.contents:
                    continue  # Pygments' empty first span
                code.append(child.extract())
            pre = soup.new_tag("pre")
            pre.append(soup.new_tag("span"))
            pre.append(code)
            highlight = soup.new_tag("div", attrs={"class": "language-python highlight"})
            highlight.append(pre)
            block.append(highlight)
        for output in cell.select(".jp-OutputArea-output"):
            kind = output.get("data-mime-type", "")
            box = soup.new_tag("div", attrs={"class": "atlas-nb-output"})
            if kind == "application/vnd.jupyter.stderr":
                box["class"] = "atlas-nb-output atlas-nb-output--stderr"
            for child in list(output.children):
                box.append(child.extract())
            block.append(box)
        wrapper.append(block)
    return str(wrapper)


_downloads: dict = {}  # notebook page (src_uri) → its executed notebook, a File of the site

DOWNLOAD = (
    '<p class="atlas-nb-download"><a href="{href}" download>Download this notebook</a> '
    "(<code>.ipynb</code>, executed, with its outputs) to run the experiments yourself.</p>"
)


def on_page_content(html: str, page, config, files):
    """Link the executed notebook at the top of its page, below the title."""
    download = _downloads.get(page.file.src_uri)
    if download is None:
        return html
    link = DOWNLOAD.format(href=download.url_relative_to(page.file))
    end = html.find("</h1>")
    at = end + len("</h1>") if end >= 0 else html.find(">") + 1
    return html[:at] + link + html[at:]


# ---------------------------------------------------------------- mkdocs-jupyter's page cache


def _page_entry(plugin_config, notebook: Path, executed: Path) -> dict:
    """What mkdocs-jupyter caches for a page, rendered by mkdocs-jupyter from the executed
    notebook (its converter reads the notebook through jupytext; here jupytext hands it
    the executed one)."""
    from unittest import mock

    import jupytext
    import nbformat
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    done = nbformat.read(executed, as_version=4)
    read = jupytext.read

    def read_executed(path, *args, **kwargs):
        if Path(path).resolve() == notebook:
            return copy.deepcopy(done)
        return read(path, *args, **kwargs)

    c = plugin_config
    with mock.patch.object(jupytext, "read", read_executed):
        content = convert.nb2html(
            str(notebook),
            execute=False,
            kernel_name=c["kernel_name"],
            theme=c["theme"],
            allow_errors=c["allow_errors"],
            show_input=c["show_input"],
            no_input=c["no_input"],
            no_prompt=c["no_prompt"],
            remove_tag_config=c["remove_tag_config"],
            highlight_extra_classes=c["highlight_extra_classes"],
            include_requirejs=c["include_requirejs"],
            custom_mathjax_url=c["custom_mathjax_url"],
        )
    toc_tokens, title = _get_nb_toc_tokens(str(notebook), c["toc_depth"])
    content = material_html(content, figure_descriptions(done), notebook.name)
    return {"content": content, "toc_tokens": toc_tokens, "title": title}


def page_cache_path(plugin_config, notebook: Path, directory: Path | str | None = None) -> Path:
    """Where mkdocs-jupyter looks for the page of ``notebook`` in its cache (in
    ``directory`` instead of its ``cache_dir`` if given)."""
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    cache_key = _compute_cache_key(str(notebook), plugin_config, plugin_config["execute"])
    return _get_cache_path(directory or plugin_config["cache_dir"], cache_key)


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def _prune_states(directory: Path, current: str) -> None:
    """Keep the :data:`KEEP` most recently used states of the dependencies."""
    if directory.is_dir():
        states = sorted(directory.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in states[KEEP:]:
            if old.name != current:
                shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------- MkDocs events

_command = "build"
_dirty = False
_root: Path | None = None
_deps = ""
_rendered: dict[str, tuple] = {}  # page → (cache entry, notice if out of date) last built
_titles: dict[Path, str | None] = {}  # cache entry → the page title in it


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


def _plugin(config):
    return config.plugins.get("mkdocs-jupyter")


def on_config(config):
    global _root, _deps
    plugin = _plugin(config)
    if plugin is None or not plugin.config["execute"]:
        return config
    _root = Path(config.config_file_path).resolve().parent
    _deps = dependencies_key(_root)
    # The pages rendered from executed notebooks are kept in PAGES/<state>/; mkdocs-jupyter
    # reads them from its own cache_dir, which it empties of the pages a build did not
    # render (a dirty rebuild renders few), so they are linked there before every build.
    plugin.config["cache"] = True
    plugin.config["cache_dir"] = str(_root / CACHE / "mkdocs-jupyter" / _deps)
    for directory in (_root / PAGES, _root / CACHE / "mkdocs-jupyter"):
        _prune_states(directory, _deps)
    return config


def on_files(files, config):
    plugin = _plugin(config)
    if plugin is None or not plugin.config["execute"] or _root is None:
        return files
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File
    from mkdocs_jupyter.plugin import NotebookFile

    notebooks = {Path(f.abs_src_path).resolve(): f for f in files if isinstance(f, NotebookFile)}
    store = _root / PAGES / f"{_deps}-{RENDERING}"
    entries = {nb: page_cache_path(plugin.config, nb, store) for nb in notebooks}
    stale = [nb for nb, entry in entries.items() if not entry.is_file()]
    _placeholders.clear()
    if _command == "serve":
        stale = _in_background(stale, notebooks)
    if stale:
        try:
            executed = ensure(_root, stale, _deps)
        except NotebookError as exc:
            raise PluginError(str(exc)) from None
        for nb in stale:
            entry = _page_entry(plugin.config, nb, executed[nb])
            with _atomic(entries[nb]) as tmp:
                tmp.write_text(json.dumps(entry), encoding="utf-8")
    store.mkdir(parents=True, exist_ok=True)
    os.utime(store)  # the most recently used state of the dependencies
    _downloads.clear()
    if _command != "serve":
        try:  # the executed notebooks are offered for download (normally all present)
            ensure(_root, list(notebooks), _deps)
        except NotebookError as exc:
            raise PluginError(str(exc)) from None
    for nb, file in notebooks.items():
        executed = executed_path(_root, nb, _deps)
        if executed.is_file():
            download = File.generated(
                config, str(Path(file.src_uri).with_suffix(".ipynb")), abs_src_path=str(executed)
            )
            files.append(download)
            _downloads[file.src_uri] = download
        if entries[nb].is_file():
            _link(entries[nb], page_cache_path(plugin.config, nb))
        shown = _placeholders.get(file.src_uri, (entries[nb],))
        if _dirty and _rendered.get(file.src_uri) != shown:
            # `mkdocs serve --dirty` rebuilds a page only if its source is newer than
            # the built page: a notebook whose dependencies changed must be rebuilt too.
            Path(file.abs_dest_path).unlink(missing_ok=True)
        _rendered[file.src_uri] = shown
    return files


# ---------------------------------------------------------------- serve: execute in the background
#
# Under `mkdocs serve`, once a notebook's page has been built, a change of its inputs does
# not hold up the rebuild: the notebook is executed in the background, its page shows the
# previous run under a notice meanwhile, and the site is rebuilt when the run is done (the
# server watches READY). A notebook that failed is not retried until its inputs change.

READY = CACHE / "ready"
_placeholders: dict[str, tuple] = {}  # page → (previous cache entry, notice) shown this build
_job: threading.Thread | None = None
_later: list[Path] = []  # to execute in the background once this build is done
_failed: dict[Path, str] = {}  # executed path that could not be produced → why


def _in_background(stale: list[Path], files: dict) -> list[Path]:
    """Mark the stale notebooks that were shown before for execution in the background
    (after this build), and return those still to execute now (never shown, or
    executed meanwhile)."""
    now, later = [], []
    for nb in stale:
        shown = _rendered.get(files[nb].src_uri)
        if shown is None or not shown[0].is_file() or executed_path(_root, nb, _deps).is_file():
            now.append(nb)
            continue
        out = executed_path(_root, nb, _deps)
        notice = _failed.get(out) or (
            "This notebook, or what it depends on, changed: it is being executed again, and "
            "the page reloads when it has run. Below: the previous run."
        )
        _placeholders[files[nb].src_uri] = (shown[0], notice)
        if out not in _failed:
            later.append(nb)
    _later[:] = later
    return now


def on_post_build(config) -> None:
    """Start the background run after the build, so as not to slow it down."""
    global _job
    if _later and (_job is None or not _job.is_alive()):
        _job = threading.Thread(target=_run_later, args=(_root, list(_later), _deps), daemon=True)
        _job.start()
    _later.clear()


def _run_later(root: Path, stale: list[Path], deps: str) -> None:
    try:
        ensure(root, stale, deps)
    except NotebookError as exc:
        log.error("%s", exc)
        for nb in stale:
            out = executed_path(root, nb, deps)
            if not out.is_file():
                _failed[out] = f"Executing this notebook failed; below: the previous run.\n\n{exc}"
    ready = root / READY
    ready.mkdir(parents=True, exist_ok=True)
    (ready / "done").write_text(f"{time.time()}\n")  # the server rebuilds on this change


def on_serve(server, config, builder):
    if _root is not None:
        (_root / READY).mkdir(parents=True, exist_ok=True)
        server.watch(str(_root / READY))
    return server


def on_pre_page(page, config, files):
    shown = _placeholders.get(page.file.src_uri)
    if shown is None:
        return page
    import html

    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc

    previous, notice = shown
    cached = json.loads(previous.read_text(encoding="utf-8"))
    banner = (
        '<div class="admonition warning"><p class="admonition-title">Out of date</p>'
        f"<pre>{html.escape(notice)}</pre></div>"
    )

    def render(self, config, files):
        self.content = banner + cached["content"]
        self.toc = get_toc(cached["toc_tokens"])
        if cached.get("title"):
            self.title = cached["title"]

    page.render = render.__get__(page, Page)
    return page


def on_nav(nav, config, files):
    """Title the notebook pages now (mkdocs-jupyter does when it renders them), so that
    the navigation is right even on a dirty rebuild, which renders only changed pages."""
    for page in nav.pages:
        entry = _rendered.get(page.file.src_uri, (None,))[0]
        if entry is not None and entry.is_file():
            if entry not in _titles:
                _titles[entry] = json.loads(entry.read_text(encoding="utf-8")).get("title")
            if _titles[entry]:
                page.title = _titles[entry]
    return nav


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    repo = Path(__file__).resolve().parents[2]
    found = sorted((repo / "docs" / "concepts").glob("*.py"))
    try:
        ensure(repo, found)
    except NotebookError as error:
        sys.exit(str(error))
    for stem, seconds in sorted(_previous_times(repo).items()):
        print(f"{stem}: {seconds:.1f} s")
