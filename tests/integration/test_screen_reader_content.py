"""What a screen reader meets in the content of the built pages: each test is one finding of the
site's screen-reader audit, fixed (figures read once, links and tables with names of their
own, no permalink to the page itself)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.htmlscan import parse_html
from tests.sitebuild import html_pages, page_language

pytestmark = pytest.mark.build

PREFIXES = {"lv": "", "en": "en/", "rml": "rml/"}


def _html(site: Path, language: str, path: str) -> str:
    return (site / PREFIXES[language] / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("language", "description"),
    [
        ("lv", "Tie paši skaitļi ir tabulā zem diagrammas."),
        ("en", "The same figures are in the table below the chart."),
        ("rml", "Adala numera hi vi an tabula tele."),
    ],
)
def test_the_results_chart_is_one_short_image_and_its_figures_are_in_the_table_only(
    built_site: Path, language: str, description: str
) -> None:
    html = _html(built_site, language, "results")
    chart = re.search(r'<div class="lrp-results-chart" role="img"[^>]*>', html)
    assert chart is not None
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', chart.group(0))
    described_by = re.search(r'aria-describedby="([^"]+)"', chart.group(0))
    assert labelled_by and described_by and " " not in labelled_by.group(1)
    page = parse_html(html)
    name = page.first("span", id=labelled_by.group(1))
    said = page.first("span", id=described_by.group(1))
    assert name is not None and said is not None
    # A sentence that says a chart is there and where its figures are; no figure in it.
    assert said.text.strip().endswith(description)
    assert not re.search(r"\d", name.text + said.text)
    # The bars, group names and figures are inside one hidden part of the image.
    drawing = page.first("div", class_="lrp-results-chart__drawing")
    assert drawing is not None and drawing.attrs.get("aria-hidden") == "true"
    assert re.search(r"\d", drawing.text)
    # The table still has every group with its figures.
    table = re.search(r"<table>.*?</table>", html[chart.end() :], re.DOTALL)
    assert table is not None
    assert table.group(0).count('<th scope="row">') == html.count("data-category=") > 0


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        ("lv", "Atpakaļ uz tekstu: 1. avots", "Atpakaļ uz tekstu: 2. avots"),
        ("en", "Back to the text: source 1", "Back to the text: source 2"),
        ("rml", "Palpale ko teksto: literatura 1", "Palpale ko teksto: literatura 2"),
    ],
)
def test_links_back_to_the_text_can_be_told_apart_in_a_list_of_links(
    built_site: Path, language: str, first: str, second: str
) -> None:
    for path in ("heritage/history", "heritage/genocide", "heritage/policy"):
        page = parse_html(_html(built_site, language, path))
        names = [
            link.attrs["aria-label"] for link in page.find_all("a", class_="lrp-sources__back")
        ]
        assert len(names) > 1, path
        assert len(set(names)) == len(names), (path, names)
        if path == "heritage/history":
            assert names[:2] == [first, second]


def test_heading_permalinks_are_named_once_and_page_titles_have_none(built_site: Path) -> None:
    permalinks = 0
    for built in html_pages(built_site):
        html = built.read_text(encoding="utf-8")
        page = parse_html(html)
        for h1 in page.find_all("h1"):
            if h1.attrs.get("id"):
                assert f'href="#{h1.attrs["id"]}"' not in html, built
        for link in page.find_all("a", class_="headerlink"):
            # Named by its title alone: an aria-label beside it made the title a description.
            assert "aria-label" not in link.attrs, built
            assert ": " in link.attrs["title"], built
            permalinks += 1
        assert not re.search(
            r'<a class="headerlink"[^>]*>&para;|<a class="headerlink"[^>]*>¶', html
        )
    assert permalinks > 100
    assert {page_language(built_site, p) for p in html_pages(built_site)} == set(PREFIXES)


@pytest.mark.parametrize(
    ("language", "caption", "headers"),
    [
        ("lv", "Tautas skaitīšanās reģistrētais romu skaits", ["Gads", "Romu skaits", "Avots"]),
        ("en", "Number of Roma recorded by censuses", ["Year", "Number of Roma", "Source"]),
        ("rml", "Romengiro gin an Latvija", ["Berš", "Romengiro gin", "Literatura"]),
    ],
)
def test_the_census_table_has_a_caption_and_row_headers(
    built_site: Path, language: str, caption: str, headers: list[str]
) -> None:
    html = _html(built_site, language, "heritage/history")
    table = re.search(r"<table>\s*<caption>(.*?)</caption>(.*?)</table>", html, re.DOTALL)
    assert table is not None
    assert table.group(1) == caption
    cells = parse_html(table.group(2))
    assert [th.text for th in cells.find_all("th") if "scope" not in th.attrs] == headers
    # Each year heads its row, so a screen reader says "1935" before "3,839".
    years = [th.text for th in cells.find_all("th", scope="row")]
    assert years == ["1897", "1935", "1989", "2011", "2021"]
    # The sentence is not shown twice, once as a paragraph and once as the caption.
    assert f"<p>{caption}:</p>" not in html


@pytest.mark.parametrize("language", ["lv", "en"])
def test_every_rules_table_has_a_caption_and_row_headers(built_site: Path, language: str) -> None:
    html = _html(built_site, language, "editors/rules")
    tables = re.findall(r"<table>(.*?)</table>", html, re.DOTALL)
    assert len(tables) == 7
    for table in tables:
        assert re.match(r"\s*<caption>[^<]+</caption>", table), table[:200]
        rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.DOTALL)
        assert rows
        for row in rows:
            assert re.match(r'\s*<th scope="row"><code>LRP\d{3}</code></th>', row), row[:200]
