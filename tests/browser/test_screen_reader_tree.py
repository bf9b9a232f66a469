"""What Chromium gives screen readers, read from its accessibility tree over CDP
(`Accessibility.getFullAXTree`): the findings of the site's screen-reader audit that HTML
inspection cannot show, because they depend on how the browser computes names and descriptions
and which nodes it keeps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.page_types import LANGUAGE_PREFIXES

pytestmark = pytest.mark.browser

PERMALINK_WORDS = {"lv": "Saite uz šo sadaļu: ", "en": "Link to this section: ", "rml": "Link: "}


def _tree(browser, url: str) -> dict[str, dict]:
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        session = page.context.new_cdp_session(page)
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        page.close()
    return {node["nodeId"]: node for node in nodes}


def _value(node: dict, key: str) -> str:
    return str((node.get(key) or {}).get("value") or "")


def _descendants(tree: dict[str, dict], node: dict) -> Iterator[dict]:
    for child_id in node.get("childIds", []):
        child = tree.get(child_id)
        if child is not None:
            yield child
            yield from _descendants(tree, child)


@pytest.mark.parametrize("language", list(LANGUAGE_PREFIXES))
def test_heading_permalinks_are_not_described_by_their_own_name(
    browser, site_server: str, language: str
) -> None:
    # "Link to this section: Childhood, link, Link to this section" was read on every heading.
    tree = _tree(browser, f"{site_server}{LANGUAGE_PREFIXES[language]}heritage/history/")
    links = [
        node
        for node in tree.values()
        if not node.get("ignored")
        and _value(node, "role") == "link"
        and _value(node, "name").startswith(PERMALINK_WORDS[language])
    ]
    assert len(links) >= 3
    for link in links:
        assert _value(link, "description") == "", _value(link, "name")
        # The "¶" is not read as the link's text either.
        texts = [
            _value(node, "name") for node in _descendants(tree, link) if not node.get("ignored")
        ]
        assert "¶" not in "".join(texts), _value(link, "name")


@pytest.mark.parametrize(
    ("language", "title", "pointer"),
    [
        (
            "lv",
            "Plānotais un sasniegtais dalībnieku skaits pa grupām",
            "Tie paši skaitļi ir tabulā zem diagrammas.",
        ),
        (
            "en",
            "Planned and achieved number of participants by group",
            "The same figures are in the table below the chart.",
        ),
        (
            "rml",
            "Kici manuša planirinelas i kici sys, pal grupi",
            "Adala numera hi vi an tabula tele.",
        ),
    ],
)
def test_the_results_chart_is_read_once_as_a_short_image(
    browser, site_server: str, language: str, title: str, pointer: str
) -> None:
    tree = _tree(browser, f"{site_server}{LANGUAGE_PREFIXES[language]}results/")
    (chart,) = [
        node
        for node in tree.values()
        if _value(node, "role") == "image" and _value(node, "name") == title
    ]
    # Its description says that it is a bar chart and that the table below has the figures.
    assert _value(chart, "description").endswith(pointer)
    # Nothing inside the image is read on top of its name: no legend, no figures.
    inside = [
        _value(node, "name")
        for node in _descendants(tree, chart)
        if not node.get("ignored") and _value(node, "name")
    ]
    assert inside == []
    # The figures are read once, in the table.
    tables = [node for node in tree.values() if _value(node, "role") == "table"]
    assert len(tables) == 1
