"""Front matter against the JSON Schemas in schemas/, with each error worded for editors.

The same schemas give editors autocompletion (see CONTRIBUTING.md); here a jsonschema error
becomes an `Issue` that names the field, the line and what to write instead.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from hooks import rules
from hooks.frontmatter import ContentText, KeyPath, dotted
from hooks.rules import Issue, Wording, wording
from hooks.validation.common import shortened
from hooks.validation.project_files import TOOL_ROOT

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_DIR = TOOL_ROOT / "schemas"


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


KIND_NAMES = {
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
        return f"text (`{shortened(value)}`)"
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
        return wording("value_text", value=shortened(value))
    if isinstance(value, list):
        return wording("value_list")
    if isinstance(value, dict):
        return wording("value_group")
    return wording("value_other", name=type(value).__name__)


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


def photo_wording(path: KeyPath, content: ContentText) -> Wording:
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
        wording=wording("photo_alt_empty", photo=photo_wording(path, content)),
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
                    wording=wording("photo_without_alt", photo=photo_wording(path, content)),
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
                f"`{key}` is not a field of {KIND_NAMES[kind]}{where}",
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
            f"`{shortened(error.instance)}` is not allowed in {_readable_field(path)}",
            f"{hint}Use one of: {shown}.",
            wording(
                "not_allowed",
                value=shortened(error.instance),
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
            f"`{shortened(error.instance)}` is not in the expected form for `{name}`",
            advice or "Check the form of the value.",
            wording(
                "wrong_form",
                value=shortened(error.instance),
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
            wording=wording("schema_message", field=name, detail=shortened(error.message, 200)),
        )
