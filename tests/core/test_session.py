"""The session controller: one owner of a running session, one result type per command."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest

from intervisie_tui import paths
from intervisie_tui.core import store
from intervisie_tui.core.journal import Journal, read_journal
from intervisie_tui.core.lock import SessionLocked
from intervisie_tui.core.logbook.parse import read_log
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.session import SessionController
from tests.core.engine_helpers import fake_clock, incident_method, incident_plan, incident_setup

ADVICE = 6
"""The go-around step of the incident plan (leden: Anouk, Chaima, Daan, Eva, Fleur)."""


@pytest.fixture
def clock():
    return fake_clock()


def on_disk(clock, tmp_path: Path, **setup) -> SessionController:
    session = SessionController.begin(
        incident_method(), incident_setup(**setup), clock, tmp_path / "logs", background=False
    )
    assert session.open_on_disk().ok
    return session


def test_every_command_answers_with_one_result(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    assert session.next().kind == "refused"  # not started yet: nothing changed
    assert session.next().message
    assert session.start().kind == "done"
    assert session.runner.state.status == "running"
    assert session.start().kind == "refused"


def test_a_new_session_is_put_on_disk_by_its_first_command(clock, tmp_path):
    session = SessionController.begin(
        incident_method(), incident_setup(), clock, tmp_path / "logs", background=False
    )
    assert session.pending and session.log is None
    assert session.start().ok
    assert not session.pending
    journal = paths.journal_dir() / f"{session.runner.session_id}.jsonl"
    assert [type(e).__name__ for e in read_journal(journal).events] == ["Start"]
    assert session.log is not None and session.log.path is not None
    session.close()


def test_a_disk_that_refuses_a_new_session_is_fatal_and_nothing_runs(clock, tmp_path, monkeypatch):
    def refuse(runner):
        raise store.SessionError("session.save_failed", error="schijf vol")

    monkeypatch.setattr(store, "store_on_disk", refuse)
    session = SessionController.begin(incident_method(), incident_setup(), clock, tmp_path)
    result = session.start()
    assert result.kind == "refused" and result.fatal and "schijf vol" in result.message
    assert session.runner.state.status == "ready"


def test_a_finish_the_disk_refuses_waits_and_keeps_the_session_until_it_is_saved(
    clock, tmp_path, monkeypatch
):
    """Bug: a refused finish still closed the session (journal and lock let go)."""
    session = on_disk(clock, tmp_path)
    session.start()
    clock.advance(60)
    real_append = Journal.append

    def disk_full(self, line):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Journal, "append", disk_full)
    result = session.finish()
    assert result.ok and result.line is not None
    assert session.news().saved < result.line  # done, not on disk yet
    snap = session.snapshot()
    assert snap.finished and snap.unsaved == 1 and snap.saving_slowly
    assert snap.save_error is not None and "vol" in snap.save_error
    with pytest.raises(SessionLocked):  # still ours until the finish is on disk
        store.resume(session.runner.session_id, clock)
    monkeypatch.setattr(Journal, "append", real_append)
    session.retry_disk()
    news = session.news()
    assert news.saved >= result.line and news.recovered
    assert session.snapshot().unsaved == 0
    session_id = session.runner.session_id
    assert (store.finished_dir() / f"{session_id}.jsonl").is_file()  # released and archived


def test_what_the_disk_refuses_is_kept_in_order_and_saved_when_it_has_room_again(
    clock, tmp_path, monkeypatch
):
    session = on_disk(clock, tmp_path)
    session.start()
    real_append = Journal.append

    def disk_full(self, line):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Journal, "append", disk_full)
    first = session.add_note("eerste")
    second = session.add_insight("tweede")
    session.next()
    assert first.ok and second.ok
    news = session.news()
    assert news.refused is not None and "vol" in news.refused
    assert session.news().refused is None  # told once
    snap = session.snapshot()
    assert snap.unsaved == 3 and snap.unsaved_ids == {"e1", "e2"}
    assert [e.text for e in snap.entries] == ["eerste", "tweede"]  # on screen, marked unsaved
    monkeypatch.setattr(Journal, "append", real_append)
    session.add_note("derde")  # the next command tries the waiting ones first
    assert session.news().recovered
    assert session.snapshot().unsaved == 0
    events = read_journal(paths.journal_dir() / f"{session.runner.session_id}.jsonl").events
    kinds = [type(e).__name__ for e in events]
    assert kinds == ["Start", "Add", "Add", "Move", "Add"]
    texts = [e.entry.text for e in events if hasattr(e, "entry")]
    assert texts == ["eerste", "tweede", "derde"]
    session.close()


def test_a_finished_session_is_released_and_archived(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    assert session.finish().ok
    session_id = session.runner.session_id
    assert (store.finished_dir() / f"{session_id}.jsonl").is_file()
    assert store.interrupted_sessions() == []


def test_stop_pauses_the_clock_and_lets_resume_take_it(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    clock.advance(30)
    assert session.stop().ok
    assert session.runner.closed and session.runner.state.status == "paused"
    resumed, _ = SessionController.resume(session.runner.session_id, clock)
    assert resumed.runner.is_paused
    resumed.close()


def test_go_around_passes_are_journaled_survive_resume_and_reach_the_log(clock, tmp_path):
    """Bug: a pass (Enter on an empty line) lived only in the screen's memory."""
    session = on_disk(clock, tmp_path)
    session.start()
    assert session.jump(ADVICE).ok
    snap = session.snapshot()
    assert snap.step.go_around == ("Anouk", "Chaima", "Daan", "Eva", "Fleur")
    assert snap.next_speaker == "Anouk"
    assert session.speak("Anouk", "Bel eerst de huisarts").ok
    assert session.speak("Chaima", "   ").ok  # nothing said: Chaima passes
    snap = session.snapshot()
    assert snap.passed == ("Chaima",) and snap.spoken == {"Anouk", "Chaima"}
    assert snap.next_speaker == "Daan"
    session_id = session.runner.session_id
    session.runner.close()  # the app dies here

    resumed, _ = SessionController.resume(session_id, clock)
    snap = resumed.snapshot()
    assert snap.passed == ("Chaima",) and snap.next_speaker == "Daan"
    assert resumed.speak("Daan", "").ok
    assert resumed.snapshot().passed == ("Chaima", "Daan")
    assert resumed.flush(timeout=30)
    log = resumed.snapshot().log_path
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "- Anouk: Bel eerst de huisarts" in text
    assert "- Chaima: *past*" in text and "- Daan: *past*" in text
    assert text.index("- Anouk: Bel") < text.index("- Chaima: *past*") < text.index("- Daan:")
    resumed.close()


