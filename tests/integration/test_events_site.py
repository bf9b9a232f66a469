"""Events, calendars and the results dashboard in the real built site."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import icalendar
import pytest

from hooks.events import load_events
from hooks.results import achieved_totals
from tests.htmlscan import parse_html
from tests.sitebuild import PROJECT_ROOT, TEST_SITE_URL

pytestmark = pytest.mark.build


def test_every_event_calendar_parses_with_riga_time_zone(built_site: Path) -> None:
    files = sorted(built_site.rglob("*.ics"))
    assert len(files) >= 3 * 10
    for path in files:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        vevents = calendar.walk("VEVENT")
        assert vevents, path
        for event in vevents:
            assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART"), path
        timed = [e for e in vevents if getattr(e.decoded("DTSTART"), "tzinfo", None)]
        if timed:
            zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
            assert zones == ["Europe/Riga"], path


def test_cancelled_event_is_cancelled_in_its_calendar(built_site: Path) -> None:
    cancelled = [
        e for e in load_events(PROJECT_ROOT / "docs" / "events") if e.status == "cancelled"
    ]
    assert cancelled
    event = cancelled[0]
    prefix = "" if event.language == "lv" else f"{event.language}/"
    ics = built_site / prefix / "events" / event.slug / f"{event.slug}.ics"
    parsed = icalendar.Calendar.from_ical(ics.read_bytes())
    assert [str(e["STATUS"]) for e in parsed.walk("VEVENT")] == ["CANCELLED"]
    page = (built_site / prefix / "events" / event.slug / "index.html").read_text()
    assert "lrp-event" in page


@pytest.mark.parametrize(
    ("prefix", "notice"),
    [("", "Atcelts. Pasākums nenotiks."), ("en/", "Cancelled. This event will not take place.")],
)
def test_a_cancelled_event_says_so_once(built_site: Path, prefix: str, notice: str) -> None:
    page = parse_html(
        (built_site / prefix / "events/mediators-seminar-2027/index.html").read_text()
    )
    (status,) = [p for p in page.find_all("p") if "lrp-event__status" in p.attrs.get("class", "")]
    assert " ".join(status.text.split()) == notice


@pytest.mark.parametrize("prefix", ["", "en/", "rml/"])
def test_only_an_event_still_on_its_date_offers_to_be_added_to_a_calendar(
    built_site: Path, prefix: str
) -> None:
    # A postponed event's page shows its old date; adding that date to a calendar misleads.
    def offers_calendar(slug: str) -> bool:
        page = parse_html((built_site / prefix / "events" / slug / "index.html").read_text())
        return bool(page.find_all("a", class_="lrp-event__ics"))

    assert not offers_calendar("annual-meeting-2027")  # postponed
    assert not offers_calendar("mediators-seminar-2027")  # cancelled
    assert offers_calendar("regional-experts-online-meeting-2027")


@pytest.mark.parametrize(
    ("prefix", "words"),
    [("", "atceltu"), ("en/", "cancelled"), ("rml/", "na ovela")],
)
def test_a_cancelled_event_still_ahead_offers_its_cancelled_calendar_file(
    built_site: Path, prefix: str, words: str
) -> None:
    # Someone who added the event from its file can import the cancellation over it.
    folder = built_site / prefix / "events" / "mediators-seminar-2027"
    page = parse_html((folder / "index.html").read_text())
    (link,) = page.find_all("a", class_="lrp-event__cancellation")
    assert words in link.text
    ics = (folder / link.attrs["href"]).resolve()
    parsed = icalendar.Calendar.from_ical(ics.read_bytes())
    assert [str(e["STATUS"]) for e in parsed.walk("VEVENT")] == ["CANCELLED"]


@pytest.mark.parametrize(
    ("prefix", "label"),
    [
        ("", "Bija plānots (pārcelts)"),
        ("en/", "Planned for (postponed)"),
        ("rml/", "(sākotnēji plānots)"),
    ],
)
def test_a_postponed_event_labels_its_old_date_as_no_longer_the_date(
    built_site: Path, prefix: str, label: str
) -> None:
    def when_label(slug: str) -> str:
        page = parse_html((built_site / prefix / "events" / slug / "index.html").read_text())
        return " ".join(page.find_all("dt")[0].text.split())  # the first fact is the date

    assert label in when_label("annual-meeting-2027")
    assert "plānots" not in when_label("regional-experts-online-meeting-2027")
    assert "Planned" not in when_label("regional-experts-online-meeting-2027")


def test_events_index_splits_upcoming_and_past_at_the_pinned_build_date(built_site: Path) -> None:
    html = (built_site / "en" / "events" / "index.html").read_text()
    upcoming_at, past_at = html.find("Upcoming events"), html.find("Past events")
    assert 0 < upcoming_at < past_at
    upcoming_part, past_part = html[upcoming_at:past_at], html[past_at:]
    assert "2027" in upcoming_part and "2027" not in past_part
    assert "2021" in past_part


def test_event_times_are_shown_in_riga_time(built_site: Path) -> None:
    event = next(
        e
        for e in load_events(PROJECT_ROOT / "docs" / "events")
        if e.language == "en" and not e.all_day
    )
    ics = built_site / "en" / "events" / event.slug / f"{event.slug}.ics"
    vevent = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    start = vevent.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Riga"
    assert start.astimezone(UTC) == event.start.astimezone(UTC)


def test_results_page_table_matches_the_event_reports(built_site: Path) -> None:
    totals = achieved_totals(load_events(PROJECT_ROOT / "docs" / "events"))
    html = parse_html((built_site / "en" / "results" / "index.html").read_text())
    (chart,) = html.find_all("div", role="img")
    title_id, desc_id = chart.attrs["aria-labelledby"], chart.attrs["aria-describedby"]
    assert html.first("span", id=title_id).text.strip()
    # The chart's description sends to the table, which has the figures.
    assert "table below" in html.first("span", id=desc_id).text
    table = html.first("table")
    assert table is not None
    cells = " ".join(td.text.split()[0] for td in html.find_all("td") if td.text.split())
    assert str(totals["roma_representatives"]) in cells
    assert str(totals["public_administration"]) in cells


@pytest.mark.parametrize("prefix", ["", "en/", "rml/"])
def test_the_events_feed_holds_no_entry_newer_than_itself(built_site: Path, prefix: str) -> None:
    import xml.etree.ElementTree as ET
    from datetime import datetime

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / prefix / "events" / "feed.xml").getroot()
    updated = datetime.fromisoformat(feed.findtext(f"{atom}updated"))
    entries = feed.findall(f"{atom}entry")
    assert entries
    for entry in entries:
        for field in ("published", "updated"):
            assert datetime.fromisoformat(entry.findtext(f"{atom}{field}")) <= updated
    # Past events with their reports are in it too, so it is not called "Upcoming events".
    assert "Upcoming" not in feed.findtext(f"{atom}title")


def test_feed_readers_and_calendars_see_a_called_off_or_illustrative_event_in_its_title(
    built_site: Path,
) -> None:
    """A feed reader and a calendar app show an event by its title alone: a cancelled or
    postponed date and an illustrative event say so there, the same way in both."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / "en" / "events" / "feed.xml").getroot()
    titles = {
        entry.findtext(f"{atom}id").rstrip("/").rsplit("/", 1)[1]: entry.findtext(f"{atom}title")
        for entry in feed.findall(f"{atom}entry")
    }
    assert titles["mediators-seminar-2027"] == (
        "Cancelled: Illustrative example. Roma mediators' good-practice seminar 2027"
    )
    assert titles["annual-meeting-2027"].startswith("Postponed: Illustrative example. ")
    calendar = icalendar.Calendar.from_ical((built_site / "en/events/calendar.ics").read_bytes())
    summaries = {
        str(event["UID"]).split("@")[0]: str(event["SUMMARY"]) for event in calendar.walk("VEVENT")
    }
    assert summaries == titles


