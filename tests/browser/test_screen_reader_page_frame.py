"""What a screen reader meets, read from Chromium's accessibility tree (CDP
Accessibility.getFullAXTree), on the sample of tests/browser/page_types.py unless a test names
fewer pages: what the screen-reader audit of the site found in the templates, and its fixes.
tests/integration/test_screen_reader_markup.py checks the same templates on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.browser.page_types import LANGUAGE_PREFIXES, sample_paths
from tests.sitebuild import PROJECT_ROOT

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# The drawer's navigation is named by Material's "nav" string in each language.
DRAWER_NAMES = {"": "Navigācija", "en/": "Navigation", "rml/": "Navigacija"}


def _strings(language: str) -> dict:
    path = PROJECT_ROOT / "data" / "ui" / f"{language}.yml"
    return yaml.safe_load(path.read_text("utf-8"))


@dataclass
class Node:
    role: str
    name: str
    description: str
    properties: dict
    children: list[Node] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, role: str, name: str | None = None) -> list[Node]:
        return [
            node
            for node in self.walk()
            if node.role == role and (name is None or node.name == name)
        ]


def ax_tree(page) -> Node:
    """The tree as assistive technology gets it: ignored nodes left out, their children kept."""
    session = page.context.new_cdp_session(page)
    raw = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    by_id = {node["nodeId"]: node for node in raw}

    def build(node: dict) -> list[Node]:
        children = [
            built
            for child in node.get("childIds", [])
            if child in by_id
            for built in build(by_id[child])
        ]
        if node.get("ignored"):
            return children
        built = Node(
            role=node.get("role", {}).get("value", ""),
            name=node.get("name", {}).get("value", ""),
            description=node.get("description", {}).get("value", ""),
            properties={p["name"]: p["value"].get("value") for p in node.get("properties", [])},
            children=children,
        )
        return [built]

    (root,) = build(raw[0])
    return root


def test_no_navigation_landmark_is_empty(browser, built_site: Path, site_server: str) -> None:
    """At 1280 px every navigation landmark holds at least one link: the table of contents of a
    page without headings and the sidebar of a page outside the navigation (which shows
    nothing at this width) are not in the tree."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    empty = []
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        for landmark in ax_tree(page).find("navigation"):
            if not landmark.find("link"):
                empty.append(f"/{path}: navigation {landmark.name!r}")
    context.close()
    assert not empty, "\n".join(empty)


