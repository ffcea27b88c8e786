"""Messages of the tui area (nl)."""

MESSAGES: dict[str, str] = {}
