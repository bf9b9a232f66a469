"""The site's languages and how their URLs are laid out.

Latvian is the default and lives at the site root; every other language under /<code>/.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_LANGUAGE = "lv"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's own name, as shown in the switcher


LANGUAGES: tuple[Language, ...] = (
    Language("lv", "Latviešu"),
    Language("en", "English"),
    Language("rml", "Romanes (lotfítka)"),
)
LANGUAGE_CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)

# Open Graph wants language_TERRITORY; Romani has no territory of its own, and this site's
# Romani is the variety spoken in Latvia.
OPEN_GRAPH_LOCALES: dict[str, str] = {"lv": "lv_LV", "en": "en_GB", "rml": "rml_LV"}


def credit_language(meta: Mapping[str, Any], page_language: str) -> str:
    """The language the page's credits are written in (`credit_language:`) when it is not the
    page's own, so that they can be marked up with `lang`; "" otherwise."""
    value = meta.get("credit_language")
    return value if value in LANGUAGE_CODES and value != page_language else ""


def html_in_language(text: str, language: str) -> str:
    """`text` escaped for HTML, inside `<span lang>` when `language` is given ("" for none)."""
    escaped = html.escape(text)
    return f'<span lang="{language}">{escaped}</span>' if language else escaped


def url_prefix(language: str) -> str:
    """Site-relative prefix of a language's pages: '' for Latvian, 'en/' for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def strip_language_prefix(url: str) -> str:
    """'en/about/' -> 'about/'; Latvian URLs are returned unchanged."""
    for code in LANGUAGE_CODES:
        if code == DEFAULT_LANGUAGE:
            continue
        prefix = f"{code}/"
        if url == code or url.startswith(prefix):
            return url[len(prefix) :] if url.startswith(prefix) else ""
    return url


def localized_url(language_neutral_url: str, language: str) -> str:
    return url_prefix(language) + language_neutral_url


def split_language_suffix(filename: str) -> tuple[str, str | None]:
    """'about.en.md' -> ('about.md', 'en'); 'about.md' -> ('about.md', None).

    Any two- or three-letter lowercase suffix counts as a language suffix, known or not, so that
    a typo such as `story.lt.md` is caught by the checks instead of being published as Latvian.
    """
    parts = filename.split(".")
    if len(parts) >= 3 and parts[-2].isalpha() and parts[-2].islower() and 2 <= len(parts[-2]) <= 3:
        return ".".join(parts[:-2] + parts[-1:]), parts[-2]
    return filename, None
