"""Generated files kept once by content in `.cache/files/` and hard-linked into the site.

A full build starts from an empty site folder, so every build used to write the same 9,000
republish downloads again at 1,000 stories. Writing a new small file makes the file system
allocate and fill a data block; on the benchmark VM that cost 0.2-2.4 s of system CPU for
9,000 files, depending on how recently space had been freed, against 0.07 s for 9,000 hard
links. Photos, cards and the search index are published the same way (`images.link_or_copy`).

Each stored file is named by a hash of its bytes, so a stored file is never changed: new
content gets a new name. A site file is linked, never written in place, so editing the site
cannot reach the store either. Files no build used are deleted when the store is saved after a
full build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from hooks.images import link_or_copy
from hooks.kept_results import write_pickle

INDEX_NAME = "index.pickle"
# Bump when the naming changes, so an older index is ignored rather than misread.
FILE_FORMAT = 1


def content_name(content: bytes, suffix: str = "") -> str:
    return hashlib.sha256(content).hexdigest()[:40] + suffix


class FileStore:
    """Content-addressed files under `folder`, and which of them this build used."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.known = self._load_index()

    def _load_index(self) -> set[str]:
        try:
            with (self.folder / INDEX_NAME).open("rb") as handle:
                stored = pickle.load(handle)  # noqa: S301 - our own file in .cache/
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return self._files_on_disk()
        if not isinstance(stored, dict) or stored.get("format") != FILE_FORMAT:
            return self._files_on_disk()
        names = stored.get("names")
        return set(names) if isinstance(names, (set, frozenset, list)) else self._files_on_disk()

    def _files_on_disk(self) -> set[str]:
        """Without an index (first build, or it was lost), what is there, so it can be pruned."""
        found = set()
        with contextlib.suppress(OSError):
            for shard in os.scandir(self.folder):
                if shard.is_dir() and len(shard.name) == 2:
                    found.update(f"{shard.name}/{entry.name}" for entry in os.scandir(shard.path))
        return found

    def place(self, content: bytes, dest: Path, suffix: str = "") -> bool:
        """Put `content` at `dest`; False when `dest` already held it."""
        name = content_name(content, suffix)
        relative = f"{name[:2]}/{name}"
        stored = self.folder / relative
        if relative not in self.used:
            # Once per build: a stored file cut short (a full disk, a killed build) is written
            # again. Two that differ at the same length would need a broken hash.
            try:
                intact = stored.stat().st_size == len(content)
            except FileNotFoundError:
                intact = False
            if not intact:
                _write_atomically(stored, content)
            self.used.add(relative)
        try:
            return link_or_copy(stored, dest)
        except FileNotFoundError:
            # A build on the same .cache (`make serve` beside `make build`) finished a moment
            # ago and deleted it as unused.
            _write_atomically(stored, content)
            return link_or_copy(stored, dest)

    def save(self, *, keep_unused: bool = False) -> list[str]:
        """Remember what is stored, deleting what this build did not use (unless it was a
        partial build); returns the deleted names."""
        unused = sorted(self.known - self.used)
        deleted = []
        if not keep_unused:
            for relative in unused:
                with contextlib.suppress(FileNotFoundError):
                    (self.folder / relative).unlink()
                deleted.append(relative)
        kept = (self.known | self.used) if keep_unused else set(self.used)
        if kept or self.known:
            write_pickle(self.folder / INDEX_NAME, {"format": FILE_FORMAT, "names": kept})
        self.known = kept
        return deleted


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_bytes(content)
    os.replace(temp, path)
