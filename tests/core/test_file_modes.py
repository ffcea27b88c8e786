"""What the app creates is private whatever the umask; a user's own files keep their mode.

Every folder the app creates is 0700 and every file 0600, at umask 000 (which
would leave 0777 and 0666) and at umask 0277 (which would take the owner's own
write bit from a mode passed to mkdir or open): journal, lock, log, crash
report, state, log and config folders, and the temp file of an atomic write
from the moment it exists. Files are created new, under a name nobody can
guess where that matters, and a symlink planted at that name is never
followed. The group file (groep.yaml), which a team may share, keeps its mode
and owner when the app marks a topic chosen.

POSIX permission bits do not exist on Windows (only a read-only flag), and
symlinks there need special rights: those tests skip there.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from intervisie_tui import crash, paths
from intervisie_tui.core import store
from intervisie_tui.core.commands import SessionError
from intervisie_tui.core.group import group_file_path, load_group_file, mark_topic_chosen
from intervisie_tui.core.lock import SessionLock
from intervisie_tui.core.logbook import files
from intervisie_tui.core.logbook.writer import LogWriter
from tests.cli.conftest import invoke_cli
from tests.core.engine_helpers import fake_clock, small_plan
from tests.core.logbook_helpers import setup, state
from tests.core.test_logbook_group import GROUP_YAML

POSIX_ONLY = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX permission bits: Windows only has a read-only flag"
)
SYMLINKS = pytest.mark.skipif(
    sys.platform == "win32", reason="symlinks on Windows need developer mode or admin rights"
)
AS_ROOT = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away"
)
TOKEN = re.compile(r"[0-9a-f]{16}")
"""The random part of a name: 64 bits in hex."""


@pytest.fixture(params=[0o000, 0o277], ids=["umask000", "umask277"])
def umask(request) -> Iterator[int]:
    """Run the test under this umask; the old one comes back afterwards."""
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


@pytest.fixture
def umask000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def tokens(monkeypatch) -> list[str]:
    """Known "random" parts of names, in order, so a test can plant something there."""
    given = [f"{n:x}" * 16 for n in range(1, 10)]
    queue = iter(given)
    monkeypatch.setattr(paths, "_token", lambda: next(queue))
    return given


class _Fixed(datetime):
    """`datetime.now()` at a fixed moment, so a crash report's name is known."""

    @classmethod
    def now(cls, tz=None):
        return cls(2026, 3, 2, 19, 30, 5)


STAMP = "20260302-193005"


@pytest.fixture
def fixed_now(monkeypatch) -> None:
    monkeypatch.setattr(crash, "datetime", _Fixed)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def levels(top: Path, below: Path) -> list[Path]:
    """`below` and each of its parents up to, not including, `top`."""
    found = [below, *below.parents]
    return found[: found.index(top)]


def running():
    return state(setup(), [], finished=False)


# --- the app's own folders and files ------------------------------------------------


@POSIX_ONLY
def test_a_session_makes_its_state_folders_0700_and_journal_and_lock_0600(
    umask, tmp_path, monkeypatch
):
    monkeypatch.setenv(paths.ENV_STATE_DIR, str(tmp_path / "nieuw" / "state"))
    runner = store.new_session(small_plan(), fake_clock(), "s1")
    try:
        made = levels(tmp_path, paths.journal_dir())
        assert {p.name for p in made} == {"journals", "state", "nieuw"}
        assert {p.name: mode(p) for p in made} == dict.fromkeys(
            ("journals", "state", "nieuw"), 0o700
        )
        assert mode(paths.journal_dir() / "s1.jsonl") == 0o600
        assert mode(paths.journal_dir() / "s1.lock") == 0o600
    finally:
        runner.close()


@POSIX_ONLY
def test_the_log_its_folders_and_the_temp_file_of_every_write_are_private(
    umask, tmp_path, monkeypatch
):
    seen: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def watching(fd: int) -> None:  # the temp file, full but not yet renamed
        if stat.S_ISREG(os.fstat(fd).st_mode):
            temps = list((tmp_path / "logs" / "diep" / "Team Noord").glob(".*.tmp"))
            seen.extend((p.name, mode(p)) for p in temps)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watching)
    writer = LogWriter.for_group("Team Noord", tmp_path / "logs" / "diep")
    path = writer.write(running())
    assert path is not None
    writer.write(running())
    assert {mode(p) for p in levels(tmp_path, path.parent)} == {0o700}
    assert mode(path) == 0o600
    assert len(seen) == 2 and {m for _, m in seen} == {0o600}
    assert all(re.fullmatch(rf"\.{re.escape(path.stem)}\.{TOKEN.pattern}\.tmp", n) for n, _ in seen)
    assert not list(path.parent.glob(".*.tmp"))


