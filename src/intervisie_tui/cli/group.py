"""`intervisie group show G`: the group file and the attendance table (accreditation)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer

from intervisie_tui.cli.common import app
from intervisie_tui.cli.log import LogDir, format_table, histories
from intervisie_tui.core.group import GroupFile, group_json_schema
from intervisie_tui.core.logbook.history import GroupHistory, attendance, months_before
from intervisie_tui.core.logbook.naming import GROUP_FILE
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t

group_app = typer.Typer(no_args_is_help=True, help=t("cli.help.group"))
app.add_typer(group_app, name="group")


@group_app.command("show", help=t("cli.help.group.show"))
def show_group(
    group: Annotated[str, typer.Argument(help=t("cli.help.group_name"))],
    months: Annotated[
        int, typer.Option("--months", min=1, max=600, help=t("cli.help.group.months"))
    ] = 24,
    log_dir: LogDir = None,
) -> None:
    """The group's goal, agreements and topics, and who attended how often."""
    history = histories(log_dir, group)[0]
    if not history.sessions and history.group_file is None:
        raise IntervisieError(t("cli.group.unknown", group=group, folder=str(history.folder)))
    if history.group_file is None:
        typer.echo(t("cli.group.no_file", path=str(history.folder / GROUP_FILE)))
    else:
        typer.echo(describe_group_file(history.group_file))
    typer.echo("")
    typer.echo(attendance_text(history, months, date.today()))


@group_app.command("schema", help=t("cli.help.group.schema"))
def print_schema() -> None:
    """Print the JSON Schema of groep.yaml (for editors; committed in schema/)."""
    typer.echo(schema_text(), nl=False)


def schema_text() -> str:
    return json.dumps(group_json_schema(), indent=2, ensure_ascii=False) + "\n"


def describe_group_file(group: GroupFile) -> str:
    lines = [group.name, "=" * len(group.name)]
    for key, value in group.agreement_lines():
        lines.append(f"{t('cli.group.' + key)}: {value}")
    if group.topics:
        lines += ["", t("cli.group.topics") + ":"]
        for topic in group.topics:
            line = f"- {topic.title}"
            if topic.chosen:
                dates = ", ".join(day.isoformat() for day in topic.chosen)
                line += f" ({t('cli.group.chosen', dates=dates)})"
            lines.append(line)
            if topic.notes:
                lines.append(f"  {topic.notes}")
    return "\n".join(lines)


def attendance_text(history: GroupHistory, months: int, today: date) -> str:
    since = months_before(today, months)
    lines = [t("cli.group.attendance", months=months, since=since.isoformat()), ""]
    rows = attendance(history, months, today)
    if not rows:
        lines.append(t("cli.group.no_sessions"))
        return "\n".join(lines)
    keys = ("name", "sessions", "absent", "late", "left_early", "inbrenger", "tijdbewaker")
    table = [[t(f"cli.group.col.{key}") for key in keys]]
    table += [[str(getattr(row, key)) for key in keys] for row in rows]
    lines += [format_table(table), "", t("cli.group.guideline")]
    return "\n".join(lines)
