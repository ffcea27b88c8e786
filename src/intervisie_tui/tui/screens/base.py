"""What full screens share: translated keys, size breakpoints, and drawing a session.

The breakpoints add `-narrow`/`-normal`/`-wide` and `-short`/`-medium`/`-tall`
classes that app.tcss uses to drop the agenda and extras on small terminals
(down to 40x12), and to drop blank rows at 80x24, where every row counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual._context import NoActiveAppError
from textual.dom import DOMNode
from textual.screen import Screen

from intervisie_tui import collect
from intervisie_tui.core.session import Result, SessionController, Snapshot
from intervisie_tui.tui import wording
from intervisie_tui.tui.actions import Action, applies
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.messages import SessionUpdate
from intervisie_tui.tui.widgets.countdown import Countdown

if TYPE_CHECKING:
    from intervisie_tui.tui.app import IntervisieApp


Command = Callable[[SessionController], Result]
"""One command to the session, sent through `IntervisieApp.command`."""


def app_of(node: DOMNode) -> IntervisieApp:
    """The running IntervisieApp, typed (Textual types `node.app` as any App)."""
    return cast("IntervisieApp", node.app)


class BaseScreen(TranslatedBindings, Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-normal"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-medium"), (30, "-tall")]
    COMPACT_BELOW = 30
    """Below this height a screen leaves out blank rows (the `-medium` breakpoint)."""

    def __init__(self) -> None:
        super().__init__()
        # the classes the first Resize would set, now: the first frame is styled once, not twice
        with contextlib.suppress(NoActiveAppError):  # made outside a running app: on Resize
            width, height = self.app.size
            wide = self._get_breakpoint_classes(width, self.HORIZONTAL_BREAKPOINTS)
            high = self._get_breakpoint_classes(height, self.VERTICAL_BREAKPOINTS)
            self.set_class(True, *wide, *high, update=False)  # styled when mounted

    @on(events.Mount)
    def _collect_as_usual(self) -> None:
        self.call_after_refresh(collect.started)  # start-up is over once a first screen is drawn


class SessionScreen(BaseScreen):
    """A screen that draws the running session: the app sends it the clock's beats.

    It keeps the last snapshot it was given and asks its action table which keys
    apply to it.
    """

    ACTIONS: ClassVar[tuple[Action, ...]] = ()

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    @on(SessionUpdate)
    def _session_update(self, message: SessionUpdate) -> None:
        self.snapshot = message.snapshot
        if message.full:
            self.draw()
            self.refresh_bindings()
        else:
            self.tick()

    def draw(self) -> None:
        """Everything that changes on a command (another step, entries, pause)."""
        self.tick()

    def tick(self) -> None:
        """What changes with the clock; alerts of the beat included."""

    def say_briefly(self, text: str) -> bool:
        """Say `text` ("Notitie bewaard") on a line of the screen's own; False: use a toast.

        A toast covers the lower right corner, where the run screen shows the
        prompts and the last entries the timekeeper is reading.
        """
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return applies(self.ACTIONS, action, self.snapshot)

    def show_clock(self, countdown: Countdown) -> None:
        """The countdown of the snapshot: time, mood, caption and status line."""
        snap = self.snapshot
        if snap.alerts:
            countdown.flash()
        counts_up = snap.step.counts_up  # no countdown: calm, never over time
        countdown.show(
            abs(snap.remaining) if counts_up else snap.remaining,
            -1 if counts_up else snap.warn_from,
            snap.paused,
            wording.clock_line(snap),
            wording.clock_text(snap),
        )
