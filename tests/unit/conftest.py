"""Fixtures shared by the unit tests of the content check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"


@pytest.fixture
def checked_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture content to break, checked as an editor would (no CI
    annotations)."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return site
