"""Source citations on heritage pages: `[@id]` markers in the text, a numbered list at the end.

A page declares its sources in front matter (`sources:`, a list of mappings with an `id`) and
cites them in the body as `[@id]` or `[@a; @b]`. `render_citations` replaces each marker with a
superscript number that links to the source's entry, and appends a "Sources" heading with an
ordered list: cited sources first, numbered in order of first citation, then the uncited ones.

Markers inside inline code, fenced code blocks and HTML comments are left as they are, and so is
a marker escaped with a backslash (`\\[@id]`) or written as a link text (`[@name](url)`).
Everything here is plain Python: the MkDocs glue lives in `hooks/plugin.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

from hooks import site_data
from hooks.languages import DEFAULT_LANGUAGE

# Heading above the list and the label of the links back from an entry to the text
# (`labels:` in data/ui/<lang>.yml). The label names the source's number, so that in a list of
# links the links back from different sources do not all read the same.
HEADINGS: dict[str, str] = site_data.label_by_language("sources_heading")
BACK_LABELS: dict[str, str] = site_data.label_by_language("sources_back_to_source")
# A citation link shows only "[1]"; its accessible name says which source it is.
NUMBER_LABELS: dict[str, str] = site_data.label_by_language("source_number")

# U+21A9 with the text-style variation selector, so that phones do not draw it as an emoji.
BACK_ARROW = "\u21a9\ufe0e"

_ID = r"[A-Za-z0-9][A-Za-z0-9_-]*"
# `[@a]`, `[@a; @b]`; not `\[@a]` (escaped) and not `[@a](url)` / `[@a][ref]` (links).
CITATION_RE = re.compile(rf"(?<!\\)\[\s*@(?P<ids>{_ID}(?:\s*;\s*@{_ID})*)\s*\](?!\(|\[(?!\s*@))")
_ID_RE = re.compile(rf"@({_ID})")
_FENCE_OPEN_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})")
_BACKTICKS_RE = re.compile(r"`+")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    note: str | None = None
    # The language of the title, author and publisher, where it is not the page's.
    language: str | None = None


@dataclass(frozen=True)
class CitationResult:
    markdown: str
    # ids cited in the text but not declared in front matter, in order of first citation
    unknown_ids: tuple[str, ...] = ()
    # declared sources never cited in the text, in declaration order
    uncited_ids: tuple[str, ...] = ()
    # declared sources in the order of their numbers in the text and the list
    cited_ids: tuple[str, ...] = ()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_sources(raw: list[Mapping[str, Any]] | None) -> list[Source]:
    """Front matter `sources:` (already validated against the schema) as `Source` objects."""
    sources: list[Source] = []
    for item in raw or []:
        year = item.get("year")
        sources.append(
            Source(
                id=str(item["id"]).strip(),
                title=str(item.get("title") or "").strip(),
                author=_text(item.get("author")),
                publisher=_text(item.get("publisher")),
                year=int(year) if year not in (None, "") else None,
                url=_text(item.get("url")),
                note=_text(item.get("note")),
                language=_text(item.get("language")),
            )
        )
    return sources


# -- finding the parts of the text that may hold citations ----------------------------------


def _outside_fences(markdown: str) -> Iterator[tuple[str, bool]]:
    """Split into (chunk, is_code) pairs; fenced code blocks are code chunks.

    A fence closes with a line of the same character at least as long as the opening one; an
    unclosed fence runs to the end of the document (as in CommonMark).
    """
    lines = markdown.splitlines(keepends=True)
    prose: list[str] = []
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN_RE.match(lines[i])
        if match and match.group(1)[0] == "`" and "`" in lines[i][match.end() :]:
            match = None  # "```code```" on one line is a code span, not a fence
        if not match:
            prose.append(lines[i])
            i += 1
            continue
        if prose:
            yield "".join(prose), False
            prose = []
        fence = match.group(1)
        close_re = re.compile(
            rf"^[ \t]*(?:>[ \t]?)*[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$"
        )
        block = [lines[i]]
        i += 1
        while i < len(lines):
            block.append(lines[i])
            i += 1
            if close_re.match(block[-1].rstrip("\r\n")):
                break
        yield "".join(block), True
    if prose:
        yield "".join(prose), False


def _outside_inline_code(text: str) -> Iterator[tuple[str, bool]]:
    """Split prose into (chunk, is_code) pairs; code spans and HTML comments are code chunks."""
    protected: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _BACKTICKS_RE.search(text, position)
        if opening is None:
            break
        if opening.start() > 0 and text[opening.start() - 1] == "\\":
            position = opening.start() + 1  # an escaped backtick opens nothing
            continue
        width = len(opening.group())
        closing = None
        for candidate in _BACKTICKS_RE.finditer(text, opening.end()):
            if len(candidate.group()) == width:
                closing = candidate
                break
        if closing is None:
            position = opening.end()  # unmatched: literal backticks
            continue
        protected.append((opening.start(), closing.end()))
        position = closing.end()
    for comment in _COMMENT_RE.finditer(text):
        if not any(start <= comment.start() < end for start, end in protected):
            protected.append(comment.span())
    protected.sort()

    position = 0
    for start, end in protected:
        if start < position:
            continue  # a comment inside a code span, or the other way round
        if start > position:
            yield text[position:start], False
        yield text[start:end], True
        position = end
    if position < len(text):
        yield text[position:], False


def _chunks(markdown: str) -> Iterator[tuple[str, bool]]:
    for chunk, is_code in _outside_fences(markdown):
        if is_code:
            yield chunk, True
        else:
            yield from _outside_inline_code(chunk)


def _cited_ids(marker: re.Match[str]) -> list[str]:
    return _ID_RE.findall(marker.group(0))


# -- rendering -------------------------------------------------------------------------------


def _link_host(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname


def _with_stop(text: str, html: str) -> str:
    """An entry part followed by a full stop, unless it already ends in punctuation."""
    return html if text.rstrip().endswith((".", "!", "?", "…")) else html + "."


def _unmarked(html: str) -> str:
    return html


def format_source(
    source: Source, page_language: str = "", mark_parts: Callable[[str], str] = _unmarked
) -> str:
    """One list entry's HTML: author, title, publisher, year, link, note.

    A record in another language than the page's (a Latvian title on a Romani page) is marked
    with its `lang`, so that a screen reader reads it with the right voice (WCAG 3.1.2). The
    note is the editors' words, in the page's language; `mark_parts` marks the glosses in
    another language it may quote (the page language's `other_language:` phrases)."""
    record = _record(source)
    if source.language and source.language != page_language:
        record = f'<span lang="{escape(source.language)}">{record}</span>'
    parts: list[str] = [record]
    if source.url:
        host = _link_host(source.url)
        if host:
            parts.append(f'<a href="{escape(source.url)}">{escape(host)}</a>.')
        else:
            parts.append(_with_stop(source.url, escape(source.url)))
    if source.note:
        parts.append(_with_stop(source.note, mark_parts(escape(source.note))))
    return " ".join(parts)


def _record(source: Source) -> str:
    parts: list[str] = []
    if source.author:
        parts.append(_with_stop(source.author, escape(source.author)))
    title = source.title or source.id
    parts.append(_with_stop(title, f"<cite>{escape(title)}</cite>"))
    published = ", ".join(
        str(value) for value in (source.publisher, source.year) if value not in (None, "")
    )
    if published:
        parts.append(_with_stop(published, escape(published)))
    return " ".join(parts)


def _label(table: Mapping[str, str], language: str) -> str:
    return table.get(language) or table[DEFAULT_LANGUAGE]


def _cite_html(source: Source, number: int, occurrence: int, language: str) -> str:
    anchor = escape(source.id)
    named = _label(NUMBER_LABELS, language).format(number=number)
    who = source.author or source.title
    name = escape(f"{named}: {who}" if who else named, quote=True)
    # Left out of the search index, so that excerpts do not read "… resolution [1]. …".
    return (
        f'<sup class="lrp-cite" data-pagefind-ignore><a href="#source-{anchor}" '
        f'id="cite-{anchor}-{occurrence}" aria-label="{name}">[{number}]</a></sup>'
    )


def _unknown_html(source_id: str) -> str:
    return f'<sup class="lrp-cite lrp-cite--unknown" data-source-id="{escape(source_id)}">[?]</sup>'


def _superscript(occurrence: int) -> str:
    """Second and later links back carry their number, as Python-Markdown footnotes do."""
    return "" if occurrence == 1 else f"<sup>{occurrence}</sup>"


def _back_name(label: str, occurrence: int, occurrences: int) -> str:
    """The name of a link back, e.g. "Back to the text: source 2"; where the source is cited
    more than once, each link also says which citation it returns to, as its superscript does:
    "Back to the text: source 2 (3)"."""
    return label if occurrences == 1 else f"{label} ({occurrence})"


def _source_list(
    ordered: list[Source],
    occurrences: Mapping[str, int],
    language: str,
    mark_parts: Callable[[str], str],
) -> str:
    items: list[str] = []
    for number, source in enumerate(ordered, start=1):
        anchor = escape(source.id)
        cited = occurrences.get(source.id, 0)
        back_label = _label(BACK_LABELS, language).format(number=number)
        backlinks = "".join(
            f' <a class="lrp-sources__back" href="#cite-{anchor}-{n}" data-pagefind-ignore'
            f' aria-label="{escape(_back_name(back_label, n, cited), quote=True)}">'
            f"{BACK_ARROW}{_superscript(n)}</a>"
            for n in range(1, cited + 1)
        )
        entry = format_source(source, language, mark_parts)
        items.append(f'<li id="source-{anchor}">{entry}{backlinks}</li>')
    return '<ol class="lrp-sources">\n' + "\n".join(items) + "\n</ol>"


def render_citations(
    markdown: str,
    sources: list[Source],
    language: str,
    mark_parts: Callable[[str], str] = _unmarked,
) -> CitationResult:
    """Replace `[@id]` markers with numbered links and append the list of sources.

    Numbers follow the order in which sources are first cited; a source cited again keeps its
    number. An id that is not declared is shown as `[?]` and reported in `unknown_ids`. With no
    sources declared and nothing cited, the text is returned unchanged.
    """
    by_id: dict[str, Source] = {}
    for source in sources:
        by_id.setdefault(source.id, source)

    numbers: dict[str, int] = {}
    occurrences: dict[str, int] = {}
    unknown: list[str] = []

    def replace(marker: re.Match[str]) -> str:
        rendered: list[str] = []
        for source_id in _cited_ids(marker):
            if source_id not in by_id:
                if source_id not in unknown:
                    unknown.append(source_id)
                rendered.append(_unknown_html(source_id))
                continue
            number = numbers.setdefault(source_id, len(numbers) + 1)
            occurrences[source_id] = occurrences.get(source_id, 0) + 1
            rendered.append(_cite_html(by_id[source_id], number, occurrences[source_id], language))
        return "".join(rendered)

    body = "".join(
        chunk if is_code else CITATION_RE.sub(replace, chunk)
        for chunk, is_code in _chunks(markdown)
    )

    cited = [by_id[source_id] for source_id in numbers]
    uncited = [source for source in by_id.values() if source.id not in numbers]
    if cited or uncited:
        heading = _label(HEADINGS, language)
        body = (
            body.rstrip("\n")
            + f"\n\n## {heading}\n\n"
            + _source_list(cited + uncited, occurrences, language, mark_parts)
            + "\n"
        )

    return CitationResult(
        markdown=body,
        unknown_ids=tuple(unknown),
        uncited_ids=tuple(source.id for source in uncited),
        cited_ids=tuple(numbers),
    )
