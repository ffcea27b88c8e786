"""The history index: a cache of the logs that follows every change to them, never their truth."""

from __future__ import annotations

import json
import os
import stat
import time

import pytest

from intervisie_tui import paths
from intervisie_tui.core.logbook import history, index
from tests.core.logbook_helpers import entry, group_session, method

GROUP = "Team Noord"
HOUR_NS = 3600 * 10**9


write_session = group_session


def age(folder, hours=2):
    """Every log as if written `hours` ago: the index may then trust size and mtime."""
    for path in folder.glob("*.md"):
        past = time.time_ns() - hours * HOUR_NS
        os.utime(path, ns=(past, past))


@pytest.fixture
def group(tmp_path):
    """Two sessions of Team Noord, aged, with their index written: (root, folder, logs)."""
    first = write_session(
        tmp_path,
        1,
        [entry(1, "action", 2, "bel de leverancier", owner="Bo"), entry(2, "action", 2, "b")],
        roles={"inbrenger": ("An",), "voorzitter": ("Bo",), "tijdbewaker": ("Cor",)},
    )
    second = write_session(
        tmp_path,
        2,
        [entry(1, "action", 2, "zaal reserveren", owner="Dewi")],
        roles={"inbrenger": ("Bo",), "voorzitter": ("Cor",), "tijdbewaker": ("Dewi",)},
    )
    folder = first.parent
    age(folder)
    history.load_folder(folder)  # writes the index
    return tmp_path, folder, [first, second]


@pytest.fixture
def no_reading(monkeypatch):
    """Any log read from here on fails the test."""

    def refuse(path):
        raise AssertionError(f"read {path.name}")

    monkeypatch.setattr(index, "read_log", refuse)


def view(found):
    """What a new session takes from a group, comparable between GroupStart and GroupHistory."""
    return (
        [(i.key, i.text, i.owner, i.source) for i in found.open_items()],
        found.previous_inbrenger(),
        found.last_participants(),
        found.summary_text("nl"),
    )


def test_a_start_reads_no_log_when_none_changed(group, no_reading):
    root, folder, _ = group
    start = history.load_start(root, GROUP)
    assert [i.text for i in start.open_items()] == ["bel de leverancier", "b", "zaal reserveren"]
    assert start.previous_inbrenger() == ("Bo",)
    full = history.load_folder(folder)
    assert [s.front.session_id for s in full.sessions] == ["s1", "s2"]
    assert full.open_count(full.sessions[0]) == 2


def test_the_index_gives_what_the_logs_give(group):
    root, folder, _ = group
    cached_start, cached_full = history.load_start(root, GROUP), history.load_folder(folder)
    paths_cache = paths.cache_dir()
    for part in paths_cache.rglob("*.json"):
        part.unlink()
    fresh = history.load_folder(folder)
    assert view(cached_start) == view(fresh) == view(cached_full)
    assert [s.front for s in cached_full.sessions] == [s.front for s in fresh.sessions]
    people = ("An", "Bo", "Cor", "Dewi", "Eef")
    rotation = method()
    assert history.suggest_roles(cached_start, people, rotation) == history.suggest_roles(
        fresh.sessions, people, rotation
    )


def test_a_log_ticked_by_hand_is_picked_up(group):
    root, _, (first, _) = group
    text = first.read_text(encoding="utf-8").replace("- [ ] b ", "- [x] b ", 1)
    first.write_text(text, encoding="utf-8")  # same size, in place: mtime and inode tell
    texts = [i.text for i in history.load_start(root, GROUP).open_items()]
    assert texts == ["bel de leverancier", "zaal reserveren"]


