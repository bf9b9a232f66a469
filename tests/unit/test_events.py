"""What visitors and search engines learn about an event: when (in Riga time), where, whether it
is still to come, and its status."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml

from hooks.build_date import RIGA
from hooks.events import (
    Event,
    event_from_front_matter,
    event_json_ld,
    feed_dates,
    format_when,
    list_entry,
    load_events,
    only_samples,
    page_context,
    place_label,
    public_title,
    split_upcoming_past,
    status_label,
)
from hooks.languages import LANGUAGE_CODES

EVENTS_DIR = Path(__file__).resolve().parents[2] / "docs" / "events"
URL = "https://romi.example.lv/events/annual-meeting/"


def event(slug: str = "annual-meeting", language: str = "lv", **meta: Any) -> Event:
    front_matter: dict[str, Any] = {"title": "Ikgadējā sanāksme", "start": "2026-10-05 10:00"}
    front_matter.update(meta)
    return event_from_front_matter(front_matter, slug, language)


def from_yaml(text: str) -> Event:
    """As the site reads it: YAML turns some dates into date objects and leaves others text."""
    return event_from_front_matter(yaml.safe_load(text), "from-yaml", "lv")


# -- times ------------------------------------------------------------------------------------


def test_a_time_without_zone_is_riga_time() -> None:
    summer = event(start="2026-07-01 10:00")
    assert summer.start == datetime(2026, 7, 1, 10, 0, tzinfo=RIGA)
    assert summer.start.astimezone(UTC) == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)
    winter = from_yaml("title: Seminārs\nstart: 2026-01-15 10:00:00\n")
    assert winter.start.astimezone(UTC) == datetime(2026, 1, 15, 8, 0, tzinfo=UTC)


def test_a_written_offset_is_honoured() -> None:
    text = event(start="2026-07-01 10:00+01:00")
    assert text.start.astimezone(UTC) == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    parsed_by_yaml = from_yaml("title: Seminārs\nstart: 2026-07-01T10:00:00Z\n")
    assert parsed_by_yaml.start.astimezone(UTC) == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    # Shown to visitors in Riga time: 10:00 UTC is 13:00 in Riga in summer.
    assert "13:00" in format_when(parsed_by_yaml, "en")


def test_a_date_without_time_is_an_all_day_event() -> None:
    workshop = from_yaml("title: Darbnīca\nstart: 2021-07-05\nend: 2021-07-07\n")
    assert workshop.all_day
    assert (workshop.start_date, workshop.end_date) == (date(2021, 7, 5), date(2021, 7, 7))
    flagged = event(start="2021-07-05 09:00", all_day=True)
    assert flagged.all_day and flagged.start_date == date(2021, 7, 5)


def test_an_event_without_title_or_with_an_impossible_date_is_refused() -> None:
    with pytest.raises(ValueError):
        event(title="")
    with pytest.raises(ValueError):
        event(start="2026-02-30 10:00")


# -- upcoming and past -------------------------------------------------------------------------


def test_upcoming_soonest_first_and_past_most_recent_first() -> None:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=RIGA)
    later = event("later", start="2026-09-01 10:00")
    sooner = event("sooner", start="2026-06-10 10:00")
    under_way = event("under-way", start="2026-06-01 10:00", end="2026-06-01 16:00")
    last_week = event("last-week", start="2026-05-25 10:00", end="2026-05-25 12:00")
    last_year = event("last-year", start="2025-05-25 10:00")
    today_all_day = event("today", start="2026-06-01")
    upcoming, past = split_upcoming_past(
        [later, last_year, sooner, under_way, last_week, today_all_day], now
    )
    assert [e.slug for e in upcoming] == ["today", "under-way", "sooner", "later"]
    assert [e.slug for e in past] == ["last-week", "last-year"]


def test_the_list_says_all_events_are_samples_only_when_every_one_is() -> None:
    real = event(slug="real")
    sample = event(slug="sample", sample=True)
    assert only_samples([sample, event(slug="other", sample=True)])
    assert not only_samples([sample, real])
    assert not only_samples([])  # no events: nothing to call a sample


def test_an_event_without_end_is_past_once_it_has_started() -> None:
    start = datetime(2026, 6, 1, 10, 0, tzinfo=RIGA)
    talk = event(start="2026-06-01 10:00")
    assert split_upcoming_past([talk], start - timedelta(minutes=1)) == ([talk], [])
    assert split_upcoming_past([talk], start + timedelta(minutes=1)) == ([], [talk])


# -- words ------------------------------------------------------------------------------------


def test_dates_are_written_the_way_each_language_writes_them() -> None:
    meeting = event(start="2026-10-05 10:00")
    assert format_when(meeting, "lv") == "2026. gada 5. oktobrī, 10:00 (Rīgas laiks)"
    assert format_when(meeting, "en") == "5 October 2026, 10:00 (Riga time)"
    assert format_when(meeting, "rml").startswith("05.10.2026, 10:00")
    same_day = event(start="2026-10-05 10:00", end="2026-10-05 16:00")
    assert format_when(same_day, "en") == "5 October 2026, 10:00–16:00 (Riga time)"
    workshop = event(start="2021-07-05", end="2021-07-07")
    # What both ends share is written once, and Latvian keeps the case of a single date.
    assert format_when(workshop, "lv") == "2021. gada 5.–7. jūlijā"
    assert format_when(workshop, "en") == "5–7 July 2021"
    assert format_when(workshop, "rml") == "05.07.2021 – 07.07.2021"
    across_months = event(start="2021-06-30", end="2021-07-02")
    assert format_when(across_months, "lv") == "2021. gada 30. jūnijs – 2. jūlijs"
    assert format_when(across_months, "en") == "30 June – 2 July 2021"
    new_year = event(start="2026-12-30", end="2027-01-02")
    assert format_when(new_year, "en") == "30 December 2026 – 2 January 2027"


def test_status_labels_exist_in_every_language() -> None:
    for language in LANGUAGE_CODES:
        labels = {status_label(s, language) for s in ("scheduled", "cancelled", "postponed")}
        assert len(labels) == 3
    assert status_label("cancelled", "lv") == "Atcelts"
    assert status_label("cancelled", "en") == "Cancelled"


def test_place_shows_town_and_online() -> None:
    assert place_label(event(place={"town": "Rīga"}), "lv") == "Rīga"
    assert place_label(event(place={"online": True}), "en") == "Online"
    mixed = event(place={"town": "Riga", "online": True})
    assert place_label(mixed, "en") == "Riga, Online"


# -- structured data ------------------------------------------------------------------------


def test_json_ld_describes_an_in_person_event() -> None:
    meeting = event(
        start="2026-07-01 10:00",
        end="2026-07-01 16:00",
        place={"town": "Rīga"},
        description="Sanāksme.",
        languages=["lv", "rml"],
    )
    data = event_json_ld(meeting, URL, "Kultūras ministrija")
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-07-01T10:00:00+03:00"
    assert data["endDate"] == "2026-07-01T16:00:00+03:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Rīga"
    assert data["organizer"]["name"] == "Kultūras ministrija"
    assert data["inLanguage"] == ["lv", "rml"]


def test_json_ld_of_a_cancelled_event() -> None:
    data = event_json_ld(event(status="cancelled"), URL, "Kultūras ministrija")
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_json_ld_of_an_online_event() -> None:
    online = event(place={"online": True, "url": "https://meet.example.org/lrp"})
    data = event_json_ld(online, URL, "Kultūras ministrija")
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/lrp"}
    moved = event_json_ld(event(status="moved_online", place={"town": "Rīga"}), URL, "KM")
    assert moved["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert moved["location"]["@type"] == "VirtualLocation"


def test_json_ld_of_an_event_without_a_place_claims_neither_place_nor_attendance_mode() -> None:
    # An old meeting known only by its date: calling it in person would be a made-up fact.
    data = event_json_ld(event(place={}), URL, "Kultūras ministrija")
    assert "eventAttendanceMode" not in data
    assert "location" not in data
    assert data["name"] and data["startDate"]


def test_json_ld_of_an_all_day_event_uses_dates() -> None:
    data = event_json_ld(event(start="2021-07-05", end="2021-07-07"), URL, "KM")
    assert (data["startDate"], data["endDate"]) == ("2021-07-05", "2021-07-07")


# -- template context -----------------------------------------------------------------------


def test_registration_is_open_only_until_its_deadline() -> None:
    meeting = event(
        start="2026-10-05 10:00",
        registration={"url": "https://forms.example.org/lrp", "deadline": "2026-09-30"},
    )

    def context(now: datetime) -> dict[str, Any]:
        return page_context(meeting, "en", ics_url="x.ics", json_ld="", now=now, category_labels={})

    assert context(datetime(2026, 9, 30, 23, 0, tzinfo=RIGA))["registration"]["open"]
    assert not context(datetime(2026, 10, 1, 0, 1, tzinfo=RIGA))["registration"]["open"]
    assert context(datetime(2026, 9, 1, tzinfo=RIGA))["registration"]["deadline"] == (
        "30 September 2026"
    )


def test_report_rows_follow_the_project_categories() -> None:
    reported = event(report={"participants": {"ministries": 3, "municipal_specialists": 5}})
    context = page_context(
        reported,
        "en",
        ics_url="x.ics",
        json_ld="",
        now=datetime(2027, 1, 1, tzinfo=RIGA),
        category_labels={"municipal_specialists": "Municipal specialists"},
    )
    assert [row["key"] for row in context["report"]["rows"]] == [
        "municipal_specialists",
        "ministries",
    ]
    assert context["report"]["rows"][0]["label"] == "Municipal specialists"
    assert context["report"]["total"] == 8
    assert context["past"]


def test_list_entry_carries_the_sample_label() -> None:
    entry = list_entry(event(sample=True, status="postponed"), URL, "en")
    assert entry["sample"] and entry["status_label"] == "Postponed"


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({}, "Ikgadējā sanāksme"),
        ({"sample": True}, "Ilustratīvs piemērs. Ikgadējā sanāksme"),
        ({"status": "cancelled"}, "Atcelts: Ikgadējā sanāksme"),
        (
            {"status": "postponed", "sample": True},
            "Pārcelts: Ilustratīvs piemērs. Ikgadējā sanāksme",
        ),
        ({"status": "moved_online"}, "Ikgadējā sanāksme"),
    ],
)
def test_a_title_seen_away_from_the_page_says_it_is_illustrative_or_called_off(
    meta: dict[str, Any], expected: str
) -> None:
    """Calendars, feed readers and link previews show little but the title."""
    assert public_title(event(**meta), "Ilustratīvs piemērs.") == expected


# -- reading files ----------------------------------------------------------------------------


def test_load_events_skips_the_index_unknown_languages_and_broken_files(tmp_path: Path) -> None:
    good = '---\ntitle: "Sanāksme"\nstart: "2026-10-05 10:00"\n---\n\nTeksts.\n'
    (tmp_path / "meeting.lv.md").write_text(good, encoding="utf-8")
    (tmp_path / "meeting.en.md").write_text(good.replace("Sanāksme", "Meeting"), "utf-8")
    (tmp_path / "index.lv.md").write_text('---\ntitle: "Pasākumi"\n---\n', encoding="utf-8")
    (tmp_path / "meeting.lt.md").write_text(good, encoding="utf-8")
    (tmp_path / "broken.lv.md").write_text('---\ntitle: "Nav\nstart: x\n---\n', "utf-8")
    (tmp_path / "no-start.lv.md").write_text('---\ntitle: "Bez datuma"\n---\n', "utf-8")
    loaded = load_events(tmp_path)
    assert [(e.slug, e.language) for e in loaded] == [("meeting", "en"), ("meeting", "lv")]


def test_the_sites_event_files_all_load_and_are_all_marked_as_samples() -> None:
    files = [path for path in EVENTS_DIR.glob("*.md") if not path.name.startswith("index.")]
    loaded = load_events(EVENTS_DIR)
    assert files and len(loaded) == len(files)  # none was skipped as unreadable
    assert all(e.sample for e in loaded)
    by_slug: dict[str, set[str]] = {}
    for loaded_event in loaded:
        by_slug.setdefault(loaded_event.slug, set()).add(loaded_event.language)
    assert all(languages == set(LANGUAGE_CODES) for languages in by_slug.values())


def test_the_sites_programme_has_upcoming_and_past_examples_of_every_kind() -> None:
    latvian = [e for e in load_events(EVENTS_DIR) if e.language == "lv"]
    upcoming, past = split_upcoming_past(latvian, datetime(2026, 6, 1, tzinfo=RIGA))
    assert 2 <= len(upcoming) <= 3
    assert all(e.start.year == 2027 for e in upcoming)
    project_start = datetime(2020, 8, 17, tzinfo=RIGA)
    project_end = datetime(2021, 8, 17, tzinfo=RIGA)
    assert all(project_start <= e.start and e.finishes <= project_end for e in past)
    statuses = {e.status for e in latvian}
    assert {"cancelled", "postponed"} <= statuses
    assert any(e.online for e in latvian)


def test_offsets_other_than_riga_are_kept_as_written() -> None:
    helsinki_style = event(start=datetime(2026, 7, 1, 10, 0, tzinfo=timezone(timedelta(hours=2))))
    assert helsinki_style.start.utcoffset() == timedelta(hours=2)


def test_multi_day_events_show_both_ends() -> None:
    two_days = event(start="2026-10-05 10:00", end="2026-10-06 16:00")
    assert (
        format_when(two_days, "en") == "5 October 2026, 10:00 – 6 October 2026, 16:00 (Riga time)"
    )
    until_a_date = event(start="2026-10-05 10:00", end="2026-10-06")
    assert format_when(until_a_date, "en") == "5 October 2026, 10:00 (Riga time) – 6 October 2026"
    assert until_a_date.finishes == datetime(2026, 10, 7, tzinfo=RIGA)


def test_an_event_is_dated_in_the_feed_by_its_file_not_by_the_build() -> None:
    """Announced on 1 August, a report added on 20 October: the feed says so whatever day the
    site is built, and never dates an entry after the feed."""
    meeting = event()  # 5 October 2026, 10:00
    announced = datetime(2026, 8, 1, 9, 0, tzinfo=RIGA)
    reported = datetime(2026, 10, 20, 9, 0, tzinfo=RIGA)
    before = datetime(2026, 9, 21, 12, 0, tzinfo=RIGA)
    after = datetime(2026, 12, 5, 12, 0, tzinfo=RIGA)
    assert feed_dates(meeting, before, announced, announced) == (announced, announced)
    assert feed_dates(meeting, after, announced, reported) == (announced, reported)
    # A report written before the event's page was: news as of the day it took place.
    late = datetime(2026, 11, 1, 9, 0, tzinfo=RIGA)
    assert feed_dates(meeting, after, late, late) == (meeting.start, late)
    # Without history, the build's own time, as before.
    assert feed_dates(meeting, before) == (before, before)
    assert feed_dates(meeting, after) == (meeting.start, meeting.start)
    # A build pinned to a day before the last commit does not date the entry after itself.
    assert feed_dates(meeting, before, announced, reported) == (announced, before)
