"""Search in the browser: per language, forgiving of diacritics, loaded in pieces, accessible."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.axe import axe_violations
from tests.conftest import serve_directory
from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.browser

BOX = "#lrp-search-input"
RESULT_LINK = ".lrp-search__link"
STATUS = "#lrp-search-status"
DONE = STATUS + '[data-state="done"]'
MORE = "#lrp-search-more"

PROBE_PAGES = {
    "lv": "# Meklēšanas pārbaude\n\nLatvijas čigāni un romu vēsture. Zilonis Ābrams. "
    "Pētījums par antičigānismu.\n",
    # The entity-escaped tag is text on the page (and so raw text in Pagefind's excerpt): it
    # must show as text, never become an element.
    "en": "# Search probe\n\nThe history of Roma in Latvia. Elephant Abrams. "
    '&lt;img src="x" class="injected"&gt; Elephant tag.\n',
    "rml": "# Rodipnaskiri proba\n\nRomani historija. Slono Ābrams.\n",
}
# More pages with one shared word than the first screen of results shows (10).
MANY = 12
MANY_WORD = {"lv": "kvokka", "en": "quokka", "rml": "kvokkas"}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("project"))

    def write(name: str, language: str, title: str, body: str) -> None:
        status = "original" if language == "lv" else "reviewed"
        front = f"---\ntitle: {title}\ndescription: Probe page.\ntranslation: {status}\n---\n\n"
        (project / "docs" / f"{name}.{language}.md").write_text(front + body, encoding="utf-8")

    for language, body in PROBE_PAGES.items():
        write("search-probe", language, "Probe", body)
        for number in range(1, MANY + 1):
            word = MANY_WORD[language]
            write(f"search-many-{number:02d}", language, f"Many {number}",
                  f"# Many {number}\n\n{word.capitalize()} number {number}.\n")  # fmt: skip
    site = tmp_path_factory.mktemp("site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(site) as base_url:
        yield base_url


def _wait_until(page, expression: str, timeout_s: float = 10.0) -> None:
    """Poll `expression` in the page (page.wait_for_function would need 'unsafe-eval', which
    the page's policy rightly refuses)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


def _search(page, base_url: str, path: str, query: str) -> list[str]:
    page.goto(base_url + path, wait_until="load")
    box = page.locator(BOX)
    box.focus()
    page.keyboard.type(query)
    page.wait_for_selector(RESULT_LINK, timeout=10_000)
    hrefs = [link.get_attribute("href") for link in page.locator(RESULT_LINK).all()]
    return list(dict.fromkeys(hrefs))


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
    # Pagefind's prebuilt UI is not used.
    assert not any("pagefind-ui" in url for url in fetched)


def test_nothing_of_the_index_loads_before_the_visitor_searches(page, search_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(search_site + "en/search/", wait_until="networkidle")
    loaded = [url.split("/pagefind/")[1] for url in fetched if "/pagefind/" in url]
    assert loaded == ["pagefind.js"]


def test_only_the_shown_results_fragments_load_and_show_more_loads_the_rest(
    page, search_site: str
) -> None:
    fragments: list[str] = []
    page.on("request", lambda r: fragments.append(r.url) if "/pagefind/fragment/" in r.url else 0)
    _search(page, search_site, "en/search/", "quokka")
    page.wait_for_selector(DONE)
    page.wait_for_load_state("networkidle")
    assert page.locator(".lrp-search__result").count() == 10
    assert len(fragments) == 10
    assert page.locator(STATUS).inner_text() == f"{MANY} results for “quokka”"
    # "Show more" by keyboard: focus moves to the first new result.
    more = page.locator(MORE)
    assert more.is_visible()
    more.focus()
    page.keyboard.press("Enter")
    _wait_until(page, "document.querySelectorAll('.lrp-search__result').length === 12")
    page.wait_for_load_state("networkidle")
    assert len(fragments) == MANY
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.lrp-search__link')[10]"
    )
    assert page.locator(MORE).is_hidden()


def test_results_are_a_list_of_headed_links_with_safe_excerpts(page, search_site: str) -> None:
    _search(page, search_site, "en/search/", "elephant")
    page.wait_for_selector(DONE)
    item = page.locator("ol.lrp-search__results > li").first
    assert item.locator("h2 > a").get_attribute("href") == "/en/search-probe/"
    assert item.locator("h2").inner_text() == "Search probe"
    excerpt = item.locator(".lrp-search__excerpt")
    # The search words are marked; the page's text "<img …>" is shown as text.
    assert excerpt.locator("mark").first.inner_text().lower() == "elephant"
    assert '<img src="x" class="injected">' in excerpt.inner_text()
    assert page.locator(".lrp-search__results img, .injected").count() == 0
    assert excerpt.evaluate("e => [...e.querySelectorAll('*')].every(c => c.tagName === 'MARK')")


def test_a_sample_or_called_off_result_says_so_before_its_title(page, search_site: str) -> None:
    # Found in search, an invented story or event must not read as a real one.
    _search(page, search_site, "en/search/", "mediators")
    page.wait_for_selector(DONE)
    headings = {
        heading.locator("a").get_attribute("href"): heading.inner_text()
        for heading in page.locator(".lrp-search__title").all()
    }
    assert headings["/en/events/mediators-seminar-2027/"] == (
        "Cancelled. Illustrative example. Roma mediators' good-practice seminar 2027"
    )
    # The link's own name stays the title; the labels are read with the heading.
    link = page.locator('.lrp-search__link[href="/en/events/mediators-seminar-2027/"]')
    assert link.inner_text() == "Roma mediators' good-practice seminar 2027"
    # A page that is neither carries no label.
    assert headings["/en/about/"] == "About the platform"

    _search(page, search_site, "search/", "klausīties")
    page.wait_for_selector(DONE)
    story = page.locator(
        ".lrp-search__title", has=page.locator('a[href="/stories/sample-music-teacher/"]')
    )
    assert story.inner_text().startswith("Ilustratīvs piemērs. ")


def test_the_count_is_announced_in_the_page_language(page, search_site: str) -> None:
    status = page.locator(STATUS)
    _search(page, search_site, "search/", "zilonis")
    page.wait_for_selector(DONE)
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "1 rezultāts pēc vaicājuma „zilonis”"
    _search(page, search_site, "search/", "kvokka")
    page.wait_for_selector(DONE)
    assert status.inner_text() == f"{MANY} rezultāti pēc vaicājuma „kvokka”"


def _pagefind_alone_finds(page, query: str) -> int:
    """How many results Pagefind's own search gives for `query`, without our UI's help."""
    return page.evaluate(
        """async (query) => {
            const form = document.getElementById("lrp-search");
            const bundle = new URL(form.getAttribute("data-bundle"), location.href);
            const module = await import(new URL("pagefind.js", bundle));
            await module.options({ baseUrl: new URL("..", bundle).pathname });
            await module.init();
            return (await module.search(query)).results.length;
        }""",
        query,
    )


@pytest.mark.parametrize("path", ["search/", "en/search/", "rml/search/"])
def test_a_word_found_nowhere_finds_nothing_not_a_letter_of_it(
    page, search_site: str, path: str
) -> None:
    # The language page lists the letters "č", "š", "ž" as words of their own; Pagefind alone
    # falls back from "zzzzzz" to the longest whole word it has, "ž", and reports results.
    page.goto(search_site + path + "?q=zzzzzz", wait_until="load")
    page.wait_for_selector(DONE)
    assert page.locator(RESULT_LINK).count() == 0
    assert "zzzzzz" in page.locator(STATUS).inner_text()
    assert page.locator(".lrp-search__results").is_hidden()
    assert _pagefind_alone_finds(page, "zzzzzz") > 0  # what the visitor would have seen


def test_a_latvian_word_is_found_in_its_other_forms(page, search_site: str) -> None:
    # The page says "antičigānismu" (accusative); a visitor types the nominative.
    results = _search(page, search_site, "search/", "antičigānisms")
    page.wait_for_selector(DONE)
    assert "/search-probe/" in results
    probe = page.locator(".lrp-search__result", has=page.locator('a[href="/search-probe/"]'))
    assert probe.locator("mark").first.inner_text().startswith("antičigānism")
    # Folded diacritics still apply to the shortened word.
    assert "/search-probe/" in _search(page, search_site, "search/", "anticiganisms")


def test_a_word_is_shortened_by_its_ending_only_not_to_a_fragment(page, search_site: str) -> None:
    # At most three letters are dropped, and never below four: "zilonxyz" is not "zilo…".
    page.goto(search_site + "search/?q=zilonxyzw", wait_until="load")
    page.wait_for_selector(DONE)
    assert page.locator(RESULT_LINK).count() == 0
    assert "/search-probe/" in _search(page, search_site, "search/", "zilonim")


def test_no_results_says_so(page, search_site: str) -> None:
    page.goto(search_site + "en/search/", wait_until="load")
    page.locator(BOX).fill("xylophonequux")
    page.wait_for_selector(DONE)
    assert page.locator(STATUS).inner_text() == "No results for “xylophonequux”"
    assert page.locator(".lrp-search__results").is_hidden()
    assert page.locator(MORE).is_hidden()


def test_query_in_the_address_searches_and_the_search_is_kept_in_the_address(
    page, search_site: str
) -> None:
    page.goto(search_site + "rml/search/?q=abrams", wait_until="load")
    page.wait_for_selector(DONE)
    assert page.locator(BOX).input_value() == "abrams"
    assert page.locator(RESULT_LINK).get_attribute("href") == "/rml/search-probe/"
    # Typing a new search replaces the query in the address (no new history entry).
    history_length = page.evaluate("history.length")
    page.locator(BOX).fill("slono")
    page.keyboard.press("Enter")
    _wait_until(page, "location.search.includes('slono')")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["slono"]}
    assert page.evaluate("history.length") == history_length
    page.locator(BOX).fill("")
    page.keyboard.press("Enter")
    _wait_until(page, "location.search === ''")


