"""Methods, setups and plans for the engine tests, built from Method objects in code."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import Plan, build_plan
from intervisie_tui.core.setup import SessionSetup

START = datetime(2025, 3, 14, 14, 0, tzinfo=UTC)
PEOPLE = ("Anouk", "Bram", "Chaima", "Daan", "Eva", "Fleur")
ROLES: list[dict[str, Any]] = [
    {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
    {"id": "voorzitter", "name": "Voorzitter", "min": 1, "max": 1},
    {"id": "leden", "name": "Leden", "rest": True, "min": 1},
]


def incident_method() -> Method:
    """Incidentmethode-like, 8 steps stretched to 90 minutes (10/10/10/15/15/10/10/10)."""
    minutes = (10, 10, 10, 15, 15, 10, 10, 10)
    names = (
        "Incident",
        "Verhelderen",
        "Hulpvraag",
        "Roddelronde",
        "Reactie",
        "Bedenktijd",
        "Adviezen",
        "Evaluatie",
    )
    phases: list[dict[str, Any]] = [
        {"name": name, "duration": m} for name, m in zip(names, minutes, strict=True)
    ]
    phases[3]["prompts"] = {"inbrenger": "Draai je stoel om en schrijf mee."}
    phases[6]["go_around"] = {"role": "leden", "prompt": "Mijn advies is ..."}
    phases[7]["evaluation"] = True
    phases[5]["warn_at"] = ["2m", "30s", 0]
    return Method.model_validate(
        {"id": "incident", "name": "Incident", "source": "test", "roles": ROLES, "phases": phases}
    )


def rounds_method() -> Method:
    """Speedsparren-like: rounds with rotating pairs, a swap, optional phases, a go-around."""
    return Method.model_validate(
        {
            "id": "rounds",
            "name": "Rounds",
            "source": "test",
            "roles": [
                {"id": "inbrenger", "name": "Inbrenger", "min": 0, "exclusive": True},
                {"id": "vragenstellers", "name": "Vragenstellers", "min": 1},
                {"id": "meedenkers", "name": "Meedenkers", "min": 1},
                {"id": "leden", "name": "Leden", "rest": True},
            ],
            "phases": [
                {"name": "Uitleg", "duration": "3m", "optional": True},
                {"name": "Extra", "duration": "2m", "optional": True, "enabled": False},
                {
                    "repeat": 2,
                    "name": "Speedsparren",
                    "swap": ["vragenstellers", "meedenkers"],
                    "phases": [
                        {
                            "repeat": 3,
                            "phases": [
                                {
                                    "name": "Sparren",
                                    "duration": 8,
                                    "pairs": {"first": "vragenstellers", "second": "meedenkers"},
                                    "prompts": {"vragenstellers": "Stel je vraag."},
                                }
                            ],
                        },
                        {"name": "Opschrijven", "duration": "5m"},
                    ],
                },
                {
                    "name": "Rondje",
                    "duration": "4m",
                    "go_around": {"role": "leden", "prompt": "Ik neem mee ..."},
                },
            ],
        }
    )


def incident_setup(**changes: Any) -> SessionSetup:
    values: dict[str, Any] = {
        "method_id": "incident",
        "group": "Team Noord",
        "participants": PEOPLE,
        "roles": {"inbrenger": ("Bram",), "voorzitter": ("Anouk",)},
        "case_title": "Een lastige overdracht",
        "question": "Hoe had ik dit anders kunnen aanpakken?",
    }
    return SessionSetup(**(values | changes))


def rounds_setup(**changes: Any) -> SessionSetup:
    values: dict[str, Any] = {
        "method_id": "rounds",
        "group": "Team Zuid",
        "participants": PEOPLE,
        "roles": {
            "vragenstellers": ("Anouk", "Bram", "Chaima"),
            "meedenkers": ("Daan", "Eva", "Fleur"),
        },
    }
    return SessionSetup(**(values | changes))


def incident_plan(**setup_changes: Any) -> Plan:
    return build_plan(incident_method(), incident_setup(**setup_changes))


def small_plan(minutes: tuple[int, ...] = (5, 3, 4), **setup_changes: Any) -> Plan:
    """A short method: one phase per entry of `minutes`, statement-capable last phase."""
    phases: list[dict[str, Any]] = [
        {"name": f"Stap {i + 1}", "duration": m} for i, m in enumerate(minutes)
    ]
    phases[-1]["go_around"] = {"role": "leden"}
    method = Method.model_validate(
        {"id": "small", "name": "Small", "source": "test", "roles": ROLES, "phases": phases}
    )
    changes = {"method_id": "small", "evaluation": False} | setup_changes
    return build_plan(method, incident_setup(**changes))


def fake_clock() -> FakeClock:
    return FakeClock(START)


#: Round table: the inbrenger passes on every round; each lid gets 2 minutes to react,
#: and an open conversation without countdown closes.
ROUND_TABLE: dict[str, Any] = {
    "id": "rt",
    "name": "Rondetafel",
    "source": "tests",
    "roles": [
        {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
        {"id": "leden", "name": "Leden", "rest": True},
    ],
    "phases": [
        {
            "name": "Casus",
            "repeat": 3,
            "rotate": ["inbrenger"],
            "phases": [
                {"name": "Reacties", "duration": 6, "go_around": {"role": "leden", "per_person": 2}}
            ],
        },
        {"name": "Open gesprek", "duration": 10, "countdown": False},
    ],
}
