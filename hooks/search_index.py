"""Per-language search with Pagefind, indexed once after the last language is built.

Pagefind splits the index by each page's `<html lang>`, folds diacritics ("cigani" finds
"čigāni") and loads index chunks only when someone searches. Only elements marked
`data-pagefind-body` are indexed, so fallback copies and utility pages stay out.

Indexing is the largest single step of a build (a quarter of its CPU at 1,000 stories), and
its result depends only on the pages it reads and on how it is run. So the finished index is
kept in `.cache/pagefind/` under a hash of exactly those, and a build whose pages are all the
same as last time links it into the site instead of indexing again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

# Every page is an index.html (directory URLs). The other .html files are the republish
# copies, one per story and language, which Pagefind would otherwise read and reject (about a
# tenth of its time at 1,000 stories); 404 pages are not indexed.
PAGE_GLOB = "**/index.html"
BUNDLE = "pagefind"
# Pagefind also reads a configuration file from its working folder and PAGEFIND_* variables.
CONFIG_FILES = ("pagefind.json", "pagefind.toml", "pagefind.yml", "pagefind.yaml")

PAGEFIND_OPTIONS = (
    "--quiet",
    # Heading permalinks ("¶") are navigation, not text.
    "--exclude-selectors", ".headerlink",
    "--glob", PAGE_GLOB,
)  # fmt: skip


def _pagefind_version() -> str:
    for name in ("pagefind", "pagefind-bin"):
        try:
            return f"{name}={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "pagefind=unknown"


def index_key(site_dir: Path, working_dir: Path) -> str:
    """A hash of everything Pagefind's output depends on: its version and options, its
    configuration, and the path and bytes of every page it reads."""
    digest = hashlib.sha256()
    for part in (_pagefind_version(), *PAGEFIND_OPTIONS):
        digest.update(part.encode("utf-8") + b"\0")
    for name, value in sorted(os.environ.items()):
        if name.startswith("PAGEFIND_"):
            digest.update(f"{name}={value}".encode() + b"\0")
    for name in CONFIG_FILES:
        config = working_dir / name
        if config.is_file():
            digest.update(name.encode("utf-8") + b"\0" + config.read_bytes() + b"\0")
    for page in sorted(site_dir.glob(PAGE_GLOB)):
        if page.relative_to(site_dir).parts[0] == BUNDLE:
            continue
        digest.update(page.relative_to(site_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(page.read_bytes()).digest())
    return digest.hexdigest()


def _link_tree(source: Path, destination: Path) -> None:
    """Copy a folder by hard links (plain copies across file systems)."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, destination, copy_function=link_or_copy)


def build_search_index(site_dir: Path, cache_dir: Path | None = None) -> bool:
    """Index the site into `site_dir/pagefind/`; True when the index was taken from the cache."""
    working_dir = Path.cwd()
    key = index_key(site_dir, working_dir) if cache_dir is not None else ""
    kept = cache_dir / key if cache_dir is not None else None
    bundle = site_dir / BUNDLE
    if kept is not None and (kept / "pagefind-entry.json").is_file():
        shutil.rmtree(bundle, ignore_errors=True)
        _link_tree(kept, bundle)
        return True
    # Unlinked first, so that Pagefind never writes into files the cache shares.
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), *PAGEFIND_OPTIONS]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(
            "Pagefind could not index the site:\n" + completed.stdout + completed.stderr
        )
    remove_unused_pagefind_files(bundle)
    if kept is not None and cache_dir is not None:
        # Only the newest index is kept: an older one would only match an older site.
        shutil.rmtree(cache_dir, ignore_errors=True)
        cache_dir.mkdir(parents=True)
        temp = cache_dir / f".{key}.{os.getpid()}.tmp"
        _link_tree(bundle, temp)
        temp.rename(kept)
    return False


# Pagefind always writes its ready-made interfaces; the site's own search page
# (docs/assets/js/search.js) uses only its JavaScript API (pagefind.js, the worker, the
# WebAssembly and the index), so these are not deployed.
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


def remove_unused_pagefind_files(bundle_dir: Path) -> list[str]:
    removed = []
    for name in UNUSED_PAGEFIND_FILES:
        path = bundle_dir / name
        if path.is_file():
            path.unlink()
            removed.append(name)
    return removed
