"""Which languages each page exists in, and the hreflang alternates that follow from that.

A page "exists" in a language only when a source file was written for it; the Latvian copies
that fill gaps in other languages are not alternates and are never indexed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, localized_url, split_language_suffix


def language_of_source(src_uri: str) -> tuple[str, str | None]:
    """('about.en.md') -> ('about.md', 'en'); an unsuffixed file is Latvian."""
    directory, _, filename = src_uri.rpartition("/")
    neutral_name, suffix = split_language_suffix(filename)
    neutral = f"{directory}/{neutral_name}" if directory else neutral_name
    return neutral, suffix or DEFAULT_LANGUAGE


def group_translations(src_uris: Iterable[str]) -> dict[str, frozenset[str]]:
    """Map each language-neutral Markdown path to the site languages it was written in."""
    grouped: dict[str, set[str]] = {}
    for src_uri in src_uris:
        if not src_uri.endswith(".md"):
            continue
        neutral, language = language_of_source(src_uri)
        if language in LANGUAGE_CODES:
            grouped.setdefault(neutral, set()).add(language)
    return {neutral: frozenset(languages) for neutral, languages in grouped.items()}


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


def absolute(site_url: str, site_relative_url: str) -> str:
    return site_url.rstrip("/") + "/" + site_relative_url.lstrip("/")


def hreflang_alternates(
    neutral_url: str, languages: Iterable[str], site_url: str
) -> list[Alternate]:
    """Alternates for every language the page exists in, plus x-default (the Latvian page)."""
    present = [code for code in LANGUAGE_CODES if code in set(languages)]
    alternates = [
        Alternate(code, absolute(site_url, localized_url(neutral_url, code))) for code in present
    ]
    if DEFAULT_LANGUAGE in present:
        alternates.append(
            Alternate("x-default", absolute(site_url, localized_url(neutral_url, DEFAULT_LANGUAGE)))
        )
    return alternates


def available_language_urls(
    neutral_url: str, languages: Iterable[str], page_url: str
) -> Mapping[str, str]:
    """Relative links from `page_url` to the same page in each language it exists in."""
    up = relative_root(page_url)
    return {
        code: up + localized_url(neutral_url, code)
        for code in LANGUAGE_CODES
        if code in set(languages)
    }


def relative_root(page_url: str) -> str:
    """The relative path from a page to the site root: 'en/about/' -> '../../'."""
    depth = len([segment for segment in page_url.split("/") if segment])
    if page_url and not page_url.endswith("/"):
        depth -= 1  # a file URL such as 'en/404.html' sits in its folder
    return "../" * depth if depth else "./"
