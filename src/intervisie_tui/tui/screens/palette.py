"""Textual's command palette, with its one English sentence in the catalog's words.

Textual writes "No matches found" in the code of `CommandPalette`. The method
that shows it is replaced here, as Textual 8 writes it, with our text;
tests/tui/test_help_and_palette.py fails if Textual changes that method.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from intervisie_tui.i18n import t


class TranslatedPalette(CommandPalette):
    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:  # searching in vain: say so; discovering nothing: say nothing
                command_list = self.query_one(CommandList)
                command_list.add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
