"""`make serve LANGUAGE=en`: only the language being edited is built in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import PROJECT_ROOT, build_site

pytestmark = pytest.mark.build


def test_one_language_preview_builds_that_language_and_only_home_pages_of_the_others(
    tmp_path: Path,
) -> None:
    result = build_site(PROJECT_ROOT, tmp_path, {"LRP_PREVIEW_LANGUAGE": "en"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "en" / "about" / "index.html").exists()
    assert (tmp_path / "en" / "stories" / "sample-music-teacher" / "index.html").exists()
    assert (tmp_path / "index.html").exists() and (tmp_path / "rml" / "index.html").exists()
    assert not (tmp_path / "about").exists()
    assert not (tmp_path / "rml" / "about").exists()
    assert "search index is not rebuilt" in result.stderr
