"""Durations as facilitators write them: `5`, `5m`, `90s`, `1:30`, `1h30m`.

A bare number means minutes, because that is how every method text states
its timings. Internally a duration is a whole number of seconds.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from intervisie_tui.i18n import get_language, t_lang

_UNIT_SECONDS = {"h": 3600, "u": 3600, "m": 60, "min": 60, "s": 1, "sec": 1}
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(h|u|min|m|sec|s)", re.IGNORECASE)
_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")

#: JSON Schema pattern for the string forms accepted by `parse_duration`.
DURATION_PATTERN = (
    r"^\s*(\d+(?:[.,]\d+)?\s*(h|u|min|m|sec|s)\s*)+$|^\s*\d+:[0-5]\d(:[0-5]\d)?\s*$|^\s*\d+\s*$"
)
MAX_SECONDS = 24 * 3600


def parse_duration(value: object) -> int:
    """Parse a duration into seconds; raise ValueError with a readable reason."""
    if isinstance(value, bool):
        raise ValueError(f"expected a duration such as 5, 5m, 90s or 1:30, found {value!r}")
    if isinstance(value, int):
        seconds = value * 60
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"expected a duration such as 5, 5m, 90s or 1:30, found {value!r}")
        seconds = round(value * 60)
    elif isinstance(value, str):
        seconds = _parse_text(value.strip())
    else:
        raise ValueError(
            f"expected a duration such as 5, 5m, 90s or 1:30, found {type(value).__name__}"
        )
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative, found {value!r}")
    if seconds > MAX_SECONDS:
        raise ValueError(f"a duration must be at most 24 hours, found {value!r}")
    return seconds


def _parse_text(text: str) -> int:
    if text.isdigit():
        return int(text) * 60
    clock = _CLOCK.match(text)
    if clock:
        a, b, c = clock.groups()
        if c is None:  # m:ss
            return int(a) * 60 + int(b)
        return int(a) * 3600 + int(b) * 60 + int(c)  # h:mm:ss
    compact = text.replace(" ", "")
    parts = _PART.findall(compact)
    if parts and "".join(n + u for n, u in parts).lower() == compact.lower():
        total = sum(float(n.replace(",", ".")) * _UNIT_SECONDS[u.lower()] for n, u in parts)
        return round(total)
    raise ValueError(f"expected a duration such as 5, 5m, 90s or 1:30, found {text!r}")


def format_duration(seconds: float, lang: str | None = None) -> str:
    """A duration in words, as Dutch readers expect: `5 min`, `1 min 30 s`, `1 uur 5 min`.

    One form for every planned or measured length in lists, prompts and logs;
    clock faces (`mm:ss`) are for a time that runs (`format_clock`).
    """
    s = round(seconds)
    h, rest = divmod(abs(s), 3600)
    m, sec = divmod(rest, 60)
    lang = lang or get_language()
    parts = []
    if h:
        parts.append(t_lang(lang, "duration.hours", n=h))
    if m or (not h and not sec):
        parts.append(t_lang(lang, "duration.minutes", n=m))
    if sec:
        parts.append(t_lang(lang, "duration.seconds", n=sec))
    return ("-" if s < 0 else "") + " ".join(parts)


def format_clock(seconds: float) -> str:
    """Countdown form `mm:ss` (or `h:mm:ss`); negative shows as `+mm:ss` overtime."""
    over = seconds < 0
    s = int(abs(seconds)) if over else int(-(-seconds // 1))  # ceil while counting down
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    body = f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"
    return f"+{body}" if over else body


def format_clock_up(seconds: float) -> str:
    """Counting-up form `mm:ss` (or `h:mm:ss`) of time spent, rounded down."""
    return format_clock(-seconds).removeprefix("+") if seconds >= 1 else "00:00"


def format_elapsed(seconds: float) -> str:
    """Time spent, `m:ss` (or `h:mm:ss`), rounded down: 299.9 s spent is `4:59`."""
    s = int(max(0.0, seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


#: Seconds, written in YAML as 5 (minutes), "5m", "90s", "1:30" or "1h30m".
Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    # dumped as "300s": a bare number reads back as minutes, so a dump must say seconds
    PlainSerializer(lambda s: f"{s}s", return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1440, "description": "minutes"},
                {"type": "string", "pattern": DURATION_PATTERN},
            ],
            "description": "Duration: 5 (minutes), '5m', '90s', '1:30' or '1h30m'.",
            "examples": [5, "5m", "90s", "1:30"],
        }
    ),
]
