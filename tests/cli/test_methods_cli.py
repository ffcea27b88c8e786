"""`intervisie methods list|show|validate|new|schema`, driven through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from intervisie_tui import paths
from intervisie_tui.core.library import load_library
from intervisie_tui.core.method import method_json_schema
from intervisie_tui.core.plan import session_length

DATA = Path(__file__).resolve().parents[1] / "data"
VALID, MALFORMED = DATA / "valid", DATA / "malformed"


def test_list_shows_every_method_with_phases_minutes_and_origin(run):
    code, out, err = run("methods", "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "naam", "stappen", "minuten", "herkomst"]
    for entry in load_library().methods:
        row = next(line for line in lines if line.startswith(entry.method.id + " "))
        steps, seconds = session_length(entry.method)  # what the session takes (plan tests)
        assert row.split()[-3:] == [str(steps), f"{seconds // 60}", "ingebouwd"]
    incident = next(line for line in lines if line.startswith("speedsparren "))
    assert incident.split()[-3:] == ["9", "63", "ingebouwd"]  # 8 steps, 58 min + evaluation


def test_list_json_has_exactly_the_agreed_keys(run):
    code, out, _ = run("--methods", VALID, "methods", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert all(set(row) == {"id", "name", "phases", "total_minutes", "path"} for row in rows)
    sparren = next(r for r in rows if r["id"] == "sparren-test")
    assert sparren == {
        "id": "sparren-test",
        "name": "Sparren (test)",
        "phases": 10,  # 9 of its own and the evaluation the app adds
        "total_minutes": 61,
        "path": str(VALID / "sparren-test.yaml"),
    }


def test_list_notes_overrides_and_lists_broken_files_after_the_table(run, tmp_path):
    builtin = load_library().methods[0].method.id
    user = paths.user_methods_dir()
    user.mkdir(parents=True)
    (user / f"{builtin}.yaml").write_text(
        (VALID / "casus-test.yaml").read_text().replace("id: casus-test", f"id: {builtin}")
    )
    (user / "kapot.yaml").write_text("id: kapot\nname: K\nsource: s\nroles: []\nphases: []\n")
    code, out, _ = run("methods", "list")
    assert code == 0
    assert f"{builtin} " in out and "eigen (vervangt ingebouwd)" in out
    table, broken = out.split("Niet te laden (1):")
    assert "kapot" not in table
    assert broken.splitlines()[1] == f"  {user / 'kapot.yaml'}:4:8: roles"
    assert "(en nog 1; alles zien: intervisie methods validate" in broken

    code, out, err = run("methods", "list", "--json")
    assert {r["id"] for r in json.loads(out)} >= {builtin} and "kapot.yaml" in err


def test_show_prints_phases_rounds_roles_prompts_and_go_arounds(run):
    code, out, _ = run("--lang", "en", "--methods", VALID, "methods", "show", "sparren-test")
    assert code == 0
    for expected in (
        "Sparren (test) (sparren-test)",
        "Length: 61 minutes in 10 steps",
        "5. Evaluation of the session  5 min  (added by the app; can be switched off at setup)",
        "Sparren: 2 rounds (then Vragenstellers and Meedenkers swap):",
        "3 rounds:",
        "2. Sparronde  8 min  (warning at 2 min, 0 min left)",
        "In pairs: Vragenstellers with Meedenkers",
        "3. Opschrijven  1 min 30 s",
        "1. Uitleg  1 min 30 s  (optional, off)",
        'Go-around of Vragenstellers: "Ik neem mee ..."',
        "voorzitter      Voorzitter (at most 1)",
    ):
        assert expected in out, expected


def test_show_of_an_unknown_id_is_one_line_and_exit_1(run):
    code, out, err = run("--methods", VALID, "methods", "show", "sparren-tst")
    assert (code, out) == (1, "")
    assert err == (
        "Fout: geen methode met id 'sparren-tst' (bedoel je 'sparren-test'?); "
        "'intervisie methods list' toont alle methodes\n"
    )


def test_validate_exits_0_when_all_files_are_valid(run):
    code, out, _ = run("methods", "validate", VALID)
    assert code == 0
    assert out.splitlines() == [
        f"OK   {VALID / 'casus-test.yaml'}",
        f"OK   {VALID / 'sparren-test.yaml'}",
        "2 bestanden gecontroleerd, 0 met fouten",
    ]


def test_validate_prints_one_block_per_problem_and_exits_1(run):
    broken = MALFORMED / "unknown-key-phase.yaml"
    code, out, _ = run("--lang", "en", "methods", "validate", VALID / "casus-test.yaml", broken)
    assert code == 1
    assert out.splitlines() == [
        f"OK   {VALID / 'casus-test.yaml'}",
        f"{broken}:8:5: phases[0].duration",
        "  the required key 'duration' is missing",
        f"{broken}:9:5: phases[0].duraton",
        "  unknown key 'duraton' (did you mean 'duration'?)",
        "2 files checked, 1 with problems",
    ]


def test_validate_counts_one_file_in_the_singular(run):
    code, out, _ = run("methods", "validate", VALID / "casus-test.yaml")
    assert code == 0
    assert out.splitlines()[-1] == "1 bestand gecontroleerd, 0 met fouten"
    _, out, _ = run("--lang", "en", "methods", "validate", VALID / "casus-test.yaml")
    assert out.splitlines()[-1] == "1 file checked, 0 with problems"


def test_validate_a_whole_corpus_folder_and_a_missing_path(run, tmp_path):
    code, out, _ = run("methods", "validate", MALFORMED, tmp_path / "missing.yaml", tmp_path)
    count = len(list(MALFORMED.iterdir()))
    assert code == 1
    assert f"{tmp_path / 'missing.yaml'}:1:1:\n  bestand niet gevonden" in out
    assert f"{tmp_path}: geen methodebestanden" in out
    assert out.endswith(f"{count + 1} bestanden gecontroleerd, {count + 2} met fouten\n")
    assert "OK " not in out


def test_new_writes_a_valid_template_with_a_schema_modeline_and_refuses_to_overwrite(run):
    code, out, _ = run("methods", "new", "mijn-methode")
    folder = paths.user_methods_dir()
    target = folder / "mijn-methode.yaml"
    assert code == 0 and f"Nieuwe methode aangemaakt: {target}" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./method.schema.json\n")
    assert "id: mijn-methode" in text and "name: Mijn methode" in text
    assert json.loads((folder / "method.schema.json").read_text()) == method_json_schema()

    code, out, _ = run("methods", "list")
    assert "mijn-methode" in out and "eigen" in out and "Niet te laden" not in out

    code, _, err = run("methods", "new", "mijn-methode")
    assert code == 1 and "bestaat al" in err
    assert target.read_text(encoding="utf-8") == text


def test_new_refuses_an_id_that_cannot_be_an_id(run):
    code, _, err = run("methods", "new", "Mijn Methode")
    assert code == 1 and err.startswith("Fout: 'Mijn Methode' kan geen id zijn")
    assert not paths.user_methods_dir().exists()


def test_schema_prints_the_generated_json_schema(run):
    code, out, _ = run("methods", "schema")
    assert code == 0 and json.loads(out) == method_json_schema()


@pytest.mark.slow
def test_methods_list_never_imports_textual_or_rich():
    code = (
        "import sys\nfrom intervisie_tui.cli import main\n"
        "try:\n    main(['methods', 'list'])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', *sorted(sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = done.stdout.split("MODULES", 1)[1].split()
    assert "intervisie_tui.core.library" in modules
    assert not [m for m in modules if m.split(".")[0] in {"textual", "rich"}]


@pytest.mark.parametrize("command", [("methods", "list"), ("methods", "show", "sparren-test")])
def test_methods_after_the_sub_command_reads_that_folder(run, command):
    code, out, err = run(*command, "--methods", VALID)
    assert (code, err) == (0, "")
    assert "sparren-test" in out


def test_show_takes_the_path_of_a_method_file(run, tmp_path):
    code, out, err = run("--lang", "en", "methods", "show", VALID / "casus-test.yaml")
    assert (code, err) == (0, "")
    assert out.startswith("Casus") and f"File: {VALID / 'casus-test.yaml'}" in out


def test_validate_and_list_agree_on_a_file_named_otherwise_than_its_id(run, tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    text = (VALID / "casus-test.yaml").read_text(encoding="utf-8")
    (folder / "kopie.yaml").write_text(text, encoding="utf-8")
    message = "de id 'casus-test' verschilt van de bestandsnaam kopie.yaml"
    code, out, _ = run("methods", "validate", folder / "kopie.yaml")
    assert code == 1 and message in out
    code, out, _ = run("methods", "list", "--methods", folder)
    assert code == 0 and message in out.split("Niet te laden (1):")[1]
    code, out, _ = run("methods", "show", folder / "kopie.yaml")
    assert code == 1 and message in out + _


def test_doctor_says_which_file_replaces_a_builtin(run, tmp_path):
    builtin = load_library().methods[0]
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / builtin.path.name).write_text(builtin.path.read_text(encoding="utf-8"))
    _, out, _ = run("doctor", "--methods", folder)
    expected = (
        f"{builtin.method.id}: {folder / builtin.path.name} vervangt {builtin.path} (ingebouwd)"
    )
    assert expected in out
