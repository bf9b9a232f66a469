"""Heritage pages: cited sources, and that the heritage index lists every page."""

from __future__ import annotations

import difflib
import posixpath
import re
from urllib.parse import unquote

from hooks import rules
from hooks.citations import CITATION_RE
from hooks.frontmatter import ContentText
from hooks.languages import split_language_suffix
from hooks.rules import Finding, Issue, finding, wording
from hooks.validation.markdown_scan import LINK_TARGET_RE, REFERENCE_DEFINITION_RE, Lines
from hooks.validation.project_files import FileResult


def linked_page_stems(prose: str) -> frozenset[str]:
    """The pages of its own folder a page links to: `music.md`, `./music.en.md#x` -> `music`."""
    targets = [match.group(1) for match in LINK_TARGET_RE.finditer(prose)]
    targets += [match.group(1) for match in REFERENCE_DEFINITION_RE.finditer(prose)]
    stems = set()
    for target in targets:
        path = unquote(target.strip("<>").split("#")[0].split("?")[0])
        name = posixpath.normpath(path) if path else ""
        if "/" in name or not name.endswith(".md"):
            continue
        neutral, _ = split_language_suffix(name)
        stems.add(neutral[: -len(".md")])
    return frozenset(stems)


def heritage_listing_findings(results: list[FileResult]) -> list[Finding]:
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


def heritage_issues(content: ContentText, prose: str, lines: Lines) -> list[Issue]:
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
