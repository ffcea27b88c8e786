"""The journal file: header round trip, durability contract, torn and damaged lines."""

from __future__ import annotations

import json
import os
import stat
import sys
import zlib

import pytest

from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.journal import (
    Journal,
    JournalDamaged,
    JournalError,
    JournalHeader,
    read_journal,
    rewrite_journal,
    seal,
    unseal,
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


def _as_format_2(path):
    """The same journal as the app wrote it before lines had checksums."""
    lines = [unseal(raw) for raw in path.read_bytes().split(b"\n")[:-1]]
    assert all(line is not None for line in lines)
    lines[0] = lines[0].replace(b'"format":3', b'"format":2', 1)  # type: ignore[union-attr]
    path.write_bytes(b"".join(line + b"\n" for line in lines))  # type: ignore[operator]


TORN = [b'{"t": 1.0, "wall": "2025-', b"\x00\x00\x00\x00", b'0123abcd {"type": "add"']


@pytest.mark.parametrize("tail", TORN)
def test_a_torn_last_line_is_skipped_with_a_warning(tmp_path, tail):
    path, runner = _written(tmp_path)
    with path.open("ab") as f:
        f.write(tail)
    contents = read_journal(path)
    assert contents.events == runner.events
    if tail.strip(b"\x00"):
        assert len(contents.warnings) == 1
        assert "regel 6" in contents.warnings[0]


@pytest.mark.parametrize("tail", [*TORN, b'{"type": "unknown"}\n', b"}\n"])
def test_a_format_2_journal_reads_as_before_torn_last_lines_too(tmp_path, tail):
    path, runner = _written(tmp_path)
    _as_format_2(path)
    with path.open("ab") as f:
        f.write(tail)
    contents = read_journal(path)
    assert contents.header.format == 2 and not contents.sealed
    assert contents.events == runner.events
    assert len(contents.warnings) == (1 if tail.strip(b"\x00") else 0)


def test_a_resumed_format_2_journal_goes_on_in_its_own_format(tmp_path):
    path, runner = _written(tmp_path)
    _as_format_2(path)
    journal = Journal.reopen(read_journal(path))
    journal.append('{"type":"pause","t":9.0,"wall":"2025-03-14T14:00:09Z"}')
    journal.close()
    assert path.read_bytes().endswith(b'\n{"type":"pause","t":9.0,"wall":"2025-03-14T14:00:09Z"}\n')
    assert len(read_journal(path).events) == len(runner.events) + 1


def test_every_line_carries_the_checksum_of_its_json(tmp_path):
    path, runner = _written(tmp_path)
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 1 + 1 + len(runner.events)
    for raw in lines[:-1]:
        checksum, json_line = raw.split(b" ", 1)
        assert checksum == b"%08x" % zlib.crc32(json_line)
        json.loads(json_line)
    assert json.loads(lines[0].split(b" ", 1)[1])["format"] == 3


def _flip(path, line, old, new):
    """Change `old` into `new` inside line `line` (1-based), leaving its checksum as it was."""
    lines = path.read_bytes().split(b"\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_bytes(b"\n".join(lines))


def test_a_flipped_byte_inside_a_text_is_damage_not_a_text(tmp_path):
    path, runner = _written(tmp_path)
    _flip(path, 4, b"notitie 1", b"notitie 7")  # still valid JSON, still a valid event
    with pytest.raises(JournalDamaged, match="regel 4") as raised:
        read_journal(path)
    salvage = raised.value.salvage
    assert salvage.first_damaged == 4
    assert salvage.kept.events == runner.events[:2]  # start, note 0
    assert salvage.later == runner.events[3:]  # note 2: its checksum is good
    assert salvage.unreadable == 1
    assert "notitie 7" not in repr(salvage)


def test_a_flipped_byte_in_the_last_complete_line_is_damage_too(tmp_path):
    """Only a line without its newline is what a crash leaves; a complete one was altered."""
    path, _ = _written(tmp_path)
    _flip(path, 5, b"notitie 2", b"notitie 3")
    with pytest.raises(JournalDamaged, match="regel 5"):
        read_journal(path)


def test_a_header_that_lost_its_checksum_is_refused(tmp_path):
    path, _ = _written(tmp_path)
    lines = path.read_bytes().split(b"\n")
    lines[0] = lines[0].split(b" ", 1)[1]
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalError, match="eerste regel"):
        read_journal(path)


def test_rewrite_makes_a_clean_checksummed_journal_of_the_same_events(tmp_path):
    path, runner = _written(tmp_path)
    _as_format_2(path)
    contents = read_journal(path)
    rewrite_journal(path, contents.header, contents.events[:3])
    again = read_journal(path)
    assert again.sealed and again.warnings == []
    assert again.events == runner.events[:3]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


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


@pytest.mark.parametrize("legacy", [False, True], ids=["format-3", "format-2"])
def test_damage_in_the_middle_is_an_error_naming_the_line(tmp_path, legacy):
    path, _ = _written(tmp_path)
    if legacy:
        _as_format_2(path)
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
    lines = path.read_bytes().split(b"\n")
    header = unseal(lines[0])
    assert header is not None
    lines[0] = seal(header.replace(b'"format":3', b'"format":4', 1))
    path.write_bytes(b"\n".join(lines))
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
