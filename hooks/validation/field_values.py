"""Front-matter values the schemas cannot judge: placeholders, lengths, markup in titles,
values YAML cut at a `#`, credit labels, translation fields, web addresses and terminology.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from hooks import rules, terminology
from hooks.frontmatter import ContentText, KeyPath, dotted, walk_values
from hooks.rules import Issue, wording
from hooks.validation.common import nested, shortened
from hooks.validation.links import insecure, insecure_issue
from hooks.validation.markdown_scan import Lines
from hooks.validation.project_files import ContentPath

PLACEHOLDER_RE = re.compile(r"TODO\([^)\n]*\)")

_BARE_PLACEHOLDER_RE = re.compile(r"(?:TODO|TBD|FIXME|XXX+|\.{3}|…|\?+)[:.!]?", re.IGNORECASE)


def unfilled_placeholder_issues(
    content: ContentText, prose: str
) -> tuple[list[Issue], set[KeyPath]]:
    """Placeholders left in the front matter or the text (code and comments aside)."""
    issues: list[Issue] = []
    # `alt: "TODO"` or `summary: "..."` would be published as it is.
    for path, value in walk_values(content.data or {}):
        if isinstance(value, str) and _BARE_PLACEHOLDER_RE.fullmatch(value.strip()):
            issues.append(
                Issue(
                    rules.PLACEHOLDER,
                    content.line_of(path),
                    dotted(path),
                    f"`{dotted(path)}` is only the placeholder “{value.strip()}”",
                    wording=wording("only_placeholder", field=dotted(path), value=value.strip()),
                )
            )
    if "TODO(" not in content.text:
        return issues, set()
    front_matter = content.text[: len(content.text) - len(content.body)]
    lines = Lines(front_matter + prose, 1)
    for match in PLACEHOLDER_RE.finditer(front_matter + prose):
        line = lines(match.start())
        field_name = content.field_at_line(line) if line < content.body_line else ""
        issues.append(
            Issue(
                rules.PLACEHOLDER,
                line,
                field_name,
                f"The placeholder `{shortened(match.group(), 60)}` is still here",
                wording=wording("placeholder_left", placeholder=shortened(match.group(), 60)),
            )
        )
    skip = {
        path
        for path, value in walk_values(content.data or {})
        if isinstance(value, str) and "TODO(" in value
    }
    return issues, skip


# Characters, for LRP026: about two lines of a card on a phone, and the length at which link
# previews and search results stop showing a description.
_LENGTH_LIMITS = {"title": 100, "summary": 300, "description": 300}

# "Foto: Līga", "Illustration: LRP": one or two words and a colon before the name; "Photo by
# Līga", "Foto — Līga": a label word from this list, then "by" or a dash (a name may contain
# a dash itself, so any two words before one are not enough).
_CREDIT_LABEL = re.compile(r"^\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*:\s*\S", re.UNICODE)

_CREDIT_LABEL_WORDS = (
    r"photos?|photographs?|photographer|pictures?|images?|illustrations?|drawings?|text|"
    r"translation|translated|written|recorded|foto|fotogrāfijas?|fotogrāfs|fotogrāfe|attēls|"
    r"ilustrācijas?|zīmējums|teksts|tulkojums|tulkoja|autors|autore|author"
)

_CREDIT_LABEL_BY = re.compile(
    rf"^\s*((?:{_CREDIT_LABEL_WORDS})\s+by|(?:{_CREDIT_LABEL_WORDS})(?=\s*[—–-]))\s*[:—–-]?\s*\S",
    re.IGNORECASE,
)


def credit_label_issues(
    content: ContentText, images: Sequence[Any], skip: set[KeyPath]
) -> list[Issue]:
    credits = (content.data or {}).get("credits")
    places: list[KeyPath] = [
        ("credits", role)
        for role in ("author", "translator", "photographer")
        if isinstance(credits, dict)
    ]
    places += [("images", number, "credit") for number in range(len(images))]
    issues = []
    for path in places:
        parent = credits if path[0] == "credits" else images[path[1]]
        value = parent.get(path[-1]) if isinstance(parent, dict) else None
        if path in skip or not isinstance(value, str):
            continue
        match = _CREDIT_LABEL.match(value) or _CREDIT_LABEL_BY.match(value)
        if match:
            # Only a photo's credit can name a drawing instead.
            people = path[-1] in ("author", "translator")
            drawing = (
                ""
                if people
                else '; for a drawing, say so after the name: `"Līga Bērziņa (illustration)"`'
            )
            issues.append(Issue(
                rules.CREDIT_WITH_LABEL, content.line_of(path), dotted(path),
                f"The credit {value.strip()!r} starts with the label "
                f"{match.group(1).strip()!r}",
                f"Write only the name, e.g. `{path[-1]}: \"Līga Bērziņa\"`{drawing}.",
                wording(
                    "credit_label", credit=value.strip(), label=match.group(1).strip(),
                    key=path[-1], drawing="" if people else wording("credit_drawing"),
                ),
            ))  # fmt: skip
    return issues


def long_text_issues(content: ContentText, skip: set[KeyPath]) -> list[Issue]:
    issues = []
    for name, limit in _LENGTH_LIMITS.items():
        value = (content.data or {}).get(name)
        if isinstance(value, str) and (name,) not in skip and len(value.strip()) > limit:
            issues.append(
                Issue(
                    rules.LONG_TEXT,
                    content.line_of((name,)),
                    name,
                    f"`{name}` has {len(value.strip())} characters (at most {limit})",
                    wording=wording("too_long", field=name, count=len(value.strip()), limit=limit),
                )
            )
    return issues


def markup_in_title_issues(content: ContentText, skip: set[KeyPath]) -> list[Issue]:
    title = (content.data or {}).get("title")
    if not isinstance(title, str) or ("title",) in skip or not re.search(r"[<>]", title):
        return []
    return [
        Issue(
            rules.MARKUP_IN_TITLE,
            content.line_of(("title",)),
            "title",
            f"The title {title.strip()!r} contains `<` or `>`",
            wording=wording("markup_in_title", title=title.strip()),
        )
    ]


# Fields whose value is prose, where a ` #` is meant as text; elsewhere (`licence:`, `themes:`)
# a comment after the value is how the templates explain it.
_PROSE_FIELDS = frozenset({"title", "summary", "description", "alt", "caption"})

# `key: value #…` with the value not in quotation marks: YAML drops everything from ` #` on.
_UNQUOTED_WITH_COMMENT_RE = re.compile(
    r"^\s*(?:-\s+)?[^\s:#]+:[ \t]+([^\s'\"|>#][^\n]*?)[ \t]+#(.*)$"
)


def comment_cut_issues(content: ContentText, skip: set[KeyPath]) -> list[Issue]:
    issues: list[Issue] = []
    front_matter = content.text[: len(content.text) - len(content.body)]
    if " #" not in front_matter and "\t#" not in front_matter:
        return issues  # nearly every file: no line of it is looked up
    lines = front_matter.split("\n")
    for path, line in content.key_lines.items():
        if not path or path[-1] not in _PROSE_FIELDS or path in skip:
            continue
        value = nested(content.data, path)
        cut = _UNQUOTED_WITH_COMMENT_RE.match(lines[line - 1] if 0 < line <= len(lines) else "")
        if not isinstance(value, str) or not cut:
            continue
        kept, dropped = shortened(cut.group(1)), shortened(cut.group(2).strip())
        quoted = shortened(cut.group(1) + " #" + cut.group(2), 60)
        issues.append(
            Issue(
                rules.TEXT_CUT_BY_COMMENT,
                line,
                dotted(path),
                f"`{dotted(path)}` ends at “{kept}”: the words after ` #` "
                f"(“#{dropped}”) are read as a comment and left out",
                f'Put the whole value in quotation marks: `{path[-1]}: "{quoted}"`.',
                wording(
                    "cut_by_comment",
                    field=dotted(path),
                    kept=kept,
                    dropped=dropped,
                    key=path[-1],
                    quoted=quoted,
                ),
            )
        )
    return issues


def translation_issues(content: ContentText, place: ContentPath) -> list[Issue]:
    data = content.data or {}
    issues: list[Issue] = []
    status = data.get("translation")
    if place.language in ("en", "rml") and "translation" not in data:
        issues.append(
            Issue(
                rules.TRANSLATION_STATUS_MISSING,
                1,
                "translation",
                f"This {place.language} page does not say whether its translation was reviewed",
                wording=wording("translation_status_missing", language=place.language),
            )
        )
    if status == "unreviewed" and not str(data.get("translator") or "").strip():
        credits = data.get("credits")
        if not (isinstance(credits, dict) and str(credits.get("translator") or "").strip()):
            issues.append(
                Issue(
                    rules.UNREVIEWED_WITHOUT_TRANSLATOR,
                    content.line_of(("translation",)),
                    "translator",
                    "The translation is unreviewed and nobody is named as translator",
                    wording=wording("no_translator"),
                )
            )
    return issues


def front_matter_address_issues(content: ContentText) -> list[Issue]:
    """`http://` addresses in the front matter (registration forms, online rooms, sources)."""
    issues: list[Issue] = []
    stack: list[tuple[KeyPath, Any]] = [((), content.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, number), item) for number, item in enumerate(value))
        elif isinstance(value, str) and insecure(value.strip()):
            issues.append(insecure_issue(value.strip(), content.line_of(path), dotted(path)))
    return sorted(issues, key=lambda issue: issue.line)


def front_matter_terminology(content: ContentText, language: str) -> list[Issue]:
    issues: list[Issue] = []
    for path, value in walk_values(content.data or {}):
        if not isinstance(value, str) or not path:
            continue
        key = path[-1]
        if (
            key in ("title", "summary", "description")
            and len(path) == 1
            or (path[0] == "images" and key in ("alt", "caption"))
        ):
            issues.extend(
                terminology.value_issues(value, language, content.line_of(path), dotted(path))
            )
    return issues
