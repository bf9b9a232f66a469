"""The site by keyboard alone.

Every test walks the sample of tests/browser/page_types.py (one page of every page type, in
each of the three languages) unless its docstring names fewer pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.keyboard import FocusIndicatorCheck, tab_until, walk_with_tab
from tests.browser.page_types import LANGUAGE_PREFIXES, PAGE_TYPES, sample_paths

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
# The menu button's name: Material's "nav" string in each language.
DRAWER_NAMES = {"": "Navigācija", "en/": "Navigation", "rml/": "Navigacija"}


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_tab_reaches_every_control_visibly_and_never_traps(
    browser, built_site: Path, site_server: str, viewport: dict[str, int]
) -> None:
    """All sample pages (10 page types x 3 languages), at 1280 and at 320 CSS px wide.

    The first Tab stop is the skip link; every focus stop is visible (has a size, is not hidden
    or off-screen or covered) and shows a focus indicator (a screenshot of it focused differs
    from one unfocused; checked once per kind of control); Tab goes through to the end of the
    page and then starts again at the skip link; Enter on the skip link moves focus to the
    content, so that the next Tab lands in it.
    """
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    indicator = FocusIndicatorCheck(context)
    failures: dict[str, list[str]] = {}
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        walk = walk_with_tab(page, indicator)
        problems = list(walk.problems)
        if not walk.stops or not walk.stops[0]["isSkipLink"]:
            problems.append("the first Tab stop is not the skip link")
        if walk.reached_end and not (walk.first_after_end and walk.first_after_end["isSkipLink"]):
            problems.append("Tab after the last stop does not start again at the skip link")
        if walk.first_after_end and walk.first_after_end["isSkipLink"]:
            problems += _skip_link_problems(page)
        if problems:
            failures[path] = problems
    context.close()
    assert not failures, report(failures)


def report(failures: dict[str, list[str]]) -> str:
    return "\n".join(
        f"/{path}: {problem}" for path, problems in failures.items() for problem in problems
    )


def _skip_link_problems(page) -> list[str]:
    """With focus on the skip link: Enter must move focus and the view to the content."""
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    problems = []
    state = page.evaluate(
        """(target) => {
          const content = document.querySelector(target);
          const rect = content ? content.getBoundingClientRect() : null;
          return {
            exists: !!content,
            focusedInside: !!content && content.contains(document.activeElement),
            inView: !!rect && rect.top < window.innerHeight && rect.bottom > 0,
          };
        }""",
        target,
    )
    if not state["exists"]:
        return [f"the skip link's target {target} does not exist"]
    if not state["focusedInside"]:
        problems.append("Enter on the skip link does not move focus to the content")
    if not state["inView"]:
        problems.append("Enter on the skip link does not bring the content into view")
    page.keyboard.press("Tab")
    after = page.evaluate(
        """(target) => {
          const content = document.querySelector(target);
          const el = document.activeElement;
          return content.contains(el) ||
            !!(content.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        target,
    )
    if not after:
        problems.append("after the skip link, Tab goes back to the header or the navigation")
    return problems


def test_menu_drawer_opens_and_closes_by_keyboard(browser, site_server: str) -> None:
    """The home page and the heritage page in each language, 320 px wide: the menu button is
    reached with Tab, Enter opens the navigation drawer with focus in it, the drawer's links are
    visible Tab stops, and Escape closes it with focus back on the button."""
    context = browser.new_context(viewport=NARROW)
    context.set_default_timeout(10_000)
    page = context.new_page()
    button = "button.lrp-drawer-button"
    in_drawer = "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
    for prefix in LANGUAGE_PREFIXES.values():
        for path in ("", "heritage/history/"):
            page.goto(site_server + prefix + path, wait_until="load")
            assert tab_until(page, button, limit=5), prefix + path
            assert page.get_attribute(button, "aria-expanded") == "false"
            assert page.locator(button).get_attribute("type") == "button"
            assert page.get_by_role("button", name=DRAWER_NAMES[prefix]).count() == 1
            page.keyboard.press("Enter")
            assert page.get_attribute(button, "aria-expanded") == "true"
            assert page.evaluate(in_drawer), prefix + path
            # The drawer slides in; then its links are on screen.
            page.wait_for_timeout(300)
            for _ in range(4):
                page.keyboard.press("Tab")
                box = page.evaluate(
                    "(() => { const r = document.activeElement.getBoundingClientRect();"
                    " return [r.left, r.right, r.width]; })()"
                )
                assert box[0] >= 0 and box[1] <= NARROW["width"] and box[2] > 0, (path, box)
            page.keyboard.press("Escape")
            assert page.evaluate(f"document.activeElement.matches('{button}')")
            assert page.get_attribute(button, "aria-expanded") == "false"
            assert not page.evaluate("document.getElementById('__drawer').checked")
            # Closed again: the drawer's links are out of the tab order.
            page.keyboard.press("Tab")
            assert not page.evaluate(in_drawer)
            # Tabbing out of the open drawer closes it rather than going on behind its overlay.
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Enter")
            assert page.get_attribute(button, "aria-expanded") == "true"
            for _ in range(40):
                page.keyboard.press("Tab")
                if not page.evaluate(in_drawer):
                    break
            assert not page.evaluate("document.getElementById('__drawer').checked"), path
            assert page.get_attribute(button, "aria-expanded") == "false"
    context.close()


def test_menu_button_shows_only_where_the_navigation_is_a_drawer(browser, site_server: str) -> None:
    """From 1220 px the navigation is a sidebar: a menu button there would do nothing."""
    for width, shown in ((1219, True), (1220, False), (1440, False)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for prefix in LANGUAGE_PREFIXES.values():
            page.goto(site_server + prefix, wait_until="load")
            assert page.locator("button.lrp-drawer-button").is_visible() is shown, (width, prefix)
        context.close()


@pytest.mark.parametrize("source,target", [("lv", "en"), ("en", "rml"), ("rml", "lv")])
def test_language_switcher_works_by_keyboard(
    browser, site_server: str, source: str, target: str
) -> None:
    """Every page type (PAGE_TYPES), from one language to another: Tab to the language button,
    open the list with Enter, Tab to the other language, Enter: the same page in that language."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    button = ".md-select > button"
    link = f'.md-select__link[hreflang="{target}"]'
    for path in PAGE_TYPES.values():
        page.goto(site_server + LANGUAGE_PREFIXES[source] + path, wait_until="load")
        assert tab_until(page, button, limit=10), path
        page.keyboard.press("Enter")
        assert page.locator(".md-select__inner").first.is_visible(), path
        assert tab_until(page, link, limit=4), path
        assert page.locator(link).is_visible(), path
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == site_server + LANGUAGE_PREFIXES[target] + path
        assert page.evaluate("document.documentElement.lang") == target
    context.close()


def test_language_button_says_whether_its_list_is_open(browser, site_server: str) -> None:
    """The English home page: the button is announced as collapsed until pressed; Tab from
    the closed button skips the hidden links; Escape closes the list and returns to the
    button; tabbing out of the open list closes it."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(site_server + "en/", wait_until="load")
    button, inner = page.locator(".md-select > button"), page.locator(".md-select__inner")
    assert tab_until(page, ".md-select > button", limit=10)
    assert button.get_attribute("aria-expanded") == "false"
    list_id = button.get_attribute("aria-controls")
    assert list_id and page.locator(f"#{list_id}").count() == 1
    assert not inner.is_visible()
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.matches('.md-select__link')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and inner.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.md-select__link')")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not inner.is_visible()
    assert page.evaluate("document.activeElement.matches('.md-select > button')")
    page.keyboard.press("Enter")
    assert tab_until(page, ":not(.md-select__link)", limit=5)
    assert button.get_attribute("aria-expanded") == "false" and not inner.is_visible()
    context.close()


@pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
def test_republish_copy_button_works_by_keyboard(browser, site_server: str, language: str) -> None:
    """The sample story (stories/sample-music-teacher/) in each language: Tab to the copy
    button, Enter copies the HTML snippet to the clipboard and the status says so."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server)
    page = context.new_page()
    page.goto(
        site_server + LANGUAGE_PREFIXES[language] + "stories/sample-music-teacher/",
        wait_until="load",
    )
    copy_button = "button.lrp-republish__copy"
    assert tab_until(page, copy_button, limit=120)
    assert page.locator(copy_button).is_visible()
    page.keyboard.press("Enter")
    expected = page.get_attribute(copy_button, "data-copied")
    status = page.locator(".lrp-republish__status")
    status.wait_for(state="visible")
    assert status.inner_text() == expected
    assert page.get_attribute(".lrp-republish__status", "role") == "status"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#lrp-republish-html")
    assert copied.strip().startswith("<")
    # The HTML is folded away and copying does not need it unfolded.
    assert not page.locator("#lrp-republish-html").is_visible()
    context.close()


def test_republish_copy_without_the_clipboard_api_unfolds_and_selects_the_html(
    browser, site_server: str
) -> None:
    """The English sample story, in a browser without navigator.clipboard (an older one, or a
    page not served over HTTPS): the copy falls back to selecting the folded textarea, which
    it first unfolds, so the selection (and the copy) holds the whole snippet."""
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})"
    )
    page = context.new_page()
    page.goto(site_server + "en/stories/sample-music-teacher/", wait_until="load")
    assert page.evaluate("navigator.clipboard") is None
    page.evaluate(
        "document.addEventListener('copy', () => { window.copiedText = String(getSelection()) ||"
        " document.activeElement.value.slice(document.activeElement.selectionStart,"
        " document.activeElement.selectionEnd); })"
    )
    box = page.locator("#lrp-republish-html")
    assert not box.is_visible()
    assert tab_until(page, "button.lrp-republish__copy", limit=120)
    page.keyboard.press("Enter")
    assert box.is_visible()
    assert page.evaluate("window.copiedText") == box.input_value()
    status = page.locator(".lrp-republish__status")
    assert status.inner_text() == page.get_attribute("button.lrp-republish__copy", "data-copied")
    context.close()


@pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
def test_story_filter_works_by_keyboard(browser, site_server: str, language: str) -> None:
    """The story listing and a theme listing (stories/, stories/themes/music/) in each
    language: Tab to the filter box, type; the cards filter and the status says how many."""
    context = browser.new_context()
    page = context.new_page()
    for path in (PAGE_TYPES["story listing"], PAGE_TYPES["theme listing"]):
        page.goto(site_server + LANGUAGE_PREFIXES[language] + path, wait_until="load")
        total = page.locator(".lrp-card").count()
        assert total >= 1
        assert tab_until(page, "#lrp-filter-input", limit=120), path
        # A word from the first card's title finds that card.
        title = page.locator(".lrp-card__title").first.inner_text()
        word = max(title.split(), key=len)
        page.keyboard.type(word)
        shown = page.locator(".lrp-card:not([hidden])")
        assert shown.count() >= 1
        assert any(title in text for text in shown.all_inner_texts())
        status = page.locator(".lrp-filter__status").inner_text()
        assert str(shown.count()) in status and str(total) in status, status
        # Nothing matches: no card is shown, and the status says 0.
        page.keyboard.press("Control+A")
        page.keyboard.type("zzzqqqxxx")
        assert page.locator(".lrp-card:not([hidden])").count() == 0
        assert "0" in page.locator(".lrp-filter__status").inner_text()
        # One story found: in Latvian the verb agrees with it ("Redzams 1 no 3", not "Redzami").
        page.keyboard.press("Control+A")
        page.keyboard.type(title)
        assert page.locator(".lrp-card:not([hidden])").count() == 1
        status = page.locator(".lrp-filter__status").inner_text()
        assert status.startswith(
            {"lv": "Redzams 1 no ", "en": "Showing 1 of "}.get(language, "")
        ), status
        # Emptying the box brings every card back.
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        assert page.locator(".lrp-card:not([hidden])").count() == total
    context.close()
