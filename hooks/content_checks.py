"""The editors' content check: every problem in every content file, in one run.

Pure Python, no MkDocs: the build calls `check_project` once per site build, the CLI
(`python -m hooks.check`) calls `check_files`, and both return `Finding`s sorted by file and
line. A failure inside the check on one file becomes a finding for that file, never a crash.

Content types follow from the path (relative to the project root):

    stories/<slug>/index.<lang>.md     story
    docs/heritage/<slug>.<lang>.md      heritage page (not index)
    docs/events/<slug>.<lang>.md        event (not index)
    docs/**/*.md                        page (docs/assets is not content)
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import html
import json
import multiprocessing as mp
import os
import posixpath
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import jsonschema_rs

from hooks import check_cache, file_digests, rules, site_data, terminology
from hooks.build_date import build_date
from hooks.citations import CITATION_RE
from hooks.frontmatter import (
    ContentText,
    KeyPath,
    dotted,
    impossible_dates,
    parse_content,
    parse_date_like,
    walk_values,
)
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_language_suffix
from hooks.rules import Finding, Issue, Rule, Wording, finding, wording
from hooks.slugs import slug_from_words

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

TOOL_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = TOOL_ROOT / "schemas"

MARKDOWN_LIMIT = 200 * 1024
STORY_IMAGE_LIMIT = 15 * 1024 * 1024
# Far past the limit there is no point in reading the text as well.
UNREADABLE_SIZE = 5 * 1024 * 1024

CONTENT_FOLDERS = ("docs", "stories")
SKIPPED_FOLDERS = frozenset({"docs/assets"})
RIGA = ZoneInfo("Europe/Riga")

PLACEHOLDER_RE = re.compile(r"TODO\([^)\n]*\)")
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_STEM_LANGUAGE_RE = re.compile(r"\.([A-Za-z]{2,3})$")
# What MkDocs takes for Markdown, in any case, and what editors' programs make of `.md`.
_MARKDOWN_LIKE_RE = re.compile(
    r"\.(?:md|markdown|mdown|mkdn|mkd|mdwn)(?:\.txt)?$|\.md\.[a-z]{2,4}$", re.IGNORECASE
)
_IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff", ".heic", ".bmp"}
)

# -- Markdown scanning -------------------------------------------------------------------------

_FENCE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})")
_CODE_OR_COMMENT_RE = re.compile(r"<!--(?s:.*?)(?:-->|\Z)|(`+)[^\n]*?(?<!`)\1(?!`)")
# A link target may hold balanced parentheses, as in `page_(draft).md` or `javascript:f(1)`.
_LINK_TARGET_RE = re.compile(r"\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)")
# `[id]: target`, but not a footnote `[^1]: text`.
_REFERENCE_DEFINITION_RE = re.compile(
    r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE
)
_HTML_URL_ATTRIBUTE_RE = re.compile(
    r"<([a-zA-Z][\w-]*)[^<>]*?\s(?:href|src|srcset|poster|action|formaction|data|xlink:href)"
    r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.IGNORECASE,
)
# `meta` can redirect the reader elsewhere, `link` loads other sites' files, `style` can hide or
# restyle the page (the CSP allows inline styles) and `form` can collect what readers type.
_UNSAFE_ELEMENTS = (
    "script",
    "iframe",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "base",
    "meta",
    "link",
    "style",
    "form",
)
_UNSAFE_ELEMENT_RE = re.compile(rf"<\s*({'|'.join(_UNSAFE_ELEMENTS)})\b", re.IGNORECASE)
# on…= inside an HTML tag, or inside an attribute list `{ … }` (the attr_list extension).
_EVENT_ATTRIBUTE_RE = re.compile(
    r"<[a-zA-Z][^<>]*?[\s/\"'](on[a-z]+)\s*=|\{:?[^{}\n]*?\b(on[a-z]+)\s*=", re.IGNORECASE
)
_ATTR_LIST_URL_RE = re.compile(
    r"\{:?[^{}\n]*?\b(?:href|src)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)", re.IGNORECASE
)
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_FILESYSTEM_ROOTS = (
    "/home/",
    "/users/",
    "/tmp/",
    "/var/",
    "/etc/",
    "/mnt/",
    "/media/",
    "/root/",
    "/opt/",
    "/usr/",
    "/private/",
    "/volumes/",
    "/srv/",
)
_WINDOWS_PATH_RE = re.compile(r"^[a-zA-Z]:[\\/]|^\\\\")
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_MARKDOWN_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\(|<img\b", re.IGNORECASE)
# Where a page would show something from another website: `![…](https://…)`, `<img src=…>`,
# `<source srcset=…>`, `<video poster=…>`.
_EXTERNAL_MEDIA_RE = re.compile(
    r"!\[[^\]\n]*\]\(\s*<?\s*((?:https?:)?//[^\s)>]*)"
    r"|<(?:img|source|video|audio|picture|track)\b[^<>]*?\s(?:src|srcset|poster)\s*=\s*[\"']?"
    r"\s*((?:https?:)?//[^\s\"'>]*)",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def blank_code_and_comments(markdown: str) -> str:
    """The text with code blocks, code spans and HTML comments replaced by spaces.

    Lengths and line breaks stay, so an offset in the result is the offset in the text.
    """
    if "```" in markdown or "~~~" in markdown:
        lines = markdown.split("\n")
        fence: str | None = None
        for index, line in enumerate(lines):
            match = _FENCE_RE.match(line)
            if fence is None:
                if match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
                    fence = match.group(1)
                    lines[index] = " " * len(line)
            else:
                if (
                    match
                    and match.group(1)[0] == fence[0]
                    and len(match.group(1)) >= len(fence)
                    and not line[match.end() :].strip()
                ):
                    fence = None
                lines[index] = " " * len(line)
        markdown = "\n".join(lines)
    if "`" in markdown or "<!--" in markdown:
        markdown = _CODE_OR_COMMENT_RE.sub(_blank, markdown)
    return markdown


class _Lines:
    """Offset → line number in a text that starts at `first_line` of the file."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.first_line = first_line

    def __call__(self, offset: int) -> int:
        return self.first_line + bisect.bisect_right(self.starts, offset) - 1


# -- where a file sits -------------------------------------------------------------------------


@dataclass(frozen=True)
class ContentPath:
    rel: str  # project-relative posix path
    kind: str  # "story", "heritage", "event" or "page"
    language: str | None  # a site language; None when the suffix is unknown
    suffix: str | None  # the language suffix as written, if any
    docs_path: str  # the path as the site build sees it, relative to docs/
    slug: str | None  # stories, heritage and events only
    misplaced: bool = False  # a file in stories/ outside a story folder

    @property
    def neutral_docs_path(self) -> str:
        directory, _, name = self.docs_path.rpartition("/")
        neutral, _ = split_language_suffix(name)
        return f"{directory}/{neutral}" if directory else neutral

    @property
    def url(self) -> str | None:
        """The page's address on the site (directory URLs), or None if it is not published."""
        if self.language is None or self.misplaced:
            return None
        neutral = self.neutral_docs_path[: -len(".md")]
        if neutral == "index" or neutral.endswith("/index"):
            neutral = neutral[: -len("index")]
        else:
            neutral += "/"
        prefix = "" if self.language == DEFAULT_LANGUAGE else f"{self.language}/"
        return prefix + neutral


def classify(rel: str) -> ContentPath:
    parts = rel.split("/")
    name = parts[-1]
    neutral_name, suffix = split_language_suffix(name)
    if suffix is None:
        language: str | None = DEFAULT_LANGUAGE  # the build treats an unsuffixed file as Latvian
    else:
        language = suffix if suffix in LANGUAGE_CODES else None
    stem = neutral_name[: -len(".md")] if neutral_name.endswith(".md") else neutral_name
    if parts[0] == "stories":
        if len(parts) == 3 and stem == "index":
            return ContentPath(rel, "story", language, suffix, rel, parts[1])
        # Only `index.<lang>.md` of a story folder is read (hooks/plugin.py); `Index.en.md` or
        # `notes.lv.md` beside it would be left out.
        return ContentPath(rel, "page", language, suffix, rel, None, misplaced=True)
    docs_path = "/".join(parts[1:])
    if stem != "index" and len(parts) >= 3 and parts[1] in ("heritage", "events"):
        kind = "heritage" if parts[1] == "heritage" else "event"
        return ContentPath(rel, kind, language, suffix, docs_path, stem)
    return ContentPath(rel, "page", language, suffix, docs_path, None)


# -- the files of the project --------------------------------------------------------------------


@dataclass
class TreeIndex:
    """Every file under docs/ and stories/, as the site build sees them (relative to docs/)."""

    root: Path
    files: set[str] = field(default_factory=set)
    dirs: set[str] = field(default_factory=set)
    names_in_dir: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    md_variants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    content: list[str] = field(default_factory=list)  # project-relative content .md files
    # Project-relative files named like Markdown but not `.md` (`x.markdown`, `x.MD`, `x.md.txt`).
    misnamed: list[str] = field(default_factory=list)
    # Files of story folders other than their texts: the site publishes none of them as they are.
    story_files: set[str] = field(default_factory=set)

    def add(self, docs_path: str) -> None:
        self.files.add(docs_path)
        directory, _, name = docs_path.rpartition("/")
        self.names_in_dir[directory].append(name)
        if name.endswith(".md"):
            neutral, suffix = split_language_suffix(name)
            key = f"{directory}/{neutral}" if directory else neutral
            self.md_variants[key].add(suffix or DEFAULT_LANGUAGE)


def build_index(project_root: Path) -> TreeIndex:
    index = TreeIndex(project_root)
    root = str(project_root)
    for folder in CONTENT_FOLDERS:
        top = os.path.join(root, folder)
        if not os.path.isdir(top):
            continue
        stack = [(top, folder)]
        while stack:
            directory, rel_dir = stack.pop()
            docs_dir = (
                rel_dir[len("docs/") :]
                if rel_dir.startswith("docs/")
                else ("" if rel_dir == "docs" else rel_dir)
            )
            index.dirs.add(docs_dir)
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    rel = f"{rel_dir}/{entry.name}"
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((entry.path, rel))
                        continue
                    docs_path = f"{docs_dir}/{entry.name}" if docs_dir else entry.name
                    index.add(docs_path)
                    if folder == "stories" and not entry.name.endswith(".md"):
                        index.story_files.add(docs_path)
                    if any(rel.startswith(skipped + "/") for skipped in SKIPPED_FOLDERS):
                        continue
                    if entry.name.endswith(".md"):
                        index.content.append(rel)
                    elif _MARKDOWN_LIKE_RE.search(entry.name):
                        index.misnamed.append(rel)
    index.content.sort()
    index.misnamed.sort()
    return index


def discover_content(project_root: Path) -> list[Path]:
    """Every content Markdown file under docs/ (except docs/assets) and stories/."""
    return [project_root / rel for rel in build_index(project_root).content]


# -- schemas -------------------------------------------------------------------------------------


@cache
def _schema(kind: str) -> dict[str, Any]:
    with (SCHEMA_DIR / f"{kind}.schema.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def schema_validator(kind: str) -> Draft202012Validator:
    """One validator per content type for the whole run: building one is the slow part."""
    # Imported here: a check where every file is valid never needs it (a tenth of a second).
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(kind))


@cache
def fast_schema_validator(kind: str) -> jsonschema_rs.Validator:
    """The same schema, for the yes/no question only; formats are not asserted, as above."""
    return jsonschema_rs.Draft202012Validator(_schema(kind), validate_formats=False)


def _schema_valid(data: dict[str, Any], kind: str) -> bool:
    try:
        return fast_schema_validator(kind).is_valid(data)
    except Exception:  # noqa: BLE001 - e.g. a number too large for it; jsonschema decides then
        return False


_KIND_NAMES = {
    "page": "a page",
    "story": "a story",
    "heritage": "a heritage page",
    "event": "an event",
}

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of fields (`name: value` lines indented below it)",
    "null": "nothing",
}


_CLOCK_VALUE_RE = re.compile(r":\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:#.*)?$")