@POSIX_ONLY
def test_a_crash_report_is_0600_in_0700_folders_under_a_name_nobody_can_guess(
    umask, tmp_path, monkeypatch
):
    monkeypatch.setenv(paths.ENV_STATE_DIR, str(tmp_path / "nieuw" / "state"))
    first = Path(crash.write_crash_report(RuntimeError("de klok liep vast")))
    second = Path(crash.write_crash_report(RuntimeError("nog een")))
    assert {mode(p) for p in levels(tmp_path, paths.state_dir())} == {0o700}
    assert mode(first) == mode(second) == 0o600
    for report in (first, second):
        assert report.parent == paths.state_dir()
        assert re.fullmatch(rf"crash-\d{{8}}-\d{{6}}-{TOKEN.pattern}\.txt", report.name)
    assert first != second


@POSIX_ONLY
def test_methods_new_makes_the_config_folders_0700_and_its_files_0600(umask000, tmp_path, capsys):
    code, _, err = invoke_cli(capsys, ["methods", "new", "mijn-methode"])
    assert code == 0, err
    folder = paths.user_methods_dir()
    assert {mode(p) for p in levels(tmp_path, folder)} == {0o700}
    assert mode(folder / "mijn-methode.yaml") == 0o600
    assert mode(folder / "method.schema.json") == 0o600


@POSIX_ONLY
def test_an_existing_folder_of_the_user_keeps_its_mode_the_state_folder_does_not(
    umask000, tmp_path
):
    shared = tmp_path / "teamschijf"
    shared.mkdir()
    shared.chmod(0o755)
    paths.make_private_dir(shared / "Team Noord")
    assert mode(shared) == 0o755 and mode(shared / "Team Noord") == 0o700
    paths.make_private_dir(shared, own=True)
    assert mode(shared) == 0o700


# --- never through a symlink ---------------------------------------------------------


@SYMLINKS
def test_a_symlink_at_the_crash_reports_name_is_not_followed(tokens, fixed_now, tmp_path):
    target = tmp_path / "van-iemand-anders.txt"
    target.write_text("niet van ons", encoding="utf-8")
    paths.state_dir().mkdir(parents=True)
    planted = paths.state_dir() / f"crash-{STAMP}-{tokens[0]}.txt"
    planted.symlink_to(target)
    where = Path(crash.write_crash_report(RuntimeError("de klok liep vast")))
    assert target.read_text(encoding="utf-8") == "niet van ons"
    assert planted.is_symlink() and not where.is_symlink()
    assert where == paths.state_dir() / f"crash-{STAMP}-{tokens[1]}.txt"
    assert "de klok liep vast" in where.read_text(encoding="utf-8")


@SYMLINKS
def test_when_every_crash_report_name_is_a_symlink_the_user_gets_one_line(
    fixed_now, tmp_path, monkeypatch, capsys
):
    import intervisie_tui.cli as cli

    target = tmp_path / "van-iemand-anders.txt"
    target.write_text("niet van ons", encoding="utf-8")
    monkeypatch.setattr(paths, "_token", lambda: "0" * 16)  # every try: the same name
    paths.state_dir().mkdir(parents=True)
    (paths.state_dir() / f"crash-{STAMP}-{'0' * 16}.txt").symlink_to(target)

    def broken(command=None):
        raise RuntimeError("de klok liep vast")

    monkeypatch.setattr(cli, "register", broken)
    code, _, err = invoke_cli(capsys, ["methods", "list"])
    assert code == 70 and len(err.splitlines()) == 1 and err.rstrip().endswith("details in -")
    assert target.read_text(encoding="utf-8") == "niet van ons"


