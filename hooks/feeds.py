"""Atom 1.0 and JSON Feed 1.1 feeds of the published stories, and the story model they share.

`StoryVersion` is one language version of a story as it is published: already past the consent
gate, with the place reduced to the level the storyteller agreed to and `image` set only when
there is photo consent. `hooks/structured_data.py` and `hooks/reuse.py` take the same model, so
what a feed, a search engine and a republishing journalist see cannot drift apart.

The feed builders take `FeedEntry`, which knows nothing about stories, so that events can reuse
them. `story_feed_entry` turns a story version into an entry.

Dates are written as RFC 3339 with the Europe/Riga offset: a story dated 3 March is dated
3 March for the editors in Riga, whatever time zone a feed reader later shows it in.
Everything here is plain Python: the MkDocs glue lives in `hooks/plugin.py`.
"""

from __future__ import annotations

import mimetypes
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from hooks import site_data
from hooks.languages import LANGUAGE_CODES

RIGA = ZoneInfo("Europe/Riga")

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
JSON_FEED_CREDITS = "_credits"  # our extension object of an item
CALENDAR_TYPE = "text/calendar"  # RFC 5545 §8.1

# The feeds' author: the ministry is legally responsible for the site, whoever wrote a story.
# Its name, like all wording here, is in `labels:` of data/ui/<lang>.yml.
MINISTRY_NAMES: dict[str, str] = site_data.label_by_language("ministry_name")

# Shown wherever a story marked `sample` leaves the site, so that no feed reader, search engine
# or republished copy presents an invented story as a real person's life.
SAMPLE_NOTICES: dict[str, str] = site_data.label_by_language("sample_notice")

# The short label ("Illustrative example.") that the page's banner starts with. It goes before
# a sample's title wherever the title is seen without the page: in feed readers, link
# previews, social cards, search results and calendars.
SAMPLE_LABELS: dict[str, str] = {
    code: site_data.ui_strings(code)["site"]["sample_label"] for code in LANGUAGE_CODES
}


def labelled_title(title: str, language: str, *, sample: bool) -> str:
    """`title`, led by the language's sample label when the story or event is illustrative."""
    if not sample:
        return title
    return f"{SAMPLE_LABELS.get(language, SAMPLE_LABELS['en'])} {title}"


# XML 1.0 cannot carry most C0 control characters, not even escaped; one pasted from a word
# processor into a title would otherwise make the whole feed unreadable.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class StoryImage:
    url: str  # absolute
    width: int
    height: int
    alt: str
    credit: str
    # An id from hooks.reuse.LICENCES, or None: then the image is not in republish copies.
    licence: str | None = None


@dataclass(frozen=True)
class StoryVersion:
    """One language version of a published story."""

    slug: str
    language: str  # "lv" | "en" | "rml"
    title: str
    summary: str
    date: date  # first published
    url: str  # absolute URL of this language version
    author: str  # credit name of whoever wrote or recorded the story
    person_label: str  # how the storyteller is named; may be a pseudonym
    licence: str  # an id from hooks.reuse.LICENCES, e.g. "CC-BY-4.0"
    updated: date | None = None
    translator: str | None = None
    photographer: str | None = None
    place_label: str | None = None  # already reduced to the consented level
    themes: Sequence[str] = ()
    sample: bool = False
    author_is_organization: bool = False
    image: StoryImage | None = None  # None without photo consent
    images: tuple[StoryImage, ...] = ()  # every photo the page shows; () without photo consent
    translation_unreviewed: bool = False  # a translation no language specialist has checked
    # False when the storyteller did not agree to republication: then no licence is offered.
    republication_allowed: bool = True
    # The language the credit names are written in when it is not the story's (`lang` in HTML).
    credit_language: str = ""


class Contributor(NamedTuple):
    """Someone the page credits besides the entry's author, with the role it credits them for."""

    name: str
    # "translator" or "photographer": stable words for a journalist's tool, whatever the
    # feed's language (the page's own labels are "Tulkotājs", "Foto", …).
    role: str


# The role of a story's author in JSON Feed's `_credits.contributors`, as the page's credits
# list the author first ("Author: …").
AUTHOR_ROLE = "author"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    url: str
    title: str
    summary: str
    published: date | datetime
    updated: date | datetime | None
    author: str
    categories: Sequence[str] = ()
    rights: str | None = None  # the licence's name, or why no licence covers the entry
    content_html: str | None = None
    rights_url: str | None = None  # Atom link rel="license" (RFC 4946)
    contributors: Sequence[Contributor] = ()  # translators, photographers
    # True where the page credits the author by role as well (a story's "Author: …"); then
    # `_credits.contributors` lists the author first, so it holds the page's whole credits list.
    author_credited: bool = False
    language: str | None = None
    image_url: str | None = None
    image_length: int | None = None  # bytes of the file at image_url, once it is written
    calendar_url: str | None = None  # an event's own .ics file, for "add to calendar"
    # False for a story whose storyteller did not agree to republication: `rights` then says so,
    # since a feed reader would otherwise take the summary to be under the site's own licence.
    republication_allowed: bool = True


