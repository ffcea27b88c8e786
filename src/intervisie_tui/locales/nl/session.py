"""Messages of the session area (nl)."""

MESSAGES: dict[str, str] = {}
