"""The Content-Security-Policy holds and nothing sets a cookie.

Runs over one page of every page type in every language (tests/browser/page_types.py),
including a search, which exercises Pagefind's WebAssembly under the policy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.page_types import sample_paths

pytestmark = pytest.mark.browser

LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def test_pages_satisfy_their_content_security_policy_and_set_no_cookies(
    browser, built_site: Path, site_server: str
) -> None:
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    console_violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            console_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    violations: dict[str, list[str]] = {}
    for path in sample_paths(built_site):
        page.goto(site_server + path, wait_until="load")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        if path.endswith("search/"):
            page.locator("#lrp-search-input").fill("roma")
            page.wait_for_selector('#lrp-search-status[data-state="done"]')
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found
        assert page.evaluate("document.cookie") == "", path
    assert violations == {}
    assert console_violations == []
    assert context.cookies() == []
    context.close()


def test_no_inline_event_handlers_in_any_page(built_site: Path) -> None:
    import re

    handler = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
    offenders = [
        page.relative_to(built_site).as_posix()
        for page in built_site.rglob("index.html")
        if handler.search(page.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_headers_file_carries_the_security_headers(built_site: Path) -> None:
    headers = (built_site / "_headers").read_text()
    for name in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "Referrer-Policy",
        "Permissions-Policy",
        "frame-ancestors 'none'",
    ):
        assert name in headers
