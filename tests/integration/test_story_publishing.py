"""Story photos, feeds, structured data and republish material, through a real build."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html import escape
from html import unescape as html_unescape
from pathlib import Path

import pytest
from PIL import Image

from tests.htmlscan import parse_html
from tests.sitebuild import TEST_SITE_URL, build_site, copy_project

pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"
# The fixture stories are samples; away from the page their titles lead with this label.
SAMPLE = "Illustrative example. "

STORY = """---
title: "{title}"
summary: "A summary."
date: 2026-05-04
themes: [family]
place:
  region: vidzeme
  shown: region
person:
  name: "Olga"
  naming: pseudonym
consent:
  ref: "LRP-2026-{ref}"
  date: 2026-01-10
  review_by: 2027-01-01
  status: active
  languages: [lv, en]
  photos: {photos}
  republication: {republication}
licence: CC-BY-4.0
credits:
  author: "Test Author"
  photographer: "Test Photographer"
{images}sample: true
translation: {translation}
{translator}---

First paragraph of {title}.

<p class="fancy">Second paragraph.</p>
"""


def _jpeg_with_gps(path: Path, size: tuple[int, int], orientation: int = 1) -> None:
    image = Image.new("RGB", size, (200, 40, 40))
    # Left half blue, so the orientation can be checked on the output.
    image.paste((40, 40, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    exif[0x0112] = orientation
    gps = {1: "N", 2: (56.0, 57.0, 1.0), 3: "E", 4: (24.0, 6.0, 1.0)}
    exif[0x8825] = gps
    image.save(path, "JPEG", exif=exif, quality=90)


def _write_story(
    project: Path,
    slug: str,
    title: str,
    ref: str,
    *,
    photos: bool,
    republication: bool,
    with_images: bool,
    photo_licences: tuple[str | None, str | None] = ("CC-BY-4.0", "CC-BY-4.0"),
) -> None:
    folder = project / "stories" / slug
    folder.mkdir(parents=True, exist_ok=True)
    if with_images:
        _jpeg_with_gps(folder / "gps.jpg", (1200, 800))
        _jpeg_with_gps(folder / "rotated.jpg", (1200, 800), orientation=6)
    gps_licence, rotated_licence = (
        f"    licence: {licence}\n" if licence else "" for licence in photo_licences
    )
    for language in ("lv", "en"):
        images = (
            "images:\n"
            f'  - file: gps.jpg\n    alt: "Red and blue field {language}"\n    credit: "Photo: T"\n'
            f"{gps_licence}"
            f'  - file: rotated.jpg\n    alt: "Rotated field {language}"\n    credit: "Photo: T"\n'
            f"{rotated_licence}"
            if with_images
            else ""
        )
        text = STORY.format(
            title=f"{title} {language}",
            ref=ref,
            photos=str(photos).lower(),
            republication=str(republication).lower(),
            images=images,
            translation="original" if language == "lv" else "unreviewed",
            translator="" if language == "lv" else 'translator: "T"\n',
        )
        (folder / f"index.{language}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def story_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    shutil.rmtree(project / "stories")
    _write_story(
        project,
        "with-photos",
        "Photo Story",
        "101",
        photos=True,
        republication=True,
        with_images=True,
    )
    _write_story(
        project,
        "photos-refused",
        "Private Photos",
        "102",
        photos=False,
        republication=True,
        with_images=True,
    )
    _write_story(
        project,
        "no-republish",
        "Keep Here",
        "103",
        photos=True,
        republication=False,
        with_images=False,
    )
    return project


@pytest.fixture(scope="module")
def story_site(story_project: Path, tmp_path_factory: pytest.TempPathFactory):
    site = tmp_path_factory.mktemp("site")
    result = build_site(story_project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stderr


def _published_images(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix in {".jpg", ".webp"} and "stories" in p.parts]


def test_published_photos_carry_no_metadata(story_site) -> None:
    site, _ = story_site
    photos = _published_images(site)
    assert len(photos) >= 4
    for photo in photos:
        data = photo.read_bytes()
        assert b"SecretCameraMaker" not in data, photo
        assert b"Exif" not in data, photo
        with Image.open(photo) as image:
            assert not image.getexif(), photo
            assert "xmp" not in image.info and "icc_profile" not in image.info, photo


def test_rotated_photo_comes_out_upright(story_site) -> None:
    site, _ = story_site
    rotated = sorted((site / "stories" / "with-photos" / "img").glob("rotated-*.jpg"))
    assert rotated
    with Image.open(rotated[-1]) as image:
        width, height = image.size
        assert height > width  # orientation 6 turns the 1200×800 landscape into a portrait
        top = image.getpixel((width // 2, height // 8))
        assert top[2] > top[0]  # the blue left half is now on top


def test_photos_appear_only_with_photo_consent(story_site) -> None:
    site, _ = story_site
    assert not (site / "stories" / "photos-refused" / "img").exists()
    page = (site / "en" / "stories" / "photos-refused" / "index.html").read_text()
    assert "gps" not in page and "rotated" not in page
    with_photos = parse_html((site / "en" / "stories" / "with-photos" / "index.html").read_text())
    images = with_photos.find_all("img")
    story_images = [img for img in images if "with-photos/img/" in img.attrs.get("src", "")]
    assert story_images and all(img.attrs.get("alt") for img in story_images)
    assert all(img.attrs.get("width") and img.attrs.get("height") for img in story_images)
    assert story_images[0].attrs.get("loading") != "lazy"
    assert story_images[1].attrs.get("loading") == "lazy"


def test_atom_and_json_feeds_validate(story_site) -> None:
    site, _ = story_site
    root = ET.parse(site / "en" / "stories" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    # The fixture stories are samples, so every title leads with the label.
    titles = {e.find(f"{ATOM}title").text for e in entries}
    assert titles >= {f"{SAMPLE}Photo Story en", f"{SAMPLE}Keep Here en"}
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None
    feed = json.loads((site / "en" / "stories" / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["items"]
    for item in feed["items"]:
        assert item["id"] and ("content_html" in item or "content_text" in item)
    # Our `_credits` extension points to the page that explains it, as JSON Feed 1.1 asks.
    credited = [item["_credits"] for item in feed["items"] if "_credits" in item]
    assert credited and {credits["about"] for credits in credited} == {f"{TEST_SITE_URL}en/press/"}
    assert "`_credits`" in (site / "en" / "press" / "index.html").read_text().replace(
        "<code>_credits</code>", "`_credits`"
    )


def test_feeds_and_structured_data_carry_the_photo_only_with_photo_consent(story_site) -> None:
    """A journalist's feed reader and a search engine get the story's first photo and its
    photographer; a story whose storyteller refused photos gets neither."""
    site, _ = story_site
    stories = site / "en" / "stories"
    photo_url = f"{TEST_SITE_URL}stories/with-photos/img/"  # shared by every language
    atom = {
        entry.findtext(f"{ATOM}title").removeprefix(SAMPLE): entry
        for entry in ET.parse(stories / "feed.xml").getroot().findall(f"{ATOM}entry")
    }
    items = {
        item["title"].removeprefix(SAMPLE): item
        for item in json.loads((stories / "feed.json").read_text())["items"]
    }

    def enclosures(title: str) -> list[str]:
        links = atom[title].findall(f"{ATOM}link")
        return [link.get("href", "") for link in links if link.get("rel") == "enclosure"]

    def article(slug: str) -> dict:
        page = (stories / slug / "index.html").read_text()
        (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        return json.loads(block)

    (enclosed,) = enclosures("Photo Story en")
    assert enclosed.startswith(photo_url) and enclosed.endswith(".jpg")
    # The enclosure gives the photo's size, so a reader can decide before downloading it.
    (enclosure,) = [
        link
        for link in atom["Photo Story en"].findall(f"{ATOM}link")
        if link.get("href") == enclosed
    ]
    published_photo = site / enclosed.removeprefix(TEST_SITE_URL)
    assert int(enclosure.get("length", "0")) == published_photo.stat().st_size > 0
    assert items["Photo Story en"]["image"] == enclosed
    contributors = [
        c.findtext(f"{ATOM}name") for c in atom["Photo Story en"].findall(f"{ATOM}contributor")
    ]
    assert "Test Photographer" in contributors
    # JSON Feed's `_credits` say who is credited for what, as the page's credits do ("Author:",
    # "Photos:"; these stories credit no translator).
    assert items["Photo Story en"]["_credits"]["contributors"] == [
        {"name": "Test Author", "role": "author"},
        {"name": "Test Photographer", "role": "photographer"},
    ]
    image = article("with-photos")["image"]
    # Search engines get the themes as words of the page's language.
    assert article("with-photos")["keywords"] == ["Family"]
    latvian = (site / "stories" / "with-photos" / "index.html").read_text()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', latvian, re.S)
    assert json.loads(block)["keywords"] == ["Ģimene"]
    assert image["contentUrl"] == enclosed and image["creditText"] == "Photo: T"

    assert enclosures("Private Photos en") == []
    assert "image" not in items["Private Photos en"]
    refused = [
        c.findtext(f"{ATOM}name") for c in atom["Private Photos en"].findall(f"{ATOM}contributor")
    ]
    assert "Test Photographer" not in refused
    assert items["Private Photos en"]["_credits"]["contributors"] == [
        {"name": "Test Author", "role": "author"}
    ]
    assert "image" not in article("photos-refused")


def test_republished_photos_stand_where_the_page_shows_them(story_site) -> None:
    """The first photo above the text and the second after it, in the snippet, the Markdown
    copy and the feed's full text alike, so a republished story reads as the original does."""
    site, _ = story_site
    folder = site / "en" / "stories" / "with-photos"
    page = (folder / "index.html").read_text()
    html = (folder / "with-photos.en.html").read_text()
    markdown = (folder / "with-photos.en.md").read_text()
    feed = json.loads((site / "en" / "stories" / "feed.json").read_text())
    (entry,) = [item for item in feed["items"] if item["title"] == f"{SAMPLE}Photo Story en"]
    for copy in (page, html, markdown, entry["content_html"]):
        first, text, second = (
            copy.index("Red and blue field en"),
            copy.index("First paragraph of Photo Story en"),
            copy.index("Rotated field en"),
        )
        assert first < text < second, copy[:2000]


