"""Messages of the tui area (en)."""

MESSAGES: dict[str, str] = {}
