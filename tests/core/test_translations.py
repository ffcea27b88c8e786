"""Method texts in another language: written by id beside the Dutch, shown with --lang en."""

from __future__ import annotations

import pytest

from intervisie_tui import paths
from intervisie_tui.core.loader import load_method_file, load_method_text
from intervisie_tui.core.method import Method, iter_phases
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.problems import MethodError
from intervisie_tui.core.setup import SessionSetup

TEXT = """
id: t
name: Vraag en advies
source: tests
roles:
  - {id: inbrenger, name: Inbrenger, min: 1, max: 1, exclusive: true}
  - {id: leden, name: Leden, rest: true}
phases:
  - repeat: 2
    name: Rondes
    phases:
      - name: Vraag
        duration: 5
        instruction: Stel je vraag.
        prompts: {inbrenger: Vertel., leden: Luister.}
        go_around: {role: leden, prompt: Mijn vraag is ...}
translations:
  en:
    name: Question and advice
    roles:
      leden: {name: Members}
    blocks:
      rondes: {name: Rounds}
    phases:
      vraag:
        name: Question
        prompts: {leden: Listen.}
        go_around: My question is ...
"""


def _method() -> Method:
    return load_method_text(TEXT, "t.yaml")


def test_a_translation_replaces_only_the_texts_it_gives():
    english = _method().in_language("en")
    assert (english.name, english.language) == ("Question and advice", "en")
    assert [r.name for r in english.roles] == ["Inbrenger", "Members"]
    ((_, phase),) = iter_phases(english.phases)
    assert (phase.name, phase.instruction) == ("Question", "Stel je vraag.")
    assert phase.prompts == {"inbrenger": "Vertel.", "leden": "Listen."}
    assert phase.go_around is not None and phase.go_around.prompt == "My question is ..."
    assert phase.id == "vraag" and english.phases[0].name == "Rounds"  # ids stay


def test_the_method_in_its_own_language_or_one_without_texts_is_itself():
    method = _method()
    assert method.in_language("nl") is method
    assert load_method_text(TEXT.split("translations:")[0], "t.yaml").in_language("en").name == (
        "Vraag en advies"
    )


def test_the_plan_speaks_the_sessions_language():
    setup = SessionSetup(
        method_id="t", group="G", participants=("An", "Bo", "Cor"), roles={"inbrenger": ("An",)}
    )
    english = build_plan(_method(), setup.model_copy(update={"language": "en"}))
    dutch = build_plan(_method(), setup)
    assert [s.name for s in english.steps][:2] == ["Question", "Question"]
    assert (
        english.steps[0].block == "Rounds" and english.steps[-1].name == "Evaluation of the session"
    )
    assert [s.name for s in dutch.steps][:2] == ["Vraag", "Vraag"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("    roles:\n", "    roles:\n      lid: {name: Member}\n"), "there is no role 'lid'"),
        (
            ("prompts: {leden: Listen.}", "prompts: {voorzitter: Lead.}"),
            "no prompt for 'voorzitter'",
        ),
        (("  en:\n", "  nl:\n"), "the file is written in 'nl' already"),
    ],
)
def test_a_translation_of_what_is_not_there_is_refused(change, message):
    from intervisie_tui import i18n

    i18n.set_language("en")
    with pytest.raises(MethodError) as caught:
        load_method_text(TEXT.replace(*change), "t.yaml")
    assert any(message in p.message for p in caught.value.problems), caught.value.format()


@pytest.mark.parametrize(
    "path", sorted(paths.builtin_methods_dir().glob("*.yaml")), ids=lambda p: p.stem
)
def test_every_builtin_has_english_texts_for_all_it_says(path):
    method = load_method_file(path)
    english = method.translations.get("en")
    assert english is not None and english.name and english.description
    assert set(english.roles) == {role.id for role in method.roles}
    assert all(
        text.name and (text.description or not role.description)
        for role in method.roles
        for text in [english.roles[role.id]]
    )
    for _, phase in iter_phases(method.phases):
        text = english.phases.get(phase.id or "")
        assert text is not None and text.name, phase.id
        assert (text.instruction is not None) == bool(phase.instruction), phase.id
        assert set(text.prompts) == set(phase.prompts), phase.id
        assert (text.go_around is not None) == bool(phase.go_around and phase.go_around.prompt)


def test_a_translated_method_validates_again_as_it_is_stored_with_a_session():
    english = _method().in_language("en")
    again = Method.model_validate(english.model_dump(mode="json"))
    assert (again.name, again.language, again.translations) == ("Question and advice", "en", {})
