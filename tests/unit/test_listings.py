"""What the story lists tell a visitor about the stories on them."""

from __future__ import annotations

from pathlib import Path

from hooks.listings import build_listings, only_samples
from hooks.stories import StoryCatalogue, StoryVersion


def story(slug: str, *, sample: bool, language: str = "en") -> StoryVersion:
    meta = {"title": slug, "date": "2026-01-01", "themes": ["music"], "sample": sample}
    return StoryVersion(
        slug, language, f"stories/{slug}/index.{language}.md", Path(f"{slug}.md"), meta
    )


def listings(*stories: StoryVersion) -> dict:
    return build_listings(StoryCatalogue(tuple(stories), ()), per_page=1)


def test_a_language_whose_stories_are_all_samples_says_so_on_every_list() -> None:
    pages = listings(story("a", sample=True), story("b", sample=True))["en"]
    assert {page.kind for page in pages} == {"all", "theme"}
    assert only_samples(pages)


def test_one_real_story_among_samples_makes_the_lists_not_claim_all_are_samples() -> None:
    by_language = listings(
        story("a", sample=True), story("b", sample=False), story("c", sample=True, language="lv")
    )
    assert not only_samples(by_language["en"])
    # Each language is judged by its own stories.
    assert only_samples(by_language["lv"])


def test_a_language_without_stories_claims_nothing() -> None:
    assert not only_samples(listings(story("a", sample=True))["rml"])
