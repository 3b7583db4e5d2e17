/* Render the site's math with the KaTeX shipped in assets/katex (no network).
 *
 * Markdown pages: pymdownx.arithmatex (generic mode) wraps each formula in an element
 * with class "arithmatex": \( ... \) inline, \[ ... \] display. Only those elements are
 * rendered, so a "$" in prose or code stays a dollar sign.
 * Notebook pages (mkdocs-jupyter): the Markdown cells keep Jupyter's $...$ / $$...$$,
 * rendered inside the cells only, never in code or output.
 *
 * Runs on every page view, including Material's instant navigation (document$).
 * A formula KaTeX cannot render is reported with console.error, naming its source, and
 * shown as KaTeX's red error text, so both readers and the browser tests see it.
 */
(function () {
  "use strict";

  var OPTIONS = { throwOnError: true, strict: "warn", trust: false, output: "htmlAndMathml" };

  function report(tex, error) {
    console.error("KaTeX could not render " + JSON.stringify(tex) + ": " + error.message);
  }

  function renderArithmatex(element) {
    var tex = element.textContent.trim();
    var display = element.tagName !== "SPAN";
    if (tex.startsWith("\\(") && tex.endsWith("\\)")) {
      tex = tex.slice(2, -2);
      display = false;
    } else if (tex.startsWith("\\[") && tex.endsWith("\\]")) {
      tex = tex.slice(2, -2);
      display = true;
    }
    var options = Object.assign({}, OPTIONS, { displayMode: display });
    try {
      katex.render(tex, element, options);
    } catch (error) {
      report(tex, error);
      katex.render(tex, element, Object.assign(options, { throwOnError: false }));
    }
  }

  function renderNotebookCell(cell) {
    renderMathInElement(cell, Object.assign({}, OPTIONS, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "\\[", right: "\\]", display: true },
        { left: "$", right: "$", display: false },
        { left: "\\(", right: "\\)", display: false }
      ],
      ignoredClasses: ["katex", "highlight", "highlight-ipynb"],
      errorCallback: function (message, error) {
        console.error("KaTeX could not render a notebook formula: " + message + " " + error);
      }
    }));
  }

  function renderAll(root) {
    if (typeof katex === "undefined") {
      console.error("KaTeX did not load: formulas are shown as TeX source");
      return;
    }
    root.querySelectorAll(".arithmatex").forEach(function (element) {
      if (!element.querySelector(".katex")) renderArithmatex(element);
    });
    if (typeof renderMathInElement !== "undefined") {
      root.querySelectorAll(".jupyter-wrapper .jp-RenderedMarkdown").forEach(renderNotebookCell);
    }
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { renderAll(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { renderAll(document); });
  }
})();
