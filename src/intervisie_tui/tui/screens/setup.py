"""The setup screen: choose a method, say who is in the room and who holds which role.

Role fields are filled with a fair rotation from the group's history until the
timekeeper types in them; the problems of the setup are listed live, in plain
words, and Start only goes ahead when there are none.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from intervisie_tui.core.method import Method, iter_phases
from intervisie_tui.core.plan import build_plan, holders_per_round, session_length
from intervisie_tui.core.setup import (
    SessionSetup,
    SetupProblem,
    chosen_blocks,
    has_case,
    size_problem,
    split_names,
    validate_setup,
)
from intervisie_tui.i18n import t
from intervisie_tui.tui.actions import SETUP_ACTIONS, Action, bindings
from intervisie_tui.tui.config import RunRequest
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import BaseScreen
from intervisie_tui.tui.screens.dialogs import Confirm
from intervisie_tui.tui.setup_model import SetupContext, method_preview
from intervisie_tui.tui.widgets.keybar import KeyBar
from intervisie_tui.tui.widgets.method_choice import MethodFilter, MethodList
from intervisie_tui.tui.widgets.role_fields import RoleFields, field_row
from intervisie_tui.tui.widgets.typed_area import TypedTextArea
from intervisie_tui.tui.widgets.typing import TypedInput


class SetupScreen(BaseScreen):
    ACTIONS: ClassVar[tuple[Action, ...]] = SETUP_ACTIONS
    BINDINGS = bindings(SETUP_ACTIONS)

    def __init__(self, context: SetupContext, request: RunRequest) -> None:
        super().__init__()
        self.context = context
        self.request = request
        self.method: Method | None = None
        self._absent_offered = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="setup-body"):
            with Vertical(id="setup-methods"):
                yield MethodFilter(
                    self._move_on, placeholder=t("setup.filter"), id="method-filter", compact=True
                )
                yield MethodList(self._move_on, id="method-list", compact=True)
                yield Static("", id="method-preview")
            # not a Tab stop itself: what is typed must land in a field (it scrolls to it)
            with VerticalScroll(id="setup-form", can_focus=False):
                groups = SuggestFromList(self.context.groups, case_sensitive=False)
                yield field_row(
                    t("setup.group"),
                    TypedInput(
                        self.request.group or "",
                        id="group",
                        compact=True,
                        suggester=groups,
                        placeholder=t("setup.group_hint"),
                    ),
                )
                yield Static("", id="group-info")
                yield field_row(
                    t("setup.participants"),
                    TypedTextArea(
                        ", ".join(self.request.participants),
                        id="participants",
                        soft_wrap=True,
                        show_line_numbers=False,
                        compact=True,
                        placeholder=t("setup.participants_hint"),
                    ),
                )
                yield RoleFields(self._suggest_if_untyped, id="role-fields")
                yield field_row(
                    t("setup.absent"),
                    TypedInput("", id="absent", compact=True, placeholder=t("setup.absent_hint")),
                )
                yield field_row(
                    t("setup.case"),
                    TypedInput(
                        self.request.case_title,
                        id="case",
                        compact=True,
                        placeholder=t("setup.case_hint"),
                    ),
                    id="case-row",
                )
                yield field_row(  # several lines: a help question is a sentence or two
                    t("setup.question"),
                    TypedTextArea(
                        self.request.question,
                        id="question",
                        soft_wrap=True,
                        show_line_numbers=False,
                        compact=True,
                        placeholder=t("setup.question_hint"),
                    ),
                    id="question-row",
                )
                yield Vertical(id="phase-toggles")
                yield Static("", id="setup-problems")
                yield Button(t("setup.start"), variant="primary", id="start")
        yield KeyBar()

    async def on_mount(self) -> None:
        await self._fill_method_list("")
        if self.context.broken_text():
            self.notify(self.context.broken_text(), severity="warning", timeout=12)
        self.query_one("#method-filter", Input).focus()  # typing filters straight away
        if self.request.group:
            self._group_changed()

    # -- method choice --------------------------------------------------------------

    async def _fill_method_list(self, text: str) -> None:
        needle = text.casefold().strip()
        options = self.query_one("#method-list", OptionList)
        chosen = self.method.id if self.method else self.request.method_id
        options.clear_options()
        found = [
            (match_rank(self.context.shown(e.method), needle), e) for e in self.context.methods
        ]
        for _, entry in sorted((f for f in found if f[0] is not None), key=lambda f: f[0] or 0):
            method = self.context.shown(entry.method)
            minutes = round(session_length(method)[1] / 60)
            label = f"{method.name}  ({minutes} min)"
            if entry.overrides is not None:
                label += "  " + t(
                    "setup.replaces", origin=t(f"methods.origin.{entry.overrides.origin}")
                )
            options.add_option(Option(plain(label), id=method.id))
        if options.option_count:
            index = (
                0
                if needle
                else next(  # a search: its best match; else the one chosen
                    (
                        i
                        for i in range(options.option_count)
                        if options.get_option_at_index(i).id == chosen
                    ),
                    0,
                )
            )
            options.highlighted = index
            await self._choose(options.get_option_at_index(index).id)

    @on(Input.Changed, "#method-filter")
    async def _filter(self, event: Input.Changed) -> None:
        await self._fill_method_list(event.value)

    def _move_on(self) -> None:
        """Enter in the filter or the list: on to the group, now (the method follows)."""
        if self.query_one("#method-list", OptionList).highlighted is not None:
            self.set_focus(self.query_one("#group", Input))

    def on_key(self, event) -> None:
        """Up/down in the filter walk the method list, so the hands stay on the keys."""
        if self.focused is not self.query_one("#method-filter") or event.key not in ("up", "down"):
            return
        options = self.query_one("#method-list", OptionList)
        if event.key == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()
        event.stop()

    @on(OptionList.OptionHighlighted, "#method-list")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        await self._choose(event.option.id)

    @on(OptionList.OptionSelected, "#method-list")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self._choose(event.option.id)

    async def _choose(self, method_id: str | None) -> None:
        """Show a method's roles and optional steps.

        Async on purpose: the old fields must be gone before new ones with the
        same ids mount (fast typing in the filter raced them into DuplicateIds).
        """
        method = self.context.method(method_id)
        if method is None or method is self.method:
            return
        self.method = method
        self.query_one("#method-preview", Static).update(method_preview(method))
        await self.query_one(RoleFields).show(method, self.request.roles)
        for row in ("#case-row", "#question-row"):  # only where somebody brings a case
            self.query_one(row).display = has_case(method)
        await self._build_phase_toggles()
        self._suggest_if_untyped()

    async def _build_phase_toggles(self) -> None:
        box = self.query_one("#phase-toggles", Vertical)
        await box.remove_children()
        assert self.method is not None
        phases = [p for _, p in iter_phases(self.method.phases)]
        optional = [p for p in phases if p.optional]
        widgets: list[Widget] = []
        for block in chosen_blocks(self.method):  # the number of rounds is chosen here
            assert block.rounds is not None
            label = t(
                "setup.rounds_field",
                name=block.name or t("setup.rounds"),
                min=block.rounds.min,
                max=block.rounds.max,
            )
            chosen = self.request.rounds.get(block.id or "", block.repeat)
            field = TypedInput(str(chosen), id=f"rounds-{block.id}", compact=True)
            widgets.append(field_row(label, field))
        choices: list[Widget] = [
            Checkbox(f"{p.name} ({round(p.duration / 60)} min)", p.enabled, id=f"phase-{p.id}")
            for p in optional
        ]
        if not any(p.evaluation for p in phases):  # the app adds one; it may be skipped
            choices.append(Checkbox(t("setup.add_evaluation"), True, id="add-evaluation"))
        if choices:
            widgets += [Label(t("setup.optional_phases"), classes="field-label"), *choices]
        widgets.append(Static("", id="setup-total"))
        await box.mount_all(widgets)

    # -- group, people and roles ----------------------------------------------------------

    @on(Input.Changed, "#group")
    def _group_changed(self) -> None:
        group = self.query_one("#group", Input).value.strip()
        self.context.select_group(group)
        self.query_one("#group-info", Static).update(plain(self.context.group_info()))
        self._offer_absent()
        self.query_one("#case", Input).suggester = SuggestFromList(
            self.context.topics(), case_sensitive=False
        )
        if (
            not self.query_one("#participants", TextArea).text.strip()
            and self.context.last_participants()
        ):
            self.query_one("#participants", TextArea).text = ", ".join(
                self.context.last_participants()
            )
        self._suggest_if_untyped()

    @on(TextArea.Changed, "#participants")
    def _people_changed(self) -> None:
        self._offer_absent()
        self._suggest_if_untyped()

    @on(TextArea.Changed, "#question")
    def _question_changed(self) -> None:
        self._check()

    def _offer_absent(self) -> None:
        """Members of earlier sessions not in today's list are offered as absent, until the
        timekeeper types in that field."""
        field = self.query_one("#absent", Input)
        if field.value.strip() and field.value != self._absent_offered:
            return
        self._absent_offered = ", ".join(self.context.absent_suggestion(self.participants()))
        field.value = self._absent_offered

    @on(Input.Changed)
    def _field_changed(self, event: Input.Changed) -> None:
        if event.input.id not in ("method-filter", "group"):
            self._check()

    @on(Checkbox.Changed)
    def _toggle_changed(self) -> None:
        self._check()

    def _suggest_if_untyped(self) -> None:
        self._fill_roles(only_untyped=True)

    def action_suggest_roles(self) -> None:
        self._fill_roles(only_untyped=False)

    def _fill_roles(self, only_untyped: bool) -> None:
        if self.method is None:
            return
        fields = self.query_one(RoleFields)
        typed = fields.typed_roles() if only_untyped else {}
        suggestion = self.context.suggest(self.method, self.participants(), typed)
        fields.suggest(suggestion, only_untyped)
        self._check()

    def participants(self) -> tuple[str, ...]:
        return split_names(self.query_one("#participants", TextArea).text)

    def absent(self) -> tuple[str, ...]:
        """Who is not there; a name also in today's list is there after all."""
        here = {name.casefold() for name in self.participants()}
        typed = split_names(self.query_one("#absent", Input).value)
        return tuple(name for name in typed if name.casefold() not in here)

    # -- validation and start ---------------------------------------------------------------

    def build_setup(self) -> SessionSetup | None:
        if self.method is None:
            return None
        roles = self.query_one(RoleFields).roles()
        toggles = {
            box.id.removeprefix("phase-"): box.value
            for box in self.query(Checkbox)
            if box.id and box.id.startswith("phase-")
        }
        rounds = {
            field.id.removeprefix("rounds-"): int(field.value) if field.value.isdigit() else 0
            for field in self.query(Input)
            if field.id and field.id.startswith("rounds-")
        }
        group = self.query_one("#group", Input).value.strip() or t("setup.default_group")
        evaluation = self.query("#add-evaluation")
        case = has_case(self.method)  # hidden fields are not asked, so not kept
        return self.context.make_setup(
            evaluation=evaluation.first(Checkbox).value if evaluation else True,
            method=self.method,
            group=group,
            participants=self.participants(),
            absent=self.absent(),
            roles=roles,
            case_title=self.query_one("#case", Input).value.strip() if case else "",
            question=self.query_one("#question", TextArea).text.strip() if case else "",
            phase_toggles=toggles,
            rounds=rounds,
        )

    def _check(self) -> list[str]:
        """List what stands in the way (Start waits for it) and a group size that does not fit."""
        setup = self.build_setup()
        problems = []
        notes = []
        if setup is None:
            problems = [t("setup.pick_method")]
        elif self.method is not None:
            found = validate_setup(setup, self.method)
            problems = [t(p.key, **p.values) for p in found]
            notes = [t(p.key, **p.values) for p in [self._size_problem()] if p is not None]
            self._show_total(setup, self.method, ready=not found)
        text = "\n".join(f"• {p}" for p in [*problems, *notes])
        self.query_one("#setup-problems", Static).update(plain(text))
        self.query_one("#start", Button).disabled = bool(problems)
        return problems

    def _size_problem(self) -> SetupProblem | None:
        return size_problem(self.method, len(self.participants())) if self.method else None

    def _show_total(self, setup: SessionSetup, method: Method, ready: bool) -> None:
        """What this session will take, with the rounds, steps and people chosen here.

        Once the setup can run, it is the plan's own total (time per person times
        the speakers); before that, the method's with these choices.
        """
        total = self.query("#setup-total")
        if not total:
            return
        turns: list[str] = []
        if ready:
            plan = build_plan(method, setup)
            steps, seconds = len(plan), plan.total
            for role, holders in holders_per_round(plan).items():
                turns.append(t("setup.per_round", role=role, names=" → ".join(holders)))
        else:
            steps, seconds = session_length(
                method, setup.rounds, setup.phase_toggles, setup.evaluation, setup.followup
            )
        text = t("setup.session_total", minutes=round(seconds / 60), steps=steps)
        total.first(Static).update(plain("\n".join([text, *turns])))

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        if self._check():
            self.notify(t("setup.not_ready"), severity="warning")
            return
        size = self._size_problem()
        if size is None:
            self._start()
            return
        question = t("setup.size_confirm", problem=t(size.key, **size.values))

        def answered(yes: bool | None) -> None:
            if yes:
                self._start()

        self.app.push_screen(Confirm(question, t("setup.start_anyway")), answered)

    def _start(self) -> None:
        setup = self.build_setup()
        assert setup is not None and self.method is not None
        # The app starts it: this screen is replaced by the run screen, so it must not
        # own the work (a screen's worker would wait on its own removal).
        from intervisie_tui.tui.startup import start_session

        self.app.call_later(start_session, self.app, self.method, setup)


def match_rank(method: Method, needle: str) -> int | None:
    """How well a method matches what was typed in the filter: lower is better, None: not.

    "ronde" should put Ronde Tafel first, not a method that says "ronde" in its
    description: names that start with it, then names, then ids and tags, then texts.
    """
    if not needle:
        return 0
    name = method.name.casefold()
    if name.startswith(needle):
        return 0
    if needle in name:
        return 1
    if needle in method.id or any(needle in tag.casefold() for tag in method.tags):
        return 2
    return 3 if needle in method.description.casefold() else None
