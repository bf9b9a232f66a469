"""Building real sites for tests: the project itself, or a copy changed by a test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides", "data", "stories", "schemas", "templates")
# Builds must not depend on the day the tests run.
PINNED_BUILD_EPOCH = "1790000000"  # 2026-09-21
TEST_SITE_URL = "https://romu-platforma.example.org/"


def copy_project(destination: Path) -> Path:
    """A copy of everything the build reads, for tests that change content."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def build_site(
    project_dir: Path, site_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": PINNED_BUILD_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": TEST_SITE_URL,
        **(extra_env or {}),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project_dir / "mkdocs.yml"),
            "-d",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=project_dir,
    )


def html_pages(site_dir: Path) -> Iterator[Path]:
    """Every page a visitor can open (not Pagefind's or Material's internal files)."""
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).parts
        if relative[0] in {"pagefind", "assets"}:
            continue
        # Pages are index.html (directory URLs) or 404.html; other .html files are
        # downloads such as the republish snippets.
        if path.name in {"index.html", "404.html"}:
            yield path


def page_language(site_dir: Path, page: Path) -> str:
    first = page.relative_to(site_dir).parts[0]
    return first if first in {"en", "rml"} else "lv"
