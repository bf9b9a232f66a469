"""Events: dates, times, registration and reports."""

from __future__ import annotations

import datetime as dt

from hooks import rules
from hooks.frontmatter import ContentText, KeyPath
from hooks.rules import Issue, wording
from hooks.validation.common import is_before, parsed_time

# Days after an event before its page should say what happened (LRP054).
REPORT_GRACE_DAYS = 14


def event_issues(content: ContentText, skip: set[KeyPath], today: dt.date) -> list[Issue]:
    data = content.data or {}
    issues: list[Issue] = []
    start = parsed_time(data.get("start")) if ("start",) not in skip else None
    end = parsed_time(data.get("end")) if ("end",) not in skip else None
    if start and end and is_before(end, start):
        issues.append(
            Issue(
                rules.EVENT_END_BEFORE_START,
                content.line_of(("end",)),
                "end",
                f"The event ends ({data['end']}) before it starts ({data['start']})",
                wording=wording("ends_before_start", end=data["end"], start=data["start"]),
            )
        )
    registration = data.get("registration")
    if start and isinstance(registration, dict) and ("registration", "deadline") not in skip:
        deadline = parsed_time(registration.get("deadline"))
        if deadline and is_before(start, deadline):
            issues.append(
                Issue(
                    rules.REGISTRATION_AFTER_START,
                    content.line_of(("registration", "deadline")),
                    "registration.deadline",
                    f"Registration closes ({registration['deadline']}) after the "
                    f"event starts ({data['start']})",
                    wording=wording(
                        "registration_after_start",
                        deadline=registration["deadline"],
                        start=data["start"],
                    ),
                )
            )
    finished = end or start
    took_place = data.get("status", "scheduled") in ("scheduled", "moved_online")
    if finished and took_place and "report" not in data and ("status",) not in skip:
        day = finished[0].date()
        if (today - day).days > REPORT_GRACE_DAYS:
            key = "end" if end else "start"
            issues.append(
                Issue(
                    rules.EVENT_REPORT_MISSING,
                    content.line_of((key,)),
                    "report",
                    f"The event was on {day.isoformat()} and its page has no `report:`",
                    wording=wording("report_missing", day=day.isoformat()),
                )
            )
    return issues
