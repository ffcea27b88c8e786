"""`intervisie log export FILE --share [--check] [--redact W] [--allow W]`, end to end."""

from __future__ import annotations

import pytest

from tests.core.test_share_export import LEAKS, leaks, write_group

ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e")
LEFT = ("Eva-Marie", "Evaline", "Vriesland", "Sint-Jan")


@pytest.fixture
def group(tmp_path):
    root = tmp_path / "logs"
    return root, write_group(root)


def no_escapes(*outputs: str) -> bool:
    return not any(char in output for output in outputs for char in ESCAPES)


def test_check_shows_the_text_marks_what_looks_like_a_name_and_fails(run, group):
    root, log = group
    code, out, err = run("log", "export", log, "--share", "--check", "--log-dir", root)
    assert code == 1 and no_escapes(out, err)
    assert ">>Eva-Marie<< van het wijkteam" in out and ">>Evaline<<" in out
    assert leaks("\n".join(out.split("\n")[3:]), LEAKS) == []
    assert err.count("\n") == 1 and err.startswith("Nog 4 woorden die op een naam lijken: ")
    assert "Eva-Marie, Evaline, Vriesland, Sint-Jan" in err and "niets geschreven" in err


def test_check_passes_once_everything_is_redacted_or_allowed(run, group, tmp_path):
    _, log = group
    target = tmp_path / "deel.md"
    options = ["--redact", "Eva-Marie", "--redact", "evaline", "--allow", "Vriesland"]
    code, out, err = run("log", "export", log, "--share", "--check", *options, "-o", target)
    assert code == 1 and not target.exists() and "Sint-Jan" in err and "1 woord" in err
    options += ["--allow", "Sint-Jan"]
    code, out, err = run("log", "export", log, "--share", "--check", *options)
    assert code == 0 and err == "" and out.endswith("klaar om te delen.\n")
    assert ">>" not in out and "\\[naam\\] van het wijkteam" in out
    code, out, err = run("log", "export", log, "--share", "--check", *options, "-o", target)
    assert code == 0 and out.endswith(f"{target}\n") and target.is_file()
    shared = target.read_text("utf-8")
    assert ">>" not in shared and leaks("\n".join(shared.split("\n")[3:]), LEAKS) == []


def test_without_check_it_writes_as_before_and_warns_on_stderr(run, group, tmp_path):
    root, log = group
    code, out, err = run("log", "export", log, "--share", "--log-dir", root)
    assert code == 0 and out.startswith("# Focusmethode, 2026-03-02\n") and ">>" not in out
    assert err.count("\n") == 1 and err.startswith("let op: 4 woorden lijken nog op een naam")
    target = tmp_path / "deel.md"
    code, out, _ = run("log", "export", log, "--share", "-o", target, "--redact", "Eva-Marie")
    assert code == 0 and "Eva-Marie" not in target.read_text("utf-8")
    code, _, err = run("log", "export", log, "--share", "-o", target)
    assert code == 1 and "bestaat al" in err


def test_the_history_is_found_next_to_the_log_and_under_the_log_root(run, group, tmp_path):
    root, log = group
    moved = tmp_path / "elders" / log.name  # a log copied away from its group folder
    moved.parent.mkdir()
    moved.write_bytes(log.read_bytes())
    code, out, _ = run("log", "export", moved, "--share", "--log-dir", root)
    assert code == 0 and "Fatima" not in out and "Amrani" not in out
    code, out, _ = run("log", "export", log, "--share", "--log-dir", tmp_path / "leeg")
    assert code == 0 and "Fatima" not in out  # the log's own folder holds the history


def test_english_messages_and_a_hostile_redact_word(run, group):
    _, log = group
    code, out, err = run(
        "--lang", "en", "log", "export", log, "--share", "--check", "--redact", "\x1b[2J\u202e"
    )
    assert code == 1 and no_escapes(out, err)
    assert err.startswith("4 words still look like a name: ")


def test_help_names_the_new_options(run):
    code, out, _ = run("log", "export", "--help")
    assert code == 0
    for option in ("--check", "--redact", "--allow", "--log-dir", "--keep-names"):
        assert option in out
