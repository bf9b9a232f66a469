"""`mkdocs serve` edit-to-reload time: how long after saving a file the served page shows it."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL_S = 0.1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def _log_text(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _wait(predicate, timeout: float) -> float | None:
    """Seconds until predicate() is true, or None after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(POLL_S)
    return None


def _append_marker(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nEdited paragraph {marker}.\n", encoding="utf-8")


def measure_reload(
    project: Path,
    env: dict[str, str],
    log: Path,
    edits: list[tuple[str, Path, str]],
    *,
    start_timeout: float,
    reload_timeout: float,
    detect_timeout: float = 20.0,
    extra_args: tuple[str, ...] = (),
) -> dict:
    """Start `mkdocs serve`, then for each (name, file, page path): edit the file, time the reload.

    For each edit: `detected` says whether the server noticed the change (its log says
    "Detected file changes"), `reload_s` is the time from saving to the page containing the
    edit (None when it never did within the timeouts). The server is always stopped.
    """
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [
        sys.executable, "-m", "mkdocs", "serve",
        "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}", *extra_args,
    ]  # fmt: skip
    result: dict = {"edits": {}}
    with log.open("w", encoding="utf-8") as handle:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        first_page = edits[0][2]
        started = _wait(lambda: _get(base + first_page) is not None, start_timeout)
        result["first_build_s"] = round(started, 2) if started is not None else None
        watched = re.search(r"Watching paths for changes: (.*)", _log_text(log))
        result["watched"] = watched.group(1) if watched else None
        if started is None:
            result["error"] = "the server did not start in time"
            return result
        for number, (name, path, page) in enumerate(edits):
            marker = f"benchmarker{number}x{int(time.time())}"
            offset = len(_log_text(log))
            _append_marker(path, marker)
            saved = time.perf_counter()
            detected = _wait(
                lambda offset=offset: "Detected file changes" in _log_text(log)[offset:],
                detect_timeout,
            )
            entry: dict = {"file": path.relative_to(project).as_posix(), "page": page}
            entry["detected"] = detected is not None
            if detected is None:
                entry["reload_s"] = None
            else:
                shown = _wait(
                    lambda page=page, marker=marker: marker in (_get(base + page) or ""),
                    reload_timeout,
                )
                entry["reload_s"] = (
                    round(time.perf_counter() - saved, 2) if shown is not None else None
                )
            result["edits"][name] = entry
        return result
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with_group = process.pid  # start_new_session: the server leads its own process group
    try:
        os.killpg(with_group, signal.SIGTERM)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(with_group, signal.SIGKILL)
        process.wait(timeout=15)
