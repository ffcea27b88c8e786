"""Everything the screens say about a running session, computed from the runner.

Screens stay thin: they ask this view for the words and numbers to show and
hand it the commands. It also owns the session's companions: the alert
sound and the Markdown log writer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervisie_tui.core.dates import format_due, parse_due
from intervisie_tui.core.duration import format_clock, format_duration
from intervisie_tui.core.runner import Alert, SessionRunner
from intervisie_tui.core.setup import OpenItem
from intervisie_tui.i18n import get_language, t
from intervisie_tui.sound import Alerter

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

ENTRY_LABELS = {
    "note": "entry.note",
    "insight": "entry.insight",
    "action": "entry.action",
    "statement": "entry.statement",
}


class SessionView:
    def __init__(self, runner: SessionRunner, alerter: Alerter, log: Any = None) -> None:
        self.runner = runner
        self.alerter = alerter
        self.log = log
        """The session's LiveLog (path, last error), or None in tests without disk."""
        self.pending_store: Callable[[], None] | None = None
        """What puts a new session on disk (journal, lock, log); None once it is there."""
        self._skipped: dict[int, set[str]] = {}
        self._reported_log_error: str | None = None

    # -- headings -----------------------------------------------------------------

    def title(self) -> str:
        plan = self.runner.plan
        return " · ".join(
            part
            for part in (
                plan.method.name,
                plan.setup.group,
                plan.setup.case_title,
            )
            if part
        )

    def step_position(self) -> str:
        runner = self.runner
        return t("run.step_of", n=runner.state.current + 1, total=len(runner.plan.steps))

    def phase_heading(self) -> str:
        step = self.runner.step
        parts = [step.name]
        if step.rounds:  # the innermost repeat is the round; outer ones are parts (halves)
            number, of = step.rounds[-1]
            parts.append(t("run.round_of", n=number, total=of))
            parts.extend(t("run.part_of", n=n, total=total) for n, total in step.rounds[:-1])
        parts.append(self.step_position())
        return " · ".join(parts)

    def caption(self) -> str:
        runner = self.runner
        status = runner.state.status
        if status == "ready":
            return t("run.caption.ready")
        if status == "finished":
            return t("run.caption.finished")
        if runner.is_paused:
            return t("run.caption.paused")
        if runner.remaining() < 0:
            return t("run.caption.overtime")
        return t("run.caption.left", planned=format_duration(self.planned_of_current()))

    def planned_of_current(self) -> int:
        step = self.runner.step
        record = self.runner.state.steps[step.index]
        return step.duration + record.extra

    def planned_total(self) -> int:
        return sum(planned for _, planned, _ in self.runner.planned_vs_actual())

    def projected_text(self) -> str:
        end = self.runner.projected_end()
        planned = self.planned_end()
        text = t("run.projected", time=f"{end:%H:%M}")
        if planned is not None:
            delta = round((end - planned).total_seconds() / 60)
            if delta > 0:
                text += " " + t("run.projected_late", minutes=delta)
        return text

    def planned_end(self) -> datetime | None:
        started = self.runner.state.started_at
        if started is None:
            return None
        return started + timedelta(seconds=self.runner.plan.total)

    # -- entries and go-arounds -----------------------------------------------------

    def recent_entries(self, limit: int = 4) -> str:
        entries = self.runner.state.entries_of(self.runner.state.current)
        lines = []
        for entry in entries[-limit:]:
            label = t(ENTRY_LABELS[entry.kind])
            who = entry.participant or entry.owner
            if entry.due:
                who = f"{who}, " if who else ""
                who += t("summary.due", date=format_due(entry.due, get_language()))
            prefix = f"{label} ({who})" if who else label
            first_line = entry.text.splitlines()[0] if entry.text else ""
            lines.append(f"• {prefix}: {first_line}")
        hidden = len(entries) - limit
        if hidden > 0:
            lines.insert(0, t("run.more_entries", count=hidden))
        return "\n".join(lines)

    def spoken_in_step(self) -> set[str]:
        state = self.runner.state
        spoken = {
            e.participant for e in state.entries_of(state.current, "statement") if e.participant
        }
        return spoken | self._skipped.get(state.current, set())

    def passed_in_step(self) -> set[str]:
        return self._skipped.get(self.runner.state.current, set())

    def next_speaker(self) -> str | None:
        done = self.spoken_in_step()
        return next((n for n in self.runner.step.go_around if n not in done), None)

    def skip_speaker(self, name: str) -> None:
        self._skipped.setdefault(self.runner.state.current, set()).add(name)

    def participant_name(self, typed: str) -> str | None:
        """`fleur` -> `Fleur` when she is in the room; anyone else as typed."""
        name = " ".join(typed.split())
        folded = name.casefold()
        found = (p for p in self.runner.plan.setup.participants if p.casefold() == folded)
        return next(found, name) or None

    def save_capture(self, kind: str, values: list[str]) -> list[tuple[str, str]]:
        """Store what the capture bar collected; returns (message, severity) to show.

        `kind` is note, insight, action, or `statement:<name>` in a go-around,
        where an empty answer means the person passed. A refused entry raises
        the runner's SessionError (an IntervisieError) and nothing is stored.
        """
        runner = self.runner
        if kind.startswith("statement:"):
            name = kind.split(":", 1)[1]
            if values[0].strip():
                runner.add_statement(name, values[0])
            else:
                self.skip_speaker(name)
            return []
        if kind != "action":
            getattr(runner, f"add_{kind}")(values[0])
            return [(t(f"capture.saved.{kind}"), "information")]
        text, owner, due_text = values
        messages = []
        try:
            due = parse_due(due_text, runner.clock.now().date())
        except ValueError:
            due = None
            messages.append((t("capture.bad_due", text=due_text), "warning"))
        runner.add_action(text, self.participant_name(owner), due)
        return [*messages, (t("capture.saved.action"), "information")]

    # -- clock and alerts -------------------------------------------------------------

    def seconds_to_next_change(self) -> float:
        """Delay until the shown second changes (countdown rounds up, overtime down)."""
        runner = self.runner
        if runner.state.status != "running":
            return 1.0
        remaining = runner.remaining()
        if remaining > 0:
            delay = remaining % 1.0 or 1.0  # shown rounded up: changes at the whole second
        else:
            delay = 1.0 - (-remaining % 1.0)  # overtime shown rounded down
        return max(0.02, delay) + 0.005  # just after the change, never before it

    def poll_alerts(self) -> list[Alert]:
        alerts = self.runner.poll_alerts()
        if alerts:
            self.alerter.alert(self.runner.step.sound)  # type: ignore[arg-type]
        return alerts

    def alert_text(self, alert: Alert) -> str:
        if alert.kind == "zero":
            return t("alert.zero", step=self.runner.plan.steps[alert.step_index].name)
        return t("alert.warning", left=format_duration(alert.threshold_seconds))

    # -- companions -------------------------------------------------------------------

    def open_items(self) -> tuple[OpenItem, ...]:
        return self.runner.plan.setup.open_items

    def followup_text(self) -> str:
        """The look-back step: a question for last time's inbrenger, then every open item."""
        setup = self.runner.plan.setup
        lines = []
        if setup.previous_inbrenger:
            names = ", ".join(setup.previous_inbrenger)
            lines += [t("followup.ask_inbrenger", name=names), ""]
        decided = self.runner.state.followups
        for item in setup.open_items:
            decision = decided.get(item.key)
            mark = t(f"followup.{decision.decision}") if decision else t("followup.open")
            owner = f"{item.owner}: " if item.owner else ""
            lines.append(f"• {owner}{item.text}  [{mark}]")
        if setup.open_items:
            lines += ["", t("followup.hint")]
        return "\n".join(lines)

    def log_path(self) -> Path | None:
        return getattr(self.log, "path", None)

    def new_log_error(self) -> str | None:
        """The log's write error, once: the UI tells the user and offers another folder."""
        error = getattr(self.log, "error", None)
        if error is None:
            self._reported_log_error = None
            return None
        if str(error) == self._reported_log_error:
            return None
        self._reported_log_error = str(error)
        return str(error)

    def relocate_log(self, folder: str) -> str:
        """Point the log at another folder; returns the message to show."""
        from intervisie_tui.core.logbook.writer import LogWriteError

        try:
            path = self.log.relocate(Path(folder).expanduser())
        except LogWriteError as problem:
            self._reported_log_error = str(problem)
            return str(problem)
        return t("run.log_relocated", path=str(path or folder))

    def open_followup(self, app: App, screen: Screen) -> None:
        from intervisie_tui.tui.screens.followup import FollowUpScreen

        app.push_screen(FollowUpScreen(self), lambda _: screen.render_state())  # type: ignore[attr-defined]

    def show_summary(self, app: App) -> None:
        """The session is over: let go of it (journal closed and archived) and show the summary."""
        from intervisie_tui.tui.screens.summary import SummaryScreen

        self.leave()
        app.switch_screen(SummaryScreen(self))

    def store(self) -> None:
        """Put a new session on disk, if it is not yet; raises IntervisieError when it cannot."""
        if self.pending_store is not None:
            self.pending_store()
            self.pending_store = None

    def leave(self) -> None:
        """The timekeeper quits: release the session so `intervisie resume` can take it.

        A finished session's journal is moved out of the way of the next start.
        """
        self.runner.close()
        if self.runner.is_finished and self.runner.on_disk:
            from intervisie_tui.core import store

            store.archive(self.runner.session_id)


def status_text(view: SessionView) -> str:
    """One plain line for screen readers and `tmux capture-pane`."""
    runner = view.runner
    step = runner.step
    remaining = format_clock(runner.remaining())
    state = {
        "ready": t("status.ready"),
        "running": t("status.running"),
        "paused": t("status.paused"),
        "finished": t("status.finished"),
    }[runner.state.status]
    return f"{view.step_position()}: {step.name} · {remaining} · {state}"  # end: progress line
