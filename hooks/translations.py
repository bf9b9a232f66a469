"""Translation status of a page and the notices a visitor sees about it.

Front matter `translation:` is `original`, `reviewed` or `unreviewed`, with an optional
`translator:` credit. A page shown in a language it was not written in (a fallback copy of the
Latvian original) gets its own notice instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hooks.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    LANGUAGES,
    credit_language,
    html_in_language,
)

TRANSLATION_STATUSES = ("original", "reviewed", "unreviewed")


def translation_status(meta: Mapping[str, Any], language: str) -> str:
    """The declared status; an undeclared translation is treated as not reviewed."""
    declared = meta.get("translation")
    if declared in TRANSLATION_STATUSES:
        return str(declared)
    return "original" if language == DEFAULT_LANGUAGE else "unreviewed"


@dataclass(frozen=True)
class LanguageLink:
    language: str
    name: str
    url: str


@dataclass(frozen=True)
class TranslationNotice:
    kind: str  # "unreviewed" or "fallback"
    text: str
    credit: str = ""  # HTML: the translator's name is escaped and may carry its own `lang`
    links: tuple[LanguageLink, ...] = field(default_factory=tuple)
    # language the visitor reads the notice in; the page content below may differ
    notice_language: str = DEFAULT_LANGUAGE


def unreviewed_notice(
    meta: Mapping[str, Any], language: str, strings: Mapping[str, str]
) -> TranslationNotice | None:
    if translation_status(meta, language) != "unreviewed":
        return None
    translator = str(meta.get("translator") or "").strip()
    credit = ""
    if translator:
        name = html_in_language(translator, credit_language(meta, language))
        credit = strings["translated_by"].format(translator=name)
    return TranslationNotice("unreviewed", strings["notice_unreviewed"], credit, (), language)


def fallback_notice(
    visitor_language: str,
    available_in: Mapping[str, str],
    strings: Mapping[str, str],
) -> TranslationNotice:
    """Notice on a page that exists only in other languages; `available_in` maps code -> URL."""
    names = {language.code: language.name for language in LANGUAGES}
    links = tuple(
        LanguageLink(code, names[code], available_in[code])
        for code in LANGUAGE_CODES
        if code in available_in and code != visitor_language
    )
    return TranslationNotice("fallback", strings["notice_fallback"], "", links, visitor_language)
