"""The rendered log of a scripted session, compared with golden files in tests/data/logs.

Regenerate deliberately, after reading the diff:
    INTERVISIE_REGENERATE_GOLDEN=1 uv run pytest tests/core/test_logbook_render.py
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from intervisie_tui.core.logbook.parse import parse_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.state import StepRecord
from tests.core.engine_helpers import ROUND_TABLE
from tests.core.logbook_helpers import DUE, START, entry, method, open_item, setup, state

GOLDEN = Path(__file__).parents[1] / "data" / "logs"
REGENERATE = os.environ.get("INTERVISIE_REGENERATE_GOLDEN") == "1"


def scripted_state(language: str = "nl"):
    """A finished session: look-back on three earlier items, captures in several steps."""
    items = (
        open_item("a1b2c3d4e5", "bel de leverancier", "Bo", due=DUE, session_date=date(2026, 2, 2)),
        open_item("f6a7b8c9d0", "protocol *agressie* nalezen", None, session_date=date(2026, 2, 2)),
        open_item("0a0b0c0d0e", "uitnodiging teamleider", "Eef", session_date=date(2026, 1, 5)),
        open_item("1a1b1c1d1e", "folder bijwerken", "Dewi", session_date=date(2026, 1, 5)),
    )
    the_setup = setup(
        followup=True,
        open_items=items,
        previous_inbrenger=("Dewi",),
        question="Hoe blijf ik in contact met een cliënt\ndie de deur niet opendoet?",
        language=language,
    )
    at = START + timedelta(minutes=3)
    entries = [
        entry(1, "note", 0, "Bo heeft gebeld; levering volgt", at),
        entry(2, "note", 1, "Mevrouw (82) woont alleen | zoon op afstand", at),
        entry(3, "insight", 2, "Grenzen stellen is ook zorg", at),
        entry(4, "statement", 3, "De centrale vraag is: mag ik aandringen?", at, participant="Bo"),
        entry(
            5, "statement", 3, "Hoe ver reikt mijn *verantwoordelijkheid*?", at, participant="Cor"
        ),
        entry(6, "insight", 4, "# Niet alles hoeft vandaag\nEén stap per week", at),
        entry(7, "action", 4, "overleg met de huisarts", at, owner="An", due=date(2026, 3, 16)),
        entry(8, "action", 5, "casus terugbrengen in april", at),
        entry(9, "note", 6, "Waardevol; volgende keer strakker op tijd", at),
    ]
    decisions: dict[str, str | tuple[str, str]] = {
        "a1b2c3d4e5": ("done", "levering komt vrijdag"),
        "f6a7b8c9d0": "continued",
        "0a0b0c0d0e": ("dropped", "teamleider\nkomt zelf"),
    }
    return state(the_setup, entries, followups=decisions)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_scripted_session_matches_the_golden_log(language):
    text = render_log(scripted_state(language), app_version="0.0.0-golden")
    golden = GOLDEN / f"scripted-session.{language}.md"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8")


def test_the_golden_log_reads_back_as_the_session():
    record = parse_log((GOLDEN / "scripted-session.nl.md").read_text("utf-8"), Path("g.md"))
    by_key = {item.key: item for item in record.items}
    assert by_key["a1b2c3d4e5"].done and by_key["a1b2c3d4e5"].decision == "done"
    assert not by_key["f6a7b8c9d0"].done and by_key["f6a7b8c9d0"].decision == "continued"
    dropped = by_key["0a0b0c0d0e"]
    assert dropped.dropped and not dropped.done and dropped.decision == "dropped"
    assert by_key["1a1b1c1d1e"].decision == "open" and not by_key["1a1b1c1d1e"].closed
    new = [item for item in record.items if item.decision is None]
    assert [(i.owner, i.text, i.due) for i in new] == [
        ("An", "overleg met de huisarts", date(2026, 3, 16)),
        (None, "casus terugbrengen in april", None),
    ]
    assert record.insights == (
        "Grenzen stellen is ook zorg",
        "# Niet alles hoeft vandaag\nEén stap per week",
    )
    assert record.front.status == "finished" and record.front.end == "20:18"
    assert record.front.roles["inbrenger"] == ["An"] and record.front.roles["tijdbewaker"] == [
        "Cor"
    ]


def test_a_running_session_says_so_and_has_no_end():
    running = state(finished=False)
    running.steps[-1] = StepRecord(index=running.steps[-1].index)
    text = render_log(running)
    record = parse_log(text, Path("x.md"))
    assert record.front.status == "running" and record.front.end is None
    assert "Deze sessie loopt nog" in text
    assert "Evaluatie\n\nNog niet aan de orde geweest." in text


def test_a_finished_session_whose_evaluation_was_not_held_says_it_was_skipped():
    finished = state()
    evaluation = finished.plan.steps[-1]
    assert evaluation.kind == "evaluation"
    finished.steps[-1] = StepRecord(index=evaluation.index)
    text = render_log(finished)
    assert "## Evaluatie\n\nOvergeslagen." in text
    assert f"| {evaluation.index + 1} | Evaluatie van de sessie | 5 min | overgeslagen |" in text


def test_a_method_with_its_own_evaluation_logs_it_under_evaluation_not_in_the_steps():
    own = method(
        phases=[
            {"name": "Inbreng", "duration": 5},
            {"name": "Nabespreking", "duration": 5, "evaluation": True},
        ]
    )
    the_state = state(
        entries=[entry(1, "note", 0, "inbreng"), entry(2, "insight", 1, "was nuttig")],
        the_method=own,
    )
    assert [s.name for s in the_state.plan.steps] == ["Inbreng", "Nabespreking"]
    text = render_log(the_state)
    steps, closing = text.split("## Alle inzichten")
    assert "was nuttig" not in steps and "### 1. Inbreng" in steps
    assert "## Evaluatie\n\n### Inzichten\n\n- was nuttig" in closing


def test_without_open_items_there_is_no_look_back_and_without_captures_no_course():
    text = render_log(state())
    assert "## Terugblik" not in text and "## Verloop" not in text
    assert "## Alle actiepunten\n\nGeen." in text


def test_before_the_first_step_the_log_takes_the_given_moment_as_start():
    waiting = state(finished=False)
    waiting.started_at = None
    text = render_log(waiting, now=START + timedelta(days=1, hours=1))
    assert "date: 2026-03-03\nstart: '20:30'" in text


def test_speedsparren_logs_the_pairs_of_every_round_the_swap_and_no_help_question():
    """Item 12: who sat with whom, and when the roles changed hands; nothing about a case."""
    from tests.core.engine_helpers import rounds_method, rounds_setup

    data = rounds_method().model_dump(exclude={"roles"})
    no_inbrenger = type(rounds_method()).model_validate(
        {**data, "roles": rounds_method().model_dump()["roles"][1:]}
    )
    text = render_log(state(rounds_setup(), the_method=no_inbrenger))
    assert "## Hulpvraag" not in text and "Casus" not in text
    round_one = text.split("### 2. Sparren")[1].split("\n### ")[0]
    assert "#### Tweetallen\n\n- Anouk & Daan\n- Bram & Eva\n- Chaima & Fleur" in round_one
    second_half = text.split("### 6. Sparren")[1].split("### 7.")[0]
    assert second_half.startswith(
        " (ronde 1/3)\n\n*Vragenstellers en Meedenkers wisselen van rol*\n\n#### Tweetallen\n\n"
        "- Daan & Anouk"
    )
    assert text.count("wisselen van rol") == 1
    english = render_log(state(rounds_setup(language="en"), the_method=no_inbrenger))
    assert "*Vragenstellers and Meedenkers swap roles*" in english
    assert "#### Pairs" in english


def test_the_log_says_who_held_a_rotating_role_in_each_round():
    from intervisie_tui.core.method import Method

    rotating = Method.model_validate(ROUND_TABLE)
    the_setup = setup(method_id="rt", roles={"inbrenger": ("An",)}, evaluation=False)
    names = the_setup.participants
    text = render_log(state(the_setup, the_method=rotating))
    assert f"Reacties (ronde 1/3, Inbrenger: {names[0]})" in text
    assert f"Reacties (ronde 2/3, Inbrenger: {names[1]})" in text
