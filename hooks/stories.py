"""Life stories: reading them, deciding which may be published, and grouping them for listings.

A story is a folder `stories/<slug>/` with one Markdown file per language and its images. Each
language version carries the full front matter, so that a translation can be published, withheld
or withdrawn on its own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from hooks.consent import consent_decision, photos_allowed, republication_allowed
from hooks.frontmatter import read_front_matter
from hooks.languages import LANGUAGE_CODES, split_language_suffix
from hooks.story_sources import story_markdown_files, story_src_uri

STORIES_PER_PAGE = 24
DEFAULT_LICENCE = "CC-BY-4.0"


@dataclass(frozen=True)
class StoryImage:
    file: str
    alt: str
    credit: str = ""
    caption: str = ""
    licence: str = ""  # an id from hooks.reuse.LICENCES; "" when the rights holder gave none


@dataclass(frozen=True)
class StoryVersion:
    slug: str
    language: str
    src_uri: str
    source_path: Path
    meta: Mapping[str, Any] = field(repr=False)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary", ""))

    @property
    def published(self) -> date | None:
        value = self.meta.get("date")
        return value if isinstance(value, date) else None

    @property
    def themes(self) -> tuple[str, ...]:
        return tuple(str(theme) for theme in self.meta.get("themes") or ())

    @property
    def region(self) -> str | None:
        place = self.meta.get("place") or {}
        if place.get("shown") in {"town", "region"} and place.get("region"):
            return str(place["region"])
        return None

    @property
    def sample(self) -> bool:
        return self.meta.get("sample") is True

    @property
    def licence(self) -> str:
        return str(self.meta.get("licence") or DEFAULT_LICENCE)

    @property
    def credits(self) -> Mapping[str, str]:
        return self.meta.get("credits") or {}

    @property
    def photos_allowed(self) -> bool:
        return photos_allowed(self.meta)

    @property
    def republication_allowed(self) -> bool:
        return republication_allowed(self.meta)

    @cached_property  # asked for on every page and list the story is on
    def images(self) -> tuple[StoryImage, ...]:
        """The story's images, or none at all without photo consent."""
        if not self.photos_allowed:
            return ()
        return tuple(
            StoryImage(
                file=str(item.get("file", "")),
                alt=str(item.get("alt", "")),
                credit=str(item.get("credit", "")),
                caption=str(item.get("caption", "")),
                licence=str(item.get("licence") or ""),
            )
            for item in self.meta.get("images") or ()
            if isinstance(item, Mapping)
        )

    @property
    def url_path(self) -> str:
        """Language-neutral URL path, e.g. 'stories/anna/'."""
        return f"stories/{self.slug}/"


def place_label(place: Mapping[str, Any] | None, region_names: Mapping[str, str]) -> str:
    """The place at the level the storyteller agreed to: a town, a region, or nothing."""
    if not place:
        return ""
    shown = place.get("shown")
    region = region_names.get(str(place.get("region", "")), str(place.get("region", "")))
    if shown == "town" and place.get("town"):
        return f"{place['town']}, {region}" if region else str(place["town"])
    if shown == "region":
        return region
    return ""


def person_label(person: Mapping[str, Any] | None) -> str:
    """The name exactly as agreed: full name, first name or pseudonym, as written by the editor."""
    if not person:
        return ""
    return str(person.get("name", ""))


@dataclass(frozen=True)
class WithheldStory:
    src_uri: str
    reason: str


@dataclass(frozen=True)
class StoryCatalogue:
    published: tuple[StoryVersion, ...]
    withheld: tuple[WithheldStory, ...]

    def in_language(self, language: str) -> list[StoryVersion]:
        """Published stories of one language, newest first."""
        stories = [story for story in self.published if story.language == language]
        return sorted(stories, key=lambda s: (s.published or date.min, s.slug), reverse=True)

    @cached_property
    def _languages_by_slug(self) -> dict[str, frozenset[str]]:
        languages: dict[str, set[str]] = {}
        for story in self.published:
            languages.setdefault(story.slug, set()).add(story.language)
        return {slug: frozenset(codes) for slug, codes in languages.items()}

    def languages_of(self, slug: str) -> frozenset[str]:
        """The languages a story is published in (looked up on every story page, so indexed)."""
        return self._languages_by_slug.get(slug, frozenset())

    def published_src_uris(self) -> set[str]:
        return {story.src_uri for story in self.published}


def collect_stories(stories_dir: Path, today: date) -> StoryCatalogue:
    published: list[StoryVersion] = []
    withheld: list[WithheldStory] = []
    for path in story_markdown_files(stories_dir):
        src_uri = story_src_uri(stories_dir, path)
        _, language = split_language_suffix(path.name)
        if language not in LANGUAGE_CODES:
            withheld.append(WithheldStory(src_uri, "file name has no known language suffix"))
            continue
        meta = read_front_matter(path) or {}
        decision = consent_decision(meta, language, today)
        if not decision.published:
            withheld.append(WithheldStory(src_uri, decision.reason))
            continue
        published.append(StoryVersion(path.parent.name, language, src_uri, path, meta))
    return StoryCatalogue(tuple(published), tuple(withheld))


def paginate(items: Sequence[Any], per_page: int = STORIES_PER_PAGE) -> list[Sequence[Any]]:
    """Split into pages; an empty listing is still one (empty) page."""
    if not items:
        return [items]
    return [items[i : i + per_page] for i in range(0, len(items), per_page)]


def page_count(total: int, per_page: int = STORIES_PER_PAGE) -> int:
    return max(1, math.ceil(total / per_page))


def group_by_theme(stories: Iterable[StoryVersion]) -> dict[str, list[StoryVersion]]:
    grouped: dict[str, list[StoryVersion]] = {}
    for story in stories:
        for theme in story.themes:
            grouped.setdefault(theme, []).append(story)
    return grouped


def group_by_region(stories: Iterable[StoryVersion]) -> dict[str, list[StoryVersion]]:
    grouped: dict[str, list[StoryVersion]] = {}
    for story in stories:
        if story.region:
            grouped.setdefault(story.region, []).append(story)
    return grouped
