"""Reading a content file the way an editor meant it, and noting every problem on the way.

Editors' files arrive from Word, Google Docs, phones and Windows editors: a byte-order mark,
CRLF line ends and decomposed letters (a + combining macron) are normal and silently fixed.
Real problems in the front matter become `Issue`s with the line inside the whole file, so that
an editor can jump to it.

The YAML is read with the same safe reader MkDocs uses (LibYAML when present), composed into
nodes first so that every key's line is known and unsafe tags are dropped before anything is
constructed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hooks import file_digests, rules
from hooks.kept_results import write_pickle
from hooks.rules import Issue, wording

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML without LibYAML
    _BaseLoader = yaml.SafeLoader

# Same delimiters as mkdocs.utils.meta.YAML_RE, which decides what the site reads as metadata.
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(\n|\Z)", re.DOTALL)
_OPENING_RE = re.compile(r"^-{3}[ \t]*\n")

# The types plain YAML gives by itself. Safe tags written out (`!!binary`, `!!set`, `!!omap`)
# turn a title into bytes or a list that the check and MkDocs would read differently.
_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"

KeyPath = tuple[str | int, ...]

# A value that looks like a date (YYYY-MM-DD, optionally with a time) whether YAML read it as
# a date or as text; such values are checked against the calendar.
DATE_LIKE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(.+))?$")


@dataclass
class ContentText:
    text: str  # the whole file, normalised (no BOM, LF line ends, NFC)
    data: dict[str, Any] | None  # JSON-compatible front matter; None if there is none to use
    key_lines: dict[KeyPath, int] = field(default_factory=dict)  # key path -> line in file
    front_matter_line: int = 0  # line of the opening `---`; 0 when there is no front matter
    body: str = ""
    body_line: int = 1  # line in the file where `body` starts
    issues: list[Issue] = field(default_factory=list)

    def line_of(self, path: KeyPath) -> int:
        """Line of the deepest key on `path` that exists; the front matter start otherwise."""
        for end in range(len(path), 0, -1):
            line = self.key_lines.get(path[:end])
            if line is not None:
                return line
        return self.front_matter_line or 1

    def field_at_line(self, line: int) -> str:
        """The front matter field written on (or continued onto) `line`."""
        best: KeyPath = ()
        best_line = 0
        for path, key_line in self.key_lines.items():
            if key_line <= line and (key_line, len(path)) > (best_line, len(best)):
                best, best_line = path, key_line
        return dotted(best)


def dotted(path: KeyPath) -> str:
    return ".".join(str(part) for part in path)


def normalise_text(raw: str) -> str:
    """Strip a byte-order mark, make line ends LF and letters NFC."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", raw)
    return raw


def parse_content(raw: str) -> ContentText:
    """Split and read a content file; every problem found is in `issues`."""
    text = normalise_text(raw)
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        if _OPENING_RE.match(text):
            problem = "The front matter starts with `---` but has no closing `---` line"
            fix = "Add a line `---` after the last field."
            said = wording("no_closing_line")
        else:
            problem = "The file has no front matter"
            fix = ""
            said = wording("no_front_matter")
        issue = Issue(rules.MISSING_FRONT_MATTER, 1, "", problem, fix, said)
        return ContentText(text, None, body=text, issues=[issue])

    yaml_text = match.group(1) or ""
    body_line = 1 + text.count("\n", 0, match.end())
    content = ContentText(
        text, None, front_matter_line=1, body=text[match.end() :], body_line=body_line
    )
    if not match.group(2):
        # MkDocs needs a line break after the closing `---`, or it ignores the front matter.
        content.issues.append(
            Issue(
                rules.MISSING_FRONT_MATTER,
                body_line,
                "",
                "The closing `---` is the last thing in the file",
                "Add an empty line after it.",
                wording("closing_line_last"),
            )
        )
    _read_yaml(yaml_text, content, first_line=2)
    return content


# -- YAML --------------------------------------------------------------------------------------


