"""Content files are dated by their commits, so that a daily rebuild does not make every event
look changed to feed readers and calendar apps."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

from hooks.build_date import RIGA
from hooks.source_dates import committed_dates, parse_git_log


def test_the_newest_commit_is_the_last_change_and_the_oldest_the_first() -> None:
    log = (
        "@1780000000\n\ndocs/events/a.lv.md\ndocs/events/b.en.md\n\n"
        "@1770000000\n\ndocs/events/a.lv.md\n"
    )
    dates = parse_git_log(log)
    assert dates["docs/events/a.lv.md"].last == datetime.fromtimestamp(1780000000, tz=RIGA)
    assert dates["docs/events/a.lv.md"].first == datetime.fromtimestamp(1770000000, tz=RIGA)
    assert dates["docs/events/b.en.md"].first == dates["docs/events/b.en.md"].last
    assert (dates["docs/events/a.lv.md"].commits, dates["docs/events/b.en.md"].commits) == (2, 1)


def _commit(repo: Path, when: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    environment = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True, env=environment)
    subprocess.run(
        ["git", "-C", str(repo), "commit", "-q", "-m", "change"], check=True, env=environment
    )


def test_dates_come_from_the_projects_own_history(tmp_path: Path) -> None:
    repo = tmp_path / "site"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit(repo, "2026-01-10T09:00:00+00:00", {"docs/events/meeting.lv.md": "a"})
    _commit(
        repo,
        "2026-03-01T09:00:00+00:00",
        {"docs/events/meeting.lv.md": "a, with a report", "docs/events/seminārs.en.md": "b"},
    )
    _commit(repo, "2026-04-01T09:00:00+00:00", {"stories/anna/index.lv.md": "c"})

    dates = committed_dates(repo, "docs/events")
    assert set(dates) == {"docs/events/meeting.lv.md", "docs/events/seminārs.en.md"}
    meeting = dates["docs/events/meeting.lv.md"]
    assert (meeting.first.date().isoformat(), meeting.last.date().isoformat()) == (
        "2026-01-10",
        "2026-03-01",
    )
    assert meeting.last.tzinfo is not None


def test_without_full_history_there_are_no_dates(tmp_path: Path) -> None:
    """A copy without .git, or a shallow clone whose one commit would date every file to the
    latest push, gives nothing, and the build falls back to its own time."""
    assert committed_dates(tmp_path, "docs/events") == {}

    origin = tmp_path / "origin"
    origin.mkdir()
    subprocess.run(["git", "init", "-q", str(origin)], check=True)
    _commit(origin, "2026-01-10T09:00:00+00:00", {"docs/events/meeting.lv.md": "a"})
    _commit(origin, "2026-03-01T09:00:00+00:00", {"docs/events/meeting.lv.md": "b"})
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow)], check=True
    )
    assert committed_dates(shallow, "docs/events") == {}
    assert committed_dates(origin, "docs/events")


def test_a_commit_to_several_files_of_one_event_counts_once_for_it() -> None:
    """All language versions of an event share one calendar entry, so its revision counts the
    commits to any of them, each commit once."""
    from hooks.events import slug_of_event_file

    log = (
        "@1780000000\n\ndocs/events/a.lv.md\n\n"
        "@1770000000\n\ndocs/events/a.lv.md\ndocs/events/a.en.md\ndocs/events/a.rml.md\n"
        "docs/events/index.lv.md\ndocs/events/b.en.md\n"
    )
    dates = parse_git_log(log, key=slug_of_event_file)
    assert set(dates) == {"a", "b"}
    assert (dates["a"].commits, dates["b"].commits) == (2, 1)
    assert dates["a"].last == datetime.fromtimestamp(1780000000, tz=RIGA)
    assert dates["a"].first == datetime.fromtimestamp(1770000000, tz=RIGA)
