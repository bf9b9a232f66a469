"""The real site, built with `mkdocs build --strict`, inspected page by page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.htmlscan import parse_html
from tests.sitebuild import TEST_SITE_URL, html_pages, page_language

pytestmark = pytest.mark.build

LANGUAGES = ("lv", "en", "rml")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _funding(language: str) -> dict:
    from tests.sitebuild import PROJECT_ROOT

    return yaml.safe_load((PROJECT_ROOT / "data" / "funding" / f"{language}.yml").read_text())


def test_site_has_pages_in_every_language(built_site: Path) -> None:
    counts = {language: 0 for language in LANGUAGES}
    for page in html_pages(built_site):
        counts[page_language(built_site, page)] += 1
    assert all(count >= 10 for count in counts.values()), counts


def test_every_page_declares_the_language_it_is_served_in(built_site: Path) -> None:
    wrong = []
    for page in html_pages(built_site):
        html = parse_html(_read(page))
        declared = html.first("html").attrs.get("lang")
        if declared != page_language(built_site, page):
            wrong.append((page.relative_to(built_site).as_posix(), declared))
    assert wrong == []


def test_language_switcher_leads_to_the_same_page_in_each_language(built_site: Path) -> None:
    html = parse_html(_read(built_site / "en" / "about" / "index.html"))
    links = {
        a.attrs["hreflang"]: a.attrs["href"] for a in html.find_all("a", class_="md-select__link")
    }
    assert links == {"lv": "../../about/", "en": "./", "rml": "../../rml/about/"}
    names = {a.attrs["lang"]: a.text.strip() for a in html.find_all("a", class_="md-select__link")}
    assert names["rml"].startswith("Romanes")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_carry_absolute_hreflang_alternates(built_site: Path, language: str) -> None:
    prefix = "" if language == "lv" else f"{language}/"
    html = parse_html(_read(built_site / prefix / "about" / "index.html"))
    alternates = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in html.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    assert alternates == {
        "lv": f"{TEST_SITE_URL}about/",
        "en": f"{TEST_SITE_URL}en/about/",
        "rml": f"{TEST_SITE_URL}rml/about/",
        "x-default": f"{TEST_SITE_URL}about/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_shows_the_eu_emblem_and_funding_statement(
    built_site: Path, language: str
) -> None:
    funding = _funding(language)
    pages = [p for p in html_pages(built_site) if page_language(built_site, p) == language]
    assert pages
    for page in pages:
        html = parse_html(_read(page))
        footer = html.first("footer")
        assert footer is not None, page
        assert "881892-NRP5-LV" in footer.text, page
        assert " ".join(funding["statement"].split()) in " ".join(footer.text.split()), page
        caption = html.first("figcaption", class_="lrp-funding__caption")
        assert caption is not None and caption.text.strip() == funding["funded_by"], page
        emblem = html.first("svg", class_="lrp-eu-emblem")
        assert emblem is not None and emblem.attrs.get("role") == "img", page
        title = html.first("title", id="lrp-eu-emblem-title")
        assert title is not None and title.text.strip() == funding["emblem_alt"], page
        assert "Made with" not in footer.text, page


def test_unreviewed_translation_shows_a_notice_with_the_translator(built_site: Path) -> None:
    html = parse_html(_read(built_site / "en" / "about" / "index.html"))
    notice = html.first("aside", class_="lrp-notice lrp-notice--unreviewed")
    assert notice is not None
    assert "not yet been reviewed" in notice.text
    assert "Translated by" in notice.text


def test_latvian_original_shows_no_translation_notice(built_site: Path) -> None:
    html = parse_html(_read(built_site / "about" / "index.html"))
    assert not [a for a in html.find_all("aside") if "lrp-notice" in a.attrs.get("class", "")]


RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "manifest",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "apple-touch-icon",
}


def test_editors_notes_in_markdown_comments_are_not_published(built_site: Path) -> None:
    from tests.sitebuild import PROJECT_ROOT

    note = "NOT YET REVIEWED"
    source = (PROJECT_ROOT / "docs/heritage/history.rml.md").read_text()
    assert "<!--" in source and note in source.split("<!--", 1)[1].split("-->", 1)[0]
    published = (built_site / "rml/heritage/history/index.html").read_text()
    assert "<!--" not in published and note not in published
    assert [page for page in html_pages(built_site) if "<!--" in page.read_text()] == []


def _points_elsewhere(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    offenders = []
    for page in html_pages(built_site):
        html = parse_html(_read(page))
        for element in html.elements:
            urls: list[str] = []
            for attribute in RESOURCE_ATTRIBUTES.get(element.tag, ()):
                value = element.attrs.get(attribute, "")
                urls += [part.split()[0] for part in value.split(",") if part.strip()]
            if (
                element.tag == "link"
                and set(element.attrs.get("rel", "").split()) & LOADING_LINK_RELS
            ):
                urls.append(element.attrs.get("href", ""))
            style = element.attrs.get("style", "")
            urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", style)
            offenders += [(page.name, element.tag, url) for url in urls if _points_elsewhere(url)]
    assert offenders == []


def test_no_stylesheet_imports_or_fetches_from_another_host(built_site: Path) -> None:
    offenders = []
    for css in built_site.rglob("*.css"):
        text = _read(css)
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(
            r"@import\s+['\"]([^'\"]+)", text
        ):
            if not url.startswith("data:") and _points_elsewhere(url):
                offenders.append((css.name, url))
    assert offenders == []


def test_no_script_requests_another_host(built_site: Path) -> None:
    calls = re.compile(
        r"(?:fetch|import|importScripts)\(\s*['\"`](https?:)?//|\.src\s*=\s*['\"`](https?:)?//"
    )
    offenders = [
        js.relative_to(built_site).as_posix()
        for js in built_site.rglob("*.js")
        if calls.search(_read(js))
    ]
    assert offenders == []


def test_no_font_service_is_referenced(built_site: Path) -> None:
    for page in html_pages(built_site):
        text = _read(page)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_sitemap_lists_real_translations_with_absolute_alternates(built_site: Path) -> None:
    sitemap = _read(built_site / "sitemap.xml")
    assert f"<loc>{TEST_SITE_URL}en/about/</loc>" in sitemap
    assert f'hreflang="rml" href="{TEST_SITE_URL}rml/about/"' in sitemap
    assert not (built_site / "en" / "sitemap.xml").exists()


def test_the_navigation_marks_the_page_the_visitor_is_on(built_site: Path) -> None:
    """The navigation is rendered once and shared between pages (hooks/fragments.py): each
    page in it must still be the one marked current, and a story none of them."""
    current = re.compile(r'<a href="([^"]*)" class="md-nav__link md-nav__link--active"')
    for prefix in ("", "en/", "rml/"):
        for section in ("about", "press", "results"):
            html = (built_site / prefix / section / "index.html").read_text(encoding="utf-8")
            assert current.findall(html) == ["./"], f"{prefix}{section}/"
        story = built_site / prefix / "stories" / "sample-music-teacher" / "index.html"
        assert current.findall(story.read_text(encoding="utf-8")) == [], f"{prefix} story"


def test_only_the_parts_of_pagefind_the_search_page_uses_are_deployed(built_site: Path) -> None:
    bundle = built_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    assert list(bundle.glob("wasm.*.pagefind")) and (bundle / "index").is_dir()
    assert not [p.name for p in bundle.iterdir() if "-ui." in p.name or "highlight" in p.name]