def rfc3339(value: date | datetime) -> str:
    """A date (midnight in Riga) or a datetime (naive ones taken as Riga time) as RFC 3339."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=RIGA)
    else:
        moment = datetime.combine(value, time(0, 0), tzinfo=RIGA)
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _as_datetime(value: date | datetime) -> datetime:
    # Comparable across dates and aware datetimes, for sorting and for "latest".
    return datetime.fromisoformat(rfc3339(value).replace("Z", "+00:00"))


def _last_changed(entry: FeedEntry) -> date | datetime:
    return entry.updated if entry.updated is not None else entry.published


def newest_first(entries: Iterable[FeedEntry]) -> list[FeedEntry]:
    # The id breaks ties so that two stories published on the same day keep their order from
    # one build to the next, and readers do not see them as changed.
    by_id = sorted(entries, key=lambda entry: entry.id)
    return sorted(by_id, key=lambda entry: _as_datetime(entry.published), reverse=True)


def _clean(text: str) -> str:
    return _XML_INVALID_RE.sub("", text)


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, name, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def atom_feed(
    feed_id: str,
    title: str,
    subtitle: str | None,
    site_url: str,
    feed_url: str,
    language: str,
    entries: Iterable[FeedEntry],
    updated: date | datetime | None = None,
    *,
    author_name: str | None = None,
) -> str:
    """An Atom 1.0 (RFC 4287) document, entries newest first.

    `updated` defaults to the latest change among the entries; a feed with no entries must be
    given one. `author_name` defaults to the Ministry of Culture in the feed's language.
    """
    ordered = newest_first(entries)
    if updated is None:
        if not ordered:
            raise ValueError("an empty feed needs an explicit `updated`")
        updated = max((_last_changed(e) for e in ordered), key=_as_datetime)

    # Unqualified names under a literal xmlns: ElementTree's `default_namespace` refuses
    # unqualified attributes such as rel and href, which Atom requires.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: language})
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    if subtitle:
        _sub(feed, "subtitle", subtitle)
    _sub(feed, "updated", rfc3339(updated))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=site_url)
    author = _sub(feed, "author")
    _sub(author, "name", author_name or MINISTRY_NAMES.get(language, MINISTRY_NAMES["en"]))

    for entry in ordered:
        element = _sub(feed, "entry")
        if entry.language and entry.language != language:
            element.set(XML_LANG, entry.language)
        _sub(element, "id", entry.id)
        _sub(element, "title", entry.title)
        _sub(element, "updated", rfc3339(_last_changed(entry)))
        _sub(element, "published", rfc3339(entry.published))
        _sub(element, "link", rel="alternate", type="text/html", href=entry.url)
        if entry.rights_url:
            _sub(element, "link", rel="license", href=entry.rights_url)
        if entry.calendar_url:
            # A reader (or a newsroom's script) gets the event into a calendar without opening
            # the page and looking for its "Add to calendar" button.
            _sub(element, "link", rel="related", type=CALENDAR_TYPE, href=entry.calendar_url)
        if entry.image_url:
            # Feed readers show an enclosed image as the entry's picture (RFC 4287 §4.2.7.2).
            # Its length (a SHOULD for enclosures) lets a reader on a metered connection decide
            # before downloading it.
            image_type = mimetypes.guess_type(entry.image_url)[0] or "image/jpeg"
            enclosure = _sub(
                element, "link", rel="enclosure", type=image_type, href=entry.image_url
            )
            if entry.image_length:
                enclosure.set("length", str(entry.image_length))
        entry_author = _sub(element, "author")
        _sub(entry_author, "name", entry.author)
        # Atom's <contributor> has no role (RFC 4287 §3.2 gives it name, uri and email only),
        # so the roles are in the JSON Feed's `_credits` alone.
        for contributor in entry.contributors:
            _sub(_sub(element, "contributor"), "name", contributor.name)
        for term in entry.categories:
            _sub(element, "category", term=term)
        if entry.summary:
            _sub(element, "summary", entry.summary, type="text")
        if entry.content_html:
            _sub(element, "content", entry.content_html, type="html")
        if entry.rights:
            _sub(element, "rights", entry.rights, type="text")

    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def json_feed(
    title: str,
    home_page_url: str,
    feed_url: str,
    language: str,
    items: Iterable[FeedEntry],
    description: str | None = None,
    *,
    author_name: str | None = None,
    credits_about: str | None = None,
) -> dict[str, Any]:
    """A JSON Feed 1.1 document; serialise it with `json.dumps(feed, ensure_ascii=False)`.

    `credits_about` is the page that explains the items' `_credits` object: JSON Feed 1.1 asks
    an extension to carry an `about` URL, so that a developer who meets it can look it up."""
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": home_page_url,
        "feed_url": feed_url,
    }
    if description:
        feed["description"] = description
    feed["language"] = language
    feed["authors"] = [{"name": author_name or MINISTRY_NAMES.get(language, MINISTRY_NAMES["en"])}]
    feed["items"] = [_json_item(entry, credits_about) for entry in newest_first(items)]
    return feed


def _json_item(entry: FeedEntry, credits_about: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": entry.id, "url": entry.url, "title": entry.title}
    if entry.summary:
        item["summary"] = entry.summary
    # The spec requires content_html or content_text; a reader shows the summary when there is
    # no full text rather than an empty item.
    if entry.content_html:
        item["content_html"] = entry.content_html
    else:
        item["content_text"] = entry.summary
    item["date_published"] = rfc3339(entry.published)
    if entry.updated is not None:
        item["date_modified"] = rfc3339(entry.updated)
    item["authors"] = [{"name": entry.author}]
    if entry.categories:
        item["tags"] = list(entry.categories)
    if entry.language:
        item["language"] = entry.language
    if entry.image_url:
        item["image"] = entry.image_url
    if entry.calendar_url:
        item["attachments"] = [{"url": entry.calendar_url, "mime_type": CALENDAR_TYPE}]
    # JSON Feed has no fields for a licence or for contributors; without these a journalist's
    # tool would get the photo but not the photographer's name or the terms (the Atom feed has
    # <rights>, rel="license" and <contributor>). Extension keys start with "_" (JSON Feed 1.1).
    credits: dict[str, Any] = {}
    if not entry.republication_allowed:
        credits["republication"] = False
        if entry.rights:
            credits["rights"] = entry.rights
    elif entry.rights:
        credits["licence"] = entry.rights
    if entry.rights_url:
        credits["licence_url"] = entry.rights_url
    # Each with the role the page credits them for, so that a credit line built from the feed
    # says who translated and who took the photos, not only their names.
    people = [Contributor(entry.author, AUTHOR_ROLE)] if entry.author_credited else []
    people.extend(entry.contributors)
    if people:
        credits["contributors"] = [{"name": c.name, "role": c.role} for c in people]
    if credits:
        item[JSON_FEED_CREDITS] = {"about": credits_about, **credits} if credits_about else credits
    return item


def story_feed_entry(
    story: StoryVersion,
    licence_name: str | None,
    licence_url: str | None,
    *,
    content_html: str | None = None,
    theme_labels: Mapping[str, str] | None = None,
) -> FeedEntry:
    """A story version as a feed entry; pass the licence from `hooks.reuse.LICENCES`, or None
    for a story that may not be republished (the entry then claims no licence, and its rights
    say, as the page does, that it may be linked to but not republished).

    The entry id is the story's URL: each language version has its own, and it stays the same
    for as long as the page does. Theme slugs become categories, shown by their label when
    `theme_labels` has one.
    """
    summary = story.summary
    if story.sample:
        notice = SAMPLE_NOTICES.get(story.language, SAMPLE_NOTICES["en"])
        summary = f"{notice} {summary}".strip()
    labels = theme_labels or {}
    return FeedEntry(
        id=story.url,
        url=story.url,
        title=labelled_title(story.title, story.language, sample=story.sample),
        summary=summary,
        published=story.date,
        updated=story.updated,
        author=story.author,
        categories=tuple(labels.get(theme, theme) for theme in story.themes),
        rights=(
            licence_name
            if story.republication_allowed
            else site_data.ui_strings(story.language)["site"]["republish_not_allowed"]
        ),
        rights_url=licence_url if story.republication_allowed else None,
        republication_allowed=story.republication_allowed,
        content_html=content_html,
        # A photographer is credited only where a photo is shown, as on the page.
        contributors=tuple(
            Contributor(name, role)
            for name, role in (
                (story.translator, "translator"),
                (story.photographer if story.image else None, "photographer"),
            )
            if name
        ),
        author_credited=bool(story.author),
        language=story.language,
        image_url=story.image.url if story.image else None,
    )