def _line_text(content: ContentText, line: int) -> str:
    lines = content.text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _type_of(value: Any) -> str:
    if value is None:
        return "nothing (the field is empty)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int):
        return f"a number ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text (`{_short(value)}`)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def _type_wording(value: Any) -> Wording:
    if value is None:
        return wording("value_empty")
    if isinstance(value, bool):
        return wording("value_boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return wording("value_number", value=value)
    if isinstance(value, str):
        return wording("value_text", value=_short(value))
    if isinstance(value, list):
        return wording("value_list")
    if isinstance(value, dict):
        return wording("value_group")
    return wording("value_other", name=type(value).__name__)


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_under(path: KeyPath, prefixes: Iterable[KeyPath]) -> bool:
    return any(path[: len(prefix)] == prefix for prefix in prefixes)


def schema_issues(content: ContentText, kind: str, skip: set[KeyPath]) -> list[Issue]:
    """Schema problems in editors' words; values under `skip` (placeholders) are left alone."""
    assert content.data is not None
    # Nearly every file is valid, and jsonschema takes a third of the check to say so; the Rust
    # validator says it 40 times faster. Only a file it rejects goes through jsonschema, whose
    # errors carry what the messages below are made of.
    if _schema_valid(content.data, kind):
        return []
    issues: list[Issue] = []
    required_done: set[KeyPath] = set()
    for error in schema_validator(kind).iter_errors(content.data):
        path: KeyPath = tuple(error.absolute_path)
        if _is_under(path, skip):
            continue
        if error.validator == "required":
            # jsonschema reports each missing key separately, each with the whole list:
            # report all missing keys of an object at its first error.
            if path in required_done:
                continue
            required_done.add(path)
        issues.extend(_schema_issue(error, path, content, kind))
    return issues


def _photo_number_and_file(path: KeyPath, content: ContentText) -> tuple[int | None, str]:
    """The photo's number counted from one (editors count so) and its file name, for a path
    into `images:`; editors know their photos by file name, not by position in a list."""
    number = path[1] if len(path) > 1 and isinstance(path[1], int) else None
    if number is None:
        return None, ""
    images = content.data.get("images") if isinstance(content.data, dict) else None
    item = images[number] if isinstance(images, list) and number < len(images) else None
    file = item.get("file") if isinstance(item, dict) else None
    return number + 1, file if isinstance(file, str) else ""


def _photo_name(path: KeyPath, content: ContentText, *, start: bool = True) -> str:
    """'Photo 2 (`violin.jpg`)'."""
    number, file = _photo_number_and_file(path, content)
    word = "Photo" if start else "photo"
    if number is None:
        return f"The {word}" if start else f"the {word}"
    return f"{word} {number}" + (f" (`{file}`)" if file else "")


def _photo_wording(path: KeyPath, content: ContentText) -> Wording:
    """The photo as `_photo_name` names it, for the translated texts."""
    number, file = _photo_number_and_file(path, content)
    if number is None:
        return wording("photo")
    if file:
        return wording("photo_numbered", number=number, file=file)
    return wording("photo_number_only", number=number)


def _readable_field(path: KeyPath) -> str:
    """'`consent.languages`, item 1' for `consent.languages.0`."""
    if path and isinstance(path[-1], int):
        return f"`{dotted(path[:-1])}`, item {path[-1] + 1}"
    return f"`{dotted(path)}`"


def _field_wording(path: KeyPath) -> Wording:
    if path and isinstance(path[-1], int):
        return wording("in_field_item", field=dotted(path[:-1]), number=path[-1] + 1)
    return wording("in_field", field=dotted(path))


# The content types `make new` can start from a template in `templates/`.
TEMPLATE_KINDS = ("story", "event", "heritage")


def _closest_field(key: str, allowed: Sequence[str]) -> list[str]:
    return difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)


def _misspelt_fields(instance: Mapping[str, Any], schema: Mapping[str, Any]) -> set[str]:
    """Known fields that an unknown one in `instance` is a misspelling of. The unknown field's
    error already says "Did you mean `title`?"; a second error saying `title` is missing would
    send the editor to add a field they already wrote."""
    allowed = sorted(schema.get("properties", {}))
    return {
        close[0]
        for key in instance
        if key not in allowed and (close := _closest_field(key, allowed))
    }


def _how_to_add(key: str, parent: str, schema: dict[str, Any], kind: str) -> tuple[str, Wording]:
    """The fix for a missing field. A missing block needs all of its own required fields,
    which an editor who deleted it by mistake no longer sees, so they are named."""
    where = f" under `{parent}:`" if parent else ""
    under: str | Wording = wording("under", parent=parent) if parent else ""
    field_schema = schema.get("properties", {}).get(key, {})
    template = f"`templates/{kind}.md`" if kind in TEMPLATE_KINDS else ""
    required = field_schema.get("required") if isinstance(field_schema, dict) else None
    if field_schema.get("type") == "object" and required:
        names = ", ".join(f"`{field}`" for field in required)
        copy = f" Copy it from {template}." if template else ""
        copy_wording: str | Wording = (
            wording("copy_from_template", template=template) if template else ""
        )
        return (
            f"Add the `{key}:` block{where} with its fields {names}.{copy}",
            wording("add_block", key=key, under=under, fields=names, copy=copy_wording),
        )
    if field_schema.get("type") == "boolean":
        return f"Add `{key}:`{where} with `true` or `false`.", wording(
            "add_boolean", key=key, under=under
        )
    choices = field_schema.get("enum") if isinstance(field_schema, dict) else None
    if choices:
        listed = ", ".join(f"`{choice}`" for choice in choices)
        return f"Add `{key}:`{where} with one of {listed}.", wording(
            "add_choice", key=key, under=under, choices=listed
        )
    return f"Add `{key}:`{where} with its value.", wording("add_value", key=key, under=under)


def _type_excludes_null(schema: Any) -> bool:
    declared = schema.get("type") if isinstance(schema, dict) else None
    if declared is None:
        return False
    return "null" not in ([declared] if isinstance(declared, str) else declared)


def _alt_empty_issue(path: KeyPath, content: ContentText, line: int, name: str) -> Issue:
    return Issue(
        rules.IMAGE_ALT_MISSING,
        line,
        name,
        f"The `alt:` text of {_photo_name(path, content, start=False)} is empty",
        wording=wording("photo_alt_empty", photo=_photo_wording(path, content)),
    )


def _schema_issue(
    error: ValidationError, path: KeyPath, content: ContentText, kind: str
) -> Iterator[Issue]:
    validator = error.validator
    line = content.line_of(path)
    name = dotted(path)
    is_alt = len(path) == 3 and path[0] == "images" and path[2] == "alt"
    if validator == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        misspelt = _misspelt_fields(instance, error.schema)
        for key in error.validator_value:
            if key in instance or key in misspelt:
                continue
            child = dotted((*path, key))
            if kind == "heritage" and path == () and key == "sources":
                yield Issue(
                    rules.HERITAGE_WITHOUT_SOURCES,
                    line,
                    "sources",
                    "This heritage page has no `sources:`",
                    wording=wording("no_sources"),
                )
            elif path[:1] == ("images",) and key == "alt":
                yield Issue(
                    rules.IMAGE_ALT_MISSING,
                    line,
                    child,
                    f"{_photo_name(path, content)} has no `alt:` text",
                    wording=wording("photo_without_alt", photo=_photo_wording(path, content)),
                )
            else:
                fix, fix_wording = _how_to_add(key, name, error.schema, kind)
                yield Issue(
                    rules.REQUIRED_FIELD,
                    line,
                    child,
                    f"The required field `{child}` is missing",
                    fix,
                    wording("required_field", field=child, fix=fix_wording),
                )
    elif validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        instance = error.instance if isinstance(error.instance, dict) else {}
        for key in instance:
            if key in allowed:
                continue
            child = (*path, key)
            close = _closest_field(key, allowed)
            if close:
                fix = f"Did you mean `{close[0]}`? Rename the field."
                fix_wording = wording("rename_field", close=close[0])
            else:
                fix = f"Remove it, or use one of: {', '.join(allowed)}."
                fix_wording = wording("remove_field", allowed=", ".join(allowed))
            where = f" under `{name}`" if name else ""
            yield Issue(
                rules.UNKNOWN_FIELD,
                content.line_of(child),
                dotted(child),
                f"`{key}` is not a field of {_KIND_NAMES[kind]}{where}",
                fix,
                wording(
                    "unknown_field",
                    key=key,
                    kind=kind,
                    where=wording("in_block", parent=name) if name else "",
                    fix=fix_wording,
                ),
            )
    elif validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(item, item) for item in names)
        wanted_names = "|".join(names)  # each named in the translated texts' `names.wanted`
        if is_alt:
            yield _alt_empty_issue(path, content, line, name)
        elif error.instance is None and isinstance(error.schema.get("enum"), list):
            listed = ", ".join(f"`{choice}`" for choice in error.schema["enum"])
            yield Issue(
                rules.WRONG_TYPE,
                line,
                name,
                f"`{name}` is empty",
                f"Write one of {listed} after `{path[-1]}:`.",
                wording("field_empty_choice", field=name, key=path[-1], choices=listed),
            )
        elif error.instance is None:
            yield Issue(
                rules.WRONG_TYPE,
                line,
                name,
                f"`{name}` is empty",
                f"Write {wanted} after `{path[-1]}:`, or delete the line.",
                wording("field_empty", field=name, key=path[-1], wanted=wanted_names),
            )
        elif (
            names == ["array"]
            and isinstance(error.instance, str)
            and re.fullmatch(r"\s*\[.*\]\s*", error.instance)
        ):
            # `"[lv, en]"` looks like a list to an editor; the quotation marks make it text.
            yield Issue(
                rules.WRONG_TYPE,
                line,
                name,
                f"`{name}` is a list written in quotation marks, which makes it text",
                f"Remove the quotation marks: `{path[-1]}: {error.instance.strip()}`.",
                wording("list_in_quotes", field=name, key=path[-1], value=error.instance.strip()),
            )
        elif (
            names == ["string"]
            and isinstance(error.instance, int)
            and (clock := _CLOCK_VALUE_RE.search(_line_text(content, line)))
        ):
            # YAML 1.1 reads `20:00` as sexagesimal 20 × 60, which no editor would guess.
            schema = error.schema if isinstance(error.schema, dict) else {}
            advice = schema.get("patternErrorMessage")
            yield Issue(
                rules.WRONG_TYPE,
                line,
                name,
                f"`{name}: {clock.group(1)}` is a time without a date, which YAML reads "
                f"as the number {error.instance}",
                advice or f'Put the value in quotation marks: `"{clock.group(1)}"`.',
                wording(
                    "time_as_number",
                    field=name,
                    clock=clock.group(1),
                    number=error.instance,
                    fix=wording("schema_advice", advice=advice)
                    if advice
                    else wording("quote_the_time", clock=clock.group(1)),
                ),
            )
        else:
            yield Issue(
                rules.WRONG_TYPE,
                line,
                name,
                f"`{name}` should be {wanted}, not {_type_of(error.instance)}",
                f"Write {wanted}.",
                wording(
                    "wrong_type",
                    field=name,
                    wanted=wanted_names,
                    actual=_type_wording(error.instance),
                ),
            )
    elif validator in ("enum", "const"):
        if error.instance is None and _type_excludes_null(error.schema):
            return  # the type check already says that the field is empty
        allowed_values = error.validator_value if validator == "enum" else [error.validator_value]
        shown = ", ".join(str(value) for value in allowed_values)
        close = difflib.get_close_matches(
            str(error.instance), [str(v) for v in allowed_values], n=1, cutoff=0.6
        )
        hint = f"Did you mean `{close[0]}`? " if close else ""
        yield Issue(
            rules.INVALID_VALUE,
            line,
            name,
            f"`{_short(error.instance)}` is not allowed in {_readable_field(path)}",
            f"{hint}Use one of: {shown}.",
            wording(
                "not_allowed",
                value=_short(error.instance),
                where=_field_wording(path),
                allowed=shown,
                hint=wording("did_you_mean", close=close[0]) if close else "",
            ),
        )
    elif validator == "pattern":
        if is_alt:
            yield _alt_empty_issue(path, content, line, name)
            return
        if kind == "story" and len(path) == 2 and path[0] == "themes":
            return  # LRP062 names the known themes and the likeliest one
        advice = error.schema.get("patternErrorMessage")
        yield Issue(
            rules.INVALID_VALUE,
            line,
            name,
            f"`{_short(error.instance)}` is not in the expected form for `{name}`",
            advice or "Check the form of the value.",
            wording(
                "wrong_form",
                value=_short(error.instance),
                field=name,
                advice=wording("schema_advice", advice=advice)
                if advice
                else wording("check_the_form"),
            ),
        )
    elif validator in ("minItems", "minLength"):
        if kind == "heritage" and path == ("sources",):
            yield Issue(
                rules.HERITAGE_WITHOUT_SOURCES,
                line,
                name,
                "The `sources:` list is empty",
                wording=wording("sources_empty"),
            )
        elif is_alt:
            yield _alt_empty_issue(path, content, line, name)
        else:
            yield Issue(
                rules.INVALID_VALUE,
                line,
                name,
                f"`{name}` is empty",
                "Fill it in, or delete the line if the field is optional.",
                wording("empty", field=name),
            )
    elif validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        said = (
            wording("too_small", field=name, value=error.instance, bound=error.validator_value)
            if validator == "minimum"
            else wording("too_large", field=name, value=error.instance, bound=error.validator_value)
        )
        yield Issue(
            rules.INVALID_VALUE,
            line,
            name,
            f"`{name}` is {error.instance}; it must be {bound} {error.validator_value}",
            "Correct the number.",
            said,
        )
    elif validator == "uniqueItems":
        yield Issue(
            rules.INVALID_VALUE,
            line,
            name,
            f"`{name}` lists the same value twice",
            "Delete the repeated entry.",
            wording("repeated_value", field=name),
        )
    elif validator != "format":
        # A kind of rule the messages above do not word yet: jsonschema's own English says it.
        yield Issue(
            rules.INVALID_VALUE,
            line,
            name,
            f"`{name}`: {error.message}",
            wording=wording("schema_message", field=name, detail=_short(error.message, 200)),
        )


