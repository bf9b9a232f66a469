"""Per-language search with Pagefind, indexed once after the last language is built.

Pagefind splits the index by each page's `<html lang>`, folds diacritics ("cigani" finds
"čigāni") and loads index chunks only when someone searches. Only elements marked
`data-pagefind-body` are indexed, so fallback copies and utility pages stay out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAGE_GLOB = "**/index.html"


def build_search_index(site_dir: Path) -> None:
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
        # Heading permalinks ("¶") are navigation, not text.
        "--exclude-selectors", ".headerlink",
        # Every page is an index.html (directory URLs). The other .html files are the
        # republish copies, one per story and language, which Pagefind would otherwise read
        # and reject (about a tenth of its time at 1,000 stories); 404 pages are not indexed.
        "--glob", PAGE_GLOB,
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(
            "Pagefind could not index the site:\n" + completed.stdout + completed.stderr
        )
    remove_unused_pagefind_files(site_dir / "pagefind")


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
