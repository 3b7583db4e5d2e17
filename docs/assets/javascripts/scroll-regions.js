/* Boxes that scroll sideways can be scrolled with the keyboard.
 *
 * A wide table, a long display formula or a long line of notebook output scrolls inside
 * its own box instead of widening the page (docs/assets/stylesheets/extra.css). While a
 * box overflows, it is focusable (Tab reaches it, the arrow keys scroll it) and named as
 * a region ("Table, scrolls sideways"); when it fits again, it goes back to plain
 * content, so narrow screens get the keyboard stops and wide ones none. Material does the
 * same for its code blocks, which are left to it.
 *
 * Runs on every page view, including Material's instant navigation (document$), after
 * the formulas are rendered (katex-init.js subscribes first), and again whenever a box
 * or its content changes size.
 */
(function () {
  "use strict";

  var BOXES = [
    [".md-typeset__scrollwrap", "Table, scrolls sideways"],
    [".md-typeset div.arithmatex", "Formula, scrolls sideways"],
    [".md-typeset .katex-display", "Formula, scrolls sideways"],
    [".md-typeset .atlas-nb-output pre", "Output, scrolls sideways"]
  ];
  var MARK = "atlasScroll";

  function update(box, label) {
    var overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && !box.hasAttribute("tabindex")) {
      box.dataset[MARK] = "1";
      box.tabIndex = 0;
      if (!box.hasAttribute("role")) box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", label);
    } else if (!overflows && box.dataset[MARK]) {
      delete box.dataset[MARK];
      box.removeAttribute("tabindex");
      if (box.getAttribute("role") === "region") box.removeAttribute("role");
      if (box.getAttribute("aria-label") === label) box.removeAttribute("aria-label");
    }
  }

  // Each box is watched, and so is its first child (the table, the rendered formula),
  // whose size changes when the content does.
  var boxOf = new WeakMap(); // watched element → [box, label]
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var found = boxOf.get(entry.target);
      if (found) update(found[0], found[1]);
    });
  });

  function scan() {
    BOXES.forEach(function (pair) {
      document.querySelectorAll(pair[0]).forEach(function (box) {
        if (box.parentElement && box.parentElement.closest(pair[0])) return; // the outer box
        if (!boxOf.has(box)) {
          [box, box.firstElementChild].forEach(function (element) {
            if (element) {
              boxOf.set(element, [box, pair[1]]);
              observer.observe(element);
            }
          });
        }
        update(box, pair[1]);
      });
    });
  }

  function start() {
    scan();
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(scan);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { window.requestAnimationFrame(start); });
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