def _read_yaml(yaml_text: str, content: ContentText, first_line: int) -> None:
    loader = _BaseLoader(yaml_text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            content.issues.append(_syntax_issue(error, yaml_text, first_line))
            return
        except yaml.reader.ReaderError as error:
            line = first_line + yaml_text.count("\n", 0, max(error.position, 0))
            content.issues.append(
                Issue(
                    rules.YAML_SYNTAX,
                    line,
                    "",
                    f"The front matter contains an invisible control character "
                    f"(U+{error.character:04X})",
                    "Delete the character (retype the line if you cannot see it).",
                    wording("control_character", code=f"{error.character:04X}"),
                )
            )
            return
        except yaml.YAMLError as error:
            content.issues.append(
                Issue(
                    rules.YAML_SYNTAX,
                    first_line,
                    "",
                    f"The front matter is not valid YAML ({_first_line(error)})",
                    wording=wording("not_yaml", detail=_first_line(error)),
                )
            )
            return
        if node is None:
            content.data = {}
            return
        if not isinstance(node, yaml.MappingNode):
            content.issues.append(
                Issue(
                    rules.WRONG_TYPE,
                    first_line + node.start_mark.line,
                    "",
                    "The front matter must be a list of `field: value` lines",
                    "Write each field on its own line as `field: value`.",
                    wording("not_field_lines"),
                )
            )
            return
        if _unsafe_tag(node) is not None:
            content.issues.append(_unsafe_issue(node, (), first_line))
            return
        try:
            _inspect(node, (), content, first_line, set())
            constructed = loader.construct_document(node)
        except RecursionError:
            content.issues.append(
                Issue(
                    rules.YAML_SYNTAX,
                    first_line,
                    "",
                    "The front matter is nested far too deeply",
                    "Check the brackets `[ ]` and `{ }`: every one that opens must close.",
                    wording("nested_too_deeply"),
                )
            )
            return
        except (yaml.YAMLError, ValueError, TypeError) as error:
            mark = getattr(error, "problem_mark", None)
            line = first_line + mark.line if mark is not None else first_line
            content.issues.append(
                Issue(
                    rules.YAML_SYNTAX,
                    line,
                    "",
                    f"A value cannot be read ({_first_line(error)})",
                    wording=wording("value_unreadable", detail=_first_line(error)),
                )
            )
            return
    finally:
        loader.dispose()
    content.data = _json_compatible(constructed)


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _line_without_colon_before(lines: list[str], index: int) -> int | None:
    """The line before `index` if it looks like a field whose `:` is missing."""
    if index >= len(lines):
        return None
    before = index - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    if before < 0:
        return None
    previous, current = lines[before], lines[index]
    stripped = previous.strip()
    same_indent = len(previous) - len(previous.lstrip()) == len(current) - len(current.lstrip())
    if same_indent and ":" not in stripped and not stripped.startswith(("#", "-", "---")):
        return before
    return None


_TEMPLATE_MARKER_RE = re.compile(r"\{translation_fields\}")


def _syntax_issue(error: yaml.MarkedYAMLError, yaml_text: str, first_line: int) -> Issue:
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark
    line_count = yaml_text.count("\n")
    # A template copied by hand still holds the markers `make new` fills in.
    for index, text in enumerate(yaml_text.splitlines()):
        if marker := _TEMPLATE_MARKER_RE.fullmatch(text.strip()):
            return Issue(
                rules.YAML_SYNTAX,
                first_line + index,
                "",
                f"`{marker.group()}` is a marker of the template, which `make new` fills in",
                "Replace the line with `translation: original` in the Latvian version, or with "
                '`translation: unreviewed` and `translator: "Name"` in a translation (or '
                "create the files with `make new KIND=story SLUG=…`).",
                wording("template_marker", marker=marker.group()),
            )
    if "quoted scalar" in context and error.context_mark is not None:
        # The reader only notices at the end of the block; the quote that never closes is where
        # the editor has to look.
        line = first_line + error.context_mark.line
        quote = _char_at(yaml_text, error.context_mark.line, error.context_mark.column) or '"'
        return Issue(
            rules.YAML_SYNTAX,
            line,
            "",
            f"A quotation mark ({quote}) opened on this line is never closed",
            f"Add the closing {quote} at the end of the value.",
            wording("unclosed_quote", quote=quote),
        )
    line_index = mark.line if mark is not None else 0
    if line_index >= line_count:
        # Noticed only at the end of the block: point at where the unfinished part starts,
        # or at least at the last line of the front matter rather than the closing `---`.
        if error.context_mark is not None:
            line_index = error.context_mark.line
        line_index = min(line_index, max(line_count - 1, 0))
    line = first_line + line_index
    source_line = yaml_text.splitlines()[line_index] if line_index < line_count else ""
    if "\t" in source_line and ("cannot start any token" in problem or "tab" in problem):
        return Issue(
            rules.YAML_SYNTAX,
            line,
            "",
            "A tab character is used on this line; YAML allows only spaces for indentation",
            "Replace the tab with spaces (two per level).",
            wording("tab_character"),
        )
    if "mapping values are not allowed" in problem:
        missing_colon = _line_without_colon_before(yaml_text.splitlines(), line_index)
        if missing_colon is not None:
            # `title "Anna"` runs on into the next line, where YAML first notices a problem.
            return Issue(
                rules.YAML_SYNTAX,
                first_line + missing_colon,
                "",
                "This line has no `:` between the field name and its value",
                'Write it as `name: value`, for example `title: "Anna no Talsiem"`.',
                wording("missing_colon"),
            )
        return Issue(
            rules.YAML_SYNTAX,
            line,
            "",
            "A value contains `: ` or the line is indented more than the line above",
            "Put the whole value in double quotes, or fix the indentation.",
            wording("colon_in_value"),
        )
    detail = f"{context}, {problem}" if context else problem
    if error.context_mark is not None and first_line + error.context_mark.line != line:
        detail += f" (the part that starts on line {first_line + error.context_mark.line})"
    return Issue(
        rules.YAML_SYNTAX,
        line,
        "",
        f"The front matter is not valid YAML: {detail}",
        wording=wording("yaml_error", detail=detail),
    )


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _inspect(
    node: yaml.Node, path: KeyPath, content: ContentText, first_line: int, visited: set[int]
) -> None:
    """Record key lines, report duplicate keys, and cut out unsafe tags and repeated nodes."""
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        # A YAML alias (`*name`) makes the same node appear twice; a self-referencing one, or
        # a "billion laughs" nest of them, would make every later step endless.
        visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        kept: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            line = first_line + key_node.start_mark.line
            child = (*path, key)
            if _reject(key_node, child, content, first_line, visited) or _reject(
                value_node, child, content, first_line, visited
            ):
                continue
            if key in seen and key != "<<":
                content.issues.append(
                    Issue(
                        rules.DUPLICATE_FIELD,
                        line,
                        dotted(child),
                        f"`{key}` is written twice (first on line {seen[key]})",
                        wording=wording("written_twice", field=key, first=seen[key]),
                    )
                )
            seen.setdefault(key, line)
            content.key_lines.setdefault(child, line)
            kept.append((key_node, value_node))
            _inspect(value_node, child, content, first_line, visited)
        node.value = kept
    elif isinstance(node, yaml.SequenceNode):
        kept_items: list[yaml.Node] = []
        for item in node.value:
            child = (*path, len(kept_items))
            if _reject(item, child, content, first_line, visited):
                continue
            content.key_lines.setdefault(child, first_line + item.start_mark.line)
            kept_items.append(item)
            _inspect(item, child, content, first_line, visited)
        node.value = kept_items
    elif node.tag == _TIMESTAMP_TAG and not _valid_timestamp(node):
        node.tag = _STR_TAG  # keeps the text; reported by `impossible_dates` with its line


def _reject(
    node: yaml.Node, path: KeyPath, content: ContentText, first_line: int, visited: set[int]
) -> bool:
    if _unsafe_tag(node) is not None:
        content.issues.append(_unsafe_issue(node, path, first_line))
        return True
    if id(node) in visited:
        content.issues.append(
            Issue(
                rules.YAML_SYNTAX,
                first_line + node.start_mark.line,
                dotted(path),
                "A YAML alias (`*name`) repeats a block written elsewhere",
                "Write the value out in full instead of using `&name` / `*name`.",
                wording("alias"),
            )
        )
        return True
    return False


def _unsafe_tag(node: yaml.Node) -> yaml.Node | None:
    if node.tag in _SAFE_TAGS:
        return None
    return node


def _unsafe_issue(node: yaml.Node, path: KeyPath, first_line: int) -> Issue:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return Issue(
        rules.UNSAFE_YAML_TAG,
        first_line + node.start_mark.line,
        dotted(path),
        f"The tag `{tag}` is not allowed; the value was ignored",
        wording=wording("unsafe_tag", tag=tag),
    )


_TIMESTAMP_READER = yaml.constructor.SafeConstructor()


def _valid_timestamp(node: yaml.ScalarNode) -> bool:
    try:
        _TIMESTAMP_READER.construct_yaml_timestamp(node)
    except ValueError:
        return False
    return True


def _json_compatible(value: Any) -> Any:
    """Dates as ISO text, sets as lists, keys as text: what JSON Schema can validate."""
    if isinstance(value, dict):
        return {_key_text(key): _json_compatible(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_compatible(item) for item in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"  # `yes:` / `on:` read as booleans by YAML 1.1
    if key is None:
        return "null"
    return str(key)


# -- dates -------------------------------------------------------------------------------------


def parse_date_like(text: str) -> dt.date | dt.datetime | None:
    """A date or date-time from YYYY-MM-DD[ HH:MM[:SS]][offset]; None if impossible.

    Raises ValueError for text that does not look like a date at all.
    """
    match = DATE_LIKE_RE.match(text.strip())
    if match is None:
        raise ValueError(text)
    year, month, day, rest = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if rest is None:
        return date
    try:
        return dt.datetime.fromisoformat(f"{date.isoformat()}T{rest.strip().replace(' ', '')}")
    except ValueError:
        return None


def impossible_dates(content: ContentText) -> Iterator[Issue]:
    """Every text value that looks like a date or date-time but does not exist."""
    if not content.data:
        return
    for path, value in _walk(content.data, ()):
        if not isinstance(value, str) or not DATE_LIKE_RE.match(value.strip()):
            continue
        if parse_date_like(value) is None:
            yield Issue(
                rules.IMPOSSIBLE_DATE,
                content.line_of(path),
                dotted(path),
                f"`{value}` is not a real date or time",
                wording=wording("not_a_date", value=value),
            )


def _walk(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))
    else:
        yield path, value


def walk_values(data: Any) -> Iterator[tuple[KeyPath, Any]]:
    """Every leaf value of the front matter with its key path."""
    return _walk(data, ())


# Parsed front matter by the SHA-256 of the file's bytes: the stories' front matter is read by
# the story catalogue and the translation report in every build, again on every `serve`
# rebuild, and (through load/save_front_matter_cache) in the next build. Keyed by content, not
# by modification time, so a file copied with its old time is never mistaken for the old file.
# Entries are pickled: unpickling gives each caller its own copy several times faster than
# copy.deepcopy would.
_READ_CACHE: dict[str, bytes] = {}
_USED_KEYS: set[str] = set()
# Bump when what read_front_matter returns changes, so older saved caches are ignored.
_READ_CACHE_FORMAT = 2


def read_front_matter(path: Path) -> dict[str, Any] | None:
    """Front matter as the build reads it (dates as `date` objects), or None when unusable.

    The build only publishes what passes the content checks, which report why a file's front
    matter could not be read; here an unreadable block simply means "nothing to publish".
    A file whose bytes were read before is not parsed again; callers get their own copy.
    """
    key = file_digests.sha256_hex(path)
    if key not in _READ_CACHE:
        raw = path.read_bytes()
        key = hashlib.sha256(raw).hexdigest()  # the bytes parsed, should the file just change
        _READ_CACHE[key] = pickle.dumps(_parse_front_matter(raw), pickle.HIGHEST_PROTOCOL)
    _USED_KEYS.add(key)
    return pickle.loads(_READ_CACHE[key])  # noqa: S301 - made above or read from our .cache/


def load_front_matter_cache(path: Path) -> None:
    """Start a build: what the previous build parsed, if its file is readable."""
    _USED_KEYS.clear()
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)  # noqa: S301 - our own file in .cache/, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return
    if isinstance(stored, dict) and stored.get("format") == _READ_CACHE_FORMAT:
        _READ_CACHE.update(stored.get("entries", {}))


def save_front_matter_cache(path: Path) -> None:
    """End of a build: keep only what this build read, so the file never grows."""
    entries = {key: _READ_CACHE[key] for key in _USED_KEYS if key in _READ_CACHE}
    write_pickle(path, {"format": _READ_CACHE_FORMAT, "entries": entries})


def _parse_front_matter(raw: bytes) -> dict[str, Any] | None:
    try:
        text = normalise_text(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        return None
    try:
        loaded = yaml.load(match.group(1) or "", Loader=_BaseLoader)  # noqa: S506 (safe loader)
    except yaml.YAMLError:
        return None
    return loaded if isinstance(loaded, dict) else None