def test_story_json_ld_parses_as_an_article(story_site) -> None:
    site, _ = story_site
    html = (site / "en" / "stories" / "with-photos" / "index.html").read_text()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks
    data = json.loads(blocks[0])
    assert data["@type"] == "Article" and data["inLanguage"] == "en"
    assert data["license"].startswith("https://creativecommons.org/")


def test_republish_snippet_is_clean_and_respects_image_rights(story_site) -> None:
    site, _ = story_site
    with_photos = (site / "en" / "stories" / "with-photos" / "with-photos.en.html").read_text()
    assert "<script" not in with_photos
    assert " class=" not in with_photos
    assert "<img" in with_photos
    # Each of the two photos is credited once, by its own credit, as on the page.
    assert with_photos.count("<em>Photo: T</em>") == 2
    assert "Photo: Latvian Roma Platform" not in with_photos
    # The English version is an unreviewed translation, and the copy says so as the page does.
    assert "This translation has not yet been reviewed by a language specialist." in with_photos
    refused = (site / "en" / "stories" / "photos-refused" / "photos-refused.en.html").read_text()
    assert "<img" not in refused and ".jpg" not in refused
    assert "first published by the Latvian Roma Platform" in refused
    raw_page = (site / "en" / "stories" / "with-photos" / "index.html").read_text()
    # Without JavaScript the snippet sits, escaped, in a textarea ready to select and copy.
    textarea = re.search(r'<textarea id="lrp-republish-html"[^>]*>(.*?)</textarea>', raw_page, re.S)
    assert (
        textarea
        and "&lt;p lang=&#34;en&#34;&gt;First paragraph of Photo Story en." in textarea.group(1)
    )
    assert "<" not in textarea.group(1)
    snippet = html_unescape(textarea.group(1)).strip()
    # The pasted HTML starts with the story's title, as the downloads do; the page's title, not
    # the feeds' "Illustrative example." one, since the notice under it says so.
    assert snippet.startswith('<h2 lang="en">Photo Story en</h2>\n')
    assert snippet.index("</h2>") < snippet.index("This translation has not yet been reviewed")
    page = parse_html(raw_page)
    assert page.first("a", rel="license") is not None
    # The snippet is folded (a closed <details>, so a page read aloud or scrolled on a phone
    # does not carry the story again as markup), named by the summary that unfolds it.
    (folded,) = re.findall(r"<details[^>]*>.*?</details>", raw_page, re.S)
    folded_page = parse_html(folded)
    (details,) = folded_page.find_all("details", class_="lrp-republish__html")
    assert "open" not in details.attrs
    (summary,) = folded_page.find_all("summary")
    assert summary.text.strip() == "HTML of the story, to copy"
    (box,) = folded_page.find_all("textarea")
    assert box.attrs["id"] == "lrp-republish-html"
    assert box.attrs["aria-labelledby"] == summary.attrs["id"]
    assert not page.find_all("label", for_="lrp-republish-html")  # one name, not two
    # The paragraph labelled as the credit line carries the licence line, as every copy does.
    (credit,) = [p for p in page.find_all("p") if p.text.strip().startswith("Credit line:")]
    assert "first published by the Latvian Roma Platform" in credit.text
    assert "Licence: CC BY 4.0 (Creative Commons Attribution 4.0 International)" in " ".join(
        credit.text.split()
    )
    # Beside it, in plain words, what the licence allows; apart from the credit line, so that
    # copying the credit does not copy our summary of the licence.
    (summary,) = page.find_all("p", class_="lrp-republish__licence-summary")
    assert summary.text.strip() == (
        "In short: you may republish, translate and adapt this story, also commercially, if you "
        "give the credit line and a link to the licence and say if you changed it."
    )
    assert "In short" not in credit.text
    latvian = parse_html((site / "stories" / "with-photos" / "index.html").read_text())
    (summary_lv,) = latvian.find_all("p", class_="lrp-republish__licence-summary")
    assert summary_lv.text.strip().startswith("Īsumā: šo stāstu drīkst pārpublicēt, tulkot")
    assert page.first("button", class_="md-button lrp-republish__copy") is not None
    # The downloaded file opens as a page of its own, in its language and encoding, and the
    # snippet in it is the one in the textarea.
    assert with_photos.startswith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'
    )
    assert f"<title>{SAMPLE}Photo Story en</title>" in with_photos  # an illustrative story
    # The file has the title as its <h1>, and then the snippet's text (these stories have no
    # headings of their own, which the snippet would put a level lower).
    assert "<h1>Photo Story en</h1>" in with_photos and "<h2" not in with_photos
    assert snippet.split("</h2>\n", 1)[1] in with_photos
    # A photo is saved under a name that says which story, which photo and whose credit, not
    # under the hashed name of the published file, and the link says that name.
    downloads = [
        (link.attrs["download"], link.attrs["href"], link.text.strip())
        for link in page.find_all("a")
        if link.attrs.get("download") and link.attrs["href"].endswith(".jpg")
    ]
    assert [(name, text) for name, _, text in downloads] == [
        ("with-photos-1-photo-t.jpg", "with-photos-1-photo-t.jpg"),
        ("with-photos-2-photo-t.jpg", "with-photos-2-photo-t.jpg"),
    ]
    # `download` names a file only when it comes from the page's own site: it does.
    assert all(href.startswith("../") and "://" not in href for _, href, _ in downloads)