# -- the checks on one file ---------------------------------------------------------------------


@dataclass
class FileResult:
    path: ContentPath
    findings: list[Finding] = field(default_factory=list)
    data: dict[str, Any] | None = None
    consent_line: int = 1
    images_line: int = 1
    # Links into a part of a page: (target as resolved from docs/, "" for this page, anchor,
    # line, the link as written). Checked across files, since the target may change alone.
    anchor_links: list[tuple[str, str, int, str]] = field(default_factory=list)
    # The story's photos that exist: (file name, line, field), checked across files because
    # a photo can change while the text does not.
    photos: list[tuple[str, int, str]] = field(default_factory=list)
    # Anchors the file's plain headings give (hooks/anchors.py), read while its text is at hand.
    heading_anchors: frozenset[str] = frozenset()
    # The pages of its folder a heritage index links to (LRP058).
    page_links: frozenset[str] = frozenset()
    # The fields every language version of an event or story must share (LRP055, LRP066-67).
    shared_fields: dict[str, tuple[str, int, str]] = field(default_factory=dict)


def _issue_findings(rel: str, issues: Iterable[Issue]) -> list[Finding]:
    return [finding(rel, issue) for issue in issues]


def _name_issues(place: ContentPath) -> list[Issue]:
    issues: list[Issue] = []
    name = place.rel.rsplit("/", 1)[-1]
    parts = place.rel.split("/")
    # `index.EN.md` is the story's text with a capitalised code: LRP010 says how to rename it,
    # and "name it index.lv.md" would contradict that.
    capitalised_index = re.fullmatch(r"index\.(?i:lv|en|rml)\.md", name)
    if place.misplaced and len(parts) == 3:
        if not capitalised_index:
            ending = f".{place.suffix}.md" if place.suffix else ".lv.md"
            issues.append(
                Issue(
                    rules.MISPLACED_FILE,
                    1,
                    "",
                    f"A story folder's text must be named `index{ending}`, so `{name}` is not "
                    "published",
                    f"Rename it to `index{ending}`, or move it out of `stories/` if it is not the "
                    "story.",
                    wording("story_text_name", file=f"index{ending}", name=name),
                )
            )
    elif place.misplaced:
        issues.append(
            Issue(
                rules.MISPLACED_FILE,
                1,
                "",
                "This file is not in a story folder, so the site does not publish it",
                wording=wording("not_in_story_folder"),
            )
        )
    if parts[:2] == ["docs", "stories"] and not (len(parts) == 3 and name.startswith("index.")):
        story_path = (
            f"stories/{slug_from_words(parts[2]) if len(parts) > 3 else '<slug>'}"
            f"/index.{place.suffix or 'lv'}.md"
        )
        issues.append(
            Issue(
                rules.STORY_OUTSIDE_STORIES,
                1,
                "",
                "This page would be published without the consent checks of a story",
                f"Move it to `{story_path}` if it is a story, or out of `docs/stories/` if it is "
                "not.",
                wording("page_in_docs_stories", target=story_path),
            )
        )
    if place.kind == "event" and len(parts) > 3:
        issues.append(
            Issue(
                rules.NESTED_EVENT,
                1,
                "",
                "An event in a subfolder is left out of the event list, the calendars "
                "and the feeds",
                f"Move it to `docs/events/{name}`.",
                wording("event_in_subfolder", name=name),
            )
        )
    if place.suffix is None:
        upper = _STEM_LANGUAGE_RE.search(name[: -len(".md")])
        if upper and upper.group(1).lower() in LANGUAGE_CODES:
            issues.append(
                Issue(
                    rules.UNKNOWN_LANGUAGE_SUFFIX,
                    1,
                    "",
                    f"The language code `{upper.group(1)}` must be written in lowercase",
                    f"Rename the file to end in `.{upper.group(1).lower()}.md`.",
                    wording(
                        "language_code_capitalised",
                        code=upper.group(1),
                        ending=f".{upper.group(1).lower()}.md",
                    ),
                )
            )
        else:
            stem = name[: -len(".md")]
            # `index-lv.md`, `index_en.md`: the code is there, joined with the wrong character.
            joined = re.fullmatch(r"(.+?)[-_ ](lv|en|rml)", stem, re.IGNORECASE)
            if joined:
                renamed = f"{joined.group(1)}.{joined.group(2).lower()}.md"
                fix = f"Rename it to `{renamed}`."
                fix_wording = wording("rename_to", name=renamed)
            else:
                fix = f"Rename it to `{stem}.lv.md` (or `.en.md`, `.rml.md`)."
                fix_wording = wording("rename_to_any_language", name=f"{stem}.lv.md")
            issues.append(
                Issue(
                    rules.MISSING_LANGUAGE_SUFFIX,
                    1,
                    "",
                    f"`{name}` does not say which language it is in",
                    fix,
                    wording("no_language_in_name", name=name, fix=fix_wording),
                )
            )
    elif place.language is None:
        issues.append(
            Issue(
                rules.UNKNOWN_LANGUAGE_SUFFIX,
                1,
                "",
                f"`.{place.suffix}` is not a language of this site, so the file would be left out",
                wording=wording("not_a_site_language", suffix=place.suffix),
            )
        )
    if place.slug is not None and not _SLUG_RE.match(place.slug):
        suggestion = slug_from_words(place.slug)
        issues.append(
            Issue(
                rules.SLUG_FORMAT,
                1,
                "",
                f"The slug `{place.slug}` has characters that do not belong in a web address",
                f"Rename it to `{suggestion}`." if suggestion else "",
                wording(
                    "slug_characters",
                    slug=place.slug,
                    fix=wording("rename_to", name=suggestion) if suggestion else "",
                ),
            )
        )
    return issues


_BARE_PLACEHOLDER_RE = re.compile(r"(?:TODO|TBD|FIXME|XXX+|\.{3}|…|\?+)[:.!]?", re.IGNORECASE)


def _placeholder_issues(content: ContentText, prose: str) -> tuple[list[Issue], set[KeyPath]]:
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
    lines = _Lines(front_matter + prose, 1)
    for match in PLACEHOLDER_RE.finditer(front_matter + prose):
        line = lines(match.start())
        field_name = content.field_at_line(line) if line < content.body_line else ""
        issues.append(
            Issue(
                rules.PLACEHOLDER,
                line,
                field_name,
                f"The placeholder `{_short(match.group(), 60)}` is still here",
                wording=wording("placeholder_left", placeholder=_short(match.group(), 60)),
            )
        )
    skip = {
        path
        for path, value in walk_values(content.data or {})
        if isinstance(value, str) and "TODO(" in value
    }
    return issues, skip


def _when(value: Any) -> tuple[dt.datetime, bool] | None:
    """A front matter date or date-time as an aware datetime (naive = Riga), and date-only."""
    if not isinstance(value, str):
        return None
    try:
        parsed = parse_date_like(value)
    except ValueError:
        return None
    if parsed is None:
        return None
    if isinstance(parsed, dt.datetime):
        aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=RIGA)
        return aware, False
    return dt.datetime.combine(parsed, dt.time(), RIGA), True


def _is_before(later: tuple[dt.datetime, bool], earlier: tuple[dt.datetime, bool]) -> bool:
    """`later` < `earlier`; a plain date means the whole day."""
    if later[1] or earlier[1]:
        return later[0].date() < earlier[0].date()
    return later[0] < earlier[0]


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


