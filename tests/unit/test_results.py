"""The results page: totals that match the event reports, and a chart everyone can read."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from hooks.events import Event, event_from_front_matter, load_events
from hooks.results import (
    ACHIEVED_COLOUR,
    BACKGROUND_COLOUR,
    PLANNED_COLOUR,
    achieved_totals,
    category_labels,
    load_planned_results,
    page_context,
    planned_results,
    results_chart_svg,
    results_rows,
)

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"

PLAN = planned_results(
    {
        "categories": [
            {"key": "public_administration", "planned": 146,
             "parts": ["municipal_specialists", "ministries"],
             "labels": {"lv": "Valsts pārvalde", "en": "Public administration"}},
            {"key": "municipal_specialists", "planned": 93, "part_of": "public_administration",
             "labels": {"en": "Municipal specialists"},
             "row_labels": {"en": "including municipal specialists"}},
            {"key": "ministries", "planned": 53, "part_of": "public_administration",
             "labels": {"en": "Ministries"}},
            {"key": "roma_representatives", "planned": 91, "labels": {"en": "Roma <b>"}},
            {"key": "wider_public", "planned": 50, "approximate": True,
             "labels": {"en": "Wider public"}},
        ]
    }
)  # fmt: skip


def event(slug: str, language: str = "lv", **meta: Any) -> Event:
    front_matter: dict[str, Any] = {"title": slug, "start": "2021-03-01 10:00"}
    front_matter.update(meta)
    return event_from_front_matter(front_matter, slug, language)


def reported(slug: str, language: str = "lv", **participants: Any) -> Event:
    return event(slug, language, report={"participants": participants})


def test_totals_add_up_the_reports_and_public_administration_is_its_two_parts() -> None:
    events = [
        reported("a", municipal_specialists=10, ministries=4, roma_representatives=7),
        reported("b", municipal_specialists=3, wider_public=20),
    ]
    totals = achieved_totals(events)
    assert totals["municipal_specialists"] == 13
    assert totals["ministries"] == 4
    assert totals["public_administration"] == 17
    assert totals["roma_representatives"] == 7
    assert totals["wider_public"] == 20


def test_each_event_counts_once_whatever_the_number_of_translations() -> None:
    events = [
        reported("a", "lv", roma_representatives=7),
        reported("a", "en", roma_representatives=7),
        reported("a", "rml", roma_representatives=7),
        reported("only-english", "en", roma_representatives=2),
    ]
    assert achieved_totals(events)["roma_representatives"] == 9


def test_missing_unknown_or_cancelled_reports_count_zero() -> None:
    events = [
        event("no-report"),
        reported("typo", roma_reps=5, ministries="many"),
        event(
            "cancelled", status="cancelled", report={"participants": {"roma_representatives": 5}}
        ),
    ]
    totals = achieved_totals(events)
    assert set(totals.values()) == {0}
    assert totals["eu_experts"] == 0  # a group no report mentions


def test_rows_follow_the_plan_and_mark_about_and_parts() -> None:
    achieved = achieved_totals([reported("a", municipal_specialists=10, ministries=5)])
    rows = results_rows(PLAN, achieved, "en")
    by_key = {row.key: row for row in rows}
    assert [row.key for row in rows][0] == "public_administration"
    assert by_key["public_administration"].achieved == 15
    assert by_key["municipal_specialists"].is_part
    assert by_key["municipal_specialists"].label == "including municipal specialists"
    assert by_key["wider_public"].planned_label == "about 50"
    assert results_rows(PLAN, achieved, "lv")[-1].planned_label == "ap 50"
    assert by_key["public_administration"].share_label == "10%"


def chart(language: str = "en") -> ET.Element:
    rows = results_rows(PLAN, achieved_totals([reported("a", roma_representatives=30)]), language)
    svg = results_chart_svg(rows, language, "Planned and achieved", "Bars per group.")
    return ET.fromstring(svg)  # also proves the markup is well-formed XML


def test_chart_is_an_image_named_by_its_title_and_description() -> None:
    svg = chart()
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text == "Planned and achieved"
    assert desc is not None and desc.text == "Bars per group."
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_chart_has_one_planned_and_one_achieved_bar_per_category() -> None:
    svg = chart()
    groups = [g for g in svg.iter(f"{SVG}g") if g.get("data-category")]
    assert [g.get("data-category") for g in groups] == [group.key for group in PLAN]
    for group in groups:
        bars = [rect.get("class", "") for rect in group.iter(f"{SVG}rect")]
        assert sum("bar--planned" in b for b in bars) == 1
        assert sum("bar--achieved" in b for b in bars) == 1


def test_every_bar_is_labelled_with_its_figure() -> None:
    texts = [text.text or "" for text in chart().iter(f"{SVG}text")]
    assert "Roma <b>" in texts  # labels are escaped, not markup
    assert "Planned: 91" in texts and "Achieved: 30" in texts
    assert "Planned: about 50" in texts
    assert "Plānots: ap 50" in [text.text for text in chart("lv").iter(f"{SVG}text")]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (PLANNED_COLOUR, BACKGROUND_COLOUR),
        (ACHIEVED_COLOUR, BACKGROUND_COLOUR),
        (PLANNED_COLOUR, ACHIEVED_COLOUR),
    ],
)
def test_bar_colours_stand_out_from_the_background_and_each_other(first: str, second: str) -> None:
    assert _contrast(first, second) >= 3


def test_the_page_context_describes_the_figures_and_flags_samples() -> None:
    context = page_context(
        PLAN,
        [event("a", sample=True, report={"participants": {"roma_representatives": 3}})],
        "en",
        chart_title="Results",
        chart_description="Planned and achieved participants.",
    )
    assert context["includes_sample"] and context["events_counted"] == 1
    assert "Roma &lt;b&gt;: planned 91, achieved 3." in context["chart_svg"]
    assert context["rows"][3]["achieved"] == 3


# -- the site's own data ----------------------------------------------------------------------


def test_the_planned_figures_are_those_of_the_project() -> None:
    plan = {group.key: group for group in load_planned_results(ROOT / "data/planned-results.yml")}
    assert {key: group.planned for key, group in plan.items()} == {
        "public_administration": 146,
        "municipal_specialists": 93,
        "ministries": 53,
        "roma_representatives": 91,
        "non_roma_ngos": 4,
        "eu_experts": 10,
        "wider_public": 50,
    }
    assert [key for key, group in plan.items() if group.approximate] == ["wider_public"]
    parts = plan["public_administration"].parts
    assert sum(plan[part].planned for part in parts) == plan["public_administration"].planned
    for language in ("lv", "en", "rml"):
        assert all(category_labels(plan.values(), language).values())
        assert all(group.labels.get(language) for group in plan.values())


def test_the_illustrative_reports_stay_within_the_plan() -> None:
    plan = load_planned_results(ROOT / "data/planned-results.yml")
    totals = achieved_totals(load_events(ROOT / "docs/events"))
    assert any(totals.values())
    for group in plan:
        assert totals[group.key] <= group.planned, group.key
