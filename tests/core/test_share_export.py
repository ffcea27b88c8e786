"""The share export against hostile, realistic logs: nothing of a name leaks, nothing else goes.

The fixture is a group, "Team Zorg Noord", with two sessions. Fatima el Amrani
took part in the first one only (she left the group) and owns an action item
that the second session continues. The texts name members by first name,
surname, part of a double name, without diacritics, in lower case; a client
(`mevrouw Jansen`, `mw. K. de Groot`, `cliënt Sam`); the group and its words;
and a colleague outside the group whose double name starts like a member's
(Eva-Marie, while Eva is a member).
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from intervisie_tui.core.logbook.parse import parse_log, read_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.logbook.share import (
    ShareContext,
    SharedText,
    clean_text,
    load_context,
    share_markdown,
    share_text,
)
from intervisie_tui.core.logbook.writer import LogWriter
from tests.core.logbook_helpers import START, entry, open_item, setup, state

GROUP = "Team Zorg Noord"
EARLIER = ("An de Vries", "Jan-Willem Bakker", "Zoë Visser", "Fatima el Amrani", "Eva")
NOW = ("An de Vries", "Jan-Willem Bakker", "Zoë Visser", "Eva", "Dirk")
INSIGHTS = (
    "De Vries en jan willem zagen het anders dan Zoe; Willem ook, en Bakker twijfelde.",
    "Fatima's afspraak met mevrouw Jansen loopt door; later zei Jansen dat het goed ging.",
    "mw. K. de Groot belde; een groot probleem voor de zorg, vond dirk.",
    "Team Zorg Noord zoekt een vervanger; in Noord is dat lastig, zegt Zorg Noord.",
    "Eva-Marie van het wijkteam belt terug; Eva ook.",
    "Anne en Evaline van de huisartsenpost, Vriesland en Sint-Jan blijven zoals ze zijn.",
    "AN DE VRIES en Zoë\u0308 waren er; de heer Bakker ook.",
    "Escape\x1b]0;gehackt\x07 en \u202eomgekeerd\u202c en on\u200bzichtbaar.",
)
LEAKS = (
    "An",
    "Vries",
    "Jan",
    "Willem",
    "Bakker",
    "Zoë",
    "Zoe",
    "Visser",
    "Fatima",
    "Amrani",
    "Dirk",
    "Jansen",
    "Noord",
    "Zorg Noord",
    "Sam",
)
KEPT = (
    "Anne en Evaline van de huisartsenpost, Vriesland en Sint-Jan blijven zoals ze zijn.",
    "een groot probleem voor de zorg",
    "Eva-Marie van het wijkteam",
    "zoekt een vervanger",
)


def earlier_state():
    items = [entry(1, "action", 4, "Fatima belt de wijkverpleging", owner="Fatima el Amrani")]
    the_setup = setup(group=GROUP, participants=EARLIER, roles={"inbrenger": ("Fatima el Amrani",)})
    return state(the_setup, items, session_id="s-0", start=START - timedelta(days=14))


def latest_state(insights=INSIGHTS):
    carried = open_item("k-fatima", "Fatima vraagt cliënt Sam hoe het gaat", "Fatima el Amrani")
    the_setup = setup(
        group=GROUP,
        participants=NOW,
        roles={"inbrenger": ("Zoë Visser",), "tijdbewaker": ("Dirk",)},
        case_title="Mevrouw Jansen weigert de thuiszorg",
        question="Hoe houd ik contact met mevrouw Jansen?",
        followup=True,
        open_items=(carried,),
    )
    entries = [entry(n, "insight", 4, text) for n, text in enumerate(insights, 10)]
    entries.append(entry(2, "action", 4, "Bel dhr. Bakker-Smit over de overdracht", owner="Eva"))
    entries.append(entry(3, "action", 4, "Stuur het verslag", owner="Pieters (wijkteam)"))
    return state(the_setup, entries, followups={"k-fatima": "continued"})


def write_group(root: Path) -> Path:
    """The group's folder under `root` with both logs; returns the latest log."""
    writer = LogWriter.for_group(GROUP, root)
    writer.write(earlier_state())
    latest = LogWriter.for_group(GROUP, root).write(latest_state())
    assert latest is not None
    return latest


@pytest.fixture
def group_logs(tmp_path) -> tuple[Path, Path]:
    root = tmp_path / "logs"
    return root, write_group(root)


def exported(root: Path, latest: Path, **options) -> SharedText:
    record = read_log(latest)
    return share_text(record, load_context(record, root), **options)


def body(shared: SharedText) -> str:
    """The text without our own sentence (it says "namen", which is no name)."""
    return "\n".join(shared.text.split("\n")[3:])


def leaks(text: str, words=LEAKS) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I)]


def test_no_form_of_any_name_the_group_knows_is_left(group_logs):
    shared = exported(*group_logs)
    assert leaks(body(shared)) == []
    assert "Groot" not in shared.text and "Pieters" not in shared.text
    assert "Lid" in shared.text and "Inbrenger" in shared.text


def test_nothing_else_is_replaced(group_logs):
    shared = exported(*group_logs)
    for text in KEPT:
        assert text in shared.text
    assert "Lid 4-Marie" not in shared.text and "-Marie" not in shared.text.replace("Eva-Marie", "")


