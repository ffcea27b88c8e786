"""Options given before the sub-command (`intervisie --quiet --log-dir X run ...`) count.

The root takes --log-dir, --sound and --quiet as well as the sub-commands; the
sub-command's own option wins when both are given, --quiet anywhere means no
sound, and INTERVISIE_LOG_DIR is the fallback.
"""

from __future__ import annotations

import json

import pytest

from intervisie_tui import paths
from tests.cli.test_log_cli import write

RUN = ["run", "incidentmethode", "--participants", "An,Bo,Cor,Dirk,Eva", "--role", "inbrenger=An"]
RESUME = ["resume", "sessie-1"]


def _config(run, opened, *args):
    code, _, err = run(*args)
    assert (code, err) == (0, "")
    assert len(opened) == 1
    return opened.pop()


@pytest.mark.parametrize("command", [RUN, RESUME], ids=["run", "resume"])
def test_quiet_and_log_dir_before_the_sub_command_reach_the_app(run, opened, tmp_path, command):
    config = _config(run, opened, "--quiet", "--log-dir", tmp_path / "elders", *command)
    assert config.sound == "off"
    assert config.log_dir == tmp_path / "elders"


@pytest.mark.parametrize("command", [RUN, RESUME], ids=["run", "resume"])
def test_sound_before_the_sub_command_reaches_the_app(run, opened, command):
    assert _config(run, opened, "--sound", "bell", *command).sound == "bell"


@pytest.mark.parametrize("command", [RUN, RESUME], ids=["run", "resume"])
def test_the_sub_commands_own_option_wins(run, opened, tmp_path, command):
    args = ["--log-dir", tmp_path / "root", "--sound", "bell", *command]
    config = _config(run, opened, *args, "--log-dir", tmp_path / "own", "--sound", "off")
    assert (config.log_dir, config.sound) == (tmp_path / "own", "off")


def test_quiet_anywhere_means_no_sound(run, opened):
    assert _config(run, opened, "--quiet", *RUN, "--sound", "bell").sound == "off"
    assert _config(run, opened, "--sound", "bell", *RESUME, "--quiet").sound == "off"


def test_without_options_the_defaults_stay(run, opened):
    config = _config(run, opened, *RUN)
    assert (config.log_dir, config.sound) == (None, "chime")


def test_the_environment_still_names_the_log_folder_but_a_typed_one_wins(
    run, opened, tmp_path, monkeypatch
):
    monkeypatch.setenv(paths.ENV_LOG_DIR, str(tmp_path / "env"))
    assert _config(run, opened, *RUN).log_dir == tmp_path / "env"
    assert _config(run, opened, "--log-dir", tmp_path / "root", *RUN).log_dir == tmp_path / "root"


def test_methods_before_run_are_searched(run, opened, tmp_path):
    config = _config(run, opened, "--methods", tmp_path, *RUN)
    assert config.methods_dirs == (tmp_path,)


@pytest.fixture
def logs(tmp_path):
    root = tmp_path / "logs"
    write(root, "Team Noord", 1, "An", ["bellen"])
    return root


def test_log_list_and_show_read_the_root_log_dir(run, logs):
    code, out, _ = run("--log-dir", logs, "log", "list", "--json")
    assert code == 0 and [row["group"] for row in json.loads(out)] == ["Team Noord"]
    code, out, _ = run("--log-dir", logs, "log", "show")
    assert code == 0 and "Team Noord" in out


def test_log_import_files_under_the_root_log_dir(run, logs, tmp_path):
    mailed = next((logs / "Team Noord").glob("*.md"))
    code, _, _ = run("--log-dir", tmp_path / "other", "log", "import", mailed)
    assert code == 0
    assert list((tmp_path / "other" / "Team Noord").glob("*.md"))


def test_group_show_reads_the_root_log_dir(run, logs):
    code, out, err = run("--log-dir", logs, "group", "show", "Team Noord")
    assert (code, err) == (0, "") and "An" in out


def test_doctor_names_the_root_log_dir(run, tmp_path):
    code, out, _ = run("--log-dir", tmp_path / "elders", "doctor")
    assert code == 0 and str(tmp_path / "elders") in out


def test_resume_without_an_id_takes_the_interrupted_session_not_one_open_elsewhere(
    run, opened, tmp_path
):
    from intervisie_tui.core import store
    from tests.core.engine_helpers import fake_clock, small_plan

    clock = fake_clock()
    interrupted = store.new_session(small_plan(), clock, "20250314-140000-aaaa")
    interrupted.start()
    interrupted.close()  # the app died: nobody holds it
    clock.advance(60)
    busy = store.new_session(small_plan(), clock, "20250314-140100-bbbb")
    busy.start()  # newer, but still open in another window
    assert _config(run, opened, "resume").resume_id == "20250314-140000-aaaa"
    busy.close()


@pytest.mark.parametrize("typed", [[], ["--lang", "nl"]], ids=["no-lang", "lang-nl"])
def test_resume_opens_the_app_in_the_language_the_session_began_in(run, opened, typed):
    """Issue 14, item 13: begun with `--lang en`, resumed without it (or with nl): English."""
    from intervisie_tui.core import store
    from tests.core.engine_helpers import fake_clock, small_plan

    begun = store.new_session(small_plan(language="en"), fake_clock(), "20250314-140000-cccc")
    begun.start()
    begun.close()
    assert _config(run, opened, "resume", *typed, "20250314-140000-cccc").lang == "en"


@pytest.mark.parametrize("command", [RUN, RESUME], ids=["run", "resume"])
def test_methods_after_the_command_are_searched_too(run, opened, tmp_path, command):
    config = _config(
        run, opened, "--methods", tmp_path / "a", *command, "--methods", tmp_path / "b"
    )
    assert config.methods_dirs == (tmp_path / "a", tmp_path / "b")


@pytest.fixture
def chosen_rounds(tmp_path):
    import yaml

    from tests.core.engine_helpers import ROUND_TABLE

    data = json.loads(json.dumps(ROUND_TABLE))
    data["phases"][0]["rounds"] = {"min": 1, "max": 6}
    (tmp_path / "rt.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return ["--methods", tmp_path, "run", "rt", "--participants", "An,Bo,Cor"]


def test_rounds_are_chosen_with_a_run_option(run, opened, chosen_rounds):
    config = _config(run, opened, *chosen_rounds, "--rounds", "casus=4")
    assert config.request.rounds == {"casus": 4}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("casus=9", "Casus: kies 1 tot 6 rondes, niet 9"),
        ("andere=2", "de methode heeft geen blok 'andere' waarvan het aantal rondes te kiezen is"),
        ("casus", "schrijf --rounds als BLOK=AANTAL"),
    ],
)
def test_rounds_the_method_does_not_allow_are_one_line_before_any_screen(
    run, opened, chosen_rounds, value, message
):
    code, _, err = run(*chosen_rounds, "--rounds", value)
    assert code != 0 and message in err and "Traceback" not in err
    assert opened == []


@pytest.mark.parametrize("command", [RUN, RESUME], ids=["run", "resume"])
def test_overtime_reminders_follow_remind_before_or_after_the_command(run, opened, command):
    assert _config(run, opened, *command).remind_every == 5 * 60
    assert _config(run, opened, "--remind", "3", *command).remind_every == 3 * 60
    assert _config(run, opened, "--remind", "3", *command, "--remind", "0").remind_every == 0


def test_a_negative_reminder_is_refused_in_one_line(run, opened):
    code, _, err = run(*RUN, "--remind", "-1")
    assert code == 2 and "--remind" in err and "Traceback" not in err
