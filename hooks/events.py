"""Events: reading them, deciding which are still to come, and describing them for people
(dates in each language) and for machines (schema.org JSON-LD).

An event is `docs/events/<slug>.<lang>.md`; each language version carries the full front matter
(see schemas/event.schema.json). Times without a time zone are Latvian time, because that is
what editors mean when they write "10:00".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from hooks import site_data
from hooks.build_date import RIGA
from hooks.dates import format_day, format_days
from hooks.frontmatter import parse_date_like, read_front_matter
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_language_suffix

STATUSES = ("scheduled", "cancelled", "postponed", "moved_online")

# The participant groups of the project's reporting, as in `report.participants`.
PARTICIPANT_CATEGORIES = (
    "municipal_specialists",
    "ministries",
    "roma_representatives",
    "non_roma_ngos",
    "eu_experts",
    "wider_public",
)

# The wording for people is in `labels:` of data/ui/<lang>.yml (the Romani drafts there keep
# Latvian terms in brackets until a native speaker checks them).
_STATUS_LABELS: dict[str, dict[str, str]] = site_data.label_by_language("event_status")
_ONLINE_LABELS: dict[str, str] = site_data.label_by_language("event_online")
_TIME_ZONE_LABELS: dict[str, str] = site_data.label_by_language("time_zone")


# Names of the languages spoken at an event, in the language of the page.
_LANGUAGE_NAMES: dict[str, dict[str, str]] = site_data.label_by_language("language_names")

_SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "moved_online": "https://schema.org/EventMovedOnline",
}


# -- model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    venue: str = ""
    address: str = ""
    town: str = ""
    online: bool = False
    url: str = ""

    @property
    def in_person(self) -> bool:
        return bool(self.venue or self.address or self.town)


@dataclass(frozen=True)
class Registration:
    url: str = ""
    deadline: datetime | None = None
    deadline_is_date: bool = False  # "register by 1 May": the whole day counts


@dataclass(frozen=True)
class Report:
    participants: Mapping[str, int] = field(default_factory=dict)
    summary: str = ""

    def count(self, category: str) -> int:
        return self.participants.get(category, 0)

    @property
    def total(self) -> int:
        return sum(self.participants.values())


@dataclass(frozen=True)
class Event:
    slug: str
    language: str
    title: str
    start: datetime  # aware; midnight in Riga for an all-day event
    end: datetime | None = None  # aware; for an all-day event, midnight of its last day
    all_day: bool = False
    end_is_date: bool = False  # a timed event whose end was given as a date only
    description: str = ""
    place: Place = field(default_factory=Place)
    languages: tuple[str, ...] = ()
    organiser: str = ""
    partners: tuple[str, ...] = ()
    audience: str = ""
    registration: Registration | None = None
    accessibility: str = ""
    status: str = "scheduled"
    report: Report | None = None
    sample: bool = False

    @property
    def src_uri(self) -> str:
        return f"events/{self.slug}.{self.language}.md"

    @property
    def url_path(self) -> str:
        """Language-neutral URL path, e.g. 'events/annual-meeting/'."""
        return f"events/{self.slug}/"

    @property
    def start_date(self) -> date:
        return self.start.astimezone(RIGA).date()

    @property
    def end_date(self) -> date:
        """The last day of the event, in Riga."""
        if self.end is None:
            return self.start_date
        if self.end_is_date:
            return (self.end.astimezone(RIGA) - timedelta(days=1)).date()
        return self.end.astimezone(RIGA).date()

    @property
    def finishes(self) -> datetime:
        """The moment the event is over: its end, or its start if no end is given; an all-day
        event lasts until midnight after its last day."""
        if self.all_day:
            return datetime.combine(self.end_date + timedelta(days=1), time(), RIGA)
        return self.end or self.start

    @property
    def online(self) -> bool:
        return self.place.online or self.status == "moved_online"

    @property
    def in_person(self) -> bool:
        return self.place.in_person and self.status != "moved_online"


# -- reading -------------------------------------------------------------------------------


def parse_when(value: object) -> tuple[datetime, bool]:
    """A front matter date or date-time as an aware datetime, and whether it was a date only.

    YAML gives a date, a datetime or (for "2026-05-14 18:00", which lacks seconds) a string.
    Naive times are Latvian time; a written offset is kept.
    """
    parsed: object = value
    if isinstance(value, str):
        parsed = parse_date_like(value)  # ValueError when it is not a date at all
        if parsed is None:
            raise ValueError(f"no such date: {value}")
    if isinstance(parsed, datetime):
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=RIGA)), False
    if isinstance(parsed, date):
        return datetime.combine(parsed, time(), RIGA), True
    raise ValueError(f"not a date: {value!r}")


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(_text(item) for item in value if _text(item))


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _participants(value: object) -> dict[str, int]:
    counts: dict[str, int] = {}
    for category, number in _mapping(value).items():
        # A typo in a category or a non-number would otherwise change the project's totals
        # silently; the content checks report both, and here they count as nothing.
        if category in PARTICIPANT_CATEGORIES and type(number) is int and number > 0:
            counts[category] = number
    return counts


def event_from_front_matter(meta: Mapping[str, Any], slug: str, language: str) -> Event:
    """An `Event` from one language version's front matter; ValueError if title or start is
    missing or unreadable."""
    title = _text(meta.get("title"))
    if not title:
        raise ValueError("the event has no title")
    if meta.get("start") is None:
        raise ValueError("the event has no start")
    start, start_is_date = parse_when(meta["start"])
    all_day = meta.get("all_day") is True or start_is_date
    end: datetime | None = None
    end_is_date = False
    if meta.get("end") is not None:
        end, end_is_date = parse_when(meta["end"])
    if all_day:
        start = datetime.combine(start.astimezone(RIGA).date(), time(), RIGA)
        if end is not None:
            end = datetime.combine(end.astimezone(RIGA).date(), time(), RIGA)
        end_is_date = False
    elif end is not None and end_is_date:
        # "until 6 October" with a start time: the event runs until that day is over.
        end = end + timedelta(days=1)
    place_meta = _mapping(meta.get("place"))
    registration_meta = _mapping(meta.get("registration"))
    registration = None
    if registration_meta:
        deadline, deadline_is_date = None, False
        if registration_meta.get("deadline") is not None:
            deadline, deadline_is_date = parse_when(registration_meta["deadline"])
        registration = Registration(_text(registration_meta.get("url")), deadline, deadline_is_date)
    report_meta = _mapping(meta.get("report"))
    report = (
        Report(_participants(report_meta.get("participants")), _text(report_meta.get("summary")))
        if report_meta
        else None
    )
    status = _text(meta.get("status")) or "scheduled"
    return Event(
        slug=slug,
        language=language,
        title=title,
        start=start,
        end=end,
        all_day=all_day,
        end_is_date=end_is_date,
        description=_text(meta.get("description")),
        place=Place(
            venue=_text(place_meta.get("venue")),
            address=_text(place_meta.get("address")),
            town=_text(place_meta.get("town")),
            online=place_meta.get("online") is True,
            url=_text(place_meta.get("url")),
        ),
        languages=_texts(meta.get("languages")),
        organiser=_text(meta.get("organiser")),
        partners=_texts(meta.get("partners")),
        audience=_text(meta.get("audience")),
        registration=registration,
        accessibility=_text(meta.get("accessibility")),
        status=status if status in STATUSES else "scheduled",
        report=report,
        sample=meta.get("sample") is True,
    )


def event_file_language(path: Path) -> tuple[str, str] | None:
    """(slug, language) of an event file; None for the listing page and unknown languages."""
    neutral, language = split_language_suffix(path.name)
    slug = neutral.removesuffix(".md")
    language = language or DEFAULT_LANGUAGE
    if slug == "index" or language not in LANGUAGE_CODES:
        return None
    return slug, language


def slug_of_event_file(path: str) -> str | None:
    """The slug of an event's language version, from its path ("docs/events/seminar.en.md":
    "seminar"); None for the listing page and for anything that is not an event file."""
    if not path.endswith(".md"):
        return None
    found = event_file_language(Path(path))
    return found[0] if found else None


def load_events(events_dir: Path) -> list[Event]:
    """Every readable event version in `events_dir`, by slug and language.

    A file that cannot be read is left out here: the content checks report it and fail the
    build, so skipping it only keeps one bad file from hiding all the others meanwhile.
    """
    events: list[Event] = []
    for path in sorted(events_dir.glob("*.md")):
        named = event_file_language(path)
        if named is None:
            continue
        meta = read_front_matter(path)
        if meta is None:
            continue
        try:
            events.append(event_from_front_matter(meta, *named))
        except (ValueError, TypeError):
            continue
    return sorted(events, key=lambda event: (event.slug, event.language))


def split_upcoming_past(events: Iterable[Event], now: datetime) -> tuple[list[Event], list[Event]]:
    """(upcoming, soonest first; past, most recent first). An event under way is upcoming."""
    upcoming: list[Event] = []
    past: list[Event] = []
    for event in events:
        (past if event.finishes <= now else upcoming).append(event)
    upcoming.sort(key=lambda event: (event.start, event.slug))
    past.sort(key=lambda event: (event.start, event.slug), reverse=True)
    return upcoming, past


def only_samples(listed: Sequence[Event]) -> bool:
    """True when every event listed is an illustrative sample, so that the list can say none
    of them is real instead of letting a visitor take the sample programme for the real one."""
    return bool(listed) and all(event.sample for event in listed)


def in_language(events: Iterable[Event], language: str) -> list[Event]:
    return [event for event in events if event.language == language]


# -- words for people ------------------------------------------------------------------------


def status_label(status: str, language: str) -> str:
    labels = _STATUS_LABELS.get(language, _STATUS_LABELS["en"])
    return labels.get(status, labels["scheduled"])


def online_label(language: str) -> str:
    return _ONLINE_LABELS.get(language, _ONLINE_LABELS["en"])


def language_names(codes: Sequence[str], language: str) -> list[str]:
    names = _LANGUAGE_NAMES.get(language, _LANGUAGE_NAMES["en"])
    return [names.get(code, code) for code in codes]


def _clock(moment: datetime) -> str:
    return moment.astimezone(RIGA).strftime("%H:%M")


def format_moment(moment: datetime, language: str, *, on: bool = True) -> str:
    """'2026. gada 5. oktobrī, 10:00' in Riga time, without the time-zone label."""
    local = moment.astimezone(RIGA)
    return f"{format_day(local.date(), language, on=on)}, {_clock(local)}"


def time_zone_label(language: str) -> str:
    return _TIME_ZONE_LABELS.get(language, _TIME_ZONE_LABELS["en"])


def format_when(event: Event, language: str) -> str:
    """When the event takes place, in Riga time, as a reader of `language` writes it.

    lv '2026. gada 5. oktobrī, 10:00–16:00 (Rīgas laiks)', en '5 October 2026, 10:00 (Riga
    time)', rml '05.10.2026, 10:00 (Rīgas laiks)'; all-day events show dates only.
    """
    first, last = event.start_date, event.end_date
    if event.all_day:
        if last <= first:
            return format_day(first, language)
        return format_days(first, last, language)
    zone = f" ({time_zone_label(language)})"
    if event.end is None or event.end <= event.start:
        return format_moment(event.start, language) + zone
    if event.end_is_date:
        if last <= first:
            return format_moment(event.start, language) + zone
        return f"{format_moment(event.start, language, on=False)}{zone} – " + format_day(
            last, language, on=False
        )
    if last == first:
        return f"{format_moment(event.start, language)}–{_clock(event.end)}{zone}"
    return (
        f"{format_moment(event.start, language, on=False)} – "
        f"{format_moment(event.end, language, on=False)}{zone}"
    )


def format_deadline(registration: Registration, language: str) -> str:
    if registration.deadline is None:
        return ""
    if registration.deadline_is_date:
        return format_day(registration.deadline.date(), language)
    return f"{format_moment(registration.deadline, language)} ({time_zone_label(language)})"


def place_label(event: Event, language: str) -> str:
    """'Venue, address, town', with 'Online' added for online or mixed events."""
    parts: list[str] = []
    if event.in_person:
        parts = [
            part for part in (event.place.venue, event.place.address, event.place.town) if part
        ]
    if event.online:
        parts.append(online_label(language))
    return ", ".join(parts)


def iso_start(event: Event) -> str:
    """For `<time datetime>` and JSON-LD: a date for all-day events, else time with offset."""
    return event.start_date.isoformat() if event.all_day else event.start.isoformat()


def iso_end(event: Event) -> str:
    if event.end is None:
        return ""
    if event.all_day or event.end_is_date:
        return event.end_date.isoformat()
    return event.end.isoformat()


# -- structured data ------------------------------------------------------------------------


def attendance_mode(event: Event) -> str:
    """The schema.org attendance mode, or "" for an event that names no place: saying it
    happens in person would be a guess, and one that a search engine shows as fact."""
    if event.online and event.in_person:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.online:
        return "https://schema.org/OnlineEventAttendanceMode"
    if event.in_person:
        return "https://schema.org/OfflineEventAttendanceMode"
    return ""


def _json_ld_location(event: Event, url: str) -> list[dict[str, Any]]:
    locations: list[dict[str, Any]] = []
    if event.in_person:
        address = {"@type": "PostalAddress"}
        if event.place.address:
            address["streetAddress"] = event.place.address
        if event.place.town:
            address["addressLocality"] = event.place.town
        locations.append(
            {
                "@type": "Place",
                "name": event.place.venue or event.place.town or event.place.address,
                "address": address,
            }
        )
    if event.online:
        # Without its own link, the event page is where people learn how to join.
        locations.append({"@type": "VirtualLocation", "url": event.place.url or url})
    return locations


def event_json_ld(event: Event, url: str, organiser_name: str) -> dict[str, Any]:
    """schema.org Event for the event's page; `organiser_name` stands in when the event names
    no organiser of its own."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": iso_start(event),
        "eventStatus": _SCHEMA_STATUS.get(event.status, _SCHEMA_STATUS["scheduled"]),
        "organizer": {"@type": "Organization", "name": event.organiser or organiser_name},
        "inLanguage": list(event.languages) if event.languages else event.language,
    }
    if mode := attendance_mode(event):
        data["eventAttendanceMode"] = mode
    if event.end is not None:
        data["endDate"] = iso_end(event)
    if event.description:
        data["description"] = event.description
    locations = _json_ld_location(event, url)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    return data


