"""A page's Markdown body: links and anchors, unsafe HTML, media from other websites."""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hooks import rules
from hooks.frontmatter import ContentText
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_language_suffix
from hooks.rules import Finding, Issue, Rule, Wording, finding, wording
from hooks.validation.common import shortened
from hooks.validation.markdown_scan import (
    LINK_TARGET_RE,
    REFERENCE_DEFINITION_RE,
    Lines,
    blank_code_and_comments,
)
from hooks.validation.project_files import (
    IMAGE_SUFFIXES,
    ContentPath,
    FileResult,
    TreeIndex,
    classify,
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


def _same_name_elsewhere(name: str, index: TreeIndex) -> str | None:
    """The nearest-to-the-top file (or page, by its neutral name) called `name`, if any."""
    if name.endswith(".md"):
        neutral = split_language_suffix(name)[0]
        found = [key for key in index.md_variants if key.rpartition("/")[2] == neutral]
    else:
        found = [path for path in index.files if path.rpartition("/")[2] == name]
    return min(found, key=lambda path: (path.count("/"), path)) if found else None


def missing_file_issue(
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
        wording("image_missing", target=shortened(written, 80), where=where, hint=hint_wording)
        if rule is rules.BROKEN_IMAGE
        else wording("link_missing", target=shortened(written, 80), where=where, hint=hint_wording)
    )
    return Issue(
        rule,
        line,
        field_name,
        f"The {what} `{shortened(written, 80)}` points to `{where}`, which does not exist",
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
                    f"The address `{shortened(target, 40)}` can run code or hide content",
                    wording=wording("unsafe_address", address=shortened(target, 40)),
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
                    f"`{shortened(target, 60)}` is a file on a computer, not on the site",
                    wording=wording("file_on_a_computer", target=shortened(target, 60)),
                )
            )
            continue
        if target.startswith("#"):
            if anchor_links is not None and len(target) > 1:
                anchor_links.append(("", unquote(target[1:]), line, target))
            continue
        if insecure(target):
            issues.append(insecure_issue(target, line, ""))
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
                    f"`{shortened(target, 60)}` starts with `/`, so it breaks in the "
                    "other languages and in previews",
                    fix,
                    wording("absolute_link", target=shortened(target, 60), fix=fix_wording),
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
                        f"`{shortened(target, 60)}` leads outside the project",
                        wording=wording("outside_project", target=shortened(target, 60)),
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
                        f"`{shortened(target, 60)}` links to a story by its folder in "
                        "the project, which the site does not use",
                        f"Write `{better}`: stories are linked as if they were in `docs/stories/`.",
                        wording("story_by_folder", target=shortened(target, 60), better=better),
                    )
                )
            else:
                issues.append(
                    Issue(
                        rules.BROKEN_LINK,
                        line,
                        "",
                        f"`{shortened(target, 60)}` points outside `docs/`, which the "
                        "site does not publish",
                        "Link to a page or file inside `docs/` (one `../` fewer?).",
                        wording("outside_docs", target=shortened(target, 60)),
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
            if posixpath.splitext(path)[1].lower() in IMAGE_SUFFIXES
            else rules.BROKEN_LINK
        )
        issues.append(missing_file_issue(rule, line, "", target, resolved, index, directory))
    return issues


def insecure(address: str) -> bool:
    if address[:7].lower() != "http://":
        return False
    host = (urlsplit(address).hostname or "").lower()
    return host not in ("localhost", "127.0.0.1", "::1")


def insecure_issue(address: str, line: int, field_name: str) -> Issue:
    return Issue(
        rules.INSECURE_LINK,
        line,
        field_name,
        f"`{shortened(address, 60)}` is an unencrypted `http://` address",
        wording=wording("insecure_address", address=shortened(address, 60)),
    )


def _story_folder_file_issue(written: str, resolved: str, line: int) -> Issue:
    name = resolved.rpartition("/")[2]
    if posixpath.splitext(name)[1].lower() in IMAGE_SUFFIXES:
        return Issue(
            rules.STORY_FOLDER_FILE,
            line,
            "",
            f"`{shortened(written, 60)}` is a photo in a story folder, which the site shows "
            "only from the front matter, not from the text",
            wording=wording("story_photo_in_text", target=shortened(written, 60)),
        )
    return Issue(
        rules.STORY_FOLDER_FILE,
        line,
        "",
        f"`{shortened(written, 60)}` links to a file of a story folder, which the site "
        "does not publish",
        "Put the file in `docs/assets/` and link it from there, or list a photo under "
        "`images:` in the front matter.",
        wording("story_file_linked", target=shortened(written, 60)),
    )


def _external_media_issues(prose: str, lines: Lines) -> list[Issue]:
    issues = []
    for match in _EXTERNAL_MEDIA_RE.finditer(prose):
        address = match.group(1) if match.group(1) is not None else match.group(2)
        start = match.start(1) if match.group(1) is not None else match.start(2)
        issues.append(
            Issue(
                rules.EXTERNAL_IMAGE,
                lines(start),
                "",
                f"`{shortened(address, 60)}` would load a picture from another website",
                wording=wording("external_picture", address=shortened(address, 60)),
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


def body_scan(
    content: ContentText,
    place: ContentPath,
    index: TreeIndex,
    anchor_links: list[tuple[str, str, int, str]] | None = None,
) -> tuple[list[Issue], str, Lines, bool]:
    body = content.body
    prose = blank_code_and_comments(body)
    lines = Lines(body, content.body_line)
    issues: list[Issue] = []

    targets: list[tuple[str, int]] = []
    if "](" in prose:
        targets.extend((m.group(1), lines(m.start())) for m in LINK_TARGET_RE.finditer(prose))
    if "]:" in prose:
        targets.extend(
            (m.group(1), lines(m.start())) for m in REFERENCE_DEFINITION_RE.finditer(prose)
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


def anchor_findings(
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
                    f"The link `{shortened(written, 60)}` names no heading or anchor of this page"
                )
                said = wording("anchor_not_here", link=shortened(written, 60), hint=hint_wording)
            else:
                problem = (
                    f"The link `{shortened(written, 60)}` leads to `#{shortened(anchor, 40)}`, "
                    f"which `{target}` does not have"
                )
                said = wording(
                    "anchor_not_there",
                    link=shortened(written, 60),
                    anchor=shortened(anchor, 40),
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
