"""Plain-text rendering of one method for `intervisie methods show`.

Kept apart from cli/methods.py so the command module stays a thin list of
commands; plain text (no rich) so the command starts fast and pipes cleanly.
"""

from __future__ import annotations

import textwrap

from intervisie_tui.core.duration import format_duration
from intervisie_tui.core.library import LibraryEntry
from intervisie_tui.core.method import EXTRA_STEP_SECONDS, Method, Phase, Repeat, Role
from intervisie_tui.core.plan import has_own_evaluation, session_length
from intervisie_tui.i18n import get_language, t

WIDTH = 78


def minutes(seconds: int) -> int | float:
    """Whole minutes as an int, otherwise minutes with two decimals."""
    return seconds // 60 if seconds % 60 == 0 else round(seconds / 60, 2)


def origin_label(origin: str) -> str:
    return t(f"methods.origin.{origin}")


def _wrap(text: str, indent: str) -> list[str]:
    out: list[str] = []
    for paragraph in text.strip().splitlines() or [""]:
        out.extend(
            textwrap.wrap(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent)
            or [indent.rstrip()]
        )
    return out


def render_method(entry: LibraryEntry) -> str:
    """Everything a timekeeper wants to see before choosing this method."""
    method = entry.method.in_language(get_language())
    lines = [f"{method.name} ({method.id})"]
    if method.description:
        lines += _wrap(method.description, "")
    lines.append("")
    lines.append(t("methods.show.source", source=method.source))
    if method.credits:
        lines += _wrap(t("methods.show.credits", credits=method.credits), "")
    size = method.group_size
    lines.append(t("methods.show.group", min=size.min, max=size.max))
    steps, seconds = session_length(method)
    lines.append(t("methods.show.total", minutes=minutes(seconds), steps=steps))
    lines.append(t("methods.show.file", path=entry.path, origin=origin_label(entry.origin)))
    lines += ["", t("methods.show.roles")]
    width = max(len(r.id) for r in method.roles)
    for role in method.roles:
        lines.append(f"  {role.id.ljust(width)}  {role.name} ({_role_count(role)})")
        if role.description:
            lines += _wrap(role.description, "  " + " " * (width + 2))
    lines += ["", t("methods.show.phases")]
    counter = [0]
    lines += _items(method, method.phases, "  ", counter)
    if not has_own_evaluation(method):
        added = t("methods.show.added")
        name = t("plan.evaluation.name")
        lines.append(
            f"  {counter[0] + 1}. {name}  {format_duration(EXTRA_STEP_SECONDS)}  ({added})"
        )
    return "\n".join(lines)


def _role_count(role: Role) -> str:
    if role.rest:
        return t("methods.show.role.rest")
    if role.max is not None and role.min == role.max:
        text = t("methods.show.role.exactly", count=role.min)
    elif role.max is not None:
        key = "methods.show.role.between" if role.min else "methods.show.role.at_most"
        text = t(key, min=role.min, max=role.max)
    elif role.min:
        text = t("methods.show.role.at_least", min=role.min)
    else:
        text = t("methods.show.role.any")
    return text + (t("methods.show.role.exclusive") if role.exclusive else "")


def _items(
    method: Method, items: list[Phase | Repeat], indent: str, counter: list[int]
) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, Repeat):
            lines.append(indent + _block_title(method, item))
            lines += _items(method, item.phases, indent + "   ", counter)
        else:
            counter[0] += 1
            lines += _phase(method, item, indent, counter[0])
    return lines


def _block_title(method: Method, block: Repeat) -> str:
    if block.name:
        title = t("methods.show.repeat_named", rounds=block.repeat, name=block.name)
    else:
        title = t("methods.show.repeat", rounds=block.repeat)
    if block.rounds:
        rounds = block.rounds
        title += t("methods.show.rounds", min=rounds.min, max=rounds.max, id=block.id)
    if block.swap:
        first, second = (_role_name(method, r) for r in block.swap)
        title += t("methods.show.swap", first=first, second=second)
    if block.rotate:
        roles = ", ".join(_role_name(method, r) for r in block.rotate)
        title += t("methods.show.rotate", roles=roles)
    return title + ":"


def _role_name(method: Method, role_id: str) -> str:
    role = method.role(role_id)
    return role.name if role else role_id


def _phase(method: Method, phase: Phase, indent: str, number: int) -> list[str]:
    head = f"{indent}{number}. {phase.name}  {format_duration(phase.duration)}"
    flags = []
    if phase.optional:
        flags.append(
            t("methods.show.optional_on" if phase.enabled else "methods.show.optional_off")
        )
    if not phase.countdown:
        flags.append(t("methods.show.counts_up"))
    if phase.go_around and phase.go_around.per_person is not None:
        flags.append(t("methods.show.per_person", each=format_duration(phase.go_around.per_person)))
    if phase.warn_at is not None:
        flags.append(
            t("methods.show.warn", at=", ".join(format_duration(w) for w in phase.warnings))
        )
    lines = [head + (f"  ({'; '.join(flags)})" if flags else "")]
    inner = indent + "   "
    if phase.instruction:
        lines += _wrap(phase.instruction, inner)
    for role_id, text in phase.prompts.items():
        lines += _wrap(f"{_role_name(method, role_id)}: {text}", inner)
    if phase.go_around:
        role = _role_name(method, phase.go_around.role)
        lines += _wrap(t("methods.show.go_around", role=role, prompt=phase.go_around.prompt), inner)
    if phase.pairs:
        first, second = (
            _role_name(method, phase.pairs.first),
            _role_name(method, phase.pairs.second),
        )
        lines.append(inner + t("methods.show.pairs", first=first, second=second))
    if phase.capture:
        captured = ", ".join(t(f"methods.capture.{c}") for c in phase.capture)
        lines.append(inner + t("methods.show.capture", what=captured))
    return lines
