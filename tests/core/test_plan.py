"""The plan matrix: rounds unrolled, swaps, pairs, go-arounds, optional phases, offsets."""

from __future__ import annotations

from typing import Any

import pytest

from intervisie_tui.core.method import EXTRA_STEP_SECONDS, Method
from intervisie_tui.core.plan import Plan, build_plan, session_length
from tests.core.engine_helpers import (
    PEOPLE,
    incident_method,
    incident_plan,
    incident_setup,
    rounds_method,
    rounds_setup,
    small_plan,
)

A, B, C, D, E, F = PEOPLE


def _offsets_are_consistent(plan: Plan) -> None:
    assert [s.index for s in plan.steps] == list(range(len(plan.steps)))
    start = 0
    for step in plan.steps:
        assert step.planned_start == start
        start = step.planned_end
    assert plan.total == start == sum(s.duration for s in plan.steps)


def test_incident_plan_steps_offsets_and_total():
    plan = incident_plan()
    _offsets_are_consistent(plan)
    assert [s.duration // 60 for s in plan.steps] == [10, 10, 10, 15, 15, 10, 10, 10]
    assert plan.total == 90 * 60
    assert [s.planned_start // 60 for s in plan.steps] == [0, 10, 20, 30, 45, 60, 70, 80]
    assert plan.steps[-1].name == "Evaluatie"  # the method evaluates itself: nothing added
    assert plan.steps[5].warn_at == (120, 30, 0)
    assert plan.steps[0].warn_at == (60, 0)
    (prompt,) = plan.steps[3].prompts
    assert (prompt.role_id, prompt.holders) == ("inbrenger", ("Bram",))


def test_a_go_around_binds_the_names_of_the_role_in_participant_order():
    plan = incident_plan()
    assert plan.steps[6].go_around == (A, C, D, E, F)
    assert plan.steps[6].go_around_prompt == "Mijn advies is ..."
    assert plan.steps[6].is_go_around and not plan.steps[5].is_go_around
    shuffled = incident_plan(roles={"inbrenger": (B,), "voorzitter": (A,), "leden": (F, D, A)})
    assert shuffled.steps[6].go_around == (A, D, F)


def test_the_look_back_and_the_evaluation_are_added_around_a_method():
    plan = incident_plan(followup=True)
    assert plan.steps[0].kind == "followup"
    assert plan.steps[0].duration == EXTRA_STEP_SECONDS
    assert plan.steps[1].planned_start == EXTRA_STEP_SECONDS
    assert plan.total == 90 * 60 + EXTRA_STEP_SECONDS
    _offsets_are_consistent(plan)
    small = small_plan((5, 3), evaluation=True)
    assert [s.kind for s in small.steps] == ["phase", "phase", "evaluation"]
    assert small_plan((5, 3)).total == 8 * 60  # evaluation switched off


def test_added_steps_speak_the_language_of_the_session():
    nl = incident_plan(followup=True).steps[0]
    en = incident_plan(followup=True, language="en").steps[0]
    assert nl.name == "Terugblik"
    assert en.name != nl.name and en.instruction != nl.instruction


def _rounds(**toggles: bool) -> Plan:
    return build_plan(rounds_method(), rounds_setup(phase_toggles=toggles, evaluation=False))


@pytest.mark.parametrize(
    ("toggles", "first"),
    [
        ({}, ["Uitleg", "Sparren"]),
        ({"uitleg": False}, ["Sparren", "Sparren"]),
        ({"extra": True}, ["Uitleg", "Extra"]),
        ({"uitleg": False, "extra": True}, ["Extra", "Sparren"]),
    ],
)
def test_optional_phases_follow_their_default_or_the_toggle(toggles, first):
    plan = _rounds(**toggles)
    assert [s.name for s in plan.steps[:2]] == first
    _offsets_are_consistent(plan)


def test_rounds_are_unrolled_with_their_round_numbers():
    plan = _rounds(uitleg=False)
    names = [s.name for s in plan.steps]
    assert names == ["Sparren"] * 3 + ["Opschrijven"] + ["Sparren"] * 3 + ["Opschrijven", "Rondje"]
    assert [s.rounds for s in plan.steps[:4]] == [
        ((1, 2), (1, 3)),
        ((1, 2), (2, 3)),
        ((1, 2), (3, 3)),
        ((1, 2),),
    ]
    assert plan.steps[4].rounds == ((2, 2), (1, 3))
    assert {s.block for s in plan.steps[:8]} == {"Speedsparren"}
    assert plan.steps[8].block is None and plan.steps[8].rounds == ()
    assert plan.total == 2 * (3 * 8 + 5) * 60 + 4 * 60


def test_pairs_rotate_every_round_and_the_roles_swap_after_each_block_round():
    plan = _rounds(uitleg=False)
    assert [s.pairs for s in plan.steps[:3]] == [
        ((A, D), (B, E), (C, F)),
        ((A, E), (B, F), (C, D)),
        ((A, F), (B, D), (C, E)),
    ]
    assert plan.steps[4].pairs == ((D, A), (E, B), (F, C))  # three each: all met before
    assert plan.steps[4].swapped == ("vragenstellers", "meedenkers")
    assert [s.swapped for s in plan.steps if s.swapped] == [("vragenstellers", "meedenkers")]
    assert plan.steps[0].prompts[0].holders == (A, B, C)
    assert plan.steps[4].prompts[0].holders == (D, E, F)
    assert plan.holders["vragenstellers"] == (A, B, C)  # as at the start


def _odd_swap_method() -> Method:
    data: dict[str, Any] = rounds_method().model_dump(exclude={"phases"})
    data["phases"] = [
        {
            "repeat": 3,
            "swap": ["vragenstellers", "meedenkers"],
            "phases": [{"name": "Ronde", "duration": 1, "prompts": {"vragenstellers": "Vraag"}}],
        },
        {"name": "Daarna", "duration": 1, "prompts": {"vragenstellers": "Vraag"}},
    ]
    return Method.model_validate(data)


def test_a_swap_holds_inside_its_block_only():
    plan = build_plan(_odd_swap_method(), rounds_setup(evaluation=False))
    holders = [s.prompts[0].holders for s in plan.steps]
    assert holders == [(A, B, C), (D, E, F), (A, B, C), (A, B, C)]


def test_prompts_are_only_for_roles_somebody_holds():
    """Item 16: no "Notulist: Noteer ..." when there is no notulist."""
    data: dict[str, Any] = incident_method().model_dump(exclude={"phases"})
    data["roles"] = [*data["roles"], {"id": "notulist", "name": "Notulist", "max": 1}]
    prompts = {"inbrenger": "Vertel", "notulist": "Noteer de hulpvraag", "leden": "Luister"}
    data["phases"] = [{"name": "Incident", "duration": 5, "prompts": prompts}]
    method = Method.model_validate(data)
    without = build_plan(method, incident_setup(evaluation=False))
    assert [p.role_id for p in without.steps[0].prompts] == ["inbrenger", "leden"]
    roles = {"inbrenger": ("Bram",), "voorzitter": ("Anouk",), "notulist": ("Eva",)}
    with_one = build_plan(method, incident_setup(evaluation=False, roles=roles))
    assert [p.role_id for p in with_one.steps[0].prompts] == ["inbrenger", "leden", "notulist"]


def test_the_plan_is_deterministic():
    assert incident_plan() == build_plan(incident_method(), incident_setup())


def test_a_method_dump_reads_back_as_the_same_method():
    """Durations dump as "300s": a bare number would read back as minutes."""
    from intervisie_tui.core.library import find_method

    for method_id in ("incidentmethode", "speedsparren", "focusmethode"):
        method = find_method(method_id).method
        assert Method.model_validate(method.model_dump()) == method
        assert Method.model_validate(method.model_dump(mode="json")) == method


# -- rotating roles, rounds chosen at setup, time per person, counting up -------------

CLIENTS = {
    "id": "wisselend",
    "name": "Wisselende inbrenger",
    "source": "tests",
    "group_size": {"min": 3, "max": 8},
    "roles": [
        {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
        {"id": "voorzitter", "name": "Voorzitter", "max": 1},
        {"id": "leden", "name": "Leden", "rest": True},
    ],
    "phases": [
        {
            "name": "Casusronde",
            "repeat": 2,
            "rounds": {"min": 1, "max": 6},
            "rotate": ["inbrenger"],
            "phases": [
                {
                    "name": "Vraag",
                    "duration": 3,
                    "prompts": {"inbrenger": "Vertel.", "voorzitter": "Let op de tijd."},
                },
                {
                    "name": "Reacties",
                    "duration": 10,
                    "go_around": {"role": "leden", "per_person": "90s"},
                },
            ],
        },
        {"name": "Open gesprek", "duration": 10, "countdown": False},
    ],
}


def _clients(**setup: Any) -> Plan:
    from intervisie_tui.core.setup import SessionSetup, validate_setup

    method = Method.model_validate(CLIENTS)
    fields: dict[str, Any] = {
        "method_id": "wisselend",
        "group": "G",
        "participants": (A, B, C, D),
        "roles": {"inbrenger": (A,), "voorzitter": (D,)},
    }
    made = SessionSetup(**(fields | setup))
    assert validate_setup(made, method) == []
    return build_plan(method, made)


def test_a_rotating_role_passes_to_the_next_participant_each_round():
    plan = _clients(rounds={"casusronde": 4})
    asks = [s for s in plan.steps if s.phase_id == "vraag"]
    assert [s.rotating for s in asks] == [
        (("Inbrenger", (name,)),) for name in (A, B, C, D)
    ]  # every participant is the inbrenger once
    assert [s.prompts[0].holders for s in asks] == [(A,), (B,), (C,), (D,)]
    rounds = [s for s in plan.steps if s.phase_id == "reacties"]
    # the previous inbrenger is back among the leden; the new one is not
    assert [s.go_around for s in rounds] == [(B, C, D), (A, C, D), (A, B, D), (A, B, C)]
    assert plan.holders["inbrenger"] == (A,)


def test_the_new_holder_trades_places_with_the_previous_one_in_the_other_roles():
    plan = _clients(rounds={"casusronde": 4})
    asks = [s for s in plan.steps if s.phase_id == "vraag"]
    # D chairs; when D is the inbrenger (round 4, A's role 3 places on), A chairs instead
    assert [s.prompts[1].holders for s in asks] == [(D,), (D,), (D,), (A,)]
    assert asks[-1].rotating == (("Inbrenger", (D,)),)


def test_the_participant_list_decides_who_is_next():
    plan = _clients(rounds={"casusronde": 3}, participants=(A, C, B, D))
    asks = [s.rotating[0][1] for s in plan.steps if s.phase_id == "vraag"]
    assert asks == [(A,), (C,), (B,)]


def test_rounds_chosen_at_setup_set_the_rounds_and_the_totals_follow():
    default = _clients()
    chosen = _clients(rounds={"casusronde": 5})
    assert len([s for s in default.steps if s.phase_id == "vraag"]) == 2
    assert len([s for s in chosen.steps if s.phase_id == "vraag"]) == 5
    assert [s.rounds for s in chosen.steps if s.phase_id == "vraag"][-1] == ((5, 5),)
    method = Method.model_validate(CLIENTS)
    steps, _ = session_length(method, rounds={"casusronde": 5})
    assert steps == len(chosen.steps)


def test_rounds_outside_the_range_or_for_another_block_are_refused():
    from intervisie_tui.core.setup import SessionSetup, validate_setup

    method = Method.model_validate(CLIENTS)
    base: dict[str, Any] = {"method_id": "wisselend", "group": "G", "participants": (A, B, C)}
    base["roles"] = {"inbrenger": (A,)}
    too_many = SessionSetup(**base, rounds={"casusronde": 7})
    assert [p.key for p in validate_setup(too_many, method)] == ["setup.rounds_outside"]
    unknown = SessionSetup(**base, rounds={"andere": 2})
    assert [p.key for p in validate_setup(unknown, method)] == ["setup.unknown_block"]


def test_time_per_person_makes_the_step_as_long_as_its_speakers_need():
    plan = _clients()
    reacties = next(s for s in plan.steps if s.phase_id == "reacties")
    assert reacties.per_person == 90
    assert reacties.duration == 90 * len(reacties.go_around) == 270
    _offsets_are_consistent(plan)


def test_a_step_without_countdown_counts_up_and_has_no_warnings():
    plan = _clients()
    open_talk = next(s for s in plan.steps if s.phase_id == "open-gesprek")
    assert (open_talk.counts_up, open_talk.warn_at, open_talk.duration) == (True, (), 600)
    assert not next(s for s in plan.steps if s.phase_id == "vraag").counts_up


def test_rotation_works_together_with_swap_and_pairs():
    data = {
        "id": "t",
        "name": "T",
        "source": "tests",
        "roles": [
            {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
            {"id": "vragen", "name": "Vragenstellers", "min": 1},
            {"id": "denken", "name": "Meedenkers", "min": 1},
        ],
        "phases": [
            {
                "repeat": 2,
                "rotate": ["inbrenger"],
                "swap": ["vragen", "denken"],
                "phases": [
                    {
                        "name": "Sparren",
                        "duration": 5,
                        "pairs": {"first": "vragen", "second": "denken"},
                    }
                ],
            }
        ],
    }
    from intervisie_tui.core.setup import SessionSetup

    method = Method.model_validate(data)
    setup = SessionSetup(
        method_id="t",
        group="G",
        participants=(A, B, C, D, E),
        roles={"inbrenger": (A,), "vragen": (B, D), "denken": (C, E)},
        evaluation=False,
    )
    first, second = build_plan(method, setup).steps
    assert first.rotating == (("Inbrenger", (A,)),) and first.pairs == ((B, C), (D, E))
    # round 2: swapped, then B becomes inbrenger and A takes B's place
    assert second.rotating == (("Inbrenger", (B,)),)
    assert second.pairs == ((C, D), (E, A))  # meedenkers (A, D), rotated one on


def test_who_holds_the_rotating_role_round_after_round():
    from intervisie_tui.core.plan import holders_per_round

    assert holders_per_round(_clients(rounds={"casusronde": 5})) == {"Inbrenger": [A, B, C, D, A]}
    assert holders_per_round(incident_plan()) == {}


def test_a_go_around_can_end_with_another_role_the_inbrenger_last():
    """Bug: the incidentmethode's evaluation round left out the inbrenger, who speaks last."""
    from intervisie_tui.core.library import find_method
    from intervisie_tui.core.setup import SessionSetup

    method = find_method("incidentmethode").method
    names = ("An", "Bo", "Cor", "Dirk", "Eva", "Fenna")
    roles = {"inbrenger": ("Cor",)}
    setup = SessionSetup(method_id=method.id, group="G", participants=names, roles=roles)
    plan = build_plan(method, setup)
    evaluation = next(step for step in plan.steps if step.phase_id == "evaluatie")
    assert evaluation.go_around[-1] == "Cor"
    assert set(evaluation.go_around) == set(names) - set(setup.holders(method)["tijdbewaker"])


def test_a_go_around_last_role_must_exist():
    from intervisie_tui.core.loader import MethodError, load_method_text

    text = SMALL_GO_AROUND.replace("last: inbrenger", "last: inbrnger")
    assert load_method_text(SMALL_GO_AROUND, "m.yaml").phases
    with pytest.raises(MethodError) as problem:
        load_method_text(text, "m.yaml")
    assert "go_around.last" in str(problem.value) and "inbrenger" in str(problem.value)


SMALL_GO_AROUND = """\
id: rondje-test
name: Rondje
source: test
roles:
  - {id: inbrenger, name: Inbrenger, min: 1, max: 1, exclusive: true}
  - {id: leden, name: Leden, rest: true}
phases:
  - name: Evaluatie
    duration: 5
    go_around: {role: leden, last: inbrenger}
"""