@pytest.mark.parametrize("prefix", LANGUAGE_PREFIXES.values(), ids=LANGUAGE_PREFIXES.keys())
def test_the_drawer_still_lists_every_section_on_a_phone(
    browser, site_server: str, prefix: str
) -> None:
    """At 375 px, on a story (a page outside the navigation), the menu button opens the drawer
    by keyboard and the drawer's navigation lists all seven sections; closed, it is not in
    the tree."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server + prefix + "stories/sample-music-teacher/", wait_until="load")
    drawer = DRAWER_NAMES[prefix]
    assert not ax_tree(page).find("navigation", drawer)
    button = page.locator(".lrp-drawer-button")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # the drawer slides in
    landmarks = ax_tree(page).find("navigation", drawer)
    context.close()
    assert len(landmarks) == 1
    links = [link.name for link in landmarks[0].find("link") if link.name]
    assert len(links) >= 7, links


def _palette_state(page) -> dict:
    radios = ax_tree(page).find("radio")
    return {
        "checked": [radio.name for radio in radios if radio.properties.get("checked") == "true"],
        "all": [radio.name for radio in radios],
        "scheme": page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
        "tooltip": page.evaluate(
            """() => [...document.querySelectorAll('[data-md-component="palette"] label')]
                   .filter((label) => !label.hidden).map((label) => label.title)"""
        ),
    }


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_the_colour_switch_says_which_scheme_is_on(
    browser, site_server: str, language: str
) -> None:
    """The checked radio button is named after the scheme shown; the visible icon's tooltip
    names the scheme a click (or Enter) selects; both follow a change by keyboard."""
    strings = _strings(language)["site"]
    light, dark = strings["palette_light"], strings["palette_dark"]
    home = site_server + {"lv": "", "en": "en/", "rml": "rml/"}[language]
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    page.goto(home, wait_until="load")
    before = _palette_state(page)
    page.locator('[data-md-component="palette"] input:checked').focus()
    page.keyboard.press("Enter")
    after = _palette_state(page)
    context.close()
    assert before == {"checked": [light], "all": [light, dark], "scheme": "default",
                      "tooltip": [dark]}  # fmt: skip
    assert after == {"checked": [dark], "all": [light, dark], "scheme": "slate",
                     "tooltip": [light]}  # fmt: skip

    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    page = context.new_page()
    page.goto(home, wait_until="load")
    on_dark_device = _palette_state(page)
    context.close()
    assert on_dark_device["checked"] == [dark] and on_dark_device["scheme"] == "slate"


def test_no_control_gives_its_name_again_as_its_description(
    browser, built_site: Path, site_server: str
) -> None:
    """A description equal to the name is read after it ("Search, link, Search"): the logo
    links, the search link and the EU emblem had one."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    repeated = []
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        for node in ax_tree(page).walk():
            if node.name.strip() and node.description.strip() == node.name.strip():
                repeated.append(f"/{path}: {node.role} {node.name!r}")
    context.close()
    assert not repeated, "\n".join(repeated)


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_the_header_says_the_sites_name_once(browser, site_server: str, language: str) -> None:
    site_name = _strings(language)["labels"]["site_name"]
    home = site_server + {"lv": "", "en": "en/", "rml": "rml/"}[language]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(home + "about/", wait_until="load")
    (banner,) = ax_tree(page).find("banner")
    context.close()
    said = [
        f"{node.role} {node.name!r}"
        for node in banner.walk()
        if site_name in node.name and node.role not in {"InlineTextBox"}
    ]
    assert said == [f"link {site_name!r}"], said


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_a_called_off_event_says_so_in_its_link(browser, site_server: str, language: str) -> None:
    """In the event list, the link (and so the heading) of a cancelled or postponed event
    starts with its status, as the page's own title does; the status shown below the date,
    the same words, is not read a second time. Scheduled events keep their title as name."""
    statuses = _strings(language)["labels"]["event_status"]
    home = site_server + {"lv": "", "en": "en/", "rml": "rml/"}[language]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(home + "events/", wait_until="load")
    items = page.evaluate(
        """() => [...document.querySelectorAll('.lrp-event-item')].map((item) => ({
               status: [...item.classList].find((c) => c.startsWith('lrp-event-item--'))
                   .slice('lrp-event-item--'.length),
               visibleTitle: item.querySelector('a').innerText.replace(/\\s+/g, ' ').trim(),
           }))"""
    )
    tree = ax_tree(page)
    context.close()
    links = {link.name for link in tree.find("link")}
    texts = [node.name for node in tree.walk() if node.role == "StaticText"]
    called_off = [item for item in items if item["status"] in {"cancelled", "postponed"}]
    assert len(called_off) >= 2, items  # the sample has one cancelled and one postponed event
    for item in called_off:
        label = " ".join(statuses[item["status"]].split())
        assert f"{label} {item['visibleTitle']}" in links, (label, item, sorted(links))
        assert texts.count(label) == 0, f"{label!r} is still read on its own"
    for item in items:
        if item["status"] == "scheduled":
            assert item["visibleTitle"] in links


@pytest.mark.parametrize(
    "path", ["en/heritage/", "en/stories/sample-music-teacher/", "events/annual-meeting-2021/"]
)
def test_the_tab_drawn_as_current_is_the_one_marked_current(
    browser, site_server: str, path: str
) -> None:
    """The tab drawn at full opacity is the one with aria-current (its section's own page:
    "page"; a page below it: "true"), and it is the only one."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_server + path, wait_until="load")
    tabs = page.evaluate(
        """() => [...document.querySelectorAll('.md-tabs__link')].map((link) => ({
               text: link.textContent.trim(),
               current: link.getAttribute('aria-current'),
               opaque: getComputedStyle(link).opacity === '1',
           }))"""
    )
    context.close()
    marked = [tab for tab in tabs if tab["current"]]
    drawn = [tab for tab in tabs if tab["opaque"]]
    assert len(marked) == 1 and marked == drawn, tabs
    expected = "page" if path == "en/heritage/" else "true"
    assert marked[0]["current"] == expected, tabs
