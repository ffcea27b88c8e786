"""Run a session in the real app on a FakeClock without disk, for Pilot and snapshot tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

import intervisie_tui.tui.app
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.session import SessionController
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig

START = datetime(2026, 11, 24, 14, 0).astimezone()

SMALL_METHOD: dict[str, Any] = {
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


class FakeAwake:
    """Keeps nothing awake; counts what the app asked."""

    def __init__(self) -> None:
        self.held = threading.Event()
        self.released = 0

    def hold(self) -> bool:
        self.held.set()
        return True

    def release(self) -> None:
        self.released += 1


class RunHarness(IntervisieApp):
    """The real app with `session` on its run screen; the bell counted, not rung."""

    def __init__(self, session: SessionController, clock: FakeClock | None = None) -> None:
        clock = clock or session.runner.clock  # type: ignore[assignment]
        self.awake = FakeAwake()
        config = AppConfig(  # in the session's language, as the app resumes one
            lang=session.runner.plan.setup.language,
            sound="bell",
            clock=clock,
            check_interrupted=False,
            keep_awake=lambda: self.awake,
        )
        super().__init__(config, session)
        self.bells = 0

    def bell(self) -> None:
        self.bells += 1


def make_session(
    method: Method | dict[str, Any] | None = None, **setup: Any
) -> tuple[SessionController, FakeClock]:
    clock = FakeClock(START)
    m = method if isinstance(method, Method) else Method.model_validate(method or SMALL_METHOD)
    fields: dict[str, Any] = {
        "method_id": m.id,
        "group": "Team Noord",
        "participants": ("An", "Bo", "Cor", "Dirk"),
        "roles": {"inbrenger": ("An",), "tijdbewaker": ("Bo",)},
        "case_title": "Lastige overdracht",
    }
    fields.update(setup)
    plan = build_plan(m, SessionSetup(**fields))
    runner = SessionRunner(plan, clock, session_id="test-session")
    return SessionController(runner), clock


class ScreenHarness(App[None]):
    """Shows one screen built by `factory` with the app's stylesheet (snapshot tests)."""

    CSS_PATH = str(Path(intervisie_tui.tui.app.__file__).with_name("app.tcss"))
    TITLE = "Intervisie"

    def __init__(self, factory: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.factory = factory

    def on_mount(self) -> None:
        self.push_screen(self.factory())


def new_focus_session(clock: FakeClock | None = None) -> SessionController:
    """A new focusmethode session as `intervisie run` makes it: drawable, not yet on disk."""
    from intervisie_tui import paths
    from intervisie_tui.core.library import find_method

    method = find_method("focusmethode").method
    setup = SessionSetup(
        method_id="focusmethode", group="Team Noord", participants=("An", "Bo", "Cor", "Dirk"),
        roles={"inbrenger": ("An",)},
    )  # fmt: skip
    return SessionController.begin(method, setup, clock or FakeClock(START), paths.log_dir())


def incident_session(lang: str = "nl") -> tuple[SessionController, FakeClock]:
    """An incidentmethode session 7.5 minutes in, with entries in two steps."""
    from intervisie_tui import i18n
    from intervisie_tui.core.library import find_method

    i18n.set_language(lang)
    method = find_method("incidentmethode").method
    session, clock = make_session(
        method,
        participants=("An", "Bo", "Cor", "Dirk", "Eva", "Fien"),
        roles={"inbrenger": ("An",), "voorzitter": ("Cor",), "tijdbewaker": ("Bo",)},
        question="Hoe geef ik grenzen aan zonder de relatie te schaden?",
        language=lang,
    )
    session.start()
    session.add_insight("Grenzen stellen begint bij mijn eigen twijfel")
    clock.advance(5 * 60 + 20)
    session.next()
    session.add_action("Gesprek plannen met de teamleider", owner="An")
    session.add_note("Vraag: wie was er nog meer bij?")
    clock.advance(2 * 60 + 10)
    return session, clock


def session_of(pilot: Pilot[Any]) -> SessionController:
    """The session of the `IntervisieApp` that `pilot` drives (there must be one)."""
    app = pilot.app
    assert isinstance(app, IntervisieApp)
    assert app.session is not None
    return app.session


async def beat(pilot: Any) -> None:
    """One beat of the app's clock, and let the screens draw it."""
    pilot.app.beat()
    await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], bool], rounds: int = 200) -> None:
    """Let the app (and the disk's worker thread) run until `condition` holds."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app never got there")


async def saved(pilot: Pilot) -> None:
    """Wait until the session's files hold every command, and the app has heard so."""
    session = session_of(pilot)
    assert session.flush(timeout=30)
    await pilot.pause()
    await pilot.pause()
