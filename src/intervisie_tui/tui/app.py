"""IntervisieApp: screens, app-wide keys and theme. It computes nothing itself."""

from __future__ import annotations

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from intervisie_tui import paths
from intervisie_tui.core.clock import SystemClock
from intervisie_tui.core.method import Method
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import set_language, t
from intervisie_tui.sound import Alerter
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.config import AppConfig


class IntervisieApp(TranslatedBindings, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Intervisie"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit_app", "key.quit", show=False, priority=True, id="quit_app"),
        Binding("f2", "toggle_dark", "key.theme", show=False, id="theme"),
    ]

    def __init__(self, config: AppConfig) -> None:
        set_language(config.lang)
        super().__init__()
        self.config = config
        self.clock = config.clock or SystemClock()
        self.theme = "textual-dark"

    def on_mount(self) -> None:
        from intervisie_tui.tui.startup import open_first_screen

        open_first_screen(self)

    # -- session lifecycle ----------------------------------------------------------

    async def start_session(self, method: Method, setup: SessionSetup) -> None:
        """Create the session on disk (journal, lock, log) and show the run screen."""
        from intervisie_tui.tui.startup import begin_session

        try:
            view = begin_session(self, method, setup)
            if self._has_screen():  # from the setup screen: a disk problem keeps what was typed
                view.store()
        except IntervisieError as problem:
            self.notify(str(problem), severity="error", timeout=10)
            return
        await self.show_run(view)

    async def show_run(self, view) -> None:
        from intervisie_tui.tui.screens.run import RunScreen

        await self.switch_screen(RunScreen(view)) if self._has_screen() else await self.push_screen(
            RunScreen(view)
        )

    def _has_screen(self) -> bool:
        return len(self.screen_stack) > 1

    def alerter(self) -> Alerter:
        return Alerter.detect(self.config.sound, self.bell)

    def log_root(self):
        return paths.log_dir(self.config.log_dir)

    # -- app-wide actions -------------------------------------------------------------

    def action_quit_app(self) -> None:
        run = self._run_screen()
        if run is not None:
            run.action_quit_session()
        else:
            self.exit()

    def _run_screen(self):
        from intervisie_tui.tui.screens.run import RunScreen

        return next((s for s in self.screen_stack if isinstance(s, RunScreen)), None)

    def action_command_palette(self) -> None:
        """Textual's palette, with a translated search prompt."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            palette = CommandPalette(placeholder=t("palette.placeholder"), id="--command-palette")
            self.push_screen(palette)

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen):
        """The command palette offers the current screen's actions by name."""
        from intervisie_tui.tui.palette import screen_commands

        yield from super().get_system_commands(screen)
        yield from screen_commands(self, screen)
        yield SystemCommand(t("key.theme"), "F2", self.action_toggle_dark)

    ESCAPE_TO_MINIMIZE = False

    def _handle_exception(self, error: Exception) -> None:
        """A bug must not put a traceback in front of the group: one line and a report.

        Under a test harness (headless) Textual's own handling stays, so tests see the error.
        """
        if self.is_headless:
            super()._handle_exception(error)
            return
        from intervisie_tui.cli import write_crash_report

        report = write_crash_report(error)
        self._return_code = 70
        self.exit(
            return_code=70, message=t("error.unexpected", error=type(error).__name__, report=report)
        )
