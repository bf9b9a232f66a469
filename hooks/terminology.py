"""Antigypsyism-aware wording: flags words and phrases from `data/terminology.yml`.

The guidance (IHRA, ECRI, the Alliance against Antigypsyism, the Council of Europe glossary)
is advice on the site's own editorial voice. Quotations, historical sources and proper names
must be left as they are, so text in quotation marks, blockquotes, code, the listed names and
lines marked `<!-- terminology: allow -->` are never flagged. "Čigāns" is the standard
Latvian word and is only ever information, never an error.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from hooks import rules
from hooks.rules import Issue, Rule, wording

TERMINOLOGY_FILE = Path(__file__).resolve().parent.parent / "data" / "terminology.yml"
ALLOW_MARKER = "<!-- terminology: allow -->"
_ALLOW_MARKER_RE = re.compile(r"<!--\s*terminology:\s*allow\s*-->", re.IGNORECASE)

_QUOTED_RE = re.compile(
    # Quotations stay inside one paragraph: a blank line ends any unclosed quote.
    r"„(?:[^„“”\n]|\n(?![ \t]*\n))*[”“]"
    r"|“(?:[^“”\n]|\n(?![ \t]*\n))*”"
    r"|«(?:[^«»\n]|\n(?![ \t]*\n))*»"
    r'|"(?:[^"\n]|\n(?![ \t]*\n))*"'
)
_BLOCKQUOTE_RE = re.compile(r"^[ \t]{0,3}>.*$", re.MULTILINE)
# Link targets, HTML tags, attribute lists and bare addresses are not read as words.
_NOT_WORDS_RE = re.compile(
    r"\]\([^)\n]*\)|\]\[[^\]\n]*\]|<[^<>\n]+>|\{[:\s][^{}\n]*\}|\bhttps?://\S+"
)
_SENTENCE_END_RE = re.compile(
    r"[.!?…]+(?=[\s\"'”»)\]]|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#|\|))"
)


@dataclass(frozen=True)
class Term:
    rule: Rule
    language: str
    label: str
    pattern: re.Pattern[str]
    hints: tuple[str, ...]  # lowercase fragments every match contains; empty: always try
    near_roma: bool
    suggestion: str
    why: str
    source: str  # full name of the source


@dataclass(frozen=True, eq=False)  # hashed by identity, for the cache below
class Terminology:
    terms: tuple[Term, ...]
    near: dict[str, re.Pattern[str]]
    allowed_names: re.Pattern[str] | None

    def for_language(self, language: str) -> tuple[Term, ...]:
        return _terms_for_language(self, language)


@cache
def _terms_for_language(terminology: Terminology, language: str) -> tuple[Term, ...]:
    return tuple(term for term in terminology.terms if term.language == language)


def _name_pattern(name: str) -> str:
    words = name.split()
    last = words[-1]
    # Latvian names decline: "biedrība" → "biedrības", "biedrībai", ...
    stem = (
        re.escape(last[:-1]) + r"\w*" if len(last) > 3 and last[-1].isalpha() else re.escape(last)
    )
    return r"\s+".join([*(re.escape(word) for word in words[:-1]), stem])


@cache
def load_terms(path: Path = TERMINOLOGY_FILE) -> Terminology:
    """Read the term list once and register one rule per term."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    sources: dict[str, str] = data.get("sources", {})
    terms: list[Term] = []
    for entry in data["rules"]:
        source = sources.get(entry["source"], entry["source"])
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        near = " in the same sentence as a mention of Roma" if entry.get("near_roma") else ""
        rule = rules.register(
            Rule(
                id=entry["id"],
                name=entry["name"],
                severity=entry["severity"],
                # In quotation marks, so the published rules reference does not flag itself.
                summary=f"({entry['lang']}) “{entry['label']}”{near}.",
                fix=f"Consider: {entry['suggestion']}.",
                description=f"{entry['why'][0].upper()}{entry['why'][1:]}. Source: {source}.",
                group="Terminology",
            )
        )
        terms.append(
            Term(
                rule=rule,
                language=entry["lang"],
                label=entry["label"],
                pattern=re.compile(entry["pattern"], flags),
                hints=tuple(str(hint).lower() for hint in entry.get("hints") or ()),
                near_roma=bool(entry.get("near_roma")),
                suggestion=entry["suggestion"],
                why=entry["why"],
                source=source,
            )
        )
    near = {language: re.compile(pattern) for language, pattern in data["near"].items()}
    names = data.get("allow_names") or []
    allowed = (
        re.compile("|".join(_name_pattern(name) for name in names), re.IGNORECASE)
        if names
        else None
    )
    return Terminology(tuple(terms), near, allowed)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def exempt_text(prose: str, raw: str, terminology: Terminology) -> str:
    """`prose` with everything the rules must not judge blanked out (same length and lines).

    `prose` is the text with code and comments already blanked; `raw` the same text as
    written, where the allow markers (which are comments) are still visible.
    """
    text = _NOT_WORDS_RE.sub(_blank, prose)
    text = _BLOCKQUOTE_RE.sub(_blank, text)
    text = _QUOTED_RE.sub(_blank, text)
    if terminology.allowed_names is not None:
        text = terminology.allowed_names.sub(_blank, text)
    if "terminology" in raw and _ALLOW_MARKER_RE.search(raw):
        lines = text.split("\n")
        raw_lines = raw.split("\n")
        for index, raw_line in enumerate(raw_lines):
            if _ALLOW_MARKER_RE.search(raw_line):
                for allowed in (index, index + 1):
                    if allowed < len(lines):
                        lines[allowed] = " " * len(lines[allowed])
        text = "\n".join(lines)
    return text