@pytest.mark.parametrize("prefix", ["", "en/", "rml/"])
def test_each_event_in_the_feed_links_the_calendar_file_of_that_event(
    built_site: Path, prefix: str
) -> None:
    """A feed reader offers the event's .ics from the entry, without the page: the link leads
    to a published file holding that one event, under the entry's title."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / prefix / "events" / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert entries
    for entry in entries:
        [link] = [link for link in entry.findall(f"{atom}link") if link.get("rel") == "related"]
        assert link.get("type") == "text/calendar"
        href = link.get("href")
        assert href.startswith(TEST_SITE_URL) and href.endswith(".ics")
        calendar = icalendar.Calendar.from_ical(
            (built_site / href.removeprefix(TEST_SITE_URL)).read_bytes()
        )
        [event] = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == entry.findtext(f"{atom}title")
        assert str(event["URL"]) == entry.findtext(f"{atom}id")


@pytest.mark.parametrize("prefix", ["", "en/", "rml/"])
def test_the_events_page_shows_the_address_to_subscribe_to(built_site: Path, prefix: str) -> None:
    """Clicking the calendar link imports today's events once; to get new ones, a visitor
    pastes the calendar's address into their calendar app, so the page shows it in full."""
    page = parse_html((built_site / prefix / "events" / "index.html").read_text())
    [address] = page.find_all("code", class_="lrp-events__address")
    url = address.text.strip()
    assert url == f"{TEST_SITE_URL}{prefix}events/calendar.ics"
    calendar = icalendar.Calendar.from_ical(
        (built_site / url.removeprefix(TEST_SITE_URL)).read_bytes()
    )
    assert calendar.walk("VEVENT")


@pytest.mark.parametrize("page", ["index.html", "en/about/index.html", "rml/events/index.html"])
def test_every_page_points_feed_readers_to_the_languages_feeds(built_site: Path, page: str) -> None:
    html = parse_html((built_site / page).read_text(encoding="utf-8"))
    feeds = {
        (link.attrs.get("type"), link.attrs.get("href", "").rsplit("/", 2)[-2:][0])
        for link in html.find_all("link")
        if "alternate" in link.attrs.get("rel", "").split()
        and link.attrs.get("type", "").startswith("application/")
    }
    assert feeds == {
        ("application/atom+xml", "stories"),
        ("application/feed+json", "stories"),
        ("application/atom+xml", "events"),
    }
    for link in html.find_all("link"):
        if link.attrs.get("type", "").startswith("application/") and "feed" in link.attrs.get(
            "href", ""
        ):
            assert (built_site / page).parent.joinpath(link.attrs["href"]).resolve().is_file()


