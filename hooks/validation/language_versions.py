"""What the language versions of an event or story must agree on (dates, place, how the
storyteller is named, photos, report figures), compared across their files.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from hooks import rules
from hooks.frontmatter import ContentText, KeyPath, dotted
from hooks.languages import DEFAULT_LANGUAGE
from hooks.rules import Finding, Issue, Wording, finding, wording
from hooks.validation.common import impossible_date, nested, parsed_time, plain_value, shortened
from hooks.validation.project_files import FileResult

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


def event_shared_fields(
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
        if path in skip or (path[0] == "report" and value is None) or impossible_date(value):
            continue
        if name == "status" and value is None:
            value = "scheduled"
        written = NOTHING_WRITTEN if value is None else f"`{shortened(plain_value(value), 50)}`"
        if name in _EVENT_TIME_FIELDS and value is not None:
            when = parsed_time(value)
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


def story_shared_fields(
    content: ContentText, skip: set[KeyPath]
) -> dict[str, tuple[str, int, str]]:
    """field -> (value to compare, line, value as written) for LRP066 and LRP067."""
    shared: dict[str, tuple[str, int, str]] = {}
    for path in _STORY_SHARED_FIELDS:
        if path in skip or path[:1] in skip:
            continue
        value = nested(content.data, path)
        if impossible_date(value):
            continue  # LRP025's; the comparison would take the other versions for wrong
        if isinstance(value, str) and not value.strip():
            value = None
        name = dotted(path)
        if name == "place.region" and nested(content.data, ("place", "shown")) == "none":
            continue
        written = NOTHING_WRITTEN if value is None else f"`{shortened(plain_value(value), 50)}`"
        compared = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
        shared[name] = (
            compared,
            content.line_of(path) if written != NOTHING_WRITTEN else 1,
            written,
        )
    return shared


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


def photos_mismatch_findings(results: list[FileResult]) -> list[Finding]:
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


def without_reminders_answered_elsewhere(findings: list[Finding]) -> list[Finding]:
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


def version_mismatch_findings(results: list[FileResult]) -> list[Finding]:
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
