"""The built-in method library: valid, faithful to the seed timings, and documented.

The seed documents (MTVP JBH plan van aanpak, Het Vliegwiel) fix some timings
exactly; those are pinned here so an edit to a method file cannot drift from
its source unnoticed. The YAML examples in docs/methods.md are checked too, so
the documentation never teaches a format the loader refuses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from intervisie_tui.core.loader import load_method_text
from intervisie_tui.core.method import Method, Phase, iter_phases
from intervisie_tui.core.method_checks import reference_problems
from intervisie_tui.core.plan import build_plan, session_length
from intervisie_tui.core.setup import SessionSetup, validate_setup

ROOT = Path(__file__).resolve().parents[2]
METHODS_DIR = ROOT / "methods"
DOCS = ROOT / "docs" / "methods.md"
MODELINE = "# yaml-language-server: $schema=../schema/method.schema.json"
METHOD_FILES = sorted(METHODS_DIR.glob("*.yaml"))
EXPECTED_IDS = {
    "incidentmethode",
    "focusmethode",
    "speedsparren",
    "5-stappenmethode",
    "vliegwiel",
    "balint",
    "ronde-tafel",
    "zelfanalyse",
    "abc-methode",
    "lerende-vragen",
    "zes-denkhoeden",
    "waarderend-onderzoeken",
}
#: Methods that are a work form inside a meeting and leave the evaluation to the app.
WITHOUT_OWN_EVALUATION = {"speedsparren"}
#: Words that any Dutch instruction text of some length is bound to contain.
DUTCH_WORDS = {
    *("de", "het", "een", "en", "je", "wat", "van", "niet", "als", "te"),
    *("met", "voor", "die", "dat", "op", "zijn", "ook", "naar", "of", "wie"),
}


def _load(path: Path) -> Method:
    return load_method_text(path.read_text(encoding="utf-8"), str(path))


def _method(method_id: str) -> Method:
    return _load(METHODS_DIR / f"{method_id}.yaml")


def _timed_phases(method: Method) -> list[Phase]:
    """The phases as they run by default: optional ones that are off left out."""
    return [p for _, p in iter_phases(method.phases) if not p.optional or p.enabled]


def test_the_library_holds_the_twelve_methods():
    assert {path.stem for path in METHOD_FILES} == EXPECTED_IDS


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_method_file_loads_and_is_named_after_its_id(path):
    method = _load(path)
    assert path.name == f"{method.id}.yaml"
    assert reference_problems(method) == []


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_method_file_starts_with_the_schema_modeline(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_method_states_its_source_and_speaks_dutch(path):
    method = _load(path)
    assert method.source.strip()
    assert method.description.strip()
    assert method.language == "nl"
    words = set(re.findall(r"[a-zà-ÿ]+", method.description.lower()))
    assert len(words & DUTCH_WORDS) >= 3, method.description


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_every_phase_has_an_instruction_and_a_unique_id(path):
    method = _load(path)
    ids = [phase.id for _, phase in iter_phases(method.phases)]
    assert len(ids) == len(set(ids)), ids
    for _, phase in iter_phases(method.phases):
        assert phase.instruction.strip(), phase.name
        words = set(re.findall(r"[a-zà-ÿ]+", phase.instruction.lower()))
        assert words & DUTCH_WORDS, phase.instruction


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_long_phases_warn_early_enough(path):
    """One minute is too late a warning for a phase of a quarter of an hour or more."""
    for _, phase in iter_phases(_load(path).phases):
        assert all(w < phase.duration for w in phase.warnings if w), phase.name
        if phase.duration >= 15 * 60:
            assert max(phase.warnings) >= 2 * 60, phase.name


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_one_evaluation_phase_unless_the_method_is_a_work_form(path):
    method = _load(path)
    evaluations = [p for _, p in iter_phases(method.phases) if p.evaluation]
    expected = 0 if method.id in WITHOUT_OWN_EVALUATION else 1
    assert len(evaluations) == expected
    if evaluations:
        assert _timed_phases(method)[-1].evaluation


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_standard_roles_keep_their_meaning(path):
    """inbrenger is one exclusive person, leden are the rest, chairs are single seats."""
    method = _load(path)
    if inbrenger := method.role("inbrenger"):
        assert (inbrenger.min, inbrenger.max, inbrenger.exclusive) == (1, 1, True)
    if leden := method.role("leden"):
        assert leden.rest
    for role_id in ("voorzitter", "tijdbewaker", "notulist"):
        if role := method.role(role_id):
            assert role.max == 1 and role.min <= 1, role_id
    assert method.role("voorzitter") is not None
    assert method.role("tijdbewaker") is not None


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_method_runs_for_a_group_of_six_with_only_the_required_roles(path):
    method = _load(path)
    people = ("An", "Bo", "Cor", "Dirk", "Eva", "Fien")
    assert method.group_size.min <= len(people) <= method.group_size.max
    free = iter(people)
    roles = {
        role.id: tuple(next(free) for _ in range(role.min))
        for role in method.roles
        if role.min and not role.rest
    }
    setup = SessionSetup(method_id=method.id, group="Test", participants=people, roles=roles)
    assert validate_setup(setup, method) == []
    plan = build_plan(method, setup)
    added_evaluation = 0 if any(p.evaluation for _, p in iter_phases(method.phases)) else 1
    assert len(plan.steps) == method.phase_count + added_evaluation
    # what list, show and the setup screen say is what the session takes; a step with
    # time per person counts there with its estimate, here with the speakers it has
    phases = {phase.id: phase for _, phase in iter_phases(method.phases)}
    by_person = sum(s.duration - phases[s.phase_id].duration for s in plan.steps if s.per_person)
    assert session_length(method) == (len(plan.steps), plan.total - by_person)
    for step in plan.steps:
        for prompt in step.prompts:
            assert prompt.text.strip(), (step.name, prompt.role_id)


# The seed timings, in minutes; None where the seed gives no time for that step.
SEED_TIMINGS = [
    ("incidentmethode", 50, [5, 5, 5, 10, 10, 5, 5, 5]),
    ("focusmethode", 50, [5, 15, 5, None, 15, 5]),
    ("speedsparren", 58, None),
    ("5-stappenmethode", 70, [10, 20, 10, 20, 10]),
    ("vliegwiel", 90, None),
]


@pytest.mark.parametrize(("method_id", "total", "steps"), SEED_TIMINGS)
def test_seed_timings_are_reproduced(method_id, total, steps):
    method = _method(method_id)
    assert method.total_seconds == total * 60
    if steps is not None:
        durations = [phase.duration for phase in _timed_phases(method)]
        assert len(durations) == len(steps)
        for found, seed in zip(durations, steps, strict=True):
            if seed is not None:
                assert found == seed * 60


def test_focusmethode_asks_every_lid_for_the_central_question():
    phase = _timed_phases(_method("focusmethode"))[2]
    assert phase.go_around is not None
    assert phase.go_around.role == "leden"
    assert phase.go_around.prompt.startswith("De centrale vraag is")


def test_incidentmethode_turns_the_inbrenger_around_in_the_roddelronde():
    roddel = _timed_phases(_method("incidentmethode"))[3]
    assert roddel.name == "Roddelronde"
    assert "rug naar de groep" in roddel.prompts["inbrenger"]
    assert "schrijf mee" in roddel.prompts["inbrenger"]


ASKERS = ("An", "Bo", "Cor")
THINKERS = ("Dirk", "Eva", "Fien")


def _speedsparren_plan(evaluation: bool):
    method = _method("speedsparren")
    setup = SessionSetup(
        method_id="speedsparren",
        group="Test",
        participants=ASKERS + THINKERS,
        roles={"vragenstellers": ASKERS, "meedenkers": THINKERS},
        evaluation=evaluation,
    )
    assert validate_setup(setup, method) == []
    return build_plan(method, setup)


def test_speedsparren_expands_into_two_halves_with_the_roles_swapped():
    plan = _speedsparren_plan(evaluation=False)
    assert [step.duration // 60 for step in plan.steps] == [8, 8, 8, 5] * 2
    assert plan.total == 58 * 60
    halves = [
        (plan.steps[:4], ASKERS, THINKERS),
        (plan.steps[4:], THINKERS, ASKERS),  # second half: the roles are swapped
    ]
    for half, askers, thinkers in halves:
        rounds, writing = half[:3], half[3]
        for step in rounds:
            assert [a for a, _ in step.pairs] == list(askers)
            assert {b for _, b in step.pairs} == set(thinkers)
        met = [pair for step in rounds for pair in step.pairs]
        assert len(met) == len(set(met)) == len(askers) * len(thinkers)
        writers = {p.role_id: p.holders for p in writing.prompts}
        assert writers["vragenstellers"] == askers


def test_speedsparren_gets_the_apps_closing_evaluation():
    plan = _speedsparren_plan(evaluation=True)
    assert len(plan.steps) == 9
    assert plan.steps[-1].kind == "evaluation"


def test_vliegwiel_follows_the_seed_agenda():
    names = [phase.name for phase in _timed_phases(_method("vliegwiel"))]
    assert names[:4] == [
        "Kennismaking",
        "Toelichting op de knelpuntenanalyse",
        "Uitleg van de casus",
        "Samen sparren",
    ]
    pause = next(p for _, p in iter_phases(_method("vliegwiel").phases) if p.id == "pauze")
    assert pause.optional and not pause.enabled


def test_zes_denkhoeden_has_a_phase_per_hat_between_intro_and_conclusion():
    phases = _timed_phases(_method("zes-denkhoeden"))
    hats = ["witte", "rode", "zwarte", "gele", "groene", "blauwe"]
    assert [p.id for p in phases[1:7]] == [f"{hat}-hoed" for hat in hats]
    assert phases[-1].evaluation
    assert "proces" in phases[6].instruction


def test_waarderend_onderzoeken_walks_the_four_ds():
    names = " ".join(p.name for p in _timed_phases(_method("waarderend-onderzoeken")))
    for d in ("discover", "dream", "design", "deliver"):
        assert d in names


# docs/methods.md --------------------------------------------------------------------


def _doc_examples() -> list:
    """Every ```yaml block that is a whole method file (starts with `id:` or the modeline)."""
    if not DOCS.exists():
        return []
    blocks = []
    for token in MarkdownIt().parse(DOCS.read_text(encoding="utf-8")):
        if token.type == "fence" and token.info.strip() == "yaml" and token.map:
            first = next(iter(token.content.lstrip().splitlines()), "")
            if first.startswith("id:") or first == MODELINE:
                line = token.map[0] + 1
                blocks.append(pytest.param(line, token.content, id=f"line{line}"))
    return blocks


def test_docs_have_complete_examples():
    assert len(_doc_examples()) >= 8


@pytest.mark.parametrize(("line", "text"), _doc_examples())
def test_every_complete_example_in_the_docs_is_valid(line, text):
    method = load_method_text(text, f"docs/methods.md (example at line {line})")
    assert reference_problems(method) == []


@pytest.mark.parametrize(
    "feature",
    ["rotate:", "rounds:", "per_person:", "countdown: false", "translations:"],
    ids=str.strip,
)
def test_the_docs_show_every_newer_feature_in_a_complete_example(feature):
    assert any(feature in param.values[1] for param in _doc_examples()), feature
