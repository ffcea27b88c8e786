"""The log on disk: named once, never over another file, atomic, private, and honest on failure."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from intervisie_tui.core.logbook import files
from intervisie_tui.core.logbook.live import LiveLog
from intervisie_tui.core.logbook.naming import safe_folder_name
from intervisie_tui.core.logbook.parse import read_log
from intervisie_tui.core.logbook.writer import LogWriteError, LogWriter
from intervisie_tui.core.state import Entry, SessionState
from tests.core.logbook_helpers import entry, setup, state

NAME = "2026-03-02-1930-focusmethode.md"
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="no POSIX permissions")


def write(writer: LogWriter, the_state: SessionState) -> Path:
    """`writer.write` for a session that has started: that always gives the log's path."""
    path = writer.write(the_state)
    assert path is not None
    return path


def running(*entries: Entry) -> SessionState:
    return state(setup(), list(entries), finished=False)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_log_lands_in_the_group_folder_under_the_start_time_and_method(tmp_path):
    writer = LogWriter.for_group("Team Noord", tmp_path)
    path = write(writer, running())
    assert path == tmp_path / "Team Noord" / NAME
    assert read_log(path).front.status == "running"


def test_every_write_replaces_the_same_file_and_it_reads_back_at_every_moment(tmp_path):
    writer = LogWriter(tmp_path)
    first = write(writer, running())
    second = write(writer, running(entry(1, "insight", 1, "eerste inzicht")))
    third = write(writer, state(setup(), [entry(1, "insight", 1, "eerste inzicht")]))
    assert first == second == third and listing(tmp_path) == [NAME]
    record = read_log(third)
    assert record.insights == ("eerste inzicht",) and record.front.status == "finished"


def test_an_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / NAME).write_text("van een collega", encoding="utf-8")
    (tmp_path / NAME.replace(".md", "-2.md")).write_text("nog een", encoding="utf-8")
    path = write(LogWriter(tmp_path), running())
    assert path.name == NAME.replace(".md", "-3.md")
    assert (tmp_path / NAME).read_text(encoding="utf-8") == "van een collega"


def test_two_sessions_starting_in_the_same_minute_get_two_files(tmp_path):
    one = write(LogWriter(tmp_path), state(session_id="one"))
    two = write(LogWriter(tmp_path), state(session_id="two"))
    assert (one.name, two.name) == (NAME, NAME.replace(".md", "-2.md"))


def test_a_resumed_session_writes_its_own_file_again(tmp_path):
    before_crash = write(LogWriter(tmp_path), running())
    after_resume = write(LogWriter(tmp_path), running(entry(1, "note", 1, "na herstart")))
    assert after_resume == before_crash and listing(tmp_path) == [NAME]
    renamed = before_crash.rename(tmp_path / "casus-mevrouw-k.md")
    again = write(LogWriter(tmp_path), running(entry(1, "note", 1, "nog eens")))
    assert again == renamed and listing(tmp_path) == ["casus-mevrouw-k.md"]


def test_nothing_is_written_before_the_first_step_and_then_the_start_names_the_file(tmp_path):
    waiting = running()
    waiting.started_at = None
    writer = LogWriter(tmp_path)
    assert writer.write(waiting) is None and listing(tmp_path) == []
    assert write(writer, running()).name == NAME


def test_without_hard_links_the_writer_still_never_overwrites(tmp_path, monkeypatch):
    def no_links(*_args):
        raise OSError(errno.EPERM, "links not supported")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / NAME).write_text("bestaand", encoding="utf-8")
    path = write(LogWriter(tmp_path), running())
    assert path.name.endswith("-2.md") and (tmp_path / NAME).read_text("utf-8") == "bestaand"


