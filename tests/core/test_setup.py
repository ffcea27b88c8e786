"""Session setup: who is in the room, role assignment and its validation."""

from __future__ import annotations

from datetime import date

import pytest

from intervisie_tui.core.method import Method
from intervisie_tui.core.setup import (
    OpenItem,
    SessionSetup,
    exclusive_names,
    has_case,
    may_hold,
    role_clashes,
    size_problem,
    split_group,
    split_names,
    validate_setup,
)
from intervisie_tui.i18n import catalog, t_lang
from tests.core.engine_helpers import PEOPLE, ROLES, incident_method, incident_setup, rounds_method

METHOD = incident_method()


def _keys(setup: SessionSetup, method: Method = METHOD) -> list[str]:
    return [problem.key for problem in validate_setup(setup, method)]


def test_a_complete_setup_is_valid():
    assert _keys(incident_setup()) == []


@pytest.mark.parametrize(("count", "valid"), [(1, False), (2, True), (30, True), (31, False)])
def test_group_size_limits(count, valid):
    people = tuple(f"Deelnemer {n}" for n in range(count))
    assert (size_problem(METHOD, count) is None) is valid
    if count == 1:  # nobody is left for the voorzitter and the leden: that is refused
        setup = incident_setup(participants=people, roles={"inbrenger": people[:1]})
        assert _keys(setup) == ["setup.role_empty", "setup.role_empty"]


def test_a_group_size_outside_the_methods_range_is_said_not_refused():
    """Item 16: the room is as it is; the timekeeper decides (setup screen, `run --force`)."""
    assert _keys(_people(3), _sized(4, 6)) == []
    problem = size_problem(_sized(4, 6), 3)
    assert problem is not None and problem.key == "setup.participant_count"


def _everyone_a_lid() -> Method:
    """A method with one role, the rest role: no role to fill, no group size of its own."""
    return Method.model_validate(
        {
            "id": "m",
            "name": "M",
            "source": "s",
            "roles": [{"id": "leden", "name": "L", "rest": True}],
            "phases": [{"name": "P", "duration": 5}],
        }
    )


def test_nobody_in_the_list_is_refused():
    method = _everyone_a_lid()
    setup = SessionSetup(method_id="m", group="G", participants=())
    assert [p.key for p in validate_setup(setup, method)] == ["setup.nobody"]


def _sized(low: int, high: int) -> Method:
    """The incident method for `low` to `high` participants."""
    return Method.model_validate(
        {
            **METHOD.model_dump(exclude={"phases"}),
            "group_size": {"min": low, "max": high},
            "phases": [{"name": "A", "duration": 1}],
        }
    )


def _people(count: int) -> SessionSetup:
    people = tuple(f"Deelnemer {n}" for n in range(count))
    return incident_setup(
        participants=people, roles={"inbrenger": people[:1], "voorzitter": people[-1:]}
    )


@pytest.mark.parametrize(
    ("count", "valid"), [(3, False), (4, True), (6, True), (7, False)], ids=str
)
def test_the_methods_group_size_is_the_limit(count, valid):
    assert (size_problem(_sized(4, 6), len(_people(count).participants)) is None) is valid


def test_a_method_may_allow_more_than_thirty():
    assert _keys(_people(40), _sized(2, 50)) == []
    assert size_problem(_sized(2, 50), 40) is None


