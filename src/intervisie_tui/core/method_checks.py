"""Checks across a method's fields that pydantic cannot express field by field.

An undefined role in a prompt, two roles with one id, a swap of a role with
itself: each is reported with its exact field path, so the loader can point at
the line in the file. Kept apart from the models so method.py stays about shape.
"""

from __future__ import annotations

import difflib
from typing import Any

from intervisie_tui.core.method import Method, Phase, Repeat, iter_phases
from intervisie_tui.i18n import t


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
        if phase.pairs:
            unknown((*path, "pairs", "first"), phase.pairs.first)
            unknown((*path, "pairs", "second"), phase.pairs.second)
        if phase.warn_at is not None and any(w > phase.duration for w in phase.warn_at):
            problems.append(((*path, "warn_at"), t("load.ref.warn_too_early")))
    for path, block in _iter_repeats(method.phases):
        for index, role_id in enumerate(block.swap or []):
            unknown((*path, "swap", index), role_id)
        if block.swap and block.swap[0] == block.swap[1]:
            problems.append(((*path, "swap"), t("load.ref.swap_same")))
    return problems


def did_you_mean(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    """` (did you mean 'x'?)` for the closest candidate (translated), or an empty string."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return t("load.did_you_mean", word=close[0]) if close else ""
