"""Messages of the methods area (en)."""

MESSAGES: dict[str, str] = {}
