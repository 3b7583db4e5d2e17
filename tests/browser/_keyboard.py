"""Keyboard walks shared by the browser tests of the interactive widgets."""

from __future__ import annotations

# Where the keyboard focus is: the focused element's label (its id, or its text when
# ``by`` is "text"), whether it lies inside the widget, and whether the focus shows.
_FOCUS = """([widget, by]) => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const text = (el.textContent || el.id || el.tagName).trim().slice(0, 30);
  return {
    label: by === "text" ? text : el.id || el.tagName.toLowerCase(),
    inside: !!el.closest("#" + widget),
    visible: el.matches(":focus-visible") && (outline || style.boxShadow !== "none"),
  };
}"""

_MARK = """([widget, inside]) => {
  const mark = document.createElement("span");
  mark.tabIndex = -1;
  const el = document.getElementById(widget);
  if (inside) el.prepend(mark); else el.before(mark);
  mark.focus();
}"""


def tab_through(
    page, widget: str, controls: list[str], by: str = "id", inside: bool = False
) -> list[str]:
    """Press Tab from just before the element ``#widget`` (or, ``inside``, from the start
    of it), as a reader tabbing down the page would, until
    the focus leaves it; assert that the focus shows at every stop. Returns the labels of
    the elements reached (``by``: "id" or "text")."""
    page.evaluate(_MARK, [widget, inside])
    reached = []
    for _ in range(len(controls) + 2):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS, [widget, by])
        if not focus["inside"]:
            break
        assert focus["visible"], f"{focus['label']}: keyboard focus does not show"
        reached.append(focus["label"])
    return reached
