"""The run screen: what the timekeeper looks at for 90 minutes.

Keys become commands to the session (through `IntervisieApp.command`); the
snapshots the app sends become pixels. The clock's beat comes from the app,
once per change of the shown second.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static

from intervisie_tui.core.session import Result, SessionController
from intervisie_tui.i18n import t
from intervisie_tui.tui import wording
from intervisie_tui.tui.actions import (
    APP_ACTIONS,
    RUN_ACTIONS,
    Action,
    bindings,
    find,
    help_rows,
)
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import Command, SessionScreen, app_of
from intervisie_tui.tui.widgets.agenda import Agenda
from intervisie_tui.tui.widgets.capture import CaptureBar, Captured, Field
from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.keybar import KeyBar
from intervisie_tui.tui.widgets.progress import SessionProgress
from intervisie_tui.tui.widgets.prompts import PromptPanel, join_names

KIND_KEYS = {"note": "capture.note", "insight": "capture.insight"}
CAPTURE_KINDS = {
    "capture_note": "notes",
    "capture_insight": "insights",
    "capture_action": "actions",
    "capture_question": "question",
}
CAPTURE_KIND_OF = {"notes": "note", "insights": "insight", "actions": "action"}
CAPTURE_ACTIONS = tuple(action for action in RUN_ACTIONS if action.action in CAPTURE_KINDS)


class RunScreen(SessionScreen):
    """Runs one session from the snapshots the app sends it."""

    ACTIONS: ClassVar[tuple[Action, ...]] = RUN_ACTIONS
    BINDINGS = bindings(RUN_ACTIONS)

    def compose(self) -> ComposeResult:
        # Flat: per clock frame Textual renders every widget whose container overlaps it
        yield Static("", id="run-title")  # docked, like the bottom lines
        yield Agenda(id="agenda")
        with Vertical(id="run-main"):
            yield Static("", id="phase-name")
            yield Countdown(id="countdown")
            with VerticalScroll(id="prompt-scroll"):
                yield PromptPanel(id="prompts")
            yield Static("", id="more-cue")  # shown while the prompts go on out of sight
            yield Static("", id="recent")  # the last entries: never scrolled away
        with Vertical(id="run-foot"):  # the bottom lines: one widget to visit, not three
            yield SessionProgress(id="progress")
            yield CaptureBar(self._captured, self._capture_cancelled, id="capture")
            yield KeyBar(palette=False)  # ctrl+p still works; room for ? and q

    def on_mount(self) -> None:
        self.query_one(Countdown).can_focus = True
        scroll = self.query_one("#prompt-scroll", VerticalScroll)
        self.watch(scroll, "scroll_y", self._show_more_cue, init=False)
        self.watch(scroll, "virtual_size", self._show_more_cue, init=False)
        self.action_focus_timer()
        self.draw()
        session = app_of(self).session
        if session is not None and session.pending:
            self.call_after_refresh(self._open_files)  # the clock first, then the files
        setup = self.snapshot.plan.setup
        if self.snapshot.status == "ready" and setup.agreements:
            self.call_after_refresh(self._show_agreements)

    def _show_agreements(self) -> None:
        """Before the first step the group looks at its agreements (one key goes on)."""
        from intervisie_tui.tui.screens.agreements import AgreementsScreen

        setup = self.snapshot.plan.setup
        self.app.push_screen(AgreementsScreen(setup.group, setup.agreements))

    def _open_files(self) -> None:
        """A new session goes on disk right after its first frame (and before any command)."""
        app_of(self).command(SessionController.open_on_disk)

    def _command(self, do: Command) -> bool:
        return app_of(self).command(do).ok

    # -- drawing ---------------------------------------------------------------------

    def tick(self) -> None:
        """The time-dependent parts; an alert of this beat flashes and says so."""
        snap = self.snapshot
        self.show_clock(self.query_one(Countdown))
        for alert in snap.alerts:
            self.notify(wording.alert_text(snap, alert), timeout=4)
        if any(alert.kind == "turn_up" for alert in snap.alerts):  # the next name's turn
            self._show_prompts()
        self.query_one(Agenda).tick(snap.step, snap.planned, snap.elapsed)
        self.query_one(SessionProgress).show(
            snap.session_elapsed, snap.planned_total, wording.progress_text(snap)
        )

    def draw(self) -> None:
        snap = self.snapshot
        step = snap.step
        self.query_one("#run-title", Static).update(plain(wording.title(snap)))
        self.query_one("#phase-name", Static).update(plain(wording.phase_heading(snap)))
        self._show_prompts()
        recent = wording.recent_entries(snap)
        if step.kind == "followup":
            recent = "\n\n".join(part for part in (wording.followup_text(snap), recent) if part)
        recent = "\n\n".join(part for part in (wording.question_text(snap), recent) if part)
        shown = self.query_one("#recent", Static)
        shown.update(plain(recent))
        shown.set_class(not recent, "-empty")  # a class: the small-screen rule still wins
        self.query_one(Agenda).show(snap.agenda, snap.index)
        self.tick()
        self.call_after_refresh(self._show_more_cue)

    def _show_prompts(self) -> None:
        compact = self.size.height < self.COMPACT_BELOW  # 80x24: no blank rows
        self.query_one(PromptPanel).show_session(self.snapshot, compact)

    def _show_more_cue(self) -> None:
        """`▼ meer: PgDn`: what the prompts hold below (or above) the visible rows."""
        scroll = next(self.query("#prompt-scroll").results(VerticalScroll), None)
        cue = next(self.query("#more-cue").results(Static), None)
        if scroll is None or cue is None:  # asked after a refresh: the screen may be going
            return
        below = scroll.scroll_y < scroll.max_scroll_y
        above = scroll.scroll_y > 0
        text = t("run.more_below") if below else (t("run.more_above") if above else "")
        cue.update(text)

    def say_briefly(self, text: str) -> bool:
        self.query_one(SessionProgress).say(text)
        return True

    def on_resize(self) -> None:
        self.call_after_refresh(self.draw)  # agenda names use the width they get

    # -- actions --------------------------------------------------------------------

    def action_start(self) -> None:
        self._command(SessionController.start)

    def action_pause(self) -> None:
        self._command(SessionController.pause)

    def action_resume(self) -> None:
        self._command(SessionController.resume_clock)

    def action_next(self) -> None:
        if self.snapshot.is_last_step:
            from intervisie_tui.tui.screens.dialogs import Confirm  # not before the first frame

            question = Confirm(t("run.finish_question"), t("run.finish_yes"))
            self.app.push_screen(question, self._finish)
        else:
            self._command(SessionController.next)

    def _finish(self, confirmed: bool | None) -> None:
        if confirmed and self._command(SessionController.finish):
            from intervisie_tui.tui.screens.summary import SummaryScreen

            session = app_of(self).session
            assert session is not None
            self.app.switch_screen(SummaryScreen(session.snapshot()))

    def action_previous(self) -> None:
        self._command(SessionController.previous)

    def action_more(self) -> None:
        self._adjust(60)

    def action_less(self) -> None:
        self._adjust(-60)

    def _adjust(self, seconds: int) -> None:
        if self._command(lambda s: s.adjust(seconds)):
            key = "run.added" if seconds > 0 else "run.removed"  # on the progress line:
            self.say_briefly(t(key, minutes=abs(seconds) // 60))  # five presses, one line

    def action_capture_insight(self) -> None:
        self._capture("insight")

    def action_capture_action(self) -> None:
        self._capture("action")

    def action_capture_note(self) -> None:
        self._capture("note")

    def action_capture_question(self) -> None:
        """The sharpened help question, starting from the question as it stands."""
        snap = self.snapshot
        current = snap.sharpened or snap.plan.setup.question
        field = Field(t("capture.question"), t("capture.question_hint"), required=False)
        self.query_one(CaptureBar).begin("question", [field], [current])

    def _capture(self, kind: str) -> None:
        names = tuple(self.snapshot.plan.setup.participants)
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
        upcoming = self.snapshot.next_speaker
        if upcoming is None:
            self.notify(t("run.go_around_done"), timeout=3)
            return
        prompt = self.snapshot.step.go_around_prompt or t("capture.statement_hint")
        if upcoming in self.snapshot.passed:  # asked once more at the end of the round
            prompt = t("run.asked_again", prompt=prompt)
        self.query_one(CaptureBar).begin(
            f"statement:{upcoming}", [Field(f"{upcoming}:", prompt, required=False)]
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the capture bar has the keys, the screen's keys wait (they would type)."""
        typing = self.is_mounted and self.query_one(CaptureBar).active
        if typing and find(RUN_ACTIONS, action) is not None:
            return False
        return super().check_action(action, parameters)

    def on_key(self, event: events.Key) -> None:
        """A key that reached the screen the usual way (the agenda had the focus)."""
        if self.take_unused_key(event.key):
            event.stop()

    def take_unused_key(self, key: str) -> bool:
        """A capture key the method does not use here still opens a capture bar.

        The timekeeper who types "a Dirk belt de huisarts" has already typed on:
        refusing the "a" would make the space pause the clock and the "e" open
        the entries. So the bar opens for the kind the step does record (a note
        where it records nothing) and the notice says so. The timer asks first
        (in the app's key order), so the rest of a burst lands in the bar.
        """
        action = next((a for a in CAPTURE_ACTIONS if key in a.keys.split(",")), None)
        if action is None or self.snapshot.finished or self.check_action(action.action, ()):
            return False
        kinds = self.snapshot.step.capture
        pressed = CAPTURE_KINDS[action.action]
        wanted = t(f"capture.kind.{pressed}")
        allowed = join_names([t(f"capture.kind.{kind}") for kind in kinds])
        if pressed == "question":  # a command, not text typed on: say so, open nothing
            key = "capture.not_here_only" if kinds else "capture.nothing_here_only"
            self.notify(t(key, allowed=allowed, kind=wanted), timeout=5)
            return True
        entries = [kind for kind in kinds if kind in CAPTURE_KIND_OF]
        instead = "notes" if "notes" in entries or not entries else entries[0]
        if kinds:
            one = t(f"capture.one.{instead}")
            notice = t("capture.not_here", allowed=allowed, kind=wanted, instead=one)
        else:
            notice = t("capture.nothing_here")
        self.notify(notice, timeout=5)
        self._capture(CAPTURE_KIND_OF[instead])
        return True

    def _captured(self, event: Captured) -> None:
        kind, values = event.kind, event.values
        result = self._save(kind, values)
        if not result.ok:  # refused: asked again, filled in, so nothing typed is lost
            bar = self.query_one(CaptureBar)
            if result.field == "due":  # the last field: the date again, with what is understood
                again = f"{result.message}. {t('capture.due_again')}"
                bar.begin(kind, event.fields, values, at=len(values) - 1, problem=again)
            else:
                bar.begin(kind, event.fields, values)
            return
        if not kind.startswith("statement:"):
            app_of(self).say_when_saved(result, t(f"capture.saved.{kind}"))
        elif self.snapshot.next_speaker is not None:
            self.action_go_around()  # the go-around walks on to the next name
            return
        self.action_focus_timer()

    def _save(self, kind: str, values: list[str]) -> Result:
        command = app_of(self).command
        if kind.startswith("statement:"):
            return command(lambda s: s.speak(kind.removeprefix("statement:"), values[0]))
        if kind == "action":
            return command(lambda s: s.add_action(*values))
        if kind == "note":
            return command(lambda s: s.add_note(values[0]))
        if kind == "question":
            return command(lambda s: s.sharpen_question(values[0]))
        return command(lambda s: s.add_insight(values[0]))

    def _capture_cancelled(self, kind: str) -> None:
        self.action_focus_timer()

    def action_scroll_down(self) -> None:
        self.query_one("#prompt-scroll", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#prompt-scroll", VerticalScroll).scroll_up()

    def action_page_down(self) -> None:
        self.query_one("#prompt-scroll", VerticalScroll).scroll_page_down()

    def action_page_up(self) -> None:
        self.query_one("#prompt-scroll", VerticalScroll).scroll_page_up()

    def action_focus_timer(self) -> None:
        self.query_one(CaptureBar).cancel()
        self.set_focus(self.query_one(Countdown))  # now: the next key is already waiting

    @on(OptionList.OptionSelected, "#agenda")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if index != self.snapshot.index:
            self._command(lambda s: s.jump(index))
        self.action_focus_timer()

    def action_entries(self) -> None:
        from intervisie_tui.tui.screens.entries import EntriesScreen

        self.app.push_screen(EntriesScreen(self.snapshot))

    def action_attendance(self) -> None:
        from intervisie_tui.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.snapshot))

    def action_followup(self) -> None:
        from intervisie_tui.tui.screens.followup import FollowUpScreen

        self.app.push_screen(FollowUpScreen(self.snapshot))

    def action_presenter(self) -> None:
        from intervisie_tui.tui.screens.presenter import PresenterScreen

        self.app.push_screen(PresenterScreen(self.snapshot))

    def action_log_elsewhere(self) -> None:
        app_of(self).ask_log_folder()

    def action_help(self) -> None:
        from intervisie_tui.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(help_rows(RUN_ACTIONS, APP_ACTIONS)))

    def action_quit_session(self) -> None:
        from intervisie_tui.tui.screens.dialogs import Confirm

        self.app.push_screen(Confirm(t("run.quit_question"), t("run.quit_yes")), self._quit)

    def _quit(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        app = app_of(self)
        if not app.command(SessionController.open_on_disk).ok:
            return
        app.command(SessionController.stop)
        app.leave(t("run.quit_message", id=self.snapshot.session_id))
