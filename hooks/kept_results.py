"""Results kept from one build to the next in one pickle file in `.cache/`, by content key.

Each entry is stored pickled on its own, so every caller that takes it gets objects of its own
that no other caller shares (and may change them). A saved file holds only what the build
used, so it never grows beyond one site's worth.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Bump when the file's layout changes, so older files are ignored rather than misread.
FILE_FORMAT = "1"


@dataclass
class KeptResults:
    """Pickled results by key, and which of them this build used."""

    entries: dict[str, bytes] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def get(self, key: str) -> Any | None:
        stored = self.entries.get(key)
        if stored is None:
            return None
        self.used.add(key)
        return pickle.loads(stored)  # noqa: S301 - our own file in .cache/

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.used.add(key)


def load(path: Path) -> KeptResults:
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)  # noqa: S301 - our own file in .cache/, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return KeptResults()
    if not isinstance(stored, dict) or stored.get("format") != FILE_FORMAT:
        return KeptResults()
    entries = stored.get("entries")
    return KeptResults(entries=entries if isinstance(entries, dict) else {})


def save(kept: KeptResults, path: Path, *, keep_unused: bool = False) -> None:
    """Write what this build used (or, after a partial build, everything still known)."""
    entries = (
        kept.entries
        if keep_unused
        else {key: kept.entries[key] for key in kept.used if key in kept.entries}
    )
    write_pickle(path, {"format": FILE_FORMAT, "entries": entries})


def write_pickle(path: Path, value: Any) -> None:
    """Pickle `value` to `path` atomically: a build stopped halfway leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temp.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temp, path)
