"""Link previews: what a chat app, a social network or a search engine shows for a shared page.

Stories have their own preview, with their photo card (overrides/story.html). Every other page
gets one here: its title and description, its address, the languages it exists in and the
language's site card, so that a shared event announcement or heritage page does not appear as
a bare address. Pure functions; the plugin passes the page's data in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hooks.languages import LANGUAGE_CODES, OPEN_GRAPH_LOCALES


@dataclass(frozen=True)
class LinkPreview:
    title: str
    description: str
    url: str
    locale: str
    locale_alternates: tuple[str, ...]
    image_url: str = ""  # absolute; previews cannot load a relative image
    image_alt: str = ""


def open_graph_locales(language: str, available: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """The page's Open Graph locale and those of the other languages it exists in."""
    others = set(available) - {language}
    return OPEN_GRAPH_LOCALES[language], tuple(
        OPEN_GRAPH_LOCALES[code] for code in LANGUAGE_CODES if code in others
    )


def page_description(meta: Mapping[str, Any], site_description: str, sample_label: str) -> str:
    """The page's own description (or a story's summary), else the site's.

    An illustrative page says so first, wherever its description is shown out of context.
    """
    text = str(meta.get("description") or meta.get("summary") or "").strip()
    if not text:
        return site_description
    return f"{sample_label} {text}" if meta.get("sample") is True else text


def page_preview(
    *,
    title: str,
    description: str,
    url: str,
    language: str,
    available: Iterable[str],
    image_url: str = "",
    image_alt: str = "",
) -> LinkPreview:
    locale, alternates = open_graph_locales(language, available)
    return LinkPreview(
        title=title,
        description=description,
        url=url,
        locale=locale,
        locale_alternates=alternates,
        image_url=image_url,
        image_alt=image_alt if image_url else "",
    )
