"""Presenter view: only the countdown, the phase and the role prompts, for the group to see."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from intervisie_tui.tui.screens.base import BaseScreen
from intervisie_tui.tui.screens.beat import ClockBeat
from intervisie_tui.tui.session_view import SessionView, status_text
from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.prompts import PromptPanel


class PresenterScreen(ClockBeat, BaseScreen):
    """Big and quiet; `p` or escape goes back. Pause and next still work here."""

    BINDINGS = [
        Binding("p,escape", "app.pop_screen", "key.back"),
        Binding("space", "toggle", "key.pause"),
        Binding("right", "next", "key.next"),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(id="presenter"):
            yield Static("", id="presenter-phase")
            yield Countdown(max_scale=4, center=True, id="presenter-countdown")
            yield PromptPanel(id="presenter-prompts")

    def on_mount(self) -> None:
        self.render_state()
        self.restart_beat()

    def refresh_clock(self) -> None:
        runner = self.view.runner
        for _ in self.view.poll_alerts():
            self.query_one(Countdown).flash()
        warn = max(runner.step.warn_at, default=0)
        self.query_one(Countdown).show(
            runner.remaining(), warn, runner.is_paused, self.view.caption(), status_text(self.view)
        )

    def render_state(self) -> None:
        self.query_one("#presenter-phase", Static).update(self.view.phase_heading())
        self.query_one(PromptPanel).show(
            self.view.runner.step, self.view.spoken_in_step(), self.view.passed_in_step()
        )
        self.refresh_clock()

    async def _run(self, action: str) -> None:
        """Delegate to the run screen, which owns the commands and their checks."""
        run_screen = self.app.screen_stack[-2]
        await run_screen.run_action(action)
        self.render_state()
        self.restart_beat()  # pause, resume or next moved the beat

    async def action_toggle(self) -> None:
        status = self.view.runner.state.status
        await self._run({"ready": "start", "running": "pause"}.get(status, "resume"))

    async def action_next(self) -> None:
        await self._run("next")
