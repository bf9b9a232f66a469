"""The anchors a content page has (`page.md#part`), as the site build gives them to its HTML.

A link to a missing anchor fails the build (MkDocs' `validation.links.anchors`), so the quick
check needs the same anchors. They are not guessed from the headings: the page's Markdown is
rendered with the site's own Markdown extensions (read from `mkdocs.yml`) and its citations, and
every `id` in the result counts, so custom `{#ids}`, footnotes and HTML ids are all found.
Rendering costs about a millisecond a page, too much for 3,000 pages in the quick check, so an
anchor that a plain heading of the page certainly gives is accepted without rendering; only the
rest (custom ids, headings with markup, footnotes, a missing anchor) renders the page. Results
are kept while the file is unchanged (hooks/file_digests.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import markdown
import yaml
from markdown.extensions import toc

from hooks import file_digests
from hooks.citations import parse_sources, render_citations
from hooks.frontmatter import parse_content
from hooks.validation.markdown_scan import blank_code_and_comments

# MkDocs always adds these to the configured extensions.
_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
_ID_RE = re.compile(r"""<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!!python/name:` tags only matter to MkDocs."""


_PermissiveLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def markdown_settings(mkdocs_yml: Path) -> tuple[tuple[str, ...], str]:
    """The site's Markdown extensions and their settings (as JSON, so the result hashes)."""
    try:
        stat = mkdocs_yml.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)
    # Keyed by the file's time as well: `mkdocs serve` reloads mkdocs.yml in the same process.
    return _markdown_settings(mkdocs_yml, stamp)


@cache
def _markdown_settings(mkdocs_yml: Path, _stamp: tuple[int, int]) -> tuple[tuple[str, ...], str]:
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_PermissiveLoader)  # noqa: S506 - SafeLoader subclass
    except (OSError, yaml.YAMLError):
        config = None
    names = list(_BUILTIN_EXTENSIONS)
    settings: dict[str, Any] = {}
    entries = config.get("markdown_extensions") if isinstance(config, dict) else None
    for entry in entries or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if not isinstance(name, str):
            continue
        if name not in names:
            names.append(name)
        if isinstance(options, dict):
            # A `!!python/name:` value reads as None; the extension's default stands in for it.
            settings[name] = {key: value for key, value in options.items() if value is not None}
    return tuple(names), json.dumps(settings, sort_keys=True, default=str)


@cache
def _usable_extensions(names: tuple[str, ...], settings: str) -> tuple[str, ...]:
    """The extensions that load here; one the check cannot load must not stop the check."""
    configs = json.loads(settings)
    usable = []
    for name in names:
        try:
            markdown.Markdown(
                extensions=[name],
                extension_configs={name: configs[name]} if name in configs else {},
            )
        except Exception:  # noqa: BLE001, S112 - any failure means "leave this one out"
            continue
        usable.append(name)
    return tuple(usable)


def _renderer(names: tuple[str, ...], settings: str) -> markdown.Markdown:
    usable = _usable_extensions(names, settings)
    configs = {name: options for name, options in json.loads(settings).items() if name in usable}
    return markdown.Markdown(extensions=list(usable), extension_configs=configs)


def anchors_in_markdown(
    body: str, front_matter: dict[str, Any] | None, language: str, mkdocs_yml: Path
) -> frozenset[str]:
    """Every anchor of the page whose text is `body`."""
    names, settings = markdown_settings(mkdocs_yml)
    sources = (front_matter or {}).get("sources")
    if isinstance(sources, list) and sources:
        # Malformed sources are reported by the schema; their anchors are moot.
        with contextlib.suppress(TypeError, ValueError, AttributeError):
            body = render_citations(body, parse_sources(sources), language).markdown
    rendered = _renderer(names, settings).convert(body)
    return frozenset(
        html.unescape(match.group(1) if match.group(1) is not None else match.group(2))
        for match in _ID_RE.finditer(rendered)
    )


# A heading whose text is plain words: its rendered text, and so its anchor, is the text itself.
_PLAIN_HEADING_RE = re.compile(
    r"^ {0,3}#{1,6}[ \t]+([^\W_][^_*`<>&\[\]{}\\!#]*?)[ \t]*#*[ \t]*$", re.MULTILINE
)
_HTML_BLOCK_RE = re.compile(r"^ {0,3}<[a-zA-Z]", re.MULTILINE)


def plain_heading_anchors(prose: str) -> frozenset[str]:
    """Anchors the page certainly has, read from its plain `#` headings without rendering.

    `prose` is the page's text with code and comments blanked (`blank_code_and_comments`).
    Only plain text headings outside HTML blocks count: with emphasis, code, links, entities or
    `{#id}` the rendered heading text (and so its anchor) can differ. A heading whose slug an
    earlier id already took gets `slug_1`, yet the anchor `slug` still exists.
    """
    if _HTML_BLOCK_RE.search(prose):
        return frozenset()  # `#` lines inside a raw HTML block are not headings
    return frozenset(
        slug
        for slug in (
            toc.slugify(match.group(1), "-") for match in _PLAIN_HEADING_RE.finditer(prose)
        )
        if slug
    )


def plain_headings_apply(mkdocs_yml: Path) -> bool:
    """Whether headings get Python-Markdown's default anchors, as `plain_heading_anchors` reads."""
    toc_options = json.loads(markdown_settings(mkdocs_yml)[1]).get("toc", {})
    return not {"slugify", "separator"} & set(toc_options)


def has_anchor(path: Path, anchor: str, language: str, mkdocs_yml: Path) -> bool:
    """Whether the page has the anchor; renders the page only when its headings do not say."""
    if plain_headings_apply(mkdocs_yml):
        with contextlib.suppress(OSError):
            plain = file_digests.derived(
                path,
                "anchors:plain:1",
                lambda raw: "\n".join(
                    plain_heading_anchors(
                        blank_code_and_comments(
                            parse_content(raw.decode("utf-8", errors="replace")).body
                        )
                    )
                ),
            )
            if anchor in plain.split("\n"):
                return True
    return anchor in anchors_of_file(path, language, mkdocs_yml)


def anchors_of_file(path: Path, language: str, mkdocs_yml: Path) -> frozenset[str]:
    """The anchors of a content file, reused while neither it nor the site settings change."""
    names, settings = markdown_settings(mkdocs_yml)
    fingerprint = hashlib.sha256(f"{names}{settings}{markdown.__version__}".encode()).hexdigest()

    def compute(raw: bytes) -> str:
        content = parse_content(raw.decode("utf-8", errors="replace"))
        data = content.data if isinstance(content.data, dict) else None
        return "\n".join(sorted(anchors_in_markdown(content.body, data, language, mkdocs_yml)))

    try:
        joined = file_digests.derived(path, f"anchors:1:{language}:{fingerprint[:16]}", compute)
    except OSError:
        return frozenset()
    return frozenset(joined.split("\n")) - {""}