def test_following_a_result_does_not_pass_the_search_words_on(page, search_site: str) -> None:
    page.goto(search_site + "en/search/?q=elephant", wait_until="load")
    page.wait_for_selector(DONE)
    with page.expect_request("**/en/search-probe/") as request:
        page.locator(RESULT_LINK).first.click()
    assert request.value.all_headers().get("referer") == search_site


def test_search_box_is_labelled_and_works_by_keyboard(page, search_site: str) -> None:
    page.goto(search_site + "en/search/", wait_until="load")
    # Screen readers announce the box by its accessible name inside a search landmark.
    assert page.get_by_role("search").get_by_role("searchbox", name="Search the site").count() == 1
    assert page.locator("form[role=search] label[for=lrp-search-input]").is_visible()
    # Reach the box with Tab alone, type, then Tab into the first result.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{BOX}')"):
            break
    assert page.evaluate(f"document.activeElement.matches('{BOX}')")
    page.keyboard.type("elephant")
    page.wait_for_selector(RESULT_LINK)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('lrp-search__link')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/en/search-probe/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_with_results_passes_axe(browser, search_site: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path, query in (
        ("search/", "kvokka"),
        ("en/search/", "elephant"),
        ("rml/search/", "abrams"),
    ):
        page.goto(search_site + path + "?q=" + query, wait_until="load")
        page.wait_for_selector(DONE)
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        assert axe_violations(page) == [], path
    context.close()