def test_the_story_list_links_its_feeds_visibly(built_site: Path) -> None:
    html = parse_html((built_site / "en" / "stories" / "index.html").read_text(encoding="utf-8"))
    links = {a.attrs.get("href", "").rsplit("/", 1)[-1] for a in html.find_all("a")}
    assert {"feed.xml", "feed.json"} <= links


def _commit_everything(project: Path, when: str) -> None:
    import os
    import subprocess

    who = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
    environment = {
        **os.environ,
        **who,
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "content"]):
        subprocess.run(["git", "-C", str(project), *command], check=True, env=environment)


def test_a_daily_rebuild_does_not_make_events_look_changed(tmp_path: Path) -> None:
    """The site is built every day. With the project's history, the next day's build writes the
    same event feed and calendars, dated by the commits, so feed readers and calendar apps see
    no change; a copy without history dates them by the build instead."""
    import shutil
    import xml.etree.ElementTree as ET
    from datetime import datetime

    from tests.sitebuild import PINNED_BUILD_EPOCH, build_site, copy_project

    project = copy_project(tmp_path / "project")
    for story in (project / "stories").iterdir():  # the events are what this is about
        shutil.rmtree(story)
    outputs = (
        "events/feed.xml",
        "en/events/calendar.ics",
        "en/events/annual-meeting-2027/annual-meeting-2027.ics",
        "events/annual-meeting-2027/annual-meeting-2027.ics",
        "rml/events/annual-meeting-2027/annual-meeting-2027.ics",
    )

    def build(day: int) -> dict[str, bytes]:
        site = tmp_path / f"site-{day}-{len(list(tmp_path.iterdir()))}"
        epoch = str(int(PINNED_BUILD_EPOCH) + day * 86400)
        result = build_site(project, site, {"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stderr[-3000:]
        return {name: (site / name).read_bytes() for name in outputs}

    without_history = build(0)
    assert build(1) != without_history

    _commit_everything(project, "2026-09-01T09:00:00+03:00")
    today, tomorrow = build(0), build(1)
    assert today == tomorrow
    feed = ET.fromstring(today["events/feed.xml"])
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}updated") == "2026-09-01T09:00:00+03:00"
    calendar = icalendar.Calendar.from_ical(today["en/events/calendar.ics"])
    stamps = {event.decoded("DTSTAMP") for event in calendar.walk("VEVENT")}
    assert stamps == {datetime(2026, 9, 1, 6, 0, tzinfo=UTC)}
    assert {int(event["SEQUENCE"]) for event in calendar.walk("VEVENT")} == {0}

    # The event is called off: its entry is a newer revision, which a calendar app that holds
    # the old one updates instead of ignoring; the other events stay as they were.
    for language in ("lv", "en", "rml"):
        meeting = project / f"docs/events/annual-meeting-2027.{language}.md"
        text = meeting.read_text(encoding="utf-8")
        assert "status: postponed" in text
        meeting.write_text(text.replace("status: postponed", "status: cancelled"), "utf-8")
    _commit_everything(project, "2026-10-01T09:00:00+03:00")
    after = build(0)
    single = icalendar.Calendar.from_ical(
        after["en/events/annual-meeting-2027/annual-meeting-2027.ics"]
    )
    (entry,) = single.walk("VEVENT")
    assert (int(entry["SEQUENCE"]), str(entry["STATUS"])) == (1, "CANCELLED")
    revisions = {
        str(event["UID"]): int(event["SEQUENCE"])
        for event in icalendar.Calendar.from_ical(after["en/events/calendar.ics"]).walk("VEVENT")
    }
    assert revisions.pop("annual-meeting-2027@latvian-roma-platform") == 1
    assert set(revisions.values()) == {0}

    # A wording fix in the Latvian version only: the entry has one UID in all three languages,
    # so all three copies move to the same revision, or an app holding the English one would
    # take the Latvian file as a stale copy after the next change.
    latvian = project / "docs/events/annual-meeting-2027.lv.md"
    latvian.write_text(latvian.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _commit_everything(project, "2026-10-02T09:00:00+03:00")
    fixed = build(30)  # a month after the pinned day, so after the commit
    copies = [
        icalendar.Calendar.from_ical(
            fixed[f"{prefix}events/annual-meeting-2027/annual-meeting-2027.ics"]
        )
        for prefix in ("", "en/", "rml/")
    ]
    assert {
        (int(entry["SEQUENCE"]), entry.decoded("DTSTAMP"))
        for copy in copies
        for entry in copy.walk("VEVENT")
    } == {(2, datetime(2026, 10, 2, 6, 0, tzinfo=UTC))}
