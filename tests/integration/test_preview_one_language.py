"""`make serve LANGUAGE=en`: only the language being edited is built in full."""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.sitebuild import PINNED_BUILD_EPOCH, PROJECT_ROOT, build_site, copy_project

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


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_the_fast_preview_shows_an_edited_story_and_its_new_title_in_the_list(
    tmp_path: Path,
) -> None:
    """`make serve LANGUAGE=en` re-renders only changed pages (--dirty): the edited story and
    the story list, which shows its title, must both show the edit."""
    project = copy_project(tmp_path / "project")
    dry_run = subprocess.run(
        ["make", "-n", "serve", "LANGUAGE=en"], cwd=PROJECT_ROOT, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    command_line = next(
        line for line in dry_run.stdout.splitlines() if "mkdocs serve" in line
    )  # make may first print the install steps when requirements changed
    options = shlex.split(command_line.split("mkdocs serve", 1)[1])
    assert "--dirty" in options
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = [o for o in options if o != "-a" and not o.startswith("127.0.0.1:")]
    env = {
        **os.environ, "SOURCE_DATE_EPOCH": PINNED_BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1",
        "LRP_PREVIEW_LANGUAGE": "en",
    }  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/en/stories/"
    story = project / "stories" / "sample-music-teacher" / "index.en.md"
    try:
        assert _wait_for(lambda: _get(base + "sample-music-teacher/") is not None, 180)
        text = story.read_text(encoding="utf-8")
        title = re.search(r"^title: (.+)$", text, re.MULTILINE).group(1).strip("\"'")
        edited = text.replace(title, "Edited in the preview", 1)
        story.write_text(edited + "\nA paragraph added in the preview.\n", encoding="utf-8")

        assert _wait_for(
            lambda: (
                "A paragraph added in the preview." in (_get(base + "sample-music-teacher/") or "")
            ),
            120,
        )
        assert "Edited in the preview" in (_get(base) or "")
        assert "Edited in the preview" in (_get(base + "themes/music/") or "")

        # A text-only edit leaves the lists as they are (they are not rendered again), and
        # they still show the new title.
        story.write_text(edited + "\nA second paragraph.\n", encoding="utf-8")
        assert _wait_for(
            lambda: "A second paragraph." in (_get(base + "sample-music-teacher/") or ""), 120
        )
        assert "Edited in the preview" in (_get(base + "themes/music/") or "")
        assert "Edited in the preview" in (_get(base) or "")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _serve_command(language_in_environment: str, *make_arguments: str) -> str:
    environment = {**os.environ, "LANGUAGE": language_in_environment}
    dry_run = subprocess.run(
        ["make", "-n", "serve", *make_arguments],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return next(line for line in dry_run.stdout.splitlines() if "mkdocs serve" in line)


def test_a_desktop_language_setting_does_not_narrow_the_preview() -> None:
    # Latvian desktops export LANGUAGE=lv_LV:lv for their menus; `make serve` must still
    # preview all three languages, and only `make serve LANGUAGE=en` narrows it.
    everything = _serve_command("lv_LV:lv")
    assert "LRP_PREVIEW_LANGUAGE= " in everything
    assert "--dirty" not in everything
    english = _serve_command("lv_LV:lv", "LANGUAGE=en")
    assert "LRP_PREVIEW_LANGUAGE=en " in english
    assert "--dirty" in english


def test_a_preview_language_the_site_lacks_fails_with_the_choices(tmp_path: Path) -> None:
    result = build_site(PROJECT_ROOT, tmp_path, {"LRP_PREVIEW_LANGUAGE": "english"})
    assert result.returncode != 0
    assert "LANGUAGE=english is not one of the site's languages" in result.stderr
    assert "make serve LANGUAGE=lv (or en, rml)" in result.stderr
    assert not (tmp_path / "index.html").exists()
