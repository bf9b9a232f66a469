"""The results page: totals that match the event reports, and a chart everyone can read."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from hooks.events import Event, event_from_front_matter, load_events
from hooks.results import (
    ACHIEVED_COLOUR,
    BACKGROUND_COLOUR,
    PLANNED_COLOUR,
    TEXT_COLOUR,
    achieved_totals,
    category_labels,
    load_planned_results,
    page_context,
    planned_results,
    results_chart_html,
    results_rows,
)

ROOT = Path(__file__).resolve().parents[2]

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
    html = results_chart_html(rows, language, "Planned and achieved", "Bars per group.")
    return ET.fromstring(html)  # also proves the markup is well-formed


def _by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if name in element.get("class", "").split()]


def test_chart_is_an_image_named_by_its_title_and_described_by_its_description() -> None:
    root = chart()
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby"), root.get("aria-describedby")
    names = {element.get("id"): element.text for element in root.iter("span") if element.get("id")}
    assert names == {title_id: "Planned and achieved", desc_id: "Bars per group."}


def test_a_screen_reader_hears_the_figures_once_in_the_table_not_in_the_chart() -> None:
    # The table below the chart has every figure; the chart's own legend, group names and
    # figures are hidden from screen readers, which Chromium does not do for an image's
    # children by itself. Only the title and the description stay outside the hidden part.
    root = chart()
    (drawing,) = [child for child in root if child.get("aria-hidden") == "true"]
    assert all(child is drawing or child.get("hidden") == "hidden" for child in root)
    assert _by_class(drawing, "lrp-results-chart__legend")
    assert len(_by_class(drawing, "lrp-results-chart__category")) == len(PLAN)
    assert len(_by_class(drawing, "lrp-results-chart__value")) == 2 * len(PLAN)


def test_chart_has_one_planned_and_one_achieved_bar_per_category() -> None:
    groups = _by_class(chart(), "lrp-results-chart__category")
    assert [g.get("data-category") for g in groups] == [group.key for group in PLAN]
    for group in groups:
        assert len(_by_class(group, "lrp-results-chart__bar--planned")) == 1
        assert len(_by_class(group, "lrp-results-chart__bar--achieved")) == 1


def test_bar_lengths_share_one_scale_and_a_small_figure_is_not_drawn_as_zero() -> None:
    shares = {
        (group.get("data-category"), "planned" if index == 0 else "achieved"): float(
            series.get("style", "").removeprefix("--share: ").removesuffix("%")
        )
        for group in _by_class(chart(), "lrp-results-chart__category")
        for index, series in enumerate(_by_class(group, "lrp-results-chart__series"))
    }
    # The largest figure (146 planned for public administration) fills the bar.
    assert max(shares.values()) == 100
    assert shares[("roma_representatives", "planned")] == round(91 / 146 * 100, 1)
    assert shares[("roma_representatives", "achieved")] == round(30 / 146 * 100, 1)
    assert shares[("public_administration", "achieved")] == 0  # nothing reported
    rows = results_rows(PLAN, achieved_totals([reported("a", roma_representatives=1)]), "en")
    tiny = ET.fromstring(results_chart_html(rows, "en", "t", "d"))
    (roma,) = [
        group
        for group in _by_class(tiny, "lrp-results-chart__category")
        if group.get("data-category") == "roma_representatives"
    ]
    assert _by_class(roma, "lrp-results-chart__series")[1].get("style") == "--share: 1%"


def test_every_bar_is_labelled_with_its_figure() -> None:
    texts = [
        "".join(element.itertext()) for element in _by_class(chart(), "lrp-results-chart__value")
    ]
    labels = [
        "".join(element.itertext()) for element in _by_class(chart(), "lrp-results-chart__label")
    ]
    assert "Roma <b>" in labels  # labels are escaped, not markup
    assert "Planned: 91" in texts and "Achieved: 30" in texts
    assert "Planned: about 50" in texts
    lv = ["".join(e.itertext()) for e in _by_class(chart("lv"), "lrp-results-chart__value")]
    assert "Plānots: ap 50" in lv


def test_the_stylesheet_draws_the_bars_in_the_checked_colours() -> None:
    css = (ROOT / "docs" / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    chart_css = css[
        css.index(".md-typeset .lrp-results-chart {") : css.index("@media (forced-colors")
    ]
    planned = re.search(r"__bar--planned \{ background: (#[0-9a-f]{6}); \}", chart_css)
    assert planned and planned.group(1) == PLANNED_COLOUR
    assert f"45deg, {ACHIEVED_COLOUR} 0 3px, {BACKGROUND_COLOUR} 3px 5px" in chart_css
    assert f"background: {BACKGROUND_COLOUR}; color: {TEXT_COLOUR};" in chart_css


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
    assert context["only_sample"]  # its one report is illustrative, so no figure is real
    # The chart's name and description do not repeat the figures that the table gives.
    root = ET.fromstring(context["chart_html"])
    description = root.find(f".//span[@id='{root.get('aria-describedby')}']")
    assert description is not None and description.text == "Planned and achieved participants."
    assert "planned 91" not in context["chart_html"]
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


def test_real_reports_among_illustrative_ones_make_only_some_figures_invented() -> None:
    real = event("real", report={"participants": {"roma_representatives": 2}})
    invented = event("invented", sample=True, report={"participants": {"roma_representatives": 3}})
    mixed = page_context(PLAN, [real, invented], "en", chart_title="R", chart_description="D")
    assert mixed["includes_sample"] and not mixed["only_sample"]
    alone = page_context(PLAN, [real], "en", chart_title="R", chart_description="D")
    assert not alone["includes_sample"] and not alone["only_sample"]
    # No report at all: nothing is invented, and nothing claims to be.
    empty = page_context(PLAN, [], "en", chart_title="R", chart_description="D")
    assert not empty["only_sample"]
