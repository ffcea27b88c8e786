"""The shareable summary: insights and action items only, without the case and without names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intervisie_tui.core.logbook.parse import parse_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.logbook.share import share_markdown
from tests.core.logbook_helpers import DUE, entry, open_item, setup, state

PEOPLE = ("An Smit", "Bo de Vries", "Cor", "Dewi", "Eef")
CASE = "Mevrouw K. weigert de thuiszorg"
QUESTION = "Hoe blijf ik in contact zonder te drammen?"
NOTE = "Dochter belt dagelijks, buurman heeft sleutel"
STATEMENT = "Het gaat eigenlijk over vertrouwen"


def record(language="nl"):
    items = (
        open_item("k-done", "oude afspraak afgerond", "Cor"),
        open_item("k-cont", "Dewi vraagt advies aan de wijkagent", "Dewi"),
    )
    the_setup = setup(
        participants=PEOPLE,
        roles={"inbrenger": ("An Smit",), "voorzitter": ("Bo de Vries",), "tijdbewaker": ("Cor",)},
        case_title=CASE,
        question=QUESTION,
        followup=True,
        open_items=items,
        language=language,
    )
    entries = [
        entry(1, "note", 1, NOTE),
        entry(2, "statement", 3, STATEMENT, participant="Cor"),
        entry(3, "insight", 4, "An Smit en bo zagen het anders; cor ook, en Eef's punt klopte"),
        entry(4, "action", 4, "overleg met de huisarts over An", owner="Bo de Vries", due=DUE),
        entry(5, "action", 4, "brief sturen", owner="Jansen (wijkteam)"),
    ]
    the_state = state(the_setup, entries, followups={"k-done": "done", "k-cont": "continued"})
    return parse_log(render_log(the_state), Path("x.md"))


def names_in(text: str) -> list[str]:
    words = {w for name in PEOPLE for w in name.split() if w not in ("de",)}
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_share_export_has_no_names_and_no_case_text(language):
    shared = share_markdown(record(language))
    intro = shared.split("\n")[2]  # our own sentence ("... of an intervisie meeting")
    assert names_in(shared.replace(intro, "")) == []
    for secret in (CASE, QUESTION, NOTE, STATEMENT, "Mevrouw", "Jansen", "Team Noord"):
        assert secret not in shared


def test_names_become_roles_also_inside_the_texts():
    shared = share_markdown(record())
    assert "- Inbrenger en Lid 1 zagen het anders; Lid 2 ook, en Lid 4's punt klopte" in shared
    assert "- [ ] Lid 1: overleg met de huisarts over Inbrenger (voor 2026-12-01)" in shared
    assert "- [ ] brief sturen" in shared  # an owner from outside the room is left out
    assert "- [ ] Lid 3: Lid 3 vraagt advies aan de wijkagent" in shared  # continued item
    assert "oude afspraak" not in shared  # decided in the look-back: not this session's
    assert shared.startswith("# Focusmethode, 2026-03-02\n")


def test_keep_names_keeps_names_but_still_not_the_case():
    shared = share_markdown(record(), keep_names=True)
    assert "Bo de Vries: overleg met de huisarts over An" in shared
    assert "Jansen (wijkteam): brief sturen" in shared
    for secret in (CASE, QUESTION, NOTE, STATEMENT):
        assert secret not in shared


def test_a_session_without_insights_or_actions_says_none():
    shared = share_markdown(parse_log(render_log(state()), Path("x.md")))
    assert shared.count("Geen.") == 2


def test_an_item_struck_through_by_hand_is_dropped_and_not_shared():
    text = render_log(
        state(entries=[entry(1, "action", 4, "zaal reserveren"), entry(2, "action", 4, "blijft")])
    )
    struck = text.replace("- [ ] zaal reserveren", "- [ ] ~~zaal reserveren~~")
    assert struck != text
    shared = share_markdown(parse_log(struck, Path("x.md")))
    assert "zaal reserveren" not in shared and "- [ ] blijft" in shared
