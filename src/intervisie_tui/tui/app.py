"""IntervisieApp: screens, app-wide keys and theme, and the one clock beat of a session.

The app holds the running session's controller and is the only place that
sends it commands (`command`): every screen goes through there, and every
result is shown the same way. One beat polls the controller once per change of
the shown second and posts the snapshot to the top screen that draws the
session, so two screens can never race for an alert.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

from textual import events
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from intervisie_tui import paths
from intervisie_tui.core.clock import SystemClock
from intervisie_tui.core.session import Result, SessionController, Snapshot
from intervisie_tui.core.state import Downtime
from intervisie_tui.i18n import get_language, set_language, t
from intervisie_tui.safe_text import visible
from intervisie_tui.sound import Alerter
from intervisie_tui.tui.actions import APP_ACTIONS, Action, bindings, palette_entries
from intervisie_tui.tui.bindings import TranslatedBindings, retranslate_bindings
from intervisie_tui.tui.config import AppConfig, Awake
from intervisie_tui.tui.messages import DiskChanged, SessionUpdate

if TYPE_CHECKING:
    from intervisie_tui.tui.screens.base import SessionScreen


LEAVE_WAIT_SECONDS = 3.0
"""How long quitting waits for a slow disk before it asks whether to stop without the rest."""


@runtime_checkable
class KeysInOrder(Protocol):
    """A widget whose keys the app takes one at a time, each after the one before took effect.

    Textual hands a key to the focused widget's queue and finds its binding only
    when the key has bubbled back up, so keys that arrive together (typed while
    the laptop was busy) can land in a field that was about to close, or miss one
    that was about to open. The run screen's timer and capture field take their
    keys here instead: bindings and typing, in order.
    """

    def take_key(self, event: events.Key) -> bool:
        """Handle a key that is no binding (a typed character); False: not mine."""
        ...


class IntervisieApp(TranslatedBindings, App[None]):
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    TITLE = "Intervisie"
    ENABLE_COMMAND_PALETTE = True
    ESCAPE_TO_MINIMIZE = False
    ACTIONS: tuple[Action, ...] = APP_ACTIONS
    BINDINGS = bindings(APP_ACTIONS)

    def __init__(self, config: AppConfig, session: SessionController | None = None) -> None:
        set_language(config.lang)
        super().__init__()
        self.config = config
        self.clock = config.clock or SystemClock()
        self.theme = "textual-dark"
        self.session: SessionController | None = None
        """The running session, once there is one."""
        self._given = session
        self._beat: Timer | None = None
        self._alerter: Alerter | None = None
        self._when_saved: list[tuple[int, str]] = []
        """(journal line, what to say once it is on disk): "bewaard" only when it is."""
        self._asking_still = False
        self._awake: Awake | None = None
        self._leaving: str | None = None
        """Asked to end while the disk was behind: the message to end with once it caught up."""

    def on_mount(self) -> None:
        if self._given is not None:  # tests, and sessions made before the app ran
            self.call_later(self.show_run, self._given)
            return
        from intervisie_tui.tui.startup import open_first_screen

        open_first_screen(self)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast as plain text: messages quote file names, paths and typed words.

        Written out and never markup (`[/]` in a path would crash the screen).
        """
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and event.key == "ctrl+j":
            # typed before the app had the terminal: the tty made Enter a newline
            event = events.Key("enter", "\r")
        if isinstance(event, events.Key) and not event.is_forwarded:
            focused = self.focused
            if isinstance(focused, KeysInOrder) and await self._take_in_order(focused, event):
                return
        await super().on_event(event)

    async def _take_in_order(self, focused: KeysInOrder, event: events.Key) -> bool:
        """Priority bindings, typing, then the bindings from the focused widget up: now."""
        self.app_focus = True
        if await self._check_bindings(event.key, priority=True):
            return True
        if focused.take_key(event):
            return True
        return await self._check_bindings(event.key)

    def speak(self, language: str) -> None:
        """Switch the app to `language` (a resumed session keeps the one it began in).

        Screens made from now on speak it; the app's own keys are translated again.
        """
        if language != get_language():
            set_language(language)
            retranslate_bindings(self)

    # -- the session ------------------------------------------------------------------

    async def show_run(self, session: SessionController) -> None:
        """Make `session` the app's session and show its run screen."""
        from intervisie_tui.tui.screens.run import RunScreen

        self.session = session
        session.remind_every = self.config.remind_every
        session.watch_disk(self._disk_changed)
        self.call_after_refresh(self._keep_awake)  # the clock first: it starts a process
        screen = RunScreen(session.snapshot())
        if len(self.screen_stack) > 1:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        self.restart_beat()

    def command(self, do: Callable[[SessionController], Result]) -> Result:
        """Send one command to the session; show what became of it; redraw.

        Refused: a warning, nothing changed. Refused and fatal (the session could
        not be put on disk): the app ends with that line. What the disk does with
        it comes later (`on_disk_changed`).
        """
        session = self.session
        if session is None:
            return Result("refused")
        result = do(session)
        if result.fatal:
            self.exit(return_code=1, message=result.message)
            return result
        if result.kind == "refused" and result.message and result.field is None:
            self.notify(result.message, severity="warning")  # else the screen says it at the field
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=8)
        self.publish()
        self.restart_beat()
        self._tell_disk_news()  # without a worker thread, the disk has already answered
        if session.closed:
            self._let_sleep()
        return result

    def say_when_saved(self, result: Result, text: str) -> None:
        """`text` ("bewaard") once the command of `result` is on disk; now if it already is."""
        if result.line is None or self.session is None:
            self._say_saved(text)
            return
        self._when_saved.append((result.line, text))
        self._tell_disk_news()

    def _say_saved(self, text: str) -> None:
        from intervisie_tui.tui.screens.base import SessionScreen

        screen = self.screen
        if not (isinstance(screen, SessionScreen) and screen.say_briefly(text)):
            self.notify(text, timeout=3)

    def _disk_changed(self) -> None:
        """From the writer thread: handled on the app's own, in turn."""
        self.post_message(DiskChanged())

    def on_disk_changed(self, _: DiskChanged) -> None:
        self._tell_disk_news()
        self.publish()

    def _tell_disk_news(self) -> None:
        """Say what the disk did: saved entries, a refusal (once), the way back, log trouble."""
        if self.session is None:
            return
        news = self.session.news()
        for line, text in [w for w in self._when_saved if w[0] <= news.saved]:
            self._when_saved.remove((line, text))
            self._say_saved(text)
        if news.refused:
            self.notify(t("run.not_saved", error=news.refused), severity="error", timeout=12)
        if news.recovered:
            self.notify(t("run.saved_again"), timeout=6)
        if news.log_failed:
            self.notify(news.log_failed, severity="error", timeout=10)
            self.ask_log_folder()
        if self._leaving is not None and self.session.snapshot().unsaved == 0:
            self.exit(message=self._leaving or None)  # it waited for the disk: now it is all there

    def leave(self, message: str = "") -> None:
        """End the app once everything typed is on disk; ask before anything would be lost.

        The timekeeper may wait (the app ends by itself once the disk has it all) or
        stop anyway. Waiting is the default: Enter and escape never throw text away.
        """
        from intervisie_tui.tui.screens.dialogs import Choice

        session = self.session
        if session is None or session.flush(timeout=LEAVE_WAIT_SECONDS):
            self.exit(message=message or None)
            return
        self._leaving = message
        snap = session.snapshot()
        error = snap.save_error or t("run.disk_slow")
        question = t("run.leave_unsaved", count=snap.unsaved, error=error)
        choices = [("wait", t("run.leave_wait")), ("stop", t("run.leave_anyway"))]

        def answered(choice: str | None) -> None:
            if choice == "stop":
                self.exit(message=message or None)
            else:
                session.retry_disk()

        self.push_screen(Choice(question, choices), answered)

    def publish(self) -> None:
        """A full snapshot to every screen: after a command anything may have changed."""
        if self.session is None:
            return
        from intervisie_tui.tui.screens.base import SessionScreen

        snapshot = self.session.snapshot()
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):  # at once: the next key is checked against it
                screen.snapshot = snapshot
            screen.post_message(SessionUpdate(snapshot, full=True))

    def ask_log_folder(self) -> None:
        """Ask for another folder for the log (after trouble, or with ctrl+o)."""
        from intervisie_tui.tui.screens.dialogs import Ask

        folder = self.session.snapshot().log_folder if self.session is not None else None
        if folder is None:
            return

        def chosen(folder: str | None) -> None:
            if folder:
                result = self.command(lambda s: s.relocate_log(folder))
                if result.ok:
                    self.notify(result.message, timeout=6)

        self.push_screen(Ask(t("run.log_elsewhere"), str(folder)), chosen)

    # -- the beat -----------------------------------------------------------------------

    def restart_beat(self) -> None:
        """Wake just after the shown second changes, then once a second.

        One interval timer; a command that moves the beat (start, pause, another
        step) restarts it.
        """
        if self._beat is not None:
            self._beat.stop()
            self._beat = None
        session = self.session
        if session is None or session.closed:
            return
        delay = session.seconds_to_next_change()
        self._beat = self.set_timer(delay, self._first_beat, name="countdown")

    def _first_beat(self) -> None:
        self.beat()
        self._beat = self.set_interval(1.0, self.beat, name="countdown")

    def beat(self) -> Snapshot | None:
        """Read the clock once: sound a crossed threshold, post the snapshot to the top."""
        session = self.session
        if session is None or session.closed:
            return None
        snapshot = session.beat()
        if snapshot.alerts:
            self.alerter().alert(snapshot.step.sound)
        if snapshot.still is not None and not self._asking_still:
            self._ask_about_stillness(snapshot.still)
        target = self.session_screen()
        if target is not None:
            target.post_message(SessionUpdate(snapshot, full=False))
        return snapshot

    def _ask_about_stillness(self, seconds: float) -> None:
        """The laptop slept while the clock ran: was that meeting time, or a pause?"""
        from intervisie_tui.tui.screens.dialogs import Choice

        self._asking_still = True
        question = t("run.still_question", minutes=max(1, round(seconds / 60)))
        choices = [("meeting", t("run.still_meeting")), ("pause", t("run.still_pause"))]

        def answered(choice: str | None) -> None:
            self._asking_still = False
            downtime: Downtime = "pause" if choice == "pause" else "meeting"  # escape: as it ran
            result = self.command(lambda s: s.count_stillness(downtime))
            if result.ok and downtime == "pause":
                self.notify(t("run.still_paused"), timeout=4)

        self.push_screen(Choice(question, choices), answered)

    def session_screen(self) -> SessionScreen | None:
        """The top screen that draws the session's clock (a dialog above it does not)."""
        from intervisie_tui.tui.screens.base import SessionScreen

        return next((s for s in reversed(self.screen_stack) if isinstance(s, SessionScreen)), None)

    def alerter(self) -> Alerter:
        if self._alerter is None:
            self._alerter = Alerter.detect(self.config.sound, self.bell)
        return self._alerter

    def log_root(self) -> Path:
        return paths.log_dir(self.config.log_dir)

    # -- app-wide actions -------------------------------------------------------------

    def action_quit_app(self) -> None:
        from intervisie_tui.tui.screens.run import RunScreen

        run = next((s for s in self.screen_stack if isinstance(s, RunScreen)), None)
        if run is not None:
            run.action_quit_session()
        else:
            self.leave()

    def action_command_palette(self) -> None:
        """Textual's palette, with a translated search prompt."""
        from textual.command import CommandPalette

        from intervisie_tui.tui.screens.palette import TranslatedPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            palette = TranslatedPalette(
                placeholder=t("palette.placeholder"), id="--command-palette"
            )
            self.push_screen(palette)

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette offers the screen's and the app's actions that apply now, by name."""
        snapshot = self.session.snapshot() if self.session is not None else None
        own: tuple[Action, ...] = getattr(screen, "ACTIONS", ())
        offered: set[str] = set()
        for table, target in ((own, screen), (APP_ACTIONS, self)):
            for action, name in palette_entries(table, snapshot):
                if name in offered:  # the screen's own `Stop` before the app's
                    continue
                offered.add(name)
                key = t("palette.key", key=action.shown_key)
                yield SystemCommand(name, key, self._runner_of(target, action.action))

    def _runner_of(self, target: App[None] | Screen[Any], action: str) -> Callable[[], None]:
        def run() -> None:
            self.call_later(target.run_action, action)

        return run

    def _keep_awake(self) -> None:
        """While a session runs the laptop may not fall asleep (where the OS lets us say so).

        Started on a thread of its own: finding out whether the OS agrees takes a moment.
        """
        if self._awake is None and self.session is not None and not self.session.closed:
            from intervisie_tui.keep_awake import KeepAwake

            self._awake = (self.config.keep_awake or KeepAwake.detect)()
            threading.Thread(target=self._awake.hold, name="keep-awake", daemon=True).start()

    def _let_sleep(self) -> None:
        if self._awake is not None:
            awake, self._awake = self._awake, None
            awake.release()

    def on_unmount(self) -> None:
        self._let_sleep()
        if self.session is not None:
            self.session.close()
            self.session.flush(
                timeout=LEAVE_WAIT_SECONDS
            )  # the last lines, as far as the disk lets

    def _handle_exception(self, error: Exception) -> None:
        """A bug must not put a traceback in front of the group: one line and a report.

        Under a test harness (headless) Textual's own handling stays, so tests see the error.
        """
        if self.is_headless:
            super()._handle_exception(error)
            return
        from intervisie_tui.crash import write_crash_report

        report = write_crash_report(error)
        self._return_code = 70
        self.exit(
            return_code=70, message=t("error.unexpected", error=type(error).__name__, report=report)
        )
