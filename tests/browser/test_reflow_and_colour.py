"""Reflow at 320 CSS px, the dark colour scheme, the scheme switch and reduced motion.

Unless a test's docstring names fewer pages, it covers the sample of
tests/browser/page_types.py: one page of every page type, in each of the three languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.axe import axe_violations
from tests.browser.keyboard import tab_until
from tests.browser.page_types import LANGUAGE_PREFIXES, sample_paths

pytestmark = pytest.mark.browser

# 320 CSS px is what 1280 px at 400% zoom leaves (WCAG 1.4.10 Reflow).
NARROW = {"width": 320, "height": 640}
SEARCH_QUERY = "roma"

# Everything visible that reaches past the left or right edge of the viewport must sit in a box
# that scrolls on its own (a wide table) and that box must fit; boxes that clip it would lose
# content. Headings must fit whole. Visually hidden text (1 px, clipped) is not content lost.
REFLOW_JS = """() => {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase() +
    (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.split(" ")[0] : "") +
    " '" + (el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 40) + "'";
  const fits = (rect) => rect.left >= -1 && rect.right <= vw + 1;
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1 || fits(rect)) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    // Up the tree: a scrolling box that fits holds it; a clipping box that it overruns cuts
    // it off. (Overflow does not apply to table boxes, which Material marks "auto" anyway.)
    let verdict = " reaches past the viewport [" + Math.round(rect.left) + ", " +
                  Math.round(rect.right) + "]";
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.display.includes("table")) continue;
      const bounds = box.getBoundingClientRect();
      if (style.overflowX === "auto" || style.overflowX === "scroll") {
        if (fits(bounds)) { verdict = null; break; }
      } else if (style.overflowX === "hidden" || style.overflowX === "clip") {
        if (rect.right > bounds.right + 1 || rect.left < bounds.left - 1) {
          verdict = " is cut off by " + describe(box);
          break;
        }
      }
    }
    if (verdict) problems.push(describe(el) + verdict);
  }
  for (const heading of document.querySelectorAll("article :is(h1, h2, h3, h4)")) {
    if (!heading.checkVisibility({visibilityProperty: true})) continue;
    const rect = heading.getBoundingClientRect();
    if (!fits(rect) || heading.scrollWidth > heading.clientWidth + 1)
      problems.push("heading " + describe(heading) + " does not fit the width");
  }
  const width = document.documentElement.scrollWidth;
  if (width > vw + 1) problems.push("the page scrolls sideways: " + width + " px wide");
  return problems;
}"""


def _report(failures: dict[str, list]) -> str:
    return "\n".join(f"/{path}: {problem}" for path, found in failures.items() for problem in found)


def _search(page) -> None:
    page.locator("#lrp-search-input").fill(SEARCH_QUERY)
    page.wait_for_selector(".lrp-search__link")


def test_pages_reflow_at_320_css_pixels(browser, built_site: Path, site_server: str) -> None:
    """All sample pages at 320 x 640 CSS px (as 1280 px at 400% zoom): no sideways scrolling
    of the page, anything wider (tables) scrolls inside its own box that fits the screen,
    nothing is cut off, and every heading of the content fits the width."""
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    failures: dict[str, list[str]] = {}
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        if path.endswith("search/"):
            _search(page)
        problems = page.evaluate(REFLOW_JS)
        if problems:
            failures[path] = problems
    context.close()
    assert not failures, _report(failures)


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES.values(), ids=LANGUAGE_PREFIXES.keys())
def test_footer_text_keeps_clear_of_the_screen_edges_on_a_phone(
    browser, site_server: str, prefix: str
) -> None:
    # Text flush against the edge of a phone's screen is hard to read and to select.
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(site_server + prefix, wait_until="load")
    blocks = page.evaluate("""() => {
      const vw = document.documentElement.clientWidth;
      return [...document.querySelectorAll(".lrp-footer :is(p, li, figcaption)")]
        .map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const text = range.getBoundingClientRect();
          return [el.innerText.trim().slice(0, 30), Math.round(text.left),
                  Math.round(vw - text.right)];
        });
    }""")
    context.close()
    assert len(blocks) >= 7, blocks  # five links, the funding statement, the owner
    too_close = [block for block in blocks if block[1] < 12 or block[2] < 12]
    assert too_close == [], too_close


@pytest.mark.parametrize("width", [320, 412])
def test_the_site_name_in_the_header_is_shown_whole_on_a_phone(
    browser, site_server: str, width: int
) -> None:
    # "Latvia…" named no site; the full name now wraps inside the header bar.
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    for prefix in LANGUAGE_PREFIXES.values():
        page.goto(site_server + prefix, wait_until="load")
        name = page.evaluate("""() => {
          const text = document.querySelector(".md-header__topic .md-ellipsis");
          const bar = document.querySelector(".md-header").getBoundingClientRect();
          const box = text.getBoundingClientRect();
          return {text: text.innerText.trim(), cut: text.scrollHeight > text.clientHeight + 1
                  || text.scrollWidth > text.clientWidth + 1,
                  inside: box.top >= bar.top - 1 && box.bottom <= bar.bottom + 1};
        }""")
        assert name["text"] and not name["cut"] and name["inside"], (prefix, name)
    context.close()


def test_pages_pass_axe_at_320_css_pixels(browser, built_site: Path, site_server: str) -> None:
    """All sample pages at 320 CSS px wide, search pages with results shown: no axe (WCAG A
    and AA) violations, e.g. a table that scrolls must be reachable by keyboard."""
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    failures: dict[str, list] = {}
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        if path.endswith("search/"):
            _search(page)
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
    context.close()
    assert not failures, _report(failures)


def test_pages_pass_axe_in_the_dark_colour_scheme(
    browser, built_site: Path, site_server: str
) -> None:
    """All sample pages with the system set to dark (Material's "slate" scheme), search pages
    with results shown: no axe (WCAG A and AA) violations, colour contrast included."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    failures: dict[str, list] = {}
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate", path
        if path.endswith("search/"):
            _search(page)
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
    context.close()
    assert not failures, _report(failures)


def test_colour_scheme_switch_works_by_keyboard(browser, site_server: str) -> None:
    """The home page in each language: Tab to the scheme switch, Enter switches to dark and
    Enter again back to light; the choice survives a reload."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    for prefix in LANGUAGE_PREFIXES.values():
        page.goto(site_server + prefix, wait_until="load")
        page.evaluate("localStorage.clear()")
        page.reload(wait_until="load")
        assert page.evaluate(scheme) == "default"
        assert tab_until(page, "input.md-option", limit=6), prefix
        page.keyboard.press("Enter")
        assert page.evaluate(scheme) == "slate", prefix
        assert page.evaluate("document.activeElement.matches('input.md-option')")
        page.reload(wait_until="load")
        assert page.evaluate(scheme) == "slate", prefix
        assert tab_until(page, "input.md-option", limit=6), prefix
        page.keyboard.press("Enter")
        assert page.evaluate(scheme) == "default", prefix
    context.close()


def test_without_javascript_tab_never_stops_on_the_hidden_scheme_switch(
    browser, site_server: str
) -> None:
    """The home page with JavaScript off: the switch cannot work, so it is not shown, and the
    first Tab stops of the header are all visible."""
    # Reduced motion: the skip link then shows at once instead of fading in.
    context = browser.new_context(
        java_script_enabled=False, viewport=NARROW, reduced_motion="reduce"
    )
    page = context.new_page()
    page.goto(site_server + "en/", wait_until="load")
    assert page.locator('[data-md-component="palette"]').is_hidden()
    for _ in range(6):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
          const el = document.activeElement, rect = el.getBoundingClientRect();
          return [el.tagName + "." + el.className, rect.width > 1 && rect.height > 1
                  && getComputedStyle(el).opacity !== "0"];
        }""")
        assert focused[1], focused[0]
    context.close()


