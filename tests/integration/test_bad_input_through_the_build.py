"""Every bad-input case of the content checks, tried through the real `mkdocs build --strict`.

Each case adds one broken file to a copy of the project; the build must fail and name the file,
the line and the rule, never with a traceback, and never by silently dropping the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.build

PAGE = '---\ntitle: "Probe"\ndescription: "Probe page."\ntranslation: original\n---\n\n'

CASES: dict[str, tuple[str, str | bytes, str, int]] = {
    # name: (file, content, rule, line)
    "tab indentation": (
        "docs/probe.lv.md",
        '---\ntitle: "x"\nhide:\n\t- toc\n---\n\nText.\n',
        "LRP001",
        4,
    ),
    "unclosed quote": (
        "docs/probe.lv.md",
        '---\ntitle: "Probe\ndescription: x\n---\n\nText.\n',
        "LRP001",
        2,
    ),
    "missing front matter": ("docs/probe.lv.md", "# Probe\n\nText.\n", "LRP003", 1),
    "wrong type": ("docs/probe.lv.md", "---\ntitle: [1, 2]\n---\n\nText.\n", "LRP021", 2),
    "impossible date": (
        "docs/events/probe.lv.md",
        '---\ntitle: "Probe"\nstart: 2021-02-30\n---\n\nText.\n',
        "LRP025",
        3,
    ),
    "unknown language suffix": ("docs/probe.lt.md", PAGE + "Text.\n", "LRP010", 1),
    "broken internal link": ("docs/probe.lv.md", PAGE + "See [this](nowhere.md).\n", "LRP030", 7),
    "broken image": ("docs/probe.lv.md", PAGE + "![A photo](missing.jpg)\n", "LRP031", 7),
    "script element": ("docs/probe.lv.md", PAGE + "<script>alert(1)</script>\n", "LRP034", 7),
    "iframe element": ("docs/probe.lv.md", PAGE + '<iframe src="x"></iframe>\n', "LRP034", 7),
    "object element": ("docs/probe.lv.md", PAGE + '<object data="x"></object>\n', "LRP034", 7),
    "embed element": ("docs/probe.lv.md", PAGE + '<embed src="x">\n', "LRP034", 7),
    "event attribute": ("docs/probe.lv.md", PAGE + '<p onclick="x()">Hi</p>\n', "LRP034", 7),
    "javascript link": ("docs/probe.lv.md", PAGE + "[Go](javascript:alert(1))\n", "LRP035", 7),
    "data link": ("docs/probe.lv.md", PAGE + "[Go](data:text/html,hi)\n", "LRP035", 7),
    "outside the repository": (
        "docs/probe.lv.md",
        PAGE + "[Up](../../../etc/passwd)\n",
        "LRP032",
        7,
    ),
    "object-constructing YAML tag": (
        "docs/probe.lv.md",
        "---\ntitle: !!python/object/apply:os.system ['true']\n---\n\nText.\n",
        "LRP002",
        2,
    ),
    "oversize file": ("docs/probe.lv.md", PAGE + ("Long text. " * 30000) + "\n", "LRP005", 1),
    "missing anchor": ("docs/probe.lv.md", PAGE + "## Probe\n\n[Up](#prbe)\n", "LRP036", 9),
    "picture from another website": (
        "docs/probe.lv.md",
        PAGE + "![Map](https://example.org/map.png)\n",
        "LRP037",
        7,
    ),
}


@pytest.fixture(scope="module")
def clean_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("clean"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_the_build_with_file_line_and_rule(
    clean_project: Path, tmp_path: Path, case: str
) -> None:
    relative, content, rule, line = CASES[case]
    project = tmp_path / "project"
    shutil.copytree(clean_project, project)
    target = project / relative
    target.write_text(content, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"{relative}:{line}: error {rule}" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_duplicate_slugs_fail_the_build(clean_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(clean_project, project)
    source = project / "stories" / "sample-mediator-day"
    shutil.copytree(source, project / "stories" / "Sample-Mediator-Day")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "LRP012" in result.stderr or "LRP013" in result.stderr, result.stderr[-3000:]


def test_a_thumbnail_photo_fails_the_build_at_the_story_line_that_lists_it(
    clean_project: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(clean_project, project)
    story = project / "stories" / "sample-music-teacher"
    Image.new("RGB", (320, 240), (90, 60, 30)).save(story / "violin.jpg", "JPEG")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    lines = (story / "index.en.md").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if "file: violin.jpg" in text)
    # The check names it before any page is built, in the first language version listing it.
    assert f"stories/sample-music-teacher/index.en.md:{line}: error LRP008" in result.stderr, (
        result.stderr[-3000:]
    )
    assert "320×240 px" in result.stderr
    assert "Traceback" not in result.stderr