def test_story_without_republication_permission_offers_no_material(story_site) -> None:
    site, _ = story_site
    folder = site / "en" / "stories" / "no-republish"
    assert sorted(p.name for p in folder.iterdir()) == ["card.jpg", "index.html"]
    page = (folder / "index.html").read_text()
    assert "lrp-republish-html" not in page and "not agreed to republication" in page
    # The site's licence for its other texts is not read as covering this one either.
    assert "no licence covers it" in page
    # Nor does any machine-readable copy offer it under a licence.
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert blocks and "license" not in json.loads(blocks[0])
    entries = ET.parse(site / "en" / "stories" / "feed.xml").getroot().findall(f"{ATOM}entry")
    kept = next(e for e in entries if e.findtext(f"{ATOM}title") == f"{SAMPLE}Keep Here en")
    # No licence is claimed; the rights say, as the page does, to link rather than republish.
    rights = kept.findtext(f"{ATOM}rights") or ""
    assert "not agreed to republication" in rights and "link to it" in rights
    assert [link.get("rel") for link in kept.findall(f"{ATOM}link")] == ["alternate"]


def test_each_story_and_language_has_a_social_card(story_site) -> None:
    site, _ = story_site
    for language_prefix in ("", "en/"):
        card = site / language_prefix / "stories" / "with-photos" / "card.jpg"
        with Image.open(card) as image:
            assert image.size == (1200, 630)
            assert not image.getexif()
    html = (site / "en" / "stories" / "with-photos" / "index.html").read_text()
    assert 'property="og:image" content="https://' in html


