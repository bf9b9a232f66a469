"""Dates as a reader of each language writes them, for stories, events and their copies.

One place, so that a story's date, an event's date and the date in a republished copy read
alike: lv '2026. gada 3. martā', en '3 March 2026', rml '03.03.2026'.

Latvian Romani has no settled written month names, so Romani dates are written in digits
rather than with invented words, day and month with two digits each, as Latvian writes a
date in digits.
"""

from __future__ import annotations

from datetime import date

# "on <date>" takes the locative; ranges are written in the nominative, as on the About page.
# fmt: off
LV_MONTHS_ON = (
    "janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā",
    "jūlijā", "augustā", "septembrī", "oktobrī", "novembrī", "decembrī",
)
LV_MONTHS = (
    "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
    "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# fmt: on


def format_day(day: date, language: str, *, on: bool = True) -> str:
    """lv '2026. gada 5. oktobrī' ("on", or nominative with on=False), en '5 October 2026',
    rml '05.10.2026'."""
    if language == "lv":
        months = LV_MONTHS_ON if on else LV_MONTHS
        return f"{day.year}. gada {day.day}. {months[day.month - 1]}"
    if language == "en":
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def format_days(first: date, last: date, language: str) -> str:
    """Several whole days, without repeating what both ends share: lv '2021. gada 5.–7.
    jūlijā', '2021. gada 30. jūnijs – 2. jūlijs'; en '5–7 July 2021', '30 June – 2 July 2021'.

    Romani dates stay in digits at both ends ('05.07.2021 – 07.07.2021'), as `format_day`
    writes them."""
    same_year = first.year == last.year
    if language == "lv" and same_year:
        if first.month == last.month:
            return f"{first.year}. gada {first.day}.–{last.day}. {LV_MONTHS_ON[last.month - 1]}"
        return (
            f"{first.year}. gada {first.day}. {LV_MONTHS[first.month - 1]} – "
            f"{last.day}. {LV_MONTHS[last.month - 1]}"
        )
    if language == "en" and same_year:
        if first.month == last.month:
            return f"{first.day}–{last.day} {EN_MONTHS[last.month - 1]} {last.year}"
        return (
            f"{first.day} {EN_MONTHS[first.month - 1]} – "
            f"{last.day} {EN_MONTHS[last.month - 1]} {last.year}"
        )
    return f"{format_day(first, language, on=False)} – {format_day(last, language, on=False)}"