@SYMLINKS
def test_a_symlink_at_the_temp_files_name_is_not_followed(tokens, tmp_path):
    target = tmp_path / "elders.md"
    target.write_text("niet van ons", encoding="utf-8")
    folder = tmp_path / "Team Noord"
    folder.mkdir()
    path = folder / "verslag.md"
    planted = folder / f".verslag.{tokens[0]}.tmp"
    planted.symlink_to(target)
    assert files.atomic_write(path, "het verslag\n")
    assert target.read_text(encoding="utf-8") == "niet van ons"
    assert path.read_text(encoding="utf-8") == "het verslag\n" and not path.is_symlink()
    assert planted.is_symlink()


@SYMLINKS
def test_a_private_file_is_never_created_through_a_symlink_even_a_dangling_one(tmp_path):
    dangling = tmp_path / "naar-niets"
    dangling.symlink_to(tmp_path / "zou-ontstaan.txt")
    with pytest.raises(FileExistsError):
        paths.create_private_file(dangling)
    assert not (tmp_path / "zou-ontstaan.txt").exists()


@SYMLINKS
def test_a_symlink_at_the_lock_files_name_fails_the_lock_with_one_message(tmp_path):
    target = tmp_path / "zou-ontstaan.lock"
    planted = tmp_path / "s1.lock"
    planted.symlink_to(target)
    with pytest.raises(SessionError) as caught:
        SessionLock(planted, "s1").acquire()
    assert "\n" not in str(caught.value) and "s1" in str(caught.value)
    assert not target.exists()


# --- the user's own files keep their mode --------------------------------------------


@POSIX_ONLY
@pytest.mark.parametrize("before", [0o644, 0o640, 0o664])
def test_marking_a_topic_chosen_keeps_the_group_files_mode(umask000, tmp_path, before):
    path = group_file_path("Team Noord", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(GROUP_YAML, encoding="utf-8")
    path.chmod(before)
    assert mark_topic_chosen("Team Noord", "Zorgmijders", date(2026, 3, 2), tmp_path)
    assert mode(path) == before
    group = load_group_file(path)
    assert group is not None and group.topics[0].chosen == [date(2026, 3, 2)]
    assert not list(path.parent.glob(".*.tmp"))


@POSIX_ONLY
@AS_ROOT
def test_marking_a_topic_chosen_keeps_the_group_files_owner(tmp_path):
    path = group_file_path("Team Noord", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(GROUP_YAML, encoding="utf-8")
    os.chown(path, 4321, 4321)
    assert mark_topic_chosen("Team Noord", "Zorgmijders", date(2026, 3, 2), tmp_path)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4321)


@POSIX_ONLY
def test_methods_new_keeps_the_schemas_mode_and_never_writes_through_a_symlink(
    umask000, tmp_path, capsys
):
    folder = paths.user_methods_dir()
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    schema = folder / "method.schema.json"
    schema.write_text("{}", encoding="utf-8")
    schema.chmod(0o644)
    code, _, err = invoke_cli(capsys, ["methods", "new", "mijn-methode"])
    assert code == 0, err
    assert mode(folder) == 0o755 and mode(schema) == 0o644
    assert schema.read_text(encoding="utf-8") != "{}"

    target = tmp_path / "van-iemand-anders.json"
    target.write_text("niet van ons", encoding="utf-8")
    schema.unlink()
    schema.symlink_to(target)
    code, _, err = invoke_cli(capsys, ["methods", "new", "nog-een"])
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == "niet van ons"
    assert not schema.is_symlink() and mode(schema) == 0o600


# --- the helpers everywhere ----------------------------------------------------------


def test_a_taken_name_is_passed_over_for_another_random_one(tokens, tmp_path):
    (tmp_path / f"x-{tokens[0]}.txt").write_text("er al", encoding="utf-8")
    fd, path = paths.create_unique_private_file(tmp_path, "x-", ".txt")
    os.close(fd)
    assert path == tmp_path / f"x-{tokens[1]}.txt"
    assert (tmp_path / f"x-{tokens[0]}.txt").read_text(encoding="utf-8") == "er al"


def test_make_private_dir_refuses_a_file_where_the_folder_should_be(tmp_path):
    (tmp_path / "bestand").write_text("", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        paths.make_private_dir(tmp_path / "bestand")
    with pytest.raises(OSError):
        paths.make_private_dir(tmp_path / "bestand" / "map")
