"""Small helpers the content checks share: quoting a value briefly, reading dates and times."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hooks.frontmatter import KeyPath, parse_date_like

RIGA = ZoneInfo("Europe/Riga")


def shortened(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parsed_time(value: Any) -> tuple[dt.datetime, bool] | None:
    """A front matter date or date-time as an aware datetime (naive = Riga), and date-only."""
    if not isinstance(value, str):
        return None
    try:
        parsed = parse_date_like(value)
    except ValueError:
        return None
    if parsed is None:
        return None
    if isinstance(parsed, dt.datetime):
        aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=RIGA)
        return aware, False
    return dt.datetime.combine(parsed, dt.time(), RIGA), True


def is_before(later: tuple[dt.datetime, bool], earlier: tuple[dt.datetime, bool]) -> bool:
    """`later` < `earlier`; a plain date means the whole day."""
    if later[1] or earlier[1]:
        return later[0].date() < earlier[0].date()
    return later[0] < earlier[0]


def impossible_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and parse_date_like(value) is None
    except ValueError:  # not written as a date at all
        return False


def nested(data: Any, path: KeyPath) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def plain_value(value: Any) -> str:
    if isinstance(value, list):
        return f"[{', '.join(plain_value(item) for item in value)}]"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {plain_value(item)}" for key, item in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