def _credit_label_issues(
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


def _long_text_issues(content: ContentText, skip: set[KeyPath]) -> list[Issue]:
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


def _markup_in_title_issues(content: ContentText, skip: set[KeyPath]) -> list[Issue]:
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


def _comment_cut_issues(content: ContentText, skip: set[KeyPath]) -> list[Issue]:
    issues: list[Issue] = []
    front_matter = content.text[: len(content.text) - len(content.body)]
    if " #" not in front_matter and "\t#" not in front_matter:
        return issues  # nearly every file: no line of it is looked up
    lines = front_matter.split("\n")
    for path, line in content.key_lines.items():
        if not path or path[-1] not in _PROSE_FIELDS or path in skip:
            continue
        value = _nested(content.data, path)
        cut = _UNQUOTED_WITH_COMMENT_RE.match(lines[line - 1] if 0 < line <= len(lines) else "")
        if not isinstance(value, str) or not cut:
            continue
        kept, dropped = _short(cut.group(1)), _short(cut.group(2).strip())
        quoted = _short(cut.group(1) + " #" + cut.group(2), 60)
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


def _translation_issues(content: ContentText, place: ContentPath) -> list[Issue]:
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


def _existing_photos(
    content: ContentText, place: ContentPath, index: TreeIndex, skip: set[KeyPath]
) -> list[tuple[str, int, str]]:
    folder = place.docs_path.rpartition("/")[0]
    images = (content.data or {}).get("images")
    photos = []
    for number, image in enumerate(images if isinstance(images, list) else []):
        path = ("images", number, "file")
        if not isinstance(image, dict) or not isinstance(image.get("file"), str) or path in skip:
            continue
        if f"{folder}/{image['file']}" in index.files and "/" not in image["file"]:
            photos.append((image["file"], content.line_of(path), dotted(path)))
    return photos


def _story_issues(
    content: ContentText,
    place: ContentPath,
    index: TreeIndex,
    today: dt.date,
    skip: set[KeyPath],
    body_has_images: bool,
) -> list[Issue]:
    data = content.data or {}
    issues: list[Issue] = []
    folder = place.docs_path.rpartition("/")[0]
    images = data.get("images") if isinstance(data.get("images"), list) else []
    for number, image in enumerate(images):
        if not isinstance(image, dict) or not isinstance(image.get("file"), str):
            continue
        path = ("images", number, "file")
        if path in skip or "/" in image["file"] or "\\" in image["file"]:
            continue
        if f"{folder}/{image['file']}" not in index.files:
            issues.append(
                _missing_file_issue(
                    rules.BROKEN_IMAGE,
                    content.line_of(path),
                    dotted(path),
                    image["file"],
                    f"{folder}/{image['file']}",
                    index,
                )
            )
    issues.extend(_theme_and_region_issues(content, index, skip))
    issues.extend(_credit_label_issues(content, images, skip))
    consent = data.get("consent") if isinstance(data.get("consent"), dict) else None
    if consent is None:
        return issues
    given = _when(consent.get("date")) if ("consent", "date") not in skip else None
    review = _when(consent.get("review_by")) if ("consent", "review_by") not in skip else None
    if given and review and _is_before(review, given):
        issues.append(
            Issue(
                rules.CONSENT_DATES,
                content.line_of(("consent", "review_by")),
                "consent.review_by",
                f"The review date {consent['review_by']} is before the consent "
                f"date {consent['date']}",
                wording=wording(
                    "review_before_consent", review=consent["review_by"], given=consent["date"]
                ),
            )
        )
    elif given and given[0].date() > today:
        issues.append(
            Issue(
                rules.CONSENT_NOT_YET_VALID,
                content.line_of(("consent", "date")),
                "consent.date",
                f"The consent date {consent['date']} is in the future",
                wording=wording("consent_in_future", given=consent["date"]),
            )
        )
    if review and review[0].date() < today and not (given and _is_before(review, given)):
        issues.append(
            Issue(
                rules.CONSENT_REVIEW_DUE,
                content.line_of(("consent", "review_by")),
                "consent.review_by",
                f"The consent was due for review on {consent['review_by']}",
                wording=wording("review_due", review=consent["review_by"]),
            )
        )
    if consent.get("status") == "withdrawn":
        issues.append(
            Issue(
                rules.CONSENT_WITHDRAWN,
                content.line_of(("consent", "status")),
                "consent.status",
                "The storyteller has withdrawn their consent",
                wording=wording("consent_withdrawn"),
            )
        )
    languages = consent.get("languages")
    if (
        isinstance(languages, list)
        and place.language is not None
        and ("consent", "languages") not in skip
        and place.language not in languages
    ):
        issues.append(
            Issue(
                rules.CONSENT_LANGUAGE,
                content.line_of(("consent", "languages")),
                "consent.languages",
                f"The consent covers {', '.join(map(str, languages)) or 'no language'}"
                f", not {place.language}",
                wording=wording(
                    "consent_languages",
                    covered=", ".join(map(str, languages)),
                    language=place.language,
                )
                if languages
                else wording("consent_no_language", language=place.language),
            )
        )
    if consent.get("photos") is False and (images or body_has_images):
        line = content.line_of(("images",)) if images else content.line_of(("consent", "photos"))
        issues.append(
            Issue(
                rules.CONSENT_PHOTOS,
                line,
                "consent.photos",
                "The story has images but `consent.photos` is false",
                wording=wording("photos_without_consent"),
            )
        )
    if consent.get("photos") is True and consent.get("republication") is True:
        for number, image in enumerate(images):
            if isinstance(image, dict) and not image.get("licence"):
                issues.append(Issue(
                    rules.IMAGE_WITHOUT_LICENCE, content.line_of(("images", number, "file")),
                    f"images.{number}.licence",
                    f"The image `{image.get('file', number + 1)}` has no licence",
                    wording=wording(
                        "photo_without_licence",
                        photo=_photo_wording(("images", number), content),
                    ),
                ))  # fmt: skip
    place_data = data.get("place") if isinstance(data.get("place"), dict) else {}
    shown = place_data.get("shown")
    hidden = {"none": ("town", "region"), "region": ("town",)}.get(str(shown), ())
    for key in hidden:
        if str(place_data.get(key) or "").strip():
            issues.append(
                Issue(
                    rules.PLACE_HIDDEN,
                    content.line_of(("place", key)),
                    f"place.{key}",
                    f"`place.shown` is `{shown}` but `place.{key}` is filled in",
                    wording=wording("hidden_place_written", shown=shown, field=f"place.{key}"),
                )
            )
    return issues


def _known_keys(index: TreeIndex, kind: str) -> list[str]:
    # The project's own data/ when it has one (as the build reads it), else the tool's.
    data_dir = index.root / "data"
    if not (data_dir / f"{kind}.yml").is_file():
        data_dir = site_data.DATA_DIR
    table = site_data.themes(data_dir) if kind == "themes" else site_data.regions(data_dir)
    return list(table)


def _unknown_key_issue(
    rule: Rule, value: Any, known: list[str], line: int, field_name: str
) -> Issue:
    text = str(value)
    close = difflib.get_close_matches(slug_from_words(text), known, n=1, cutoff=0.6)
    hint = f"Did you mean `{close[0]}`? " if close else ""
    return Issue(
        rule,
        line,
        field_name,
        f"`{_short(text)}` is not one of {', '.join(known)}",
        f"{hint}{rule.fix}",
        # The rule's fix is printed with the rule's text already; only the hint is this case's.
        wording(
            "unknown_key",
            value=_short(text),
            known=", ".join(known),
            hint=wording("did_you_mean", close=close[0]) if close else "",
        ),
    )


def _theme_and_region_issues(
    content: ContentText, index: TreeIndex, skip: set[KeyPath]
) -> list[Issue]:
    data = content.data or {}
    issues: list[Issue] = []
    themes = data.get("themes")
    if isinstance(themes, list) and ("themes",) not in skip:
        known = _known_keys(index, "themes")
        for number, theme in enumerate(themes):
            if isinstance(theme, str) and theme not in known and ("themes", number) not in skip:
                issues.append(
                    _unknown_key_issue(
                        rules.UNKNOWN_THEME,
                        theme,
                        known,
                        content.line_of(("themes", number)),
                        f"themes.{number}",
                    )
                )
    place_data = data.get("place") if isinstance(data.get("place"), dict) else {}
    region = place_data.get("region")
    if isinstance(region, str) and region.strip() and ("place", "region") not in skip:
        known = _known_keys(index, "regions")
        if region not in known:
            issues.append(
                _unknown_key_issue(
                    rules.UNKNOWN_REGION,
                    region,
                    known,
                    content.line_of(("place", "region")),
                    "place.region",
                )
            )
    return issues


# What an event's language versions must agree on (LRP055). The report's participants are
# compared only where both versions have a report: translations of a report may come later.
_EVENT_SHARED_FIELDS: tuple[KeyPath, ...] = (
    ("start",),
    ("end",),
    ("status",),
    ("languages",),
    ("place", "online"),
    ("place", "url"),
    ("registration", "url"),
    ("registration", "deadline"),
    ("report", "participants"),
)
_EVENT_TIME_FIELDS = {"start", "end", "registration.deadline"}
# What `report.participants` compares as in a version whose `report:` has none, or that has no
# `report:` at all (LRP071).
NO_PARTICIPANTS = "missing"
NO_REPORT = "no report"
# How the comparisons write a field a version leaves out (LRP055, LRP066, LRP067).
NOTHING_WRITTEN = "nothing"


def _event_shared_fields(
    content: ContentText, skip: set[KeyPath]
) -> dict[str, tuple[str, int, str]]:
    """field -> (value to compare, line, value as written) for LRP055."""
    shared: dict[str, tuple[str, int, str]] = {}
    for path in _EVENT_SHARED_FIELDS:
        value: Any = content.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        name = dotted(path)
        if path == ("report", "participants") and value is None and path not in skip:
            if ("report",) in skip:
                continue
            if isinstance(content.data.get("report"), dict):
                # A report without the numbers the other versions give (LRP071).
                shared[name] = (NO_PARTICIPANTS, content.line_of(("report",)), NOTHING_WRITTEN)
            elif "report" not in content.data:
                last_time = "end" if "end" in content.data else "start"  # where LRP054 points
                shared[name] = (NO_REPORT, content.line_of((last_time,)), NOTHING_WRITTEN)
            continue
        if path in skip or (path[0] == "report" and value is None) or _impossible_date(value):
            continue
        if name == "status" and value is None:
            value = "scheduled"
        written = NOTHING_WRITTEN if value is None else f"`{_short(_plain_value(value), 50)}`"
        if name in _EVENT_TIME_FIELDS and value is not None:
            when = _when(value)
            if when is None:
                # Not a time at all (`end: 16:00` is read as the number 960): the field's own
                # error says so, and "960 here but 16:00 there" would only confuse.
                continue
            value = when[0].date().isoformat() if when[1] else when[0].isoformat()
        compared = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
        shared[name] = (
            compared,
            content.line_of(path) if written != NOTHING_WRITTEN else 1,
            written,
        )
    return shared


# What a story's language versions must agree on: how the storyteller is named and placed, as
# the pages show it (LRP066), and the story's date (LRP067). A town's name is not compared, as
# each language may spell it its own way (Rīga, Riga); whether the town is shown is
# `place.shown`. A region the version hides is LRP050's, not a difference between versions.
_STORY_SHARED_FIELDS: tuple[KeyPath, ...] = (
    ("person", "naming"),
    ("person", "name"),
    ("place", "shown"),
    ("place", "region"),
    ("date",),
)


def _impossible_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and parse_date_like(value) is None
    except ValueError:  # not written as a date at all
        return False


def _nested(data: Any, path: KeyPath) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _story_shared_fields(
    content: ContentText, skip: set[KeyPath]
) -> dict[str, tuple[str, int, str]]:
    """field -> (value to compare, line, value as written) for LRP066 and LRP067."""
    shared: dict[str, tuple[str, int, str]] = {}
    for path in _STORY_SHARED_FIELDS:
        if path in skip or path[:1] in skip:
            continue
        value = _nested(content.data, path)
        if _impossible_date(value):
            continue  # LRP025's; the comparison would take the other versions for wrong
        if isinstance(value, str) and not value.strip():
            value = None
        name = dotted(path)
        if name == "place.region" and _nested(content.data, ("place", "shown")) == "none":
            continue
        written = NOTHING_WRITTEN if value is None else f"`{_short(_plain_value(value), 50)}`"
        compared = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
        shared[name] = (
            compared,
            content.line_of(path) if written != NOTHING_WRITTEN else 1,
            written,
        )
    return shared


def _plain_value(value: Any) -> str:
    if isinstance(value, list):
        return f"[{', '.join(_plain_value(item) for item in value)}]"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_plain_value(item)}" for key, item in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _listed_photos(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """(file, licence) of each photo a story's front matter lists, in order."""
    images = data.get("images") if isinstance(data.get("images"), list) else []
    return tuple(
        (str(image.get("file", "")), str(image.get("licence") or ""))
        for image in images
        if isinstance(image, dict)
    )


def _describe_photos(photos: Sequence[tuple[str, str]]) -> str:
    if not photos:
        return "no photos"
    return ", ".join(f"`{file}` ({licence or 'no licence'})" for file, licence in photos)


def _photos_wording(photos: Sequence[tuple[str, str]]) -> Wording:
    """The photos as `_describe_photos` lists them, for the translated texts: a text cannot
    repeat itself for each photo, so each one is a phrase holding the rest of the list."""
    if not photos:
        return wording("no_photos")
    said: Wording | None = None
    for file, licence in reversed(photos):
        photo = (
            wording("photo_with_licence", file=file, licence=licence)
            if licence
            else wording("photo_no_licence", file=file)
        )
        said = photo if said is None else wording("photo_and_more", photo=photo, more=said)
    assert said is not None
    return said


def _photos_mismatch_findings(results: list[FileResult]) -> list[Finding]:
    stories: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        if result.path.kind == "story" and result.data is not None:
            stories[result.path.docs_path.rpartition("/")[0]].append(result)
    findings: list[Finding] = []
    for versions in stories.values():
        if len(versions) < 2:
            continue
        versions.sort(key=lambda r: (r.path.language != DEFAULT_LANGUAGE, r.path.rel))
        listed = {v.path.rel: _listed_photos(v.data or {}) for v in versions}
        # The list most versions share is the reference (the Latvian one on a tie), so that a
        # slip in one file is reported on that file.
        shared = Counter(listed.values())
        most = max(shared.values())
        reference = next(v for v in versions if shared[listed[v.path.rel]] == most)
        expected = listed[reference.path.rel]
        for other in versions:
            if listed[other.path.rel] != expected:
                findings.append(
                    finding(
                        other.path.rel,
                        Issue(
                            rules.PHOTOS_MISMATCH,
                            other.images_line,
                            "images",
                            f"This version lists {_describe_photos(listed[other.path.rel])}, but "
                            f"{reference.path.rel} lists {_describe_photos(expected)}",
                            wording=wording(
                                "photos_differ",
                                listed=_photos_wording(listed[other.path.rel]),
                                reference=reference.path.rel,
                                expected=_photos_wording(expected),
                            ),
                        ),
                    )
                )
    return findings


