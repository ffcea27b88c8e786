"""`intervisie doctor`: everything needed to report a problem, in one paste.

Versions, the folders in use (and whether they can be written), the terminal,
interrupted sessions and method files that do not load. Plain text and no
Textual import, so it works even when the app itself does not start. Every
section is guarded: a doctor that crashes helps nobody.
"""

from __future__ import annotations

import os
import platform
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer

from intervisie_tui import __version__, paths
from intervisie_tui.cli.common import MethodsOption, app, or_root, state
from intervisie_tui.i18n import detect_language, get_language, t

MIN_SIZE = (80, 24)
"""The screens are laid out for at least this many columns and lines."""
PACKAGES = ("textual", "rich", "pydantic", "typer", "pyyaml", "platformdirs")
COLOUR_VARS = ("NO_COLOR", "COLORTERM", "TERM")
LANG_VARS = ("INTERVISIE_LANG", "LANG", "LC_ALL")
LABEL_WIDTH = 20


@dataclass(frozen=True)
class FolderStatus:
    """What the doctor found at one path."""

    exists: bool
    writable: bool
    """Writable now, or (when missing) creatable below the nearest existing parent."""
    shared: bool = False
    """POSIX only: group or others may read it (logs should stay private)."""


def folder_status(path: Path) -> FolderStatus:
    if path.is_dir():
        shared = os.name != "nt" and bool(stat.S_IMODE(path.stat().st_mode) & 0o077)
        return FolderStatus(True, _can_write(path), shared)
    parent = next((p for p in path.parents if p.exists()), None)
    return FolderStatus(False, parent is not None and parent.is_dir() and _can_write(parent))


def _can_write(folder: Path) -> bool:
    """Really try: os.access says little on Windows or for root."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".intervisie-doctor-"):
            return True
    except OSError:
        return False


def colour_support(environ: Mapping[str, str], platform_name: str = sys.platform) -> str:
    """A catalog key for how many colours the terminal likely shows (as Rich decides it)."""
    term = environ.get("TERM", "").lower()
    if environ.get("NO_COLOR", ""):
        return "doctor.colour.off"
    if term == "dumb":
        return "doctor.colour.dumb"
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "doctor.colour.truecolor"
    if platform_name.startswith("win") and not term:
        return "doctor.colour.truecolor" if "WT_SESSION" in environ else "doctor.colour.windows"
    if "256color" in term:
        return "doctor.colour.256"
    return "doctor.colour.16" if term else "doctor.colour.unknown"


def terminal_size() -> tuple[int, int] | None:
    """Columns and lines of the terminal, even when stdout goes to a file or pipe."""
    columns, lines = shutil.get_terminal_size(fallback=(0, 0))
    if columns and lines:
        return columns, lines
    for stream in (sys.__stderr__, sys.__stdin__):
        try:
            size = os.get_terminal_size(stream.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            continue
        if size.columns and size.lines:
            return size.columns, size.lines
    return None


class Report:
    """Collects lines and the problems worth a summary at the end."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.problems: list[str] = []

    def heading(self, key: str, **values: object) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(t(key, **values))

    def row(self, label: str, value: str) -> None:
        self.lines.append(f"  {label.ljust(LABEL_WIDTH)} {value}".rstrip())

    def item(self, text: str) -> None:
        self.lines.extend("  " + line for line in text.splitlines())

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def section(self, key: str, fill: Callable[[Report], None]) -> None:
        """A heading and its rows; a failure inside shows as one line, never a traceback."""
        self.heading(key)
        try:
            fill(self)
        except Exception as error:  # the report must go on
            message = t("doctor.failed", error=f"{type(error).__name__}: {error}")
            self.item(message)
            self.problem(message)


def _versions(report: Report) -> None:
    report.row("intervisie", __version__)
    python = f"{platform.python_version()} ({platform.python_implementation()})"
    report.row("Python", python)
    report.row("", sys.executable)
    for package in PACKAGES:
        try:
            found = version(package)
        except PackageNotFoundError:
            found = t("doctor.missing")
        report.row(package, found)
    report.row(t("doctor.platform"), platform.platform())


def _folders(log_dir: Path | None) -> Callable[[Report], None]:
    def fill(report: Report) -> None:
        from intervisie_tui.core.library import search_path

        searched = search_path(state.methods_dirs)
        rows: list[tuple[str, Path | None, bool]] = [
            (t(f"doctor.folder.{origin}"), folder, origin == "user") for origin, folder in searched
        ]
        if all(origin != "extra" for origin, _ in searched):
            rows.append((t("doctor.folder.extra"), None, False))
        rows += [
            (t("doctor.folder.log"), paths.log_dir(log_dir), True),
            (t("doctor.folder.journal"), paths.journal_dir(), True),
            (t("doctor.folder.state"), paths.state_dir(), True),
        ]
        for label, folder, must_write in rows:
            if folder is None:
                report.row(label, t("doctor.none"))
                continue
            found = folder_status(folder)
            report.row(label, str(folder))
            if folder == searched[0][1] and not found.exists:  # the built-in library
                report.row("", t("doctor.status.builtin_missing"))
                report.problem(t("doctor.problem.builtin", path=str(folder)))
                continue
            report.row("", _describe(found, needs_writing=must_write))
            if must_write and not found.writable:
                report.problem(t("doctor.problem.folder", path=str(folder)))
        report.row(t("doctor.config"), str(paths.config_dir()))
        _crash_reports(report)

    return fill


