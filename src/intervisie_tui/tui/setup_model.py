"""What the setup screen needs to know, gathered without Textual.

The method library, the groups that have logs, a group's history (for the
role rotation and the follow-up of open action items) and its group file.
Kept apart from the screen so it can be tested directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from intervisie_tui.core import library
from intervisie_tui.core.duration import format_duration
from intervisie_tui.core.logbook import history
from intervisie_tui.core.method import Method, Phase, Repeat
from intervisie_tui.core.plan import session_length
from intervisie_tui.core.setup import SessionSetup, split_group
from intervisie_tui.i18n import get_language, t
from intervisie_tui.tui.plain import plain


def first_sentence(text: str) -> str:
    """The opening sentence of a description: enough for a preview pane."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


def method_preview(method: Method) -> RichGroup:
    """Phases with durations, roles and total time, for the preview pane."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="dim")
    table.add_column()
    table.add_column(justify="right")

    def add(items: list[Phase | Repeat], indent: str) -> None:
        for item in items:
            if isinstance(item, Repeat):
                label = item.name or t("setup.rounds")
                table.add_row("", Text(f"{indent}{label} ×{item.repeat}", style="bold"), "")
                add(item.phases, indent + "  ")
            else:
                optional = f" ({t('setup.optional')})" if item.optional else ""
                table.add_row(
                    "", plain(f"{indent}{item.name}{optional}"), format_duration(item.duration)
                )

    add(method.phases, "")
    roles = ", ".join(role.name for role in method.roles)
    total = t("setup.total", minutes=round(session_length(method)[1] / 60))
    head = Text.assemble((method.name, "bold"), "  ", (total, "dim"))
    parts: list[RenderableType] = [head]
    if method.description:
        parts.append(Text(first_sentence(method.description), style="italic"))
    parts += [table, Text.assemble((t("setup.roles") + ": ", "bold"), roles)]
    return RichGroup(*parts)


@dataclass
class SetupContext:
    """Library and history for one setup screen."""

    log_root: Path
    extra_method_dirs: tuple[Path, ...] = ()
    _catalog: library.Library | None = field(init=False, default=None)
    _groups: list[str] | None = field(init=False, default=None)
    _group: str = field(init=False, default="")
    _history: history.GroupStart | None = field(init=False, default=None)
    _shown: dict[tuple[str, str], Method] = field(init=False, default_factory=dict)

    @property
    def catalog(self) -> library.Library:
        """The whole method library, loaded on first use (`run` needs only one method)."""
        if self._catalog is None:
            self._catalog = library.load_library(self.extra_method_dirs)
        return self._catalog

    @property
    def groups(self) -> list[str]:
        if self._groups is None:
            self._groups = history.known_groups(self.log_root)
        return self._groups

    @property
    def methods(self) -> list[library.LibraryEntry]:
        return sorted(self.catalog.methods, key=lambda e: self.shown(e.method).name.casefold())

    def shown(self, method: Method) -> Method:
        """The method with its texts in the app's language (made once per method)."""
        key = (method.id, get_language())
        if key not in self._shown:
            self._shown[key] = method.in_language(key[1])
        return self._shown[key]

    def broken_text(self) -> str:
        """One line about method files that could not be read, or an empty string."""
        broken = self.catalog.broken
        if not broken:
            return ""
        names = ", ".join(b.path.name for b in broken[:3]) + (" …" if len(broken) > 3 else "")
        return t("setup.broken_methods", count=len(broken), names=names)

    def method(self, method_id: str | None) -> Method | None:
        """A method of the library, its texts in the language of the app where it has them."""
        entry = self.catalog.get(method_id) if method_id else None
        return self.shown(entry.method) if entry else None

    def find(self, method_id: str) -> Method:
        """One method by id without loading the library; MethodNotFound explains a miss."""
        if self._catalog is not None:
            found = self.method(method_id)
            if found is not None:
                return found
        return self.shown(library.find_method(method_id, self.extra_method_dirs).method)

    # -- the chosen group ------------------------------------------------------------

    def select_group(self, group: str) -> None:
        if group == self._group:
            return
        self._group = group
        self._history = history.load_start(self.log_root, group) if group else None

    def group_info(self) -> str:
        """What the group agreed and where it stands: shown at the start of each session."""
        if self._history is None:
            return ""
        lines = [self._history.summary_text(get_language())]
        group_file = self._history.group_file
        if group_file is not None:
            for key, value in group_file.agreement_lines():
                if key != "goal":  # the summary text has it
                    lines.append(f"{t('group.' + key)}: {value}")
            topics = [
                topic.title + (f" ({topic.chosen[-1]:%d-%m})" if topic.chosen else "")
                for topic in group_file.topics
            ]
            if topics:
                lines.append(f"{t('group.topics')}: {', '.join(topics)}")
        return "\n".join(lines)

    def topics(self) -> list[str]:
        return self._history.topic_titles() if self._history else []

    def last_participants(self) -> tuple[str, ...]:
        return self._history.last_participants() if self._history else ()

    def absent_suggestion(self, participants: tuple[str, ...]) -> tuple[str, ...]:
        """Members of the group's earlier sessions who are not in today's list."""
        here = {name.casefold() for name in participants}
        members = self._history.members() if self._history else ()
        return tuple(name for name in members if name.casefold() not in here)

    def suggest(
        self,
        method: Method,
        participants: tuple[str, ...],
        given: Mapping[str, tuple[str, ...]] | None = None,
    ) -> dict[str, tuple[str, ...]]:
        """`given` (typed, or on the command line) kept; the rest by rotation, then the split."""
        given = dict(given or {})
        if not participants:
            return given
        found = history.suggest_roles(self._history or [], participants, method, given)
        suggestion = {**given, **found}
        suggestion.update(split_group(method, participants, suggestion))
        return suggestion

    def make_setup(self, *, method: Method, group: str, **fields) -> SessionSetup:
        """A SessionSetup with the follow-up of the group's open items filled in."""
        items = tuple(self._history.open_items()) if self._history and group == self._group else ()
        previous = self._history.previous_inbrenger() if self._history else ()
        group_file = self._history.group_file if self._history and group == self._group else None
        return SessionSetup(
            method_id=method.id,
            group=group,
            followup=bool(items),
            open_items=items,
            previous_inbrenger=tuple(previous),
            agreements=group_file.agreement_lines() if group_file else (),
            language=get_language(),
            **fields,
        )