MOTION_JS = """() => {
  const seconds = (value) => Math.max(...value.split(",").map((part) =>
    part.trim().endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part) || 0));
  let longest = {time: 0, what: ""};
  for (const el of [document.documentElement, ...document.body.querySelectorAll("*")]) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      const transition = seconds(style.transitionDuration) + seconds(style.transitionDelay);
      const animation = style.animationName === "none" ? 0 :
        seconds(style.animationDuration) * (style.animationIterationCount === "infinite" ? 1000 :
          parseFloat(style.animationIterationCount) || 1);
      const time = Math.max(transition, animation);
      if (time > longest.time) {
        longest = {time, what: el.tagName.toLowerCase() + "." +
          String(el.className.baseVal ?? el.className).split(" ")[0] + (pseudo || "")};
      }
    }
  }
  const smooth = [document.documentElement, document.body]
    .some((el) => getComputedStyle(el).scrollBehavior === "smooth");
  return {longest, smooth};
}"""


def _open_drawer(page) -> None:
    page.evaluate("document.getElementById('__drawer').click()")


def test_reduced_motion_turns_off_animation_and_smooth_scrolling(
    browser, built_site: Path, site_server: str
) -> None:
    """All sample pages, 320 CSS px wide, with the system asking for reduced motion, as loaded
    and again with the navigation drawer open: no transition or animation lasts longer than
    10 ms on any element, and scrolling is not smooth. (Without that request the same check
    finds Material's drawer animation on the home page, so it does measure motion.)"""
    context = browser.new_context(viewport=NARROW, reduced_motion="no-preference")
    page = context.new_page()
    page.goto(site_server, wait_until="load")
    _open_drawer(page)
    assert page.evaluate(MOTION_JS)["longest"]["time"] > 0.1
    context.close()

    context = browser.new_context(viewport=NARROW, reduced_motion="reduce")
    page = context.new_page()
    failures: dict[str, list] = {}
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        problems = []
        for state in ("as loaded", "drawer open"):
            if state == "drawer open":
                _open_drawer(page)
            found = page.evaluate(MOTION_JS)
            longest = found["longest"]
            if longest["time"] > 0.01:
                problems.append(f"{state}: {longest['what']} moves for {longest['time']} s")
            if found["smooth"]:
                problems.append(f"{state}: scroll-behavior is smooth")
        if problems:
            failures[path] = problems
    context.close()
    assert not failures, _report(failures)


