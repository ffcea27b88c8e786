"""The action table: every user action of a screen, declared once.

An `Action` names its id, default keys, catalog key for its description, where
it shows (footer, help, palette) and when it applies. The bindings, the footer
(the key bar), the help screen and the command palette are
all derived from these tables, so adding a key touches one place, plus the
two catalogs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from intervisie_tui.core.session import Snapshot
from intervisie_tui.i18n import t

When = Callable[[Snapshot], "bool | None"]
"""True: applies; None: shown dimmed (not now); False: hidden."""


def always(_: Snapshot) -> bool:
    return True


@dataclass(frozen=True)
class Action:
    id: str
    keys: str
    """Textual key names, comma-separated; the first is the one shown."""
    action: str
    """The screen's (or app's) action: `action_<name>`."""
    description: str
    """Catalog key."""
    key_display: str | None = None
    footer: bool = True
    help: bool = True
    """Listed on the help screen (once per description)."""
    palette: bool = True
    when: When = always
    priority: bool = False

    @property
    def shown_key(self) -> str:
        return self.key_display or self.keys.split(",")[0]

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.footer,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id,
        )


def bindings(actions: Iterable[Action]) -> list[BindingType]:
    """A screen's BINDINGS (descriptions are catalog keys, translated per instance)."""
    return [action.binding() for action in actions]


def find(actions: Iterable[Action], name: str) -> Action | None:
    return next((action for action in actions if action.action == name), None)


def applies(actions: Iterable[Action], name: str, snap: Snapshot | None) -> bool | None:
    """For `check_action`: does the action `name` apply to `snap` (True for unknown names)."""
    action = find(actions, name)
    if action is None or snap is None:
        return True
    return action.when(snap)


def help_rows(*tables: Iterable[Action]) -> list[tuple[str, str]]:
    """(keys, what they do) for the help screen: each description once, keys joined."""
    rows: dict[str, list[str]] = {}
    for table in tables:
        for action in table:
            if action.help:
                keys = rows.setdefault(action.description, [])
                if action.shown_key not in keys:
                    keys.append(action.shown_key)
    return [(" ".join(keys), t(description)) for description, keys in rows.items()]


def palette_entries(
    actions: Iterable[Action], snap: Snapshot | None
) -> Iterator[tuple[Action, str]]:
    """(action, translated name) of each action the palette offers now."""
    for action in actions:
        if action.palette and (snap is None or action.when(snap) is True):
            yield action, t(action.description)


# -- the tables ---------------------------------------------------------------------------


def _captures(what: str) -> When:
    """Capture keys apply in the steps whose method lists that kind under `capture:`."""

    def check(snap: Snapshot) -> bool | None:
        return (what in snap.step.capture and not snap.finished) or None

    return check


APP_ACTIONS = (
    Action(
        "quit_app",
        "ctrl+q",
        "quit_app",
        "key.quit",
        footer=False,
        help=False,
        palette=False,  # each screen offers its own: Stop, or Afsluiten
        priority=True,
    ),
    Action("theme", "f2", "toggle_dark", "key.theme", key_display="F2", footer=False),
    Action(
        "palette",
        "ctrl+p",
        "command_palette",
        "help.palette",
        key_display="ctrl+p",
        footer=False,
        palette=False,
        priority=True,
    ),
)

# Key bar order: at 80 columns the first ones show, so help and quit come early.
RUN_ACTIONS = (
    Action("start", "space", "start", "key.start", help=False, when=lambda s: s.status == "ready"),
    Action("pause", "space", "pause", "key.pause", when=lambda s: s.running),
    Action("resume", "space", "resume", "key.resume", help=False, when=lambda s: s.paused),
    Action("next", "right", "next", "key.next", key_display="→", when=lambda s: not s.finished),
    Action(
        "previous",
        "left",
        "previous",
        "key.previous",
        key_display="←",
        footer=False,
        when=lambda s: (s.index > 0 and not s.finished) or None,
    ),
    Action(
        "go_around",
        "enter,r",
        "go_around",
        "key.go_around",
        key_display="enter",
        when=lambda s: bool(s.step.go_around) and not s.finished,
    ),
    Action("insight", "i", "capture_insight", "key.insight", when=_captures("insights")),
    Action("action", "a", "capture_action", "key.action", when=_captures("actions")),
    Action("note", "n", "capture_note", "key.note", when=_captures("notes")),
    Action(
        "question",
        "h",
        "capture_question",
        "key.question",
        footer=False,  # the step that sharpens the question says "h" itself; ? and q keep room
        when=_captures("question"),
    ),
    Action("help", "question_mark", "help", "key.help", key_display="?"),
    Action("quit", "q", "quit_session", "key.quit"),
    Action("more", "plus,equals_sign", "more", "key.more", key_display="+"),
    Action("less", "minus", "less", "key.less", key_display="-"),
    Action("entries", "e", "entries", "key.entries"),
    Action(
        "followup",
        "f",
        "followup",
        "key.followup",
        when=lambda s: s.step.kind == "followup" and bool(s.plan.setup.open_items),
    ),
    Action("presenter", "p", "presenter", "key.presenter"),
    Action(
        "attendance",
        "w",
        "attendance",
        "key.attendance",
        footer=False,
        when=lambda s: not s.finished,
    ),
    Action(
        "escape",
        "escape",
        "focus_timer",
        "key.escape",
        key_display="esc",
        footer=False,
        palette=False,
    ),
    Action(
        "log_elsewhere",
        "ctrl+o",
        "log_elsewhere",
        "key.log_elsewhere",
        key_display="ctrl+o",
        footer=False,
    ),
    Action("scroll_down", "down", "scroll_down", "key.scroll", "↑ ↓", footer=False, palette=False),
    Action("scroll_up", "up", "scroll_up", "key.scroll", "↑ ↓", footer=False, palette=False),
    Action(
        "page_down", "pagedown", "page_down", "key.page", "PgUp PgDn", footer=False, palette=False
    ),
    Action("page_up", "pageup", "page_up", "key.page", "PgUp PgDn", footer=False, palette=False),
)

