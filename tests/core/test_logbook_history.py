"""A group's history across sessions: follow-up of action items, rotation, attendance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from intervisie_tui.core.logbook.history import (
    attendance,
    known_groups,
    load_folder,
    load_group,
    months_before,
    suggest_roles,
)
from intervisie_tui.core.logbook.parse import read_log
from intervisie_tui.core.logbook.writer import LogWriter
from tests.core.logbook_helpers import START, entry, group_session, method, setup, state

GROUP = "Team Noord"
session = group_session


def texts(items):
    return [item.text for item in items]


def test_follow_up_carries_items_across_three_consecutive_sessions(tmp_path):
    first = session(
        tmp_path,
        1,
        [
            entry(1, "action", 2, "bel de leverancier", owner="Bo"),
            entry(2, "action", 2, "protocol nalezen", owner="Cor"),
            entry(3, "action", 3, "teamleider uitnodigen"),
        ],
    )
    after_one = load_group(tmp_path, GROUP).open_items()
    assert texts(after_one) == ["bel de leverancier", "protocol nalezen", "teamleider uitnodigen"]
    assert {item.source for item in after_one} == {first.name}
    done, continued, dropped = (item.key for item in after_one)

    second = session(
        tmp_path,
        2,
        [entry(1, "action", 2, "zaal reserveren", owner="Dewi")],
        followups={done: "done", continued: "continued", dropped: "dropped"},
    )
    log_two = read_log(second)
    assert {i.key: i.decision for i in log_two.items if i.decision} == {
        done: "done",
        continued: "continued",
        dropped: "dropped",
    }

    third_sees = load_group(tmp_path, GROUP).open_items()
    assert texts(third_sees) == ["protocol nalezen", "zaal reserveren"]
    carried = third_sees[0]
    assert carried.key == continued and carried.owner == "Cor"
    assert carried.source == first.name and carried.session_date == START.date()
    assert third_sees[1].source == second.name

    session(tmp_path, 3, followups={continued: "done"})
    assert texts(load_group(tmp_path, GROUP).open_items()) == ["zaal reserveren"]


def test_the_last_log_alone_carries_the_open_items(tmp_path):
    """A group that mails only the newest log to the next timekeeper keeps its follow-up."""
    session(tmp_path, 1, [entry(1, "action", 2, "a"), entry(2, "action", 2, "b")])
    a, _not_discussed = load_group(tmp_path, GROUP).open_items()
    latest = session(tmp_path, 2, [entry(1, "action", 2, "c")], followups={a.key: "continued"})
    elsewhere = tmp_path / "laptop-van-bo"
    elsewhere.mkdir()
    (elsewhere / latest.name).write_bytes(latest.read_bytes())
    assert texts(load_folder(elsewhere).open_items()) == ["a", "b", "c"]  # b: not discussed


def test_an_item_ticked_by_hand_in_an_earlier_log_is_closed(tmp_path):
    path = session(tmp_path, 1, [entry(1, "action", 2, "a"), entry(2, "action", 2, "b")])
    text = path.read_text(encoding="utf-8").replace("- [ ] a ", "- [x] a ", 1)
    path.write_text(text, encoding="utf-8")
    assert texts(load_group(tmp_path, GROUP).open_items()) == ["b"]


def test_a_typo_fixed_in_the_first_log_wins_over_an_unedited_later_copy(tmp_path):
    path = session(tmp_path, 1, [entry(1, "action", 2, "bel de leveranceir")])
    (item,) = load_group(tmp_path, GROUP).open_items()
    session(tmp_path, 2, followups={item.key: "continued"})
    text = path.read_text(encoding="utf-8").replace("leveranceir", "leverancier")
    path.write_text(text, encoding="utf-8")
    (carried,) = load_group(tmp_path, GROUP).open_items()
    assert carried.text == "bel de leverancier" and carried.key == item.key


def test_previous_inbrenger_and_participants_come_from_the_newest_log(tmp_path):
    assert load_group(tmp_path, GROUP).previous_inbrenger() == ()
    session(tmp_path, 1, roles={"inbrenger": ("An",)})
    session(tmp_path, 2, roles={"inbrenger": ("Dewi",)}, participants=("An", "Bo", "Dewi"))
    history = load_group(tmp_path, GROUP)
    assert history.previous_inbrenger() == ("Dewi",)
    assert history.last_participants() == ("An", "Bo", "Dewi")


def test_an_unfinished_session_does_not_decide_whom_to_ask_about_the_advice(tmp_path):
    session(tmp_path, 1, roles={"inbrenger": ("An",)})
    session(
        tmp_path,
        2,
        roles={"inbrenger": ("Dewi",)},
        participants=("An", "Bo", "Dewi"),
        finished=False,
    )
    assert load_group(tmp_path, GROUP).previous_inbrenger() == ("An",)


def test_two_logs_of_one_session_count_once_and_the_finished_one_wins(tmp_path):
    session(tmp_path, 1, [entry(1, "action", 2, "a")], finished=False)
    folder = tmp_path / GROUP
    running = next(folder.iterdir())
    copy = folder / running.name.replace(".md", "-2.md")
    the_state = state(setup(), [entry(1, "action", 2, "a")], session_id="s1")
    copy.write_bytes(running.read_bytes())
    LogWriter(folder).write(the_state)  # finishes its own file, not the copy
    history = load_group(tmp_path, GROUP)
    assert len(history.sessions) == 1 and history.sessions[0].front.status == "finished"


ROTATION = method()  # inbrenger (exclusive), voorzitter, tijdbewaker, leden


def rotation_history(tmp_path, *rounds):
    for number, (inbrenger, voorzitter, tijdbewaker) in enumerate(rounds, 1):
        roles = {"inbrenger": (inbrenger,), "voorzitter": (voorzitter,)}
        roles["tijdbewaker"] = (tijdbewaker,)
        session(tmp_path, number, roles=roles)
    return load_group(tmp_path, GROUP)


def test_roles_go_first_to_who_never_held_them_in_list_order(tmp_path):
    assert suggest_roles([], ("An", "Bo", "Cor", "Dewi"), ROTATION) == {
        "inbrenger": ("An",),
        "tijdbewaker": ("Bo",),
        "voorzitter": ("Cor",),
    }
    history = rotation_history(tmp_path, ("An", "Cor", "Bo"), ("Dewi", "Bo", "An"))
    assert suggest_roles(history, ("An", "Bo", "Cor", "Dewi", "Eef"), ROTATION) == {
        "inbrenger": ("Bo",),
        "tijdbewaker": ("Cor",),
        "voorzitter": ("An",),
    }


def test_when_everybody_held_a_role_it_goes_to_who_held_it_longest_ago(tmp_path):
    history = rotation_history(
        tmp_path, ("An", "Bo", "Cor"), ("Bo", "Cor", "An"), ("Cor", "An", "Bo"), ("An", "Bo", "Cor")
    )
    suggested = suggest_roles(history, ("An", "Bo", "Cor"), ROTATION)
    # inbrenger: Bo (session 2) before Cor (3) and An (4)
    assert suggested["inbrenger"] == ("Bo",)
    assert suggested["tijdbewaker"] == ("An",)  # An held it in session 2: longest ago
    assert suggested["voorzitter"] == ("Cor",)


def test_ties_in_recency_go_to_who_held_the_role_fewest_times():
    from intervisie_tui.core.logbook.history import _rank, role_stats

    class Record:
        def __init__(self, *names: str) -> None:
            self.names = names

        def holders(self, role_id: str) -> tuple[str, ...]:
            return self.names

    records = [Record("An"), Record("An", "Bo")]  # both held it last time; An twice
    order = {"an": 0, "bo": 1}
    stats = role_stats(records)
    assert _rank(stats, "inbrenger", "Bo", order) < _rank(stats, "inbrenger", "An", order)


def test_nobody_gets_two_exclusive_roles_even_in_a_small_group():
    both_exclusive = method(
        roles=[
            {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
            {"id": "voorzitter", "name": "Voorzitter", "min": 1, "max": 1, "exclusive": True},
            {"id": "tijdbewaker", "name": "Tijdbewaker", "min": 1, "max": 1},
            {"id": "leden", "name": "Leden", "rest": True, "min": 0},
        ]
    )
    suggested = suggest_roles([], ("An", "Bo"), both_exclusive)
    # An brings the case, Bo keeps the time: nobody is left for the exclusive voorzitter,
    # so that field stays open for the timekeeper (the setup then says the role is empty)
    assert suggested == {"inbrenger": ("An",), "tijdbewaker": ("Bo",)}


def test_roles_given_stay_and_their_holders_get_no_role_beside_an_exclusive_one():
    """Item 15: `run --role inbrenger=Bo --role voorzitter=An` in a group of three."""
    three = method(
        roles=[
            {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
            {"id": "voorzitter", "name": "Voorzitter", "min": 1, "max": 1},
            {"id": "tijdbewaker", "name": "Tijdbewaker", "max": 1},
            {"id": "leden", "name": "Leden", "rest": True, "min": 0},
        ]
    )
    given = {"inbrenger": ("Bo",), "voorzitter": ("An",)}
    assert suggest_roles([], ("An", "Bo", "Cor"), three, given) == {"tijdbewaker": ("Cor",)}
    # in a group of two only An may take a second role: Bo brings the case
    assert suggest_roles([], ("An", "Bo"), three, given) == {"tijdbewaker": ("An",)}


def test_only_the_roles_the_method_has_are_suggested():
    plain = method(
        roles=[
            {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
            {"id": "leden", "name": "Leden", "rest": True, "min": 1},
        ]
    )
    assert suggest_roles([], ("An", "Bo"), plain) == {"inbrenger": ("An",)}


def test_attendance_counts_the_last_24_months_per_person(tmp_path):
    rotation_history(tmp_path, ("An", "Bo", "Cor"), ("Bo", "Cor", "An"), ("Cor", "An", "Bo"))
    history = load_group(tmp_path, GROUP)
    today = START.date() + timedelta(days=100)
    rows = {row.name: row for row in attendance(history, 24, today)}
    assert [rows[n].sessions for n in ("An", "Bo", "Cor", "Dewi", "Eef")] == [3, 3, 3, 3, 3]
    assert (rows["An"].inbrenger, rows["An"].tijdbewaker) == (1, 1)
    assert (rows["Dewi"].inbrenger, rows["Dewi"].tijdbewaker) == (0, 0)
    later = date(2028, 4, 15)  # sessions on 2026-03-02, 03-30 and 04-27: only the last counts
    assert {row.sessions for row in attendance(history, 24, later)} == {1}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 2), 24, date(2024, 3, 2)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2023, 2, 28)),
        (date(2026, 1, 15), 1, date(2025, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_known_groups_are_named_as_their_logs_name_them(tmp_path):
    LogWriter.for_group("Team/Zuid", tmp_path).write(state(setup(group="Team/Zuid")))
    session(tmp_path, 1)
    (tmp_path / "leeg").mkdir()
    assert known_groups(tmp_path) == ["Team Noord", "Team/Zuid"]


def test_summary_text_tells_the_setup_screen_about_the_group(tmp_path):
    assert "Nog geen eerdere sessies" in load_group(tmp_path, GROUP).summary_text("nl")
    session(tmp_path, 1, [entry(1, "action", 2, "a")])
    (tmp_path / GROUP / "kapot.md").write_text("kapot", encoding="utf-8")
    summary = load_group(tmp_path, GROUP).summary_text("nl")
    assert "1 eerdere sessie, op 2026-03-02 (Focusmethode); 1 open actiepunt." in summary
    assert "kapot.md" in summary
