"""The journal file: header round trip, durability contract, torn and damaged lines."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.journal import (
    Journal,
    JournalError,
    JournalHeader,
    read_journal,
)
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from tests.core.engine_helpers import (
    START,
    fake_clock,
    incident_plan,
    rounds_method,
    rounds_setup,
    small_plan,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _runner(tmp_path, plan=None):
    plan = plan or small_plan()
    header = JournalHeader.for_plan(plan, "s1", START)
    journal = Journal.create(tmp_path / "j" / "s1.jsonl", header)
    return SessionRunner(plan, fake_clock(), journal, "s1")


@pytest.mark.parametrize(
    "plan",
    [incident_plan(), build_plan(rounds_method(), rounds_setup()), small_plan()],
    ids=["incident", "rounds", "small"],
)
def test_the_header_rebuilds_the_same_plan(plan):
    header = JournalHeader.for_plan(plan, "s1", START)
    again = JournalHeader.model_validate_json(header.model_dump_json())
    assert again.plan() == plan


def test_events_read_back_exactly(tmp_path):
    runner = _runner(tmp_path)
    runner.start()
    runner.clock.advance(0.1)
    runner.add_note("één\ntwee")
    runner.clock.advance(1 / 3)
    runner.pause()
    runner.close()
    contents = read_journal(tmp_path / "j" / "s1.jsonl")
    assert contents.warnings == []
    assert contents.events == runner.events
    assert contents.header.session_id == "s1"
    assert (
        replay(contents.header.plan(), "s1", contents.events, contents.header.created)
        == runner.state
    )


@posix_only
def test_files_are_private(tmp_path):
    runner = _runner(tmp_path)
    runner.close()
    assert stat.S_IMODE((tmp_path / "j").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "j" / "s1.jsonl").stat().st_mode) == 0o600


def test_create_refuses_to_overwrite(tmp_path):
    _runner(tmp_path).close()
    with pytest.raises(FileExistsError):
        _runner(tmp_path)


def _written(tmp_path, commands=3):
    runner = _runner(tmp_path)
    runner.start()
    for n in range(commands):
        runner.add_note(f"notitie {n}")
    runner.close()
    return tmp_path / "j" / "s1.jsonl", runner


@pytest.mark.parametrize(
    "tail", [b'{"t": 1.0, "wall": "2025-', b"\x00\x00\x00\x00", b'{"type": "unknown"}\n', b"}\n"]
)
def test_a_torn_last_line_is_skipped_with_a_warning(tmp_path, tail):
    path, runner = _written(tmp_path)
    with path.open("ab") as f:
        f.write(tail)
    contents = read_journal(path)
    assert contents.events == runner.events
    if tail.strip(b"\x00"):
        assert len(contents.warnings) == 1
        assert "regel 6" in contents.warnings[0]


def test_reopen_cuts_the_torn_line_so_appends_stay_readable(tmp_path):
    path, runner = _written(tmp_path)
    with path.open("ab") as f:
        f.write(b'{"type": "add", "t"')
    journal = Journal.reopen(read_journal(path))
    journal.append('{"type": "pause", "t": 9.0, "wall": "2025-03-14T14:00:09+00:00"}')
    journal.close()
    contents = read_journal(path)
    assert contents.warnings == []
    assert len(contents.events) == len(runner.events) + 1


def test_a_complete_last_line_without_newline_is_kept(tmp_path):
    path, runner = _written(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:-1])
    contents = read_journal(path)
    assert contents.events == runner.events
    assert contents.missing_newline
    Journal.reopen(contents).close()
    assert path.read_bytes() == data


def test_damage_in_the_middle_is_an_error_naming_the_line(tmp_path):
    path, _ = _written(tmp_path)
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2][:20]
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalError, match="regel 3"):
        read_journal(path)


@pytest.mark.parametrize("content", [b"", b"not json\n", b'{"type": "header"}\n'])
def test_a_bad_header_is_an_error(tmp_path, content):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(JournalError):
        read_journal(path)


def test_a_journal_from_a_newer_version_is_refused(tmp_path):
    path, _ = _written(tmp_path)
    data = path.read_bytes().replace(b'"format":2', b'"format":3', 1)
    path.write_bytes(data)
    with pytest.raises(JournalError, match="nieuwere versie"):
        read_journal(path)


def test_a_missing_journal_is_a_clear_error(tmp_path):
    with pytest.raises(SessionError, match="kan niet worden gelezen"):
        read_journal(tmp_path / "gone.jsonl")


def test_a_line_never_contains_a_newline(tmp_path):
    runner = _runner(tmp_path)
    with pytest.raises(ValueError):
        runner._journal.append("a\nb")


def test_a_failed_write_changes_nothing(tmp_path, monkeypatch):
    runner = _runner(tmp_path)
    runner.start()
    path = tmp_path / "j" / "s1.jsonl"
    size = path.stat().st_size
    state_before = replay(runner.plan, "s1", runner.events, runner.state.created_at)

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SessionError, match="opslaan is mislukt"):
        runner.add_note("gaat verloren, en dat wordt gemeld")
    monkeypatch.undo()
    assert path.stat().st_size == size
    assert runner.state == state_before
    runner.add_note("nu wel")
    runner.close()
    assert read_journal(path).events[-1].entry.text == "nu wel"  # type: ignore[union-attr]