# -- what the templates get ------------------------------------------------------------------


def feed_dates(
    event: Event,
    now: datetime,
    first_committed: datetime | None = None,
    last_committed: datetime | None = None,
) -> tuple[datetime, datetime]:
    """(published, updated) of the event's entry in the event feed.

    A coming event is news from when its file was first committed, a past one from the day it
    took place; its entry changes when the file last did (a report added, a date moved). Without
    the file's history, a coming event is news as of this build. Neither is ever later than
    `now`: an entry cannot have changed after the feed itself.
    """
    published = min(event.start, first_committed or now, now)
    if last_committed is None:
        return published, published
    return published, max(published, min(last_committed, now))


def public_title(event: Event, sample_label: str = "") -> str:
    """The title as shown away from the event's page: in calendars, the event feed and link
    previews. Those apps show little but the title, so a called-off date and an illustrative
    event (led by `sample_label`, e.g. "Illustrative example.") say so in the title itself."""
    title = f"{sample_label} {event.title}" if event.sample and sample_label else event.title
    if event.status in ("cancelled", "postponed"):
        title = f"{status_label(event.status, event.language)}: {title}"
    return title


def list_entry(event: Event, url: str, language: str) -> dict[str, Any]:
    """One line of the event listing (see overrides/partials/lrp-event-list.html)."""
    return {
        "title": event.title,
        "url": url,
        "when": format_when(event, language),
        "start_iso": iso_start(event),
        "where": place_label(event, language),
        "status": event.status,
        "status_label": status_label(event.status, language),
        "sample": event.sample,
    }