def test_link_preview_image_is_described_by_what_the_card_shows(story_site) -> None:
    """A screen-reader user of a link preview hears the card's words and photo, not the title
    a second time; without photo consent the description names no photo."""
    site, _ = story_site

    def card_alts(slug: str) -> set[str]:
        page = parse_html((site / "en" / "stories" / slug / "index.html").read_text())
        return {
            meta.attrs["content"]
            for meta in page.find_all("meta")
            if meta.attrs.get("property") == "og:image:alt"
            or meta.attrs.get("name") == "twitter:image:alt"
        }

    assert card_alts("with-photos") == {
        "Illustrative example: Photo Story en – Latvian Roma Platform. Photo: Red and blue field en"
    }
    (refused,) = card_alts("photos-refused")
    assert refused == "Illustrative example: Private Photos en – Latvian Roma Platform"


def test_a_story_in_two_languages_offers_only_the_other_one_as_locale(story_site) -> None:
    site, _ = story_site
    page = parse_html((site / "en" / "stories" / "with-photos" / "index.html").read_text())
    locales = [
        (meta.attrs["property"], meta.attrs["content"])
        for meta in page.find_all("meta")
        if meta.attrs.get("property", "").startswith("og:locale")
    ]
    assert locales == [("og:locale", "en_GB"), ("og:locale:alternate", "lv_LV")]


