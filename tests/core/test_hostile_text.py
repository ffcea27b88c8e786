"""Escape sequences and control characters from files and arguments never reach a terminal."""

from __future__ import annotations

import pytest

from intervisie_tui.core.group import load_group_file
from intervisie_tui.core.loader import load_method_text
from intervisie_tui.core.logbook.parse import read_text
from intervisie_tui.core.problems import MethodError
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.session import SessionController
from intervisie_tui.core.setup import validate_setup
from intervisie_tui.safe_text import one_line, unsafe_characters, visible
from tests.core.engine_helpers import fake_clock, incident_method, incident_plan, incident_setup

HOSTILE = [
    "\x1b]0;gekaapt\x07",  # OSC: a new window title
    "\x1b[2J\x1b[H",  # clear the screen
    "ab\x08\x08cd",  # backspaces
    "x\x7fy",  # DEL
    "voor\rna",  # a bare CR
    "\x9b31m",  # C1 CSI
    "\u202egnip\u202c",  # right-to-left override
]

METHOD = """\
id: kaping
name: {name}
source: test
roles:
  - {{id: inbrenger, name: Inbrenger, min: 1, max: 1, exclusive: true}}
  - {{id: leden, name: Leden, rest: true}}
phases:
  - {{name: Een, duration: 5}}
"""


@pytest.mark.parametrize("text", HOSTILE)
def test_visible_writes_every_unsafe_character_out(text):
    shown = visible(text)
    assert unsafe_characters(shown) == []
    assert "\\x" in shown or "\\u" in shown  # the user sees that something was there
    assert "\n" not in one_line("a\nb") and visible("a\n\tb") == "a\n\tb"


def test_a_method_file_with_an_escape_sequence_is_refused_with_its_place():
    with pytest.raises(MethodError) as caught:
        load_method_text(METHOD.format(name="Kaping\x1b[2J"), "kaping.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 2 and "\\x1b" in problem.message
    assert "\x1b" not in problem.format()


def test_a_control_character_written_as_a_yaml_escape_is_refused_too():
    with pytest.raises(MethodError) as caught:
        load_method_text(METHOD.format(name='"Kaping\\e]0;titel\\a"'), "kaping.yaml")
    assert any("\\x1b" in p.message and p.line == 2 for p in caught.value.problems)


def test_a_windows_line_end_in_a_method_file_is_fine():
    method = load_method_text(METHOD.format(name="Gewoon").replace("\n", "\r\n"), "crlf.yaml")
    assert method.name == "Gewoon"


@pytest.mark.parametrize(
    ("field", "value"),
    [("group", "Team\x1b]0;x\x07"), ("group", "Team\n---\nstatus: x"), ("case_title", "a\rb")],
)
def test_names_and_titles_with_control_characters_or_line_breaks_are_refused(field, value):
    problems = validate_setup(incident_setup(**{field: value}), incident_method())
    assert [p.key for p in problems][:1] in (["setup.control_character"], ["setup.line_break"])


def test_a_participant_name_with_an_escape_is_refused():
    names = ("Anouk", "Bram\x1b[31m", "Chaima", "Daan", "Eva", "Fleur")
    problems = validate_setup(incident_setup(participants=names), incident_method())
    assert "setup.control_character" in [p.key for p in problems]


def test_pasted_text_with_an_escape_is_kept_visibly_not_raw():
    session = SessionController(SessionRunner(incident_plan(), fake_clock()))
    session.start()
    assert session.add_note("voor\x1b[2Jna\nregel twee").ok
    assert session.add_action("bel\x07", "Daan\x1b[0m").ok
    note, action = session.snapshot().entries
    assert note.text == "voor\\x1b[2Jna\nregel twee"
    assert action.text == "bel\\x07" and action.owner == "Daan\\x1b[0m"


def test_a_mailed_log_with_escapes_reads_as_visible_text(tmp_path):
    log = tmp_path / "verslag.md"
    log.write_bytes(b'---\ngroup: "Team\\e]0;titel\\a"\n---\n- \x1b[2J weg\n')
    text = read_text(log)
    assert "\x1b" not in text and "\\x1b[2J" in text


def test_a_group_file_with_a_yaml_escape_reads_as_visible_text(tmp_path):
    path = tmp_path / "groep.yaml"
    path.write_text('name: Team Noord\ngoal: "Samen\\e[2J leren"\n', encoding="utf-8")
    group = load_group_file(path)
    assert group is not None and group.goal == "Samen\\x1b[2J leren"
