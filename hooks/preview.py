"""The one-language preview (`make serve LANGUAGE=en`): which generated pages a rebuild may skip.

`serve --dirty` renders again only the files that changed. The story lists (all stories, each
theme, each region, page by page) are generated, so they never "change" as files; what they
show comes from the stories' front matter, the photos, the interface data and the templates.
Rendering them on every save was most of a rebuild. A list page is rendered again when any of
those inputs changed since this `serve` process last rendered it, and skipped otherwise: saving
a story's text re-renders that story only, while a new title re-renders the lists it is on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from hooks.listings import ListingPage

# Per `serve` process: what each list page was last rendered from (page address -> key).
# MkDocs makes new plugin objects for every rebuild, so this lives at module level.
_rendered_from: dict[str, str] = {}


def folder_state(folders: Iterable[Path], files: Iterable[Path] = ()) -> str:
    """Names, sizes and change times of every file in `folders` and of `files`.

    Cheaper than reading them: the templates, the interface strings and the pages whose titles
    make up the navigation are all here, and any edit changes a file's size or time.
    """
    digest = hashlib.sha256()
    paths = [*files]
    for folder in folders:
        for root, _subfolders, names in os.walk(folder):
            paths.extend(Path(root, name) for name in names)
    for path in sorted(paths):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def listing_key(
    listing: ListingPage, all_pages: Iterable[ListingPage], image_keys: Mapping[str, str], site: str
) -> str:
    """Everything a list page shows: its stories' front matter and photos, the other list pages
    (page links and theme and region counts) and the site's files (`site`, from folder_state)."""
    digest = hashlib.sha256(site.encode())
    digest.update(repr((listing.kind, listing.key, listing.number, listing.total_pages)).encode())
    for story in listing.stories:
        digest.update(repr((story.src_uri, story.url_path, sorted(story.meta.items()))).encode())
        digest.update(image_keys.get(story.src_uri, "").encode())
    for page in all_pages:
        digest.update(repr((page.kind, page.key, page.number, len(page.stories))).encode())
    return digest.hexdigest()


def changed_since_last_render(page_url: str, key: str) -> Callable[[], bool]:
    """For `File.is_modified`: True the first time, and whenever the page's key has changed.

    MkDocs asks more than once per build (to read the page, then to write it), so the answer is
    decided at the first question and repeated after.
    """
    answer: list[bool] = []

    def is_modified() -> bool:
        if not answer:
            answer.append(_rendered_from.get(page_url) != key)
            _rendered_from[page_url] = key
        return answer[0]

    return is_modified


def forget_rendered() -> None:
    """After a failed rebuild nothing is known to be on disk: render every list page again."""
    _rendered_from.clear()