def test_only_the_people_of_the_go_around_can_pass(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    session.jump(ADVICE)
    assert session.speak("Bram", "").kind == "refused"  # the inbrenger is not in this round
    assert session.speak("Nobody", "").kind == "refused"


def test_the_log_plans_with_the_minutes_added_like_the_summary(clock, tmp_path):
    """Bug: the log's "Gepland" ignored +/-; the summary screen included them."""
    session = on_disk(clock, tmp_path)
    session.start()
    assert session.adjust(120).ok
    assert session.snapshot().agenda[0].planned == 12 * 60
    log = session.snapshot().log_path
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "| 1 | Incident | 12 min (+2 min) |" in text
    assert "| | **Totaal** | **1 uur 32 min (+2 min)** |" in text
    assert read_log(log).front.method == "incident"
    session.close()


def test_an_action_is_stored_as_typed_with_owner_matched_and_due_parsed(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    assert session.add_action("Bel de huisarts", "daan", "2025-03-21").ok
    assert session.add_action("Mail de wijkagent", "de buurvrouw", "").ok
    first, second = session.snapshot().entries
    assert (first.owner, str(first.due)) == ("Daan", "2025-03-21")
    assert (second.owner, second.due) == ("de buurvrouw", None)


@pytest.mark.parametrize("typed", ["morgenochtend", "31-2", "30-02-2027", "+"])
def test_a_due_date_not_understood_refuses_the_item_and_says_what_is_understood(clock, typed):
    """Bug: the date was dropped with a short toast and the item saved without it."""
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    result = session.add_action("Mail de wijkagent", "fleur", typed)
    assert not result.ok and result.field == "due"
    assert f"'{typed}'" in result.message
    for understood in ("vr", "+7", "1-12", "12-01-2027"):
        assert understood in result.message
    assert session.snapshot().entries == ()  # nothing half-saved: it is asked again


def test_owner_and_due_are_edited_as_typed_and_a_bad_date_changes_nothing(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    assert session.add_action("Bel de huisarts").ok
    (action,) = session.snapshot().entries
    assert session.edit_entry(action.id, owner="fleur", due="12-01-2027").ok
    (edited,) = session.snapshot().entries
    assert (edited.owner, edited.due) == ("Fleur", date(2027, 1, 12))
    refused = session.edit_entry(action.id, text="Bel de arts", due="31-2")
    assert not refused.ok and refused.field == "due"
    assert session.snapshot().entries == (edited,)
    assert session.edit_entry(action.id, owner="", due="").ok  # emptied: no owner, no date
    (emptied,) = session.snapshot().entries
    assert (emptied.owner, emptied.due) == (None, None)


def test_edits_and_deletes_of_any_step_leave_the_clock_and_survive_a_resume(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    assert session.add_action("Bel de huisarts", "da").ok
    assert session.add_note("weg ermee").ok
    session.next()
    session.next()
    clock.advance(70)
    before = session.snapshot()
    action, note = before.entries
    assert session.edit_entry(action.id, text="Bel de huisarts vrijdag", owner="daan").ok
    assert session.edit_entry(action.id, due="1-12").ok
    assert session.delete_entry(note.id).ok
    after = session.snapshot()
    assert (after.index, after.status, after.agenda) == (before.index, before.status, before.agenda)
    assert after.remaining == before.remaining
    session.flush()
    log = after.log_path
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "- [ ] Daan: Bel de huisarts vrijdag (voor 2025-12-01)" in text
    assert "weg ermee" not in text
    session.stop()

    resumed, _ = SessionController.resume(after.session_id, clock)
    try:
        (kept,) = resumed.snapshot().entries
        assert (kept.text, kept.owner, kept.due, kept.step) == (
            "Bel de huisarts vrijdag",
            "Daan",
            date(2025, 12, 1),
            0,
        )
        assert resumed.snapshot().index == before.index
    finally:
        resumed.close()


def test_log_trouble_is_said_once_and_relocating_mends_it(clock, tmp_path, monkeypatch):
    session = on_disk(clock, tmp_path)
    from intervisie_tui.core.logbook import writer

    real_write = writer.atomic_write

    def disk_full(path, text, **kwargs):
        if "usb" not in str(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, text, **kwargs)

    monkeypatch.setattr(writer, "atomic_write", disk_full)
    assert session.start().kind == "done"  # journaled; the log's first write fails
    first = session.news().log_failed
    assert first is not None and str(tmp_path / "logs") in first
    assert session.add_note("nog steeds").kind == "done"
    assert session.news().log_failed is None  # said once, not at every key
    assert session.snapshot().log_error is not None
    moved = session.relocate_log(str(tmp_path / "usb"))
    assert moved.ok and "usb" in moved.message
    log = session.snapshot().log_path
    assert log is not None and (tmp_path / "usb") in log.parents
    assert "nog steeds" in log.read_text(encoding="utf-8")
    session.close()


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(0.0, 1.0), (0.25, 0.75), (0.9, 0.1), (300.5, 0.5)],
)
def test_next_beat_is_when_the_shown_second_changes(clock, elapsed, expected):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    clock.advance(elapsed)
    assert session.seconds_to_next_change() == pytest.approx(expected + 0.005, abs=1e-6)


def test_a_session_that_does_not_run_beats_once_a_second(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    assert session.seconds_to_next_change() == 1.0


def test_a_beat_carries_each_crossed_threshold_once(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    clock.advance(9 * 60 + 1)  # 59 s left of 10 minutes
    assert [a.kind for a in session.beat().alerts] == ["warning"]
    assert session.beat().alerts == ()
    assert session.snapshot().alerts == ()  # only beats carry alerts
    clock.advance(60)
    assert [a.kind for a in session.beat().alerts] == ["zero"]


def test_a_snapshot_does_not_change_when_the_session_goes_on(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    before = session.snapshot()
    session.add_note("later")
    session.next()
    assert before.entries == () and before.index == 0
    assert session.snapshot().index == 1


def test_discarding_removes_journal_and_log(clock, tmp_path):
    from intervisie_tui.core.session import discard_session

    session = on_disk(clock, tmp_path)
    session.start()
    session_id = session.runner.session_id
    log = session.snapshot().log_path
    assert log is not None and log.is_file()
    session.runner.close()
    discard_session(session_id)
    assert not log.exists()
    assert store.interrupted_sessions() == []


def test_waiting_sessions_leave_out_one_open_elsewhere_and_filter_by_group(clock, tmp_path):
    from intervisie_tui.core.session import waiting_sessions

    assert waiting_sessions() == []
    first = on_disk(clock, tmp_path)
    first.start()
    first.runner.close()
    clock.advance(60)
    other = on_disk(clock, tmp_path, group="Team Zuid")
    other.start()
    assert [s.session_id for s in waiting_sessions()] == [first.runner.session_id]
    other.runner.close()
    assert [s.group for s in waiting_sessions()] == ["Team Zuid", "Team Noord"]
    assert [s.group for s in waiting_sessions("Team Noord")] == ["Team Noord"]


def test_a_full_state_folder_at_the_start_is_one_line_and_leaves_no_lock(
    clock, tmp_path, monkeypatch
):
    def disk_full(path, header):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Journal, "create", disk_full)
    session = SessionController.begin(incident_method(), incident_setup(), clock, tmp_path)
    result = session.open_on_disk()
    assert result.kind == "refused" and result.fatal
    assert "kan niet worden opgeslagen" in result.message and "vol" in result.message
    assert "\n" not in result.message
    assert list(paths.journal_dir().iterdir()) == []  # no journal, no stale lock file
    assert session.start().fatal  # and nothing runs without a journal
    assert session.runner.state.status == "ready"


def test_a_log_whose_last_write_failed_is_written_from_the_journal_at_the_next_start(
    clock, tmp_path, monkeypatch
):
    """The journal is the truth: a full disk at the end does not leave the log 'running'."""
    from intervisie_tui.core.logbook import writer

    session = on_disk(clock, tmp_path)
    session.start()
    session.add_note("voor het einde")
    log = session.snapshot().log_path
    assert log is not None
    real_write = writer.atomic_write

    def disk_full(path, text, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "atomic_write", disk_full)
    assert session.add_note("de laatste").ok  # journaled; the log behind
    assert session.news().log_failed is not None
    assert session.finish().ok
    assert session.snapshot().log_error is not None
    assert "status: running" in log.read_text(encoding="utf-8")
    session_id = session.runner.session_id
    assert (paths.journal_dir() / f"{session_id}.jsonl").is_file()  # not archived: behind

    monkeypatch.setattr(writer, "atomic_write", real_write)  # space again
    assert store.interrupted_sessions() == []  # the next start looks, and mends
    text = log.read_text(encoding="utf-8")
    assert "status: finished" in text and "de laatste" in text
    assert (store.finished_dir() / f"{session_id}.jsonl").is_file()


def test_a_finished_log_is_not_written_again(clock, tmp_path):
    """Hand edits of a finished log stay, even when its journal is still in the way."""
    session = on_disk(clock, tmp_path)
    session.start()
    session_id = session.runner.session_id
    log = session.snapshot().log_path
    assert log is not None
    session.runner.finish()  # finished on disk, but not archived (an older version did so)
    session.log.update(session.runner.state)  # type: ignore[union-attr]
    session.runner.close()
    log.write_text(log.read_text(encoding="utf-8") + "\nMet de hand erbij.\n", encoding="utf-8")
    assert store.interrupted_sessions() == []
    assert log.read_text(encoding="utf-8").endswith("Met de hand erbij.\n")
    assert (store.finished_dir() / f"{session_id}.jsonl").is_file()


def test_temp_files_of_a_killed_log_write_are_swept(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    log = session.snapshot().log_path
    assert log is not None
    stray = log.parent / f".{log.stem}.abc123.tmp"
    stray.write_text("half", encoding="utf-8")
    other = log.parent / ".iets-anders.tmp"
    other.write_text("niet van ons", encoding="utf-8")
    session_id = session.runner.session_id
    session.runner.close()  # killed; resumed later
    resumed, _ = SessionController.resume(session_id, clock)
    assert resumed.flush(timeout=30)
    assert not stray.exists() and other.exists()
    resumed.close()


def test_the_log_lists_a_go_around_in_speaking_order_passes_included(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    session.jump(ADVICE)
    session.speak("Anouk", "")  # passes first
    session.speak("Chaima", "Eerst slapen")
    session.speak("Daan", "")
    log = session.snapshot().log_path
    assert log is not None
    text = log.read_text(encoding="utf-8")
    anouk, chaima, daan = (text.index(f"- {name}:") for name in ("Anouk", "Chaima", "Daan"))
    assert anouk < chaima < daan
    session.close()


def test_a_laptop_that_slept_while_the_clock_ran_is_asked_about(clock):
    """Bug: a closed lid either froze the countdown or counted as meeting time without a word."""
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    clock.advance(60)
    assert session.beat().still is None
    clock.advance(1)
    assert session.beat().still is None  # a beat a second later: nothing to ask
    clock.sleep(12 * 60)  # the lid was closed; the suspend-aware clock counted on
    snap = session.beat()
    assert snap.still == pytest.approx(12 * 60)
    assert snap.remaining < 0  # meanwhile it shows what the room lived through
    assert session.count_stillness("pause").ok
    snap = session.snapshot()
    assert snap.still is None
    assert snap.remaining == pytest.approx(10 * 60 - 61)  # the sleep came off the clock
    assert session.runner.state.interruptions[-1].downtime == "pause"


def test_meeting_time_keeps_the_clock_and_a_paused_session_is_never_asked(clock):
    session = SessionController(SessionRunner(incident_plan(), clock))
    session.start()
    session.beat()
    clock.advance(5 * 60)  # a beat long after the last (a test, a stalled app): not a sleep
    assert session.beat().still is None
    clock.sleep(5 * 60)
    assert session.beat().still == pytest.approx(5 * 60)
    assert session.count_stillness("meeting").ok
    assert session.snapshot().remaining == pytest.approx(0)
    assert session.count_stillness("meeting").kind == "refused"  # asked and answered once
    session.pause()
    session.beat()
    clock.sleep(30 * 60)
    assert session.beat().still is None  # the clock stood still too: nothing to count


def test_the_beat_reminds_of_overtime_as_often_as_set(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    step = session.snapshot().planned
    session.remind_every = 2 * 60
    clock.advance(step + 1)
    assert [a.kind for a in session.beat().alerts] == ["zero"]
    clock.advance(2 * 60)
    assert [(a.kind, a.threshold_seconds) for a in session.beat().alerts] == [("overtime", -120)]
    session.remind_every = 0
    clock.advance(10 * 60)
    assert session.beat().alerts == ()
    session.close()


def test_whoever_passed_is_asked_once_more_at_the_end_of_the_round(clock, tmp_path):
    """Bug: a person who passed could not be taken again, so a bounced Enter lost a turn."""
    session = on_disk(clock, tmp_path)
    session.start()
    session.jump(ADVICE)
    assert session.speak("Anouk", "").ok  # passes (or an Enter bounced)
    for name in ("Chaima", "Daan", "Eva", "Fleur"):
        assert session.snapshot().next_speaker == name
        assert session.speak(name, f"advies van {name}").ok
    assert session.snapshot().next_speaker == "Anouk"  # asked again
    assert session.speak("Anouk", "toch nog iets").ok
    assert session.snapshot().next_speaker is None
    log = session.snapshot().log_path
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "- Anouk: toch nog iets" in text and "- Anouk: *past*" not in text
    session.close()


def test_a_second_pass_ends_the_turn_and_is_journaled_once_more(clock, tmp_path):
    session = on_disk(clock, tmp_path)
    session.start()
    session.jump(ADVICE)
    for name in ("Anouk", "Chaima", "Daan", "Eva", "Fleur"):
        session.speak(name, "" if name == "Daan" else "iets")
    assert session.snapshot().next_speaker == "Daan"
    assert session.speak("Daan", "").ok  # passes again: done
    assert session.snapshot().next_speaker is None
    assert session.speak("Daan", "").ok  # a third Enter changes nothing
    session_id = session.runner.session_id
    session.runner.close()
    resumed, _ = SessionController.resume(session_id, clock)
    assert resumed.snapshot().passed == ("Daan", "Daan")
    assert resumed.snapshot().next_speaker is None
    resumed.close()


def test_a_resume_leaves_the_log_to_the_disk_worker(clock, tmp_path, monkeypatch):
    """A log folder on a slow network share must not hold the screen of a resumed session."""
    import threading

    from intervisie_tui.core.logbook.writer import LogWriter

    session = on_disk(clock, tmp_path)
    session.start()
    assert session.add_note("Bo belt de huisarts").ok
    session_id = session.runner.session_id
    session.runner.close()  # killed; resumed later
    writers: list[str] = []
    write = LogWriter.write

    def noted(self, state):
        writers.append(threading.current_thread().name)
        return write(self, state)

    monkeypatch.setattr(LogWriter, "write", noted)
    resumed, _ = SessionController.resume(session_id, clock)
    try:
        assert resumed.flush(timeout=30)
        assert writers and set(writers) == {"intervisie-disk"}
        log = resumed.snapshot().log_path
        assert log is not None and "Bo belt de huisarts" in log.read_text(encoding="utf-8")
    finally:
        resumed.close()