def _linked_page_stems(prose: str) -> frozenset[str]:
    """The pages of its own folder a page links to: `music.md`, `./music.en.md#x` -> `music`."""
    targets = [match.group(1) for match in _LINK_TARGET_RE.finditer(prose)]
    targets += [match.group(1) for match in _REFERENCE_DEFINITION_RE.finditer(prose)]
    stems = set()
    for target in targets:
        path = unquote(target.strip("<>").split("#")[0].split("?")[0])
        name = posixpath.normpath(path) if path else ""
        if "/" in name or not name.endswith(".md"):
            continue
        neutral, _ = split_language_suffix(name)
        stems.add(neutral[: -len(".md")])
    return frozenset(stems)


def _heritage_listing_findings(results: list[FileResult]) -> list[Finding]:
    # A check of only some files (`make check PATHS=…`) without the index cannot judge; the
    # build and the full check always have it.
    listed = {
        result.path.language: result.page_links
        for result in results
        if result.path.kind == "page" and result.path.docs_path.startswith("heritage/index.")
    }
    findings: list[Finding] = []
    for result in results:
        place = result.path
        if place.kind != "heritage" or place.rel.count("/") != 2:
            continue
        stems = listed.get(place.language)
        if stems is not None and place.slug not in stems:
            findings.append(
                finding(
                    place.rel,
                    Issue(
                        rules.HERITAGE_UNLISTED,
                        1,
                        "",
                        f"`docs/heritage/index.{place.language}.md` does not link to this page",
                        wording=wording(
                            "heritage_not_linked", index=f"docs/heritage/index.{place.language}.md"
                        ),
                    ),
                )
            )
    return findings


def _shared_field_rule(kind: str, name: str) -> rules.Rule:
    if kind == "event":
        return rules.EVENT_MISMATCH
    return rules.STORY_DATE_MISMATCH if name == "date" else rules.STORY_IDENTITY_MISMATCH


def _missing_numbers_findings(versions: list[FileResult]) -> list[Finding]:
    """LRP071: the versions without the participant numbers another one gives, because their
    `report:` lacks them or because they have no `report:` at all."""
    name = "report.participants"
    giving = [v for v in versions if v.shared_fields[name][0] not in (NO_PARTICIPANTS, NO_REPORT)]
    if not giving:
        return []
    source = giving[0].path.rel
    findings = []
    for version in versions:
        compared, line, _ = version.shared_fields[name]
        if compared == NO_PARTICIPANTS:
            problem = f"This version's `report:` has no `participants:`, but {source} gives them"
            fix = f"Copy the `participants:` lines from {source} into this `report:`."
            said = wording("report_without_numbers", source=source)
        elif compared == NO_REPORT:
            problem = f"This version has no `report:`, but {source} reports on the event"
            fix = (
                f"Copy `report:` with its `participants:` lines from {source} and translate "
                "its `summary:`."
            )
            said = wording("no_report_here", source=source)
        else:
            continue
        findings.append(
            finding(
                version.path.rel,
                Issue(
                    rules.EVENT_REPORT_NUMBERS_MISSING,
                    line,
                    name,
                    problem,
                    fix,
                    said,
                ),
            )
        )
    return findings


def _without_reminders_answered_elsewhere(findings: list[Finding]) -> list[Finding]:
    """LRP054's general "add a report" is dropped where LRP071 says which version to copy."""
    told = {item.path for item in findings if item.rule_id == rules.EVENT_REPORT_NUMBERS_MISSING.id}
    return [
        item
        for item in findings
        if not (item.rule_id == rules.EVENT_REPORT_MISSING.id and item.path in told)
    ]


def _written_wording(written: str) -> str | Wording:
    """A value as the comparisons write it, for the translated texts: "nothing" is a word."""
    return wording("no_value") if written == NOTHING_WRITTEN else written


def _values_in_files_wording(values: Sequence[tuple[str, str]]) -> Wording:
    """(value as written, file) of the versions that differ, as one phrase holding the next."""
    said: Wording | None = None
    for written, rel in reversed(values):
        value = wording("value_in_file", value=_written_wording(written), file=rel)
        said = value if said is None else wording("value_and_more", value=value, more=said)
    assert said is not None
    return said


def _version_mismatch_findings(results: list[FileResult]) -> list[Finding]:
    """LRP055, LRP066, LRP067: a field the language versions of an event or story must share."""
    groups: dict[tuple[str, str], list[FileResult]] = defaultdict(list)
    for result in results:
        if result.path.kind in ("event", "story") and result.shared_fields:
            groups[(result.path.kind, result.path.neutral_docs_path)].append(result)
    findings: list[Finding] = []
    for (kind, _), versions in groups.items():
        versions.sort(key=lambda r: (r.path.language != DEFAULT_LANGUAGE, r.path.rel))
        for name in dict.fromkeys(n for v in versions for n in v.shared_fields):
            having = [v for v in versions if name in v.shared_fields]
            if name == "report.participants":
                findings.extend(_missing_numbers_findings(having))
                having = [
                    v
                    for v in having
                    if v.shared_fields[name][0] not in (NO_PARTICIPANTS, NO_REPORT)
                ]
            values = Counter(v.shared_fields[name][0] for v in having)
            if len(values) < 2:
                continue
            rule = _shared_field_rule(kind, name)
            if rule is rules.STORY_IDENTITY_MISMATCH:
                # Only the consent record says which version is right, and the one that differs
                # may be the one that reveals too much: every version is reported.
                for version in having:
                    compared, line, written = version.shared_fields[name]
                    differing = [
                        (other.shared_fields[name][2], other.path.rel)
                        for other in having
                        if other.shared_fields[name][0] != compared
                    ]
                    others = "; ".join(f"{value} in {rel}" for value, rel in differing)
                    findings.append(
                        finding(
                            version.path.rel,
                            Issue(
                                rule,
                                line,
                                name,
                                f"`{name}` is {written} here but {others}",
                                wording=wording(
                                    "differs_from_versions",
                                    field=name,
                                    value=_written_wording(written),
                                    others=_values_in_files_wording(differing),
                                ),
                            ),
                        )
                    )
                continue
            # The value most versions share is the reference (the Latvian one on a tie), so a
            # slip is reported in the file that has it.
            most = max(values.values())
            reference = next(v for v in having if values[v.shared_fields[name][0]] == most)
            expected, _, expected_written = reference.shared_fields[name]
            for other in having:
                compared, line, written = other.shared_fields[name]
                if compared != expected:
                    findings.append(
                        finding(
                            other.path.rel,
                            Issue(
                                rule,
                                line,
                                name,
                                f"`{name}` is {written} here but {expected_written} in "
                                f"{reference.path.rel}",
                                wording=wording(
                                    "differs_from_version",
                                    field=name,
                                    value=_written_wording(written),
                                    reference=reference.path.rel,
                                    expected=_written_wording(expected_written),
                                ),
                            ),
                        )
                    )
    return findings


# Days after an event before its page should say what happened (LRP054).
REPORT_GRACE_DAYS = 14


def _event_issues(content: ContentText, skip: set[KeyPath], today: dt.date) -> list[Issue]:
    data = content.data or {}
    issues: list[Issue] = []
    start = _when(data.get("start")) if ("start",) not in skip else None
    end = _when(data.get("end")) if ("end",) not in skip else None
    if start and end and _is_before(end, start):
        issues.append(
            Issue(
                rules.EVENT_END_BEFORE_START,
                content.line_of(("end",)),
                "end",
                f"The event ends ({data['end']}) before it starts ({data['start']})",
                wording=wording("ends_before_start", end=data["end"], start=data["start"]),
            )
        )
    registration = data.get("registration")
    if start and isinstance(registration, dict) and ("registration", "deadline") not in skip:
        deadline = _when(registration.get("deadline"))
        if deadline and _is_before(start, deadline):
            issues.append(
                Issue(
                    rules.REGISTRATION_AFTER_START,
                    content.line_of(("registration", "deadline")),
                    "registration.deadline",
                    f"Registration closes ({registration['deadline']}) after the "
                    f"event starts ({data['start']})",
                    wording=wording(
                        "registration_after_start",
                        deadline=registration["deadline"],
                        start=data["start"],
                    ),
                )
            )
    finished = end or start
    took_place = data.get("status", "scheduled") in ("scheduled", "moved_online")
    if finished and took_place and "report" not in data and ("status",) not in skip:
        day = finished[0].date()
        if (today - day).days > REPORT_GRACE_DAYS:
            key = "end" if end else "start"
            issues.append(
                Issue(
                    rules.EVENT_REPORT_MISSING,
                    content.line_of((key,)),
                    "report",
                    f"The event was on {day.isoformat()} and its page has no `report:`",
                    wording=wording("report_missing", day=day.isoformat()),
                )
            )
    return issues


def _heritage_issues(content: ContentText, prose: str, lines: _Lines) -> list[Issue]:
    data = content.data or {}
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    declared: dict[str, int] = {}
    issues: list[Issue] = []
    for number, source in enumerate(sources):
        if isinstance(source, dict) and isinstance(source.get("id"), str):
            if source["id"] in declared:
                issues.append(
                    Issue(
                        rules.INVALID_VALUE,
                        content.line_of(("sources", number, "id")),
                        f"sources.{number}.id",
                        f"Two sources have the id `{source['id']}`",
                        "Give each source its own id.",
                        wording("source_id_twice", id=source["id"]),
                    )
                )
            declared.setdefault(source["id"], number)
    cited: set[str] = set()
    for marker in CITATION_RE.finditer(prose):
        for source_id in re.findall(r"@([A-Za-z0-9][A-Za-z0-9_-]*)", marker.group(0)):
            cited.add(source_id)
            if source_id not in declared:
                close = difflib.get_close_matches(source_id, list(declared), n=1, cutoff=0.6)
                hint = f"Did you mean `{close[0]}`? " if close else ""
                issues.append(
                    Issue(
                        rules.UNKNOWN_CITATION,
                        lines(marker.start()),
                        "",
                        f"The citation `[@{source_id}]` names no source in `sources:`",
                        f"{hint}{rules.UNKNOWN_CITATION.fix}",
                        wording(
                            "unknown_citation",
                            id=source_id,
                            hint=wording("did_you_mean", close=close[0]) if close else "",
                        ),
                    )
                )
    for source_id, number in declared.items():
        if source_id not in cited and "TODO(" not in source_id:
            issues.append(
                Issue(
                    rules.UNCITED_SOURCE,
                    content.line_of(("sources", number)),
                    f"sources.{number}",
                    f"The source `{source_id}` is never cited as `[@{source_id}]`",
                    wording=wording("source_not_cited", id=source_id),
                )
            )
    return issues


def _same_name_elsewhere(name: str, index: TreeIndex) -> str | None:
    """The nearest-to-the-top file (or page, by its neutral name) called `name`, if any."""
    if name.endswith(".md"):
        neutral = split_language_suffix(name)[0]
        found = [key for key in index.md_variants if key.rpartition("/")[2] == neutral]
    else:
        found = [path for path in index.files if path.rpartition("/")[2] == name]
    return min(found, key=lambda path: (path.count("/"), path)) if found else None


