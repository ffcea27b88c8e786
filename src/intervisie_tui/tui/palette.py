"""Command palette entries: the actions of the current screen, by their translated names."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from intervisie_tui.i18n import t

HIDDEN = {"escape"}


def screen_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """One command per key binding of `screen` that applies right now."""
    for binding in getattr(screen, "BINDINGS", []):
        if not isinstance(binding, Binding) or binding.id in HIDDEN:
            continue
        action = binding.action
        if screen.check_action(action.split("(")[0], ()) is False:
            continue
        key = binding.key_display or binding.key.split(",")[0]
        yield SystemCommand(
            t(binding.description),
            t("palette.key", key=key),
            lambda action=action: app.call_later(screen.run_action, action),
        )
