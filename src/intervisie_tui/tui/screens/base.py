"""What every full screen shares: translated key descriptions and size breakpoints.

The breakpoints add `-narrow`/`-normal`/`-wide` and `-short`/`-tall` classes that
app.tcss uses to drop the agenda and extras on small terminals (down to 40x12).
"""

from __future__ import annotations

from typing import ClassVar

from textual.screen import Screen

from intervisie_tui.tui.bindings import TranslatedBindings


class BaseScreen(TranslatedBindings, Screen):
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (64, "-normal"), (110, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (18, "-tall")]
