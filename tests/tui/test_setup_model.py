"""The setup screen's knowledge, without Textual: library, role suggestions, follow-up."""

from __future__ import annotations

from intervisie_tui.core.setup import validate_setup
from intervisie_tui.tui.setup_model import SetupContext, split_group

PEOPLE = ("An", "Bo", "Cor", "Dirk", "Eva", "Fien")


def test_the_context_lists_the_builtin_library_sorted_by_name(tmp_path):
    context = SetupContext(tmp_path)
    names = [e.method.name for e in context.methods]
    assert names == sorted(names, key=str.casefold)
    assert context.method("incidentmethode") is not None
    assert context.method("bestaat-niet") is None


def test_find_loads_one_method_without_the_library(tmp_path):
    context = SetupContext(tmp_path)
    assert context.find("focusmethode").id == "focusmethode"
    assert context._catalog is None


def test_speedsparren_is_split_in_two_even_halves(tmp_path):
    context = SetupContext(tmp_path)
    method = context.find("speedsparren")
    suggestion = context.suggest(method, PEOPLE)
    askers, thinkers = suggestion["vragenstellers"], suggestion["meedenkers"]
    assert sorted(askers + thinkers) == sorted(PEOPLE)
    assert abs(len(askers) - len(thinkers)) <= 1
    setup = context.make_setup(method=method, group="Team", participants=PEOPLE, roles=suggestion)
    assert validate_setup(setup, method) == []


def test_incidentmethode_suggestion_is_a_valid_setup_for_a_new_group(tmp_path):
    context = SetupContext(tmp_path)
    method = context.find("incidentmethode")
    context.select_group("Nieuwe groep")
    suggestion = context.suggest(method, PEOPLE)
    assert len(suggestion["inbrenger"]) == 1
    setup = context.make_setup(
        method=method, group="Nieuwe groep", participants=PEOPLE, roles=suggestion
    )
    assert validate_setup(setup, method) == []
    assert setup.followup is False and setup.open_items == ()


def test_split_group_leaves_exclusive_roles_out(tmp_path):
    method = SetupContext(tmp_path).find("speedsparren")
    split = split_group(method, PEOPLE, {"voorzitter": ("An",)})
    assert split == {"vragenstellers": PEOPLE[0::2], "meedenkers": PEOPLE[1::2]}


def test_the_setup_screen_splits_the_group_by_the_core_rule():
    from intervisie_tui.core import setup

    assert split_group is setup.split_group


def test_broken_method_files_are_named_for_the_setup_screen(tmp_path):
    extra = tmp_path / "mijn-methodes"
    extra.mkdir()
    (extra / "kapot.yaml").write_text("id: kapot\nname: [\n", encoding="utf-8")
    context = SetupContext(tmp_path, (extra,))
    assert "kapot.yaml" in context.broken_text()
    assert context.method("incidentmethode") is not None  # the others still load
    assert SetupContext(tmp_path).broken_text() == ""


def test_a_new_session_carries_the_groups_agreements_from_its_group_file(tmp_path):
    from intervisie_tui.core.group import GroupFile, group_file_path, save_group_file

    group = GroupFile.model_validate(
        {"name": "Team", "goal": "Samen leren", "agreements": {"confidentiality": "blijft hier"}}
    )
    save_group_file(group_file_path("Team", tmp_path), group)
    context = SetupContext(tmp_path)
    method = context.find("incidentmethode")
    context.select_group("Team")
    setup = context.make_setup(method=method, group="Team", participants=PEOPLE)
    assert setup.agreements == (("goal", "Samen leren"), ("confidentiality", "blijft hier"))
    context.select_group("Ander team")
    other = context.make_setup(method=method, group="Ander team", participants=PEOPLE)
    assert other.agreements == ()
