"""The check asks a fast validator whether front matter is valid and lets jsonschema explain
only the files it rejects. If the two ever disagreed about a file, an error would go unreported
(fast says valid, jsonschema would not) or the file would be explained twice for nothing; these
tests hold them to the same answer on the project's content and on thousands of broken copies.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hooks import rules
from hooks.frontmatter import parse_content
from hooks.validation.project_files import build_index, classify
from hooks.validation.schema import _schema_valid, schema_issues, schema_validator

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("story", "event", "heritage", "page")

# Values of every JSON type, and strings that each pattern or enum in the schemas turns down.
REPLACEMENTS: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    1.5,
    10**30,
    "",
    " ",
    "x",
    "2026-13-45",
    "LRP-26-1",
    "a/b",
    "Ā",
    "http://",
    "javascript:alert(1)",
    [],
    [None],
    ["x"],
    {},
    {"unknown": 1},
)


def _documents() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {kind: [] for kind in KINDS}
    for root in (ROOT, ROOT / "tests" / "fixtures" / "content"):
        for rel in build_index(root).content:
            kind = classify(rel).kind
            content = parse_content((root / rel).read_text(encoding="utf-8"))
            if content.data is not None:
                found[kind].append((rel, content.data))
    return found


DOCUMENTS = _documents()


def _jsonschema_valid(data: dict[str, Any], kind: str) -> bool:
    return next(iter(schema_validator(kind).iter_errors(data)), None) is None


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*path, index)
            yield from _paths(child, (*path, index))


def _mutants(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Each field deleted, each value replaced by every value above, an unknown field added
    to every group of fields."""
    for path in _paths(data):
        *parents, last = path
        for replacement in (_DELETE, *REPLACEMENTS):
            mutant = copy.deepcopy(data)
            holder = mutant
            for step in parents:
                holder = holder[step]
            if replacement is _DELETE:
                del holder[last]
            else:
                holder[last] = copy.deepcopy(replacement)
            yield mutant
    for path in ((), *_paths(data)):
        mutant = copy.deepcopy(data)
        holder = mutant
        for step in path:
            holder = holder[step]
        if isinstance(holder, dict):
            holder["not_a_field"] = "x"
            yield mutant


_DELETE = object()


def test_the_project_has_content_of_every_kind_to_compare_on() -> None:
    assert all(DOCUMENTS[kind] for kind in KINDS), {k: len(v) for k, v in DOCUMENTS.items()}


@pytest.mark.parametrize("kind", KINDS)
def test_both_validators_agree_on_the_projects_content(kind: str) -> None:
    for rel, data in DOCUMENTS[kind]:
        assert _schema_valid(data, kind) == _jsonschema_valid(data, kind), rel


@pytest.mark.parametrize("kind", KINDS)
def test_both_validators_agree_on_broken_copies_of_it(kind: str) -> None:
    compared = rejected = 0
    # Two documents per kind keep this to a few seconds; they hold every field the schemas know
    # for their kind in the project's content.
    for rel, data in DOCUMENTS[kind][:2]:
        for mutant in _mutants(data):
            expected = _jsonschema_valid(mutant, kind)
            assert _schema_valid(mutant, kind) == expected, (rel, mutant)
            compared += 1
            rejected += not expected
    # The comparison means something only if many of the copies are invalid.
    assert rejected > compared // 3, (compared, rejected)


def test_a_file_the_fast_validator_rejects_still_gets_the_editors_message() -> None:
    rel, data = DOCUMENTS["story"][0]
    content = parse_content((ROOT / rel).read_text(encoding="utf-8"))
    content.data = {**data, "titel": "Typo"}
    issues = schema_issues(content, "story", skip=set())
    assert [(issue.rule.id, issue.field) for issue in issues] == [("LRP023", "titel")]
    assert "Did you mean `title`?" in issues[0].fix


def test_a_value_the_fast_validator_cannot_read_is_left_to_jsonschema() -> None:
    rel, data = DOCUMENTS["story"][0]
    strange = {**data, "title": float("nan")}
    assert _schema_valid(strange, "story") is _jsonschema_valid(strange, "story")
    # jsonschema-rs raises on a value JSON has no type for (the front matter reader never makes
    # one, but the check must not crash if it ever did): the file is still explained.
    content = parse_content((ROOT / rel).read_text(encoding="utf-8"))
    content.data = {**data, "title": b"bytes"}
    issues = schema_issues(content, "story", skip=set())
    assert [(issue.rule.id, issue.field) for issue in issues] == [(rules.WRONG_TYPE.id, "title")]
