"""The editors' content check: every problem in every content file, in one run.

Pure Python, no MkDocs: the build calls `check_project` once per site build, the CLI
(`python -m hooks.check`) calls `check_files`, and both return `Finding`s sorted by file and
line. A failure inside the check on one file becomes a finding for that file, never a crash.

This module runs the checks; the rules themselves are in hooks/validation/, one module per
concern (stories.py, events.py, heritage.py, schema.py, links.py, language_versions.py …), and
their IDs, severities and texts in hooks/rules.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing as mp
import os
from collections.abc import Iterable
from pathlib import Path

from hooks import check_cache, file_digests, rules, terminology
from hooks.build_date import build_date
from hooks.frontmatter import impossible_dates, parse_content
from hooks.rules import Finding, Issue, finding, wording
from hooks.validation.across_files import cross_file_findings
from hooks.validation.common import shortened
from hooks.validation.events import event_issues
from hooks.validation.field_values import (
    comment_cut_issues,
    front_matter_address_issues,
    front_matter_terminology,
    long_text_issues,
    markup_in_title_issues,
    translation_issues,
    unfilled_placeholder_issues,
)
from hooks.validation.file_names import misnamed_file_findings, name_issues
from hooks.validation.heritage import heritage_issues, heritage_listing_findings, linked_page_stems
from hooks.validation.language_versions import (
    event_shared_fields,
    photos_mismatch_findings,
    story_shared_fields,
    version_mismatch_findings,
    without_reminders_answered_elsewhere,
)
from hooks.validation.links import anchor_findings, body_scan
from hooks.validation.project_files import (
    ContentPath,
    FileResult,
    TreeIndex,
    build_index,
    classify,
    content_rel_path,
)
from hooks.validation.schema import schema_issues
from hooks.validation.stories import (
    existing_photos,
    photo_findings,
    story_folder_findings,
    story_issues,
)
from hooks.validation.text_language import LANGUAGE_NAMES, intended_language, text_language_issues

MARKDOWN_LIMIT = 200 * 1024

# Far past the limit there is no point in reading the text as well.
UNREADABLE_SIZE = 5 * 1024 * 1024


def _issue_findings(rel: str, issues: Iterable[Issue]) -> list[Finding]:
    return [finding(rel, issue) for issue in issues]


def check_file(path: Path, place: ContentPath, index: TreeIndex, today: dt.date) -> FileResult:
    """Every per-file rule on one content file."""
    result = FileResult(place)
    issues: list[Issue] = name_issues(place)
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
    body_issues, prose, lines, has_images = body_scan(content, place, index, result.anchor_links)
    issues.extend(body_issues)
    from hooks import anchors  # Python-Markdown's slugify; anchors imports this module

    result.heading_anchors = anchors.plain_heading_anchors(prose)
    if place.kind == "page" and place.docs_path.startswith("heritage/index."):
        result.page_links = linked_page_stems(prose)
    placeholder_issues, skip = unfilled_placeholder_issues(content, prose)
    issues.extend(placeholder_issues)
    if isinstance(content.data, dict):
        result.data = content.data
        result.consent_line = content.line_of(("consent",))
        result.images_line = content.line_of(("images",))
        # A story saved under the wrong name would only collect "not a field of a page" errors
        # for every story field; the name is the one thing to fix.
        if not place.misplaced:
            issues.extend(schema_issues(content, place.kind, skip))
        issues.extend(translation_issues(content, place))
        issues.extend(long_text_issues(content, skip))
        issues.extend(markup_in_title_issues(content, skip))
        issues.extend(comment_cut_issues(content, skip))
    if isinstance(content.data, dict):
        issues.extend(front_matter_address_issues(content))
        if place.kind == "story":
            issues.extend(story_issues(content, place, index, today, skip, has_images))
            result.photos = existing_photos(content, place, index, skip)
            result.shared_fields = story_shared_fields(content, skip)
        elif place.kind == "event":
            issues.extend(event_issues(content, skip, today))
            result.shared_fields = event_shared_fields(content, skip)
        elif place.kind == "heritage":
            issues.extend(heritage_issues(content, prose, lines))
    # A file named for a language the site does not have (LRP010) has no language to compare;
    # `index.EN.md` is meant to be English, whatever the build would take it for.
    if (language := intended_language(place)) in LANGUAGE_NAMES:
        issues.extend(text_language_issues(prose, language, content.body_line))
    if language in ("lv", "en"):
        issues.extend(terminology.body_issues(prose, content.body, language, content.body_line))
        if isinstance(content.data, dict):
            issues.extend(front_matter_terminology(content, language))
    result.findings = _issue_findings(place.rel, issues)
    return result


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
                    f"{shortened(error, 120)})",
                    wording=wording(
                        "internal_error", detail=f"{type(error).__name__}: {shortened(error, 120)}"
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
        findings.extend(cross_file_findings(results))
        findings.extend(version_mismatch_findings(results))
        findings.extend(photos_mismatch_findings(results))
        findings.extend(heritage_listing_findings(results))
        findings.extend(story_folder_findings(results, project_root))
        findings.extend(photo_findings(results, project_root))
        findings.extend(anchor_findings(results, project_root, index))
        findings = without_reminders_answered_elsewhere(findings)
    except Exception as error:  # noqa: BLE001
        findings.append(
            Finding(
                rels[0] if rels else ".",
                1,
                rules.INTERNAL_ERROR.id,
                "error",
                "",
                f"Internal error in the checks across files ({type(error).__name__}: "
                f"{shortened(error, 120)}). {rules.INTERNAL_ERROR.fix}",
                wording(
                    "internal_error_across_files",
                    detail=f"{type(error).__name__}: {shortened(error, 120)}",
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
    rels = sorted({rel for path in paths if (rel := content_rel_path(Path(path), project_root))})
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
