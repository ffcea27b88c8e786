"""One field per role of the method, filled by suggestion until the timekeeper types.

A role the timekeeper typed is theirs and is never overwritten by a new
suggestion (ctrl+r asks for fresh suggestions everywhere). Setting a field's
value posts Input.Changed later, so the widget remembers what it suggested
per field to tell its own changes from typing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual import on
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label

from intervisie_tui.core.method import Method
from intervisie_tui.core.setup import split_names
from intervisie_tui.i18n import t
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.widgets.typing import TypedInput


def field_row(label: str, widget: Widget, id: str | None = None) -> Horizontal:
    """A label beside its field: one line each, so the form fits 80x24."""
    return Horizontal(Label(plain(label), classes="field-label"), widget, classes="field", id=id)


class RoleFields(Vertical):
    def __init__(self, on_typed: Callable[[], None] = lambda: None, **kwargs) -> None:
        """`on_typed`: a role was typed in, so the suggestion for the others may change."""
        super().__init__(**kwargs)
        self._on_typed = on_typed
        self.method: Method | None = None
        self.typed: set[str] = set()
        self._suggested: dict[str, str] = {}

    async def show(self, method: Method, given: Mapping[str, tuple[str, ...]]) -> None:
        """Fields for `method`'s roles (not the `rest` role), pre-filled with `given`.

        Awaits the removal of the old fields: new ones reuse their ids.
        """
        self.method = method
        await self.remove_children()
        rows = []
        for role in method.roles:
            if role.rest:
                continue
            value = ", ".join(given.get(role.id, ()))
            hint = t("setup.role_hint") if role.min else t("setup.optional")
            field = TypedInput(value, id=f"role-{role.id}", placeholder=hint, compact=True)
            field.tooltip = role.description
            rows.append(field_row(role.name, field))
            if value:
                self.typed.add(role.id)
        await self.mount_all(rows)

    def suggest(self, suggestion: Mapping[str, tuple[str, ...]], only_untyped: bool) -> None:
        if not only_untyped:
            self.typed.clear()
        for field in self.query(Input):
            role_id = (field.id or "").removeprefix("role-")
            if only_untyped and role_id in self.typed:
                continue
            value = ", ".join(suggestion.get(role_id, ()))
            self._suggested[role_id] = value
            field.value = value

    def typed_roles(self) -> dict[str, tuple[str, ...]]:
        """The roles the timekeeper filled in: a suggestion for the others works around them."""
        return {role: names for role, names in self.roles().items() if role in self.typed}

    def roles(self) -> dict[str, tuple[str, ...]]:
        """Role id -> names, for the roles with names filled in."""
        found = {}
        for field in self.query(Input):
            names = split_names(field.value)
            if names:
                found[(field.id or "").removeprefix("role-")] = names
        return found

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        role_id = (event.input.id or "").removeprefix("role-")
        if event.value != self._suggested.get(role_id):
            self.typed.add(role_id)
            self._on_typed()
