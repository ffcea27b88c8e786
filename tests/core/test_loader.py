"""The loader: valid files load, and every kind of broken input becomes a MethodError."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie_tui import i18n
from intervisie_tui.core import yaml_safe
from intervisie_tui.core.loader import MAX_BYTES, load_method_file, load_method_text
from intervisie_tui.core.method import Phase, Repeat
from intervisie_tui.core.problems import MethodError, Problem
from intervisie_tui.errors import IntervisieError

VALID = Path(__file__).resolve().parents[1] / "data" / "valid"

HEAD = """\
id: t
name: T
source: tests
roles:
  - {id: inbrenger, name: Inbrenger}
  - {id: leden, name: Leden, rest: true}
phases:
"""


def _problems(text: str, lang: str = "en") -> list[Problem]:
    i18n.set_language(lang)
    with pytest.raises(MethodError) as caught:
        load_method_text(text, "m.yaml")
    return caught.value.problems


def test_the_valid_fixtures_load_with_rounds_swaps_pairs_and_optional_phases():
    method = load_method_file(VALID / "sparren-test.yaml")
    block = method.phases[1]
    assert isinstance(block, Repeat) and block.swap == ["vragenstellers", "meedenkers"]
    # 2 x (3 x 8m + 1:30) + 5m; the optional 90 s phase is off by default.
    assert method.total_seconds == 2 * (3 * 8 * 60 + 90) + 5 * 60
    assert method.phase_count == 2 * (3 + 1) + 1
    phase = load_method_file(VALID / "casus-test.yaml").phases[2]
    assert isinstance(phase, Phase) and phase.duration == 3600


def test_clock_durations_stay_text_so_1_30_is_ninety_seconds_not_ninety_minutes():
    method = load_method_text(HEAD + "  - name: Stap\n    duration: 1:30\n", "m.yaml")
    (phase,) = method.phases
    assert isinstance(phase, Phase) and phase.duration == 90


def test_a_problem_is_a_block_with_file_line_column_and_field_path():
    text = HEAD + "  - name: Stap\n    duration: 5\n  - name: Twee\n    duration: 5x\n"
    (problem,) = _problems(text)
    assert (problem.line, problem.column, problem.field_path) == (11, 15, "phases[1].duration")
    assert problem.format() == (
        "m.yaml:11:15: phases[1].duration\n"
        "  expected a duration such as 5 (minutes), 5m, 90s or 1:30; found the text '5x'"
    )


def test_every_problem_of_a_file_is_reported_not_only_the_first():
    text = HEAD.replace("name: T", "name: T\ncolour: red") + (
        "  - name: Stap\n    duraton: 5\n  - name: Twee\n    duration: -1\n    sound: gong\n"
    )
    problems = _problems(text)
    paths = [p.field_path for p in problems]
    assert paths == [
        "colour",
        "phases[0].duration",
        "phases[0].duraton",
        "phases[1].duration",
        "phases[1].sound",
    ]
    assert "did you mean 'duration'" in problems[2].message
    assert "unknown key 'colour'; allowed here: format, id, name" in problems[0].message


def test_every_reference_problem_is_reported_with_its_own_line():
    text = HEAD + (
        "  - name: Stap\n    duration: 5\n    prompts: {inbreger: hoi, leden: ok}\n"
        "  - name: Rondje\n    duration: 5\n    go_around: {role: lid}\n"
    )
    problems = _problems(text)
    assert [(p.line, p.field_path) for p in problems] == [
        (10, "phases[0].prompts.inbreger"),
        (13, "phases[1].go_around.role"),
    ]


def test_messages_follow_the_active_language():
    text = HEAD + "  - name: Stap\n    duraton: 5\n"
    dutch = [p.message for p in _problems(text, "nl")]
    english = [p.message for p in _problems(text, "en")]
    assert "onbekende sleutel 'duraton' (bedoel je 'duration'?)" in dutch
    assert "unknown key 'duraton' (did you mean 'duration'?)" in english


def test_method_error_is_an_intervisie_error_whose_text_is_every_block():
    problems = _problems(HEAD + "  - name: Stap\n    duration: 5x\n  - 7\n")
    error = MethodError(problems)
    assert isinstance(error, IntervisieError)
    assert str(error) == "\n".join(p.format() for p in problems)
    with pytest.raises(ValueError):
        MethodError([])


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000 + "]" * 5000,
        "{a: " * 5000 + "1" + "}" * 5000,
        "- " * 5000 + "x\n",
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 1200)),
    ],
    ids=["flow-lists", "flow-maps", "block-lists", "block-maps"],
)
@pytest.mark.parametrize("loader", [yaml_safe.StrictCSafeLoader, yaml_safe.StrictSafeLoader])
def test_deep_nesting_is_refused_without_recursion_error(text, loader, monkeypatch):
    monkeypatch.setattr(yaml_safe, "LOADER", loader)
    (problem,) = _problems(text)
    assert "nested deeper than 50 levels" in problem.message


def test_a_30_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)  # sparse where the filesystem allows
    i18n.set_language("en")
    with pytest.raises(MethodError) as caught:
        load_method_file(big)
    assert caught.value.problems[0].message.startswith("the file is too large (30.0 MB)")


def test_text_over_the_limit_is_refused():
    (problem,) = _problems("a: " + "x" * MAX_BYTES)
    assert "too large" in problem.message


@pytest.mark.parametrize("name", ["missing.yaml", ""])
def test_a_missing_file_or_a_folder_is_a_method_error(tmp_path, name):
    i18n.set_language("en")
    with pytest.raises(MethodError) as caught:
        load_method_file(tmp_path / name)
    assert caught.value.problems[0].message in (
        "file not found",
        "this is a folder, not a method file",
    )


def test_utf8_with_bom_and_windows_line_endings_load(tmp_path):
    text = HEAD + "  - name: Café\n    duration: 5\n"
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert load_method_file(path).phases[0].name == "Café"


def test_non_utf8_reports_the_byte_offset_line_and_column(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("id: t\nname: Caf\xe9\n".encode("latin-1"))
    i18n.set_language("en")
    with pytest.raises(MethodError) as caught:
        load_method_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 10)
    assert "byte 0xE9 at offset 15" in problem.message


def test_huge_numbers_do_not_crash_the_reader():
    problems = _problems(HEAD + "  - name: Stap\n    duration: " + "9" * 5000 + "\n")
    assert problems[0].field_path == "phases[0].duration"


def test_numbers_where_text_belongs_suggest_quotes():
    (problem,) = _problems(HEAD.replace("name: T", "name: 2024") + "  - {name: a, duration: 1}\n")
    assert problem.message == "expected text, found the number 2024 (put the text in quotes)"
