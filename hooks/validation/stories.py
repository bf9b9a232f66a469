"""Stories: consent, photos, themes and regions, and what a story folder may hold."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from hooks import rules, site_data
from hooks.frontmatter import ContentText, KeyPath, dotted
from hooks.rules import Finding, Issue, Rule, finding, wording
from hooks.slugs import slug_from_words
from hooks.validation.common import is_before, parsed_time, shortened
from hooks.validation.field_values import credit_label_issues
from hooks.validation.links import missing_file_issue
from hooks.validation.project_files import (
    IMAGE_SUFFIXES,
    MARKDOWN_LIKE_RE,
    ContentPath,
    FileResult,
    TreeIndex,
)
from hooks.validation.schema import photo_wording

STORY_IMAGE_LIMIT = 15 * 1024 * 1024


def existing_photos(
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


def story_issues(
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
                missing_file_issue(
                    rules.BROKEN_IMAGE,
                    content.line_of(path),
                    dotted(path),
                    image["file"],
                    f"{folder}/{image['file']}",
                    index,
                )
            )
    issues.extend(_theme_and_region_issues(content, index, skip))
    issues.extend(credit_label_issues(content, images, skip))
    consent = data.get("consent") if isinstance(data.get("consent"), dict) else None
    if consent is None:
        return issues
    given = parsed_time(consent.get("date")) if ("consent", "date") not in skip else None
    review = parsed_time(consent.get("review_by")) if ("consent", "review_by") not in skip else None
    if given and review and is_before(review, given):
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
    if review and review[0].date() < today and not (given and is_before(review, given)):
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
                        photo=photo_wording(("images", number), content),
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
        f"`{shortened(text)}` is not one of {', '.join(known)}",
        f"{hint}{rule.fix}",
        # The rule's fix is printed with the rule's text already; only the hint is this case's.
        wording(
            "unknown_key",
            value=shortened(text),
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


def story_folder_findings(results: list[FileResult], project_root: Path) -> list[Finding]:
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
            if MARKDOWN_LIKE_RE.search(name):
                continue  # LRP016 (misnamed_file_findings) says how to rename it
            suffix = os.path.splitext(name)[1].lower()
            text = None if suffix in IMAGE_SUFFIXES else _MISNAMED_TEXT_RE.fullmatch(name)
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
                photo = suffix in IMAGE_SUFFIXES
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


def photo_findings(results: list[FileResult], project_root: Path) -> list[Finding]:
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
