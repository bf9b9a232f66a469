"""The results page: how many people of each group the project planned to involve, and how many
the event reports count so far, as a table and an accessible bar chart.

The planned figures are in data/planned-results.yml; the achieved ones are summed from the event
reports at build time, so the page can never disagree with the events it is built from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import yaml

from hooks import site_data
from hooks.events import PARTICIPANT_CATEGORIES, Event
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES

PUBLIC_ADMINISTRATION = "public_administration"
PUBLIC_ADMINISTRATION_PARTS = ("municipal_specialists", "ministries")

# Chart colours: each at least 3:1 against the white chart background and against each other
# (WCAG 1.4.11); the achieved bars are also hatched and every bar is labelled, so colour is
# never the only way to tell them apart.
PLANNED_COLOUR = "#142747"
ACHIEVED_COLOUR = "#d9480f"
TEXT_COLOUR = "#1a1a1a"
BACKGROUND_COLOUR = "#ffffff"

# The words of the chart and the table (`labels:` in data/ui/<lang>.yml).
_SERIES_LABELS: dict[str, tuple[str, str]] = {
    code: (site_data.labels(code)["chart_planned"], site_data.labels(code)["chart_achieved"])
    for code in LANGUAGE_CODES
}
_ABOUT: dict[str, str] = site_data.label_by_language("results_about")
_PERCENT: dict[str, str] = site_data.label_by_language("results_percent")


@dataclass(frozen=True)
class PlannedGroup:
    key: str
    planned: int
    labels: Mapping[str, str] = field(default_factory=dict)
    row_labels: Mapping[str, str] = field(default_factory=dict)
    approximate: bool = False
    parts: tuple[str, ...] = ()
    part_of: str = ""

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get(DEFAULT_LANGUAGE) or self.key

    def row_label(self, language: str) -> str:
        return self.row_labels.get(language) or self.label(language)


@dataclass(frozen=True)
class ResultRow:
    key: str
    label: str
    planned: int
    planned_label: str  # "about 50" where the plan says "about"
    achieved: int
    share_label: str  # achieved as a share of the plan, e.g. "25 %"
    is_part: bool  # counted inside the row above it ("including …")


def planned_results(data: Mapping[str, Any]) -> tuple[PlannedGroup, ...]:
    groups: list[PlannedGroup] = []
    for item in data.get("categories") or ():
        groups.append(
            PlannedGroup(
                key=str(item["key"]),
                planned=int(item["planned"]),
                labels=dict(item.get("labels") or {}),
                row_labels=dict(item.get("row_labels") or {}),
                approximate=item.get("approximate") is True,
                parts=tuple(str(part) for part in item.get("parts") or ()),
                part_of=str(item.get("part_of") or ""),
            )
        )
    return tuple(groups)


def load_planned_results(path: Path) -> tuple[PlannedGroup, ...]:
    """data/planned-results.yml; unlike event files, a broken one stops the build, because the
    page would otherwise publish wrong targets."""
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return planned_results(loaded)


def category_labels(planned: Iterable[PlannedGroup], language: str) -> dict[str, str]:
    """Group names for event reports: 'Municipal specialists', not 'including …'."""
    return {group.key: group.label(language) for group in planned}


def counted_events(events: Iterable[Event]) -> list[Event]:
    """The events whose reports count: one language version per event (the Latvian original
    where there is one, since every version repeats the same figures), none cancelled."""
    chosen: dict[str, Event] = {}
    for event in sorted(events, key=lambda e: (e.language != DEFAULT_LANGUAGE, e.language)):
        chosen.setdefault(event.slug, event)
    return [
        event
        for slug, event in sorted(chosen.items())
        if event.report is not None and event.status != "cancelled"
    ]


def achieved_totals(events: Iterable[Event]) -> dict[str, int]:
    """Participants per group over all event reports; public administration is the municipal
    specialists plus the ministries. A group no report mentions counts 0."""
    totals = dict.fromkeys(PARTICIPANT_CATEGORIES, 0)
    for event in counted_events(events):
        report = event.report
        for category in PARTICIPANT_CATEGORIES:
            totals[category] += report.count(category) if report else 0
    totals[PUBLIC_ADMINISTRATION] = sum(totals[part] for part in PUBLIC_ADMINISTRATION_PARTS)
    return totals


def includes_sample_figures(events: Iterable[Event]) -> bool:
    return any(event.sample for event in counted_events(events))


def only_sample_figures(events: Iterable[Event]) -> bool:
    """True when every counted report is illustrative: then none of the achieved figures is
    real, and the page must not say that only some of them are invented."""
    counted = counted_events(events)
    return bool(counted) and all(event.sample for event in counted)


def _achieved(group: PlannedGroup, achieved: Mapping[str, int]) -> int:
    if group.parts:
        return sum(achieved.get(part, 0) for part in group.parts)
    return achieved.get(group.key, 0)


def results_rows(
    planned: Sequence[PlannedGroup], achieved: Mapping[str, int], language: str
) -> list[ResultRow]:
    """One row per planned group, in the order of the data file."""
    rows: list[ResultRow] = []
    for group in planned:
        count = _achieved(group, achieved)
        planned_label = (
            _ABOUT.get(language, _ABOUT["en"]).format(n=group.planned)
            if group.approximate
            else str(group.planned)
        )
        share = round(100 * count / group.planned) if group.planned else 0
        rows.append(
            ResultRow(
                key=group.key,
                label=group.row_label(language),
                planned=group.planned,
                planned_label=planned_label,
                achieved=count,
                share_label=_PERCENT.get(language, _PERCENT["en"]).format(n=share),
                is_part=bool(group.part_of),
            )
        )
    return rows


# -- chart -----------------------------------------------------------------------------------


def _bar_share(value: int, scale_max: int) -> float:
    """The bar's length as a percentage of the longest possible bar."""
    if value <= 0 or scale_max <= 0:
        return 0
    # A tiny non-zero figure still shows as a sliver, so that it does not look like zero.
    return max(1.0, round(value / scale_max * 100, 1))


