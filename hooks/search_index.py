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
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

# Every page is an index.html (directory URLs). The other .html files are the republish
# copies, one per story and language, which Pagefind would otherwise read and reject (about a
# tenth of its time at 1,000 stories); 404 pages are not indexed.
PAGE_NAME = "index.html"
PAGE_GLOB = f"**/{PAGE_NAME}"
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


# A page as the build wrote it: (length in bytes, SHA-256 of the bytes), by absolute path.
WrittenPages = Mapping[str, tuple[int, bytes]]


def written_page(html: str) -> tuple[int, bytes]:
    """What `index_key` needs of a page, from the text MkDocs is about to write."""
    data = html.encode("utf-8", errors="xmlcharrefreplace")  # as mkdocs.utils.write_file does
    return len(data), hashlib.sha256(data).digest()


def indexed_pages(site_dir: Path) -> list[str]:
    """The site-relative paths Pagefind reads (PAGE_GLOB), outside its own bundle, in path
    order (folder by folder, as `sorted()` orders `Path`s)."""
    found = []
    for folder, subfolders, names in os.walk(site_dir):
        relative = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        if relative == ".":
            relative = ""
            subfolders[:] = [name for name in subfolders if name != BUNDLE]
        if PAGE_NAME in names:
            found.append(f"{relative}/{PAGE_NAME}" if relative else PAGE_NAME)
    return sorted(found, key=lambda relative: relative.split("/"))


def index_key(site_dir: Path, working_dir: Path, written: WrittenPages | None = None) -> str:
    """A hash of everything Pagefind's output depends on: its version and options, its
    configuration, and the path and bytes of every page it reads.

    `written` holds the pages as the build wrote them (`written_page`, from `on_post_page`,
    the last thing to touch a page before MkDocs writes it), so that they need not be read back;
    a page whose length on disk differs from what was recorded there is read.
    """
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
    written = written or {}
    for relative in indexed_pages(site_dir):
        path = os.path.join(site_dir, relative)
        known = written.get(path)
        if known is not None and os.stat(path).st_size == known[0]:
            page_digest = known[1]
        else:
            with open(path, "rb") as handle:
                page_digest = hashlib.sha256(handle.read()).digest()
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(page_digest)
    return digest.hexdigest()


def _link_tree(source: Path, destination: Path) -> None:
    """Copy a folder by hard links (plain copies across file systems)."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, destination, copy_function=link_or_copy)


def build_search_index(
    site_dir: Path, cache_dir: Path | None = None, written: WrittenPages | None = None
) -> bool:
    """Index the site into `site_dir/pagefind/`; True when the index was taken from the cache."""
    working_dir = Path.cwd()
    key = index_key(site_dir, working_dir, written) if cache_dir is not None else ""
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
