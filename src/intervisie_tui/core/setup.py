"""Who is in the room: the setup of one session, validated against its method.

The setup is stored verbatim as the first journal event, so it is a pydantic
model that round-trips through JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from intervisie_tui.core.method import Method, Phase, Repeat, Role
from intervisie_tui.i18n import t
from intervisie_tui.safe_text import shown, unsafe_characters

MAX_GROUP_NAME = 100
ROUND_PROBLEMS = frozenset({"setup.unknown_block", "setup.rounds_outside"})
"""The setup problems about rounds chosen at setup (the command line checks them first)."""


class SetupProblem(ValueError):
    """A setup that cannot run; `key` and `values` feed the message catalog."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(f"{key}: {values}")


class OpenItem(BaseModel):
    """An action item still open in an earlier session log of this group."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    key: str
    """Stable identity: the id in the item's `<!-- id=... -->` marker (core/logbook/items.py)."""
    text: str
    owner: str | None = None
    due: date | None = None
    source: str = ""
    """File name of the log the item comes from."""
    session_date: date | None = None


class SessionSetup(BaseModel):
    """Everything the timekeeper enters before the first phase starts."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    method_id: str
    group: str
    """Checked by validate_setup (empty, too long), so the screen can say what is wrong."""
    participants: tuple[str, ...]
    roles: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Explicit assignments, role id -> names; `holders` fills in the method's `rest` role."""
    case_title: str = ""
    question: str = ""
    phase_toggles: dict[str, bool] = Field(default_factory=dict)
    """Optional phases switched on (True) or off (False), by phase id; others keep their default."""
    rounds: dict[str, int] = Field(default_factory=dict)
    """Rounds chosen for the blocks whose number of rounds is chosen at setup, by block id."""

    followup: bool = False
    """Open with a look back at the open action items of earlier sessions."""
    open_items: tuple[OpenItem, ...] = ()
    """The open action items of earlier sessions shown in the look-back step."""
    previous_inbrenger: tuple[str, ...] = ()
    """Who brought the case last time: asked what they did with the advice."""
    absent: tuple[str, ...] = ()
    """Members of the group not there today (the log and `group show` count them)."""
    agreements: tuple[tuple[str, str], ...] = ()
    """The group's goal and agreements as (field, text), from its group file: looked at
    before the first step."""
    evaluation: bool = True
    """End with an evaluation of the meeting when the method has none of its own."""
    language: str = "nl"
    log_root: str = ""
    """The log folder root chosen when the session began, so `resume` writes the same log."""

    def holders(self, method: Method) -> dict[str, tuple[str, ...]]:
        """Every role of the method with the names holding it, `rest` role included."""
        result = {role.id: tuple(self.roles.get(role.id, ())) for role in method.roles}
        exclusive = exclusive_names(method, self.roles)
        for role in method.roles:
            if role.rest and not self.roles.get(role.id):
                result[role.id] = tuple(p for p in self.participants if p not in exclusive)
        return result

    @property
    def members(self) -> tuple[str, ...]:
        """Everyone whose attendance is kept: who is here, then who is not (yet)."""
        here = {name.casefold() for name in self.participants}
        return self.participants + tuple(n for n in self.absent if n.casefold() not in here)

    def roles_of(self, method: Method, name: str) -> list[Role]:
        held = self.holders(method)
        return [role for role in method.roles if name in held[role.id]]


def exclusive_names(method: Method, roles: Mapping[str, Sequence[str]]) -> set[str]:
    """Who holds an exclusive role of `method` in `roles` (role id -> names): the inbrenger.

    These people hold no other role (see `may_hold`), no `rest` role either (the
    inbrenger is no lid), and stay out of the halves of split_group.
    """
    return {name for role in method.roles if role.exclusive for name in roles.get(role.id, ())}


def may_hold(method: Method, role_id: str, held: Iterable[str]) -> bool:
    """Whether someone who holds the roles `held` may take `role_id` as well.

    The one rule for exclusive roles, for the suggestion and for roles typed or
    given on the command line alike: whoever holds one (the inbrenger) holds
    nothing else, so the person with their back turned in the roddelronde is
    never the one asked to give the sign.
    """
    others = [method.role(other) for other in held if other != role_id]
    if not others:
        return True
    role = method.role(role_id)
    if role is not None and role.exclusive:
        return False
    return not any(other is not None and other.exclusive for other in others)


def role_clashes(
    method: Method, roles: Mapping[str, Sequence[str]]
) -> list[tuple[str, tuple[str, ...]]]:
    """(name, role ids) of everyone `roles` gives an exclusive role and another one too."""
    held: dict[str, list[str]] = {}
    for role in method.roles:
        for name in roles.get(role.id, ()):
            held.setdefault(name, [])
            if role.id not in held[name]:
                held[name].append(role.id)
    return [
        (name, tuple(ids))
        for name, ids in held.items()
        if not all(may_hold(method, role_id, ids[:index]) for index, role_id in enumerate(ids))
    ]


def clash_problem(method: Method, name: str, role_ids: Sequence[str]) -> SetupProblem:
    """One line that names the person and the roles that cannot go together."""
    roles = [role for role_id in role_ids if (role := method.role(role_id)) is not None]
    names = [role.name for role in roles]
    listed = ", ".join(names[:-1]) + t("setup.and") + names[-1]
    exclusive = next(role.name for role in roles if role.exclusive)
    return SetupProblem("setup.role_clash", name=name, roles=listed, exclusive=exclusive)


def has_case(method: Method) -> bool:
    """Somebody brings in a case (the method has an exclusive role, the inbrenger).

    Only then does the setup ask for the case's title and the help question:
    in speedsparren or a ronde tafel everyone brings their own question.
    """
    return any(role.exclusive for role in method.roles)


