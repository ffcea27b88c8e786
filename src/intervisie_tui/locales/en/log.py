"""Messages of the log area (en)."""

MESSAGES: dict[str, str] = {}
