"""The words the screens show for a session snapshot: headings, captions, status lines.

Pure functions of a `Snapshot` (core/session.py): the controller decides what
is true, this says it in the active language, and the widgets draw it.
"""

from __future__ import annotations

from intervisie_tui.core.alerts import Alert
from intervisie_tui.core.dates import format_due
from intervisie_tui.core.duration import format_clock, format_clock_up, format_duration
from intervisie_tui.core.session import Snapshot
from intervisie_tui.core.state import Entry
from intervisie_tui.i18n import get_language, t

ENTRY_LABELS = {
    "note": "entry.note",
    "insight": "entry.insight",
    "action": "entry.action",
    "statement": "entry.statement",
}


def title(snap: Snapshot) -> str:
    plan = snap.plan
    parts = (plan.method.name, plan.setup.group, plan.setup.case_title)
    return " · ".join(part for part in parts if part)


def step_position(snap: Snapshot) -> str:
    return t("run.step_of", n=snap.index + 1, total=snap.count)


def phase_heading(snap: Snapshot) -> str:
    step = snap.step
    parts = [step.name]
    if step.rounds:  # the innermost repeat is the round; outer ones are parts (halves)
        number, of = step.rounds[-1]
        parts.append(t("run.round_of", n=number, total=of))
        parts.extend(t("run.part_of", n=n, total=total) for n, total in step.rounds[:-1])
    parts += [f"{role}: {', '.join(names)}" for role, names in step.rotating if names]
    parts.append(step_position(snap))
    return " · ".join(parts)


def clock_line(snap: Snapshot) -> str:
    """The one line under the digits: the time as text and what it means.

    Text because screen readers and `tmux capture-pane` cannot read the big
    digits; one line because at 80x24 every row is needed for the prompts.
    """
    clock = clock_text(snap)
    if snap.finished:
        return t("run.clock.finished")
    if snap.status == "ready":
        return t("run.clock.ready", clock=clock)
    if snap.paused:
        return t("run.clock.paused", clock=clock)
    planned = format_duration(snap.planned)
    if snap.turn_remaining is not None and snap.next_speaker is not None:
        left = format_clock(snap.turn_remaining)
        each = format_duration(snap.step.per_person or 0)
        return t("run.clock.turn", name=snap.next_speaker, left=left, each=each, clock=clock)
    if snap.step.counts_up:
        return t("run.clock.counting", clock=clock, planned=planned)
    if snap.remaining < 0:
        return t("run.clock.overtime", clock=clock, planned=planned)
    return t("run.clock.left", clock=clock, planned=planned)


def clock_text(snap: Snapshot) -> str:
    """What the big digits say: time left, or for a step without countdown the time spent."""
    return format_clock_up(snap.elapsed) if snap.step.counts_up else format_clock(snap.remaining)


def progress_text(snap: Snapshot) -> str:
    """The progress line's words: what waits for the disk, when it waits, else the end."""
    if snap.save_error:
        return t("run.unsaved", count=snap.unsaved, error=snap.save_error)
    if snap.saving_slowly:
        return t("run.saving")
    return projected_text(snap)


def projected_text(snap: Snapshot) -> str:
    """`Einde ± 15:40 · 3 min uitloop`: the end as it now looks, and how far off plan."""
    text = t("run.projected", time=f"{snap.projected_end:%H:%M}")
    if snap.planned_end is not None:
        delta = round((snap.projected_end - snap.planned_end).total_seconds() / 60)
        if delta > 0:
            text += " · " + t("run.projected_late", minutes=delta)
        elif delta < 0:
            text += " · " + t("run.projected_early", minutes=-delta)
    return text


def entry_label(entry: Entry) -> str:
    """`Actiepunt (An, vr 27-11)`: the kind, with who and when where it has them."""
    label = t(ENTRY_LABELS[entry.kind])
    who = entry.participant or entry.owner
    if entry.due:
        who = f"{who}, " if who else ""
        who += t("summary.due", date=format_due(entry.due, get_language()))
    return f"{label} ({who})" if who else label


def recent_entries(snap: Snapshot, limit: int = 3) -> str:
    """The step's last entries, each marked: `✓` on disk, `…` still on its way."""
    entries = snap.step_entries
    lines = []
    for entry in entries[-limit:]:
        first_line = entry.text.splitlines()[0] if entry.text else ""
        waiting = entry.id in snap.unsaved_ids
        mark = "…" if waiting else "✓"
        refused = f" {t('run.unsaved_mark')}" if waiting and snap.save_error else ""
        lines.append(f"{mark} {entry_label(entry)}: {first_line}{refused}")
    hidden = len(entries) - limit
    if hidden > 0:
        lines.insert(0, t("run.more_entries", count=hidden))
    return "\n".join(lines)


def followup_text(snap: Snapshot) -> str:
    """The look-back step: a question for last time's inbrenger, then every open item."""
    setup = snap.plan.setup
    lines = []
    if setup.previous_inbrenger:
        lines += [t("followup.ask_inbrenger", name=", ".join(setup.previous_inbrenger)), ""]
    for item in setup.open_items:
        decision = snap.followups.get(item.key)
        mark = t(f"followup.{decision.decision}") if decision else t("followup.open")
        owner = f"{item.owner}: " if item.owner else ""
        lines.append(f"• {owner}{item.text}  [{mark}]")
    if setup.open_items:
        lines += ["", t("followup.hint")]
    return "\n".join(lines)


def alert_text(snap: Snapshot, alert: Alert) -> str:
    if alert.kind == "turn_warning":
        left = format_duration(alert.threshold_seconds)
        return t("alert.turn_warning", name=alert.participant, left=left)
    if alert.kind == "turn_up":
        after = snap.next_speaker
        key = "alert.turn_up_next" if after else "alert.turn_up"
        return t(key, name=alert.participant, next=after)
    if alert.kind == "zero":
        return t("alert.zero", step=snap.plan.steps[alert.step_index].name)
    if alert.kind == "overtime":
        step = snap.plan.steps[alert.step_index].name
        return t("alert.overtime", step=step, over=format_duration(-alert.threshold_seconds))
    return t("alert.warning", left=format_duration(alert.threshold_seconds))


def question_text(snap: Snapshot) -> str:
    """The help question where it is sharpened, and the sharpened one from then on."""
    asked, sharpened = snap.plan.setup.question, snap.sharpened
    if "question" in snap.step.capture:
        lines = [t("run.question", question=asked or t("run.question_none"))]
        if sharpened:
            lines.append(t("run.sharpened", question=sharpened))
        else:
            lines.append(t("run.sharpen_hint"))
        return "\n".join(lines)
    return t("run.sharpened", question=sharpened) if sharpened else ""
