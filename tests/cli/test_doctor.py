"""`intervisie doctor`: one paste with versions, folders, terminal, sessions, broken methods."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import version

import pytest

from intervisie_tui import __version__, paths
from intervisie_tui.cli import doctor as doctor_module
from intervisie_tui.core import store
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.library import find_method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.keep_awake import KeepAwake
from tests.cli.conftest import invoke_cli
from tests.test_keep_awake import FakeSpawn

BROKEN_METHOD = (
    "id: kapot\nname: Kapot\nsource: test\nphases:\n  - name: Stap\n    duration: tien minuten\n"
)
"""Two problems: `roles` is missing (line 1), the duration is no duration (line 6)."""


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `intervisie ARGS` in a roomy, colourful terminal; return (code, stdout, stderr)."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "30")
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("NO_COLOR", "COLORTERM", "INTERVISIE_LANG"):
        monkeypatch.delenv(name, raising=False)

    def invoke(*args: str) -> tuple[int, str, str]:
        return invoke_cli(capsys, ["--lang", "nl", *args] if "--lang" not in args else list(args))

    return invoke


@pytest.fixture(autouse=True)
def keep_awake_found(monkeypatch) -> FakeSpawn:
    """The doctor tries to keep the laptop awake; here with a fake systemd-inhibit that works."""
    spawn = FakeSpawn()
    fake_detect = classmethod(lambda cls, platform=sys.platform, which=None: spawn.awake())
    monkeypatch.setattr(KeepAwake, "detect", fake_detect)
    return spawn


def _row(out: str, label: str) -> str:
    """The value after a label (the first line that starts with it)."""
    line = next(line for line in out.splitlines() if line.startswith(f"  {label} "))
    return line[len(label) + 2 :].strip()


def _status_of(out: str, folder) -> str:
    """The status line printed below a folder's path."""
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if line.rstrip().endswith(str(folder)))
    return lines[index + 1].strip()


def test_a_healthy_install_reports_everything_and_no_problems(run):
    code, out, err = run("doctor")
    assert (code, err) == (0, "")
    assert _row(out, "intervisie") == __version__
    assert _row(out, "textual") == version("textual")
    assert _row(out, "pydantic") == version("pydantic")
    assert _row(out, "Python").startswith(sys.version.split()[0])
    for heading in ("Versies", "Mappen", "Terminal", "Onderbroken sessies", "Methodebestanden"):
        assert heading in out.splitlines()
    assert _row(out, "ingebouwde methodes") == str(paths.builtin_methods_dir())
    assert _row(out, "eigen methodes") == str(paths.user_methods_dir())
    assert _row(out, "extra methodes") == "geen"
    assert _row(out, "lopende sessies") == str(paths.journal_dir())
    assert _row(out, "grootte") == "100 x 30"
    assert _row(out, "kleuren").startswith("256 kleuren")
    assert "12 methodes geladen" in out
    assert out.rstrip().endswith("Geen problemen gevonden.")


