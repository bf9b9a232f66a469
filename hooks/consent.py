"""The consent gate: may this story be published in this language today?

A story in a language is published only with active, unexpired consent that names the language
(see shared guidance on storytellers' consent). Photos and republication have their own
permissions. Anything missing counts as "no".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ConsentDecision:
    published: bool
    reason: str  # why not, for the build log; "" when published


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def consent_decision(meta: Mapping[str, Any], language: str, today: date) -> ConsentDecision:
    consent = meta.get("consent")
    if not isinstance(consent, Mapping):
        return ConsentDecision(False, "no consent block")
    status = consent.get("status")
    if status != "active":
        return ConsentDecision(False, f"consent status is {status or 'missing'}")
    review_by = _as_date(consent.get("review_by"))
    if review_by is None:
        return ConsentDecision(False, "consent has no valid review_by date")
    if review_by < today:
        return ConsentDecision(False, f"consent expired on {review_by.isoformat()}")
    given = _as_date(consent.get("date"))
    if given is None or given > today:
        return ConsentDecision(False, "consent date is missing or in the future")
    languages = consent.get("languages") or []
    if language not in languages:
        return ConsentDecision(False, f"no consent for language '{language}'")
    return ConsentDecision(True, "")


def photos_allowed(meta: Mapping[str, Any]) -> bool:
    consent = meta.get("consent")
    return isinstance(consent, Mapping) and consent.get("photos") is True


def republication_allowed(meta: Mapping[str, Any]) -> bool:
    consent = meta.get("consent")
    return isinstance(consent, Mapping) and consent.get("republication") is True
