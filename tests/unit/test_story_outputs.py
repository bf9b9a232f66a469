import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from hooks import feeds, kept_results, reuse
from hooks.story_outputs import republish_copies_cached

STORY = feeds.StoryVersion(
    slug="anna",
    language="en",
    title="Anna's garden",
    summary="About a garden.",
    date=date(2026, 5, 4),
    url="https://example.org/en/stories/anna/",
    author="A. Author",
    person_label="Anna",
    licence="CC-BY-4.0",
)


def test_republish_copies_are_made_once_per_story_text(tmp_path: Path, monkeypatch) -> None:
    kept = kept_results.KeptResults()
    first = republish_copies_cached(STORY, "<p>Text.</p>", kept, images_allowed=False)
    assert "Text." in first.html and "Text." in first.text and "Text." in first.markdown
    kept_results.save(kept, tmp_path / "kept.pickle")

    def must_not_run(*args, **kwargs):
        raise AssertionError("an unchanged story was cleaned again")

    monkeypatch.setattr(reuse, "republish_copies", must_not_run)
    next_build = kept_results.load(tmp_path / "kept.pickle")
    again = republish_copies_cached(STORY, "<p>Text.</p>", next_build, images_allowed=False)
    assert again == first
    with pytest.raises(AssertionError):
        republish_copies_cached(STORY, "<p>New text.</p>", next_build, images_allowed=False)


def test_feeds_carry_the_newest_stories_not_the_whole_archive(tmp_path: Path) -> None:
    from datetime import timedelta
    from xml.etree import ElementTree as ET

    from hooks.story_outputs import FEED_ENTRY_LIMIT, write_story_feeds

    first_day = date(2020, 1, 1)
    entries = [
        feeds.story_feed_entry(
            replace(
                STORY,
                slug=f"s{n}",
                title=f"Story {n}",
                date=first_day + timedelta(days=n),
                url=f"https://example.org/en/stories/s{n}/",
            ),
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
        )
        for n in range(FEED_ENTRY_LIMIT + 20)
    ]

    atom_path, json_path = write_story_feeds(
        tmp_path, "https://example.org/", "en", reversed(entries), date(2026, 9, 21)
    )

    atom = ET.parse(tmp_path / atom_path).getroot()
    titles = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in atom.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    newest = [f"Story {n}" for n in range(FEED_ENTRY_LIMIT + 19, 19, -1)]
    assert titles == newest
    items = json.loads((tmp_path / json_path).read_text("utf-8"))["items"]
    assert [item["title"] for item in items] == newest


def test_feed_enclosures_give_the_published_photos_size(tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    from hooks.story_outputs import write_story_feeds

    photo = feeds.StoryImage("https://example.org/stories/s/img/s-1600.jpg", 1600, 1067, "A", "F")
    entry = feeds.story_feed_entry(replace(STORY, image=photo), "CC BY 4.0", "https://cc/")
    atom_path, _ = write_story_feeds(
        tmp_path, "https://example.org/", "en", [entry], date(2026, 9, 21), {photo.url: 123_456}
    )
    links = ET.parse(tmp_path / atom_path).getroot().iter("{http://www.w3.org/2005/Atom}link")
    assert [link.get("length") for link in links if link.get("rel") == "enclosure"] == ["123456"]
