"""Every built page, in every language, opened in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.axe import axe_violations
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
