"""The consent gate, through a real build: a story without valid consent leaves no trace."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.htmlscan import parse_html
from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.build

# Pinned build date is 2026-09-21 (tests/sitebuild.py).
STORY = """---
title: "{title}"
summary: "Summary of {title}."
date: 2026-05-04
themes: [music, family]
place:
  town: "Kuldīga"
  region: kurzeme
  shown: {shown}
person:
  name: "Marta"
  naming: pseudonym
consent:
  ref: "LRP-2026-{ref}"
  date: 2026-01-10
  review_by: {review_by}
  status: {status}
  languages: {languages}
  photos: false
  republication: {republication}
licence: CC-BY-4.0
credits:
  author: "Test Author"
sample: true
translation: {translation}
---

Body text of {title}.
"""


def _write_story(project: Path, slug: str, language: str, **values: object) -> None:
    defaults: dict[str, object] = {
        "title": slug,
        "shown": "town",
        "ref": "001",
        "review_by": "2027-01-01",
        "status": "active",
        "languages": "[lv, en, rml]",
        "republication": "true",
        "translation": "original" if language == "lv" else "unreviewed",
    }
    defaults.update(values)
    defaults["ref"] = f"{sum(map(ord, slug)):03d}"  # one consent record per story
    folder = project / "stories" / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"index.{language}.md").write_text(STORY.format(**defaults), encoding="utf-8")


@pytest.fixture(scope="module")
def consent_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    for language in ("lv", "en"):
        _write_story(project, "open-story", language, title=f"Visible Story {language}")
        _write_story(project, "gone-story", language, title="Zzwithdrawnstory", status="withdrawn")
        _write_story(project, "old-story", language, title="Zzexpiredstory", review_by="2026-09-01")
    _write_story(project, "latvian-only", "lv", title="Only Latvian", languages="[lv]")
    _write_story(project, "latvian-only", "en", title="Zznoenglishconsent", languages="[lv]")
    site = tmp_path_factory.mktemp("site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def _every_output_file(site: Path):
    for path in site.rglob("*"):
        if path.is_file():
            yield path


@pytest.mark.parametrize(
    "needle",
    ["Zzwithdrawnstory", "gone-story", "Zzexpiredstory", "old-story", "Zznoenglishconsent"],
)
def test_story_without_valid_consent_leaves_no_trace(consent_site, needle: str) -> None:
    site, _ = consent_site
    # Every output file: pages, listings, feeds, sitemap, search index (Pagefind's files
    # are compressed, so the index is checked through its own word list below as well).
    hits = [
        path.relative_to(site).as_posix()
        for path in _every_output_file(site)
        if needle.encode() in path.read_bytes()
    ]
    assert hits == []


def test_story_in_an_unconsented_language_has_no_page_and_no_alternate(consent_site) -> None:
    site, _ = consent_site
    assert (site / "stories" / "latvian-only" / "index.html").exists()
    assert not (site / "en" / "stories" / "latvian-only").exists()
    html = parse_html((site / "stories" / "latvian-only" / "index.html").read_text())
    hreflangs = {
        link.attrs["hreflang"]
        for link in html.find_all("link", rel="alternate")
        if link.attrs.get("hreflang")
    }
    assert "en" not in hreflangs


def test_published_story_is_listed_with_its_place_and_themes(consent_site) -> None:
    site, _ = consent_site
    listing = (site / "en" / "stories" / "index.html").read_text()
    assert "Visible Story en" in listing
    assert "Kuldīga" in listing
    theme_page = site / "en" / "stories" / "themes" / "music" / "index.html"
    assert "Visible Story en" in theme_page.read_text()
    region_page = site / "stories" / "regions" / "kurzeme" / "index.html"
    assert "Visible Story lv" in region_page.read_text()


def test_build_reports_withheld_stories_with_reasons(consent_site) -> None:
    _, log = consent_site
    assert "stories/gone-story/index.lv.md: consent status is withdrawn" in log
    assert "stories/old-story/index.en.md: consent expired on 2026-09-01" in log
    assert "stories/latvian-only/index.en.md: no consent for language 'en'" in log


def test_sample_story_is_visibly_labelled(consent_site) -> None:
    site, _ = consent_site
    html = parse_html((site / "en" / "stories" / "open-story" / "index.html").read_text())
    banner = html.first("p", class_="lrp-sample-banner")
    assert banner is not None and "not a real person" in banner.text


SWITCHER_LINK_RE = re.compile(
    r'<a href="([^"]*)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link"[^>]*>(.*?)</a>',
    re.DOTALL,
)


def _language_menu(page: Path) -> dict[str, tuple[str, str]]:
    html = page.read_text(encoding="utf-8")
    return {
        language: (href, " ".join(unescape(text).split()))
        for href, language, text in SWITCHER_LINK_RE.findall(html)
    }


def test_the_language_menu_says_when_a_story_is_not_written_in_a_language(consent_site) -> None:
    # Choosing a language the story is not written in leads to that language's list of
    # stories; the menu says so before it is chosen, in the language of the link.
    site, _ = consent_site
    menu = _language_menu(site / "stories" / "open-story" / "index.html")
    assert menu["rml"] == ("../../rml/stories/", "Romanes (lotfítka) – historiji")
    assert menu["en"] == ("../../en/stories/open-story/", "English")
    assert menu["lv"][1] == "Latviešu"
    only_latvian = _language_menu(site / "stories" / "latvian-only" / "index.html")
    assert only_latvian["en"] == ("../../en/stories/", "English – list of stories")
    english = _language_menu(site / "en" / "stories" / "open-story" / "index.html")
    assert english["lv"] == ("../../../stories/open-story/", "Latviešu")
    # A page that is not a story is never replaced by a list: its menu promises nothing else.
    about = _language_menu(site / "about" / "index.html")
    assert [text for _, text in about.values()] == ["Latviešu", "English", "Romanes (lotfítka)"]
