"""Per-language search with Pagefind, indexed once after the last language is built.

Pagefind splits the index by each page's `<html lang>`, folds diacritics ("cigani" finds
"čigāni") and loads index chunks only when someone searches. Only elements marked
`data-pagefind-body` are indexed, so fallback copies and utility pages stay out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_search_index(site_dir: Path) -> None:
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
        # Heading permalinks ("¶") are navigation, not text.
        "--exclude-selectors", ".headerlink",
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(
            "Pagefind could not index the site:\n" + completed.stdout + completed.stderr
        )