def _missing_file_issue(
    rule: Rule,
    line: int,
    field_name: str,
    written: str,
    resolved: str,
    index: TreeIndex,
    page_dir: str | None = None,
) -> Issue:
    directory, _, name = resolved.rpartition("/")
    # A story is read as if it sat in `docs/stories/<slug>/`: only a path inside a story's
    # folder is in `stories/`, and `stories/about.md` is really `docs/stories/about.md`.
    in_story_folder = resolved.startswith("stories/") and resolved.count("/") >= 2
    where = resolved if in_story_folder else f"docs/{resolved}"
    candidates = index.names_in_dir.get(directory, [])
    neutral_candidates = sorted({split_language_suffix(candidate)[0] for candidate in candidates})
    close = difflib.get_close_matches(name, [*candidates, *neutral_candidates], n=1, cutoff=0.6)
    suggested = close[0] if close else None
    elsewhere = None if close or page_dir is None else _same_name_elsewhere(name, index)
    if elsewhere is not None:
        # A page linked as if it sat next to this one: give the path from here.
        suggested = posixpath.relpath(elsewhere, page_dir or ".")
    hint = f"Did you mean `{suggested}`? " if suggested else ""
    hint_wording: str | Wording = wording("did_you_mean", close=suggested) if suggested else ""
    what = "image" if rule is rules.BROKEN_IMAGE else "link"
    said = (
        wording("image_missing", target=_short(written, 80), where=where, hint=hint_wording)
        if rule is rules.BROKEN_IMAGE
        else wording("link_missing", target=_short(written, 80), where=where, hint=hint_wording)
    )
    return Issue(
        rule,
        line,
        field_name,
        f"The {what} `{_short(written, 80)}` points to `{where}`, which does not exist",
        f"{hint}{rule.fix}",
        said,
    )


def _absolute_link_fix(
    path: str, fragment: str, directory: str, index: TreeIndex
) -> tuple[str, Wording]:
    """LRP033's advice, as a link from this file's own folder (a story sits two folders down)."""
    words = [word for word in path.strip("/").split("/") if word]
    if words and words[0] in LANGUAGE_CODES:
        words = words[1:]
    stem = "/".join(words)
    pages = [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
    page = next((page for page in pages if page in index.md_variants), None)
    anchor = f"#{fragment}" if fragment else ""
    if page is not None:
        link = f"{posixpath.relpath(page, directory or '.')}{anchor}"
        return (
            f"Link to the Markdown file instead: `{link}`; the site turns it into the right "
            "address in every language.",
            wording("link_the_file", link=link),
        )
    example = posixpath.relpath("about.md", directory or ".")
    return (
        f"Link to the Markdown file instead, e.g. `{example}` for the About page; the site "
        "turns it into the right address in every language.",
        wording("link_a_file_like", example=example),
    )


def _unsafe_url(target: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(target)).lower()
    return cleaned.startswith(_UNSAFE_SCHEMES)


def _link_issues(
    targets: Iterable[tuple[str, int]],
    place: ContentPath,
    index: TreeIndex,
    anchor_links: list[tuple[str, str, int, str]] | None = None,
) -> list[Issue]:
    """Problems of the links; links into a part of a page are added to `anchor_links`."""
    issues: list[Issue] = []
    directory = place.docs_path.rpartition("/")[0]
    for written, line in targets:
        target = written.strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1].strip()
        if not target:
            continue
        if _unsafe_url(target):
            issues.append(
                Issue(
                    rules.UNSAFE_URL,
                    line,
                    "",
                    f"The address `{_short(target, 40)}` can run code or hide content",
                    wording=wording("unsafe_address", address=_short(target, 40)),
                )
            )
            continue
        lowered = target.lower()
        if (
            _WINDOWS_PATH_RE.match(target)
            or lowered.startswith("file:")
            or (lowered.startswith(_FILESYSTEM_ROOTS))
        ):
            issues.append(
                Issue(
                    rules.OUTSIDE_REPOSITORY,
                    line,
                    "",
                    f"`{_short(target, 60)}` is a file on a computer, not on the site",
                    wording=wording("file_on_a_computer", target=_short(target, 60)),
                )
            )
            continue
        if target.startswith("#"):
            if anchor_links is not None and len(target) > 1:
                anchor_links.append(("", unquote(target[1:]), line, target))
            continue
        if _insecure(target):
            issues.append(_insecure_issue(target, line, ""))
            continue
        if _SCHEME_RE.match(target) or target.startswith("//"):
            continue  # web addresses, mailto:, tel:
        parts = urlsplit(target)
        path = unquote(parts.path)
        if not path:
            continue
        if path.startswith("/"):
            fix, fix_wording = _absolute_link_fix(path, parts.fragment, directory, index)
            issues.append(
                Issue(
                    rules.ABSOLUTE_SITE_LINK,
                    line,
                    "",
                    f"`{_short(target, 60)}` starts with `/`, so it breaks in the "
                    "other languages and in previews",
                    fix,
                    wording("absolute_link", target=_short(target, 60), fix=fix_wording),
                )
            )
            continue
        resolved = posixpath.normpath(posixpath.join(directory, path))
        if resolved == ".." or resolved.startswith("../"):
            depth = len(re.match(r"^(?:\.\.(?:/|$))+", resolved).group().rstrip("/").split("/"))
            if depth >= 2:
                issues.append(
                    Issue(
                        rules.OUTSIDE_REPOSITORY,
                        line,
                        "",
                        f"`{_short(target, 60)}` leads outside the project",
                        wording=wording("outside_project", target=_short(target, 60)),
                    )
                )
            elif resolved.startswith("../stories/"):
                # Stories are published as if they were in docs/stories/.
                better = posixpath.relpath(resolved[len("../") :], directory or ".")
                issues.append(
                    Issue(
                        rules.BROKEN_LINK,
                        line,
                        "",
                        f"`{_short(target, 60)}` links to a story by its folder in "
                        "the project, which the site does not use",
                        f"Write `{better}`: stories are linked as if they were in `docs/stories/`.",
                        wording("story_by_folder", target=_short(target, 60), better=better),
                    )
                )
            else:
                issues.append(
                    Issue(
                        rules.BROKEN_LINK,
                        line,
                        "",
                        f"`{_short(target, 60)}` points outside `docs/`, which the "
                        "site does not publish",
                        "Link to a page or file inside `docs/` (one `../` fewer?).",
                        wording("outside_docs", target=_short(target, 60)),
                    )
                )
            continue
        if resolved == ".":
            resolved = ""
        if resolved in index.story_files:
            issues.append(_story_folder_file_issue(target, resolved, line))
            continue
        if _target_exists(resolved, path, index):
            if anchor_links is not None and parts.fragment:
                page = f"{resolved}/index.md".lstrip("/") if resolved in index.dirs else resolved
                if page.endswith(".md"):
                    anchor_links.append((page, unquote(parts.fragment), line, target))
            continue
        rule = (
            rules.BROKEN_IMAGE
            if posixpath.splitext(path)[1].lower() in _IMAGE_SUFFIXES
            else rules.BROKEN_LINK
        )
        issues.append(_missing_file_issue(rule, line, "", target, resolved, index, directory))
    return issues


def _insecure(address: str) -> bool:
    if address[:7].lower() != "http://":
        return False
    host = (urlsplit(address).hostname or "").lower()
    return host not in ("localhost", "127.0.0.1", "::1")


def _insecure_issue(address: str, line: int, field_name: str) -> Issue:
    return Issue(
        rules.INSECURE_LINK,
        line,
        field_name,
        f"`{_short(address, 60)}` is an unencrypted `http://` address",
        wording=wording("insecure_address", address=_short(address, 60)),
    )


def _front_matter_address_issues(content: ContentText) -> list[Issue]:
    """`http://` addresses in the front matter (registration forms, online rooms, sources)."""
    issues: list[Issue] = []
    stack: list[tuple[KeyPath, Any]] = [((), content.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, number), item) for number, item in enumerate(value))
        elif isinstance(value, str) and _insecure(value.strip()):
            issues.append(_insecure_issue(value.strip(), content.line_of(path), dotted(path)))
    return sorted(issues, key=lambda issue: issue.line)


def _story_folder_file_issue(written: str, resolved: str, line: int) -> Issue:
    name = resolved.rpartition("/")[2]
    if posixpath.splitext(name)[1].lower() in _IMAGE_SUFFIXES:
        return Issue(
            rules.STORY_FOLDER_FILE,
            line,
            "",
            f"`{_short(written, 60)}` is a photo in a story folder, which the site shows "
            "only from the front matter, not from the text",
            wording=wording("story_photo_in_text", target=_short(written, 60)),
        )
    return Issue(
        rules.STORY_FOLDER_FILE,
        line,
        "",
        f"`{_short(written, 60)}` links to a file of a story folder, which the site "
        "does not publish",
        "Put the file in `docs/assets/` and link it from there, or list a photo under "
        "`images:` in the front matter.",
        wording("story_file_linked", target=_short(written, 60)),
    )


def _external_media_issues(prose: str, lines: _Lines) -> list[Issue]:
    issues = []
    for match in _EXTERNAL_MEDIA_RE.finditer(prose):
        address = match.group(1) if match.group(1) is not None else match.group(2)
        start = match.start(1) if match.group(1) is not None else match.start(2)
        issues.append(
            Issue(
                rules.EXTERNAL_IMAGE,
                lines(start),
                "",
                f"`{_short(address, 60)}` would load a picture from another website",
                wording=wording("external_picture", address=_short(address, 60)),
            )
        )
    return issues


def _target_exists(resolved: str, written_path: str, index: TreeIndex) -> bool:
    if resolved in index.files or resolved in index.dirs:
        return True
    if resolved.endswith(".md"):
        directory, _, name = resolved.rpartition("/")
        neutral, suffix = split_language_suffix(name)
        if suffix is not None:
            return False  # `about.en.md` means exactly that file, which is not there
        # `about.md` finds `about.lv.md`, `about.en.md`... as the i18n build does.
        key = f"{directory}/{neutral}" if directory else neutral
        return bool(index.md_variants.get(key))
    return written_path.endswith("/") and resolved in index.dirs


def _body_scan(
    content: ContentText,
    place: ContentPath,
    index: TreeIndex,
    anchor_links: list[tuple[str, str, int, str]] | None = None,
) -> tuple[list[Issue], str, _Lines, bool]:
    body = content.body
    prose = blank_code_and_comments(body)
    lines = _Lines(body, content.body_line)
    issues: list[Issue] = []

    targets: list[tuple[str, int]] = []
    if "](" in prose:
        targets.extend((m.group(1), lines(m.start())) for m in _LINK_TARGET_RE.finditer(prose))
    if "]:" in prose:
        targets.extend(
            (m.group(1), lines(m.start())) for m in _REFERENCE_DEFINITION_RE.finditer(prose)
        )
    if "<" in prose or "{" in prose:
        for match in _HTML_URL_ATTRIBUTE_RE.finditer(prose):
            value = match.group(2).strip("\"'")
            if match.group(1).lower() in _UNSAFE_ELEMENTS and not _unsafe_url(value):
                continue  # the element itself is reported; its address does not matter
            targets.append((value.split()[0] if value.strip() else value, lines(match.end())))
        for match in _UNSAFE_ELEMENT_RE.finditer(prose):
            issues.append(
                Issue(
                    rules.UNSAFE_HTML,
                    lines(match.start()),
                    "",
                    f"`<{match.group(1).lower()}>` is not allowed in the text",
                    wording=wording("unsafe_element", element=match.group(1).lower()),
                )
            )
        for match in _EVENT_ATTRIBUTE_RE.finditer(prose):
            attribute = (match.group(1) or match.group(2)).lower()
            issues.append(
                Issue(
                    rules.UNSAFE_HTML,
                    lines(match.start(1) if match.group(1) else match.start(2)),
                    "",
                    f"The event attribute `{attribute}=` is not allowed",
                    wording=wording("event_attribute", attribute=attribute),
                )
            )
        for match in _ATTR_LIST_URL_RE.finditer(prose):
            value = match.group(1).strip("\"'")
            if _unsafe_url(value):
                targets.append((value, lines(match.start(1))))
    issues.extend(_link_issues(targets, place, index, anchor_links))
    has_images = bool(_MARKDOWN_IMAGE_RE.search(prose))
    if has_images or "<source" in prose or "<video" in prose:
        issues.extend(_external_media_issues(prose, lines))
    return issues, prose, lines, has_images


