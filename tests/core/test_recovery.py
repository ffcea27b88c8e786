"""A damaged or cut-off journal: named, recovered from its log and good lines, only after a yes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from intervisie_tui import paths
from intervisie_tui.core import store
from intervisie_tui.core.commands import SessionError
from intervisie_tui.core.journal import JournalDamaged, read_journal, unseal
from intervisie_tui.core.logbook.live import LiveLog
from intervisie_tui.core.setup import OpenItem
from intervisie_tui.core.state import Entry
from tests.core.engine_helpers import fake_clock, incident_plan
from tests.core.test_journal import _as_format_2, _flip

DUE = date(2025, 3, 21)
TRICKY = [
    "# Niet alles hoeft vandaag\nEén stap per week",
    "  a | b *zucht* <b> `x` [y](z) &amp; \\ ~~",
    "- lijkt een lijst\n1. en een genummerde",
    "Bo: geen eigenaar, wel (voor 2025-01-01)",
    "eindigt met een nieuwe regel\n",
    "tab\there, controle\x07teken",
]


@pytest.fixture
def clock():
    return fake_clock()


class Meeting:
    """A session on disk with its live log, kept as the app keeps both."""

    def __init__(self, clock, plan=None):
        self.clock = clock
        self.runner = store.new_session(plan or incident_plan(), clock, "s1")
        self.log = LiveLog.open(self.runner.state)

    def __call__(self, command: str, *args, **changes):
        self.clock.advance(20)
        result = getattr(self.runner, command)(*args, **changes)
        self.log.update(self.runner.state)
        return result

    @property
    def texts(self) -> list[str]:
        return [entry.text for entry in self.runner.state.entries]

    def close(self) -> list[Entry]:
        entries = list(self.runner.state.entries)
        self.runner.close()
        return entries


def _meeting(clock) -> Meeting:
    """Lines: 1 header, 2 start, 3 note, 4 next, 5 insight, 6 action, 7 next, 8 note, 9 pause."""
    meeting = Meeting(clock)
    meeting("start")
    meeting("add_note", "eerste")
    meeting("next")
    meeting("add_insight", "tweede")
    meeting("add_action", "bellen", owner="Eva", due=DUE)
    meeting("next")
    meeting("add_note", "derde\nregel *met* [tekens]")
    meeting("pause")
    return meeting


def _journal() -> Path:
    return paths.journal_dir() / "s1.jsonl"


def _log() -> Path:
    (log,) = paths.log_dir().rglob("*.md")
    return log


def _cut(path: Path, lines: int, half: bool = True) -> None:
    """Keep the first `lines` lines (and half of the next one): the rest is gone."""
    kept = path.read_bytes().split(b"\n")
    data = b"".join(line + b"\n" for line in kept[:lines])
    path.write_bytes(data + (kept[lines][: len(kept[lines]) // 2] if half else b""))


def _files() -> dict[Path, bytes]:
    roots = (paths.journal_dir(), paths.log_dir())
    return {p: p.read_bytes() for root in roots for p in sorted(root.rglob("*")) if p.is_file()}


def _same_entries(got, wanted) -> bool:
    fields = ("kind", "step", "text", "owner", "due", "participant")
    return [[getattr(e, f) for f in fields] for e in got] == [
        [getattr(e, f) for f in fields] for e in wanted
    ]


def test_a_journal_cut_mid_file_recovers_the_logs_later_entries_after_a_yes(clock):
    wanted = _meeting(clock).close()
    _cut(_journal(), 4)  # header, start, note, next; half an insight
    damaged = _journal().read_bytes()
    assert read_journal(_journal()).warnings  # alone it looks like a torn last line
    damage = store.damage("s1")
    assert damage is not None and damage.cut and damage.first_damaged == 5
    assert damage.kept_entries == 1 and damage.step_number == 2
    assert [e.text for e in damage.recovered] == ["tweede", "bellen", "derde\nregel *met* [tekens]"]
    with pytest.raises(JournalDamaged, match="afgebroken na regel 4"):
        store.resume("s1", clock)  # not without the yes

    copy = store.repair("s1", damage)

    assert copy.parent == store.damaged_dir() and copy.read_bytes() == damaged
    contents = read_journal(_journal())
    assert contents.warnings == [] and contents.sealed
    clock.advance(60)
    runner, warnings = store.resume("s1", clock)
    assert warnings == []
    assert _same_entries(runner.state.entries, wanted)
    assert [e.id for e in runner.state.entries] == ["e1", "e2", "e3", "e4"]
    assert runner.state.current == 1  # where the kept lines left it; the later move is lost
    runner.add_note("daarna")
    assert runner.state.entries[-1].id == "e5"
    LiveLog.open(runner.state)
    runner.close()
    text = _log().read_text(encoding="utf-8")
    assert "tweede" in text and "bellen" in text and "daarna" in text


def test_the_damaged_journal_and_its_log_are_kept_as_copies(clock):
    _meeting(clock).close()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    damaged, log = _journal().read_bytes(), _log().read_bytes()
    damage = store.damage("s1")
    assert damage is not None
    store.repair("s1", damage)
    copies = sorted(store.damaged_dir().iterdir())
    assert [p.name for p in copies] == ["s1-line-5.jsonl", f"s1-line-5{_log().suffix}"]
    assert copies[0].read_bytes() == damaged and copies[1].read_bytes() == log
    if os.name == "posix":
        assert {p.stat().st_mode & 0o777 for p in copies} == {0o600}


def test_no_leaves_every_file_exactly_as_it_was(clock):
    _meeting(clock).close()
    _cut(_journal(), 4)
    before = _files()
    damage = store.damage("s1")  # what the timekeeper is shown
    assert damage is not None and damage.recovers == 3
    assert damage.describe()  # shown, and then answered "no": nothing more is done
    assert store.interrupted_sessions()[0].session_id == "s1"
    after = _files()
    assert after.keys() - before.keys() <= {paths.journal_dir() / "s1.lock"}
    assert {p: before[p] for p in before} == {p: after[p] for p in before}
    assert not store.damaged_dir().exists()


def test_a_flipped_byte_inside_a_text_is_named_and_the_logs_text_comes_back(clock):
    wanted = _meeting(clock).close()
    _flip(_journal(), 8, b"derde", b"derdf")  # valid JSON: only the checksum tells
    (info,) = store.interrupted_sessions()
    assert info.damaged_line == 8 and info.problem is None
    with pytest.raises(JournalDamaged, match="regel 8"):
        store.resume("s1", clock)
    damage = store.damage("s1")
    assert damage is not None and not damage.cut
    assert [e.text for e in damage.recovered] == ["derde\nregel *met* [tekens]"]
    assert dict(damage.lost) == {"pauses": 1, "unreadable": 1}  # line 9: the pause
    assert "derdf" not in damage.describe()
    store.repair("s1", damage)
    runner, _ = store.resume("s1", clock)
    assert _same_entries(runner.state.entries, wanted)
    assert runner.state.status == "running"  # the pause came after the damage
    LiveLog.open(runner.state)
    runner.close()
    assert b"derdf" not in _journal().read_bytes()
    assert "derdf" not in _log().read_text(encoding="utf-8")


def test_good_lines_after_the_damage_bring_back_what_the_log_missed(clock):
    meeting = _meeting(clock)
    meeting.runner.next()
    meeting.clock.advance(5)
    entry = meeting.runner.add_note("na de laatste log-schrijfbeurt")  # line 11: not in the log
    meeting.close()
    _flip(_journal(), 3, b"eerste", b"eerstf")
    damage = store.damage("s1")
    assert damage is not None
    texts = [e.text for e in damage.recovered]
    assert texts == ["eerste", "tweede", "bellen", "derde\nregel *met* [tekens]", entry.text]
    exact = damage.recovered[-1]
    assert (exact.step, exact.created) == (entry.step, entry.created)  # from its own line
    assert dict(damage.lost) == {"moves": 3, "pauses": 1, "unreadable": 1}


def test_the_description_names_the_line_what_comes_back_and_what_does_not(clock):
    _meeting(clock).close()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    damage = store.damage("s1")
    assert damage is not None
    text = damage.describe()
    assert "beschadigd vanaf regel 5" in text
    assert "regel 1 tot en met 4" in text and "1 vastgelegd punt." in text
    assert "stap 2. Verhelderen" in text
    assert "- Inzicht, stap 2: tweede" in text
    assert "- Actiepunt, stap 2: Eva: bellen (voor 2025-03-21)" in text
    assert "- Notitie, stap 3: derde…" in text
    assert "stapwisselingen: 1" in text and "pauzes en hervattingen: 1" in text
    assert "tweedf" not in text
    short = damage.describe(limit=2)
    assert "- Inzicht, stap 2: tweede" in short and "en nog 2" in short


def test_repair_refuses_when_the_journal_changed_since_it_was_shown(clock):
    _meeting(clock).close()
    _cut(_journal(), 6)
    damage = store.damage("s1")
    assert damage is not None
    _cut(_journal(), 4)  # meanwhile, less is left
    before = _files()
    with pytest.raises(SessionError, match="veranderd"):
        store.repair("s1", damage)
    assert _files() == before


def test_a_torn_last_line_stays_a_warning_when_the_log_is_not_ahead(clock):
    meeting = _meeting(clock)
    meeting.close()
    with _journal().open("ab") as f:  # the kill came while this line was written
        f.write(b'0badc0de {"t":141.0,"wall":"2025-03-14T14:02:21Z","type":"add","entry":{"id"')
    assert store.damage("s1") is None
    runner, warnings = store.resume("s1", clock)
    assert len(warnings) == 1 and "half geschreven" in warnings[0]
    assert len(runner.state.entries) == 4
    runner.close()


def test_a_whole_journal_with_tricky_texts_is_never_taken_for_damaged(clock):
    meeting = Meeting(clock)
    meeting("start")
    for text in TRICKY:
        meeting("add_note", text)
        meeting("add_insight", text)
        meeting("add_action", text, owner="Daan: de tweede", due=DUE)
        meeting("add_action", text)
    meeting("jump", 6)  # the go-around
    step = meeting.runner.step
    meeting("add_statement", step.go_around[0], TRICKY[0])
    meeting("pass_turn", step.go_around[1])
    meeting("add_statement", step.go_around[2], TRICKY[3])
    meeting("next")  # evaluation
    meeting("add_note", TRICKY[1])
    meeting("edit_entry", "e1", text="veranderd")
    meeting("delete_entry", "e2")
    meeting.close()
    assert store.damage("s1") is None
    runner, warnings = store.resume("s1", clock)
    assert warnings == []
    runner.close()


def test_statements_and_evaluation_entries_come_back_to_their_steps(clock):
    meeting = Meeting(clock)
    meeting("start")
    meeting("jump", 6)
    step = meeting.runner.step
    meeting("add_statement", step.go_around[0], "mijn advies")
    meeting("pass_turn", step.go_around[1])
    meeting("next")
    meeting("add_insight", "evaluatie: waardevol")
    wanted = meeting.close()
    _cut(_journal(), 3, half=False)  # header, start, jump: whole lines, and then nothing
    damage = store.damage("s1")
    assert damage is not None and damage.cut and damage.first_damaged == 4
    assert _same_entries(damage.recovered, wanted)
    assert damage.recovered[0].participant == step.go_around[0]


def test_follow_up_decisions_the_log_shows_come_back(clock):
    items = (OpenItem(key="a1b2c3d4e5", text="bel de leverancier", owner="Bo"),)
    meeting = Meeting(clock, incident_plan(open_items=items))
    meeting("start")
    meeting("add_note", "eerste")
    meeting("decide_followup", "a1b2c3d4e5", "done")
    meeting.close()
    _cut(_journal(), 3)
    damage = store.damage("s1")
    assert damage is not None
    assert damage.decisions == (("a1b2c3d4e5", "done", "bel de leverancier"),)
    assert "- Terugblik: bel de leverancier: Gedaan" in damage.describe()
    store.repair("s1", damage)
    runner, _ = store.resume("s1", clock)
    assert runner.state.followups["a1b2c3d4e5"].decision == "done"
    runner.close()


def test_a_hand_edited_action_item_is_named_not_taken(clock):
    _meeting(clock).close()
    log = _log()
    log.write_text(log.read_text(encoding="utf-8").replace("bellen", "mailen"), encoding="utf-8")
    assert store.damage("s1") is None  # the journal holds it: the journal counts
    _flip(_journal(), 8, b"derde", b"derdf")
    damage = store.damage("s1")
    assert damage is not None
    assert [e.text for e in damage.recovered] == ["derde\nregel *met* [tekens]"]
    assert damage.differing == ("Eva: mailen",)
    assert "niet overgenomen (1)" in damage.describe()


def test_a_format_2_journal_still_resumes_and_is_recovered_in_format_3(clock):
    wanted = _meeting(clock).close()
    _as_format_2(_journal())
    assert store.damage("s1") is None
    runner, warnings = store.resume("s1", clock)
    assert warnings == [] and _same_entries(runner.state.entries, wanted)
    runner.close()
    lines = _journal().read_bytes().split(b"\n")
    assert lines[0].startswith(b"{") and unseal(lines[-2]) is None  # still its own format
    lines[4] = b"garbage"
    _journal().write_bytes(b"\n".join(lines))
    damage = store.damage("s1")
    assert damage is not None and damage.first_damaged == 5
    store.repair("s1", damage)
    contents = read_journal(_journal())
    assert contents.sealed and contents.header.format == 3
    runner, _ = store.resume("s1", clock)
    assert _same_entries(runner.state.entries, wanted)
    runner.close()


def test_without_a_log_the_good_lines_are_all_there_is(clock):
    _meeting(clock).close()
    _log().unlink()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    damage = store.damage("s1")
    assert damage is not None and damage.log is None
    # what the good lines after the damage add comes back; the insight on line 5 does not
    assert [e.text for e in damage.recovered] == ["bellen", "derde\nregel *met* [tekens]"]
    assert "geen leesbaar verslag" in damage.describe()


def test_loading_a_damaged_journal_gives_the_good_lines_with_a_warning(clock):
    _meeting(clock).close()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    state, warnings = store.load("s1")
    assert [e.text for e in state.entries] == ["eerste"]
    assert len(warnings) == 1 and "regel 5" in warnings[0]


def test_a_full_disk_during_the_repair_leaves_the_journal_as_it_was(clock, monkeypatch):
    _meeting(clock).close()
    _cut(_journal(), 4)
    damaged = _journal().read_bytes()
    damage = store.damage("s1")
    assert damage is not None

    def full(*args):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", full)
        with pytest.raises(SessionError, match=r"herstellen is mislukt.*schijf"):
            store.repair("s1", damage)
    assert _journal().read_bytes() == damaged
    assert [p.name for p in paths.journal_dir().iterdir() if p.name.endswith(".tmp")] == []
    assert not store.damaged_dir().exists() or not any(store.damaged_dir().iterdir())
    assert store.repair("s1", damage).name == "s1-line-5.jsonl"  # once there is room, it goes
