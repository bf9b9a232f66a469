"""Digests of the build's source files, without reading a file that has not changed on disk.

The caches are keyed by content, so every build used to read every story three times (check,
catalogue, translation report) and every photo once (235 MB at 1,000 stories) only to learn
that nothing had changed. A file's digest is reused while its identity on disk (device, inode,
size, modification and change time in nanoseconds) is the same; anything that writes, replaces,
copies or renames a file changes at least one of those, and the change time cannot be set back
by a program. A file changed in the last seconds is always read, because a second write within
the file system's clock tick could leave all of them the same ("racy" files, as git calls them).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path

from hooks.kept_results import write_pickle

# Files modified more recently than this are read every time (see above).
RACY_SECONDS = 2.0
# Bump when the saved layout changes, so older files are ignored rather than misread.
FILE_FORMAT = 2

Signature = tuple[int, int, int, int, int]

_known: dict[tuple[str, str], tuple[Signature, str]] = {}
_used: set[tuple[str, str]] = set()


def signature(stat: os.stat_result) -> Signature:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def derived(path: Path, purpose: str, compute: Callable[[bytes], str]) -> str:
    """`compute(bytes of the file)`, reused while the file is untouched on disk.

    `purpose` names what `compute` makes, so that two different values of the same file are
    kept apart. Raises OSError like reading the file would.
    """
    name = os.fspath(path)
    stat = os.stat(name)
    current = signature(stat)
    memo_key = (name, purpose)
    known = _known.get(memo_key)
    if known is not None and known[0] == current:
        _used.add(memo_key)
        return known[1]
    with open(name, "rb") as handle:
        value = compute(handle.read())
    # The stat was taken before reading: had the file changed in between, its signature now
    # differs, and the next call reads it again.
    if time.time() - stat.st_mtime_ns / 1e9 < RACY_SECONDS:
        _known.pop(memo_key, None)
    else:
        _known[memo_key] = (current, value)
        _used.add(memo_key)
    return value


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def sha256_hex(path: Path) -> str:
    """The file's SHA-256 (hex); raises OSError like reading it would."""
    return derived(path, "sha256", _sha256)


def load(path: Path) -> None:
    """Start a build with what the previous one learned (nothing, if the file is unusable)."""
    _used.clear()
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)  # noqa: S301 - our own file in .cache/, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return
    if isinstance(stored, dict) and stored.get("format") == FILE_FORMAT:
        _known.update(stored.get("entries", {}))


def save(path: Path) -> None:
    """End a build: keep only the files this build looked at."""
    entries = {name: _known[name] for name in _used if name in _known}
    write_pickle(path, {"format": FILE_FORMAT, "entries": entries})


def forget() -> None:
    """Drop everything known (tests, and a process that must read every file again)."""
    _known.clear()
    _used.clear()
