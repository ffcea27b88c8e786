"""What the CLI hands the App: frozen, so screens cannot change it behind each other's back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from intervisie_tui.core.clock import Clock
from intervisie_tui.core.method import Method
from intervisie_tui.sound import SoundMode


@dataclass(frozen=True)
class RunRequest:
    """Setup given on the command line (`intervisie run ...`); may be incomplete."""

    method_id: str | None = None
    method: Method | None = None
    """The method, when the CLI already loaded it (so the app does not load it twice)."""
    group: str | None = None
    participants: tuple[str, ...] = ()
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    case_title: str = ""
    question: str = ""
    force: bool = False
    """Start even with a group size outside the method's range (`run --force`)."""
    rounds: dict[str, int] = field(default_factory=dict)
    """Rounds chosen for blocks whose number of rounds is chosen at setup (`--rounds ID=N`)."""


@dataclass(frozen=True)
class AppConfig:
    lang: str = "nl"
    methods_dirs: tuple[Path, ...] = ()
    log_dir: Path | None = None
    sound: SoundMode = "chime"
    remind_every: int = 300
    """Seconds between overtime reminders (`--remind` minutes; 0: none)."""
    request: RunRequest = field(default_factory=RunRequest)
    resume_id: str | None = None
    """Open this interrupted session straight away (`intervisie resume`)."""
    downtime: str = "meeting"
    """How time while the app was down counts on resume: "meeting" or "pause"."""
    clock: Clock | None = None
    """Injected in tests (FakeClock); None means the system clock."""
    check_interrupted: bool = True
    """Offer to resume an interrupted session at start."""
    keep_awake: Callable[[], Awake] | None = None
    """Keeps the laptop from sleeping while a session runs; None: the OS's own way
    (`KeepAwake.detect`). Tests give a fake, so no real inhibitor starts."""


class Awake(Protocol):
    def hold(self) -> bool: ...
    def release(self) -> None: ...
