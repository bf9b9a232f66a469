"""Stories live in `stories/<slug>/`, outside `docs/`, and are published under `/stories/<slug>/`.

MkDocs only reads `docs/`, so the build presents each story file as if it sat in
`docs/stories/<slug>/` and, once mkdocs-static-i18n has sorted the files by language, points
each one back at its real source.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

STORIES_URL_FOLDER = "stories"


def story_markdown_files(stories_dir: Path) -> Iterator[Path]:
    """Every Markdown file of every story folder, in a stable order."""
    if not stories_dir.is_dir():
        return
    for path in sorted(stories_dir.glob("*/*.md")):
        if path.is_file():
            yield path


def story_src_uri(stories_dir: Path, path: Path) -> str:
    """'stories/<slug>/index.en.md' relative to the docs tree the build sees."""
    return f"{STORIES_URL_FOLDER}/{path.relative_to(stories_dir).as_posix()}"