PRESENTER_ACTIONS = (
    Action("back", "p,escape", "back", "key.back", key_display="p"),
    Action("toggle", "space", "toggle_clock", "key.pause", when=lambda s: not s.finished),
    Action("next", "right", "next", "key.next", key_display="→", when=lambda s: not s.finished),
)

SETUP_ACTIONS = (
    Action("start_session", "ctrl+s", "start", "key.start_session", priority=True),
    Action("suggest_roles", "ctrl+r", "suggest_roles", "key.suggest_roles"),
    Action("close_app", "ctrl+q", "app.quit", "key.close_app", priority=True),
)

SUMMARY_ACTIONS = (
    Action("open_log", "o", "open_log", "key.open_log"),
    Action("share", "s", "share", "key.share"),
    Action("close_app", "q", "close_app", "key.close_app"),
)

CAPTURE_BAR_ACTIONS = (
    Action("cancel_capture", "escape", "cancel", "key.cancel_capture", key_display="esc"),
    Action("keep_without", "escape", "keep_without", "key.keep_without_date", key_display="esc"),
)
"""While typing in the capture bar: only these keys (the run screen's wait)."""

ENTRIES_ACTIONS = (
    Action("edit", "enter", "edit", "entries.edit", priority=True),
    Action("delete", "d,delete", "delete", "entries.delete"),
    Action("back", "escape,e", "dismiss", "key.back", key_display="esc"),
)

EDIT_ENTRY_ACTIONS = (
    Action("save_edit", "ctrl+s", "save", "key.save_edit", priority=True),
    Action("cancel_edit", "escape", "cancel", "key.cancel_edit", key_display="esc"),
)
"""Editing one entry: the fields take every other key (enter: the next field, or save)."""

FOLLOWUP_ACTIONS = (
    Action("done", "1", "decide('done')", "followup.done"),
    Action("continued", "2", "decide('continued')", "followup.continued"),
    Action("dropped", "3", "decide('dropped')", "followup.dropped"),
    Action("back", "escape,f", "dismiss", "key.back", key_display="esc"),
)

ATTENDANCE_ACTIONS = (
    Action("late", "1", "mark('late')", "attendance.late"),
    Action("left", "2", "mark('left')", "attendance.left"),
    Action("none", "0", "mark('none')", "attendance.none"),
    Action("back", "escape,w", "dismiss", "key.back", key_display="esc"),
)

AGREEMENTS_ACTIONS = (
    Action("go_on", "enter,escape,space", "go_on", "key.go_on", key_display="enter"),
)
LOG_ACTIONS = (Action("back", "escape,q,o", "app.pop_screen", "key.back", key_display="esc"),)

# Dialogs: their keys show on their buttons and in their question, not in a footer.
CONFIRM_ACTIONS = (
    Action("yes", "y,j", "answer(True)", "key.yes", footer=False),
    Action("no", "n,escape", "answer(False)", "key.no", footer=False),
)
CHOICE_ACTIONS = (
    Action("cancel", "escape", "dismiss('cancel')", "key.no", footer=False),
    Action("down", "down", "app.focus_next", "key.down", footer=False),
    Action("up", "up", "app.focus_previous", "key.up", footer=False),
)
ASK_ACTIONS = (Action("cancel", "escape", "dismiss(None)", "key.no", footer=False),)
HELP_ACTIONS = (Action("close", "escape,question_mark,q", "dismiss", "key.close", footer=False),)

SHARE_REVIEW_ACTIONS = (
    Action("save_share", "ctrl+s", "save", "share.review.key.save", priority=True),
    Action("cancel_share", "escape", "cancel", "share.review.key.cancel", key_display="esc"),
)
"""The review before sharing: the field takes every other key (a word to hide, enter)."""
