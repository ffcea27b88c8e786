"""`intervisie log ...`: list, show, export --share, import.

Everything is read from the Markdown logs under the log root (`--log-dir`,
INTERVISIE_LOG_DIR, or the user data dir). A log that cannot be read is named
on stderr and skipped. `show` imports rich inside the command only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from intervisie_tui import paths
from intervisie_tui.cli.common import app, or_root
from intervisie_tui.core.logbook.files import LogWriteError, atomic_write
from intervisie_tui.core.logbook.front import split_front
from intervisie_tui.core.logbook.history import GroupHistory, group_folders, load_folder
from intervisie_tui.core.logbook.importer import import_log
from intervisie_tui.core.logbook.naming import group_dir
from intervisie_tui.core.logbook.parse import LogRecord, read_log, read_text
from intervisie_tui.core.logbook.share import SharedText, load_context, share_text
from intervisie_tui.errors import IntervisieError, UsageProblem
from intervisie_tui.i18n import t
from intervisie_tui.safe_text import one_line, visible

log_app = typer.Typer(no_args_is_help=True, help=t("cli.help.log"))
app.add_typer(log_app, name="log")

LogDir = Annotated[
    Path | None,
    typer.Option("--log-dir", help=t("cli.help.log_root"), callback=or_root),
]
Group = Annotated[str | None, typer.Option("--group", "-g", help=t("cli.help.log.group"))]


def histories(log_dir: Path | None, group: str | None) -> list[GroupHistory]:
    """The history of one group, or of every group under the log root; skipped files reported."""
    if group:
        found = [load_folder(group_dir(log_dir, group), group)]
    else:
        found = [load_folder(folder) for folder in group_folders(log_dir)]
    for history in found:
        for skipped in history.skipped:
            typer.echo(t("cli.log.skipped", name=skipped.name, reason=skipped.reason), err=True)
    return found


def _sessions(found: list[GroupHistory]) -> list[tuple[GroupHistory, LogRecord]]:
    rows = [(h, record) for h in found for record in h.sessions]
    return sorted(rows, key=lambda row: (*row[1].front.sort_key, row[1].name))


@log_app.command("list", help=t("cli.help.log.list"))
def list_logs(
    group: Group = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("cli.help.log.list.json"))] = False,
    log_dir: LogDir = None,
) -> None:
    """Every session log: date, group, method, inbrenger and open action items."""
    rows = _sessions(histories(log_dir, group))
    if as_json:
        typer.echo(json.dumps([_json_row(h, r) for h, r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(t("cli.log.none", folder=str(paths.log_dir(log_dir))))
        return
    table = [[t(f"cli.log.col.{key}") for key in ("date", "group", "method", "inbrenger", "open")]]
    for history, record in rows:
        front = record.front
        table.append(
            [
                f"{front.date.isoformat()} {front.start}",
                front.group,
                front.method_name or front.method,
                ", ".join(record.holders("inbrenger")) or "–",
                str(history.open_count(record)),
            ]
        )
    typer.echo(format_table(table))


def _json_row(history: GroupHistory, record: LogRecord) -> dict[str, object]:
    front = record.front
    return {
        "file": str(record.path),
        "date": front.date.isoformat(),
        "start": front.start,
        "end": front.end,
        "group": front.group,
        "method": front.method,
        "method_name": front.method_name,
        "inbrenger": list(record.holders("inbrenger")),
        "tijdbewaker": list(record.holders("tijdbewaker")),
        "participants": list(front.participants),
        "open_items": history.open_count(record),
        "status": front.status,
    }


def format_table(rows: list[list[str]]) -> str:
    """Plain aligned columns, the first row as header (also used by `group show`)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


@log_app.command("show", help=t("cli.help.log.show"))
def show_log(
    target: Annotated[str, typer.Argument(help=t("cli.help.log.show.target"))] = "latest",
    group: Group = None,
    log_dir: LogDir = None,
) -> None:
    """Show a session log in the terminal (the newest one by default)."""
    if target == "latest":
        rows = _sessions(histories(log_dir, group))
        if not rows:
            raise IntervisieError(t("cli.log.none", folder=str(paths.log_dir(log_dir))))
        path = rows[-1][1].path
    else:
        path = _existing(Path(target))
        read_log(path)  # refuse what is no log, with the reason
    parts = split_front(read_text(path))
    body = parts[1] if parts else ""
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    console = Console()
    console.print(Text(visible(str(path)), style="dim"), highlight=False)  # `[/]` is a name
    console.print(Markdown(body))


