"""What a session holds while it runs: step records, captured entries, follow-ups.

These are the values the runner produces, the journal replays and the log
renders. Entries are pydantic models because they travel through the journal
as JSON and must come back exactly as typed (unicode, newlines, whitespace).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

EntryKind = Literal["note", "insight", "action", "statement"]
FollowUpDecision = Literal["done", "continued", "dropped"]
Status = Literal["ready", "running", "paused", "finished"]


class Entry(BaseModel):
    """Something typed during the meeting, attached to the step it was typed in."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    id: str
    kind: EntryKind
    step: int
    text: str
    owner: str | None = None
    """Action items: who does it (optional)."""
    due: date | None = None
    """Action items: by when (optional)."""
    participant: str | None = None
    """Go-around statements: who said it."""
    created: datetime
    """Wall-clock time it was typed (timezone-aware)."""


class StepRecord(BaseModel):
    """Actual time spent on one step (a step can be visited more than once)."""

    model_config = ConfigDict(extra="forbid")

    index: int
    elapsed: float = 0.0
    """Seconds the clock ran while this step was current (pauses excluded)."""
    extra: int = 0
    """Seconds added (+) or taken away (-) by the timekeeper."""
    first_started: datetime | None = None
    last_left: datetime | None = None

    @property
    def visited(self) -> bool:
        return self.first_started is not None
