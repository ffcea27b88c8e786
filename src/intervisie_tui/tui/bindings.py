"""Key bindings whose descriptions come from the message catalog.

BINDINGS are class attributes, evaluated at import, before the language is
known. So descriptions hold catalog keys ("key.pause") and each screen swaps
in the translated text when it is created (`TranslatedBindings`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from textual.binding import BindingsMap
from textual.dom import DOMNode

from intervisie_tui.i18n import t


def translate_bindings(node: DOMNode) -> None:
    """Replace catalog keys in `node`'s binding descriptions by translated text."""
    translated = {
        key: [
            replace(b, description=t(b.description), tooltip=t(b.tooltip) if b.tooltip else "")
            for b in bindings
        ]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(translated)


def retranslate_bindings(node: DOMNode) -> None:
    """After a change of language: the class's bindings, translated into the new one."""
    node._bindings = node._merge_bindings()
    translate_bindings(node)


class TranslatedBindings:
    """Mixin for App/Screen/Widget classes whose BINDINGS use catalog keys."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(cast(DOMNode, self))  # mixed into DOMNode classes only
