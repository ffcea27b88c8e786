"""Messages of the session area (en)."""

MESSAGES: dict[str, str] = {}
