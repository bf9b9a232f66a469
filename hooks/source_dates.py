"""When each content file was first and last committed, read from the git history.

The event feed and the calendars date an entry by these, not by the build: the site is built
every day (consent reviews depend on it), and an entry stamped with each build's time would
look changed to every feed reader and calendar app each morning.

Without usable history there are no dates and the callers fall back to the build time: in a
copy without `.git`, and in a shallow clone, whose one commit would date every file to the
latest push. A change not yet committed keeps its last commit's date until it is.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hooks.build_date import RIGA

_COMMIT_MARK = "@"


@dataclass(frozen=True)
class SourceDates:
    first: datetime  # aware, Riga time: the commit that added the file
    last: datetime  # aware, Riga time: the latest commit that changed it
    # How many commits changed it: 1 for a file added and never edited. A calendar entry's
    # SEQUENCE (hooks/event_calendar.py) counts its revisions from this.
    commits: int = 1


def parse_git_log(
    text: str, key: Callable[[str], str | None] | None = None
) -> dict[str, SourceDates]:
    """Dates from `git log --format=@%ct --name-only` output, newest commit first, by path or,
    with `key`, by what `key` makes of the path (None: leave the path out). A commit that
    changes several paths of one key counts once for it."""
    dates: dict[str, SourceDates] = {}
    moment: datetime | None = None
    seen_in_commit: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(_COMMIT_MARK) and line[1:].isdigit():
            moment = datetime.fromtimestamp(int(line[1:]), tz=RIGA)
            seen_in_commit = set()
            continue
        if moment is None:
            continue
        name = key(line) if key else line
        if name is None or name in seen_in_commit:
            continue
        seen_in_commit.add(name)
        known = dates.get(name)
        # Newest first: the first commit seen is the last change, each later one is older.
        dates[name] = (
            SourceDates(first=moment, last=known.last, commits=known.commits + 1)
            if known
            else SourceDates(first=moment, last=moment)
        )
    return dates


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def read_git_log(root: Path, folder: str) -> str:
    """The commits that changed files under `folder`, for `parse_git_log`; empty when `root`
    has no full git history."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return ""
    log = _git(
        root,
        "-c",
        "core.quotepath=off",
        "log",
        f"--format={_COMMIT_MARK}%ct",
        "--name-only",
        "--no-renames",
        "--relative",  # paths from `root`, also when the project is a folder of a larger repo
        "--",
        folder,
    )
    return log or ""


def committed_dates(root: Path, folder: str) -> dict[str, SourceDates]:
    """Dates of the files under `folder`, by path relative to `root` (e.g.
    "docs/events/annual-meeting.lv.md"); empty when `root` has no full git history."""
    return parse_git_log(read_git_log(root, folder))
