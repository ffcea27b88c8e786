"""Scripted sessions for the logbook tests: fixed methods, setups and states, no runner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.setup import OpenItem, SessionSetup
from intervisie_tui.core.state import Entry, FollowUp, SessionState, StepRecord

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 3, 2, 19, 30, tzinfo=TZ)
PEOPLE = ("An", "Bo", "Cor", "Dewi", "Eef")


def method(**changes: Any) -> Method:
    """A small focus-like method with a go-around, a repeat and a voorzitter."""
    data: dict[str, Any] = {
        "id": "focusmethode",
        "name": "Focusmethode",
        "source": "test",
        "roles": [
            {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
            {"id": "voorzitter", "name": "Voorzitter", "min": 0, "max": 1},
            {"id": "tijdbewaker", "name": "Tijdbewaker", "min": 0, "max": 1},
            {"id": "leden", "name": "Leden", "rest": True, "min": 1},
        ],
        "phases": [
            {"name": "Inbreng", "duration": 5},
            {"name": "Vragen", "duration": 15},
            {
                "name": "Centrale vraag",
                "duration": 5,
                "go_around": {"role": "leden", "prompt": "De centrale vraag is ..."},
            },
            {"repeat": 2, "name": "Advies", "phases": [{"name": "Adviesronde", "duration": 5}]},
        ],
    }
    data.update(changes)
    return Method.model_validate(data)


def setup(**changes: Any) -> SessionSetup:
    data: dict[str, Any] = {
        "method_id": "focusmethode",
        "group": "Team Noord",
        "participants": PEOPLE,
        "roles": {"inbrenger": ("An",), "voorzitter": ("Bo",), "tijdbewaker": ("Cor",)},
        "case_title": "Cliënt weigert zorg",
        "question": "Hoe houd ik contact?",
    }
    data.update(changes)
    return SessionSetup(**data)


def entry(
    number: int, kind: str, step: int, text: str, at: datetime = START, **extra: Any
) -> Entry:
    return Entry(id=f"e{number}", kind=kind, step=step, text=text, created=at, **extra)


def state(
    the_setup: SessionSetup | None = None,
    entries: Sequence[Entry] = (),
    *,
    session_id: str = "s-1",
    start: datetime = START,
    finished: bool = True,
    followups: dict[str, str | tuple[str, str]] | None = None,
    the_method: Method | None = None,
) -> SessionState:
    """A session that ran every step for its planned time plus 30 s, then finished."""
    plan = build_plan(the_method or method(), the_setup or setup())
    records = []
    moment = start
    for step in plan.steps:
        elapsed = step.duration + 30.0
        left = moment + timedelta(seconds=elapsed)
        records.append(
            StepRecord(index=step.index, elapsed=elapsed, first_started=moment, last_left=left)
        )
        moment = left
    decided = {}
    for key, decision in (followups or {}).items():
        choice, note = decision if isinstance(decision, tuple) else (decision, "")
        decided[key] = FollowUp(key=key, decision=choice, note=note)
    return SessionState(
        session_id=session_id,
        plan=plan,
        status="finished" if finished else "running",
        current=len(plan.steps) - 1,
        started_at=start,
        finished_at=moment if finished else None,
        steps=records,
        entries=list(entries),
        followups=decided,
    )


def open_item(key: str, text: str, owner: str | None = None, **extra: Any) -> OpenItem:
    return OpenItem(key=key, text=text, owner=owner, **extra)


DUE = date(2026, 12, 1)


def group_session(root, number, entries=(), followups=None, finished=True, **setup_changes):
    """Write session `number` (a month apart) of Team Noord under `root`; return its log path.

    The look-back holds what the group's history says is still open.
    """
    from intervisie_tui.core.logbook.history import load_group
    from intervisie_tui.core.logbook.writer import LogWriter

    group = setup().group
    history = load_group(root, group)
    items = tuple(history.open_items())
    the_setup = setup(
        followup=bool(items),
        open_items=items,
        previous_inbrenger=history.previous_inbrenger(),
        **setup_changes,
    )
    the_state = state(
        the_setup,
        list(entries),
        session_id=f"s{number}",
        start=START + timedelta(days=28 * (number - 1)),
        followups=followups,
        finished=finished,
    )
    return LogWriter.for_group(group, root).write(the_state)
