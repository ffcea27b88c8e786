"""The words and numbers the screens show, computed from snapshots on a FakeClock."""

from __future__ import annotations

import pytest

from intervisie_tui import i18n
from intervisie_tui.tui import wording
from tests.core.engine_helpers import ROUND_TABLE

from .harness import make_session


def test_caption_follows_the_session_from_ready_to_overtime():
    session, clock = make_session()
    assert wording.clock_line(session.snapshot()) == "05:00 · Druk op spatie om te beginnen"
    session.start()
    clock.advance(61)
    assert wording.clock_line(session.snapshot()) == "Nog 03:59 van 5 min"
    session.pause()
    assert (
        wording.clock_line(session.snapshot()) == "Gepauzeerd bij 03:59 · spatie om verder te gaan"
    )
    session.resume_clock()
    clock.advance(4 * 60)
    assert wording.clock_line(session.snapshot()) == "Overtijd +00:01 (gepland 5 min)"


def test_the_caption_names_the_planned_time_with_the_minutes_added():
    session, _ = make_session()
    session.start()
    session.adjust(120)
    assert wording.clock_line(session.snapshot()) == "Nog 07:00 van 7 min"


def test_projected_end_moves_with_overtime():
    session, clock = make_session()
    session.start()  # 14:00, plan of 10 minutes
    assert wording.projected_text(session.snapshot()) == "Einde ± 14:10"
    clock.advance(8 * 60)  # 3 minutes over in step 1
    assert wording.projected_text(session.snapshot()) == "Einde ± 14:13 · 3 min uitloop"


def test_being_ahead_of_schedule_is_shown_too():
    session, clock = make_session()
    session.start()  # 14:00, plan of 10 minutes
    clock.advance(60)
    session.next()  # step 1 of 5 minutes took one
    assert wording.projected_text(session.snapshot()) == "Einde ± 14:06 · 4 min eerder klaar"
    i18n.set_language("en")
    assert wording.projected_text(session.snapshot()) == "Ends ± 14:06 · 4 min early"


def test_heading_names_step_round_and_position():
    session, _ = make_session()
    assert wording.phase_heading(session.snapshot()) == "Beschrijving · stap 1/3"
    i18n.set_language("en")
    assert wording.phase_heading(session.snapshot()) == "Beschrijving · step 1/3"


def test_speedsparren_heading_names_round_and_part_and_pairs_come_first():
    from intervisie_tui.core.library import find_method
    from intervisie_tui.tui.widgets.prompts import PromptPanel

    session, _ = make_session(
        find_method("speedsparren").method,
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"vragenstellers": ("An", "Bo"), "meedenkers": ("Cor", "Dirk")},
    )
    session.start()
    for _ in range(4):  # into the second half, first round
        session.next()
    snap = session.snapshot()
    assert wording.phase_heading(snap) == "Sparronde · ronde 1/3 · deel 2/2 · stap 5/9"
    panel = PromptPanel()
    panel.show(snap.step)
    lines = panel.plain.splitlines()
    # swapped: the thinkers now ask, each with the partner met least so far (core/pairs.py)
    assert lines[1] == "Tweetallen: Cor & Bo, Dirk & An"


def test_recent_entries_name_who_and_when():
    session, _ = make_session()
    session.start()
    session.add_action("Bel de huisarts", "dirk", "vr")
    session.next()
    session.speak("Bo", "De centrale vraag is: hoe zeg ik nee?")
    assert "Rondje (Bo): De centrale vraag is: hoe zeg ik nee?" in wording.recent_entries(
        session.snapshot()
    )
    session.previous()
    shown = wording.recent_entries(session.snapshot())
    assert "Actiepunt (Dirk, voor vr 27-11): Bel de huisarts" in shown


@pytest.mark.parametrize("kind", ["warning", "zero"])
def test_alert_texts(kind):
    from intervisie_tui.core.alerts import Alert

    session, _ = make_session()
    text = wording.alert_text(session.snapshot(), Alert(0, 60 if kind == "warning" else 0, kind))
    assert ("Nog 1 min" in text) if kind == "warning" else ("Beschrijving" in text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("di", "Dirk"), ("An", "An"), ("an", "An"), ("Ano", "Anouk"), ("Zoë", "Zoë"), ("", "")],
)
def test_enter_completes_to_the_suggestion_but_an_exact_name_stays(typed, expected):
    from intervisie_tui.tui.widgets.capture import completed

    assert completed(typed, ("Anouk", "An", "Dirk")) == expected


def _round_table():
    return make_session(ROUND_TABLE, roles={"inbrenger": ("An",)}, evaluation=False)


def test_a_speakers_countdown_is_in_the_clock_line():
    session, clock = _round_table()
    session.start()
    clock.advance(50)
    snap = session.snapshot()
    assert wording.clock_line(snap) == "Bo: nog 01:10 (ieder 2 min) · 05:10"
    i18n.set_language("en")
    assert wording.clock_line(snap) == "Bo: 01:10 left (each 2 min) · 05:10"


def test_turn_alerts_name_the_speaker_and_who_is_next():
    session, clock = _round_table()
    session.start()
    clock.advance(95)
    (warning,) = session.beat().alerts
    assert wording.alert_text(session.snapshot(), warning) == "Bo: nog 30 s"
    clock.advance(25)
    snap = session.beat()
    (up,) = snap.alerts
    assert wording.alert_text(snap, up) == "De tijd van Bo is om; nu Cor"
    assert snap.next_speaker == "Cor" and wording.clock_line(snap).startswith("Cor: nog 02:00")


def test_the_heading_and_the_agenda_say_who_holds_the_rotating_role():
    from intervisie_tui.tui.widgets.agenda import agenda_row

    session, _ = _round_table()
    session.start()
    session.next()
    snap = session.snapshot()
    assert wording.phase_heading(snap) == "Reacties · ronde 2/3 · Inbrenger: Bo · stap 2/4"
    assert "Reacties 2/3 Bo" in agenda_row(snap.step, 360, 0, False, 40).plain


def test_a_step_without_countdown_shows_the_time_spent_and_never_overtime():
    session, clock = _round_table()
    session.start()
    session.jump(3)
    clock.advance(11 * 60 + 5)
    snap = session.snapshot()
    assert wording.clock_text(snap) == "11:05"
    assert wording.clock_line(snap) == "11:05 verstreken van 10 min; telt op"
    assert "+" not in wording.clock_line(snap)


def test_an_overtime_reminder_says_how_far_over():
    from intervisie_tui.core.alerts import Alert

    session, _ = make_session()
    text = wording.alert_text(session.snapshot(), Alert(0, -600, "overtime"))
    assert text == "'Beschrijving' loopt 10 min uit"
