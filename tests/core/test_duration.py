from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervisie_tui.core.duration import format_clock, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (5, 300),
        ("5", 300),
        ("5m", 300),
        ("5 min", 300),
        ("90s", 90),
        ("1:30", 90),
        ("1:00:00", 3600),
        ("1h30m", 5400),
        ("1u", 3600),
        ("1,5m", 90),
        (0, 0),
    ],
)
def test_parse_duration_accepts_what_facilitators_write(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "bad", ["", "five", "5x", "-5", "1:75", True, None, [5], "25h", float("nan")]
)
def test_parse_duration_rejects_nonsense_with_a_value_error(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


@given(st.text(max_size=20))
def test_parse_duration_never_raises_anything_but_value_error(text):
    with contextlib.suppress(ValueError):
        parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (300, "05:00"),
        (299.2, "05:00"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-0.5, "+00:00"),
        (-61, "+01:01"),
        (3725, "1:02:05"),
    ],
)
def test_format_clock_counts_down_and_shows_overtime(seconds, shown):
    assert format_clock(seconds) == shown


def test_format_duration():
    seconds = (300, 90, 45, 3900, 3600, 0, -120)
    assert [format_duration(s, "nl") for s in seconds] == [
        "5 min",
        "1 min 30 s",
        "45 s",
        "1 uur 5 min",
        "1 uur",
        "0 min",
        "-2 min",
    ]
    assert format_duration(3900, "en") == "1 h 5 min"
