"""Messages of the methods area (nl)."""

MESSAGES: dict[str, str] = {}
