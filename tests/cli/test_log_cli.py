"""`intervisie log list|show|export|import` and `intervisie group show|schema`, end to end."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from intervisie_tui import paths
from intervisie_tui.core.logbook.writer import LogWriter
from tests.core.logbook_helpers import START, entry, setup, state

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "group.schema.json"


def write(root: Path, group: str, number: int, inbrenger: str = "An", actions=(), **changes):
    the_setup = setup(group=group, roles={"inbrenger": (inbrenger,), "tijdbewaker": ("Cor",)})
    entries = [entry(i, "action", 2, text) for i, text in enumerate(actions, 1)]
    entries.append(entry(99, "insight", 2, "Bo zag het als eerste"))
    the_state = state(
        the_setup,
        entries,
        session_id=f"{group}-{number}",
        start=START + timedelta(days=7 * number),
        **changes,
    )
    return LogWriter.for_group(group, root).write(the_state)


@pytest.fixture
def logs(tmp_path):
    root = tmp_path / "logs"
    write(root, "Team Noord", 1, "An", ["bellen", "mailen"])
    write(root, "Team Zuid", 2, "Dewi")
    write(root, "Team Noord", 3, "Bo", ["plannen"])
    (root / "Team Noord" / "kapot.md").write_text("geen verslag", encoding="utf-8")
    return root


def test_list_shows_every_log_oldest_first_and_names_what_it_skipped(run, logs):
    code, out, err = run("log", "list", "--log-dir", logs)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Datum", "Groep", "Methode", "Inbrenger", "Open", "actiepunten"]
    rows = [line.split() for line in lines[2:]]
    assert [(r[0], r[2] + " " + r[3], r[5], r[6]) for r in rows] == [
        ("2026-03-09", "Team Noord", "An", "2"),
        ("2026-03-16", "Team Zuid", "Dewi", "0"),
        ("2026-03-23", "Team Noord", "Bo", "1"),
    ]
    assert err.startswith("overgeslagen: kapot.md: ")


def test_list_json_and_group_filter_and_the_environment_variable(run, logs, monkeypatch):
    monkeypatch.setenv(paths.ENV_LOG_DIR, str(logs))
    code, out, _ = run("log", "list", "--json", "--group", "Team Noord")
    rows = json.loads(out)
    assert code == 0 and [r["inbrenger"] for r in rows] == [["An"], ["Bo"]]
    assert rows[0]["open_items"] == 2 and rows[0]["group"] == "Team Noord"
    assert set(rows[0]) >= {"file", "date", "start", "method", "tijdbewaker", "participants"}
    assert Path(rows[1]["file"]).is_file()


def test_list_without_logs_says_so(run, tmp_path):
    code, out, _ = run("log", "list", "--log-dir", tmp_path / "leeg")
    assert code == 0 and out.startswith("Nog geen verslagen in ")


def test_show_renders_the_latest_log_or_a_given_file(run, logs):
    code, out, _ = run("log", "show", "--log-dir", logs)
    assert code == 0 and "Focusmethode: Team Noord" in out and "plannen" in out
    assert "<!--" not in out and "format: 1" not in out
    first = next((logs / "Team Zuid").iterdir())
    code, out, _ = run("log", "show", first)
    assert code == 0 and "Team Zuid" in out


def test_show_explains_a_missing_or_broken_file_in_one_line(run, logs):
    code, _, err = run("log", "show", logs / "nergens.md")
    assert code == 1 and err.count("\n") == 1 and "bestand niet gevonden" in err
    code, _, err = run("log", "show", logs / "Team Noord" / "kapot.md")
    assert code == 1 and err.count("\n") == 1 and "kapot.md is niet te lezen" in err


def test_export_share_prints_a_summary_without_names(run, logs):
    log = sorted((logs / "Team Noord").glob("2026*.md"))[0]
    code, out, _ = run("log", "export", log, "--share")
    assert code == 0 and "Lid 1 zag het als eerste" in out
    assert "Bo" not in out and "Cliënt" not in out and "Hoe houd ik contact" not in out
    code, out, _ = run("log", "export", log, "--share", "--keep-names")
    assert "Bo zag het als eerste" in out


def test_export_to_a_file_never_overwrites(run, logs, tmp_path):
    log = sorted((logs / "Team Noord").glob("2026*.md"))[0]
    target = tmp_path / "samenvatting.md"
    code, out, _ = run("log", "export", log, "--share", "--output", target)
    assert code == 0 and str(target) in out and "Lid 1" in target.read_text("utf-8")
    code, _, err = run("log", "export", log, "--share", "-o", target)
    assert code == 1 and "bestaat al" in err
    code, _, err = run("log", "export", log, "--share", "-o", log)
    assert code == 1 and log.read_text("utf-8").startswith("---\nformat: 1")


def test_export_without_share_is_a_usage_error(run, logs):
    log = sorted((logs / "Team Noord").glob("2026*.md"))[0]
    code, _, err = run("log", "export", log)
    assert code == 2 and "--share" in err


def test_import_files_a_mailed_log_and_recognises_it_the_second_time(run, logs, tmp_path):
    mailed = tmp_path / "van-collega.md"
    mailed.write_bytes(next((logs / "Team Zuid").iterdir()).read_bytes())
    other = tmp_path / "andere-laptop"
    code, out, _ = run("log", "import", mailed, "--log-dir", other)
    assert code == 0 and out.startswith("Verslag opgeslagen als ")
    assert (other / "Team Zuid").is_dir()
    code, out, _ = run("log", "import", mailed, "--log-dir", other)
    assert code == 0 and out.startswith("Dit verslag staat er al")


def test_import_refuses_what_is_no_log_in_one_line(run, logs, tmp_path):
    code, _, err = run("log", "import", logs / "Team Noord" / "kapot.md", "--log-dir", tmp_path)
    assert code == 1 and err.count("\n") == 1 and err.startswith("Fout: kapot.md")


def test_group_show_prints_the_group_file_and_the_attendance(run, logs):
    (logs / "Team Noord" / "groep.yaml").write_text(
        "name: Team Noord\ngoal: Samen leren\nagreements:\n  frequency: maandelijks\n"
        "topics:\n- title: Zorgmijders\n  chosen: [2026-03-09]\n",
        encoding="utf-8",
    )
    code, out, err = run("group", "show", "Team Noord", "--log-dir", logs)
    assert code == 0 and "Doel: Samen leren" in out and "Hoe vaak: maandelijks" in out
    assert "- Zorgmijders (gekozen op 2026-03-09)" in out
    table = {
        line.split()[0]: line.split()[1:]
        for line in out.splitlines()
        if line[:3] in ("An ", "Bo ", "Cor")
    }
    # present, absent, late, left early, inbrenger, tijdbewaker
    assert table["An"] == ["2", "0", "0", "0", "1", "0"]
    assert table["Cor"] == ["2", "0", "0", "0", "0", "2"]
    assert "MTVP" in out and "kapot.md" in err


def test_group_show_of_an_unknown_group_is_one_line(run, tmp_path):
    code, _, err = run("group", "show", "Niemand", "--log-dir", tmp_path)
    assert code == 1 and err.count("\n") == 1 and "Niemand" in err


def test_group_schema_prints_the_committed_schema(run):
    code, out, _ = run("group", "schema")
    assert code == 0 and out == SCHEMA_FILE.read_text(encoding="utf-8")


def test_english(run, logs):
    code, out, _ = run("--lang", "en", "log", "list", "--log-dir", logs)
    assert code == 0 and out.split()[:3] == ["Date", "Group", "Method"]
