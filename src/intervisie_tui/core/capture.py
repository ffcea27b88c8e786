"""Capture commands of the runner: notes, insights, actions, statements, follow-ups.

A mixin of `SessionRunner` (kept apart so each file has one job). Text is kept
exactly as typed; an entry is attached to the step that is current when it is
typed; ids (`e1`, `e2`, ...) are never reused, also not after a delete.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, get_args

from pydantic import ValidationError

from intervisie_tui.core.commands import Add, Decide, Delete, Edit, Event, SessionError
from intervisie_tui.core.plan import Plan
from intervisie_tui.core.state import Entry, EntryKind, FollowUpDecision, SessionState

if TYPE_CHECKING:
    from intervisie_tui.core.clock import Clock

_EDITABLE: dict[str, set[str]] = {
    "note": {"text"},
    "insight": {"text"},
    "action": {"text", "owner", "due"},
    "statement": {"text", "participant"},
}


class CaptureCommands:
    """What the notulist types; every method journals one event (or raises and writes nothing)."""

    state: SessionState
    plan: Plan
    clock: Clock

    if TYPE_CHECKING:

        def _t(self) -> float: ...
        def _record(self, kind: type[Any], **fields: Any) -> Event: ...
        def _commit(self, event: Event, notify: bool = True) -> Event: ...

    def add_note(self, text: str) -> Entry:
        return self._add("note", text)

    def add_insight(self, text: str) -> Entry:
        return self._add("insight", text)

    def add_action(self, text: str, owner: str | None = None, due: date | None = None) -> Entry:
        return self._add("action", text, owner=owner or None, due=due)

    def add_statement(self, participant: str, text: str) -> Entry:
        self._check_participant(participant)
        return self._add("statement", text, participant=participant)

    def edit_entry(self, entry_id: str, **changes: Any) -> Entry:
        """Change text (all), owner/due (actions) or participant (statements)."""
        old = self._entry(entry_id)
        for name in changes:
            if name not in _EDITABLE[old.kind]:
                raise SessionError("session.bad_change", field=name)
        if "text" in changes:
            self._check_text(changes["text"])
        if "participant" in changes:
            self._check_participant(changes["participant"])
        if changes.get("owner") == "":
            changes["owner"] = None
        new = self._validated(old.model_dump() | changes)
        if new == old:
            return old
        self._record(Edit, id=entry_id, changes=changes)
        return self._entry(entry_id)

    def delete_entry(self, entry_id: str) -> None:
        self._entry(entry_id)
        self._record(Delete, id=entry_id)

    def decide_followup(self, key: str, decision: FollowUpDecision, note: str = "") -> None:
        """Record what the group decided about an open action item of an earlier session."""
        if key not in {item.key for item in self.plan.setup.open_items}:
            raise SessionError("session.unknown_followup", key=key)
        if decision not in get_args(FollowUpDecision):
            raise SessionError("session.bad_decision", decision=decision)
        self._record(Decide, key=key, decision=decision, note=note)

    def _add(self, kind: EntryKind, text: str, **fields: Any) -> Entry:
        self._check_text(text)
        t, wall = self._t(), self.clock.now()
        entry = self._validated(
            {
                "id": f"e{self.state.entry_count + 1}",
                "kind": kind,
                "step": self.state.current,
                "text": text,
                "created": wall,
                **fields,
            }
        )
        stored = self._commit(Add(t=t, wall=wall, entry=entry))
        assert isinstance(stored, Add)
        return stored.entry

    def _validated(self, data: dict[str, Any]) -> Entry:
        try:
            return Entry.model_validate(data)
        except ValidationError as problem:
            error = problem.errors()[0]
            field = ".".join(str(part) for part in error["loc"])
            raise SessionError("session.bad_value", field=field) from None

    def _entry(self, entry_id: str) -> Entry:
        for entry in self.state.entries:
            if entry.id == entry_id:
                return entry
        raise SessionError("session.unknown_entry", id=entry_id)

    @staticmethod
    def _check_text(text: object) -> None:
        if not isinstance(text, str) or not text.strip():
            raise SessionError("session.empty_text")

    def _check_participant(self, name: object) -> None:
        if name not in self.plan.setup.participants:
            raise SessionError("session.unknown_participant", name=name)
