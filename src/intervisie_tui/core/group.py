"""The optional group file `<group folder>/groep.yaml`: goal, working agreements, topics.

A group writes down once what it is for and how it works (how often it meets,
what stays in the room, what is recorded and with whom it may be shared) and
keeps a list of topics to work on. The app shows it at the start of a session
and marks the topic chosen as the case with the date, so a theme can be
deepened over several sessions. Like method files it is strict (unknown keys
are errors) and has a JSON Schema (schema/group.schema.json) for editors.

Writing back keeps the comment lines at the top of the file; comments further
down are not kept (PyYAML cannot), which the schema description says.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from intervisie_tui.core.logbook.files import LogWriteError, atomic_write, ensure_dir
from intervisie_tui.core.logbook.front import dump_yaml
from intervisie_tui.core.logbook.naming import GROUP_FILE, group_dir
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.safe_text import visible_data

MAX_GROUP_FILE_BYTES = 1024 * 1024
Text = Annotated[str, Field(max_length=10_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]


AGREEMENT_FIELDS = ("frequency", "confidentiality", "recorded", "shared_with")


class GroupFileError(IntervisieError):
    """A group file that cannot be read or written; the message names the file."""


class _Strict(BaseModel):
    # Descriptions in `Field`, as in core/method.py (no `use_attribute_docstrings`).
    # Built on first use: a run does not read the group file before its first frame.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Agreements(_Strict):
    """The working agreements the group made at its first meeting."""

    frequency: Text = Field(
        "",
        description="How often and how long the group meets, e.g. `zes keer per jaar, twee uur`.",
    )
    confidentiality: Text = Field("", description="What stays in the room.")
    recorded: Text = Field("", description="What is written down in the session log, and what not.")
    shared_with: Text = Field("", description="With whom the log or a summary of it may be shared.")


class Topic(_Strict):
    """A case or theme the group wants to work on."""

    title: ShortText = Field(description="Offered as case title when a session is set up.")
    notes: Text = Field("", description="Why this topic, who brought it up, what to look at.")
    chosen: list[date] = Field(
        default_factory=list,
        description=(
            "Dates of the sessions that took this topic as their case (filled in by the app)."
        ),
    )


class GroupFile(_Strict):
    """An intervisie group: what it is for, how it works, what it wants to work on."""

    format: Literal[1] = Field(1, description="Version of this file format.")
    name: ShortText = Field(description="Name of the group, as used for its logs.")
    goal: Text = Field("", description="What the group wants to achieve together.")
    agreements: Agreements = Field(
        default_factory=Agreements,
        description="Working agreements: frequency, confidentiality, what is recorded, sharing.",
    )
    topics: list[Topic] = Field(
        default_factory=list,
        max_length=500,
        description="Cases and themes the group inventoried to work on.",
    )

    def agreement_lines(self) -> tuple[tuple[str, str], ...]:
        """(field, text) of the goal and every agreement the group wrote down, in file order."""
        fields = [("goal", self.goal)]
        fields += [(key, getattr(self.agreements, key)) for key in AGREEMENT_FIELDS]
        return tuple((key, " ".join(text.split())) for key, text in fields if text.strip())

    def topic(self, title: str) -> Topic | None:
        wanted = " ".join(title.split()).casefold()
        return next(
            (p for p in self.topics if " ".join(p.title.split()).casefold() == wanted), None
        )


def group_file_path(group: str, root: Path | None = None) -> Path:
    return group_dir(root, group) / GROUP_FILE


def load_group_file(path: Path) -> GroupFile | None:
    """The group file at `path`, None when there is none; GroupFileError when it is wrong."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_GROUP_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as problem:
        raise _error(path, problem.strerror or str(problem)) from problem
    if len(data) > MAX_GROUP_FILE_BYTES:
        raise _error(path, t("log.parse.too_big"))
    try:
        raw = yaml.safe_load(data.decode("utf-8"))
    except UnicodeDecodeError as problem:
        raise _error(path, t("log.parse.not_utf8")) from problem
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        detail = getattr(problem, "problem", None) or ""
        raise _error(path, t("group.yaml", line=line, detail=detail)) from problem
    if not isinstance(raw, dict):
        raise _error(path, t("group.not_mapping"))
    try:
        return GroupFile.model_validate(visible_data(raw))  # "\e" in YAML is an ESC
    except ValidationError as problem:
        lines = [
            f"{'.'.join(str(p) for p in err['loc']) or '-'}: {err['msg']}"
            for err in problem.errors()
        ]
        raise _error(path, "; ".join(lines)) from None


def save_group_file(path: Path, group: GroupFile) -> None:
    """Write `group` atomically, keeping the comment lines at the top of the old file.

    The file is the group's, not the app's: it keeps its mode (a group file on
    a team drive stays readable for the team) and, where the OS allows, owner.
    """
    header = _header_comments(path)
    data = group.model_dump(mode="python", exclude_defaults=True)
    data = {"name": group.name, **data}
    body = dump_yaml(data)
    try:
        ensure_dir(path.parent)
        atomic_write(path, header + body, keep_mode=True)
    except OSError as problem:
        raise LogWriteError(path.parent, problem) from problem


def mark_topic_chosen(group: str, title: str, when: date, root: Path | None = None) -> bool:
    """Record that the session of `when` took topic `title`; False when there is no such topic."""
    path = group_file_path(group, root)
    current = load_group_file(path)
    topic = current.topic(title) if current else None
    if current is None or topic is None:
        return False
    if when not in topic.chosen:
        marked = topic.model_copy(update={"chosen": sorted([*topic.chosen, when])})
        topics = [marked if p is topic else p for p in current.topics]
        save_group_file(path, current.model_copy(update={"topics": topics}))
    return True


def group_json_schema() -> dict[str, Any]:
    """The JSON Schema of a group file, committed as schema/group.schema.json."""
    schema = GroupFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://intervisie-tui.invalid/schema/group.schema.json"
    schema["title"] = "Intervisie group file (groep.yaml)"
    schema["description"] = (
        f"{schema.get('description', '')} The app adds dates under topics[].chosen; "
        "when it writes the file it keeps the comment lines at the top only."
    ).strip()
    return schema


def _header_comments(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return ""
    header: list[str] = []
    for line in lines:
        if line.startswith("#") or (not line.strip() and header):
            header.append(line)
        else:
            break
    while header and not header[-1].strip():
        header.pop()
    return "\n".join(header) + "\n" if header else ""


def _error(path: Path, reason: str) -> GroupFileError:
    return GroupFileError(t("group.failed", path=str(path), reason=reason))
