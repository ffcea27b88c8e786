"""Text for a widget, as text: never Rich or Textual markup, never a control character.

Everything the TUI shows is plain text (the catalog holds no markup), and much
of it comes from files or the command line: a method called `Proef [/]`, a
participant `[red]An`, a log path with brackets. Given to a widget as a `str`
that is markup, and `[/]` crashes the screen. `plain` makes a Rich `Text`
(which widgets, table cells, options and buttons take as it is), with control
characters written out (`safe_text.visible`). Notifications go through
`IntervisieApp.notify`, which does the same.
"""

from __future__ import annotations

from rich.text import Text

from intervisie_tui.safe_text import visible


def plain(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)
