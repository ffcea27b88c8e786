"""intervisie-tui: a terminal timekeeper and session runner for intervisie."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("intervisie-tui")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"