def _bar(kind: str, share: float, value_text: str) -> str:
    # The share is set as a custom property (style-src allows inline styles) so that the CSS
    # can place the figure right after the end of the bar.
    return (
        f'<span class="lrp-results-chart__series" style="--share: {share:g}%">'
        f'<span class="lrp-results-chart__bar lrp-results-chart__bar--{kind}"></span>'
        f'<span class="lrp-results-chart__value">{escape(value_text)}</span></span>'
    )


def results_chart_html(
    rows: Sequence[ResultRow],
    language: str,
    title: str,
    description: str,
    *,
    id_prefix: str = "lrp-results-chart",
) -> str:
    """A horizontal bar chart, planned against achieved for each group, in HTML and CSS.

    HTML rather than SVG because its words wrap and keep the reader's font size: scaled to a
    phone, an SVG chart's labels shrink to a few pixels. Sighted readers get the value written
    next to every bar. Screen readers get one image, named by the title and described by the
    description, which says that the table below has the figures: the table is the chart's
    accessible version, so the chart's own words and figures are hidden from them, and nobody
    hears the same figures two or three times. The chart has its own white background, so its
    colours hold in the dark scheme too.
    """
    planned_word, achieved_word = _SERIES_LABELS.get(language, _SERIES_LABELS["en"])
    scale_max = max([row.planned for row in rows] + [row.achieved for row in rows] + [1])
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts = [
        f'<div class="lrp-results-chart" role="img" aria-labelledby="{title_id}" '
        f'aria-describedby="{desc_id}">',
        f'<span id="{title_id}" hidden="hidden">{escape(title)}</span>',
        f'<span id="{desc_id}" hidden="hidden">{escape(description)}</span>',
        # Chromium keeps an image's children in the accessibility tree; this keeps them out.
        '<div class="lrp-results-chart__drawing" aria-hidden="true">',
        '<p class="lrp-results-chart__legend">'
        '<span class="lrp-results-chart__key lrp-results-chart__bar--planned"></span> '
        f"{escape(planned_word)} "
        '<span class="lrp-results-chart__key lrp-results-chart__bar--achieved"></span> '
        f"{escape(achieved_word)}</p>",
    ]
    for row in rows:
        kind = "part" if row.is_part else "group"
        parts += [
            f'<div class="lrp-results-chart__category lrp-results-chart__category--{kind}" '
            f'data-category="{escape(row.key)}">',
            f'<p class="lrp-results-chart__label">{escape(row.label)}</p>',
            _bar(
                "planned",
                _bar_share(row.planned, scale_max),
                f"{planned_word}: {row.planned_label}",
            ),
            _bar(
                "achieved", _bar_share(row.achieved, scale_max), f"{achieved_word}: {row.achieved}"
            ),
            "</div>",
        ]
    parts.append("</div></div>")
    return "".join(parts)


# -- what the template gets ------------------------------------------------------------------


def page_context(
    planned: Sequence[PlannedGroup],
    events: Iterable[Event],
    language: str,
    *,
    chart_title: str,
    chart_description: str,
) -> dict[str, Any]:
    """`lrp.results` for overrides/partials/lrp-results.html (keys listed at its top)."""
    events = list(events)
    rows = results_rows(planned, achieved_totals(events), language)
    return {
        "chart_html": results_chart_html(rows, language, chart_title, chart_description),
        "rows": [asdict(row) for row in rows],
        "events_counted": len(counted_events(events)),
        "includes_sample": includes_sample_figures(events),
        "only_sample": only_sample_figures(events),
    }
