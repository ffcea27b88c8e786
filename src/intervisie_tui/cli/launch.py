"""Open the Textual app. The only CLI module that imports textual (lazily)."""

from __future__ import annotations

from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t


def open_app() -> None:
    raise IntervisieError(t("cli.tui_missing"))
