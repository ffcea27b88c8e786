"""Checks across a method's fields that pydantic cannot express field by field.

An undefined role in a prompt, two roles with one id, a swap of a role with
itself, a plan too big to expand: each is reported with its exact field path,
so the loader can point at the line in the file. Kept apart from the models so
method.py stays about shape. Everything here runs at load, before any plan is
built, so a file that loads can always be expanded and run.
"""

from __future__ import annotations

import difflib
from typing import Any, Final

from intervisie_tui.core.duration import format_duration
from intervisie_tui.core.method import (
    EXTRA_STEP_SECONDS,
    Method,
    Phase,
    Repeat,
    iter_phases,
    measure,
)
from intervisie_tui.i18n import t

MAX_PLAN_STEPS: Final = 500
"""Most steps a session can have, every round and optional step included."""
MAX_PLAN_SECONDS: Final = 12 * 3600
"""Longest a session can be planned, every round and optional step included."""
ADDED_STEPS: Final = 2
"""The look-back and evaluation steps the app may add (plan.py)."""


def _iter_repeats(
    items: list[Phase | Repeat], path: tuple[Any, ...] = ("phases",)
) -> list[tuple[tuple[Any, ...], Repeat]]:
    found: list[tuple[tuple[Any, ...], Repeat]] = []
    for index, item in enumerate(items):
        if isinstance(item, Repeat):
            here = (*path, index)
            found.append((here, item))
            found.extend(_iter_repeats(item.phases, (*here, "phases")))
    return found


def reference_problems(method: Method) -> list[tuple[tuple[Any, ...], str]]:
    """Cross-field problems as (field path, message): undefined roles, duplicate ids."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    role_ids = [r.id for r in method.roles]
    known = set(role_ids)

    def unknown(path: tuple[Any, ...], role_id: str) -> None:
        if role_id not in known:
            hint = did_you_mean(role_id, role_ids)
            listed = ", ".join(dict.fromkeys(role_ids))
            message = t("load.ref.unknown_role", role=role_id, hint=hint, roles=listed)
            problems.append((path, message))

    seen: set[str] = set()
    for index, role_id in enumerate(role_ids):
        if role_id in seen:
            problems.append((("roles", index, "id"), t("load.ref.role_twice", role=role_id)))
        seen.add(role_id)
    if sum(1 for r in method.roles if r.rest) > 1:
        problems.append((("roles",), t("load.ref.two_rest")))

    phase_ids: set[str] = set()
    for path, phase in iter_phases(method.phases):
        if phase.id in phase_ids:
            # optional phases are switched on and off by id, so ids must be unique
            problems.append(((*path, "id"), t("load.ref.phase_twice", phase=phase.id)))
        phase_ids.add(phase.id or "")
        for role_id in phase.prompts:
            unknown((*path, "prompts", role_id), role_id)
        if phase.go_around:
            unknown((*path, "go_around", "role"), phase.go_around.role)
            if phase.go_around.last is not None:
                unknown((*path, "go_around", "last"), phase.go_around.last)
        if phase.pairs:
            unknown((*path, "pairs", "first"), phase.pairs.first)
            unknown((*path, "pairs", "second"), phase.pairs.second)
        if phase.warn_at is not None and any(w > phase.duration for w in phase.warn_at):
            problems.append(((*path, "warn_at"), t("load.ref.warn_too_early")))
        problems += _phase_problems(path, phase)
    evaluations = [path for path, phase in iter_phases(method.phases) if phase.evaluation]
    problems += [((*path, "evaluation"), t("load.ref.two_evaluations")) for path in evaluations[1:]]
    block_ids: set[str] = set()
    for path, block in _iter_repeats(method.phases):
        for index, role_id in enumerate(block.swap or []):
            unknown((*path, "swap", index), role_id)
        for index, role_id in enumerate(block.rotate or []):
            unknown((*path, "rotate", index), role_id)
        problems += _block_problems(method, path, block)
        if block.rounds and block.id in block_ids:
            problems.append(((*path, "id"), t("load.ref.block_twice", block=block.id)))
        block_ids.add(block.id or "")
    problems += _size_problems(method)
    problems += _translation_problems(method, role_ids)
    return problems


def _translation_problems(method: Method, role_ids: list[str]) -> list[tuple[tuple[Any, ...], str]]:
    """A translation of a step, role or block the method does not have."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    phases = {phase.id or "": phase for _, phase in iter_phases(method.phases)}
    blocks = [block.id or "" for _, block in _iter_repeats(method.phases)]
    for lang, text in method.translations.items():
        here: tuple[Any, ...] = ("translations", lang)
        if lang == method.language:
            problems.append((here, t("load.ref.translation_same", lang=lang)))
        for kind, given, known in (
            ("roles", text.roles, role_ids),
            ("phases", text.phases, list(phases)),
            ("blocks", text.blocks, blocks),
        ):
            for key in given:
                if key not in known:
                    hint = did_you_mean(key, known)
                    message = t(f"load.ref.translation_{kind}", id=key, hint=hint)
                    problems.append(((*here, kind, key), message))
        for phase_id, phase_text in text.phases.items():
            phase = phases.get(phase_id)
            if phase is None:
                continue
            for role_id in phase_text.prompts:
                if role_id not in phase.prompts:
                    message = t("load.ref.translation_prompt", role=role_id, phase=phase_id)
                    problems.append(((*here, "phases", phase_id, "prompts", role_id), message))
            if phase_text.go_around is not None and phase.go_around is None:
                message = t("load.ref.translation_go_around", phase=phase_id)
                problems.append(((*here, "phases", phase_id, "go_around"), message))
    return problems


