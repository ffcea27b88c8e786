"""Problems in a method file, and the one exception that carries them.

A facilitator edits a method file by hand, so every problem points at a place:
file, line, column and the field path (`phases[3].duration`), followed by a
translated explanation. One file can have many problems; they travel together
in one `MethodError` so the CLI and the app can show all of them at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from intervisie_tui.errors import IntervisieError

#: A field path as pydantic and the loader see it: ("phases", 3, "duration").
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a method file, with where it is (1-based line and column)."""

    file: str
    line: int
    column: int
    field_path: str
    """Dotted path such as `phases[3].duration`; empty for a problem with the whole file."""
    message: str
    """Already translated into the active language."""

    def format(self) -> str:
        """`file:12:5: phases[3].duration` and the message indented below it."""
        where = f"{self.file}:{self.line}:{self.column}:"
        head = f"{where} {self.field_path}" if self.field_path else where
        return f"{head}\n  {self.message}"


class MethodError(IntervisieError):
    """A method file that cannot be used; `problems` says everything that is wrong."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=lambda p: (p.line, p.column))
        if not self.problems:
            raise ValueError("MethodError needs at least one problem")
        super().__init__(self.format())

    @property
    def file(self) -> str:
        return self.problems[0].file

    def format(self) -> str:
        """All problems, one block each."""
        return "\n".join(p.format() for p in self.problems)


def format_loc(loc: Loc) -> str:
    """("phases", 3, "duration") -> `phases[3].duration`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index in `text`."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column