def test_the_message_names_the_methods_bounds():
    problem = size_problem(_sized(4, 6), 3)
    assert problem is not None and problem.key == "setup.participant_count"
    text = t_lang("en", problem.key, **problem.values)
    assert text == f"3 participants: {METHOD.name} is for 4 to 6 people"
    assert t_lang("nl", problem.key, **problem.values) == (
        f"3 deelnemers: {METHOD.name} is voor 4 tot 6 deelnemers"
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"participants": (*PEOPLE, "anouk")}, ["setup.duplicate_name"]),
        ({"participants": (*PEOPLE, "  ")}, ["setup.blank_name"]),
        (
            {"roles": {"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "coach": ("Eva",)}},
            ["setup.unknown_role"],
        ),
        (
            {"roles": {"inbrenger": ("Zoë",), "voorzitter": ("Anouk",)}},
            ["setup.unknown_participant"],
        ),
        ({"roles": {"voorzitter": ("Anouk",)}}, ["setup.role_empty"]),
        (
            {"roles": {"inbrenger": ("Bram", "Eva"), "voorzitter": ("Anouk",)}},
            ["setup.role_too_many"],
        ),
        (
            {"roles": {"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "leden": ("Eva", "Eva")}},
            ["setup.duplicate_name"],
        ),
        (
            {"roles": {"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "leden": ("Bram", "Eva")}},
            ["setup.role_clash"],
        ),
        ({"roles": {"inbrenger": ("Bram",), "voorzitter": ("Bram",)}}, ["setup.role_clash"]),
    ],
    ids=[
        "same-name-other-case",
        "blank-name",
        "unknown-role",
        "unknown-participant",
        "inbrenger-missing",
        "two-inbrengers",
        "twice-in-a-role",
        "inbrenger-is-also-lid",
        "inbrenger-is-also-voorzitter",
    ],
)
def test_problems_are_found(changes, expected):
    assert _keys(incident_setup(**changes)) == expected


def test_one_person_cannot_hold_two_exclusive_roles():
    roles = [*ROLES, {"id": "notulist", "name": "Notulist", "exclusive": True}]
    method = Method.model_validate(
        {
            **METHOD.model_dump(exclude={"roles"}),
            "roles": roles,
            "phases": [{"name": "A", "duration": 1}],
        }
    )
    setup = incident_setup(
        roles={"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "notulist": ("Bram",)}
    )
    assert _keys(setup, method) == ["setup.role_clash"]


def test_the_holder_of_an_exclusive_role_holds_no_other_role():
    """Item 15: the inbrenger (back turned in the roddelronde) never gives the sign too."""
    assert may_hold(METHOD, "voorzitter", ["inbrenger"]) is False
    assert may_hold(METHOD, "inbrenger", ["voorzitter"]) is False
    assert may_hold(METHOD, "voorzitter", []) is True
    assert may_hold(METHOD, "leden", ["voorzitter"]) is True
    roles = {"inbrenger": ("Bram",), "voorzitter": ("Bram", "Eva"), "leden": ("Eva",)}
    assert role_clashes(METHOD, roles) == [("Bram", ("inbrenger", "voorzitter"))]


def test_a_clash_says_who_and_which_roles_in_one_line():
    (problem,) = validate_setup(
        incident_setup(roles={"inbrenger": ("Bram",), "voorzitter": ("Bram",)}), METHOD
    )
    assert t_lang("nl", problem.key, **problem.values) == (
        "'Bram' kan niet tegelijk Inbrenger en Voorzitter zijn:"
        " wie Inbrenger is, heeft geen andere rol"
    )


def test_a_method_without_an_inbrenger_has_no_case_and_no_help_question():
    """Item 12: speedsparren; everyone brings a question of their own."""
    method = rounds_method()
    assert has_case(METHOD) and not has_case(method.model_copy(update={"roles": method.roles[1:]}))
    no_case = method.model_copy(update={"roles": method.roles[1:]})
    setup = SessionSetup(
        method_id="rounds",
        group="G",
        participants=PEOPLE,
        roles={"vragenstellers": PEOPLE[:3], "meedenkers": PEOPLE[3:]},
        question="Hoe?",
    )
    assert [p.key for p in validate_setup(setup, no_case)] == ["setup.no_case"]


def test_the_rest_role_holds_everyone_without_an_exclusive_role_in_participant_order():
    held = incident_setup().holders(METHOD)
    assert held["inbrenger"] == ("Bram",)
    assert held["leden"] == ("Anouk", "Chaima", "Daan", "Eva", "Fleur")
    explicit = incident_setup(
        roles={"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "leden": ("Eva", "Daan")}
    )
    assert explicit.holders(METHOD)["leden"] == ("Eva", "Daan")
    assert [r.id for r in incident_setup().roles_of(METHOD, "Anouk")] == ["voorzitter", "leden"]


def test_exclusive_names_are_the_holders_of_the_exclusive_roles():
    roles = {"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "leden": ("Eva",), "coach": ("Zoë",)}
    assert exclusive_names(METHOD, roles) == {"Bram"}
    assert exclusive_names(METHOD, {}) == set()


def test_split_group_shares_out_everyone_but_the_inbrenger_alternately():
    split = split_group(rounds_method(), PEOPLE, {"inbrenger": ("Bram",)})
    assert split == {
        "vragenstellers": ("Anouk", "Daan", "Fleur"),
        "meedenkers": ("Chaima", "Eva"),
    }


def test_split_group_leaves_roles_already_given_alone():
    given: dict[str, tuple[str, ...]] = {"inbrenger": ("Bram",), "vragenstellers": ("Anouk",)}
    assert split_group(rounds_method(), PEOPLE, given) == {
        "meedenkers": ("Chaima", "Daan", "Eva", "Fleur")  # Anouk asks: she is no meedenker too
    }
    assert split_group(METHOD, PEOPLE, {}) == {}  # no role divides the group


def test_roles_a_method_does_not_need_may_stay_empty():
    setup = SessionSetup(
        method_id="rounds",
        group="G",
        participants=PEOPLE,
        roles={"vragenstellers": PEOPLE[:3], "meedenkers": PEOPLE[3:]},
    )
    assert _keys(setup, rounds_method()) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("An, Bo, Cor", ("An", "Bo", "Cor")),
        ("An\nBo;  Cor  de   Vries\n\n", ("An", "Bo", "Cor de Vries")),
        (" , ;\n", ()),
    ],
)
def test_split_names(text, names):
    assert split_names(text) == names


def test_every_problem_has_a_message_in_both_languages():
    keys = {
        "setup.participant_count",
        "setup.duplicate_name",
        "setup.blank_name",
        "setup.unknown_role",
        "setup.unknown_participant",
        "setup.role_empty",
        "setup.role_too_many",
        "setup.role_clash",
        "setup.nobody",
        "setup.no_case",
    }
    for lang in ("nl", "en"):
        assert keys <= set(catalog(lang))
    problem = validate_setup(incident_setup(roles={"voorzitter": ("Anouk",)}), METHOD)[0]
    assert t_lang("nl", problem.key, **problem.values) == (
        "de rol Inbrenger heeft er minstens 1 nodig (nu 0)"
    )


def test_a_setup_survives_a_json_round_trip():
    setup = incident_setup(
        open_items=(OpenItem(key="k", text="Bellen", due=date(2025, 4, 1), owner="Eva"),),
        phase_toggles={"uitleg": False},
        followup=True,
    )
    assert SessionSetup.model_validate_json(setup.model_dump_json()) == setup


def test_group_name_problems_are_explained_not_raised():
    from intervisie_tui.core.setup import MAX_GROUP_NAME

    method = _everyone_a_lid()
    for group, key in (
        ("   ", "setup.group_empty"),
        ("x" * (MAX_GROUP_NAME + 1), "setup.group_too_long"),
    ):
        setup = SessionSetup(method_id="m", group=group, participants=("An", "Bo"))
        assert [p.key for p in validate_setup(setup, method)] == [key]
