"""What a published story adds to the site besides its page: republish downloads, feeds,
structured data and the meta tags for link previews.

These functions turn the build's story model (`hooks.stories`) into the plain records that
`hooks.feeds`, `hooks.reuse` and `hooks.structured_data` work with, and write the files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from hooks import feeds, reuse, site_data
from hooks.alternates import absolute
from hooks.file_store import FileStore
from hooks.kept_results import KeptResults
from hooks.languages import credit_language, url_prefix
from hooks.stories import StoryVersion, person_label, place_label
from hooks.translations import translation_status

FEED_SITE_NAMES = reuse.SITE_NAMES

FEED_TITLES: dict[str, str] = site_data.label_by_language("stories_feed_title")

# A feed carries the newest stories, not the archive: readers poll it often, on phones too, and
# with full texts a thousand entries would be megabytes on every poll. Older stories stay on the
# site and in its listings.
FEED_ENTRY_LIMIT = 50


def story_url(story: StoryVersion, site_url: str) -> str:
    return absolute(site_url, url_prefix(story.language) + story.url_path)


def as_published(
    story: StoryVersion,
    site_url: str,
    region_names: Mapping[str, str],
    images: Iterable[feeds.StoryImage] = (),
) -> feeds.StoryVersion:
    """The story as feeds, reuse and structured data see it: only what may be shown.

    `images` are the published photos in page order; the first is the story's picture in
    feeds and structured data.
    """
    credits = story.credits
    photos = story.photos_allowed
    shown = tuple(images) if photos else ()
    image = shown[0] if shown else None
    return feeds.StoryVersion(
        slug=story.slug,
        language=story.language,
        title=story.title,
        summary=story.summary,
        date=story.published or date(1970, 1, 1),
        url=story_url(story, site_url),
        author=str(credits.get("author") or ""),
        person_label=person_label(story.meta.get("person")),
        licence=story.licence,
        translator=credits.get("translator"),
        photographer=credits.get("photographer") if image is not None else None,
        place_label=place_label(story.meta.get("place"), region_names) or None,
        themes=story.themes,
        sample=story.sample,
        author_is_organization=bool(story.sample),
        image=image,
        images=shown,
        translation_unreviewed=translation_status(story.meta, story.language) == "unreviewed",
        republication_allowed=story.republication_allowed,
        credit_language=credit_language(story.meta, story.language),
    )


@dataclass(frozen=True)
class RepublishMaterial:
    credit_line_html: str  # `reuse.credit_line`, escaped, with the credit names' own `lang`
    licence_name: str  # "Creative Commons Attribution 4.0 International"
    licence_url: str
    licence_label: str  # "CC BY 4.0", as the copies' licence line gives it
    licence_summary: str  # what the licence allows, in one plain sentence
    html: str  # the story and its credit: the feeds' full text, the downloaded file's body
    files: Mapping[str, str]  # kind ("html", "txt", "md") -> file name beside the story page
    snippet: str  # `html` under the story's title, to copy and paste (the textarea)


# Bump when hooks/reuse.py (or hooks/dates.py, for the credit line's date) changes what the
# copies look like, so cached copies are redone.
REPUBLISH_VERSION = "7"


def republish_copies_cached(
    published: feeds.StoryVersion,
    story_html: str,
    kept: KeptResults,
    *,
    images_allowed: bool,
) -> reuse.RepublishCopies:
    """The three republish copies, made once per story text and kept between builds.

    Cleaning a story for republication costs more than rendering its page, and the result
    depends only on the rendered story and what it says about itself, so unchanged stories
    reuse the copies from the previous build.
    """
    key_source = json.dumps(
        [REPUBLISH_VERSION, story_html, repr(published), images_allowed], ensure_ascii=False
    )
    key = "republish:" + hashlib.sha256(key_source.encode("utf-8")).hexdigest()
    copies = kept.get(key)
    if copies is None:
        copies = reuse.republish_copies(
            story_html, published, published.language, images_allowed=images_allowed
        )
        kept.put(key, copies)
    return copies


def write_republish_material(
    published: feeds.StoryVersion,
    story_html: str,
    page_dir: Path,
    *,
    images_allowed: bool,
    kept: KeptResults,
    store: FileStore,
) -> RepublishMaterial:
    """Put the copy-paste HTML, plain text and Markdown next to the story page (hard-linked
    from `store`, see hooks/file_store.py)."""
    language = published.language
    copies = republish_copies_cached(published, story_html, kept, images_allowed=images_allowed)
    html, text, markdown = copies.html, copies.text, copies.markdown
    page_dir.mkdir(parents=True, exist_ok=True)
    files = {}
    # The file is a whole document; the snippet to paste stays a fragment.
    document = reuse.html_document(
        html,
        published.title,
        language,
        tab_title=feeds.labelled_title(published.title, language, sample=published.sample),
    )
    for kind, content in (("html", document), ("txt", text), ("md", markdown)):
        name = f"{published.slug}.{language}.{kind}"
        store.place(content.encode("utf-8"), page_dir / name, suffix=f".{kind}")
        files[kind] = name
    chosen = reuse.licence(published.licence)
    return RepublishMaterial(
        credit_line_html=reuse.credit_line_html(published, language),
        licence_name=chosen.name,
        licence_url=reuse.deed_url(published.licence, language),
        licence_label=reuse.licence_label(published.licence),
        licence_summary=reuse.licence_summary(published.licence, language),
        html=html,
        files=files,
        snippet=copies.snippet,
    )


def write_story_feeds(
    site_dir: Path,
    site_url: str,
    language: str,
    entries: Iterable[feeds.FeedEntry],
    build_day: date,
    image_lengths: Mapping[str, int] | None = None,
) -> tuple[str, str]:
    """Atom and JSON Feed of one language's newest stories (at most FEED_ENTRY_LIMIT); returns
    their site-relative paths. `image_lengths` gives the bytes of a published photo by its URL,
    for the Atom enclosures."""
    folder = url_prefix(language) + "stories/"
    atom_path, json_path = folder + "feed.xml", folder + "feed.json"
    lengths = image_lengths or {}
    entries = [
        replace(entry, image_length=lengths[entry.image_url])
        if entry.image_url in lengths
        else entry
        for entry in feeds.newest_first(entries)[:FEED_ENTRY_LIMIT]
    ]
    home = absolute(site_url, folder)
    atom = feeds.atom_feed(
        feed_id=absolute(site_url, atom_path),
        title=FEED_TITLES[language],
        subtitle=None,
        site_url=home,
        feed_url=absolute(site_url, atom_path),
        language=language,
        entries=entries,
        updated=build_day if not entries else None,
    )
    document = feeds.json_feed(
        title=FEED_TITLES[language],
        home_page_url=home,
        feed_url=absolute(site_url, json_path),
        language=language,
        items=entries,
        credits_about=absolute(site_url, url_prefix(language) + "press/"),
    )
    (site_dir / folder).mkdir(parents=True, exist_ok=True)
    (site_dir / atom_path).write_text(atom, encoding="utf-8")
    (site_dir / json_path).write_text(
        json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return atom_path, json_path