def size_problem(method: Method, count: int) -> SetupProblem | None:
    """A group smaller or larger than the method is made for: said, not refused.

    The timekeeper may still start (after a yes on the setup screen, with
    `--force` on the command line): the room is as it is.
    """
    size = method.group_size
    if size.min <= count <= size.max:
        return None
    return SetupProblem(
        "setup.participant_count", count=count, method=method.name, min=size.min, max=size.max
    )


def split_group(
    method: Method, participants: tuple[str, ...], given: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Share everyone out over the roles that divide the group (vragenstellers/meedenkers).

    Those are the required, unbounded roles not in `given` (the roles already
    assigned, e.g. by rotation); people holding an exclusive role, or a given
    half already, stay out. Alternating keeps the halves even.
    """
    splits = [r for r in method.roles if r.divides_group and r.id not in given]
    if not splits:
        return {}
    taken = exclusive_names(method, given)
    taken |= {
        name
        for role in method.roles
        if role.id in given and role.divides_group
        for name in given[role.id]
    }
    people = [p for p in participants if p not in taken]
    return {role.id: tuple(people[index :: len(splits)]) for index, role in enumerate(splits)}


def split_names(text: str) -> tuple[str, ...]:
    """Names typed as `An, Bo, Cor` or one per line; blanks dropped, spaces tidied."""
    parts = re.split(r"[,;\n]", text)
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def text_problems(
    group: str = "", case_title: str = "", participants: Sequence[str] = (), question: str = ""
) -> Iterator[SetupProblem]:
    """A control character, escape sequence or line break in a name or title: refused.

    They would reach every screen, the log's title block and the next session.
    The question may have several lines, but no control characters either.
    """
    one_line = [("setup.field.group", group), ("setup.field.case", case_title)]
    one_line += [("setup.field.participant", name) for name in participants]
    for field, value in one_line:
        if "\n" in value or "\r" in value:
            yield SetupProblem("setup.line_break", field=t(field))
        elif found := unsafe_characters(value):
            yield SetupProblem("setup.control_character", field=t(field), char=shown(found[0][1]))
    if found := unsafe_characters(question.replace("\r\n", "\n")):
        field = t("setup.field.question")
        yield SetupProblem("setup.control_character", field=field, char=shown(found[0][1]))


def validate_setup(setup: SessionSetup, method: Method) -> list[SetupProblem]:
    """All reasons this setup cannot run with this method (empty list: fine).

    The group's size is not among them: see `size_problem`.
    """
    problems = list(
        text_problems(
            setup.group, setup.case_title, setup.participants + setup.absent, setup.question
        )
    )
    group = setup.group.strip()
    if not group:
        problems.append(SetupProblem("setup.group_empty"))
    elif len(group) > MAX_GROUP_NAME:
        problems.append(SetupProblem("setup.group_too_long", max=MAX_GROUP_NAME))
    names = setup.participants
    if not names:
        problems.append(SetupProblem("setup.nobody"))
    if not has_case(method) and (setup.case_title.strip() or setup.question.strip()):
        problems.append(SetupProblem("setup.no_case", method=method.name))
    seen: set[str] = set()
    for name in names:
        if not name.strip():
            problems.append(SetupProblem("setup.blank_name"))
            continue
        folded = name.casefold()
        if folded in seen:
            problems.append(SetupProblem("setup.duplicate_name", name=name))
        seen.add(folded)
    known_roles = {role.id for role in method.roles}
    for role_id, holders in setup.roles.items():
        if role_id not in known_roles:
            problems.append(SetupProblem("setup.unknown_role", role=role_id))
            continue
        for name in holders:
            if name not in names:
                problems.append(SetupProblem("setup.unknown_participant", name=name, role=role_id))
        for name in {n for n in holders if holders.count(n) > 1}:
            problems.append(SetupProblem("setup.duplicate_name", name=name))
    held = setup.holders(method)
    for role in method.roles:
        count = len(held[role.id])
        if count < role.min:
            problems.append(
                SetupProblem("setup.role_empty", role=role.name, min=role.min, count=count)
            )
        elif role.max is not None and count > role.max:
            problems.append(
                SetupProblem("setup.role_too_many", role=role.name, max=role.max, count=count)
            )
    problems += [
        clash_problem(method, name, ids) for name, ids in role_clashes(method, setup.roles)
    ]
    problems += _choice_problems(setup, method)
    return problems


def _choice_problems(setup: SessionSetup, method: Method) -> list[SetupProblem]:
    """Rounds outside the method's range, or for a block that chooses none."""
    problems = []
    blocks = {block.id: block for block in chosen_blocks(method)}
    for block_id, count in setup.rounds.items():
        block = blocks.get(block_id)
        if block is None or block.rounds is None:
            problems.append(SetupProblem("setup.unknown_block", block=block_id))
        elif not block.rounds.min <= count <= block.rounds.max:
            name = block.name or block_id
            problems.append(
                SetupProblem(
                    "setup.rounds_outside",
                    block=name,
                    min=block.rounds.min,
                    max=block.rounds.max,
                    count=count,
                )
            )
    return problems


def chosen_blocks(method: Method) -> list[Repeat]:
    """The blocks whose number of rounds the timekeeper chooses, in method order."""
    found: list[Repeat] = []

    def walk(items: list[Phase | Repeat]) -> None:
        for item in items:
            if isinstance(item, Repeat):
                if item.rounds is not None:
                    found.append(item)
                walk(item.phases)

    walk(method.phases)
    return found
