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
