"""Messages the app sends its screens (the one message module, as in Toolong)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from intervisie_tui.core.session import Snapshot


@dataclass
class SessionUpdate(Message, bubble=False):
    """The session as it is now, for the screens that draw it.

    `full`: after a command, everything may have changed; otherwise a beat of the
    clock, sent only to the top screen that draws the session, alerts included.
    """

    snapshot: Snapshot
    full: bool


class DiskChanged(Message, bubble=False):
    """The session's files were written, or the disk refused (sent from the writer thread)."""