def test_warm_rebuild_reprocesses_no_image(story_project: Path, story_site, tmp_path) -> None:
    _, first_log = story_site
    assert re.search(r"Story images: 2 processed, 0 from cache", first_log), first_log[-2000:]
    # Three stories in two languages (none in Romani), and one site card per language.
    assert re.search(r"social cards: 9 drawn, 0 from cache", first_log), first_log[-2000:]
    result = build_site(story_project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Story images: 0 processed, 2 from cache" in result.stderr
    assert "social cards: 0 drawn, 9 from cache" in result.stderr


def test_language_switcher_never_leads_to_a_missing_story(story_site) -> None:
    """These stories exist in Latvian and English only: from either version the switcher leads
    to the other version, and for Romani to the Romani list of stories, not to a dead link."""
    site, _ = story_site
    link = re.compile(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" class="md-select__link"')
    expected = {
        "lv": {"lv": "./", "en": "../../en/stories/with-photos/", "rml": "../../rml/stories/"},
        "en": {"lv": "../../../stories/with-photos/", "en": "./", "rml": "../../../rml/stories/"},
    }
    for language, prefix in (("lv", ""), ("en", "en/")):
        page = site / prefix / "stories" / "with-photos" / "index.html"
        targets = {lang: href for href, lang in link.findall(page.read_text("utf-8"))}
        assert targets == expected[language], language
        for href in targets.values():
            assert (page.parent / href / "index.html").resolve().is_file(), href


def test_from_a_theme_list_with_no_romani_stories_the_switcher_leads_to_the_romani_list(
    story_site,
) -> None:
    """As from a story: the same list where that language has it, else the language's list of
    stories (not its home page, which the visitor did not ask for)."""
    site, _ = story_site
    link = re.compile(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" class="md-select__link"')
    lists = [p for p in (site / "en" / "stories").glob("*/*/index.html") if "/img/" not in str(p)]
    assert lists
    for page in lists:
        targets = {lang: href for href, lang in link.findall(page.read_text("utf-8"))}
        assert set(targets) == {"lv", "en", "rml"}, page
        assert targets["rml"].endswith("/rml/stories/"), (page, targets)
        for href in targets.values():
            assert (page.parent / href / "index.html").resolve().is_file(), href


def test_republish_downloads_follow_an_edited_story(story_project: Path, tmp_path: Path) -> None:
    # The downloads are hard-linked from .cache/files/ (hooks/file_store.py): after an edit a
    # journalist must get the new text, never the copy an earlier build stored.
    project = tmp_path / "project"
    shutil.copytree(story_project, project)
    first = build_site(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    download = Path("en/stories/with-photos/with-photos.en.txt")
    before = (tmp_path / "first" / download).read_text(encoding="utf-8")
    assert "First paragraph of Photo Story en." in before
    stored = [
        p
        for p in (project / ".cache" / "files").rglob("*.txt")
        if p.samefile(tmp_path / "first" / download)
    ]
    assert len(stored) == 1, "the download is not linked from the store"

    story = project / "stories" / "with-photos" / "index.en.md"
    story.write_text(
        story.read_text(encoding="utf-8").replace("First paragraph", "Corrected paragraph"),
        encoding="utf-8",
    )
    second = build_site(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    after = (tmp_path / "second" / download).read_text(encoding="utf-8")
    assert "Corrected paragraph of Photo Story en." in after
    assert "First paragraph" not in after
    # The first site keeps what it was built with, and the store drops what no build uses now.
    assert (tmp_path / "first" / download).read_text(encoding="utf-8") == before
    assert not stored[0].exists()


def test_quotes_and_ampersands_in_front_matter_stay_text(tmp_path: Path) -> None:
    """A title or summary with quotation marks and `&` comes out as the editor wrote it, in the
    heading, the story card and the link preview, instead of cutting an attribute short."""
    project = copy_project(tmp_path / "project")
    story = project / "stories" / "sample-music-teacher" / "index.en.md"
    title, summary = 'The "music" teacher & her pupils', 'She says "play" & <em>listen</em>.'
    text = story.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: '{title}'", text, count=1, flags=re.M)
    text = re.sub(r"^summary: .*$", f"summary: '{summary}'", text, count=1, flags=re.M)
    story.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr[-3000:]

    raw = (site / "en/stories/sample-music-teacher/index.html").read_text()
    assert "<em>listen</em>" not in raw  # the summary's tag is shown as text, not obeyed
    page = parse_html(raw)
    metas = {
        meta.attrs.get("property") or meta.attrs.get("name"): meta.attrs.get("content")
        for meta in page.find_all("meta")
    }
    # The sample's label leads the preview's title: a shared link shows little else.
    assert metas["og:title"] == metas["twitter:title"] == f"{SAMPLE}{title}"
    assert metas["og:image:alt"].startswith(f"Illustrative example: {title}")
    assert metas["og:description"].endswith(summary)
    assert metas["description"].endswith(summary)
    assert page.first("h1").text.strip() == title
    copy = (site / "en/stories/sample-music-teacher/sample-music-teacher.en.html").read_text()
    # The downloaded copy's tab says it is illustrative too; its heading is the title as written.
    assert f"<title>{escape(SAMPLE + title)}</title>" in copy
    assert f"<h1>{escape(title)}</h1>" in copy
    listing = parse_html((site / "en/stories/index.html").read_text())
    assert title in [link.text.strip() for link in listing.find_all("a")]
    assert summary in [p.text.strip() for p in listing.find_all("p")]


def test_a_photo_its_rights_holder_did_not_license_is_shown_but_not_handed_out(
    tmp_path: Path,
) -> None:
    """The storyteller agreed to photos and republication, but the second photo has no licence:
    the page shows it and says why the copies leave it out, the copies and the feed's full text
    keep only the licensed one, and the build tells the editor which image needs a licence."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "stories")
    _write_story(
        project, "half-licensed", "Half Licensed", "104", photos=True, republication=True,
        with_images=True, photo_licences=("CC-BY-4.0", None),
    )  # fmt: skip
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LRP056" in result.stderr and "`rotated.jpg` has no licence" in result.stderr
    folder = site / "en" / "stories" / "half-licensed"
    html = (folder / "index.html").read_text()
    assert 'alt="Rotated field en"' in html  # the page still shows the photo
    items = [
        " ".join(item.text.split())
        for item in parse_html(html).find_all("li")
        if item.text.strip().startswith("half-licensed-")
    ]
    assert items == [
        "half-licensed-1-photo-t.jpg — Photo: T — CC BY 4.0",
        "half-licensed-2-photo-t.jpg — Photo: T — not in the copies, because its rights holder "
        "has not licensed it for reuse; ask them for permission.",
    ]
    feed = json.loads((site / "en" / "stories" / "feed.json").read_text())
    copies = [(folder / f"half-licensed.en.{kind}").read_text() for kind in ("html", "txt", "md")]
    for copy in (*copies, feed["items"][0]["content_html"]):
        assert "Red and blue field en" in copy
        assert "Rotated field en" not in copy and "rotated-" not in copy
