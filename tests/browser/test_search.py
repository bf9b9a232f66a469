"""Search in the browser: per language, forgiving of diacritics, loaded in pieces."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import serve_directory
from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.browser

PROBE_PAGES = {
    "lv": "# Meklēšanas pārbaude\n\nLatvijas čigāni un romu vēsture. Zilonis Ābrams.\n",
    "en": "# Search probe\n\nThe history of Roma in Latvia. Elephant Abrams.\n",
    "rml": "# Rodipnaskiri proba\n\nRomani historija. Slono Ābrams.\n",
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    for language, body in PROBE_PAGES.items():
        status = "original" if language == "lv" else "reviewed"
        front = f"---\ntitle: Probe\ndescription: Probe page.\ntranslation: {status}\n---\n\n"
        (project / "docs" / f"search-probe.{language}.md").write_text(
            front + body, encoding="utf-8"
        )
    site = tmp_path_factory.mktemp("site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(site) as base_url:
        yield base_url


def _search(page, base_url: str, path: str, query: str) -> list[str]:
    page.goto(base_url + path, wait_until="load")
    box = page.locator("input.pagefind-ui__search-input")
    box.focus()
    page.keyboard.type(query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    hrefs = [link.get_attribute("href") for link in page.locator(".pagefind-ui__result-link").all()]
    # Sub-results link to headings of the same page; one entry per page is enough here.
    return list(dict.fromkeys(href.split("#")[0] for href in hrefs))


def test_latvian_search_folds_diacritics_and_stays_latvian(page, search_site: str) -> None:
    results = _search(page, search_site, "search/", "cigani")
    assert any(href.endswith("/search-probe/") for href in results)
    assert all(not href.startswith(("/en/", "/rml/")) for href in results)

    results = _search(page, search_site, "search/", "vesture")
    assert "/search-probe/" in results


def test_english_search_returns_english_pages_only(page, search_site: str) -> None:
    results = _search(page, search_site, "en/search/", "elephant")
    assert results == ["/en/search-probe/"]
    results = _search(page, search_site, "en/search/", "abrams")
    assert results == ["/en/search-probe/"]


def test_romani_search_returns_romani_pages_only(page, search_site: str) -> None:
    results = _search(page, search_site, "rml/search/", "abrams")
    assert results == ["/rml/search-probe/"]


def test_first_search_loads_only_its_languages_index(page, search_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    _search(page, search_site, "en/search/", "elephant")
    index_files = [url for url in fetched if "/pagefind/index/" in url]
    assert index_files, fetched
    assert all("/pagefind/index/en_" in url for url in index_files)
    assert not any(
        url.endswith(("search_index.json", ".pf_meta")) and "lv_" in url for url in fetched
    )


def test_search_box_is_labelled_and_works_by_keyboard(page, search_site: str) -> None:
    page.goto(search_site + "en/search/", wait_until="load")
    # Screen readers announce the box by its accessible name inside a search landmark.
    assert page.get_by_role("search").get_by_role("textbox", name="Search the site").count() == 1
    # Reach the box with Tab alone, type, then Tab into the first result.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.pagefind-ui__search-input')"):
            break
    assert page.evaluate("document.activeElement.matches('input.pagefind-ui__search-input')")
    page.keyboard.type("elephant")
    page.wait_for_selector(".pagefind-ui__result-link")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pagefind-ui__result-link')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/en/search-probe/"
