"""Open the Textual app. The only CLI module that imports textual (lazily)."""

from __future__ import annotations

import sys

import typer

from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import get_language, t


def open_app(config=None) -> None:
    """Run the TUI with `config` (an AppConfig); prints the app's exit message."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise IntervisieError(t("cli.no_terminal"))
    from intervisie_tui.tui.app import IntervisieApp
    from intervisie_tui.tui.config import AppConfig

    app = IntervisieApp(config or AppConfig(lang=get_language()))
    app.run()  # Textual prints the app's exit message itself
    if app.return_code:
        raise typer.Exit(app.return_code)
