"""What a calendar app gets from "Add to calendar" and from the calendar feed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import icalendar

from hooks.build_date import build_datetime
from hooks.event_calendar import (
    Revision,
    calendar_for,
    calendar_path,
    event_ics_path,
    event_to_ical,
    single_event_ics,
)
from hooks.events import Event, event_from_front_matter

BUILT = build_datetime({"SOURCE_DATE_EPOCH": "1767225600"})  # 2026-01-01T00:00:00Z
URL = "https://romi.example.lv/events/annual-meeting/"


def event(slug: str = "annual-meeting", language: str = "lv", **meta: Any) -> Event:
    front_matter: dict[str, Any] = {
        "title": "Ikgadējā sanāksme",
        "start": "2026-07-01 10:00",
        "end": "2026-07-01 16:00",
        "place": {"town": "Rīga"},
    }
    front_matter.update(meta)
    return event_from_front_matter(front_matter, slug, language)


def only_event(ics: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(ics)
    events = [component for component in calendar.walk("VEVENT")]
    assert len(events) == 1
    return events[0]


def test_the_file_parses_back_and_carries_the_riga_time_zone() -> None:
    ics = single_event_ics(event(), URL, BUILT)
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Riga"]
    vevent = only_event(ics)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Riga"
    assert str(vevent["SUMMARY"]) == "Ikgadējā sanāksme"
    assert str(vevent["LOCATION"]) == "Rīga"
    assert str(vevent["URL"]) == URL


def test_uid_is_stable_across_builds_and_languages() -> None:
    first = only_event(single_event_ics(event(), URL, BUILT))
    second = only_event(single_event_ics(event(), URL, datetime(2027, 5, 5, tzinfo=UTC)))
    english = only_event(single_event_ics(event(language="en", title="Annual meeting"), URL, BUILT))
    assert str(first["UID"]) == str(second["UID"]) == str(english["UID"])
    other = only_event(single_event_ics(event("other-meeting"), URL, BUILT))
    assert str(other["UID"]) != str(first["UID"])


def test_dtstamp_is_the_pinned_build_time() -> None:
    vevent = only_event(single_event_ics(event(), URL, BUILT))
    assert vevent["DTSTAMP"].dt == datetime(2026, 1, 1, tzinfo=UTC)
    assert single_event_ics(event(), URL, BUILT) == single_event_ics(event(), URL, BUILT)


def test_ten_in_riga_is_seven_utc_in_july_and_eight_utc_in_january() -> None:
    july = only_event(single_event_ics(event(start="2026-07-01 10:00", end=None), URL, BUILT))
    january = only_event(single_event_ics(event(start="2027-01-14 10:00", end=None), URL, BUILT))
    assert july["DTSTART"].dt.astimezone(UTC) == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)
    assert january["DTSTART"].dt.astimezone(UTC) == datetime(2027, 1, 14, 8, 0, tzinfo=UTC)


def test_an_offset_time_ends_up_at_the_same_instant() -> None:
    vevent = only_event(
        single_event_ics(event(start="2026-07-01 10:00+01:00", end=None), URL, BUILT)
    )
    assert vevent["DTSTART"].params["TZID"] == "Europe/Riga"
    assert vevent["DTSTART"].dt.astimezone(UTC) == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


def test_all_day_events_are_dates_with_an_exclusive_end() -> None:
    workshop = event(start="2021-07-05", end="2021-07-07")
    vevent = only_event(single_event_ics(workshop, URL, BUILT))
    assert vevent["DTSTART"].params.get("VALUE") == "DATE"
    assert vevent["DTSTART"].dt == date(2021, 7, 5)
    assert not isinstance(vevent["DTSTART"].dt, datetime)
    assert vevent["DTEND"].dt == date(2021, 7, 8)  # the day after the last day
    one_day = only_event(single_event_ics(event(start="2021-07-05", end=None), URL, BUILT))
    assert one_day["DTEND"].dt == date(2021, 7, 6)


def test_status_follows_the_event() -> None:
    def status(value: str) -> str:
        return str(only_event(single_event_ics(event(status=value), URL, BUILT))["STATUS"])

    assert status("scheduled") == "CONFIRMED"
    assert status("cancelled") == "CANCELLED"
    assert status("postponed") == "TENTATIVE"
    assert status("moved_online") == "CONFIRMED"


def test_online_events_give_their_link_as_location() -> None:
    online = event(place={"online": True, "url": "https://meet.example.org/lrp"})
    vevent = only_event(single_event_ics(online, URL, BUILT))
    assert "https://meet.example.org/lrp" in str(vevent["LOCATION"])


def test_a_sample_event_says_so_in_the_calendar() -> None:
    sample = event(sample=True)
    vevent = event_to_ical(sample, URL, BUILT, sample_label="Ilustratīvs piemērs.")
    assert str(vevent["SUMMARY"]) == "Ilustratīvs piemērs. Ikgadējā sanāksme"
    real = event_to_ical(event(), URL, BUILT, sample_label="Ilustratīvs piemērs.")
    assert str(real["SUMMARY"]) == "Ikgadējā sanāksme"


def test_a_downloaded_event_calendar_is_named_with_its_labels() -> None:
    """Apps that open the file as a calendar of its own show X-WR-CALNAME as its name."""
    called_off = event(sample=True, status="cancelled")
    ics = single_event_ics(called_off, URL, BUILT, sample_label="Ilustratīvs piemērs.")
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["X-WR-CALNAME"]) == "Atcelts: Ilustratīvs piemērs. Ikgadējā sanāksme"
    assert str(only_event(ics)["SUMMARY"]) == str(calendar["X-WR-CALNAME"])


def test_the_feed_holds_one_language_soonest_first() -> None:
    events = [
        event("later", start="2027-03-01 10:00", end=None),
        event("sooner", start="2027-02-01 10:00", end=None),
        event("sooner", language="en", title="Sooner", start="2027-02-01 10:00", end=None),
    ]
    ics = calendar_for(events, "lv", BUILT, site_url="https://romi.example.lv/")
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["X-WR-CALNAME"])
    assert len(calendar.walk("VTIMEZONE")) == 1
    vevents = calendar.walk("VEVENT")
    assert [str(v["UID"]).split("@")[0] for v in vevents] == ["sooner", "later"]
    assert str(vevents[0]["URL"]) == "https://romi.example.lv/events/sooner/"
    assert calendar_for(events, "lv", BUILT) == calendar_for(events, "lv", BUILT)
    english = icalendar.Calendar.from_ical(calendar_for(events, "en", BUILT, site_url="https://x/"))
    assert str(english.walk("VEVENT")[0]["URL"]) == "https://x/en/events/sooner/"


def test_file_paths_follow_the_language_prefix() -> None:
    assert event_ics_path(event()) == "events/annual-meeting/annual-meeting.ics"
    assert event_ics_path(event(language="en")) == "en/events/annual-meeting/annual-meeting.ics"
    assert calendar_path("rml") == "rml/events/calendar.ics"


def test_a_called_off_date_says_so_in_its_title_where_calendars_show_no_status() -> None:
    def summary(value: str, language: str = "en") -> str:
        vevent = only_event(single_event_ics(event(status=value, language=language), URL, BUILT))
        return str(vevent["SUMMARY"])

    assert summary("cancelled") == "Cancelled: Ikgadējā sanāksme"
    assert summary("postponed") == "Postponed: Ikgadējā sanāksme"
    assert summary("postponed", "lv").endswith(": Ikgadējā sanāksme")
    assert summary("postponed", "lv") != summary("postponed")
    assert summary("scheduled") == summary("moved_online") == "Ikgadējā sanāksme"


def test_each_calendar_entry_is_stamped_with_its_own_last_change() -> None:
    """DTSTAMP is "last changed" in a published calendar: an event whose file changed on a given
    day says so, and only events without a known change take the build time."""
    changed = datetime(2026, 8, 1, 6, 0, tzinfo=UTC)
    both = [event("annual-meeting"), event("seminar", start="2026-08-10 10:00", end=None)]
    ics = calendar_for(both, "lv", BUILT, revisions={"events/seminar.lv.md": Revision(changed)})
    stamps = {
        str(vevent["UID"]): vevent.decoded("DTSTAMP")
        for vevent in icalendar.Calendar.from_ical(ics).walk("VEVENT")
    }
    assert stamps == {
        "seminar@latvian-roma-platform": changed,
        "annual-meeting@latvian-roma-platform": BUILT.astimezone(UTC),
    }


def test_a_revised_event_is_a_newer_revision_in_both_files() -> None:
    """SEQUENCE tells a calendar app that holds the event whether a file it opens is newer."""
    moved = event(status="postponed")
    assert int(only_event(single_event_ics(moved, URL, BUILT))["SEQUENCE"]) == 0
    assert int(only_event(single_event_ics(moved, URL, BUILT, sequence=2))["SEQUENCE"]) == 2
    both = [event("annual-meeting"), event("seminar", start="2026-08-10 10:00", end=None)]
    ics = calendar_for(both, "lv", BUILT, revisions={"events/seminar.lv.md": Revision(BUILT, 3)})
    revisions = {
        str(vevent["UID"]): int(vevent["SEQUENCE"])
        for vevent in icalendar.Calendar.from_ical(ics).walk("VEVENT")
    }
    assert revisions == {
        "seminar@latvian-roma-platform": 3,
        "annual-meeting@latvian-roma-platform": 0,
    }


def test_the_subscribed_calendar_asks_to_be_refreshed_daily_and_says_where_from() -> None:
    """The site is rebuilt daily; without the hint some apps fetch a subscription only weekly,
    and a cancellation would reach people late."""
    ics = calendar_for([event()], "en", BUILT, site_url="https://romi.example.lv/")
    calendar = icalendar.Calendar.from_ical(ics)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D" in ics
    assert b"X-PUBLISHED-TTL:P1D" in ics
    assert str(calendar["SOURCE"]) == "https://romi.example.lv/en/events/calendar.ics"
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
    # Opened once from the event's page, the single-event file is not a subscription.
    single = single_event_ics(event(), URL, BUILT)
    assert b"REFRESH-INTERVAL" not in single and b"SOURCE" not in single


def test_an_events_revision_follows_its_files_commits() -> None:
    """Three commits make revision 2, stamped with the last; a file without history (or a
    commit dated after the build, from a skewed clock) takes the build's time."""
    from datetime import timedelta

    from hooks.event_calendar import revision_of
    from hooks.source_dates import SourceDates

    earlier = BUILT - timedelta(days=30)
    edited = SourceDates(first=earlier - timedelta(days=60), last=earlier, commits=3)
    assert revision_of(edited, BUILT) == Revision(earlier, 2)
    assert revision_of(None, BUILT) == Revision(BUILT, 0)
    ahead = SourceDates(first=BUILT, last=BUILT + timedelta(hours=1))
    assert revision_of(ahead, BUILT) == Revision(BUILT, 0)