@log_app.command("export", help=t("cli.help.log.export"))
def export_log(
    file: Annotated[Path, typer.Argument(help=t("cli.help.log.export.file"))],
    share: Annotated[bool, typer.Option("--share", help=t("cli.help.log.export.share"))] = False,
    keep_names: Annotated[
        bool, typer.Option("--keep-names", help=t("cli.help.log.export.keep_names"))
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cli.help.log.export.output"))
    ] = None,
    check: Annotated[bool, typer.Option("--check", help=t("cli.help.log.export.check"))] = False,
    redact: Annotated[
        list[str] | None,
        typer.Option("--redact", metavar="WORD", help=t("cli.help.log.export.redact")),
    ] = None,
    allow: Annotated[
        list[str] | None,
        typer.Option("--allow", metavar="WORD", help=t("cli.help.log.export.allow")),
    ] = None,
    log_dir: Annotated[
        Path | None,
        typer.Option("--log-dir", help=t("cli.help.log.export.log_dir"), callback=or_root),
    ] = None,
) -> None:
    """A summary to share: method, date, insights and action items; no case, no names.

    Every name the group's history knows is replaced (core/logbook/share.py). With
    --check the text is shown first, what still looks like a name between >> <<,
    and the command fails while anything does; with --output it then writes only
    a clean text.
    """
    if not share:
        # one translated line, not click's English "Invalid value for --share"
        raise UsageProblem(t("cli.log.share_required"))
    record = read_log(_existing(file))
    context = load_context(record, log_dir)
    for skipped in context.skipped:
        typer.echo(
            one_line(t("cli.log.skipped", name=skipped.name, reason=skipped.reason)), err=True
        )
    shared = share_text(
        record, context, keep_names=keep_names, redact=redact or (), allow=allow or ()
    )
    words = shared.suspect_words()
    if check:
        _print_marked(shared)
        if words:
            typer.echo(one_line(_count(words, "cli.share.suspects")), err=True)
            raise typer.Exit(1)
        if output is None:
            typer.echo(t("cli.share.clean"))
            return
    elif words:
        typer.echo(one_line(_count(words, "cli.share.warning")), err=True)
    if output is None:
        typer.echo(shared.text, nl=False)
        return
    try:
        written = atomic_write(output, shared.text, new=True)
    except OSError as problem:
        raise LogWriteError(output.parent, problem) from problem
    if not written:
        raise IntervisieError(t("cli.log.output_exists", path=one_line(str(output))))
    typer.echo(one_line(t("cli.log.exported", path=str(output))))


def _count(words: list[str], key: str) -> str:
    """`key_one` or `key` with the count and the first words."""
    shown = ", ".join(words[:10]) + (", …" if len(words) > 10 else "")
    return t(f"{key}_one" if len(words) == 1 else key, count=len(words), words=shown)


def _print_marked(shared: SharedText) -> None:
    """The shared text, replacements in colour, suspects between >> << (and reversed)."""
    from rich.console import Console
    from rich.text import Text

    text = Text()
    position = 0
    marks = sorted(
        [(m, "replaced") for m in shared.replaced] + [(m, "suspect") for m in shared.suspects],
        key=lambda pair: pair[0].start,
    )
    for mark, what in marks:
        text.append(shared.text[position : mark.start])
        word = shared.text[mark.start : mark.end]
        if what == "suspect":
            opening, closing = t("cli.share.mark_open"), t("cli.share.mark_close")
            text.append(f"{opening}{word}{closing}", style="bold reverse")
        else:
            text.append(word, style="green")
        position = mark.end
    text.append(shared.text[position:])
    # a Text is never read as markup; the shared text has no control or bidi character
    # left (share.clean_text, markdown.sanitize), so the marks keep their places
    Console(highlight=False, soft_wrap=True).print(text, end="")


@log_app.command("import", help=t("cli.help.log.import"))
def import_command(
    file: Annotated[Path, typer.Argument(help=t("cli.help.log.import.file"))],
    log_dir: LogDir = None,
) -> None:
    """Check a log and file it under its group, so follow-up and rotation continue."""
    result = import_log(_existing(file), log_dir)
    key = "cli.log.imported" if result.status == "imported" else "cli.log.present"
    typer.echo(t(key, path=str(result.path)))
    if result.other_version is not None:
        typer.echo(t("cli.log.other_version", path=str(result.other_version)))


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise IntervisieError(t("cli.log.not_found", path=str(path)))
    return path
