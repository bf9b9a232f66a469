"""Where a content file sits and what the project holds.

A file's kind follows from its path (relative to the project root):

    stories/<slug>/index.<lang>.md     story
    docs/heritage/<slug>.<lang>.md      heritage page (not index)
    docs/events/<slug>.<lang>.md        event (not index)
    docs/**/*.md                        page (docs/assets is not content)

`FileResult` is what checking one file gives, and what the checks across files compare.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_language_suffix
from hooks.rules import Finding

TOOL_ROOT = Path(__file__).resolve().parent.parent.parent

CONTENT_FOLDERS = ("docs", "stories")

SKIPPED_FOLDERS = frozenset({"docs/assets"})

STEM_LANGUAGE_RE = re.compile(r"\.([A-Za-z]{2,3})$")

# What MkDocs takes for Markdown, in any case, and what editors' programs make of `.md`.
MARKDOWN_LIKE_RE = re.compile(
    r"\.(?:md|markdown|mdown|mkdn|mkd|mdwn)(?:\.txt)?$|\.md\.[a-z]{2,4}$", re.IGNORECASE
)

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff", ".heic", ".bmp"}
)


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
                    elif MARKDOWN_LIKE_RE.search(entry.name):
                        index.misnamed.append(rel)
    index.content.sort()
    index.misnamed.sort()
    return index


def discover_content(project_root: Path) -> list[Path]:
    """Every content Markdown file under docs/ (except docs/assets) and stories/."""
    return [project_root / rel for rel in build_index(project_root).content]


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


def content_rel_path(path: Path, project_root: Path) -> str | None:
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
