"""Every built page, in every language, opened in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.axe import axe_violations
from tests.browser.page_types import sample_paths
from tests.sitebuild import html_pages, page_language

pytestmark = pytest.mark.browser


def _site_path(built_site: Path, page: Path) -> str:
    relative = page.relative_to(built_site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_every_page_passes_axe_and_asks_no_other_host(
    browser, built_site: Path, site_server: str, language: str
) -> None:
    """axe (WCAG 2.0/2.1/2.2 A and AA) and network requests, on every page of one language."""
    context = browser.new_context()
    page = context.new_page()
    foreign_requests: list[str] = []
    local_host = urlsplit(site_server).netloc

    def note_request(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob"}:
            return
        if parts.netloc != local_host:
            foreign_requests.append(request.url)

    page.on("request", note_request)
    failures: dict[str, list] = {}
    pages = [p for p in html_pages(built_site) if page_language(built_site, p) == language]
    assert pages
    for built_page in pages:
        path = _site_path(built_site, built_page)
        page.goto(site_server + path, wait_until="load")
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}
    assert foreign_requests == []


def test_headings_are_named_by_their_words_and_their_links_by_where_they_go(
    browser, built_site: Path, site_server: str
) -> None:
    """One page of every page type in each language (tests/browser/page_types.py).

    A screen reader's list of headings reads "Childhood", not "Childhood ¶"; the "¶" link
    beside it reads "Link to this section: Childhood".
    """
    page = browser.new_page()
    checked = 0
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        assert page.locator(":is(h1, h2, h3, h4, h5, h6) a.headerlink").count() == 0, path
        for link in page.locator(".md-content a.headerlink").all():
            heading = link.locator("xpath=preceding-sibling::*[1]")
            words = " ".join(heading.inner_text().split())
            level = int(heading.evaluate("h => h.tagName")[1])
            named = page.get_by_role("heading", name=words, exact=True, level=level)
            assert named.count() >= 1, (path, words)
            assert "¶" not in (named.first.aria_snapshot()), (path, words)
            title = link.get_attribute("title")
            assert title.endswith(f": {words}"), (path, title)
            assert page.get_by_role("link", name=title, exact=True).count() >= 1
            checked += 1
    page.close()
    assert checked > 30