def test_a_change_within_the_mtime_granularity_is_still_seen(tmp_path):
    """A log changed in place with the same size and the same mtime, right after it was indexed."""
    path = write_session(tmp_path, 1, [entry(1, "action", 2, "a"), entry(2, "action", 2, "b")])
    folder = path.parent
    assert len(history.load_start(tmp_path, GROUP).open_items()) == 2  # index written now
    before = path.stat()
    path.write_text(path.read_text("utf-8").replace("- [ ] a ", "- [x] a ", 1), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a coarse clock: same mtime
    assert [i.text for i in history.load_start(tmp_path, GROUP).open_items()] == ["b"]
    assert [i.text for i in history.load_folder(folder).open_items()] == ["b"]


def test_an_imported_log_comes_in_and_a_deleted_one_drops_out(group):
    root, folder, (first, second) = group
    copy = folder / "2026-05-25-1930-focusmethode.md"
    text = second.read_text("utf-8").replace("s2", "s3").replace("2026-03-30", "2026-05-25")
    copy.write_text(text, encoding="utf-8")
    assert len(history.load_folder(folder).sessions) == 3
    first.unlink()
    found = history.load_start(root, GROUP)
    assert found.digest.count == 2
    assert first.name not in {i.source for i in found.open_items()}


def test_an_unreadable_log_stays_skipped_without_being_read_again(group, monkeypatch):
    root, folder, _ = group
    (folder / "2026-06-01-1930-kapot.md").write_text("geen front matter\n", encoding="utf-8")
    age(folder)
    history.load_folder(folder)
    monkeypatch.setattr(index, "read_log", lambda path: pytest.fail(f"read {path.name}"))
    assert [s.name for s in history.load_start(root, GROUP).digest.skipped] == [
        "2026-06-01-1930-kapot.md"
    ]
    assert [s.name for s in history.load_folder(folder).skipped] == ["2026-06-01-1930-kapot.md"]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff garbage",
        b'{"fingerprint": "someone else"}',
        b"[1, 2, 3]",
        "same fingerprint, wrong shapes",
    ],
)
def test_a_broken_or_foreign_index_is_rebuilt_without_a_word(group, damage):
    root, folder, _ = group
    expected = view(history.load_folder(folder))
    for part in index.folder_key(folder).glob("*.json"):
        if isinstance(damage, bytes):
            part.write_bytes(damage)
        else:
            data = json.loads(part.read_bytes())
            data["data"] = {"files": 7} if part.stem != "sessions" else [["x.md", {"format": []}]]
            part.write_text(json.dumps(data), encoding="utf-8")
    assert view(history.load_start(root, GROUP)) == expected
    assert view(history.load_folder(folder)) == expected


def test_an_index_entry_for_another_file_version_is_not_used(group):
    _, folder, (first, _) = group
    logs = index.folder_key(folder) / "logs.json"
    data = json.loads(logs.read_bytes())
    made_up = {"key": "k", "text": "verzonnen"}
    data["data"][first.name]["items"] = [[made_up.get(f) for f in index._ITEM_FIELDS]]
    logs.write_text(json.dumps(data), encoding="utf-8")
    for name in ("start.json", "sessions.json"):
        (index.folder_key(folder) / name).unlink()
    # the index is trusted for an unchanged file: it is ours and private
    assert "verzonnen" in [i.text for i in history.load_folder(folder).open_items()]
    first.write_text(first.read_text("utf-8") + "\n", encoding="utf-8")
    assert "verzonnen" not in [i.text for i in history.load_folder(folder).open_items()]


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_index_is_private_because_it_holds_names(group):
    _, folder, _ = group
    folder_mode = stat.S_IMODE(index.folder_key(folder).stat().st_mode)
    assert folder_mode == 0o700
    assert stat.S_IMODE(index.folder_key(folder).parent.stat().st_mode) == 0o700
    for part in index.folder_key(folder).glob("*.json"):
        assert stat.S_IMODE(part.stat().st_mode) == 0o600
    assert index.folder_key(folder).is_relative_to(paths.cache_dir())


def test_a_cache_folder_that_cannot_be_written_costs_only_time(group, monkeypatch):
    _, folder, _ = group
    expected = view(history.load_folder(folder))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(paths, "create_unique_private_file", refuse)
    (folder / "2026-06-01-1930-kapot.md").write_text("x\n", encoding="utf-8")
    found = history.load_folder(folder)
    assert view(found)[:3] == expected[:3]


def test_a_finished_session_leaves_the_index_current_for_the_next_start(tmp_path, monkeypatch):
    from intervisie_tui.core.session import SessionController
    from tests.core.engine_helpers import fake_clock, incident_method, incident_setup

    the_setup = incident_setup()
    session = SessionController.begin(
        incident_method(), the_setup, fake_clock(), tmp_path, background=False
    )
    assert session.open_on_disk().ok
    assert session.start().ok
    assert session.add_action("bel de wijkagent").ok
    assert session.finish().ok
    monkeypatch.setattr(index, "read_log", lambda path: pytest.fail(f"read {path.name}"))
    start = history.load_start(tmp_path, the_setup.group)
    assert [i.text for i in start.open_items()] == ["bel de wijkagent"]


def test_a_share_export_takes_the_history_from_the_index(group, no_reading, monkeypatch):
    from intervisie_tui.core.logbook import share
    from intervisie_tui.core.logbook.parse import parse_log
    from intervisie_tui.core.logbook.share import load_context

    monkeypatch.setattr(share, "read_log", lambda path: pytest.fail(f"read {path.name}"))
    root, _, (first, second) = group
    record = parse_log(second.read_text("utf-8"), second)
    context = load_context(record, root)
    assert [s.name for s in context.sessions] == [first.name]
    assert "Bo" in {item.owner for s in context.sessions for item in s.items}
