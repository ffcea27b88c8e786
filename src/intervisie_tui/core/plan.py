"""Method + setup -> Plan: the flat list of timed steps of this session.

Rounds are unrolled (as many as chosen at setup), role swaps (marked on the
step after them) and rotations applied, go-arounds bound to real names in
participant order, time per person turned into the step's time, rotating pairs
computed (core/pairs.py) and prompts kept for the roles somebody holds, so that
everything downstream (runner, TUI, log) works on plain steps and never
re-interprets the method.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from intervisie_tui.core.method import (
    EXTRA_STEP_SECONDS,
    Method,
    Phase,
    Repeat,
    Sound,
    iter_phases,
)
from intervisie_tui.core.pairs import PairRotation
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.i18n import t_lang

StepKind = Literal["phase", "followup", "evaluation"]


@dataclass(frozen=True)
class RolePrompt:
    """What one role does in a step, with the names of who holds it now."""

    role_id: str
    role_name: str
    holders: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Step:
    """One timed step of the plan."""

    index: int
    phase_id: str
    name: str
    duration: int
    """Planned seconds."""
    planned_start: int
    """Planned offset from the session start, in seconds."""
    kind: StepKind = "phase"
    instruction: str = ""
    prompts: tuple[RolePrompt, ...] = ()
    capture: tuple[str, ...] = ("notes", "insights", "actions")
    go_around: tuple[str, ...] = ()
    """Names that speak in turn, in order (empty: no go-around)."""
    go_around_prompt: str = ""
    pairs: tuple[tuple[str, str], ...] = ()
    """(first role's holder, partner) per pair this round; see core/pairs.py."""
    swapped: tuple[str, ...] = ()
    """The two roles whose holders swapped just before this step (speedsparren's halves)."""
    rounds: tuple[tuple[int, int], ...] = ()
    """(round, of) for every enclosing repeat, outermost first."""
    block: str | None = None
    warn_at: tuple[int, ...] = (60, 0)
    sound: Sound | None = None
    """The phase's own alert sound; None: the app's setting."""
    per_person: int | None = None
    """Go-around: seconds for each speaker (the step's time is this times the speakers)."""
    counts_up: bool = False
    """No countdown: the clock counts the time spent, without overtime or warnings."""
    rotating: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(role name, holders) of the roles that rotate in this round: who holds them now."""

    @property
    def planned_end(self) -> int:
        return self.planned_start + self.duration

    @property
    def is_go_around(self) -> bool:
        return bool(self.go_around)


@dataclass(frozen=True)
class Plan:
    method: Method
    setup: SessionSetup
    steps: tuple[Step, ...]
    holders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Role holders at the start of the session (before any swap)."""

    @property
    def total(self) -> int:
        return sum(step.duration for step in self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def is_last(self, index: int) -> bool:
        """Step `index` is the last: after it comes the finish, not a next step."""
        return index >= len(self.steps) - 1


def build_plan(method: Method, setup: SessionSetup) -> Plan:
    """Expand `method` for the people in `setup` (assumed valid: see validate_setup).

    The texts are in the session's language where the method file has them.
    """
    method = method.in_language(setup.language)
    holders = setup.holders(method)
    steps: list[Step] = []
    if setup.followup:
        steps.append(_extra_step("followup", 0, 0, setup.language))
    _expand(method, setup, method.phases, dict(holders), (), None, steps, PairRotation())
    if setup.evaluation and not has_own_evaluation(method):
        steps.append(_extra_step("evaluation", len(steps), _next_start(steps), setup.language))
    return Plan(method=method, setup=setup, steps=tuple(steps), holders=holders)


def holders_per_round(plan: Plan) -> dict[str, list[str]]:
    """Role name -> who holds the rotating role, round after round (`An`, `Bo`, ...)."""
    found: dict[str, dict[tuple[tuple[int, int], ...], str]] = {}
    for step in plan.steps:
        for role, names in step.rotating:
            found.setdefault(role, {}).setdefault(step.rounds, ", ".join(names))
    return {role: list(rounds.values()) for role, rounds in found.items()}


def has_own_evaluation(method: Method) -> bool:
    """The method evaluates the meeting itself, so the app adds no evaluation step."""
    return any(phase.evaluation for _, phase in iter_phases(method.phases))


def session_length(
    method: Method,
    rounds: Mapping[str, int] | None = None,
    toggles: Mapping[str, bool] | None = None,
    evaluation: bool = True,
    followup: bool = False,
) -> tuple[int, int]:
    """Steps and seconds the session will take, the steps the app adds included.

    What `list`, `show` and the setup screen say before there is a plan; with
    the defaults, an evaluation step is added unless the method has its own.
    """
    steps, seconds = method.length(rounds, toggles)
    added = int(followup) + int(evaluation and not has_own_evaluation(method))
    return steps + added, seconds + added * EXTRA_STEP_SECONDS


def _expand(
    method: Method,
    setup: SessionSetup,
    items: list[Phase | Repeat],
    holders: dict[str, tuple[str, ...]],
    rounds: tuple[tuple[int, int], ...],
    block: str | None,
    out: list[Step],
    pairing: PairRotation,
    rotates: frozenset[str] = frozenset(),
) -> None:
    for item in items:
        if isinstance(item, Repeat):
            inner = dict(holders)  # swaps and rotations hold inside the block only
            count = rounds_chosen(item, setup)
            for number in range(1, count + 1):
                here = (*rounds, (number, count))
                before = len(out)
                now = rotate_roles(inner, item.rotate or [], setup.participants, number - 1)
                name = item.name or block
                turning = rotates | set(item.rotate or [])
                _expand(method, setup, item.phases, now, here, name, out, pairing, turning)
                if item.swap and number > 1 and len(out) > before:
                    out[before] = replace(out[before], swapped=tuple(item.swap))
                if item.swap:
                    a, b = item.swap
                    inner[a], inner[b] = inner[b], inner[a]
            continue
        if not _enabled(item, setup):
            continue
        start = _next_start(out)
        step = _phase_step(method, item, holders, rounds, block, len(out), start, pairing, rotates)
        step = _go_around_in_order(step, item, holders, setup.participants)
        if item.go_around and item.go_around.per_person is not None:
            step = replace(step, duration=item.go_around.per_person * len(step.go_around))
        out.append(step)


def rounds_chosen(block: Repeat, setup: SessionSetup) -> int:
    """The block's rounds in this session: chosen at setup, else the method's `repeat`."""
    if block.rounds is None:
        return block.repeat
    return setup.rounds.get(block.id or "", block.repeat)


def rotate_roles(
    holders: dict[str, tuple[str, ...]],
    role_ids: list[str],
    order: tuple[str, ...],
    shift: int,
) -> dict[str, tuple[str, ...]]:
    """Who holds what when each role in `role_ids` has passed on `shift` places in `order`.

    The new holder and the previous one trade places: the previous holder takes
    the new one's place in every other role (back among the leden, say), so a
    rotation never gives anyone two roles or leaves a role empty.
    """
    result = dict(holders)
    if not shift or not order:
        return result
    for role_id in role_ids:
        before = result.get(role_id, ())
        after = tuple(
            order[(order.index(name) + shift) % len(order)] if name in order else name
            for name in before
        )
        trade = dict(zip(after, before, strict=True)) | dict(zip(before, after, strict=True))
        for other, names in result.items():
            if other != role_id:
                result[other] = tuple(trade.get(name, name) for name in names)
        result[role_id] = after
    return result


def _go_around_in_order(
    step: Step, phase: Phase, holders: dict[str, tuple[str, ...]], participants: tuple[str, ...]
) -> Step:
    """Go-arounds follow the order of the participant list, not of the role assignment.

    The holders of the go-around's `last` role speak after everyone else (the
    inbrenger says last what they take from an evaluation round).
    """
    if not phase.go_around:
        return step
    order = {name: position for position, name in enumerate(participants)}
    last = holders.get(phase.go_around.last, ()) if phase.go_around.last else ()
    first = [name for name in holders.get(phase.go_around.role, ()) if name not in last]

    def in_order(names: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(names, key=lambda name: order.get(name, len(order))))

    return replace(step, go_around=in_order(first) + in_order(last))


def _enabled(phase: Phase, setup: SessionSetup) -> bool:
    if not phase.optional:
        return True
    return setup.phase_toggles.get(phase.id or "", phase.enabled)


def _next_start(steps: list[Step]) -> int:
    return steps[-1].planned_end if steps else 0


def _phase_step(
    method: Method,
    phase: Phase,
    holders: dict[str, tuple[str, ...]],
    rounds: tuple[tuple[int, int], ...],
    block: str | None,
    index: int,
    start: int,
    pairing: PairRotation,
    rotates: frozenset[str],
) -> Step:
    prompts = tuple(  # a role nobody holds has nobody to say it to
        RolePrompt(role.id, role.name, holders[role.id], phase.prompts[role.id])
        for role in method.roles
        if role.id in phase.prompts and holders.get(role.id)
    )
    go_prompt = phase.go_around.prompt if phase.go_around else ""
    rotating = tuple(
        (role.name, holders.get(role.id, ())) for role in method.roles if role.id in rotates
    )
    pairs: tuple[tuple[str, str], ...] = ()
    if phase.pairs:
        first, second = (holders.get(phase.pairs.first, ()), holders.get(phase.pairs.second, ()))
        pairs = pairing.next_round(first, second)
    return Step(
        index=index,
        phase_id=phase.id or "stap",
        name=phase.name,
        duration=phase.duration,
        planned_start=start,
        instruction=phase.instruction,
        prompts=prompts,
        capture=tuple(phase.capture),
        go_around_prompt=go_prompt,
        pairs=pairs,
        rounds=rounds,
        block=block,
        warn_at=() if not phase.countdown else phase.warnings,
        sound=phase.sound,
        per_person=phase.go_around.per_person if phase.go_around else None,
        counts_up=not phase.countdown,
        rotating=rotating,
    )


def _extra_step(kind: StepKind, index: int, start: int, lang: str) -> Step:
    """The look-back and closing-evaluation steps the app adds around a method."""
    return Step(
        index=index,
        phase_id=kind,
        name=t_lang(lang, f"plan.{kind}.name"),
        duration=EXTRA_STEP_SECONDS,
        planned_start=start,
        kind=kind,
        instruction=t_lang(lang, f"plan.{kind}.instruction"),
        capture=("notes", "insights", "actions"),
    )
