"""Alert sounds: a soft chime where the computer can play audio, else the terminal bell.

Terminal bells are often muted, so we play our own chime with whatever the
platform offers: the standard library on Windows, `afplay` on macOS and
`paplay`/`pw-play`/`aplay` on Linux. Choosing the player is a pure function
of the platform and the programs found, so it is tested without any audio.
Playing never blocks and never raises: a meeting must not stop for a sound.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SoundMode = Literal["chime", "bell", "off"]
SOUND_MODES: tuple[SoundMode, ...] = ("chime", "bell", "off")

#: Linux players in order of preference: PulseAudio/PipeWire first (they mix with
#: other audio), then ALSA.
LINUX_PLAYERS = ("paplay", "pw-play", "aplay")


def chime_path() -> Path:
    """The packaged chime; from `__file__` because the wheel installs as plain files."""
    return Path(__file__).resolve().parent / "assets" / "chime.wav"


@dataclass(frozen=True)
class Player:
    """How to play a file: a command line, or the Windows standard library."""

    kind: Literal["command", "winsound"]
    command: tuple[str, ...] = ()


def choose_player(
    platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
) -> Player | None:
    """The best way to play the chime here, or None (then ring the bell)."""
    if platform.startswith("win"):
        return Player("winsound")
    if platform == "darwin":
        found = which("afplay")
        return Player("command", (found,)) if found else None
    for name in LINUX_PLAYERS:
        found = which(name)
        if found:
            extra = ("-q",) if name == "aplay" else ()
            return Player("command", (found, *extra))
    return None


def _play_with_winsound(path: Path) -> None:
    """Start playing `path` with the Windows standard library, without waiting for it."""
    if sys.platform != "win32":  # the module exists on Windows only
        raise ImportError("winsound is only available on Windows")
    import winsound

    flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
    winsound.PlaySound(str(path), flags)


class Alerter:
    """Plays the alert for a mode, falling back to `bell` when no player exists."""

    def __init__(
        self,
        mode: SoundMode,
        bell: Callable[[], None],
        player: Player | None = None,
        spawn: Callable[..., object] = subprocess.Popen,
    ) -> None:
        self.mode = mode
        self._bell = bell
        self._player = player if mode == "chime" else None
        self._spawn = spawn

    @classmethod
    def detect(cls, mode: SoundMode, bell: Callable[[], None]) -> Alerter:
        return cls(mode, bell, choose_player() if mode == "chime" else None)

    def alert(self, mode: SoundMode | None = None) -> str:
        """Sound once; `mode` overrides the default (a phase's own setting).

        Returns what happened ("chime", "bell" or "off") so callers and tests can see it.
        """
        chosen = mode or self.mode
        if self.mode == "off" or chosen == "off":
            return "off"
        if chosen == "chime" and self._play_chime():
            return "chime"
        self._bell()
        return "bell"

    def _play_chime(self) -> bool:
        player = self._player
        if player is None:
            return False
        try:
            if player.kind == "winsound":
                _play_with_winsound(chime_path())
            else:
                self._spawn(
                    [*player.command, str(chime_path())],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
        except (OSError, ImportError, RuntimeError):
            self._player = None  # broken player: use the bell from now on
            return False
        return True
