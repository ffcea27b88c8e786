"""intervisie-tui: a terminal timekeeper and session runner for intervisie."""

#: The single source of the version: pyproject.toml reads it from here (hatch),
#: so start-up does not pay for importlib.metadata.
__version__ = "0.1.0"
