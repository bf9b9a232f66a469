"""What a screen reader is given by the page templates, checked on the built HTML of every page.

The browser-side half (the accessibility tree Chromium builds) is tests/browser/
test_screen_reader_page_frame.py; these are the checks that need every page, not a sample.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.htmlscan import parse_html
from tests.sitebuild import html_pages, page_language

pytestmark = pytest.mark.build

HOMES = {"lv": "/", "en": "/en/", "rml": "/rml/"}
_TABS = re.compile(r'<nav class="md-tabs".*?</nav>', re.S)
_TAB = re.compile(r'<li class="(?P<class>md-tabs__item[^"]*)">\s*<a (?P<attrs>[^>]*)>', re.S)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def _address(built_site: Path, page: Path) -> str:
    relative = page.relative_to(built_site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _expected_current(address: str, tab: str, home: str) -> str | None:
    """aria-current for a tab: "page" on its own page, "true" on pages below it."""
    if tab == address:
        return "page"
    if tab != home and address.startswith(tab):
        return "true"
    return None


def test_the_tab_of_the_current_section_says_so_on_every_page(built_site: Path) -> None:
    """On a section's page its tab is aria-current="page", on the pages below it "true".

    Every page, because the tabs are rendered once per navigation key (hooks/fragments.py) and
    reused: a key shared by pages of two sections would mark the wrong tab on one of them. The
    tab drawn as active (md-tabs__item--active) must be the one marked, and no other.
    """
    wrong = []
    checked = 0
    for page in html_pages(built_site):
        address = _address(built_site, page)
        home = HOMES[page_language(built_site, page)]
        tabs = _TABS.search(page.read_text("utf-8"))
        assert tabs, f"{address}: no tabs"
        for match in _TAB.finditer(tabs.group(0)):
            attrs = dict(_ATTR.findall(match.group("attrs")))
            target = urljoin(address, attrs["href"])
            expected = _expected_current(address, target, home)
            current = attrs.get("aria-current")
            drawn_active = "md-tabs__item--active" in match.group("class")
            if current != expected or drawn_active != (expected is not None):
                wrong.append(
                    f"{address}: tab {target} aria-current={current} active={drawn_active}"
                )
            checked += current is not None
    assert not wrong, "\n".join(wrong)
    assert checked > 30  # section pages and the stories, events and heritage pages below them


def test_no_page_has_an_empty_table_of_contents(built_site: Path) -> None:
    """Listings, the results and 404 pages have no headings of their own in Markdown: they get
    no "Table of contents" navigation at all, not an empty one; pages with headings keep it."""
    empty, kept = [], 0
    for page in html_pages(built_site):
        html = page.read_text("utf-8")
        for toc in re.findall(r'<nav class="md-nav md-nav--secondary".*?</nav>', html, re.S):
            if "<li" not in toc:
                empty.append(_address(built_site, page))
            else:
                kept += 1
    assert not empty, empty
    assert kept > 30


def test_header_logo_and_search_link_have_one_name_and_no_repeat(built_site: Path) -> None:
    """Named once: a `title` equal to an `aria-label` became a description equal to the name;
    the site's name beside the logo is hidden (the logo link says it)."""
    for language, home in HOMES.items():
        page = built_site / home.strip("/") / "index.html"
        html = page.read_text("utf-8")
        header = re.search(r"<header.*?</header>", html, re.S).group(0)
        for element in parse_html(header).elements + parse_html(html).find_all("a"):
            label, title = element.attrs.get("aria-label"), element.attrs.get("title")
            assert not (label and label == title), (language, element)
        topic = parse_html(header).first("div", class_="md-header__topic")
        assert topic is not None and topic.attrs.get("aria-hidden") == "true", language
        emblem = parse_html(html).first("svg", class_="lrp-eu-emblem")
        assert emblem is not None and "aria-labelledby" not in emblem.attrs, language


def test_an_illustrative_example_says_so_right_after_its_heading(built_site: Path) -> None:
    """Someone who jumps to the h1, the usual way to start reading a page, hears next that the
    story or event is an illustrative example (after a cancelled or postponed event's status),
    not only the facts: the notice sat above the heading, where such a reader skipped it."""
    late, checked = [], 0
    for page in html_pages(built_site):
        html = page.read_text("utf-8")
        banner = html.find('class="lrp-sample-banner"')
        if banner < 0 or not re.search(r'<div[^>]* class="lrp-(story|event)"', html):
            continue  # not a story or an event page
        banner = html.rfind("<", 0, banner)  # the start of the banner's tag
        checked += 1
        heading = html.find("</h1>")
        between = re.sub(r"<[^>]+>", "", html[heading:banner]) if heading >= 0 else None
        status = 'class="lrp-event__status' in html[max(heading, 0) : banner]
        if heading < 0 or heading > banner or (between.strip() and not status):
            late.append(_address(built_site, page))
    assert not late, late
    assert checked >= 10  # three sample stories and the sample events, in each language