def report_rows(report: Report | None, category_labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """The groups that took part, in the project's order, with their numbers."""
    if report is None:
        return []
    return [
        {
            "key": category,
            "label": category_labels.get(category, category),
            "count": report.count(category),
        }
        for category in PARTICIPANT_CATEGORIES
        if report.count(category)
    ]


def page_context(
    event: Event,
    language: str,
    *,
    ics_url: str,
    json_ld: str,
    now: datetime,
    category_labels: Mapping[str, str],
) -> dict[str, Any]:
    """`lrp.event` for overrides/event.html; the keys are listed at the top of that template."""
    registration = event.registration
    closes = registration_closes(registration) if registration else None
    registration_open = bool(
        registration
        and registration.url
        and event.status not in ("cancelled", "postponed")
        and event.finishes > now
        and (closes is None or closes > now)
    )
    rows = report_rows(event.report, category_labels)
    return {
        "title": event.title,
        "sample": event.sample,
        "status": event.status,
        "status_label": status_label(event.status, language),
        "past": event.finishes <= now,
        "all_day": event.all_day,
        "when": format_when(event, language),
        "start_iso": iso_start(event),
        "end_iso": iso_end(event),
        "where": place_label(event, language),
        "online_url": event.place.url if event.online else "",
        "ics_url": ics_url,
        "registration": {
            "url": registration.url,
            "open": registration_open,
            "deadline_iso": _deadline_iso(registration),
            "deadline": format_deadline(registration, language),
        }
        if registration
        else None,
        "accessibility": event.accessibility,
        "languages": language_names(event.languages, language),
        "organiser": event.organiser,
        "partners": list(event.partners),
        "audience": event.audience,
        "report": {
            "rows": rows,
            "total": sum(row["count"] for row in rows),
            "summary": event.report.summary,
        }
        if event.report and (rows or event.report.summary)
        else None,
        "json_ld": json_ld,
    }


def registration_closes(registration: Registration) -> datetime | None:
    """When registration closes; a deadline date lasts until midnight after it. None: no
    deadline, so registration stays open until the event is over."""
    if registration.deadline is None:
        return None
    if registration.deadline_is_date:
        return registration.deadline + timedelta(days=1)
    return registration.deadline


def _deadline_iso(registration: Registration) -> str:
    if registration.deadline is None:
        return ""
    if registration.deadline_is_date:
        return registration.deadline.date().isoformat()
    return registration.deadline.isoformat()
