"""Results of the per-file content checks, kept between builds.

Checking a file costs more than building its page (YAML with line numbers, the JSON Schema,
terminology), and the result depends only on the file's bytes, the tree of files its links can
point at, the date, and the rules and data themselves. The build reuses the result of an
unchanged file from the previous build; a change to any of those inputs checks it again. The
rules across files always run, on the current results. `python -m hooks.check` and CI run
without the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# Bump when FileResult changes shape, so old pickles are ignored rather than misread.
CACHE_FORMAT = "4"
_HOOKS_DIR = Path(__file__).resolve().parent
_TOOL_ROOT = _HOOKS_DIR.parent


def _digest_files(paths: Iterable[Path], digest: Any) -> None:
    for path in sorted(paths):
        digest.update(path.as_posix().encode("utf-8"))
        digest.update(path.read_bytes())


def rules_fingerprint(project_root: Path) -> str:
    """A hash of everything the rules read besides the content: their code, schemas and data."""
    digest = hashlib.sha256(CACHE_FORMAT.encode("ascii"))
    _digest_files(_HOOKS_DIR.rglob("*.py"), digest)  # hooks/validation/ too
    # Sorted: a set's order changes from one process to the next (string hashing is salted),
    # and so would the fingerprint.
    folders = {_TOOL_ROOT / "schemas", _TOOL_ROOT / "data", Path(project_root).resolve() / "data"}
    for folder in sorted(folders):
        if folder.is_dir():
            _digest_files((p for p in folder.rglob("*") if p.suffix in (".yml", ".json")), digest)
    return digest.hexdigest()


def tree_fingerprint(files: Iterable[str]) -> str:
    """Links are checked against the tree: adding or removing any file changes every key."""
    return hashlib.sha256("\n".join(sorted(files)).encode("utf-8")).hexdigest()


def file_key(rel: str, raw: bytes, context: str) -> str:
    digest = hashlib.sha256(context.encode("ascii"))
    digest.update(rel.encode("utf-8"))
    digest.update(b"\0")
    digest.update(raw)
    return digest.hexdigest()


def load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)  # noqa: S301 - our own file in .cache/, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return {}
    return stored if isinstance(stored, dict) else {}


def save(path: Path, results: dict[str, Any]) -> None:
    """Only this build's results are kept, so the file never grows with old versions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temp.open("wb") as handle:
        pickle.dump(results, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temp, path)
