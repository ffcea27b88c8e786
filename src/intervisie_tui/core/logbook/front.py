"""The YAML front matter of a session log: what history, rotation and import read.

Written with a `yaml.SafeDumper`, read with PyYAML's safe loader
(`yaml_safe.SAFE_LOADER`). Keys we do not know are ignored (a later version may
add some); `format` says which layout the body has. Times are `HH:MM` text; a
hand-edited unquoted `19:30` (which YAML 1.1 reads as the number 1170) is read
back as `19:30`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

LOG_FORMAT = 1
DELIMITER = "---"
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class LogFront(BaseModel):
    """The front matter of one session log."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)  # built on first use

    format: int = Field(ge=1, le=LOG_FORMAT)
    method: str = Field(min_length=1)
    method_name: str = ""
    group: str = Field(min_length=1)
    date: dt.date
    start: str
    end: str | None = None
    status: Literal["running", "finished"]
    language: str = "nl"
    participants: list[str] = Field(min_length=1)
    roles: dict[str, list[str]]
    """Role id -> names (the `rest` role included)."""
    role_names: dict[str, str] = Field(default_factory=dict)
    """Role id -> the name the method gives it."""
    absent: list[str] = Field(default_factory=list)
    """Members not there (format 1 logs before attendance have none)."""
    late: list[str] = Field(default_factory=list)
    """Came in after the start (possibly first counted absent)."""
    left_early: list[str] = Field(default_factory=list)
    case_title: str = ""
    question: str = ""
    sharpened_question: str = ""
    """The help question as sharpened during the session (empty: not sharpened)."""
    session_id: str = ""
    app_version: str = ""

    @field_validator("start", "end", mode="before")
    @classmethod
    def _time(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return f"{value // 60:02d}:{value % 60:02d}"  # YAML 1.1 sexagesimal
        if isinstance(value, str) and _TIME.match(value.strip()):
            hours, minutes = value.strip().split(":")
            return f"{int(hours):02d}:{minutes}"
        if value is None:
            return None
        raise ValueError("expected a time such as 19:30")

    def holders(self, role_id: str) -> tuple[str, ...]:
        return tuple(self.roles.get(role_id, ()))

    @property
    def present(self) -> list[str]:
        """Who was there for (part of) the session: the participants and the late comers."""
        here = {name.casefold() for name in self.participants}
        return self.participants + [n for n in self.late if n.casefold() not in here]

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.date, self.start)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that double-quotes text with U+0085, U+2028 or U+2029.

    PyYAML writes those raw in single-quoted or plain text, where they read back
    as line breaks; in double quotes it escapes them.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(c in value for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """Plain data as block-style YAML that `yaml.safe_load` reads back exactly."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def dump_front(front: LogFront) -> str:
    """The front matter block, delimiters included, ending with a newline."""
    data = front.model_dump(mode="python")
    data["date"] = front.date  # a YAML date, not a quoted string
    return f"{DELIMITER}\n{dump_yaml(data)}{DELIMITER}\n"


def split_front(text: str) -> tuple[str, str, int] | None:
    """(YAML text, body, line number where the body starts), or None without front matter."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != DELIMITER:
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (DELIMITER, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None
