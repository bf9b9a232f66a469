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


def parse_git_log(text: str) -> dict[str, SourceDates]:
    """Dates per path from `git log --format=@%ct --name-only` output, newest commit first."""
    dates: dict[str, SourceDates] = {}
    moment: datetime | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(_COMMIT_MARK) and line[1:].isdigit():
            moment = datetime.fromtimestamp(int(line[1:]), tz=RIGA)
            continue
        if moment is None:
            continue
        known = dates.get(line)
        # Newest first: the first commit seen is the last change, each later one is older.
        dates[line] = (
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


def committed_dates(root: Path, folder: str) -> dict[str, SourceDates]:
    """Dates of the files under `folder`, by path relative to `root` (e.g.
    "docs/events/annual-meeting.lv.md"); empty when `root` has no full git history."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return {}
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
    return parse_git_log(log) if log else {}
