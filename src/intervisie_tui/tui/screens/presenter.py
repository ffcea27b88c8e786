"""Presenter view: only the countdown, the phase and the role prompts, for the group to see."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from intervisie_tui.core.session import SessionController
from intervisie_tui.tui import wording
from intervisie_tui.tui.actions import PRESENTER_ACTIONS, Action, bindings
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import SessionScreen, app_of
from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.prompts import PromptPanel


class PresenterScreen(SessionScreen):
    """Big and quiet; `p` or escape goes back. Pause and next still work here."""

    ACTIONS: ClassVar[tuple[Action, ...]] = PRESENTER_ACTIONS
    BINDINGS = bindings(PRESENTER_ACTIONS)

    def compose(self) -> ComposeResult:
        with Vertical(id="presenter"):
            yield Static("", id="presenter-phase")
            yield Countdown(max_scale=4, center=True, id="presenter-countdown")
            yield PromptPanel(id="presenter-prompts")

    def on_mount(self) -> None:
        self.draw()

    def tick(self) -> None:
        self.show_clock(self.query_one(Countdown))
        snap = self.snapshot
        if any(alert.kind == "turn_up" for alert in snap.alerts):  # the next name's turn
            self.query_one(PromptPanel).show_session(snap)

    def draw(self) -> None:
        snap = self.snapshot
        self.query_one("#presenter-phase", Static).update(plain(wording.phase_heading(snap)))
        self.query_one(PromptPanel).show_session(snap)
        self.tick()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_toggle_clock(self) -> None:
        app_of(self).command(SessionController.toggle)

    def action_next(self) -> None:
        """At the last step the run screen asks before it finishes: go back there."""
        if self.snapshot.is_last_step:
            self.app.pop_screen()
            self.app.call_later(self.app.screen.run_action, "next")
            return
        app_of(self).command(SessionController.next)
