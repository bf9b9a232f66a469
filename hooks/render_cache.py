"""Pages whose Markdown has not changed are not parsed and converted again.

Reading front matter (YAML) and converting Markdown are MkDocs' largest costs in a build where
little has changed: about a quarter of the CPU of a warm build of 1,000 stories in three
languages, and all of it repeated on every `serve` rebuild and every daily deploy. What
`Page.read_source` and `Page.render` produce depends only on:

- the source text (for the front matter), or the Markdown after every `on_page_markdown`
  handler (for the HTML);
- where the page is and where every other file of the build is (links are rewritten and
  checked against them);
- the Markdown extensions and their settings, the link-validation settings and the versions
  of the packages that do the work.

So both results are kept by a hash of exactly those inputs, in one file in `.cache/`, and
reused when all of them are the same. A conversion that logged anything (a broken link, say)
is never kept, so the message and, under `--strict`, the failed build come back every time.
The cache holds only what this build used, so it never grows beyond one site's pages.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from hooks.kept_results import KeptResults

# Bump when what is stored changes shape, so older entries are never misread.
CACHE_FORMAT = "1"
# The packages whose code turns Markdown into HTML; a new version may convert differently.
CONVERTING_PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")


def _package_versions() -> str:
    versions = []
    for name in CONVERTING_PACKAGES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return ",".join(versions)


def stable_repr(value: Any) -> str:
    """A text for settings that is the same in every process.

    `repr` of a function or an object includes its memory address, which would make every
    build a cache miss; functions are named by module and qualified name instead, and mappings
    are sorted by key.
    """
    if isinstance(value, Mapping):
        items = sorted((str(key), stable_repr(item)) for key, item in value.items())
        return "{" + ",".join(f"{key!r}:{item}" for key, item in items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(stable_repr(item) for item in value) + "]"
    if isinstance(value, str | int | float | bool) or value is None:
        return repr(value)
    if callable(value):
        module = getattr(value, "__module__", "?")
        return f"<{module}.{getattr(value, '__qualname__', type(value).__qualname__)}>"
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def settings_fingerprint(
    markdown_extensions: Iterable[Any],
    extension_configs: Mapping[str, Any],
    *,
    use_directory_urls: bool,
    validation: Any,
    log_level: int,
) -> str:
    """Everything besides the page and the file list that a conversion depends on.

    The log level is part of it because MkDocs records links to anchors only above DEBUG, and
    a message below the level is never emitted, so a page converted quietly must not stand in
    for one converted where the message would have shown.
    """
    digest = hashlib.sha256(CACHE_FORMAT.encode("ascii"))
    for part in (
        _package_versions(),
        stable_repr(list(markdown_extensions)),
        stable_repr(dict(extension_configs)),
        repr(use_directory_urls),
        stable_repr(validation),
        str(log_level),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def files_fingerprint(files: Iterable[Any]) -> str:
    """The build's files as links see them: source path, output path, URL, inclusion.

    Adding, removing or moving any file changes it, which converts every page again: a link
    that pointed nowhere may now be fine, and the other way round.
    """
    rows = sorted(
        f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{getattr(file, 'inclusion', '')}"
        for file in files
    )
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def render_key(markdown: str, src_uri: str, url: str, files_key: str, settings_key: str) -> str:
    digest = hashlib.sha256()
    for part in ("html", settings_key, files_key, src_uri, url, markdown):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def source_key(source: str) -> str:
    return hashlib.sha256(b"source\0" + source.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rendered:
    """What `Page.render` leaves on the page, with files named by their source path."""

    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents
    title: str | None
    present_anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.emitted = False

    def emit(self, record: logging.LogRecord) -> None:
        self.emitted = True


def run_logged(work: Callable[[], None]) -> bool:
    """Run `work`; True when it logged nothing at INFO or above anywhere."""
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    try:
        work()
    finally:
        root.removeHandler(recorder)
    return not recorder.emitted


def rendered_from_page(page: Any) -> Rendered:
    links = page.links_to_anchors
    return Rendered(
        content=page.content,
        toc=page.toc,
        title=page._title_from_render,
        present_anchor_ids=None
        if page.present_anchor_ids is None
        else frozenset(page.present_anchor_ids),
        links_to_anchors=None
        if links is None
        else {target.src_uri: dict(anchors) for target, anchors in links.items()},
    )


def apply_rendered(page: Any, rendered: Rendered, files: Any) -> bool:
    """Put a kept conversion on the page; False when a file it links to is gone."""
    links = None
    if rendered.links_to_anchors is not None:
        links = {}
        # The kept keys are `File.src_uri`s already; `get_file_from_path` would normalise each
        # one through a PurePath (a tenth of a second per 1,000 stories).
        by_src_uri = files.src_uris
        for src_uri, anchors in rendered.links_to_anchors.items():
            target = by_src_uri.get(src_uri)
            if target is None:
                return False
            links[target] = dict(anchors)
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = (
        None if rendered.present_anchor_ids is None else set(rendered.present_anchor_ids)
    )
    page.links_to_anchors = links
    return True


# -- the two Page methods, with the cache in front ------------------------------------------
# MkDocs 1.6 calls `page.read_source(config)` and then `page.render(config, files)` for every
# page it builds; the plugin points them at these (per page, in `on_pre_page`). A miss runs
# MkDocs' own method, so only the bookkeeping around it lives here.


def cached_read_source(page: Any, config: Any, cache: KeptResults) -> None:
    from mkdocs.utils import meta

    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        source = page.file.content_string
    key = source_key(source)
    kept = cache.get(key)
    if kept is None:
        kept = meta.get_data(source)
        cache.put(key, kept)
    page.markdown, page.meta = kept


def cached_render(
    page: Any, config: Any, files: Any, cache: KeptResults, settings_key: str, files_key: str
) -> bool:
    """Convert the page's Markdown, or take the HTML kept for it; True when it was kept."""
    from mkdocs.structure.pages import Page

    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    key = render_key(page.markdown, page.file.src_uri, page.url, files_key, settings_key)
    kept = cache.get(key)
    if kept is not None and apply_rendered(page, kept, files):
        return True
    if run_logged(lambda: Page.render(page, config, files)):
        cache.put(key, rendered_from_page(page))
    return False
