"""Story listings per language: the main list, one list per theme and per region, paginated.

Everything is decided from the published stories alone, so a withheld story is in no list.
Each listing page has a language-neutral path (e.g. `stories/themes/music/page/2/`) that is the
same in every language it exists in, which gives it hreflang alternates like any other page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hooks.languages import LANGUAGE_CODES
from hooks.stories import (
    STORIES_PER_PAGE,
    StoryCatalogue,
    StoryVersion,
    group_by_region,
    group_by_theme,
    paginate,
)

MAIN_LISTING_SRC = "stories/index.md"


@dataclass(frozen=True)
class ListingPage:
    language: str
    kind: str  # "all", "theme" or "region"
    key: str  # theme or region slug; "" for the main list
    number: int
    total_pages: int
    stories: tuple[StoryVersion, ...]

    @property
    def base_path(self) -> str:
        if self.kind == "all":
            return "stories/"
        folder = "themes" if self.kind == "theme" else "regions"
        return f"stories/{folder}/{self.key}/"

    @property
    def neutral_url(self) -> str:
        return self.base_path if self.number == 1 else f"{self.base_path}page/{self.number}/"

    @property
    def src_uri(self) -> str:
        """The language-neutral source path of the generated page."""
        if self.kind == "all" and self.number == 1:
            return MAIN_LISTING_SRC  # written by editors: docs/stories/index.<lang>.md
        return f"{self.neutral_url}index.md"

    def page_path(self, number: int) -> str:
        return self.base_path if number == 1 else f"{self.base_path}page/{number}/"


def _pages(
    language: str, kind: str, key: str, stories: Sequence[StoryVersion], per_page: int
) -> list[ListingPage]:
    chunks = paginate(list(stories), per_page)
    return [
        ListingPage(language, kind, key, number, len(chunks), tuple(chunk))
        for number, chunk in enumerate(chunks, start=1)
    ]


def build_listings(
    catalogue: StoryCatalogue, per_page: int = STORIES_PER_PAGE
) -> dict[str, list[ListingPage]]:
    """Every listing page of every language, keyed by language."""
    listings: dict[str, list[ListingPage]] = {}
    for language in LANGUAGE_CODES:
        stories = catalogue.in_language(language)
        pages = _pages(language, "all", "", stories, per_page)
        for theme, members in sorted(group_by_theme(stories).items()):
            pages += _pages(language, "theme", theme, members, per_page)
        for region, members in sorted(group_by_region(stories).items()):
            pages += _pages(language, "region", region, members, per_page)
        listings[language] = pages
    return listings


def listing_languages(listings: Mapping[str, list[ListingPage]]) -> dict[str, frozenset[str]]:
    """Which languages each listing page exists in, by its source path."""
    languages: dict[str, set[str]] = {}
    for language, pages in listings.items():
        for page in pages:
            languages.setdefault(page.src_uri, set()).add(language)
    return {src: frozenset(langs) for src, langs in languages.items()}


def only_samples(pages: Sequence[ListingPage]) -> bool:
    """True when every story of the language's listings is an illustrative sample, so that the
    lists can say none of them is real instead of letting a visitor take them for real lives."""
    stories = [story for page in pages if page.kind == "all" for story in page.stories]
    return bool(stories) and all(story.sample for story in stories)


def facet_counts(pages: Sequence[ListingPage], kind: str) -> list[tuple[str, int]]:
    """(slug, number of stories) for each theme or region of one language, by slug."""
    counts: dict[str, int] = {}
    for page in pages:
        if page.kind == kind:
            counts[page.key] = counts.get(page.key, 0) + len(page.stories)
    return sorted(counts.items())


def listing_title(listing: ListingPage, strings: Mapping[str, str], name: str) -> str:
    """The page title of a listing page, as its heading says it (`strings`: the `site:` strings
    of data/ui/<lang>.yml; `name`: the theme or region name), with the page number after the
    first page."""
    if listing.kind == "theme":
        title = strings["stories_theme_title"].format(name=name)
    elif listing.kind == "region":
        title = strings["stories_region_title"].format(name=name)
    else:
        title = strings["stories_title"]
    if listing.number > 1:
        page = strings["pagination_page"].format(number=listing.number, total=listing.total_pages)
        title = f"{title} — {page}"
    return title
