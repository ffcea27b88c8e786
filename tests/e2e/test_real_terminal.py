"""A whole meeting in a real terminal: tmux at 80x24, the real command, a kill -9 halfway.

The timekeeper starts `intervisie run incidentmethode ...`, walks through every
phase with the documented keys, writes down a note, insights, a go-around
statement and an action item; the laptop "crashes" (SIGKILL) halfway and
`intervisie resume` carries on. Afterwards the log must hold every entry and
every phase, be private (0600), and no traceback may ever have been on screen.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import stat
import sys
from pathlib import Path

import pytest

from intervisie_tui.core.library import find_method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.i18n import t_lang
from tests.e2e.tmux import Pane

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="tmux and SIGKILL need a POSIX system"),
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="tmux is not installed (apt-get install tmux); it gives the test a real terminal",
    ),
]

PEOPLE = ("An", "Bo", "Cor", "Dirk", "Eva")
NOTE = "An twijfelde of ze moest ingrijpen"
INSIGHT_BEFORE = "Eerst luisteren, dan pas één vraag stellen"
INSIGHT_AFTER = "Twijfel hardop delen helpt het team"
STATEMENT = "Bespreek het vooraf met de dienstdoende arts"
ACTION = "Protocol agressie bespreken in het teamoverleg"
DUE = "2030-05-01"


UNSET_PREFIXES = ("INTERVISIE_", "TMUX", "TEXTUAL", "LC_")
UNSET = (
    *("NO_COLOR", "FORCE_COLOR", "COLORTERM", "LANGUAGE"),
    *("COLUMNS", "LINES"),  # the pane's own size, not the one of the terminal pytest runs in
    *("PROMPT_COMMAND", "BASH_ENV", "ENV"),
)
"""What the user's shell may have set that would change the app or the pane's shell."""


def say(key: str, **values: object) -> str:
    return t_lang("nl", key, **values)


def _command() -> list[str]:
    """The `intervisie` script next to this Python (fast), else `uv run intervisie`."""
    folder = Path(sys.executable).parent
    script = folder / "intervisie"
    if script.is_file():
        return [str(script)]
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("neither the intervisie script nor uv was found")
    return [uv, "run", "--project", str(Path(__file__).resolve().parents[2]), "intervisie"]


def _quote(args: list[str]) -> str:
    return " ".join(shlex.quote(arg) for arg in args)


@pytest.fixture
def pane(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(UNSET_PREFIXES)}
    for name in UNSET:
        env.pop(name, None)
    for name in ("config", "data", "state"):
        env[f"INTERVISIE_{name.upper()}_DIR"] = str(tmp_path / name)
    env.update(
        INTERVISIE_LANG="nl",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PS1="$ ",
        HISTFILE=os.devnull,
        TERM="xterm-256color",
    )
    pane = Pane(env)
    try:
        yield pane
    finally:
        pane.close()


def _step(pane: Pane, number: int) -> None:
    pane.keys("Right")
    pane.wait_for(f"stap {number}/8")


def _capture(pane: Pane, key: str, kind: str, *answers: tuple[str, str]) -> None:
    """Press a capture key and answer each field (label on screen, text to type) in turn."""
    pane.keys(key)
    for label, text in answers:
        pane.wait_for(say(label))
        pane.type(text)
        pane.keys("Enter")
    pane.wait_for(say(f"capture.saved.{kind}"))


def _kill_app(pane: Pane) -> None:
    """SIGKILL every process of the app below the shell: no cleanup, like a crash."""
    found = [(pid, args) for pid, args in pane.descendants() if "intervisie" in args]
    assert found, "the app is not running in the pane"
    for pid, _ in found:
        os.kill(pid, signal.SIGKILL)
    pane.wait_for_shell()


def _quit_cleanly(pane: Pane, tmp_path: Path) -> None:
    """`q`, yes: back at the shell, and never a traceback on screen nor a crash report."""
    pane.keys("q")
    pane.wait_for(say("run.quit_question")[:8])
    pane.keys("y")
    pane.wait_for_shell()
    pane.history()
    assert not [screen for screen in pane.screens if "Traceback" in screen]
    assert not list((tmp_path / "state").glob("crash-*.txt"))


def _the_log(logs: Path) -> Path:
    found = list(logs.glob("*/*.md"))
    assert len(found) == 1, found
    return found[0]


def test_a_whole_meeting_survives_a_kill_and_resume(pane, tmp_path):
    logs = tmp_path / "logs"
    intervisie = _command()
    start = [
        *intervisie,
        "run",
        "incidentmethode",
        "--group",
        "Team Noord",
        "--participants",
        ",".join(PEOPLE),
        "--role",
        "inbrenger=An",
        "--role",
        "voorzitter=Cor",
        "--role",
        "tijdbewaker=Bo",
        "--log-dir",
        str(logs),
        "--quiet",
    ]
    pane.line(_quote(start))
    pane.wait_for("Incidentmethode · Team Noord", "05:00 · Druk op spatie", "stap 1/8")

    pane.keys("Space")
    pane.wait_for("Nog 0")  # "Nog 04:59 van 5 min": the clock runs
    _capture(pane, "n", "note", ("capture.note", NOTE))
    for number in (2, 3, 4):
        _step(pane, number)
    _capture(pane, "i", "insight", ("capture.insight", INSIGHT_BEFORE))
    _step(pane, 5)

    _kill_app(pane)
    halfway = _the_log(logs).read_text(encoding="utf-8")
    assert "status: running" in halfway
    assert NOTE in halfway and INSIGHT_BEFORE in halfway  # written before it was shown

    pane.line(_quote([*intervisie, "resume", "--log-dir", str(logs), "--quiet"]))
    pane.wait_for("Incidentmethode · Team Noord", "stap 5/8", "✓  4", "▶  5")
    _capture(pane, "i", "insight", ("capture.insight", INSIGHT_AFTER))
    _step(pane, 6)
    _step(pane, 7)
    pane.keys("Enter")  # the go-around: the members speak in turn
    pane.wait_for("Bo:")
    pane.type(STATEMENT)
    pane.keys("Enter")
    pane.wait_for("Cor:")
    pane.keys("Escape")
    pane.wait_for(say("key.pause"))
    _capture(
        pane,
        "a",
        "action",
        ("capture.action", ACTION),
        ("capture.owner", "An"),
        ("capture.due", DUE),
    )
    _step(pane, 8)
    pane.keys("Right")
    pane.wait_for(say("run.finish_question"))
    pane.keys("y")
    pane.wait_for(
        say("summary.title", method="Incidentmethode"), INSIGHT_BEFORE, INSIGHT_AFTER, ACTION
    )
    pane.keys("q")
    pane.wait_for_shell()
    pane.line("echo EXIT=$?")
    pane.wait_for("EXIT=0")

    pane.history()
    assert not [screen for screen in pane.screens if "Traceback" in screen]
    assert not list((tmp_path / "state").glob("crash-*.txt"))  # no bug hid behind a message

    log = _the_log(logs)
    text = log.read_text(encoding="utf-8")
    assert "status: finished" in text
    for entry in (NOTE, INSIGHT_BEFORE, INSIGHT_AFTER, f"Bo: {STATEMENT}"):
        assert entry in text
    assert f"- [ ] An: {ACTION} (voor {DUE})" in text
    _assert_every_phase_ran(text)
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def _assert_every_phase_ran(text: str) -> None:
    """Each planned step has a row in the agenda table with a measured time."""
    method = find_method("incidentmethode").method
    setup = SessionSetup(method_id=method.id, group="Team Noord", participants=PEOPLE)
    steps = build_plan(method, setup).steps
    assert len(steps) == 8
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for step in steps:
        row = next(r for r in rows if r.startswith(f"| {step.index + 1} | {step.name} |"))
        assert not row.rstrip(" |").endswith("–"), row  # "–" marks a step that never ran


def test_a_double_enter_and_typing_during_a_slow_save_keep_every_word(pane, tmp_path):
    """Bug: with 1 s per fsync the clock froze at each entry and keys typed meanwhile were lost;
    a quick second Enter crashed the capture bar."""
    logs = tmp_path / "logs"
    first, second = "Eerst de feiten, dan de gevoelens", "Wie belt de familie?"
    root = Path(__file__).resolve().parents[2]
    start = [
        *("cd", str(root), "&&", "E2E_FSYNC_SECONDS=0.5", sys.executable),
        *("-m", "tests.e2e.slow_disk", "run", "incidentmethode", "--group", "Team Noord"),
        *("--participants", ",".join(PEOPLE), "--role", "inbrenger=An", "--role"),
        *("voorzitter=Cor", "--role", "tijdbewaker=Bo", "--log-dir", str(logs), "--quiet"),
    ]
    pane.line(" ".join(arg if arg == "&&" else shlex.quote(arg) for arg in start))
    pane.wait_for("Incidentmethode · Team Noord", "stap 1/8")
    pane.keys("Space")
    pane.wait_for("Nog 0")  # "Nog 04:59 van 5 min": the clock runs
    # one burst, typed while the slow disk is still busy with the first line
    pane.type("n" + first)
    pane.keys("Enter", "Enter")
    pane.type("n" + second)
    pane.keys("Enter")
    pane.wait_for(say("capture.saved.note"))

    def both_in_the_log() -> bool:
        found = list(logs.glob("*/*.md"))
        return bool(found) and all(n in found[0].read_text(encoding="utf-8") for n in notes)

    notes: tuple[str, ...] = (first, second)
    pane.wait_until(both_in_the_log, "both notes in the log")
    # 'a' in a step that records notes only, and the text right behind it: the spaces
    # and the 'i' of 'huisarts' are text, not a pause and not another capture key
    third = "Dirk belt de huisarts"
    pane.type("a" + third)
    pane.keys("Enter")
    notes = (first, second, third)
    pane.wait_until(both_in_the_log, "the third note in the log")
    assert say("run.clock.paused")[:10] not in pane.screen()  # the spaces did not pause
    _quit_cleanly(pane, tmp_path)
    text = _the_log(logs).read_text(encoding="utf-8")
    assert f"{first}\n" in text and f"{second}\n" in text and f"{third}\n" in text


def test_a_method_picked_with_enter_and_the_group_typed_in_one_burst(pane, tmp_path):
    """Issue 14 leftover: what was typed right after the Enter that picks a method went to
    the method filter or list, not to the group field."""
    logs = tmp_path / "logs"
    pane.line(_quote([*_command(), "--log-dir", str(logs), "--quiet"]))
    pane.wait_for(say("setup.filter"))
    # one tmux command: the app gets all of it at once, as a fast typist's burst
    pane.keys("incident", "Enter", "Team Noord", "Tab", "An, Bo, Cor, Dirk, Eva")
    screen = pane.wait_for("Team Noord", "An, Bo, Cor, Dirk, Eva")
    first_line = screen.splitlines()[0]
    assert first_line.split("▕")[0].strip() == "incident", first_line  # the filter kept it
    pane.wait_for("Inbrenger      An")  # the method's role fields, filled by the suggestion
    pane.keys("C-s")
    pane.wait_for("Incidentmethode · Team Noord", "stap 1/8")
    pane.keys("q")
    pane.wait_for(say("run.quit_question")[:8])
    pane.keys("y")
    pane.wait_for_shell()
    assert not [screen for screen in pane.screens if "Traceback" in screen]


def test_the_owner_of_an_earlier_action_item_is_fixed_from_the_entries_list(pane, tmp_path):
    """Bug: `e` changed only the text of the current step's entries; owner and due date stayed."""
    logs = tmp_path / "logs"
    intervisie = _command()
    start = [
        *(*intervisie, "run", "incidentmethode", "--group", "Team Noord"),
        *("--participants", ",".join(PEOPLE), "--role", "inbrenger=An", "--role"),
        *("voorzitter=Cor", "--role", "tijdbewaker=Bo", "--log-dir", str(logs), "--quiet"),
    ]
    pane.line(_quote(start))
    pane.wait_for("Incidentmethode · Team Noord", "stap 1/8")
    pane.keys("Space")
    pane.wait_for("Nog 0")  # the clock runs
    for number in range(2, 8):
        _step(pane, number)
    _capture(
        pane,
        "a",
        "action",
        ("capture.action", ACTION),
        ("capture.owner", "ev"),  # Enter takes the grey "Eva"
        ("capture.due", "vr"),
    )
    _step(pane, 8)
    _capture(pane, "i", "insight", ("capture.insight", "weg ermee"))

    pane.keys("e")  # step 8 is current: the list starts at its insight
    pane.wait_for(say("entries.title"), "Eva", "weg ermee")
    pane.keys("d")
    pane.wait_for(say("entries.delete_question", text="weg ermee"))
    pane.keys("j")
    pane.wait_for(say("entries.deleted"))
    pane.keys("Enter")  # the action item of step 7, now the only row
    pane.wait_for(say("entries.field.owner"))
    pane.keys("Enter", "Home", "C-k")  # on to the owner, and empty it
    pane.type("Di")
    pane.keys("Enter", "Home", "C-k")  # takes the grey "Dirk"; then the date, emptied
    pane.type("31-2")
    pane.keys("Enter")
    pane.wait_for(say("capture.bad_due", text="31-2")[:30])
    pane.keys("Home", "C-k")
    pane.type("12-01-2030")
    pane.keys("Enter")
    pane.wait_for(say("entries.saved"))
    screen = pane.wait_for("Dirk", "za 12-01")
    assert not re.search(r"\bEva\b", screen)  # not "Evaluatie"

    def fixed_in_the_log() -> bool:
        text = _the_log(logs).read_text(encoding="utf-8")
        return f"- [ ] Dirk: {ACTION} (voor 2030-01-12)" in text and "weg ermee" not in text

    pane.wait_until(fixed_in_the_log, "the fixed owner and date in the live log")
    _kill_app(pane)

    pane.line(_quote([*intervisie, "resume", "--log-dir", str(logs), "--quiet"]))
    pane.wait_for("Incidentmethode · Team Noord", "stap 8/8")
    pane.keys("e")
    screen = pane.wait_for(say("entries.title"), ACTION[:30], "Dirk", "za 12-01")
    assert "weg ermee" not in screen and not re.search(r"\bEva\b", screen)
    pane.keys("Escape")  # alone: Escape and q in one burst is alt+q to a terminal
    pane.wait_for(say("key.pause"))
    _quit_cleanly(pane, tmp_path)
    assert fixed_in_the_log()
