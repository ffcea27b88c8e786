from __future__ import annotations

from datetime import date

import pytest

from intervisie_tui.core.dates import parse_due

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("  ", None),
        ("2026-12-01", date(2026, 12, 1)),
        ("1-12", date(2026, 12, 1)),
        ("1/12", date(2026, 12, 1)),
        ("24-11", date(2026, 11, 24)),
        ("1-3", date(2027, 3, 1)),  # already past this year: next year
        ("1-3-2028", date(2028, 3, 1)),
        ("1.3.28", date(2028, 3, 1)),
        ("+7", date(2026, 12, 1)),
        ("+2w", date(2026, 12, 8)),
        ("vr", date(2026, 11, 27)),
        ("Dinsdag", date(2026, 12, 1)),  # today is Tuesday: next week's
        ("fri", date(2026, 11, 27)),
    ],
)
def test_parse_due(text, expected):
    assert parse_due(text, TODAY) == expected


@pytest.mark.parametrize("text", ["morgen?", "31-2", "2026-13-01", "+", "x-y"])
def test_parse_due_rejects_with_value_error(text):
    with pytest.raises(ValueError):
        parse_due(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen", date(2026, 11, 25)),
        ("Overmorgen", date(2026, 11, 26)),
        ("volgende week", date(2026, 12, 1)),
        ("tomorrow", date(2026, 11, 25)),
    ],
)
def test_parse_due_understands_relative_words(text, expected):
    assert parse_due(text, TODAY) == expected


def test_format_due_is_short_and_local():
    from intervisie_tui.core.dates import format_due

    assert format_due(date(2026, 11, 27), "nl") == "vr 27-11"
    assert format_due(date(2026, 11, 27), "en") == "Fri 27-11"
