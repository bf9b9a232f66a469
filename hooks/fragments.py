"""Parts of the page template that are the same on many pages, rendered once per language.

Material renders the whole navigation (sidebar and tabs) for every page. Most pages are
stories, which are not in the navigation, and for all of them the navigation comes out the
same: the same items, none of them current, the same relative links. Rendering it once per
distinct key instead of once per page is the largest saving left in the page templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup

_MATERIAL_STRING_KEY = re.compile(r'^\s*"([^"]+)":', re.MULTILINE)


def nav_urls(nav_items: Iterable[Any]) -> list[str]:
    """The address of every page and link in the navigation, nested sections included."""
    urls: list[str] = []
    for item in nav_items:
        url = getattr(item, "url", None)
        if url is not None:
            urls.append(url)
        urls.extend(nav_urls(getattr(item, "children", None) or []))
    return urls


def active_nav_urls(nav_items: Iterable[Any]) -> tuple[str, ...]:
    """What the navigation marks as current or open (titles stand in for sections)."""
    marked: list[str] = []
    for item in nav_items:
        if getattr(item, "active", False):
            marked.append(getattr(item, "url", None) or f"section:{item.title}")
        marked.extend(active_nav_urls(getattr(item, "children", None) or []))
    return tuple(marked)


def navigation_key(
    page_url: str, in_navigation: bool, active: tuple[str, ...], all_nav_urls: Iterable[str]
) -> str:
    """Pages with the same key get the same navigation HTML.

    The navigation's links are relative to the page's folder, and a page in the navigation
    also gets its own table of contents inside it, so such a page is its own key. Other pages
    share a key with the pages in the same parent folder (all stories share one), unless a
    navigation link points below the page itself, where relative links would differ.
    """
    if in_navigation:
        return f"page:{page_url}"
    below = [url for url in all_nav_urls if page_url and url.startswith(page_url)]
    parent = page_url.rstrip("/").rpartition("/")[0]
    return "|".join(["folder:" + parent, *active, *(["below:" + page_url] if below else [])])


def cached_fragment(cache: dict[str, Markup], key: str, caller: Callable[[], str]) -> Markup:
    """For `{% call lrp_fragment(key) %}…{% endcall %}`: the body is rendered once per key."""
    if key not in cache:
        cache[key] = Markup(caller())
    return cache[key]


def material_string_keys(material_templates: Path) -> list[str]:
    """Every key of Material's interface strings, from its English table."""
    english = (material_templates / "partials" / "languages" / "en.html").read_text("utf-8")
    return _MATERIAL_STRING_KEY.findall(english)


def string_table(
    keys: Iterable[str], lookup: Callable[[str], Any], fallback: Callable[[str], Any]
) -> Mapping[str, str]:
    """The language's string for each key, else English, else the key (Material's own order)."""
    return {key: str(lookup(key) or fallback(key) or key) for key in keys}
