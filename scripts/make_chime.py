"""Generate the soft alert chime shipped in the package (assets/chime.wav).

We make the sound ourselves so its licence is ours: two sine partials (a
major third, E5 + G#5) with a gentle attack and a long exponential decay, at
a modest volume, 1.2 s, 22.05 kHz mono 16-bit. Rerun after changing it:
`uv run python scripts/make_chime.py`.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SECONDS = 1.2
PARTIALS = ((659.25, 0.55), (830.61, 0.35), (1318.5, 0.10))  # E5, G#5, E6 shimmer
VOLUME = 0.35
TARGET = Path(__file__).resolve().parents[1] / "src/intervisie_tui/assets/chime.wav"


def sample(i: int) -> float:
    t = i / RATE
    attack = min(1.0, t / 0.015)
    decay = math.exp(-3.2 * t)
    tone = sum(amp * math.sin(2 * math.pi * freq * t) for freq, amp in PARTIALS)
    return VOLUME * attack * decay * tone


def main() -> None:
    frames = b"".join(
        struct.pack("<h", round(32767 * sample(i))) for i in range(int(RATE * SECONDS))
    )
    with wave.open(str(TARGET), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
