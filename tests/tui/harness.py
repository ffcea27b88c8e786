"""Build a run screen on a FakeClock without disk, for Pilot tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import App

import intervisie_tui.tui.app
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.sound import Alerter
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
    CSS_PATH = str(Path(intervisie_tui.tui.app.__file__).with_name("app.tcss"))
    TITLE = "Intervisie"

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.bells = 0

    def on_mount(self) -> None:
        self.push_screen(RunScreen(self.view))

    def bell(self) -> None:
        self.bells += 1


def make_view(method: Method | dict | None = None, **setup) -> tuple[SessionView, FakeClock]:
    clock = FakeClock(START)
    m = method if isinstance(method, Method) else Method.model_validate(method or SMALL_METHOD)
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


class ScreenHarness(App[None]):
    """Shows one screen built by `factory` with the app's stylesheet (snapshot tests)."""

    CSS_PATH = RunHarness.CSS_PATH
    TITLE = "Intervisie"

    def __init__(self, factory) -> None:
        super().__init__()
        self.factory = factory

    def on_mount(self) -> None:
        self.push_screen(self.factory())


def incident_view(lang: str = "nl"):
    """An incidentmethode session 7.5 minutes in, with entries in two steps."""
    from intervisie_tui import i18n
    from intervisie_tui.core.library import find_method

    i18n.set_language(lang)
    method = find_method("incidentmethode").method
    view, clock = make_view(
        method,
        participants=("An", "Bo", "Cor", "Dirk", "Eva", "Fien"),
        roles={"inbrenger": ("An",), "voorzitter": ("Cor",), "tijdbewaker": ("Bo",)},
        question="Hoe geef ik grenzen aan zonder de relatie te schaden?",
        language=lang,
    )
    runner = view.runner
    runner.start()
    runner.add_insight("Grenzen stellen begint bij mijn eigen twijfel")
    clock.advance(5 * 60 + 20)
    runner.next()
    runner.add_action("Gesprek plannen met de teamleider", owner="An")
    runner.add_note("Vraag: wie was er nog meer bij?")
    clock.advance(2 * 60 + 10)
    return view, clock