def _front_matter_terminology(content: ContentText, language: str) -> list[Issue]:
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


def check_file(path: Path, place: ContentPath, index: TreeIndex, today: dt.date) -> FileResult:
    """Every per-file rule on one content file."""
    result = FileResult(place)
    issues: list[Issue] = _name_issues(place)
    size = path.stat().st_size
    if size > MARKDOWN_LIMIT:
        issues.append(
            Issue(
                rules.FILE_TOO_LARGE,
                1,
                "",
                f"The file is {size // 1024} kB; the limit is {MARKDOWN_LIMIT // 1024} kB",
                wording=wording("file_too_large", size=size // 1024, limit=MARKDOWN_LIMIT // 1024),
            )
        )
    if size > UNREADABLE_SIZE:
        result.findings = _issue_findings(place.rel, issues)
        return result
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        issues.append(
            Issue(
                rules.NOT_UTF8,
                line,
                "",
                "The file is not saved as UTF-8 (first unreadable character on this line)",
                wording=wording("not_utf8"),
            )
        )
        result.findings = _issue_findings(place.rel, issues)
        return result

    content = parse_content(text)
    issues.extend(content.issues)
    issues.extend(impossible_dates(content))
    body_issues, prose, lines, has_images = _body_scan(content, place, index, result.anchor_links)
    issues.extend(body_issues)
    from hooks import anchors  # Python-Markdown's slugify; anchors imports this module

    result.heading_anchors = anchors.plain_heading_anchors(prose)
    if place.kind == "page" and place.docs_path.startswith("heritage/index."):
        result.page_links = _linked_page_stems(prose)
    placeholder_issues, skip = _placeholder_issues(content, prose)
    issues.extend(placeholder_issues)
    if isinstance(content.data, dict):
        result.data = content.data
        result.consent_line = content.line_of(("consent",))
        result.images_line = content.line_of(("images",))
        # A story saved under the wrong name would only collect "not a field of a page" errors
        # for every story field; the name is the one thing to fix.
        if not place.misplaced:
            issues.extend(schema_issues(content, place.kind, skip))
        issues.extend(_translation_issues(content, place))
        issues.extend(_long_text_issues(content, skip))
        issues.extend(_markup_in_title_issues(content, skip))
        issues.extend(_comment_cut_issues(content, skip))
    if isinstance(content.data, dict):
        issues.extend(_front_matter_address_issues(content))
        if place.kind == "story":
            issues.extend(_story_issues(content, place, index, today, skip, has_images))
            result.photos = _existing_photos(content, place, index, skip)
            result.shared_fields = _story_shared_fields(content, skip)
        elif place.kind == "event":
            issues.extend(_event_issues(content, skip, today))
            result.shared_fields = _event_shared_fields(content, skip)
        elif place.kind == "heritage":
            issues.extend(_heritage_issues(content, prose, lines))
    # A file named for a language the site does not have (LRP010) has no language to compare;
    # `index.EN.md` is meant to be English, whatever the build would take it for.
    if (language := _intended_language(place)) in _LANGUAGE_NAMES:
        issues.extend(_text_language_issues(prose, language, content.body_line))
    if language in ("lv", "en"):
        issues.extend(terminology.body_issues(prose, content.body, language, content.body_line))
        if isinstance(content.data, dict):
            issues.extend(_front_matter_terminology(content, language))
    result.findings = _issue_findings(place.rel, issues)
    return result


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
_LANGUAGE_NAMES = {"lv": "Latvian", "en": "English", "rml": "Romani"}
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


def _intended_language(place: ContentPath) -> str | None:
    if place.suffix is None:
        name = place.rel.rsplit("/", 1)[-1]
        capitalised = _STEM_LANGUAGE_RE.search(name.removesuffix(".md"))
        if capitalised and capitalised.group(1).lower() in LANGUAGE_CODES:
            return capitalised.group(1).lower()
    return place.language


def _text_language_issues(prose: str, language: str, body_line: int) -> list[Issue]:
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
        f"This {_LANGUAGE_NAMES[language]} page's text looks {_LANGUAGE_NAMES[likeliest]}: "
        f"{shares[likeliest]:.0%} of its words are common {_LANGUAGE_NAMES[likeliest]} words "
        f"(such as {examples}), {shares[language]:.0%} are common "
        f"{_LANGUAGE_NAMES[language]} ones"
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


# -- rules across files -------------------------------------------------------------------------


def _slug_key(slug: str) -> str:
    return unicodedata.normalize("NFC", slug).casefold()


def _cross_file_findings(results: list[FileResult]) -> list[Finding]:
    findings: list[Finding] = []

    by_url: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        url = result.path.url
        if url is not None:
            by_url[url.casefold()].append(result)
    for same in by_url.values():
        if len(same) < 2:
            continue
        for result in same:
            others = ", ".join(other.path.rel for other in same if other is not result)
            findings.append(
                finding(
                    result.path.rel,
                    Issue(
                        rules.DUPLICATE_URL,
                        1,
                        "",
                        f"This file and {others} would both be published at /{result.path.url}",
                        wording=wording("same_address", others=others, url=result.path.url),
                    ),
                )
            )

    by_slug: dict[tuple[str, str], dict[str, list[FileResult]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for result in results:
        place = result.path
        if place.slug is None:
            continue
        by_slug[(place.kind, _slug_key(place.slug))][place.neutral_docs_path].append(result)
    for (kind, _), by_folder in by_slug.items():
        if len(by_folder) < 2:
            continue
        for neutral, same in by_folder.items():
            others = ", ".join(
                sorted(
                    other.path.rel
                    for key, group in by_folder.items()
                    if key != neutral
                    for other in group
                )
            )
            for result in same:
                findings.append(
                    finding(
                        result.path.rel,
                        Issue(
                            rules.DUPLICATE_SLUG,
                            1,
                            "",
                            f"{_KIND_NAMES[kind].capitalize()} with the same slug "
                            f"`{result.path.slug}` is in {others}",
                            wording=wording(
                                "same_slug", kind=kind, slug=result.path.slug, others=others
                            ),
                        ),
                    )
                )

    stories: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        if (
            result.path.kind == "story"
            and result.data
            and isinstance(result.data.get("consent"), dict)
        ):
            stories[result.path.docs_path.rpartition("/")[0]].append(result)
    for versions in stories.values():
        if len(versions) < 2:
            continue
        versions.sort(key=lambda r: (r.path.language != DEFAULT_LANGUAGE, r.path.rel))
        # The block most versions share is the reference (the Latvian one on a tie), so that a
        # slip in one file is reported on that file, not on the ones that are right.
        shared = Counter(repr(sorted(v.data["consent"].items())) for v in versions)  # type: ignore[index]
        most = max(shared.values())
        reference = next(
            v
            for v in versions
            if shared[repr(sorted(v.data["consent"].items()))] == most  # type: ignore[index]
        )
        reference_consent = reference.data["consent"]  # type: ignore[index]
        for other in versions:
            if other is reference:
                continue
            consent = other.data["consent"]  # type: ignore[index]
            differing = sorted(
                key
                for key in set(consent) | set(reference_consent)
                if consent.get(key) != reference_consent.get(key)
            )
            if differing:
                findings.append(
                    finding(
                        other.path.rel,
                        Issue(
                            rules.CONSENT_MISMATCH,
                            other.consent_line,
                            "consent",
                            f"`consent` differs from {reference.path.rel} in: "
                            f"{', '.join(differing)}",
                            "Make the `consent:` block the same in every language version, as the "
                            "consent record says.",
                            # The fix is the rule's own, which the rule's text already gives.
                            wording(
                                "consent_differs",
                                reference=reference.path.rel,
                                fields=", ".join(differing),
                            ),
                        ),
                    )
                )
    return findings


# What a story folder must not hold (LRP069): never published, and likely personal data.
_PRIVATE_DOCUMENT_SUFFIXES = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".txt",
        ".pages",
        ".xls",
        ".xlsx",
        ".ods",
        ".csv",
        ".mp3",
        ".wav",
        ".m4a",
        ".ogg",
        ".opus",
        ".flac",
        ".aac",
        ".mp4",
        ".mov",
        ".avi",
        ".mkv",
        ".webm",
        ".zip",
        ".7z",
        ".rar",
        ".tar",
        ".gz",
        ".eml",
        ".msg",
        ".vcf",
    }
)
# `index.en`, `index.en.txt`, `index.en.docx`: a story's text saved under the wrong name.
_MISNAMED_TEXT_RE = re.compile(r"index\.(lv|en|rml)(?:\.\w+)?", re.IGNORECASE)


def _listed_images(result: FileResult) -> set[str]:
    images = (result.data or {}).get("images")
    return {
        image["file"]
        for image in (images if isinstance(images, list) else [])
        if isinstance(image, dict) and isinstance(image.get("file"), str)
    }


def _story_folder_findings(results: list[FileResult], project_root: Path) -> list[Finding]:
    """LRP006, LRP068, LRP069: the files of a story folder besides its texts."""
    findings: list[Finding] = []
    by_folder: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        if result.path.kind == "story":
            by_folder[result.path.rel.rpartition("/")[0]].append(result)
    for folder, versions in sorted(by_folder.items()):
        try:
            entries = list(os.scandir(project_root / folder))
        except OSError:
            continue
        texts = {entry.name for entry in entries if entry.name.endswith(".md")}
        # Which photos are listed is known only when every text was read (a check of some
        # files, or a text whose front matter does not parse, would make others look unused).
        listed: set[str] | None = None
        if texts <= {v.path.rel.rpartition("/")[2] for v in versions} and all(
            v.data is not None for v in versions
        ):
            listed = set().union(*map(_listed_images, versions))
        for entry in sorted(entries, key=lambda item: item.name):
            name = entry.name
            if name.endswith(".md") or name.startswith(".") or not entry.is_file():
                continue
            rel = f"{folder}/{name}"
            if _MARKDOWN_LIKE_RE.search(name):
                continue  # LRP016 (misnamed_file_findings) says how to rename it
            suffix = os.path.splitext(name)[1].lower()
            text = None if suffix in _IMAGE_SUFFIXES else _MISNAMED_TEXT_RE.fullmatch(name)
            if text:
                findings.append(
                    finding(
                        rel,
                        Issue(
                            rules.UNUSED_STORY_FILE,
                            1,
                            "",
                            f"`{name}` is not read as the story's text, so it is not published",
                            f"If it is the story, save it as plain text named "
                            f"`index.{text.group(1).lower()}.md`; otherwise delete it.",
                            wording(
                                "story_text_misnamed",
                                name=name,
                                file=f"index.{text.group(1).lower()}.md",
                            ),
                        ),
                    )
                )
                continue
            if suffix in _PRIVATE_DOCUMENT_SUFFIXES:
                findings.append(
                    finding(
                        rel,
                        Issue(
                            rules.PRIVATE_DOCUMENT,
                            1,
                            "",
                            f"`{name}` is not published, and a document or recording in the "
                            "repository "
                            "may hold personal data (a consent form, notes, an interview)",
                            wording=wording("private_document", name=name),
                        ),
                    )
                )
                continue
            size = entry.stat().st_size
            if size > STORY_IMAGE_LIMIT:
                findings.append(
                    finding(
                        rel,
                        Issue(
                            rules.IMAGE_TOO_LARGE,
                            1,
                            "",
                            f"The image is {size / 1024 / 1024:.1f} MB; the limit is "
                            f"{STORY_IMAGE_LIMIT // 1024 // 1024} MB",
                            wording=wording(
                                "image_too_large",
                                size=rules.decimal_comma(size / 1024 / 1024, 1),
                                limit=STORY_IMAGE_LIMIT // 1024 // 1024,
                            ),
                        ),
                    )
                )
            if listed is not None and name not in listed:
                photo = suffix in _IMAGE_SUFFIXES
                findings.append(
                    finding(
                        rel,
                        Issue(
                            rules.UNUSED_STORY_FILE,
                            1,
                            "",
                            f"The {'photo' if photo else 'file'} `{name}` is not listed under "
                            "`images:` "
                            "in any language version, so it is not published",
                            (
                                "List it under `images:` in every language version, with its alt "
                                "text, "
                                "or delete it."
                                if photo
                                else "Delete it: the site publishes only the "
                                "story's texts and the photos listed under `images:`."
                            ),
                            wording("unused_photo", name=name)
                            if photo
                            else wording("unused_file", name=name),
                        ),
                    )
                )
    return findings


def _photo_findings(results: list[FileResult], project_root: Path) -> list[Finding]:
    """What the build would refuse in each photo, reported once, where the first text names it."""
    from hooks import images  # Pillow: only when a story has photos

    first_listing: dict[str, tuple[str, int, str]] = {}
    for result in results:
        folder = result.path.rel.rpartition("/")[0]
        for name, line, field_name in result.photos:
            first_listing.setdefault(f"{folder}/{name}", (result.path.rel, line, field_name))
    # Only the header is read (about 0.16 ms a photo, 1,000 photos in 0.16 s with a cold disk
    # cache; threads gain nothing, as Pillow parses the header holding the GIL).
    findings: list[Finding] = []
    for photo, (rel, line, field_name) in first_listing.items():
        for problem in images.validate_source_image(project_root / photo):
            # Size on disk is LRP006's, for every file of the folder; a missing file LRP031's.
            if problem.rule_id in ("", rules.IMAGE_TOO_LARGE.id, rules.BROKEN_IMAGE.id):
                continue
            problem_text, _, fix = problem.message.partition(": ")
            findings.append(
                finding(
                    rel,
                    Issue(
                        rules.rule_by_id(problem.rule_id),
                        line,
                        field_name,
                        problem_text,
                        f"{fix[:1].upper()}{fix[1:]}." if fix else "",
                        problem.wording,
                    ),
                )
            )
    return findings


def _anchor_target(page: str, source: ContentPath, pages: dict[str, str]) -> str | None:
    """The project file a reader of `source` gets for the page `page` (from docs/)."""
    if not page:
        return source.rel
    directory, _, name = page.rpartition("/")
    neutral, suffix = split_language_suffix(name)
    if suffix is not None:
        return pages.get(page)
    stem = neutral[: -len(".md")]
    prefix = f"{directory}/{stem}" if directory else stem
    language = source.language or DEFAULT_LANGUAGE
    # The reader's language first, then the Latvian page the build falls back to.
    candidates = [f"{prefix}.{language}.md"]
    if language == DEFAULT_LANGUAGE:
        candidates.append(f"{prefix}.md")
    candidates += [f"{prefix}.{DEFAULT_LANGUAGE}.md", f"{prefix}.md"]
    return next((pages[c] for c in candidates if c in pages), None)


def _anchor_findings(
    results: list[FileResult], project_root: Path, index: TreeIndex
) -> list[Finding]:
    if not any(result.anchor_links for result in results):
        return []
    from hooks import anchors  # Python-Markdown: only when some link points into a page

    pages = {rel[len("docs/") :] if rel.startswith("docs/") else rel: rel for rel in index.content}
    mkdocs_yml = project_root / "mkdocs.yml"
    headings = (
        {result.path.rel: result.heading_anchors for result in results}
        if anchors.plain_headings_apply(mkdocs_yml)
        else {}
    )
    findings: list[Finding] = []
    for result in results:
        for page, anchor, line, written in result.anchor_links:
            target = _anchor_target(page, result.path, pages)
            if target is None:
                continue  # a page the build makes itself (story lists), whose anchors vary
            if anchor in headings.get(target, ()):
                continue
            language = classify(target).language or DEFAULT_LANGUAGE
            if anchors.has_anchor(project_root / target, anchor, language, mkdocs_yml):
                continue
            present = anchors.anchors_of_file(project_root / target, language, mkdocs_yml)
            named = [a for a in present if not a.startswith(("fn:", "fnref:", "cite-"))]
            close = difflib.get_close_matches(anchor, named, n=1, cutoff=0.6)
            hint = f"Did you mean `#{close[0]}`? " if close else ""
            # The rule's fix is printed with the rule's text already; only the hint is this case's.
            hint_wording = wording("did_you_mean", close=f"#{close[0]}") if close else ""
            if target == result.path.rel:
                problem = (
                    f"The link `{_short(written, 60)}` names no heading or anchor of this page"
                )
                said = wording("anchor_not_here", link=_short(written, 60), hint=hint_wording)
            else:
                problem = (
                    f"The link `{_short(written, 60)}` leads to `#{_short(anchor, 40)}`, "
                    f"which `{target}` does not have"
                )
                said = wording(
                    "anchor_not_there",
                    link=_short(written, 60),
                    anchor=_short(anchor, 40),
                    target=target,
                    hint=hint_wording,
                )
            findings.append(
                finding(
                    result.path.rel,
                    Issue(
                        rules.MISSING_ANCHOR,
                        line,
                        "",
                        problem,
                        f"{hint}{rules.MISSING_ANCHOR.fix}",
                        said,
                    ),
                )
            )
    return findings


# -- entry points -------------------------------------------------------------------------------


def _relative(path: Path, project_root: Path) -> str | None:
    absolute = path if path.is_absolute() else project_root / path
    try:
        rel = absolute.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return None
    top = rel.split("/", 1)[0]
    if top not in CONTENT_FOLDERS or not rel.endswith(".md"):
        return None
    if any(rel.startswith(skipped + "/") for skipped in SKIPPED_FOLDERS):
        return None
    return rel


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200


def _internal_error(rel: str, error: Exception) -> FileResult:
    return FileResult(
        classify(rel),
        [
            finding(
                rel,
                Issue(
                    rules.INTERNAL_ERROR,
                    1,
                    "",
                    f"Internal error while checking this file ({type(error).__name__}: "
                    f"{_short(error, 120)})",
                    wording=wording(
                        "internal_error", detail=f"{type(error).__name__}: {_short(error, 120)}"
                    ),
                ),
            )
        ],
    )


def _check_one(rel: str, project_root: Path, index: TreeIndex, today: dt.date) -> FileResult:
    try:
        return check_file(project_root / rel, classify(rel), index, today)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the check
        return _internal_error(rel, error)


# What forked workers check against, inherited from the parent (never pickled).
_WORKER_STATE: tuple[Path, TreeIndex, dt.date] | None = None


def _set_worker_state(project_root: Path, index: TreeIndex, today: dt.date) -> None:
    global _WORKER_STATE
    _WORKER_STATE = (project_root, index, today)


def _check_in_worker(rel: str) -> FileResult:
    assert _WORKER_STATE is not None
    return _check_one(rel, *_WORKER_STATE)


def _check_each(
    rels: list[str], project_root: Path, index: TreeIndex, today: dt.date, jobs: int
) -> list[FileResult]:
    """Check the files in order, in `jobs` processes when there are enough of them.

    The check is CPU-bound Python (YAML, JSON Schema, terminology), so threads would not help.
    Workers are forked, so they start without importing anything again; only the file names go
    to them and the results come back pickled.
    """
    if jobs <= 1 or len(rels) < PARALLEL_MIN_FILES or "fork" not in mp.get_all_start_methods():
        return [_check_one(rel, project_root, index, today) for rel in rels]
    context = mp.get_context("fork")
    with context.Pool(
        jobs, initializer=_set_worker_state, initargs=(project_root, index, today)
    ) as pool:
        return pool.map(_check_in_worker, rels, chunksize=max(1, len(rels) // (jobs * 8)))


def _check(
    rels: list[str],
    project_root: Path,
    index: TreeIndex,
    today: dt.date | None,
    cache_file: Path | None = None,
    jobs: int = 1,
) -> list[Finding]:
    today = today or build_date()  # the date the build publishes as, SOURCE_DATE_EPOCH included
    results: list[FileResult] = []
    cached: dict[str, FileResult] = {}
    kept: dict[str, FileResult] = {}
    context = ""
    if cache_file is not None:
        cached = check_cache.load(cache_file)
        context = (
            check_cache.tree_fingerprint(index.files)
            + check_cache.rules_fingerprint(project_root)
            + today.isoformat()
        )
    to_check: list[str] = []
    keys: dict[str, str] = {}
    slots: list[str | FileResult] = []  # a kept result, or the file still to check
    for rel in rels:
        if cache_file is not None:
            try:
                # An unchanged file is not read again (hooks/file_digests.py).
                key = file_digests.derived(
                    project_root / rel,
                    f"check-key:{rel}:{context}",
                    functools.partial(check_cache.file_key, rel, context=context),
                )
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the check
                slots.append(_internal_error(rel, error))
                continue
            keys[rel] = key
            if key in cached:
                slots.append(kept.setdefault(key, cached[key]))
                continue
        to_check.append(rel)
        slots.append(rel)
    checked = dict(
        zip(to_check, _check_each(to_check, project_root, index, today, jobs), strict=True)
    )
    for slot in slots:
        if isinstance(slot, str):
            result = checked[slot]
            if slot in keys:
                kept[keys[slot]] = result
            slot = result
        results.append(slot)
    if cache_file is not None:
        check_cache.save(cache_file, kept)
    findings = [item for result in results for item in result.findings]
    try:
        findings.extend(_cross_file_findings(results))
        findings.extend(_version_mismatch_findings(results))
        findings.extend(_photos_mismatch_findings(results))
        findings.extend(_heritage_listing_findings(results))
        findings.extend(_story_folder_findings(results, project_root))
        findings.extend(_photo_findings(results, project_root))
        findings.extend(_anchor_findings(results, project_root, index))
        findings = _without_reminders_answered_elsewhere(findings)
    except Exception as error:  # noqa: BLE001
        findings.append(
            Finding(
                rels[0] if rels else ".",
                1,
                rules.INTERNAL_ERROR.id,
                "error",
                "",
                f"Internal error in the checks across files ({type(error).__name__}: "
                f"{_short(error, 120)}). {rules.INTERNAL_ERROR.fix}",
                wording(
                    "internal_error_across_files",
                    detail=f"{type(error).__name__}: {_short(error, 120)}",
                ),
            )
        )
    return sorted(set(findings))


def check_files(
    paths: Iterable[Path], project_root: Path, *, today: dt.date | None = None, jobs: int = 1
) -> list[Finding]:
    """Check the given content files; links are resolved against the whole project.

    Rules across files (duplicate slugs and addresses, consent of a story's language versions)
    compare only the given files. Paths outside docs/ and stories/ are ignored.
    """
    project_root = Path(project_root)
    index = build_index(project_root)
    rels = sorted({rel for path in paths if (rel := _relative(Path(path), project_root))})
    return _check(rels, project_root, index, today, jobs=jobs)


def check_project(
    project_root: Path,
    *,
    today: dt.date | None = None,
    cache_file: Path | None = None,
    jobs: int = 1,
    index: TreeIndex | None = None,
) -> list[Finding]:
    """Check every content file of the project (`index`: its build_index, when already made).

    With `cache_file` (the build's), results of files unchanged since the last build are reused
    (see hooks/check_cache.py); the findings are the same either way. With `jobs` > 1, a large
    set of files is checked in that many processes; the findings are the same too.
    """
    project_root = Path(project_root)
    if index is None:
        index = build_index(project_root)
    findings = _check(index.content, project_root, index, today, cache_file, jobs)
    return sorted(set(findings) | set(misnamed_file_findings(index)))


def misnamed_file_findings(index: TreeIndex) -> list[Finding]:
    """A file named like Markdown but not `.md` is either built unchecked or left out."""
    findings = []
    for rel in index.misnamed:
        name = rel.rsplit("/", 1)[-1]
        stem = _MARKDOWN_LIKE_RE.sub("", name)
        findings.append(
            finding(
                rel,
                Issue(
                    rules.MARKDOWN_EXTENSION,
                    1,
                    "",
                    f"`{name}` is not read as content, because it does not end in `.md`",
                    f"Rename it to `{stem}.md`.",
                    wording("not_md", name=name, fix=wording("rename_to", name=f"{stem}.md")),
                ),
            )
        )
    return findings


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(item.severity == "error" for item in findings)


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(rules.SEVERITIES, 0)
    for item in findings:
        counts[item.severity] += 1
    return counts
