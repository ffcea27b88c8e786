"""The run screen: what the timekeeper looks at for 90 minutes.

Keys become runner commands; the runner's state becomes pixels. The clock is
read on a timer aligned to the moment the displayed second changes, so the
countdown is exact to the second while waking up about once per second.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static

from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.tui.screens.base import BaseScreen
from intervisie_tui.tui.screens.beat import ClockBeat
from intervisie_tui.tui.screens.dialogs import Confirm, HelpScreen, help_rows
from intervisie_tui.tui.screens.run_files import SessionFiles
from intervisie_tui.tui.session_view import SessionView, status_text
from intervisie_tui.tui.widgets.agenda import Agenda
from intervisie_tui.tui.widgets.capture import CaptureBar, Field
from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.keybar import KeyBar
from intervisie_tui.tui.widgets.progress import SessionProgress
from intervisie_tui.tui.widgets.prompts import PromptPanel

KIND_KEYS = {"note": "capture.note", "insight": "capture.insight"}


class RunScreen(SessionFiles, ClockBeat, BaseScreen):
    """Runs one session; `view` wraps the runner, the log and the alerts."""

    BINDINGS = [
        # footer order: at 80 columns the first ones show, so help and quit come early
        Binding("space", "start", "key.start", id="start"),
        Binding("space", "pause", "key.pause", id="pause"),
        Binding("space", "resume", "key.resume", id="resume"),
        Binding("right", "next", "key.next", key_display="→", id="next"),
        Binding("left", "previous", "key.previous", key_display="←", show=False, id="previous"),
        Binding("enter,r", "go_around", "key.go_around", key_display="enter", id="go_around"),
        Binding("i", "capture('insight')", "key.insight", id="insight"),
        Binding("a", "capture('action')", "key.action", id="action"),
        Binding("n", "capture('note')", "key.note", id="note"),
        Binding("question_mark", "help", "key.help", key_display="?", id="help"),
        Binding("q", "quit_session", "key.quit", id="quit"),
        Binding("plus,equals_sign", "adjust(60)", "key.more", key_display="+", id="more"),
        Binding("minus", "adjust(-60)", "key.less", key_display="-", id="less"),
        Binding("e", "entries", "key.entries", id="entries"),
        Binding("f", "followup", "key.followup", id="followup"),
        Binding("p", "presenter", "key.presenter", id="presenter"),
        Binding("escape", "focus_timer", "key.escape", show=False, id="escape"),
        Binding("ctrl+o", "log_elsewhere", "key.log_elsewhere", show=False, id="log_elsewhere"),
        Binding("down", "scroll_prompts('down')", show=False),
        Binding("up", "scroll_prompts('up')", show=False),
        Binding("pagedown", "scroll_prompts('page_down')", show=False),
        Binding("pageup", "scroll_prompts('page_up')", show=False),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        # Flat: per clock frame Textual renders every widget whose container overlaps it
        yield Static("", id="run-title")  # docked, like the bottom lines
        yield Agenda(id="agenda")
        with Vertical(id="run-main"):
            yield Static("", id="phase-name")
            yield Countdown(id="countdown")
            with VerticalScroll(id="prompt-scroll"):
                yield PromptPanel(id="prompts")
                yield Static("", id="recent")
        with Vertical(id="run-foot"):  # the bottom lines: one widget to visit, not three
            yield SessionProgress(id="progress")
            yield CaptureBar(id="capture")
            yield KeyBar(palette=False)  # ctrl+p still works; room for ? and q

    def on_mount(self) -> None:
        self.query_one(Countdown).can_focus = True
        self.action_focus_timer()
        self.render_state()
        self.restart_beat()
        if self.view.pending_store is not None:
            self.call_after_refresh(self._store)  # the clock first, then the files

    # -- the clock -----------------------------------------------------------------

    def refresh_clock(self) -> None:
        """Read the clock, fire due alerts and redraw the time-dependent parts."""
        for alert in self.view.poll_alerts():
            self.query_one(Countdown).flash()
            self.notify(self.view.alert_text(alert), timeout=4)
        runner = self.view.runner
        step = runner.step
        countdown = self.query_one(Countdown)
        caption = self.view.caption()
        countdown.show(
            runner.remaining(),
            max(step.warn_at, default=0),
            runner.is_paused,
            caption,
            status_text(self.view),
        )
        record = runner.state.steps[step.index]
        self.query_one(Agenda).tick(step, step.duration + record.extra, runner.elapsed_in_step())
        self.query_one(SessionProgress).show(
            runner.session_elapsed(), self.view.planned_total(), self.view.projected_text()
        )

    def on_resize(self) -> None:
        self.call_after_refresh(self.render_state)  # agenda names use the width they get

    def render_state(self) -> None:
        """Redraw everything that changes on a command (step, entries, pause)."""
        runner = self.view.runner
        step = runner.step
        self.query_one("#run-title", Static).update(self.view.title())
        self.query_one("#phase-name", Static).update(self.view.phase_heading())
        self.query_one(PromptPanel).show(
            step, self.view.spoken_in_step(), self.view.passed_in_step()
        )
        recent = self.view.recent_entries()
        if step.kind == "followup":
            recent = "\n\n".join(part for part in (self.view.followup_text(), recent) if part)
        self.query_one("#recent", Static).update(recent)
        self.query_one(Agenda).show(runner.planned_vs_actual(), runner.state.current)
        self.refresh_clock()
        self.refresh_bindings()

    def _command(self, do, *args):
        """Run a command; a refused one becomes a notification (and None), never a crash."""
        if not self._store():
            return None
        try:
            result = do(*args)
        except IntervisieError as problem:
            self.notify(str(problem), severity="warning")
            return None
        self.render_state()
        self._check_log()
        self.restart_beat()
        return result if result is not None else True

    # -- what the footer offers now -------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        runner = self.view.runner
        status = runner.state.status
        if action == "start":
            return status == "ready"
        if action == "pause":
            return status == "running"
        if action == "resume":
            return status == "paused"
        if action == "go_around":
            return bool(runner.step.go_around) and not runner.is_finished
        if action == "followup":
            return runner.step.kind == "followup" and bool(self.view.open_items())
        if action == "previous":
            return runner.state.current > 0 or None
        return True

    # -- actions --------------------------------------------------------------------

    def action_start(self) -> None:
        self._command(self.view.runner.start)

    def action_pause(self) -> None:
        self._command(self.view.runner.pause)

    def action_resume(self) -> None:
        self._command(self.view.runner.resume)

    def action_next(self) -> None:
        runner = self.view.runner
        if runner.state.current >= len(runner.plan.steps) - 1:
            self.app.push_screen(
                Confirm(t("run.finish_question"), t("run.finish_yes")), self._finish
            )
        else:
            self._command(runner.next)

    def _finish(self, confirmed: bool | None) -> None:
        if confirmed:
            self._command(self.view.runner.finish)
            self.view.show_summary(self.app)

    def action_previous(self) -> None:
        self._command(self.view.runner.previous)

    def action_adjust(self, seconds: int) -> None:
        if self._command(self.view.runner.adjust, seconds) is not None:
            self.app.clear_notifications()  # pressing +/- five times: one toast, not five
            key = "run.added" if seconds > 0 else "run.removed"
            self.notify(t(key, minutes=abs(seconds) // 60), timeout=2)

    def action_capture(self, kind: str) -> None:
        names = tuple(self.view.runner.plan.setup.participants)
        if kind == "action":
            fields = [
                Field(t("capture.action"), t("capture.action_hint")),
                Field(t("capture.owner"), t("capture.owner_hint"), names, required=False),
                Field(t("capture.due"), t("capture.due_hint"), required=False),
            ]
        else:
            fields = [Field(t(KIND_KEYS[kind]), t("capture.hint"))]
        self.query_one(CaptureBar).begin(kind, fields)

    def action_go_around(self) -> None:
        upcoming = self.view.next_speaker()
        if upcoming is None:
            self.notify(t("run.go_around_done"), timeout=3)
            return
        prompt = self.view.runner.step.go_around_prompt or t("capture.statement_hint")
        self.query_one(CaptureBar).begin(
            f"statement:{upcoming}", [Field(f"{upcoming}:", prompt, required=False)]
        )

    @on(CaptureBar.Done)
    def _captured(self, event: CaptureBar.Done) -> None:
        for text, severity in self._command(self.view.save_capture, event.kind, event.values) or ():
            self.notify(text, severity=severity, timeout=3)
        if event.kind.startswith("statement:") and self.view.next_speaker() is not None:
            self.action_go_around()  # the go-around walks on to the next name
            return
        self.action_focus_timer()

    @on(CaptureBar.Cancelled)
    def _capture_cancelled(self) -> None:
        self.action_focus_timer()

    def action_scroll_prompts(self, how: str) -> None:
        """The prompts of a long step scroll with the arrow keys, focus stays on the timer."""
        getattr(self.query_one("#prompt-scroll"), f"scroll_{how}")()

    def action_focus_timer(self) -> None:
        self.query_one(CaptureBar).cancel()
        self.query_one(Countdown).focus()

    @on(OptionList.OptionSelected, "#agenda")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if index != self.view.runner.state.current:
            self._command(self.view.runner.jump, index)
        self.action_focus_timer()

    def action_entries(self) -> None:
        from intervisie_tui.tui.screens.entries import EntriesScreen

        self.app.push_screen(EntriesScreen(self.view), lambda _: self.render_state())

    def action_followup(self) -> None:
        self.view.open_followup(self.app, self)

    def action_presenter(self) -> None:
        from intervisie_tui.tui.screens.presenter import PresenterScreen

        self.app.push_screen(PresenterScreen(self.view))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_rows(self.BINDINGS)))

    def action_quit_session(self) -> None:
        self.app.push_screen(Confirm(t("run.quit_question"), t("run.quit_yes")), self._quit)

    def _quit(self, confirmed: bool | None) -> None:
        if confirmed and self._store():
            if self.view.runner.is_running:  # stopping on purpose: the clock stops too
                self._command(self.view.runner.pause)
            self.view.leave()
            self.app.exit(message=t("run.quit_message", id=self.view.runner.state.session_id))