def test_folders_say_whether_they_exist_and_can_be_written(run, tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    code, out, _ = run("doctor", "--log-dir", str(logs))
    assert code == 0
    assert _status_of(out, logs).startswith("[bestaat, schrijfbaar")
    assert _status_of(out, paths.user_methods_dir()) == (
        "[bestaat nog niet; wordt aangemaakt zodra het nodig is]"
    )

    code, out, _ = run("doctor", "--log-dir", str(blocked / "logs"))
    assert code == 0
    assert _status_of(out, blocked / "logs") == "[bestaat niet en kan niet worden aangemaakt]"
    assert "1 aandachtspunt:" in out
    assert f"- in {blocked / 'logs'} kan niet worden geschreven" in out


def test_log_dir_comes_from_the_environment_too(run, tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_LOG_DIR, str(tmp_path / "gedeeld"))
    _, out, _ = run("doctor")
    assert _row(out, "verslagen") == str(tmp_path / "gedeeld")


def test_broken_method_files_show_their_first_problem_with_file_and_line(run, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "kapot.yaml").write_text(BROKEN_METHOD, encoding="utf-8")
    code, out, _ = run("--methods", str(extra), "doctor")
    assert code == 0
    assert _row(out, "extra methodes") == str(extra)
    lines = out.splitlines()
    first = lines.index(f"  {extra / 'kapot.yaml'}:1:1: roles")
    assert lines[first + 1] == "    de verplichte sleutel 'roles' ontbreekt"
    assert lines[first + 2].startswith("    (en nog 1; alles zien: intervisie methods validate")
    assert "12 methodes geladen" in out
    assert f"- methodebestand {extra / 'kapot.yaml'} is niet te laden" in out


def test_interrupted_sessions_are_listed_with_how_to_continue(run):
    method = find_method("incidentmethode").method
    setup = SessionSetup(
        method_id=method.id,
        group="Team Noord",
        participants=("An", "Bo", "Cor", "Dirk"),  # the incidentmethode is for 4 to 12
        roles={"inbrenger": ("An",), "voorzitter": ("Cor",)},
    )
    clock = FakeClock(datetime(2025, 3, 14, 14, 0, tzinfo=UTC))
    runner = store.new_session(build_plan(method, setup), clock)
    runner.start()
    runner.add_insight("Eerst luisteren")
    runner.close()
    code, out, _ = run("doctor")
    assert code == 0
    line = next(line for line in out.splitlines() if runner.session_id in line)
    assert "Team Noord · Incidentmethode" in line
    assert "vastgelegde punten: 1" in line
    assert "Verder gaan met de nieuwste: intervisie resume" in out
    assert "Geen problemen gevonden." in out


def test_a_small_terminal_and_no_colour_are_reported(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run("doctor")
    assert _row(out, "grootte").startswith("60 x 30  (kleiner dan 80 x 24")
    assert _row(out, "kleuren").startswith("uit (NO_COLOR staat aan)")
    assert "NO_COLOR=1" in out
    assert "1 aandachtspunt:" in out


def test_english(run):
    code, out, _ = run("--lang", "en", "doctor")
    assert code == 0
    assert "Folders" in out.splitlines() and "No problems found." in out
    assert _row(out, "session logs") == str(paths.log_dir())


def test_a_failing_check_is_one_line_and_the_report_goes_on(run, monkeypatch):
    def broken() -> list:
        raise PermissionError("geen toegang")

    monkeypatch.setattr(store, "interrupted_sessions", broken)
    code, out, err = run("doctor")
    assert (code, err) == (0, "")
    assert "kon dit niet nagaan: PermissionError: geen toegang" in out
    assert "Traceback" not in out
    assert "12 methodes geladen" in out  # the sections after it still ran


@pytest.mark.parametrize(
    ("environ", "platform_name", "expected"),
    [
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, "linux", "off"),
        ({"TERM": "xterm-256color", "NO_COLOR": ""}, "linux", "256"),
        ({"TERM": "dumb", "COLORTERM": "truecolor"}, "linux", "dumb"),
        ({"TERM": "xterm", "COLORTERM": "truecolor"}, "linux", "truecolor"),
        ({"TERM": "xterm-256color", "COLORTERM": "24bit"}, "darwin", "truecolor"),
        ({"TERM": "screen"}, "linux", "16"),
        ({}, "linux", "unknown"),
        ({"WT_SESSION": "abc"}, "win32", "truecolor"),
        ({}, "win32", "windows"),
    ],
)
def test_colour_support(environ, platform_name, expected):
    assert doctor_module.colour_support(environ, platform_name) == f"doctor.colour.{expected}"


def test_doctor_never_loads_textual():
    """It must work when the app itself does not start."""
    code = (
        "import sys\n"
        "from intervisie_tui.cli import main\n"
        "try:\n    main(['doctor'])\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL-LOADED' if 'textual' in sys.modules else 'TEXTUAL-ABSENT')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.rstrip().endswith("TEXTUAL-ABSENT")
    assert "Versies" in done.stdout or "Versions" in done.stdout


def test_a_missing_builtin_library_says_to_reinstall(run, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "builtin_methods_dir", lambda: tmp_path / "weg")
    code, out, _ = run("doctor")
    assert code == 0
    assert _status_of(out, tmp_path / "weg") == "[ontbreekt: installeer intervisie opnieuw]"
    assert "0 methodes geladen" in out
    missing = tmp_path / "weg"
    assert f"- de ingebouwde methodes ontbreken in {missing}; installeer intervisie opnieuw" in out


def test_the_doctor_tries_keeping_the_laptop_awake_and_says_with_what(run, keep_awake_found):
    code, out, _ = run("doctor")
    assert code == 0
    held = "wordt tegengehouden zolang een sessie loopt (systemd-inhibit)"
    assert _row(out, "slaapstand") == held
    assert len(keep_awake_found.started) == 1  # really tried, and let go again
    assert keep_awake_found.started[0].poll() is not None
    _, out, _ = run("--lang", "en", "doctor")
    assert _row(out, "sleep") == "prevented while a session runs (systemd-inhibit)"


@pytest.mark.parametrize(
    ("spawn", "reason"),
    [
        (None, "systemd-inhibit niet gevonden"),
        (FakeSpawn(exit_code=1), "systemd-inhibit stopte meteen (code 1); het mag of kan hier"),
    ],
)
def test_the_doctor_says_why_the_laptop_cannot_be_kept_awake(run, monkeypatch, spawn, reason):
    missing = KeepAwake(None, problem=("keep_awake.not_found", {"tool": "systemd-inhibit"}))
    awake = missing if spawn is None else spawn.awake()
    monkeypatch.setattr(KeepAwake, "detect", classmethod(lambda cls, *args: awake))
    code, out, _ = run("doctor")
    assert code == 0
    assert _row(out, "slaapstand").startswith(f"kan niet worden tegengehouden: {reason}")
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("  slaapstand "))
    hint = "(zet de slaapstand van de laptop zelf uit voor een lange sessie)"
    assert lines[row + 1].strip() == hint
    assert "Geen problemen gevonden." in out  # a laptop that may sleep is no broken install
