"""Rebuilding without changes reuses last build's converted pages (hooks/render_cache.py) and
search index (hooks/search_index.py), and the site it writes is the same, byte for byte; an
edited story is converted and indexed again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sitebuild import build_site, copy_project, html_pages

pytestmark = pytest.mark.build

CONVERTED = re.compile(r"Pages: (\d+) converted from Markdown, (\d+) unchanged")


def _counts(stderr: str) -> tuple[int, int]:
    match = CONVERTED.search(stderr)
    assert match, stderr
    return int(match[1]), int(match[2])


def _bundle(site: Path) -> dict[str, bytes]:
    """Pagefind's files by path (the index chunks are named by a hash of their contents)."""
    bundle = site / "pagefind"
    return {
        path.relative_to(bundle).as_posix(): path.read_bytes()
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
    }


def test_a_second_build_reuses_every_page_and_writes_the_same_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = build_site(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    again = build_site(project, tmp_path / "again")
    assert again.returncode == 0, again.stderr

    converted, unchanged = _counts(first.stderr)
    assert unchanged == 0 and converted > 50
    assert _counts(again.stderr) == (0, converted)
    pages = [page.relative_to(tmp_path / "first") for page in html_pages(tmp_path / "first")]
    assert pages == [
        page.relative_to(tmp_path / "again") for page in html_pages(tmp_path / "again")
    ]
    different = [
        str(page)
        for page in pages
        if (tmp_path / "first" / page).read_bytes() != (tmp_path / "again" / page).read_bytes()
    ]
    assert different == []
    assert "index reused" in again.stderr
    assert _bundle(tmp_path / "again") == _bundle(tmp_path / "first")

    story = project / "stories" / "sample-music-teacher" / "index.en.md"
    story.write_text(
        story.read_text(encoding="utf-8") + "\nA sentence added after the last build.\n",
        encoding="utf-8",
    )
    edited = build_site(project, tmp_path / "edited")
    assert edited.returncode == 0, edited.stderr
    assert _counts(edited.stderr) == (1, converted - 1)
    page = tmp_path / "edited" / "en" / "stories" / "sample-music-teacher" / "index.html"
    assert "A sentence added after the last build." in page.read_text(encoding="utf-8")
    assert "index reused" not in edited.stderr
    assert _bundle(tmp_path / "edited") != _bundle(tmp_path / "first")