def _sentence_bounds(
    text: str, position: int, ends: list[int], starts: list[int]
) -> tuple[int, int]:
    index = bisect.bisect_right(ends, position)
    start = ends[index - 1] if index > 0 else 0
    end = starts[index] if index < len(starts) else len(text)
    return start, end


def find_terms(
    prose: str, raw: str, language: str, terminology: Terminology | None = None
) -> list[tuple[Term, int, str]]:
    """(term, offset, matched words) for every flagged use, in text order."""
    terminology = terminology or load_terms()
    lowered = prose.lower()
    # Plain substring tests are far cheaper than the patterns, and most texts match none.
    candidates = [
        term
        for term in terminology.for_language(language)
        if not term.hints or any(hint in lowered for hint in term.hints)
    ]
    if not candidates:
        return []
    checked = exempt_text(prose, raw, terminology)
    taken: list[tuple[int, int]] = []
    found: list[tuple[Term, int, str]] = []
    boundaries: tuple[list[int], list[int]] | None = None
    near = terminology.near.get(language)
    for term in candidates:
        for match in term.pattern.finditer(checked):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue  # an earlier, more specific rule already reported these words
            if term.near_roma:
                if near is None:
                    continue
                if boundaries is None:
                    marks = list(_SENTENCE_END_RE.finditer(prose))
                    boundaries = ([m.end() for m in marks], [m.start() for m in marks])
                start, end = _sentence_bounds(prose, match.start(), *boundaries)
                if not near.search(prose, start, end):
                    continue
            taken.append(match.span())
            found.append((term, match.start(), match.group()))
    found.sort(key=lambda item: item[1])
    return found


def term_issue(term: Term, line: int, field: str, matched: str) -> Issue:
    near = ", next to a mention of Roma" if term.near_roma else ""
    return Issue(
        term.rule,
        line,
        field,
        f"“{matched}”{near}: {term.why} ({term.source})",
        f"Consider: {term.suggestion}. If you quote someone or name an organisation, put the "
        f"words in quotation marks or add {ALLOW_MARKER} to the line.",
        # The reason, its source and the suggestion are the rule's own, in its translated texts.
        wording(
            "term_used",
            words=matched,
            near=wording("near_roma") if term.near_roma else "",
            marker=ALLOW_MARKER,
        ),
    )


def body_issues(prose: str, raw: str, language: str, first_line: int) -> list[Issue]:
    """Terminology issues in a Markdown body; `first_line` is the body's line in the file."""
    found = find_terms(prose, raw, language)
    if not found:
        return []
    line_starts = [0, *(match.end() for match in re.finditer("\n", prose))]
    return [
        term_issue(term, first_line + bisect.bisect_right(line_starts, offset) - 1, "", matched)
        for term, offset, matched in found
    ]


def value_issues(text: str, language: str, line: int, field: str) -> list[Issue]:
    """Terminology issues in one front matter value (a title, summary or description)."""
    return [
        term_issue(term, line, field, matched)
        for term, _, matched in find_terms(text, text, language)
    ]