@POSIX_ONLY
def test_logs_are_private_files_in_private_folders(tmp_path):
    root = tmp_path / "nieuw" / "logs"
    path = write(LogWriter.for_group("Team Noord", root), running())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (tmp_path / "nieuw", root, path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_full_disk_raises_log_write_error_and_leaves_the_previous_log_intact(
    tmp_path, monkeypatch
):
    writer = LogWriter(tmp_path)
    path = write(writer, running(entry(1, "note", 1, "bewaard")))
    before = path.read_bytes()

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(LogWriteError) as caught:
        writer.write(running(entry(1, "note", 1, "bewaard"), entry(2, "note", 1, "nieuw")))
    message = str(caught.value)
    assert str(tmp_path) in message and "de schijf is vol" in message and "\n" not in message
    assert path.read_bytes() == before and listing(tmp_path) == [NAME]


@pytest.mark.parametrize(
    ("code", "words"), [(errno.EACCES, "geen toestemming"), (errno.EROFS, "alleen-lezen")]
)
def test_a_folder_that_cannot_be_written_raises_log_write_error(tmp_path, monkeypatch, code, words):
    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files, "create_unique_private_file", refuse)
    with pytest.raises(LogWriteError) as caught:
        LogWriter(tmp_path / "logs").write(running())
    assert words in str(caught.value) and str(tmp_path / "logs") in str(caught.value)


@POSIX_ONLY
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_really_refuses(tmp_path):
    writer = LogWriter(tmp_path)
    path = write(writer, running())
    before = path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(LogWriteError):
            writer.write(running(entry(1, "note", 1, "x")))
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == before


def test_a_file_where_the_folder_should_be_raises_log_write_error(tmp_path):
    (tmp_path / "Team Noord").write_text("geen map", encoding="utf-8")
    with pytest.raises(LogWriteError):
        LogWriter.for_group("Team Noord", tmp_path).write(running())


def test_relocate_writes_everything_to_the_new_folder(tmp_path, monkeypatch):
    writer = LogWriter(tmp_path / "kapot")
    real_create = files.create_unique_private_file

    def broken_here(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
        if str(folder).startswith(str(tmp_path / "kapot")):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_create(folder, prefix, suffix)

    monkeypatch.setattr(files, "create_unique_private_file", broken_here)
    with pytest.raises(LogWriteError):
        writer.write(running(entry(1, "note", 1, "niet kwijt")))
    path = writer.relocate(tmp_path / "usb")
    assert path is not None and path == tmp_path / "usb" / NAME
    assert "niet kwijt" in path.read_text(encoding="utf-8")
    writer.write(running(entry(1, "note", 1, "niet kwijt"), entry(2, "note", 1, "verder")))
    assert "verder" in path.read_text(encoding="utf-8")
    with pytest.raises(LogWriteError):
        writer.relocate(tmp_path / "kapot" / "ook")
    assert writer.folder == tmp_path / "usb" and writer.path == path


def test_relocate_before_the_first_write_only_changes_the_folder(tmp_path):
    writer = LogWriter(tmp_path / "a")
    assert writer.relocate(tmp_path / "b") is None
    assert write(writer, running()).parent == tmp_path / "b"


@pytest.mark.parametrize(
    ("group", "folder"),
    [
        ("Team Noord", "Team Noord"),
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("  veel   spaties  ", "veel spaties"),
        ("CON", "CON-groep"),
        ("...", "groep"),
        (".verborgen", "verborgen"),
        ("x" * 300, "x" * 80),
    ],
)
def test_group_folder_names_are_safe_everywhere(group, folder):
    assert safe_folder_name(group) == folder


def test_live_log_follows_the_session_and_keeps_a_write_problem_for_the_screen(
    tmp_path, monkeypatch
):
    waiting = running()
    waiting.started_at = None
    live = LiveLog.open(waiting, tmp_path)
    assert live.path is None and live.error is None
    live.update(running())
    assert live.path == tmp_path / "Team Noord" / NAME and live.error is None
    real_fsync = os.fsync

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    live.update(running(entry(1, "note", 1, "tijdens storing")))
    assert isinstance(live.error, LogWriteError)
    monkeypatch.setattr(os, "fsync", real_fsync)
    live.update(running(entry(1, "note", 1, "tijdens storing"), entry(2, "note", 1, "daarna")))
    assert live.error is None
    assert live.path is not None
    assert "tijdens storing" in live.path.read_text(encoding="utf-8")
    moved = live.relocate(tmp_path / "elders")
    assert moved == tmp_path / "elders" / NAME and live.path == moved