def _describe(found: FolderStatus, needs_writing: bool) -> str:
    if not found.exists:
        return t("doctor.status.will_create" if found.writable else "doctor.status.cannot_create")
    words = [t("doctor.status.exists")]
    if needs_writing:
        words.append(
            t("doctor.status.writable" if found.writable else "doctor.status.not_writable")
        )
        if found.shared:
            words.append(t("doctor.status.shared"))
    return "[" + ", ".join(words) + "]"


def _crash_reports(report: Report) -> None:
    try:
        crashes = sorted(paths.state_dir().glob("crash-*.txt"))
    except OSError:
        crashes = []
    if crashes:
        report.row(t("doctor.crashes", count=len(crashes)), str(crashes[-1]))


def _terminal(report: Report) -> None:
    size = terminal_size()
    if size is None:
        report.row(t("doctor.size"), t("doctor.size.unknown"))
    else:
        text = f"{size[0]} x {size[1]}"
        if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
            small = t("doctor.size.small", columns=MIN_SIZE[0], lines=MIN_SIZE[1])
            text += f"  ({small})"
            report.problem(small)
        report.row(t("doctor.size"), text)
    if not sys.stdout.isatty():
        report.row("", t("doctor.not_a_terminal"))
    colours = colour_support(os.environ)
    report.row(t("doctor.colours"), t(colours))
    report.row("", _env_values(COLOUR_VARS))
    if colours == "doctor.colour.dumb":
        report.problem(t("doctor.colour.dumb"))
    language = f"{get_language()} ({t('doctor.detected', lang=detect_language())})"
    report.row(t("doctor.language"), language)
    report.row("", _env_values(LANG_VARS))
    report.row(t("doctor.sound"), _sound())
    _keep_awake(report)


def _env_values(names: tuple[str, ...]) -> str:
    return ", ".join(f"{name}={os.environ.get(name) or '-'}" for name in names)


def _sound() -> str:
    from intervisie_tui.sound import choose_player

    player = choose_player()
    if player is None:
        return t("doctor.sound.bell")
    return "winsound" if player.kind == "winsound" else " ".join(player.command)


def _keep_awake(report: Report) -> None:
    from intervisie_tui.keep_awake import KeepAwake

    awake = KeepAwake.detect()
    if awake.hold():  # really try: the tool can be there and still not be allowed
        awake.release()
        report.row(t("doctor.keep_awake"), t("doctor.keep_awake.held", method=awake.method))
        return
    report.row(t("doctor.keep_awake"), t("doctor.keep_awake.not_held", reason=awake.unavailable))
    report.row("", t("doctor.keep_awake.hint"))


def _sessions(report: Report) -> None:
    from intervisie_tui.core import store

    waiting = store.interrupted_sessions()
    if not waiting:
        report.item(t("doctor.none"))
        return
    for info in waiting:
        when = f"{info.last_activity:%Y-%m-%d %H:%M}" if info.last_activity else "?"
        parts = [info.session_id, info.group or "?", info.method_name or "?"]
        parts.append(t("doctor.session.detail", when=when, count=info.entries))
        if info.in_use:
            parts.append(t("doctor.session.in_use"))
        report.item(" · ".join(parts))
        if info.problem:
            report.item(f"  {info.problem}")
            report.problem(t("doctor.problem.session", id=info.session_id))
        elif info.damaged_line:
            damaged = t("recovery.doctor", line=info.damaged_line, id=info.session_id)
            report.item(f"  {damaged}")
            report.problem(f"{info.session_id}: {damaged}")
    report.item(t("doctor.session.hint"))


def _broken_methods(report: Report) -> None:
    from intervisie_tui.core.library import load_library

    library = load_library(state.methods_dirs)
    report.item(t("doctor.methods.loaded", count=len(library.entries)))
    for entry in library.methods:
        if entry.overrides is not None:
            origin = t(f"methods.origin.{entry.overrides.origin}")
            report.item(
                t(
                    "doctor.methods.replaces",
                    id=entry.method.id,
                    path=entry.path,
                    origin=origin,
                    other=entry.overrides.path,
                )
            )
    for broken in library.broken:
        first = broken.error.problems[0]
        report.item(first.format())
        if len(broken.error.problems) > 1:
            more = len(broken.error.problems) - 1
            report.item("  " + t("methods.list.more", count=more, path=first.file))
        report.problem(t("doctor.problem.method", path=str(broken.path)))


def build_report(log_dir: Path | None = None) -> Report:
    report = Report()
    report.lines.append(t("doctor.title"))
    report.section("doctor.versions", _versions)
    report.section("doctor.folders", _folders(log_dir))
    report.section("doctor.terminal", _terminal)
    report.section("doctor.sessions", _sessions)
    report.section("doctor.methods", _broken_methods)
    report.heading("doctor.summary")
    if report.problems:
        report.item(t("doctor.problems", count=len(report.problems)))
        for problem in report.problems:
            report.item(f"- {problem}")
    else:
        report.item(t("doctor.all_well"))
    return report


@app.command("doctor", help=t("cli.help.doctor"))
def doctor(
    log_dir: Annotated[
        Path | None,
        typer.Option(
            "--log-dir", envvar="INTERVISIE_LOG_DIR", help=t("cli.help.log_dir"), callback=or_root
        ),
    ] = None,
    methods: MethodsOption = None,
) -> None:
    """Versions, folders, terminal and broken method files: paste this when asking for help."""
    typer.echo("\n".join(build_report(log_dir).lines))
