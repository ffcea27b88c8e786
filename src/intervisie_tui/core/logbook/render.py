"""SessionState -> the Markdown session log, in the session's language.

Front matter first (see front.py), then the help question, the agenda with
planned (+/- shown), actual, difference and pauses per step (core/timing.py,
as the summary screen shows them), the look-back on earlier action items, what
was captured per step, and the closing sections: all insights, all action
items, the evaluation. All user text goes through markdown.py; action items
through items.py. Rendering is pure: the same state gives the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple
from datetime import datetime

from intervisie_tui import __version__
from intervisie_tui.core.logbook.front import LOG_FORMAT, LogFront, dump_front
from intervisie_tui.core.logbook.items import LogItem, item_key, render_item
from intervisie_tui.core.logbook.markdown import escape_block, escape_cell, escape_line
from intervisie_tui.core.method import iter_phases
from intervisie_tui.core.plan import Plan, Step
from intervisie_tui.core.setup import OpenItem, has_case
from intervisie_tui.core.state import Entry, SessionState
from intervisie_tui.core.timing import TimeCells, row_cells, timesheet, total_cells
from intervisie_tui.i18n import t_lang

FOLLOWUP_ORDER = ("done", "continued", "dropped", "open")


def session_start(state: SessionState, now: datetime | None = None) -> datetime:
    """When the session started (before the first step: when it was set up)."""
    return state.started_at or state.created_at or now or datetime.now().astimezone()


def log_front(state: SessionState, *, app_version: str = __version__, now=None) -> LogFront:
    plan, setup = state.plan, state.plan.setup
    start = session_start(state, now)
    return LogFront(
        format=LOG_FORMAT,
        method=plan.method.id,
        method_name=plan.method.name,
        group=setup.group,
        date=start.date(),
        start=f"{start:%H:%M}",
        end=f"{state.finished_at:%H:%M}" if state.finished_at else None,
        status="finished" if state.status == "finished" else "running",
        language=setup.language,
        participants=list(setup.participants),
        **_attendance(state),
        roles={role: list(names) for role, names in plan.holders.items() if names},
        role_names={role.id: role.name for role in plan.method.roles},
        case_title=setup.case_title,
        question=setup.question,
        sharpened_question=state.sharpened,
        session_id=state.session_id,
        app_version=app_version,
    )


def _attendance(state: SessionState) -> dict[str, list[str]]:
    """The front matter's absent, late and left_early lists, from the session's presence."""
    marks = {"absent": "absent", "late": "late", "left": "left_early"}
    lists: dict[str, list[str]] = {key: [] for key in marks.values()}
    for name, (mark, _) in state.presence().items():
        if mark in marks:
            lists[marks[mark]].append(name)
    return lists


def render_log(
    state: SessionState, *, app_version: str = __version__, now: datetime | None = None
) -> str:
    """The whole log file for `state`."""
    front = log_front(state, app_version=app_version, now=now)
    writer = _Renderer(state, front)
    blocks = [
        writer.title(),
        writer.attendance(),
        writer.question(),
        writer.agenda(),
        writer.followup(),
        writer.steps(),
        writer.all_insights(),
        writer.all_actions(),
        writer.evaluation(),
    ]
    return dump_front(front) + "\n" + "\n\n".join(b for b in blocks if b) + "\n"


def evaluation_steps(plan: Plan) -> list[Step]:
    """The steps the log shows under its closing `## Evaluatie` section, not under `## Verloop`."""
    evaluating = {phase.id for _, phase in iter_phases(plan.method.phases) if phase.evaluation}
    return [s for s in plan.steps if s.kind == "evaluation" or s.phase_id in evaluating]


def _cells(cells: TimeCells) -> str:
    return " | ".join(astuple(cells))


class _Renderer:
    def __init__(self, state: SessionState, front: LogFront) -> None:
        self.state = state
        self.front = front
        self.lang = front.language
        self.evaluation_steps = evaluation_steps(state.plan)
        self.by_step: dict[int, list[Entry]] = {}
        for entry in state.entries:
            self.by_step.setdefault(entry.step, []).append(entry)

    def t(self, key: str, **values: object) -> str:
        return t_lang(self.lang, f"log.{key}", **values)

    def section(self, key: str, *body: str) -> str:
        return "\n\n".join((f"## {self.t('h.' + key)}", *(b for b in body if b)))

    # -- head -------------------------------------------------------------------------

    def title(self) -> str:
        front, plan = self.front, self.state.plan
        when = f"{front.date.isoformat()}, {front.start}" + (f"–{front.end}" if front.end else "")
        lines = [
            f"# {escape_line(front.method_name)}: {escape_line(front.group)}",
            "",
            f"- {self.t('meta.date')}: {when}",
            f"- {self.t('meta.participants')}: {escape_line(', '.join(front.participants))}",
        ]
        for role in plan.method.roles:
            names = plan.holders.get(role.id, ())
            if names and not role.rest:
                lines.append(f"- {escape_line(role.name)}: {escape_line(', '.join(names))}")
        if front.case_title:
            lines.append(f"- {self.t('meta.case')}: {escape_block(front.case_title, 2)}")
        if front.status == "running":
            lines += ["", f"*{self.t('meta.running')}*"]
        return "\n".join(lines)

    def attendance(self) -> str:
        """Who was there, came late, left early, was absent; only when not everyone was."""
        presence = self.state.presence()
        if all(mark == "present" for mark, _ in presence.values()):
            return ""
        lines = []
        for mark in ("present", "late", "left", "absent"):
            names = [
                escape_line(name) + (f" ({at:%H:%M})" if at else "")
                for name, (held, at) in presence.items()
                if held == mark
            ]
            if names:
                lines.append(f"- {self.t('attendance.' + mark)}: {', '.join(names)}")
        return self.section("attendance", "\n".join(lines))

    def question(self) -> str:
        """The question as brought in and, when sharpened, the sharpened one below it;
        speedsparren has no help question to leave empty."""
        text, sharpened = self.front.question, self.front.sharpened_question
        if not text and not sharpened and not has_case(self.state.plan.method):
            return ""
        body = escape_block(text) if text else self.t("none")
        if sharpened:
            body += f"\n\n**{self.t('question.sharpened')}:** {escape_block(sharpened)}"
        return self.section("question", body)

    def agenda(self) -> str:
        """Planned (with +/-), actual, difference and pauses: the summary screen's numbers."""
        sheet = timesheet(self.state)
        cols = ("step", "planned", "actual", "diff", "paused")
        head = [
            "| # | " + " | ".join(self.t(f"col.{col}") for col in cols) + " |",
            "| --: | --- | --: | --: | --: | --: |",
        ]
        for row in sheet.rows:
            cells = row_cells(row, sheet.finished, self.lang)
            name = escape_cell(self.step_name(row.step))
            head.append(f"| {row.step.index + 1} | {name} | {_cells(cells)} |")
        total = total_cells(sheet, self.lang)
        bold = TimeCells(*(f"**{cell}**" if cell else "" for cell in astuple(total)))
        head.append(f"| | **{self.t('total')}** | {_cells(bold)} |")
        return self.section("agenda", "\n".join(head))

    def step_name(self, step: Step) -> str:
        """`Vraag (ronde 2/4, Inbrenger: Bo)`: the round, and who holds a rotating role in it."""
        details = []
        if step.rounds:
            number, of = step.rounds[-1]
            details.append(self.t("round", number=number, of=of))
        details += [f"{role}: {', '.join(names)}" for role, names in step.rotating if names]
        return f"{step.name} ({', '.join(details)})" if details else step.name

    # -- look back --------------------------------------------------------------------

    def followup(self) -> str:
        setup = self.state.plan.setup
        if not setup.open_items:
            return ""
        parts = []
        if setup.previous_inbrenger:
            names = escape_line(", ".join(setup.previous_inbrenger))
            parts.append(f"{self.t('followup.previous')}: {names}")
        for decision in FOLLOWUP_ORDER:
            chosen = [item for item in setup.open_items if self._decision(item) == decision]
            lines = [self.followup_item(item) for item in chosen]
            if lines:
                parts.append(f"### {self.t('followup.' + decision)}\n\n" + "\n".join(lines))
        return self.section("followup", *parts)

    def _decision(self, item: OpenItem) -> str:
        decided = self.state.followups.get(item.key)
        return decided.decision if decided else "open"

    def followup_item(self, item: OpenItem) -> str:
        decision = self._decision(item)
        line = render_item(self._carried(item, decision), self.lang)
        detail = []
        if item.session_date:
            detail.append(self.t("followup.from", date=item.session_date.isoformat()))
        decided = self.state.followups.get(item.key)
        if decided and decided.note:
            detail.append(decided.note)
        if detail:
            line += "\n  - " + escape_block(" · ".join(detail), 4)
        return line

    def _carried(self, item: OpenItem, decision: str | None) -> LogItem:
        done, dropped = decision == "done", decision == "dropped"
        return LogItem(
            item.key, item.text, item.owner, item.due, done, dropped=dropped, decision=decision
        )

    # -- per step ---------------------------------------------------------------------

    def steps(self) -> str:
        blocks = []
        skip = {step.index for step in self.evaluation_steps}
        for step in self.state.plan.steps:
            if step.index in skip:
                continue
            content = self.step_content(step, level=4)
            if content:
                name = escape_line(self.step_name(step))
                blocks.append(f"### {step.index + 1}. {name}\n\n{content}")
        return self.section("steps", *blocks) if blocks else ""

    def step_content(self, step: Step, level: int) -> str:
        entries = self.by_step.get(step.index, [])
        hashes = "#" * level
        parts = [self.swap(step), self.pairs(step, hashes)]
        said = self.state.said(step.index)  # who passed and spoke when asked again: spoke
        passed = dict.fromkeys(n for n in self.state.steps[step.index].passed if n not in said)
        for kind, key, render in (
            ("note", "sub.notes", self.bullet),
            ("insight", "sub.insights", self.bullet),
            ("statement", "sub.statements", self.statement),
            ("action", "sub.actions", self.action),
        ):
            chosen = [e for e in entries if e.kind == kind]
            lines = [render(e) for e in chosen]
            if kind == "statement":  # in speaking order: who spoke and who passed
                turns = [(e.participant or "", render(e)) for e in chosen]
                turns += [(name, self.passed(name)) for name in passed]
                order = {name: position for position, name in enumerate(step.go_around)}
                turns.sort(key=lambda turn: order.get(turn[0], len(order)))  # stable
                lines = [line for _, line in turns]
            if not lines:
                continue
            block = f"{hashes} {self.t(key)}\n\n"
            if kind == "statement" and step.go_around_prompt:
                block += escape_block(step.go_around_prompt) + "\n\n"
            parts.append(block + "\n".join(lines))
        return "\n\n".join(part for part in parts if part)

    def swap(self, step: Step) -> str:
        """The roles changing hands before this round (speedsparren's second half)."""
        if not step.swapped:
            return ""
        method = self.state.plan.method
        first, second = (
            escape_line(role.name if (role := method.role(role_id)) else role_id)
            for role_id in step.swapped
        )
        return f"*{self.t('swapped', first=first, second=second)}*"

    def pairs(self, step: Step, hashes: str) -> str:
        """Who sat with whom this round: the first of each pair holds the first role."""
        if not step.pairs:
            return ""
        lines = [f"- {escape_line(a)} & {escape_line(b)}" for a, b in step.pairs]
        return f"{hashes} {self.t('sub.pairs')}\n\n" + "\n".join(lines)

    def bullet(self, entry: Entry) -> str:
        return "- " + escape_block(entry.text, 2)

    def statement(self, entry: Entry) -> str:
        if not entry.participant:
            return self.bullet(entry)
        return f"- {escape_line(entry.participant, colon=True)}: {escape_block(entry.text, 2)}"

    def passed(self, name: str) -> str:
        return f"- {escape_line(name, colon=True)}: *{self.t('passed')}*"

    def action(self, entry: Entry) -> str:
        key = item_key(self.state.session_id, entry.id)
        return render_item(LogItem(key, entry.text, entry.owner, entry.due), self.lang)

    # -- closing ----------------------------------------------------------------------

    def _all(self, kind: str, render: Callable[[Entry], str]) -> list[str]:
        return [render(e) for e in self.state.entries if e.kind == kind]

    def all_insights(self) -> str:
        lines = self._all("insight", self.bullet)
        return self.section("insights", "\n".join(lines) if lines else self.t("none"))

    def all_actions(self) -> str:
        carried = [
            render_item(self._carried(item, self._decision(item)), self.lang)
            for item in self.state.plan.setup.open_items
            if self._decision(item) in ("continued", "open")
        ]
        lines = carried + self._all("action", self.action)
        return self.section("actions", "\n".join(lines) if lines else self.t("none"))

    def evaluation(self) -> str:
        contents = [self.step_content(step, level=3) for step in self.evaluation_steps]
        body = "\n\n".join(c for c in contents if c)
        if not body:
            visited = {r.index for r in self.state.steps if r.visited}
            held = any(step.index in visited for step in self.evaluation_steps)
            if held:
                body = self.t("evaluation.empty")
            elif self.front.status == "finished" or not self.evaluation_steps:
                body = self.t("evaluation.skipped")
            else:
                body = self.t("evaluation.pending")
        return self.section("evaluation", body)