def test_every_person_keeps_one_label_and_a_member_who_left_counts(group_logs):
    text = exported(*group_logs).text
    assert "- Lid 1 en Lid 2 zagen het anders dan Inbrenger; Lid 2 ook, en Lid 2 twijfelde." in text
    # Fatima left: she is Lid 5 (after this session's members), also as the owner
    assert "- Lid 5's afspraak met cliënt 1 loopt door; later zei cliënt 1 dat het goed" in text
    assert "- [ ] Lid 5: Lid 5 vraagt cliënt 3 hoe het gaat" in text  # continued
    assert "- Cliënt 2 belde; een groot probleem voor de zorg, vond Lid 4." in text
    assert (
        "- \\[groep\\] zoekt een vervanger; in \\[groep\\] is dat lastig, zegt \\[groep\\]." in text
    )
    assert "- Lid 1 en Inbrenger waren er; Lid 2 ook." in text
    assert "- [ ] Lid 3: Bel cliënt 4 over de overdracht" in text
    assert "- [ ] Stuur het verslag" in text  # an owner from outside the room is left out


def test_the_case_the_question_and_hostile_characters_stay_out(group_logs):
    text = exported(*group_logs).text
    for secret in ("weigert de thuiszorg", "Hoe houd ik contact", "Mevrouw", "mevrouw"):
        assert secret not in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\u200b" not in text and "onzichtbaar" in text


def test_what_still_looks_like_a_name_is_reported_with_its_place(group_logs):
    shared = exported(*group_logs)
    assert shared.suspect_words() == ["Eva-Marie", "Evaline", "Vriesland", "Sint-Jan"]
    mark = shared.suspects[0]
    assert shared.text[mark.start : mark.end] == "Eva-Marie" and mark.kind == "part"
    assert [m.kind for m in shared.suspects[1:]] == ["capital", "capital", "part"]  # Jan
    for replaced in shared.replaced:
        assert (
            shared.text[replaced.start : replaced.end]
            .lstrip("\\[")
            .startswith(("Lid", "Inbrenger", "cliënt", "Cliënt", "groep"))
        )


def test_redacting_a_word_hides_it_and_allowing_one_stops_reporting_it(group_logs):
    shared = exported(*group_logs, redact=["eva-marie", "Evaline"], allow=["vriesland"])
    assert "Eva-Marie" not in shared.text and "\\[naam\\] van het wijkteam" in shared.text
    assert "Anne en \\[naam\\] van de huisartsenpost, Vriesland" in shared.text
    assert shared.suspect_words() == ["Sint-Jan"]
    allowed = exported(*group_logs, allow=["Eva-Marie", "EVALINE", "Vriesland", "Sint-Jan"])
    assert allowed.suspect_words() == [] and "Eva-Marie van het wijkteam" in allowed.text


def test_keep_names_keeps_members_and_the_group_but_never_clients(group_logs):
    text = exported(*group_logs, keep_names=True).text
    assert "De Vries en jan willem zagen het anders dan Zoe" in text
    assert "Team Zorg Noord zoekt" in text and "Fatima el Amrani: Fatima vraagt" in text
    assert "Pieters (wijkteam): Stuur het verslag" in text
    assert leaks(text, ("Sam", "Jansen")) == [] and "de Groot" not in text


def test_without_the_history_the_member_who_left_is_still_caught_as_a_name():
    record = parse_log(render_log(latest_state()), Path("gemaild.md"))
    shared = share_text(record, ShareContext())
    assert "Fatima" not in shared.text  # the owner of the continued item is known by name
    assert "- [ ] Vraagt" not in shared.text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Overleg met Pieter en de wijkverpleging.", ["Pieter"]),
        ("Gesprek met K. over de planning", ["K"]),
        ("mevrouw bakkertje kwam niet", ["bakkertje"]),
        ("Jansen belde. Daarna niets.", []),  # at the start of a sentence: not reported
        ("I spoke to Mary on Monday, MDO next week.", ["Mary"]),
        ("de cliënt vertelde dat het goed gaat", []),
    ],
)
def test_suspects(text, words):
    record = parse_log(render_log(state(entries=[entry(1, "insight", 4, text)])), Path("x.md"))
    assert share_text(record).suspect_words() == words


def test_a_member_with_a_double_name_is_replaced_whole():
    the_setup = setup(participants=("Eva", "Eva-Marie Smit"), roles={"inbrenger": ("Eva",)})
    entries = [entry(1, "insight", 4, "Eva-Marie en Eva, Marie en Smit")]
    record = parse_log(render_log(state(the_setup, entries)), Path("x.md"))
    assert "- Lid 1 en Inbrenger, Lid 1 en Lid 1" in share_markdown(record)


def test_clean_text_removes_what_a_terminal_or_reader_would_obey():
    assert clean_text("a\x1b[2Jb\x9bc\u202ed\u2066e\ufeff\ue010") == "a\ufffd[2Jb\ufffdcde\ufffd"
    assert clean_text("Zoe\u0308\n\tok") == "Zoë\n\tok"


def test_a_member_who_was_absent_today_is_still_caught_as_a_name():
    the_setup = setup(participants=("An", "Bo", "Cor"), absent=("Greetje Veldhuis",))
    said = entry(1, "insight", 4, "Greetje Veldhuis had dit eerder meegemaakt")
    record = parse_log(render_log(state(the_setup, [said])), Path("x.md"))
    shared = share_text(record, ShareContext())
    assert "Greetje" not in shared.text and "Veldhuis" not in shared.text
