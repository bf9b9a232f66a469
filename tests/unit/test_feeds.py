"""What a feed reader gets from the story feeds: valid Atom 1.0 and JSON Feed 1.1."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from hooks.feeds import (
    ATOM_NS,
    JSON_FEED_VERSION,
    SAMPLE_NOTICES,
    XML_LANG,
    Contributor,
    FeedEntry,
    StoryImage,
    StoryVersion,
    atom_feed,
    json_feed,
    rfc3339,
    story_feed_entry,
)

A = f"{{{ATOM_NS}}}"
SITE = "https://romi.example.lv/"


def story(**changes: object) -> StoryVersion:
    values: dict[str, object] = {
        "slug": "anna",
        "language": "lv",
        "title": "Annas dziesmas",
        "summary": "Anna stāsta par mūziku savā ģimenē.",
        "date": date(2026, 3, 3),
        "url": f"{SITE}stasti/anna/",
        "author": "Ilze Kalniņa",
        "person_label": "Anna",
        "licence": "CC-BY-4.0",
        "themes": ("music", "family-history"),
    }
    values.update(changes)
    return StoryVersion(**values)  # type: ignore[arg-type]


def entry(**changes: object) -> FeedEntry:
    base = story_feed_entry(
        story(),
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    return FeedEntry(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def build_atom(entries: list[FeedEntry], language: str = "lv") -> ET.Element:
    text = atom_feed(
        feed_id=f"{SITE}stasti/",
        title="Romu stāsti",
        subtitle="Dzīvesstāsti no Latvijas",
        site_url=f"{SITE}stasti/",
        feed_url=f"{SITE}stasti/feed.xml",
        language=language,
        entries=entries,
        updated=date(2026, 3, 10),
    )
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def test_atom_feed_has_the_elements_every_reader_needs() -> None:
    feed = build_atom([entry()])
    assert feed.tag == f"{A}feed"
    assert feed.get(XML_LANG) == "lv"
    assert feed.findtext(f"{A}id") == f"{SITE}stasti/"
    assert feed.findtext(f"{A}title") == "Romu stāsti"
    assert feed.findtext(f"{A}updated") == "2026-03-10T00:00:00+02:00"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": f"{SITE}stasti/feed.xml", "alternate": f"{SITE}stasti/"}
    assert feed.findtext(f"{A}author/{A}name") == "Latvijas Republikas Kultūras ministrija"

    (item,) = feed.findall(f"{A}entry")
    assert item.findtext(f"{A}id") == f"{SITE}stasti/anna/"
    assert item.findtext(f"{A}title") == "Annas dziesmas"
    assert item.findtext(f"{A}published") == "2026-03-03T00:00:00+02:00"
    assert item.findtext(f"{A}updated") == "2026-03-03T00:00:00+02:00"
    alternate = item.find(f"{A}link[@rel='alternate']")
    assert alternate is not None and alternate.get("href") == f"{SITE}stasti/anna/"
    assert item.findtext(f"{A}summary") == "Anna stāsta par mūziku savā ģimenē."
    assert item.findtext(f"{A}author/{A}name") == "Ilze Kalniņa"
    assert [c.get("term") for c in item.findall(f"{A}category")] == ["music", "family-history"]
    assert item.findtext(f"{A}rights") == "Creative Commons Attribution 4.0 International"
    licence_link = item.find(f"{A}link[@rel='license']")
    assert licence_link is not None
    assert licence_link.get("href") == "https://creativecommons.org/licenses/by/4.0/"


def test_atom_escapes_markup_in_titles_and_summaries() -> None:
    feed = build_atom([entry(title="Romi <un> sinti & citi", summary="a < b && c > d")])
    item = feed.find(f"{A}entry")
    assert item is not None
    assert item.findtext(f"{A}title") == "Romi <un> sinti & citi"
    assert item.findtext(f"{A}summary") == "a < b && c > d"


def test_atom_drops_control_characters_that_would_break_the_whole_feed() -> None:
    feed = build_atom([entry(title="Dziesma\x0b par\x00 ceļu")])
    assert feed.findtext(f"{A}entry/{A}title") == "Dziesma par ceļu"


def test_atom_entries_are_newest_first_and_say_when_they_changed() -> None:
    old = entry(id="urn:old", published=date(2025, 12, 1), updated=date(2026, 2, 1))
    new = entry(id="urn:new", published=date(2026, 3, 1), updated=None)
    feed = build_atom([old, new])
    entries = feed.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == ["urn:new", "urn:old"]
    assert entries[1].findtext(f"{A}updated") == "2026-02-01T00:00:00+02:00"
    assert entries[1].findtext(f"{A}published") == "2025-12-01T00:00:00+02:00"


def test_atom_feed_updated_defaults_to_the_latest_change() -> None:
    text = atom_feed(
        "urn:feed", "T", None, SITE, f"{SITE}feed.xml", "en",
        [entry(published=date(2026, 1, 5), updated=date(2026, 7, 1))],
    )  # fmt: skip
    feed = ET.fromstring(text)
    # Riga is on summer time in July.
    assert feed.findtext(f"{A}updated") == "2026-07-01T00:00:00+03:00"
    assert feed.findtext(f"{A}author/{A}name") == "Ministry of Culture of the Republic of Latvia"


def test_empty_atom_feed_needs_an_explicit_date() -> None:
    with pytest.raises(ValueError):
        atom_feed("urn:feed", "T", None, SITE, f"{SITE}feed.xml", "lv", [])


def test_entry_in_another_language_is_marked_as_such() -> None:
    feed = build_atom([entry(language="rml")], language="lv")
    item = feed.find(f"{A}entry")
    assert item is not None and item.get(XML_LANG) == "rml"


def test_rfc3339_dates_carry_a_timezone() -> None:
    assert rfc3339(date(2026, 1, 15)) == "2026-01-15T00:00:00+02:00"
    assert rfc3339(datetime(2026, 6, 1, 12, 30)) == "2026-06-01T12:30:00+03:00"
    assert rfc3339(datetime(2026, 6, 1, 9, 0, tzinfo=UTC)) == "2026-06-01T09:00:00Z"


def test_json_feed_has_the_required_keys_and_round_trips() -> None:
    with_photo = story(
        slug="maris",
        url=f"{SITE}stasti/maris/",
        date=date(2026, 4, 1),
        image=StoryImage(f"{SITE}stasti/maris/maris.jpg", 1200, 800, "Māris", "J. Bērziņš"),
    )
    items = [
        entry(),
        story_feed_entry(with_photo, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ]
    feed = json_feed(
        "Romu stāsti", f"{SITE}stasti/", f"{SITE}stasti/feed.json", "lv", items, "Dzīvesstāsti"
    )
    text = json.dumps(feed, ensure_ascii=False)
    assert "Kultūras" in text  # readable UTF-8, not \u escapes
    parsed = json.loads(text)
    assert parsed == feed
    assert parsed["version"] == JSON_FEED_VERSION
    assert parsed["title"] == "Romu stāsti"
    assert parsed["home_page_url"] == f"{SITE}stasti/"
    assert parsed["feed_url"] == f"{SITE}stasti/feed.json"
    assert parsed["language"] == "lv"
    assert parsed["description"] == "Dzīvesstāsti"
    first, second = parsed["items"]
    assert first["id"] == f"{SITE}stasti/maris/"  # newest first
    for item in parsed["items"]:
        assert item["id"] and item["url"] and item["title"]
        assert "content_text" in item or "content_html" in item
        assert item["date_published"].endswith("+03:00") or item["date_published"].endswith(
            "+02:00"
        )
        assert item["authors"] == [{"name": "Ilze Kalniņa"}]
        assert item["tags"] == ["music", "family-history"]
        assert item["language"] == "lv"
    assert first["image"] == f"{SITE}stasti/maris/maris.jpg"
    assert "image" not in second


def test_json_feed_uses_full_text_when_given() -> None:
    feed = json_feed("T", SITE, f"{SITE}f.json", "en", [entry(content_html="<p>Full</p>")])
    (item,) = feed["items"]
    assert item["content_html"] == "<p>Full</p>"
    assert "content_text" not in item


def test_a_json_feed_item_carries_the_licence_and_each_credit_with_its_role() -> None:
    """JSON Feed has no licence or contributor fields; a journalist's tool still gets both, and
    each name with the role the page's credits give it, so a credit line built from the feed
    can say who wrote, who translated and who took the photos."""
    photo = StoryImage(f"{SITE}stasti/anna/img/anna-1600.jpg", 1600, 1067, "Anna", "Foto: J. B.")
    with_photo = story_feed_entry(
        story(image=photo, photographer="J. Bērziņš", translator="A. Ozola"),
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    (item,) = json_feed("T", SITE, f"{SITE}f.json", "lv", [with_photo])["items"]
    assert item["_credits"] == {
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "contributors": [
            {"name": "Ilze Kalniņa", "role": "author"},
            {"name": "A. Ozola", "role": "translator"},
            {"name": "J. Bērziņš", "role": "photographer"},
        ],
    }
    # The roles are words for a program, the same in a feed in any language.
    (english,) = json_feed("T", SITE, f"{SITE}f.json", "en", [with_photo])["items"]
    assert english["_credits"]["contributors"] == item["_credits"]["contributors"]
    # Atom has no role for a contributor, and gets no invented element for one: the author
    # stays <author>, the others are <contributor> with a name only.
    (atom_entry,) = build_atom([with_photo]).findall(f"{A}entry")
    assert [a.findtext(f"{A}name") for a in atom_entry.findall(f"{A}author")] == ["Ilze Kalniņa"]
    contributors = atom_entry.findall(f"{A}contributor")
    assert [c.findtext(f"{A}name") for c in contributors] == ["A. Ozola", "J. Bērziņš"]
    assert all([child.tag for child in c] == [f"{A}name"] for c in contributors)
    # An entry that credits nobody (an event's, written by the ministry) has no such object.
    (plain,) = json_feed("T", SITE, f"{SITE}f.json", "lv", [_uncredited_entry()])["items"]
    assert "_credits" not in plain


def _uncredited_entry() -> FeedEntry:
    return FeedEntry(
        id=f"{SITE}events/meeting/",
        url=f"{SITE}events/meeting/",
        title="Sanāksme",
        summary="Gada sanāksme.",
        published=date(2026, 3, 3),
        updated=None,
        author="Kultūras ministrija",
    )


def test_story_entry_leaves_out_photo_credit_without_a_photo() -> None:
    no_photo = story_feed_entry(story(photographer="J. Bērziņš", translator="A. Ozola"), "n", "u")
    assert no_photo.contributors == (Contributor("A. Ozola", "translator"),)
    assert no_photo.image_url is None


def test_a_story_photo_is_enclosed_in_atom_and_named_as_image_in_json_feed() -> None:
    photo = StoryImage(f"{SITE}stasti/anna/img/anna-1600.jpg", 1600, 1067, "Anna", "Foto: I. K.")
    with_photo = story_feed_entry(story(image=photo), "n", "u")
    (atom_entry,) = build_atom([with_photo]).findall(f"{A}entry")
    enclosures = [
        (link.get("type"), link.get("href"))
        for link in atom_entry.findall(f"{A}link")
        if link.get("rel") == "enclosure"
    ]
    assert enclosures == [("image/jpeg", photo.url)]
    assert all(link.get("length") is None for link in atom_entry.findall(f"{A}link")), (
        "no length is claimed before the photo's file exists"
    )
    (sized,) = build_atom([replace(with_photo, image_length=245_760)]).findall(f"{A}entry")
    lengths = [
        link.get("length") for link in sized.findall(f"{A}link") if link.get("rel") == "enclosure"
    ]
    assert lengths == ["245760"]
    (item,) = json_feed("T", SITE, f"{SITE}f.json", "lv", [with_photo])["items"]
    assert item["image"] == photo.url
    (no_photo,) = build_atom([entry()]).findall(f"{A}entry")
    assert all(link.get("rel") != "enclosure" for link in no_photo.findall(f"{A}link"))


def test_sample_story_is_labelled_in_feeds() -> None:
    """Feed readers list entries by title alone, so the label leads the title too."""
    sample = story_feed_entry(story(sample=True, language="en"), "n", "u")
    assert sample.summary.startswith(SAMPLE_NOTICES["en"])
    assert sample.title == f"Illustrative example. {story().title}"
    romani = story_feed_entry(story(sample=True, language="rml"), "n", "u")
    assert romani.title.startswith("Sikavipnaskiro paraugo. ")
    assert story_feed_entry(story(), "n", "u").title == story().title


def test_theme_labels_replace_slugs_in_categories() -> None:
    labelled = story_feed_entry(story(), "n", "u", theme_labels={"music": "Mūzika"})
    assert labelled.categories == ("Mūzika", "family-history")


def test_a_story_that_may_not_be_republished_says_so_in_its_feeds_and_claims_no_licence() -> None:
    kept = story_feed_entry(story(republication_allowed=False, language="en"), None, None)
    feed = build_atom([kept])
    item = feed.find(f"{A}entry")
    assert item is not None
    rights = item.findtext(f"{A}rights")
    assert rights and rights.startswith("The storyteller has not agreed to republication")
    assert "link to it" in rights
    assert not [link for link in item.findall(f"{A}link") if link.get("rel") == "license"]
    (json_item,) = json_feed("T", SITE, f"{SITE}f.json", "en", [kept])["items"]
    credits = json_item["_credits"]
    assert credits["republication"] is False and credits["rights"] == rights
    assert "licence" not in credits and "licence_url" not in credits
    latvian = story_feed_entry(story(republication_allowed=False), None, None)
    assert latvian.rights and latvian.rights.startswith("Atļauja šo stāstu pārpublicēt nav dota")


def test_an_event_entry_offers_its_calendar_file_in_both_feed_formats() -> None:
    ics = f"{SITE}events/annual-meeting/annual-meeting.ics"
    with_calendar = entry(calendar_url=ics)
    (atom_entry,) = build_atom([with_calendar]).findall(f"{A}entry")
    related = [
        (link.get("type"), link.get("href"))
        for link in atom_entry.findall(f"{A}link")
        if link.get("rel") == "related"
    ]
    assert related == [("text/calendar", ics)]
    (item,) = json_feed("T", SITE, f"{SITE}f.json", "en", [with_calendar])["items"]
    assert item["attachments"] == [{"url": ics, "mime_type": "text/calendar"}]
    # A story is no calendar entry.
    (plain,) = json_feed("T", SITE, f"{SITE}f.json", "en", [entry()])["items"]
    assert "attachments" not in plain
    (story_entry,) = build_atom([entry()]).findall(f"{A}entry")
    assert all(link.get("rel") != "related" for link in story_entry.findall(f"{A}link"))


def test_the_credits_extension_names_the_page_that_explains_it() -> None:
    credited = story_feed_entry(story(translator="A. Ozola"), "CC BY 4.0", "https://cc.example/")
    about = f"{SITE}en/press/"
    (item,) = json_feed("T", SITE, f"{SITE}f.json", "en", [credited], credits_about=about)["items"]
    assert next(iter(item["_credits"])) == "about" and item["_credits"]["about"] == about
    # An item without credits gets no extension object just for the link.
    (plain,) = json_feed(
        "T", SITE, f"{SITE}f.json", "en", [_uncredited_entry()], credits_about=about
    )["items"]
    assert "_credits" not in plain
