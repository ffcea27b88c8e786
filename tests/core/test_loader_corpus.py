"""The malformed corpus: every broken file gives a clear, placed, translated problem.

Each file in tests/data/malformed/ has one row below: a substring of the
(English) message we expect, the field path and line it must point at, and
what the JSON Schema makes of the file's data (see test_schema.py):
"reject" (the schema catches it too), "accept" (a cross-field rule the schema
cannot express) or None (not plain data: YAML-level refusal).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from intervisie_tui import i18n
from intervisie_tui.core import yaml_safe
from intervisie_tui.core.loader import load_method_file
from intervisie_tui.core.problems import MethodError, Problem

CORPUS = Path(__file__).resolve().parents[1] / "data" / "malformed"


class Expect(NamedTuple):
    message: str
    field_path: str
    line: int
    schema: str | None


EXPECTED: dict[str, Expect] = {
    "empty.yaml": Expect("the file is empty", "", 1, None),
    "only-comments.yaml": Expect("only comments, no method", "", 1, None),
    "only-document-marker.yaml": Expect("only comments, no method", "", 1, None),
    "binary.yaml": Expect("not a text file (a NUL byte at offset 6)", "", 2, None),
    "utf16.yaml": Expect("saved as UTF-16", "", 1, None),
    "latin1.yaml": Expect("byte 0xE9 at offset 15", "", 2, None),
    "control-character.yaml": Expect("control character \\x07 is not allowed", "", 2, None),
    "tabs.yaml": Expect("YAML uses spaces for indentation", "", 5, None),
    "syntax-error.yaml": Expect("not valid YAML", "", 3, None),
    "duplicate-key.yaml": Expect("'name' appears twice here (first on line 2)", "name", 4, None),
    "two-documents.yaml": Expect("more than one document", "", 10, None),
    "alias-bomb.yaml": Expect("the alias *a is not allowed", "b[0]", 2, None),
    "python-tag.yaml": Expect("tag !!python/object/apply:os.system", "name", 2, None),
    "custom-tag.yaml": Expect("tag !minuten is not allowed", "phases[0].duration", 9, None),
    "complex-key.yaml": Expect("a key must be a plain word", "", 2, None),
    "list-at-top.yaml": Expect("must consist of keys such as 'id:'", "", 1, "reject"),
    "missing-id.yaml": Expect("required key 'id' is missing", "id", 1, "reject"),
    "missing-name.yaml": Expect("required key 'name' is missing", "name", 1, "reject"),
    "missing-source.yaml": Expect("required key 'source' is missing", "source", 1, "reject"),
    "missing-roles.yaml": Expect("required key 'roles' is missing", "roles", 1, "reject"),
    "missing-phases.yaml": Expect("required key 'phases' is missing", "phases", 1, "reject"),
    "empty-phases.yaml": Expect("too short: 0, at least 1 needed", "phases", 7, "reject"),
    "phases-not-a-list.yaml": Expect("expected a list", "phases", 7, "reject"),
    "phase-is-text.yaml": Expect("expected a block of keys", "phases[0]", 8, "reject"),
    "unknown-key-top.yaml": Expect(
        "unknown key 'descripton' (did you mean 'description'?)", "descripton", 4, "reject"
    ),
    "unknown-key-phase.yaml": Expect(
        "unknown key 'duraton' (did you mean 'duration'?)", "phases[0].duraton", 9, "reject"
    ),
    "unknown-key-role.yaml": Expect(
        "unknown key 'exclusiv' (did you mean 'exclusive'?)", "roles[0].exclusiv", 7, "reject"
    ),
    "unknown-key-repeat.yaml": Expect(
        "unknown key 'repaet' (did you mean 'repeat'?)", "phases[0].repaet", 8, "reject"
    ),
    "duration-5x.yaml": Expect("found the text '5x'", "phases[0].duration", 9, "reject"),
    "duration-negative.yaml": Expect("cannot be negative", "phases[0].duration", 9, "reject"),
    "duration-1-75.yaml": Expect("found the text '1:75'", "phases[0].duration", 9, "reject"),
    "duration-true.yaml": Expect("found the value true", "phases[0].duration", 9, "reject"),
    "duration-too-long.yaml": Expect("at most 24 hours", "phases[0].duration", 9, "accept"),
    "name-is-number.yaml": Expect("found the number 2024", "name", 2, "reject"),
    "bad-id.yaml": Expect("found the text 'Mijn Methode'", "id", 1, "reject"),
    "format-2.yaml": Expect("choose from: 1; found the number 2", "format", 1, "reject"),
    "unknown-role-prompts.yaml": Expect(
        "unknown role 'inbreger' (did you mean 'inbrenger'?)",
        "phases[0].prompts.inbreger",
        11,
        "accept",
    ),
    "unknown-role-go-around.yaml": Expect(
        "unknown role 'lid'", "phases[0].go_around.role", 10, "accept"
    ),
    "unknown-role-swap.yaml": Expect(
        "unknown role 'ledn' (did you mean 'leden'?)", "phases[0].swap[1]", 9, "accept"
    ),
    "unknown-role-pairs.yaml": Expect(
        "unknown role 'meedenkers'", "phases[0].pairs.second", 10, "accept"
    ),
    "duplicate-role-id.yaml": Expect("'leden' is declared twice", "roles[2].id", 7, "accept"),
    "two-rest-roles.yaml": Expect("only one role can be the 'rest' role", "roles", 5, "accept"),
    "rest-and-exclusive.yaml": Expect("both 'rest' and 'exclusive'", "roles[0]", 5, "reject"),
    "group-size-reversed.yaml": Expect(
        "min (10) is larger than max (3)", "group_size", 4, "accept"
    ),
    "repeat-zero.yaml": Expect("at least 1; found the number 0", "phases[0].repeat", 8, "reject"),
    "swap-one-role.yaml": Expect("too short: 1, at least 2 needed", "phases[0].swap", 9, "reject"),
    "swap-same-role.yaml": Expect("two different roles", "phases[0].swap", 9, "accept"),
    "duplicate-phase-id.yaml": Expect("step id 'pauze' occurs twice", "phases[2].id", 12, "accept"),
    "warn-at-too-long.yaml": Expect(
        "warn_at is longer than the step", "phases[0].warn_at", 10, "accept"
    ),
    "bad-capture.yaml": Expect(
        "choose from: notes, insights, actions, question; found the text 'notities'"
        " (did you mean 'notes'?)",
        "phases[0].capture[0]",
        10,
        "reject",
    ),
    "bad-sound.yaml": Expect("choose from: chime, bell, off", "phases[0].sound", 10, "reject"),
    # files that used to validate and then broke a session or misled the facilitator
    "nested-repeats.yaml": Expect(
        "the session would have more than 500 steps (every round and optional step counted);"
        " use fewer rounds or steps",
        "phases",
        8,
        "accept",
    ),
    "total-50-days.yaml": Expect(
        "the session would take more than 12 h (every round and optional step counted);"
        " use shorter steps or fewer rounds",
        "phases",
        8,
        "accept",
    ),
    "zero-duration.yaml": Expect(
        "a step of 0 minutes starts in overtime; give it a time"
        " (or `countdown: false` for a step that counts up)",
        "phases[0].duration",
        9,
        "accept",
    ),
    "enabled-not-optional.yaml": Expect(
        "`enabled: false` only switches off an optional step; add `optional: true`,"
        " or remove `enabled: false`",
        "phases[1].enabled",
        12,
        "accept",
    ),
    "two-evaluations.yaml": Expect(
        "only one step can be the evaluation step; remove `evaluation: true` here"
        " or from the other step",
        "phases[1].evaluation",
        13,
        "accept",
    ),
    "swap-one-round.yaml": Expect(
        "this block has only one round, so `swap` never happens; give it more rounds"
        " or remove `swap`",
        "phases[0].swap",
        9,
        "accept",
    ),
    "swap-rest-role.yaml": Expect(
        "swapping 'inbrenger' with the rest role 'leden' gives 'inbrenger' to everybody in"
        " 'leden' at once; use `rotate: [inbrenger]` to pass it to the next person each round",
        "phases[0].swap",
        9,
        "accept",
    ),
    "all-optional-off.yaml": Expect(
        "every step is optional and switched off, so the method takes 0 minutes;"
        " switch one on with `enabled: true`",
        "phases",
        8,
        "accept",
    ),
    "roles-need-more.yaml": Expect(
        "the roles need at least 6 people (each role's `min`), but group_size.max is 4;"
        " raise max or lower a role's min",
        "group_size.max",
        4,
        "accept",
    ),
    "duration-nan.yaml": Expect(
        "expected a duration such as 5 (minutes), 5m, 90s or 1:30; found the number nan",
        "phases[0].duration",
        9,
        None,  # JSON has no NaN: a YAML-only value
    ),
    "name-spaces.yaml": Expect("this text must not be empty", "name", 2, "reject"),
    "role-min-max.yaml": Expect("min (3) is larger than max (1)", "roles[0]", 5, "accept"),
    "duplicate-derived-step-id.yaml": Expect(
        "the step id 'ronde' occurs twice; give one of the two steps its own `id`",
        "phases[1].id",
        9,
        "accept",
    ),
    "repeat-outside-rounds.yaml": Expect(
        "repeat (8) is the default number of rounds and must lie between rounds.min (1)"
        " and rounds.max (6)",
        "phases[0].repeat",
        8,
        "accept",
    ),
    "translation-unknown-step.yaml": Expect(
        "there is no step with id 'vragen' (did you mean 'vraag'?) to translate",
        "translations.en.phases.vragen",
        13,
        "accept",
    ),
    "rotate-rest-role.yaml": Expect(
        "the rest role 'leden' cannot rotate: it is everyone without another role",
        "phases[0].rotate[0]",
        9,
        "accept",
    ),
}


def _problems(name: str, lang: str) -> list[Problem]:
    i18n.set_language(lang)
    with pytest.raises(MethodError) as caught:
        load_method_file(CORPUS / name)
    return caught.value.problems


def test_the_table_covers_the_whole_corpus_of_at_least_thirty_files():
    files = {p.name for p in CORPUS.iterdir() if p.is_file()}
    assert files == set(EXPECTED)
    assert len(files) >= 30


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request, monkeypatch):
    """Run the corpus through both YAML parsers PyYAML may use."""
    if request.param == "pure-python":
        monkeypatch.setattr(yaml_safe, "LOADER", yaml_safe.StrictSafeLoader)
    return request.param


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_names_the_problem_its_line_and_field_path(name, parser):
    expect = EXPECTED[name]
    problems = _problems(name, "en")
    matching = [p for p in problems if expect.message in p.message]
    assert matching, [p.message for p in problems]
    assert (matching[0].field_path, matching[0].line) == (expect.field_path, expect.line)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        head = problem.format().splitlines()[0]
        assert head.startswith(f"{CORPUS / name}:{problem.line}:{problem.column}:")
        assert head.endswith(problem.field_path)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_message_is_translated_into_dutch(name):
    english = _problems(name, "en")
    dutch = _problems(name, "nl")
    assert [p.field_path for p in dutch] == [p.field_path for p in english]
    for nl, en in zip(dutch, english, strict=True):
        assert nl.message != en.message
