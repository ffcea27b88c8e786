"""Build a run screen on a FakeClock without disk, for Pilot tests."""

from __future__ import annotations

from datetime import datetime

from textual.app import App

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.sound import Alerter
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.session_view import SessionView

START = datetime(2026, 11, 24, 14, 0).astimezone()

SMALL_METHOD = {
    "id": "proef",
    "name": "Proefmethode",
    "source": "test",
    "roles": [
        {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
        {"id": "tijdbewaker", "name": "Tijdbewaker", "max": 1},
        {"id": "leden", "name": "Leden", "rest": True},
    ],
    "phases": [
        {
            "name": "Beschrijving",
            "duration": 5,
            "instruction": "De inbrenger vertelt.",
            "prompts": {"inbrenger": "Vertel kort", "leden": "Luister"},
        },
        {
            "name": "Rondje",
            "duration": 3,
            "go_around": {"role": "leden", "prompt": "De centrale vraag is ..."},
        },
        {"name": "Evaluatie", "duration": 2, "evaluation": True},
    ],
}


class RunHarness(App[None]):
    CSS_PATH = IntervisieApp.CSS_PATH
    CSS_PATH = str(__import__("intervisie_tui.tui.app", fromlist=["x"]).__file__).replace(
        "app.py", "app.tcss"
    )

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.bells = 0

    def on_mount(self) -> None:
        self.push_screen(RunScreen(self.view))

    def bell(self) -> None:
        self.bells += 1


def make_view(method: dict | None = None, **setup) -> tuple[SessionView, FakeClock]:
    clock = FakeClock(START)
    m = Method.model_validate(method or SMALL_METHOD)
    fields = {
        "method_id": m.id,
        "group": "Team Noord",
        "participants": ("An", "Bo", "Cor", "Dirk"),
        "roles": {"inbrenger": ("An",), "tijdbewaker": ("Bo",)},
        "case_title": "Lastige overdracht",
    }
    fields.update(setup)
    plan = build_plan(m, SessionSetup(**fields))
    runner = SessionRunner(plan, clock, session_id="test-session")
    view = SessionView(runner, Alerter("bell", lambda: None), None)
    return view, clock