def _phase_problems(path: tuple[Any, ...], phase: Phase) -> list[tuple[tuple[Any, ...], str]]:
    """A step that would start in overtime, or a switch that does nothing."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    if phase.duration == 0 and phase.countdown:
        problems.append(((*path, "duration"), t("load.ref.zero_duration")))
    if phase.go_around and phase.go_around.per_person == 0:
        problems.append(((*path, "go_around", "per_person"), t("load.ref.zero_duration")))
    if not phase.enabled and not phase.optional:
        problems.append(((*path, "enabled"), t("load.ref.enabled_not_optional")))
    return problems


def _block_problems(
    method: Method, path: tuple[Any, ...], block: Repeat
) -> list[tuple[tuple[Any, ...], str]]:
    """A swap or rotation that never happens or gives a role too many holders."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    if block.swap and block.swap[0] == block.swap[1]:
        problems.append(((*path, "swap"), t("load.ref.swap_same")))
    if (block.swap or block.rotate) and block.most_rounds == 1:
        key = "swap" if block.swap else "rotate"
        problems.append(((*path, key), t("load.ref.one_round", key=key)))
    roles = {role.id: role for role in method.roles}
    if block.swap and all(role_id in roles for role_id in block.swap):
        first, second = (roles[role_id] for role_id in block.swap)
        for bounded, rest in ((first, second), (second, first)):
            if rest.rest and bounded.max is not None:
                message = t("load.ref.swap_rest", role=bounded.id, rest=rest.id)
                problems.append(((*path, "swap"), message))
    for index, role_id in enumerate(block.rotate or []):
        role = roles.get(role_id)
        if role is not None and role.rest:
            problems.append(((*path, "rotate", index), t("load.ref.rotate_rest", role=role_id)))
    if block.rounds and not block.rounds.min <= block.repeat <= block.rounds.max:
        message = t(
            "load.ref.repeat_outside",
            repeat=block.repeat,
            min=block.rounds.min,
            max=block.rounds.max,
        )
        problems.append(((*path, "repeat"), message))
    return problems


def _size_problems(method: Method) -> list[tuple[tuple[Any, ...], str]]:
    """A method too big to run, of no time at all, or for more people than it allows."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    steps, seconds = plan_bounds(method.phases, method.group_size.max)
    steps += ADDED_STEPS
    seconds += ADDED_STEPS * EXTRA_STEP_SECONDS
    if steps > MAX_PLAN_STEPS:
        problems.append((("phases",), t("load.ref.too_many_steps", max=MAX_PLAN_STEPS)))
    elif seconds > MAX_PLAN_SECONDS:
        limit = format_duration(MAX_PLAN_SECONDS)
        problems.append((("phases",), t("load.ref.too_long", max=limit)))
    if method.phase_count == 0:
        problems.append((("phases",), t("load.ref.all_off")))
    needed = people_needed(method)
    if needed > method.group_size.max:
        message = t("load.ref.roles_need_more", needed=needed, max=method.group_size.max)
        problems.append((("group_size", "max"), message))
    return problems


def plan_bounds(items: list[Phase | Repeat], speakers: int) -> tuple[int, int]:
    """Most steps and seconds a plan of `items` can have: every optional step on,
    every block at its most rounds, every go-around with `speakers` people."""

    def seconds_of(phase: Phase) -> int:
        per_person = phase.go_around.per_person if phase.go_around else None
        return phase.duration if per_person is None else per_person * speakers

    limit = (MAX_PLAN_STEPS, MAX_PLAN_SECONDS)
    return measure(items, lambda block: block.most_rounds, lambda _: True, seconds_of, limit)


def people_needed(method: Method) -> int:
    """Fewest people who can fill every role's `min`.

    Holders of exclusive roles are different people; everyone else may hold
    several roles, except the roles that divide the group (setup.split_group),
    which are held by different people.
    """
    exclusive = sum(role.min for role in method.roles if role.exclusive)
    shared = [role for role in method.roles if not role.exclusive]
    splits = sum(role.min for role in shared if role.divides_group)
    most = max((role.min for role in shared), default=0)
    return exclusive + max(splits, most)


def did_you_mean(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    """` (did you mean 'x'?)` for the closest candidate (translated), or an empty string."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return t("load.did_you_mean", word=close[0]) if close else ""
