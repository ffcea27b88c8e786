"""Due dates as people type them in a meeting: `2026-12-01`, `1-12`, `+7`, `vr`, `morgen`.

A day-month without a year means the next such date from today, because an
action item is never due in the past.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = {
    # Dutch and English, short and long; Monday = 0
    "ma": 0, "maandag": 0, "mon": 0, "monday": 0,
    "di": 1, "dinsdag": 1, "tue": 1, "tuesday": 1,
    "wo": 2, "woensdag": 2, "wed": 2, "wednesday": 2,
    "do": 3, "donderdag": 3, "thu": 3, "thursday": 3,
    "vr": 4, "vrijdag": 4, "fri": 4, "friday": 4,
    "za": 5, "zaterdag": 5, "sat": 5, "saturday": 5,
    "zo": 6, "zondag": 6, "sun": 6, "sunday": 6,
}  # fmt: skip
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_PLUS = re.compile(r"^\+\s*(\d{1,3})\s*([dw]?)$")
RELATIVE = {
    "vandaag": 0, "today": 0,
    "morgen": 1, "tomorrow": 1,
    "overmorgen": 2,
    "volgende week": 7, "next week": 7,
    "over een week": 7, "over twee weken": 14, "in two weeks": 14,
}  # fmt: skip
WEEKDAY_SHORT = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
                 "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}  # fmt: skip


def parse_due(text: str, today: date) -> date | None:
    """The date meant by `text`; None for an empty text; ValueError when unreadable."""
    value = text.strip().lower()
    if not value:
        return None
    if m := _ISO.match(value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(value):
        day, month = int(m[1]), int(m[2])
        if m[3]:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(year, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    if m := _PLUS.match(value):
        days = int(m[1]) * (7 if m[2] == "w" else 1)
        return today + timedelta(days=days)
    if value in RELATIVE:
        return today + timedelta(days=RELATIVE[value])
    if value in WEEKDAYS:
        ahead = (WEEKDAYS[value] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    raise ValueError(text)


def format_due(day: date, lang: str) -> str:
    """`vr 27-11` (nl) or `Fri 27-11` (en): how people say a due date in a meeting."""
    return f"{WEEKDAY_SHORT.get(lang, WEEKDAY_SHORT['nl'])[day.weekday()]} {day:%d-%m}"


def typed_due(day: date) -> str:
    """`12-01-2027`: a date as one would type it, which `parse_due` reads back as that day."""
    return f"{day:%d-%m-%Y}"
