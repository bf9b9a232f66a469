"""The one-language preview skips a story list page only when nothing it shows has changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import preview
from hooks.listings import ListingPage
from hooks.stories import StoryVersion


def _story(slug: str, title: str) -> StoryVersion:
    meta = {"title": title, "summary": "S.", "themes": ["music"]}
    return StoryVersion(slug, "en", f"stories/{slug}/index.en.md", Path(slug), meta)


def _page(*stories: StoryVersion, number: int = 1, total: int = 1) -> ListingPage:
    return ListingPage("en", "theme", "music", number, total, stories)


@pytest.fixture(autouse=True)
def fresh_process():
    preview.forget_rendered()
    yield
    preview.forget_rendered()


def test_a_list_is_rendered_first_then_skipped_until_a_story_on_it_changes() -> None:
    page = _page(_story("anna", "Anna"), _story("janis", "Jānis"))
    key = preview.listing_key(page, [page], {}, "site")

    first = preview.changed_since_last_render("en/stories/themes/music/", key)
    assert first() is True
    assert first() is True  # asked again in the same build: the same answer
    assert preview.changed_since_last_render("en/stories/themes/music/", key)() is False

    renamed = _page(_story("anna", "Anna Ozola"), _story("janis", "Jānis"))
    new_key = preview.listing_key(renamed, [renamed], {}, "site")
    assert preview.changed_since_last_render("en/stories/themes/music/", new_key)() is True


def test_new_photos_other_pages_and_site_files_change_the_key() -> None:
    page = _page(_story("anna", "Anna"))
    key = preview.listing_key(page, [page], {"stories/anna/index.en.md": "a1"}, "site")

    assert key != preview.listing_key(page, [page], {"stories/anna/index.en.md": "b2"}, "site")
    assert key != preview.listing_key(page, [page], {"stories/anna/index.en.md": "a1"}, "edited")
    second = _page(_story("liga", "Līga"), number=2, total=2)
    assert key != preview.listing_key(
        page, [page, second], {"stories/anna/index.en.md": "a1"}, "site"
    )


def test_a_failed_rebuild_renders_every_list_again() -> None:
    key = preview.listing_key(_page(), [], {}, "site")
    preview.changed_since_last_render("en/stories/", key)()

    preview.forget_rendered()

    assert preview.changed_since_last_render("en/stories/", key)() is True


def test_folder_state_notices_an_edited_template(tmp_path: Path) -> None:
    template = tmp_path / "overrides" / "story.html"
    template.parent.mkdir()
    template.write_text("<p>a</p>", encoding="utf-8")
    before = preview.folder_state([tmp_path / "overrides"])

    template.write_text("<p>ab</p>", encoding="utf-8")

    assert preview.folder_state([tmp_path / "overrides"]) != before
