"""The words and numbers the screens show, computed from a runner on a FakeClock."""

from __future__ import annotations

import pytest

from intervisie_tui import i18n
from intervisie_tui.tui.session_view import status_text

from .harness import make_view


def test_caption_follows_the_session_from_ready_to_overtime():
    view, clock = make_view()
    assert view.caption() == "Druk op spatie om te beginnen"
    view.runner.start()
    assert view.caption() == "Nog te gaan (van 5m)"
    view.runner.pause()
    assert view.caption().startswith("Gepauzeerd")
    view.runner.resume()
    clock.advance(5 * 60 + 1)
    assert view.caption() == "Over tijd"
    assert "+00:01" in status_text(view)


def test_projected_end_moves_with_overtime():
    view, clock = make_view()
    view.runner.start()  # 14:00, plan of 10 minutes
    assert view.projected_text() == "Einde ± 14:10"
    clock.advance(8 * 60)  # 3 minutes over in step 1
    assert view.projected_text() == "Einde ± 14:13 (+3 min)"


def test_heading_names_step_round_and_position():
    view, _ = make_view()
    assert view.phase_heading() == "Beschrijving · stap 1/3"
    i18n.set_language("en")
    assert view.phase_heading() == "Beschrijving · step 1/3"


def test_go_around_walks_the_leden_in_order_and_skips():
    view, _ = make_view()
    view.runner.start()
    view.runner.next()
    assert view.runner.step.go_around == ("Bo", "Cor", "Dirk")
    assert view.next_speaker() == "Bo"
    view.runner.add_statement("Bo", "De centrale vraag is: hoe zeg ik nee?")
    assert view.next_speaker() == "Cor"
    view.skip_speaker("Cor")
    assert view.next_speaker() == "Dirk"
    view.runner.add_statement("Dirk", "Wie beslist?")
    assert view.next_speaker() is None
    assert "Rondje (Bo): De centrale vraag is: hoe zeg ik nee?" in view.recent_entries()


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(0.0, 1.0), (0.25, 0.75), (0.9, 0.1), (300.5, 0.5)],
)
def test_next_refresh_is_when_the_shown_second_changes(elapsed, expected):
    view, clock = make_view()
    view.runner.start()
    clock.advance(elapsed)
    assert view.seconds_to_next_change() == pytest.approx(expected + 0.005, abs=1e-6)


def test_paused_or_ready_refreshes_once_a_second():
    view, _ = make_view()
    assert view.seconds_to_next_change() == 1.0  # no countdown to follow


def test_speedsparren_heading_names_round_and_part_and_pairs_come_first():
    from intervisie_tui.core.library import find_method
    from intervisie_tui.tui.widgets.prompts import PromptPanel

    view, _ = make_view(
        find_method("speedsparren").method,
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"vragenstellers": ("An", "Bo"), "meedenkers": ("Cor", "Dirk")},
    )
    runner = view.runner
    runner.start()
    for _ in range(4):  # into the second half, first round
        runner.next()
    assert view.phase_heading() == "Sparronde · ronde 1/3 · deel 2/2 · stap 5/9"
    panel = PromptPanel()
    panel.show(runner.step)
    lines = panel.plain.splitlines()
    assert lines[1] == "Tweetallen: Cor & An, Dirk & Bo"  # swapped: the thinkers now ask


def test_an_owner_typed_in_lower_case_is_matched_to_the_participant():
    view, _ = make_view()
    view.runner.start()
    view.save_capture("action", ["Bel de huisarts", "dirk", "vr"])
    view.save_capture("action", ["Mail de wijkagent", "de buurvrouw", ""])
    owners = [e.owner for e in view.runner.state.entries]
    assert owners == ["Dirk", "de buurvrouw"]
    assert "Actiepunt (Dirk, voor vr 27-11): Bel de huisarts" in view.recent_entries()