PHONE = {"width": 390, "height": 844}

# The smallest rendered text size of the results chart, and whether its table needs its own
# sideways scrolling, on a common phone width.
RESULTS_ON_PHONE_JS = """() => {
  const chart = document.querySelector(".lrp-results-chart");
  const words = [...chart.querySelectorAll(".lrp-results-chart__label, .lrp-results-chart__value")];
  const table = document.querySelector(".lrp-results table");
  const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
  return {
    words: words.length,
    smallest_px: Math.min(...words.map((w) => parseFloat(getComputedStyle(w).fontSize))),
    chart_fits: chart.getBoundingClientRect().right <= document.documentElement.clientWidth,
    values_inside: words.every(
      (w) => w.getBoundingClientRect().right <= chart.getBoundingClientRect().right),
    table_scrolls:
      box.scrollWidth > box.clientWidth + 1 || table.scrollWidth > table.clientWidth + 1,
  };
}"""


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES.values(), ids=LANGUAGE_PREFIXES.keys())
def test_results_chart_and_table_read_at_text_size_on_a_phone(
    browser, site_server: str, prefix: str
) -> None:
    """At 390 px the chart's group names and figures stay at reading size (an SVG chart shrank
    them to about 7 px) and inside the chart, and the table's four columns fit the screen."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_server}/{prefix}results/")
    found = page.evaluate(RESULTS_ON_PHONE_JS)
    context.close()
    assert found["words"] >= 14
    assert found["smallest_px"] >= 12, found
    assert found["chart_fits"] and found["values_inside"], found
    assert not found["table_scrolls"], found


def test_a_cancelled_event_in_the_list_stands_out_from_its_old_date(
    browser, site_server: str
) -> None:
    # It stays under "Upcoming" with the date it had; a plain bold word beside the date was
    # easy to miss, so the status is boxed and a cancelled event's date is struck through.
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    for prefix in LANGUAGE_PREFIXES.values():
        page.goto(site_server + prefix + "events/", wait_until="load")
        item = page.locator(".lrp-event-item--cancelled").first
        look = item.evaluate("""(item) => {
          const status = getComputedStyle(item.querySelector(".lrp-event-item__status"));
          const date = getComputedStyle(item.querySelector(".lrp-event-item__meta time"));
          return {border: status.borderTopStyle + " " + status.borderTopWidth,
                  date: date.textDecorationLine};
        }""")
        assert look == {"border": "solid 2px", "date": "line-through"}, (prefix, look)
        postponed = page.locator(".lrp-event-item--postponed .lrp-event-item__status").first
        assert postponed.evaluate("(s) => getComputedStyle(s).borderTopStyle") == "solid"
        date = page.locator(".lrp-event-item--postponed time").first
        assert date.evaluate("(t) => getComputedStyle(t).textDecorationLine") == "none"
    context.close()


def test_a_markdown_tables_caption_and_row_headers_look_like_part_of_the_table(
    browser, site_server: str
) -> None:
    """The census table's caption was the sentence above it: it stays a title at the start of
    the table, and the years that head the rows sit between the same lines as the figures."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    for prefix in LANGUAGE_PREFIXES.values():
        page.goto(site_server + prefix + "heritage/history/", wait_until="load")
        look = page.locator("table:has(caption)").first.evaluate("""(table) => {
          const caption = getComputedStyle(table.querySelector("caption"));
          const year = table.querySelector("tbody th[scope=row]");
          const figure = year.nextElementSibling;
          return {align: caption.textAlign, weight: caption.fontWeight,
                  lines: [getComputedStyle(year).borderTopWidth,
                          getComputedStyle(figure).borderTopWidth],
                  top: year.getBoundingClientRect().top
                       === figure.getBoundingClientRect().top};
        }""")
        assert look["align"] in ("start", "left"), (prefix, look)
        assert int(look["weight"]) >= 700, (prefix, look)
        assert look["lines"][0] == look["lines"][1] != "0px", (prefix, look)
        assert look["top"], (prefix, look)
    context.close()
