"""File and folder names: slugs, language suffixes, files the build would not publish."""

from __future__ import annotations

import re

from hooks import rules
from hooks.languages import LANGUAGE_CODES
from hooks.rules import Finding, Issue, finding, wording
from hooks.slugs import slug_from_words
from hooks.validation.project_files import (
    MARKDOWN_LIKE_RE,
    STEM_LANGUAGE_RE,
    ContentPath,
    TreeIndex,
)

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def name_issues(place: ContentPath) -> list[Issue]:
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
        upper = STEM_LANGUAGE_RE.search(name[: -len(".md")])
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


def misnamed_file_findings(index: TreeIndex) -> list[Finding]:
    """A file named like Markdown but not `.md` is either built unchecked or left out."""
    findings = []
    for rel in index.misnamed:
        name = rel.rsplit("/", 1)[-1]
        stem = MARKDOWN_LIKE_RE.sub("", name)
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
