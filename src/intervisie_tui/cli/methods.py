"""`intervisie methods ...`: list, show, validate, new, schema.

Plain text output (no rich, no textual) keeps `intervisie methods list` fast;
see benchmarks/methods_list.py. Known problems leave as IntervisieError
(one line on stderr) or as problem blocks on stdout with exit code 1.
"""

from __future__ import annotations

import json
import os
import re
from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer

from intervisie_tui import paths
from intervisie_tui.cli.common import MethodsOption, app, state
from intervisie_tui.cli.methods_show import minutes, origin_label, render_method
from intervisie_tui.core.library import (
    SUFFIXES,
    LibraryEntry,
    check_file_name,
    find_method,
    load_library,
    method_files,
)
from intervisie_tui.core.loader import load_located, load_method_file
from intervisie_tui.core.method import ID_PATTERN, method_json_schema
from intervisie_tui.core.plan import session_length
from intervisie_tui.core.problems import MethodError
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import get_language, t

methods_app = typer.Typer(no_args_is_help=True, help=t("cli.help.methods"))
app.add_typer(methods_app, name="methods")

SCHEMA_FILE = "method.schema.json"


def schema_text() -> str:
    """The JSON Schema as committed in schema/ and written next to new method files."""
    return json.dumps(method_json_schema(), indent=2, ensure_ascii=False) + "\n"


@methods_app.command("list", help=t("cli.help.methods.list"))
def list_methods(
    as_json: Annotated[bool, typer.Option("--json", help=t("cli.help.methods.list.json"))] = False,
    methods: MethodsOption = None,
) -> None:
    """All methods on the search path, then the files that could not be loaded."""
    library = load_library(state.methods_dirs)
    if as_json:
        typer.echo(
            json.dumps([_json_row(e) for e in library.methods], ensure_ascii=False, indent=2)
        )
    else:
        _print_table(library.methods)
    if library.broken:
        typer.echo("", err=as_json)
        typer.echo(t("methods.list.broken", count=len(library.broken)), err=as_json)
        for broken in library.broken:
            first = broken.error.problems[0]
            typer.echo(_indent(first.format(), "  "), err=as_json)
            if len(broken.error.problems) > 1:
                more = t("methods.list.more", count=len(broken.error.problems) - 1, path=first.file)
                typer.echo(f"    {more}", err=as_json)


def _json_row(entry: LibraryEntry) -> dict[str, object]:
    steps, seconds = session_length(entry.method)
    return {
        "id": entry.method.id,
        "name": entry.method.in_language(get_language()).name,
        "phases": steps,
        "total_minutes": minutes(seconds),
        "path": str(entry.path),
    }


def _print_table(entries: list[LibraryEntry]) -> None:
    if not entries:
        typer.echo(t("methods.list.none"))
        return
    header = [t(f"methods.list.col.{c}") for c in ("id", "name", "phases", "minutes", "origin")]
    rows = [header]
    for entry in entries:
        origin = origin_label(entry.origin)
        if entry.overrides is not None:
            origin = t(
                "methods.list.overrides", origin=origin, other=origin_label(entry.overrides.origin)
            )
        method = entry.method.in_language(get_language())
        steps, seconds = session_length(method)
        rows.append([method.id, method.name, str(steps), f"{minutes(seconds)}", origin])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {2, 3}
    for row in rows:
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        typer.echo("  ".join(cells).rstrip())


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())


@methods_app.command("show", help=t("cli.help.methods.show"))
def show(
    method_id: Annotated[str, typer.Argument(help=t("cli.help.methods.show.target"))],
    methods: MethodsOption = None,
) -> None:
    """Phases with durations, rounds, roles, prompts and go-arounds of one method."""
    typer.echo(render_method(_entry(method_id)))


def _entry(target: str) -> LibraryEntry:
    """A method by id on the search path, or a method file given by its path."""
    path = Path(target)
    if path.suffix.lower() in SUFFIXES or path.is_file():
        method, doc = load_located(path)
        check_file_name(path, method, doc)
        return LibraryEntry(method, path, "extra")
    return find_method(target, state.methods_dirs)


@methods_app.command("validate", help=t("cli.help.methods.validate"))
def validate(
    targets: Annotated[list[Path], typer.Argument(help=t("cli.help.methods.validate.targets"))],
) -> None:
    """Check method files; exit code 0 when all are valid, 1 otherwise."""
    checked = failed = 0
    for target in targets:
        found = method_files(target) if target.is_dir() else [target]
        if target.is_dir() and not found:
            typer.echo(t("methods.validate.empty_folder", path=target))
            failed += 1
        for path in found:
            checked += 1
            try:
                check_file_name(path, *load_located(path))
            except MethodError as error:
                failed += 1
                typer.echo(error.format())
            else:
                typer.echo(t("methods.validate.ok", path=path))
    typer.echo(t("methods.validate.summary", count=checked, failed=failed))
    if failed:
        raise typer.Exit(1)


@methods_app.command("new", help=t("cli.help.methods.new"))
def new(
    method_id: Annotated[str, typer.Argument(help=t("cli.help.methods.new.id"))],
) -> None:
    """Write a commented template to the user's methods folder and validate it."""
    if not re.match(ID_PATTERN, method_id) or len(method_id) > 64:
        raise IntervisieError(t("methods.new.bad_id", id=method_id))
    folder = paths.user_methods_dir()
    target = folder / f"{method_id}.yaml"
    template = files("intervisie_tui").joinpath("templates", "method.yaml").read_text("utf-8")
    name = method_id.replace("-", " ").replace("_", " ").capitalize()
    text = template.replace("__ID__", method_id).replace("__NAME__", name)
    text = text.replace("__PATH__", str(target))
    from intervisie_tui.core.logbook.files import atomic_write  # only here: keeps `list` lean

    try:
        # created like every file of the app (0700 folders, a new 0600 file); the
        # schema next to it is rewritten atomically and keeps the mode it has
        paths.make_private_dir(folder)
        fd = paths.create_private_file(target)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        atomic_write(folder / SCHEMA_FILE, schema_text(), keep_mode=True)
    except FileExistsError:
        raise IntervisieError(t("methods.new.exists", path=target)) from None
    except OSError as error:
        raise IntervisieError(
            t("methods.new.cannot_write", path=target, reason=error.strerror or error)
        ) from None
    load_method_file(target)
    typer.echo(t("methods.new.created", path=target))
    if (paths.builtin_methods_dir() / f"{method_id}.yaml").is_file():
        typer.echo(t("methods.new.overrides", id=method_id))
    typer.echo(t("methods.new.next", path=target))


@methods_app.command("schema", help=t("cli.help.methods.schema"))
def schema() -> None:
    """Print the JSON Schema of a method file (for editors)."""
    typer.echo(schema_text(), nl=False)
