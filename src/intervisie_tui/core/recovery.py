"""A damaged journal: what its good lines and the session's log still hold.

When a journal is damaged at line N (a checksum that does not match, a line
that does not parse, the file cut off in the middle), the lines before N are
good and kept as they are. What came after is known only in part:

- the session's Markdown log shows every entry that was live at its last write:
  an entry it shows that the kept lines do not hold is brought back (matched on
  kind, step, text, owner, due date and participant; an action item also by its
  id). The log counts only where the journal lost something: an entry the kept
  lines hold stays as they hold it, even when the log shows it otherwise (that
  version is named, not taken), and an action item changed in the log by hand
  or by damage (its `sum` no longer matches) is named, not taken;
- good lines after the damage (their checksums match) bring back the entries
  they add, exactly as typed, and follow-up decisions;
- the rest cannot be brought back: step changes, pauses, time added, changes to
  kept entries, passed turns, the finish, and whatever the damaged lines held.
  The session goes on from the state of the kept lines.

`assess` says all that in a `JournalDamage` (which the timekeeper is shown and
must accept before anything is dropped); `recovery_events` are the events that
bring the recovered entries back, journaled after the kept lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from intervisie_tui.core.commands import (
    Add,
    Adjust,
    Decide,
    Delete,
    Edit,
    Event,
    Finish,
    Move,
    Pass,
    Pause,
    Resume,
    replay,
)
from intervisie_tui.core.journal import JournalContents, Salvage
from intervisie_tui.core.logbook.entries import LoggedEntry, LoggedSession
from intervisie_tui.core.logbook.items import item_key
from intervisie_tui.core.logbook.markdown import sanitize
from intervisie_tui.core.state import Entry, SessionState
from intervisie_tui.i18n import t

SHOWN_TEXT = 60
"""Characters of a text shown in the explanation (the first line only)."""
_LOST = {
    Move: "moves",
    Pause: "pauses",
    Resume: "pauses",
    Adjust: "adjusts",
    Edit: "changes",
    Delete: "changes",
    Decide: "changes",
    Pass: "passes",
    Finish: "finish",
}
"""Events after the damage that cannot be brought back, by what the timekeeper calls them."""
LOST_ORDER = ("moves", "pauses", "adjusts", "changes", "passes", "finish", "unreadable")


@dataclass(frozen=True)
class JournalDamage:
    """A damaged journal: where, what is kept, what comes back, what cannot."""

    session_id: str
    first_damaged: int
    """Line number of the first damaged line; the lines before it are kept."""
    kept_entries: int
    last_kept: datetime
    """The last moment the kept lines vouch for: the session goes on from there."""
    step_number: int
    step_name: str
    """The step that is current in the kept lines."""
    recovered: tuple[Entry, ...] = ()
    decisions: tuple[tuple[str, str, str], ...] = ()
    """Follow-up decisions brought back: (key, decision, text of the item)."""
    lost: tuple[tuple[str, int], ...] = ()
    """What cannot be brought back: (kind, count), kind as in `recovery.lost.<kind>`."""
    differing: tuple[str, ...] = ()
    """Texts the log shows but that are not taken (a kept entry shown otherwise, hand edits)."""
    log: Path | None = None
    """The log that was read; None when none was found (or it could not be read)."""
    cut: bool = False
    """The journal was cut off after the kept lines (it lacks what its log shows)."""

    @property
    def recovers(self) -> int:
        return len(self.recovered) + len(self.decisions)

    def describe(self, limit: int | None = None) -> str:
        """The explanation for the timekeeper (translated), at most `limit` lines per list."""
        at = f"{self.last_kept.astimezone():%H:%M}"
        last = self.first_damaged - 1
        parts = [
            t("recovery.cut", line=last) if self.cut else t("recovery.damaged", line=last + 1),
            t(
                "recovery.kept",
                last=last,
                time=at,
                count=self.kept_entries,
                step=f"{self.step_number}. {self.step_name}",
            ),
        ]
        found = [_entry_line(entry) for entry in self.recovered]
        found += [_decision_line(text, decision) for _, decision, text in self.decisions]
        if found:
            parts.append(t("recovery.recovered", count=len(found)))
            parts.extend(_shown(found, limit))
        if self.log is None:
            parts.append(t("recovery.no_log"))
        elif not found:
            parts.append(t("recovery.nothing_recovered"))
        if self.lost:
            lost = ", ".join(t(f"recovery.lost.{kind}", count=n) for kind, n in self.lost)
            parts.append(t("recovery.lost", time=at, what=lost))
        if self.cut:
            parts.append(t("recovery.lost_after_cut", line=last))
        if self.differing:
            parts.append(t("recovery.differing", count=len(self.differing)))
            parts.extend(_shown([f"- {_short(text)}" for text in self.differing], limit))
        parts.append(t("recovery.copy"))
        return "\n".join(parts)


def assess(salvage: Salvage, log: LoggedSession | None) -> JournalDamage:
    """What the kept lines, the good later lines and the log (if any) hold together."""
    kept = salvage.kept
    header = kept.header
    state = replay(header.plan(), header.session_id, kept.events, header.created)
    last_kept = kept.events[-1].wall if kept.events else header.created
    later, lost = _later_entries(state, salvage.later)
    missing, differing = _missing(state, log.entries if log else ())
    recovered: list[Entry] = []
    for logged in missing:
        exact = next((e for e in later if _same(e, logged, state.session_id)), None)
        if exact is not None:  # a good journal line holds it exactly as typed
            later.remove(exact)
            recovered.append(exact)
        else:
            recovered.append(_from_log(logged, state, last_kept))
    recovered += later
    decisions = _decisions(state, salvage.later, log, lost)
    if salvage.unreadable:
        lost["unreadable"] += salvage.unreadable
    first = state.entry_count + 1
    step = state.plan.steps[state.current]
    return JournalDamage(
        session_id=header.session_id,
        first_damaged=salvage.first_damaged,
        kept_entries=len(state.entries),
        last_kept=last_kept,
        step_number=step.index + 1,
        step_name=step.name,
        recovered=tuple(
            entry.model_copy(update={"id": f"e{first + n}"}) for n, entry in enumerate(recovered)
        ),
        decisions=decisions,
        lost=tuple((kind, lost[kind]) for kind in LOST_ORDER if lost[kind]),
        differing=tuple(differing),
        log=log.path if log else None,
        cut=salvage.cut,
    )


def recovery_events(damage: JournalDamage, kept: JournalContents) -> list[Event]:
    """The events that bring back what `damage` recovers, to follow the kept lines.

    They carry the time of the last kept line: the time after it is the gap that
    the resume counts as meeting time or as a pause.
    """
    last = kept.events[-1] if kept.events else None
    t_last, wall = (last.t, last.wall) if last else (0.0, kept.header.created)
    events: list[Event] = [Add(t=t_last, wall=wall, entry=entry) for entry in damage.recovered]
    events += [
        Decide(t=t_last, wall=wall, key=key, decision=decision)
        for key, decision, _ in damage.decisions
    ]
    return events


def _later_entries(state: SessionState, later: list[Event]) -> tuple[list[Entry], Counter[str]]:
    """Entries the good lines after the damage add (their own edits applied), and what is lost.

    Changes to kept entries are lost: the damaged lines may have changed them again.
    """
    kept_ids = {entry.id for entry in state.entries}
    added: dict[str, Entry] = {}
    lost: Counter[str] = Counter()
    for event in later:
        match event:
            case Add() if event.entry.id not in kept_ids:
                added[event.entry.id] = event.entry
            case Edit() if event.id in added:
                try:
                    old = added[event.id]
                    added[event.id] = Entry.model_validate({**old.model_dump(), **event.changes})
                except ValidationError:
                    lost["changes"] += 1
            case Delete() if event.id in added:
                del added[event.id]
            case Decide():
                pass  # counted with the decisions
            case _ if type(event) in _LOST:
                lost[_LOST[type(event)]] += 1
    return list(added.values()), lost


def _missing(
    state: SessionState, logged: tuple[LoggedEntry, ...]
) -> tuple[list[LoggedEntry], list[str]]:
    """Log entries the kept lines do not hold, and log texts that are not taken."""
    unmatched = list(state.entries)
    missing: list[LoggedEntry] = []
    differing: list[str] = []
    known = {item_key(state.session_id, entry.id) for entry in state.entries}
    for entry in logged:
        same = next((e for e in unmatched if _same(e, entry, state.session_id)), None)
        if same is not None:
            unmatched.remove(same)
        elif entry.key in known or entry.altered:
            differing.append(_logged_text(entry))
        else:
            missing.append(entry)
    return missing, differing


def _decisions(
    state: SessionState, later: list[Event], log: LoggedSession | None, lost: Counter[str]
) -> tuple[tuple[str, str, str], ...]:
    """Follow-up decisions the kept lines do not have: from good later lines, then the log."""
    found: dict[str, str] = {}
    for event in later:
        if isinstance(event, Decide):
            if event.key in state.followups:
                lost["changes"] += 1
            else:
                found[event.key] = event.decision
    for key, decision in log.decisions if log else ():
        if key not in state.followups:
            found[key] = decision
    texts = {item.key: item.text for item in state.plan.setup.open_items}
    return tuple((key, decision, texts.get(key, key)) for key, decision in found.items())


def _same(entry: Entry, logged: LoggedEntry, session_id: str) -> bool:
    """Does the log show this entry (as the app wrote it)?"""
    if entry.kind != logged.kind or entry.step not in logged.steps or logged.altered:
        return False
    # an action item written by the app names its entry (one typed by hand, `h-...`, does not)
    named = logged.key is not None and not logged.key.startswith("h-")
    if named and logged.key != item_key(session_id, entry.id):
        return False
    owner = sanitize(" ".join(entry.owner.split())) if entry.owner else None
    participant = sanitize(entry.participant) if entry.participant else None
    owner, participant = owner or None, participant or None
    return (
        sanitize(entry.text) == logged.text
        and owner == (logged.owner or None)
        and entry.due == logged.due
        and participant == (logged.participant or None)
    )


def _from_log(logged: LoggedEntry, state: SessionState, when: datetime) -> Entry:
    """An entry as the log shows it; its step the first (visited) one it can belong to."""
    visited = [i for i in logged.steps if state.steps[i].visited]
    return Entry(
        id="e0",  # numbered by `assess`
        kind=logged.kind,
        step=(visited or list(logged.steps))[0],
        text=logged.text,
        owner=logged.owner,
        due=logged.due,
        participant=logged.participant,
        created=when,
    )


def _logged_text(entry: LoggedEntry) -> str:
    who = entry.owner or entry.participant
    return f"{who}: {entry.text}" if who else entry.text


def _entry_line(entry: Entry) -> str:
    who = entry.owner or entry.participant
    text = _short(f"{who}: {entry.text}" if who else entry.text)
    if entry.due:
        text += " " + t("recovery.due", date=entry.due.isoformat())
    kind = t(f"recovery.kind.{entry.kind}")
    return f"- {kind}, {t('recovery.step', number=entry.step + 1)}: {text}"


def _decision_line(text: str, decision: str) -> str:
    return f"- {t('recovery.kind.followup')}: {_short(text)}: {t(f'log.followup.{decision}')}"


def _short(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    cut = len(first) > SHOWN_TEXT or "\n" in text.strip()
    return first[:SHOWN_TEXT].rstrip() + ("…" if cut else "")


def _shown(lines: list[str], limit: int | None) -> list[str]:
    if limit is None or len(lines) <= limit:
        return lines
    return [*lines[: limit - 1], t("recovery.more", count=len(lines) - limit + 1)]
