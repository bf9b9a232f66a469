"""Whether a page's text is in the language its file name says (LRP064)."""

from __future__ import annotations

import re

from hooks import rules
from hooks.languages import LANGUAGE_CODES
from hooks.rules import Issue, wording
from hooks.validation.project_files import STEM_LANGUAGE_RE, ContentPath

# LRP064. Each language's most frequent short words, leaving out those another of the three
# shares (English "to", "no", "an", "so"; Latvian "to", "no"). The Romani "and", "i", counts
# only in lower case, where it is not the English "I". Measured on this site's pages (first
# 2,000 characters, links and marked text left out): a page's own common words are 6.8-41 % of
# its words, another language's at most 3.4 % (a Romani event page naming English bodies).
# The Romani list comes from the site's unreviewed Romani drafts. It is used only to recognise
# Romani pasted into a Latvian or English file; a Romani page is judged by whether Latvian or
# English words stand out in it, so a Romani text in other words than these still passes.
_COMMON_WORDS = {
    "lv": frozenset(
        {
            "un",
            "ir",
            "ar",
            "par",
            "uz",
            "kas",
            "ka",
            "arī",
            "bet",
            "tā",
            "tas",
            "vai",
            "kā",
            "ko",
            "gadā",
            "pie",
            "lai",
            "jo",
            "bija",
            "tiek",
            "var",
            "nav",
            "kur",
        }
    ),
    "en": frozenset(
        {
            "the",
            "and",
            "of",
            "is",
            "in",
            "that",
            "for",
            "with",
            "was",
            "are",
            "on",
            "as",
            "by",
            "it",
            "from",
            "this",
            "their",
            "they",
            "has",
        }
    ),
    "rml": frozenset(
        {
            "i",
            "hi",
            "pal",
            "kaj",
            "pe",
            "les",
            "lake",
            "jov",
            "joj",
            "adava",
            "sar",
            "kana",
            "kova",
            "lakiro",
            "lengiro",
            "odoj",
            "vaš",
            "hine",
            "ke",
            "dro",
        }
    ),
}

LANGUAGE_NAMES = {"lv": "Latvian", "en": "English", "rml": "Romani"}

_EXAMPLE_WORDS = {"lv": ("un", "ir", "ar"), "en": ("the", "and", "of"), "rml": ("hi", "pal", "kaj")}

_WORD_RE = re.compile(r"[^\W\d_]+")

_LANGUAGE_SAMPLE_CHARS = 2000

# Fewer words than this say too little about the language.
_LANGUAGE_SAMPLE_WORDS = 30

_OTHER_LANGUAGE_SHARE = 0.07

_NOT_PROSE_RE = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")

# Words the page itself marks as another language (`<span lang="en">…</span>`,
# `*amari čhib*{lang=rml}`) are meant to be there.
_MARKED_LANGUAGE_RE = re.compile(
    r"<(\w+)\b[^>]*\blang=[^>]*>.*?</\1>|(?:\*[^*\n]+\*|\[[^\]\n]+\])\{[^}\n]*lang=[^}\n]*\}",
    re.DOTALL,
)


def common_word_shares(text: str) -> dict[str, float]:
    """For each language, the share of the text's words that are among its most common ones."""
    words = [word if word == "I" else word.lower() for word in _WORD_RE.findall(text)]
    if len(words) < _LANGUAGE_SAMPLE_WORDS:
        return {}
    return {
        language: sum(map(common.__contains__, words)) / len(words)
        for language, common in _COMMON_WORDS.items()
    }


def intended_language(place: ContentPath) -> str | None:
    if place.suffix is None:
        name = place.rel.rsplit("/", 1)[-1]
        capitalised = STEM_LANGUAGE_RE.search(name.removesuffix(".md"))
        if capitalised and capitalised.group(1).lower() in LANGUAGE_CODES:
            return capitalised.group(1).lower()
    return place.language


def text_language_issues(prose: str, language: str, body_line: int) -> list[Issue]:
    # The first two thousand characters tell the language as well as the whole text does.
    unmarked = _MARKED_LANGUAGE_RE.sub(" ", prose) if "lang=" in prose else prose
    shares = common_word_shares(_NOT_PROSE_RE.sub(" ", unmarked[:_LANGUAGE_SAMPLE_CHARS]))
    if not shares:
        return []
    likeliest = max(shares, key=shares.__getitem__)
    if likeliest == language or shares[likeliest] < _OTHER_LANGUAGE_SHARE:
        return []
    examples = ", ".join(f"“{word}”" for word in _EXAMPLE_WORDS[likeliest])
    problem = (
        f"This {LANGUAGE_NAMES[language]} page's text looks {LANGUAGE_NAMES[likeliest]}: "
        f"{shares[likeliest]:.0%} of its words are common {LANGUAGE_NAMES[likeliest]} words "
        f"(such as {examples}), {shares[language]:.0%} are common "
        f"{LANGUAGE_NAMES[language]} ones"
    )
    said = wording(
        "text_in_other_language",
        language=language,
        other=wording("language_name", language=likeliest),
        share=round(shares[likeliest] * 100),
        # Each language quotes the words its own way: the text puts its quotation marks
        # around the list and this closing-and-opening pair between the words.
        examples="”, „".join(_EXAMPLE_WORDS[likeliest]),
        own_share=round(shares[language] * 100),
    )
    return [Issue(rules.TEXT_IN_OTHER_LANGUAGE, body_line, "", problem, wording=said)]
