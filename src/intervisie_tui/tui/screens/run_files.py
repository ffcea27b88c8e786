"""The run screen's part about the session's files: the journal and the log.

A new session is drawn before its files exist (`startup.begin_session`); it
goes on disk right after the first frame, and in any case before the first
command. A log that cannot be written is said once, with another folder offered.
"""

from __future__ import annotations

from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.tui.screens.dialogs import Ask


class SessionFiles:
    """Mixin for the RunScreen (a Screen with a `view` and `action_focus_timer`)."""

    def _store(self) -> bool:
        """A new session goes on disk (once) before it takes its first command."""
        if self.view.pending_store is None:
            return True
        try:
            self.view.store()
        except IntervisieError as problem:  # nothing typed yet: say why and stop
            self.app.exit(return_code=1, message=str(problem))
            return False
        self._check_log()
        return True

    def _check_log(self) -> None:
        """The log could not be written: say so once and offer another folder."""
        problem = self.view.new_log_error()
        if problem is None:
            return
        self.notify(problem, severity="error", timeout=10)
        self.action_log_elsewhere()

    def action_log_elsewhere(self) -> None:
        """Ask for another folder for the log (also later, via ctrl+o or the palette)."""
        writer = getattr(self.view.log, "writer", None)
        if writer is None:
            return
        self.app.push_screen(Ask(t("run.log_elsewhere"), str(writer.folder)), self._relocate)

    def _relocate(self, folder: str | None) -> None:
        if folder:
            self.notify(self.view.relocate_log(folder), timeout=6)
        self.action_focus_timer()
