"""One page of every page type, in every language: the sample the quality tests walk."""

from __future__ import annotations

from pathlib import Path

PAGE_TYPES = {
    "home": "",
    "content page": "about/",
    "heritage page": "heritage/history/",
    "story listing": "stories/",
    "theme listing": "stories/themes/music/",
    "story": "stories/sample-music-teacher/",
    "events index": "events/",
    "event": "events/annual-meeting-2021/",
    "results": "results/",
    "search": "search/",
}
LANGUAGE_PREFIXES = {"lv": "", "en": "en/", "rml": "rml/"}


def sample_paths(site_dir: Path) -> list[str]:
    """Site-relative paths of the sample; each must exist in the built site."""
    paths = []
    for prefix in LANGUAGE_PREFIXES.values():
        for path in PAGE_TYPES.values():
            full = prefix + path
            assert (site_dir / full / "index.html").exists(), f"missing sample page {full}"
            paths.append(full)
    return paths
