"""The interactive explorer in a real browser: its generated JavaScript agrees with the
NumPy catalog, sliders and selects redraw the curves, the keyboard works, and the plot
follows the dark-mode toggle.
"""

from __future__ import annotations

import numpy as np
import pytest

import activations as act
from tests.browser._keyboard import tab_through

pytestmark = pytest.mark.browser

ELEMENTWISE = [s for s in act.specs() if s.elementwise]
# Points in [-6, 6] that avoid the kinks (where the catalog's gradient follows a
# convention the expression's pieces need not share).
XS = np.linspace(-6, 6, 97) + 0.0173

# Known cancellations of the textbook expressions the explorer evaluates (documented on
# the explorer page): an absolute floor relative to the scale of f on [-6, 6].
ABS_FLOOR = 1e-13

EVALUATE = """([name, which, xs, params, variant]) => {
  const spec = window.ATLAS_FUNCTIONS[name];
  const impl = variant ? spec.variants[variant] : spec;
  return xs.map((x) => impl[which](x, params));
}"""


def _settings(spec):
    numeric = {
        k: v
        for k, v in spec.params.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    yield numeric, {}, None
    for p in spec.parameters:
        for v in p.examples:
            if p.name in numeric and v != p.default:
                yield {**numeric, p.name: v}, {p.name: v}, None
    for v in spec.variants:
        label = next(iter(v.kwargs.values()))
        yield numeric, dict(v.kwargs), label


@pytest.fixture
def explorer(server, watched):
    page = watched.page
    page.goto(server.root + "explorer/")
    page.wait_for_function("() => window.atlasExplorer !== undefined")
    yield page
    assert not watched.take(), "console errors or failed requests on the explorer page"


def test_every_elementwise_function_is_offered(explorer):
    offered = explorer.evaluate("() => Object.keys(window.ATLAS_FUNCTIONS)")
    assert offered == [s.name for s in ELEMENTWISE]
    options = explorer.eval_on_selector_all("#atlas-explorer-select option", "o => o.length")
    assert options == len(ELEMENTWISE)


@pytest.fixture(scope="module")
def explorer_functions(server, module_tab):
    """The explorer page's generated functions (``window.ATLAS_FUNCTIONS``), in a tab of
    their own loaded once: evaluating them changes nothing on the page."""
    module_tab.page.goto(server.root + "explorer/")
    module_tab.page.wait_for_function("() => window.ATLAS_FUNCTIONS !== undefined")
    yield module_tab.page
    module_tab.settle()
    problems = module_tab.take()
    assert not problems, f"console errors or failed requests on the explorer page: {problems}"


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=[s.name for s in ELEMENTWISE])
def test_generated_javascript_matches_the_catalog(explorer_functions, spec):
    for js_params, kwargs, variant in _settings(spec):
        for which, numpy_fn in (("f", spec.fn), ("df", spec.grad)):
            got = np.array(
                explorer_functions.evaluate(
                    EVALUATE, [spec.name, which, XS.tolist(), js_params, variant]
                ),
                dtype=float,
            )
            want = numpy_fn(XS, **kwargs)
            scale = max(1.0, float(np.max(np.abs(want))))
            np.testing.assert_allclose(
                got,
                want,
                rtol=1e-12,
                atol=ABS_FLOOR * scale,
                err_msg=f"{spec.name}.{which} with {kwargs or 'defaults'}",
            )


def _signature(page):
    return page.eval_on_selector("#atlas-explorer-canvas", "c => c.dataset.signature")


def test_a_slider_moves_the_curve_by_keyboard(explorer):
    spec = next(s for s in ELEMENTWISE if any(isinstance(p.default, float) for p in s.parameters))
    param = next(p for p in spec.parameters if isinstance(p.default, float))
    explorer.select_option("#atlas-explorer-select", [spec.name])
    before = _signature(explorer)
    slider = explorer.locator(f"#atlas-{spec.name}-{param.name}")
    slider.focus()
    for _ in range(5):
        explorer.keyboard.press("ArrowRight")
    assert float(slider.input_value()) > float(param.default)
    assert _signature(explorer) != before, "moving the slider did not redraw the curve"


def test_a_variant_select_switches_the_formula(explorer):
    spec = next((s for s in ELEMENTWISE if s.variants), None)
    if spec is None:
        pytest.skip("no spec with variants in the catalog")
    choice = next(iter(spec.variants[0].kwargs))
    explorer.select_option("#atlas-explorer-select", [spec.name])
    before = _signature(explorer)
    explorer.select_option(f"#atlas-{spec.name}-{choice}", str(spec.variants[0].kwargs[choice]))
    assert _signature(explorer) != before


def test_the_cursor_moves_with_the_arrow_keys(explorer):
    canvas = explorer.locator("#atlas-explorer-canvas")
    canvas.focus()
    before = explorer.inner_text("#atlas-explorer-readout")
    explorer.keyboard.press("Shift+ArrowRight")
    after = explorer.inner_text("#atlas-explorer-readout")
    assert before != after and after.startswith("x = 1.5000")
    assert canvas.evaluate("c => document.activeElement === c")


def test_the_plot_follows_dark_mode(explorer):
    light = explorer.eval_on_selector("#atlas-explorer-canvas", "c => c.dataset.background")
    explorer.locator("form[data-md-component=palette] label:visible").first.click()
    explorer.wait_for_function(
        "bg => document.getElementById('atlas-explorer-canvas').dataset.background !== bg",
        arg=light,
    )
    dark = explorer.eval_on_selector("#atlas-explorer-canvas", "c => c.dataset.background")
    assert explorer.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    explorer.locator("form[data-md-component=palette] label:visible").first.click()
    assert dark != light


# Where keyboard focus is, and whether it shows: an outline or a ring drawn around it.
CONTROLS = """() => Array.from(document.querySelectorAll(
  '#atlas-explorer select, #atlas-explorer input, #atlas-explorer button, ' +
  '#atlas-explorer [tabindex="0"]')).map((el) => el.id)"""


def test_tab_reaches_every_control_and_shows_where_it_is(explorer):
    controls = explorer.evaluate(CONTROLS)
    assert len(controls) >= 3, controls  # the list, the default curves' settings, the plot
    reached = tab_through(explorer, "atlas-explorer", controls)
    assert reached == controls, "Tab order differs from the controls on screen"


def test_the_function_list_and_a_variant_work_by_keyboard(explorer):
    listbox = explorer.locator("#atlas-explorer-select")
    listbox.focus()
    before = _signature(explorer)
    explorer.keyboard.press("Home")  # select the first function alone
    chosen = explorer.evaluate("() => window.atlasExplorer.selected.slice()")
    assert chosen == [ELEMENTWISE[0].name]
    explorer.keyboard.press("Shift+ArrowDown")  # and the next one too
    assert explorer.evaluate("() => window.atlasExplorer.selected.length") == 2
    assert _signature(explorer) != before
    spec = next((s for s in ELEMENTWISE if s.variants), None)
    if spec is None:
        pytest.skip("no spec with variants in the catalog")
    explorer.select_option("#atlas-explorer-select", [spec.name])
    choice = explorer.locator(f"#atlas-{spec.name}-{next(iter(spec.variants[0].kwargs))}")
    choice.focus()
    default, before = choice.input_value(), _signature(explorer)
    explorer.keyboard.press("ArrowDown")
    assert choice.input_value() != default
    assert _signature(explorer) != before
