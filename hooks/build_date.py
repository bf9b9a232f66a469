"""The date a build publishes as, in Riga.

Consent expiry and the upcoming/past split of events depend on it. `SOURCE_DATE_EPOCH`
(the reproducible-builds convention) pins it, so tests and rebuilds give the same site.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

RIGA = ZoneInfo("Europe/Riga")


def build_datetime(environ: dict[str, str] | None = None) -> datetime:
    environ = os.environ if environ is None else environ
    pinned = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if pinned:
        return datetime.fromtimestamp(int(pinned), tz=RIGA)
    return datetime.now(tz=RIGA)


def build_date(environ: dict[str, str] | None = None) -> date:
    return build_datetime(environ).date()
