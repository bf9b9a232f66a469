"""iCalendar (.ics) files of the events: one per event ("Add to calendar") and one feed per
language to subscribe to.

DTSTAMP, which for a published calendar means "last changed" (RFC 5545, 3.8.7.2), comes in from
outside: the last commit of the event's files (hooks/source_dates.py), else the build time. With
the history, two builds of the same content give the same files whatever day they run, and
calendar apps see no spurious updates; without it, pin the build time with SOURCE_DATE_EPOCH.

SEQUENCE, the revision number that tells a calendar app which copy of an event is newer
(RFC 5545, 3.8.7.4), comes from the same history: the number of commits to the event's files,
less one. Both count the commits to any of its language versions, since all of them share one
UID and must agree on which revision they are. An app that already holds the event and
compares revisions (RFC 5546) then takes the file opened after a postponement as the newer copy
instead of keeping the old one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar

from hooks import site_data
from hooks.build_date import RIGA
from hooks.events import Event, in_language, place_label, public_title
from hooks.languages import url_prefix
from hooks.source_dates import SourceDates

UID_DOMAIN = "latvian-roma-platform"
FEED_FILE = "calendar.ics"
# The site is rebuilt every day, so a subscribed calendar need not be fetched more often; apps
# that read the hint (RFC 7986 REFRESH-INTERVAL, Outlook's X-PUBLISHED-TTL) then see a change
# of date or a cancellation within a day.
REFRESH_INTERVAL = timedelta(days=1)

_CALENDAR_NAMES: dict[str, str] = site_data.label_by_language("events_calendar_name")


@dataclass(frozen=True)
class Revision:
    """What a calendar app compares between two copies of an event: DTSTAMP and SEQUENCE."""

    changed: datetime
    sequence: int = 0


def revision_of(dates: SourceDates | None, build_time: datetime) -> Revision:
    """The revision of an event whose files (all its languages together) have these commit
    dates (None: no history, or not committed yet), never later than the build."""
    if dates is None:
        return Revision(build_time)
    return Revision(min(dates.last, build_time), dates.commits - 1)


# Postponed: the date shown is no longer sure to hold, which is what TENTATIVE means.
_ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "moved_online": "CONFIRMED",
    "cancelled": "CANCELLED",
    "postponed": "TENTATIVE",
}


def event_uid(event: Event) -> str:
    """The same for every language version and every build, so that a calendar which already
    holds the event updates it instead of adding it twice."""
    return f"{event.slug}@{UID_DOMAIN}"


def event_ics_path(event: Event) -> str:
    """Site-relative path of the event's own .ics file, e.g. 'en/events/annual-meeting/
    annual-meeting.ics' (named after the event, because that is the name people save)."""
    return f"{url_prefix(event.language)}{event.url_path}{event.slug}.ics"


def calendar_path(language: str) -> str:
    """Site-relative path of a language's calendar feed, e.g. 'en/events/calendar.ics'."""
    return f"{url_prefix(language)}events/{FEED_FILE}"


def event_page_url(event: Event, site_url: str) -> str:
    return site_url.rstrip("/") + "/" + url_prefix(event.language) + event.url_path


def event_to_ical(
    event: Event, url: str, dtstamp: datetime, *, sample_label: str = "", sequence: int = 0
) -> icalendar.Event:
    """One VEVENT. `sample_label` (e.g. "Illustrative example.") is put before the title of a
    sample event, so that it cannot pass for a real date in someone's calendar."""
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", dtstamp.astimezone(UTC))
    vevent.add("sequence", sequence)
    if event.all_day:
        vevent.add("dtstart", event.start_date)
        # DTEND of a whole-day event is the day after the last one (RFC 5545, 3.6.1).
        vevent.add("dtend", event.end_date + timedelta(days=1))
    else:
        vevent.add("dtstart", event.start.astimezone(RIGA))
        if event.end is not None and event.end > event.start:
            vevent.add("dtend", event.end.astimezone(RIGA))
    # Most calendar apps show STATUS nowhere, so a called-off date would look like any other.
    vevent.add("summary", public_title(event, sample_label))
    description = "\n\n".join(part for part in (event.description, url) if part)
    if description:
        vevent.add("description", description)
    location = place_label(event, event.language)
    if event.online and event.place.url:
        location = f"{location}: {event.place.url}" if location else event.place.url
    if location:
        vevent.add("location", location)
    if url:
        vevent.add("url", url)
    vevent.add("status", _ICAL_STATUS.get(event.status, "CONFIRMED"))
    # No ORGANIZER: it must be an address people can write to, and the site publishes none.
    return vevent


def _calendar(language: str, name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Latvian Roma Platform//Events {language}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)  # RFC 7986; X-WR-CALNAME is the older name most apps read
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Riga")
    return calendar


def _make_subscribable(calendar: icalendar.Calendar, source_url: str) -> None:
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    if source_url:
        calendar.add("source", source_url)  # a URI by definition; RFC 7986 gives it no VALUE


@functools.cache
def _vtimezone(tzid: str) -> icalendar.Timezone | None:
    # Working out a zone's transitions is the slowest part of writing a file (about 7 ms):
    # once per zone and build instead of once per event file.
    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None


def _finish(calendar: icalendar.Calendar) -> bytes:
    # Calendar apps need the zone's rules spelt out to show Riga times correctly. Same result
    # as calendar.add_missing_timezones(), with the zones computed once.
    for tzid in sorted(calendar.get_missing_tzids()):
        timezone = _vtimezone(tzid)
        if timezone is not None:
            calendar.subcomponents.insert(len(calendar.timezones), timezone)
    return calendar.to_ical()


def calendar_for(
    events: Iterable[Event],
    language: str,
    dtstamp: datetime,
    *,
    site_url: str = "",
    name: str = "",
    sample_label: str = "",
    revisions: Mapping[str, Revision] | None = None,
) -> bytes:
    """The feed of one language: its events, soonest first, with links to their pages.

    `revisions` gives an event's revision by its `src_uri`; the others are stamped with
    `dtstamp` (the build time) as revision 0.
    """
    calendar = _calendar(language, name or _CALENDAR_NAMES.get(language, _CALENDAR_NAMES["en"]))
    source = (site_url.rstrip("/") + "/" + calendar_path(language)) if site_url else ""
    _make_subscribable(calendar, source)
    chosen = sorted(in_language(events, language), key=lambda event: (event.start, event.slug))
    known = revisions or {}
    for event in chosen:
        url = event_page_url(event, site_url) if site_url else ""
        revision = known.get(event.src_uri, Revision(dtstamp))
        calendar.add_component(
            event_to_ical(
                event, url, revision.changed, sample_label=sample_label, sequence=revision.sequence
            )
        )
    return _finish(calendar)


def single_event_ics(
    event: Event, url: str, dtstamp: datetime, *, sample_label: str = "", sequence: int = 0
) -> bytes:
    """The .ics file behind "Add to calendar" on the event's page. It carries no refresh hint:
    it is opened once, and the calendar feed is the one to subscribe to."""
    # Some apps subscribe to a downloaded file as a calendar of its own, named by X-WR-CALNAME.
    calendar = _calendar(event.language, public_title(event, sample_label))
    calendar.add_component(
        event_to_ical(event, url, dtstamp, sample_label=sample_label, sequence=sequence)
    )
    return _finish(calendar)
