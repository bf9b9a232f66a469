"""A page missing in one language: the visitor gets the Latvian original, clearly marked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.htmlscan import parse_html
from tests.sitebuild import TEST_SITE_URL, build_site, copy_project

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site_without_romani_privacy_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    (project / "docs" / "privacy.rml.md").unlink(missing_ok=True)
    site = tmp_path_factory.mktemp("site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _romani_strings() -> dict:
    from tests.sitebuild import PROJECT_ROOT

    return yaml.safe_load((PROJECT_ROOT / "data" / "ui" / "rml.yml").read_text())["site"]


def test_fallback_page_explains_itself_in_the_visitors_language(
    site_without_romani_privacy_page: Path,
) -> None:
    html = parse_html(
        (site_without_romani_privacy_page / "rml" / "privacy" / "index.html").read_text()
    )
    notice = html.first("aside", class_="lrp-notice lrp-notice--fallback")
    assert notice is not None
    assert notice.attrs["lang"] == "rml"
    assert _romani_strings()["notice_fallback"] in notice.text
    links = {
        a.attrs["hreflang"]: a.attrs["href"]
        for a in html.find_all("a")
        if a.attrs.get("hreflang") and "md-select__link" not in a.attrs.get("class", "")
    }
    assert links == {"lv": "../../privacy/", "en": "../../en/privacy/"}


def test_fallback_content_is_marked_latvian_and_kept_out_of_indexes(
    site_without_romani_privacy_page: Path,
) -> None:
    page = (site_without_romani_privacy_page / "rml" / "privacy" / "index.html").read_text()
    html = parse_html(page)
    assert html.first("html").attrs["lang"] == "rml"
    assert html.first("div", lang="lv") is not None
    assert html.first("meta", name="robots").attrs["content"].startswith("noindex")
    assert "data-pagefind-body" not in page  # Pagefind indexes only marked pages
    assert not [
        link for link in html.find_all("link", rel="alternate") if link.attrs.get("hreflang")
    ]


def test_other_languages_and_the_sitemap_do_not_point_at_the_fallback(
    site_without_romani_privacy_page: Path,
) -> None:
    english = parse_html(
        (site_without_romani_privacy_page / "en" / "privacy" / "index.html").read_text()
    )
    hreflangs = {
        link.attrs["hreflang"]
        for link in english.find_all("link", rel="alternate")
        if link.attrs.get("hreflang")
    }
    assert hreflangs == {"lv", "en", "x-default"}
    sitemap = (site_without_romani_privacy_page / "sitemap.xml").read_text()
    assert f"{TEST_SITE_URL}rml/privacy/" not in sitemap
    assert f"<loc>{TEST_SITE_URL}en/privacy/</loc>" in sitemap
