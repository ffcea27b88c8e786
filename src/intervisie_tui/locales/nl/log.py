"""Messages of the log area (nl)."""

MESSAGES: dict[str, str] = {}
