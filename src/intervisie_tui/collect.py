"""Garbage collection while the app starts: rarely, and never again over what start-up made.

Starting `intervisie run` allocates tens of thousands of objects that live as
long as the process: modules, classes, pydantic validators, Textual's styles.
With CPython's default thresholds the collector walks them again and again
while they are being made, before the first frame (a few to a few tens of
milliseconds: benchmarks/README.md, seventh round). So while starting, the
young generation is collected only every `STARTING_THRESHOLD` allocations
(cycles are still found, just later); once the first frame is on screen,
`started()` moves everything that exists into the permanent generation, where
no later collection looks, and restores the thresholds. A command that never
opens the app keeps the high threshold to its end, which bounds its memory
the same way.
"""

from __future__ import annotations

import gc

STARTING_THRESHOLD = 50_000
"""Allocations between two young collections while starting (CPython's default: 700)."""

_defaults: tuple[int, ...] | None = None


def starting() -> None:
    """Collect rarely from now on, until `started()`."""
    global _defaults
    if _defaults is None:
        _defaults = gc.get_threshold()
        gc.set_threshold(STARTING_THRESHOLD, *_defaults[1:])


def started() -> None:
    """The first frame is on screen: freeze what start-up made and collect as usual again."""
    global _defaults
    if _defaults is not None:
        gc.freeze()
        gc.set_threshold(*_defaults)
        _defaults = None
