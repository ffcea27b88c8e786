"""`intervisie ... --help` speaks the user's language: Dutch by default, English on request."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.main import get_command

from intervisie_tui.cli import register, requested_language
from intervisie_tui.cli.help_text import keys_by_text, retranslate
from intervisie_tui.i18n import LANGUAGES, catalog, set_language, t_lang
from tests.cli.conftest import invoke_cli

HELP_CASES = {
    ("--help",): ["cli.help.app", "cli.help.lang", "cli.help.sound"],
    ("run", "--help"): ["cli.help.run", "cli.help.method_id", "cli.help.run.role"],
    ("methods", "--help"): ["cli.help.methods"],
    ("log", "list", "--help"): ["cli.help.log.list", "cli.help.log_root"],
}
CASES = list(HELP_CASES)
OTHER = {"nl": "en", "en": "nl"}


@pytest.fixture
def help_in(capsys, monkeypatch):
    """Run `intervisie ARGS` in a neutral locale; return the help text, whitespace collapsed."""
    for name in ("INTERVISIE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")

    def run(*args: str) -> str:
        code, out, err = invoke_cli(capsys, list(args))
        assert (code, err) == (0, "")
        return " ".join(out.split())

    return run


def assert_language(out: str, keys: list[str], lang: str) -> None:
    for key in keys:
        assert t_lang(lang, key) in out
        assert t_lang(OTHER[lang], key) not in out


@pytest.mark.parametrize("args", CASES)
def test_help_is_dutch_by_default(help_in, args):
    assert_language(help_in(*args), HELP_CASES[args], "nl")


@pytest.mark.parametrize("args", CASES)
@pytest.mark.parametrize("lang_args", [("--lang", "en"), ("--lang=en",)])
def test_lang_en_gives_english_help(help_in, args, lang_args):
    assert_language(help_in(*lang_args, *args), HELP_CASES[args], "en")


def test_lang_en_after_the_command_gives_english_help(help_in):
    out = help_in("run", "--help", "--lang", "en")
    assert "Run a session; skips the setup screen when everything needed is given." in out
    assert_language(out, HELP_CASES[("run", "--help")], "en")


@pytest.mark.parametrize("args", CASES)
def test_intervisie_lang_en_gives_english_help(help_in, monkeypatch, args):
    monkeypatch.setenv("INTERVISIE_LANG", "en")
    assert_language(help_in(*args), HELP_CASES[args], "en")


def test_help_follows_each_run_in_one_process(help_in):
    """Commands are built once; their help still switches language between runs."""
    dutch = "Start een sessie; slaat het startscherm over als alles is opgegeven."
    assert dutch in help_in("run", "--help")
    assert dutch not in help_in("--lang", "en", "run", "--help")
    assert dutch in help_in("--lang", "nl", "run", "--help")


@pytest.mark.parametrize(
    "args", [("--lang", "xx", "methods", "list"), ("run", "--lang", "xx", "sparren")]
)
def test_unknown_language_is_one_error_line(run, args):
    code, out, err = run(*args)
    assert code == 2
    assert "Fout: ongeldige waarde voor --lang: onbekende taal 'xx': kies nl of en" in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], None),
        (["--lang", "en", "methods", "list"], "en"),
        (["run", "x", "--lang=en"], "en"),
        (["--lang", "en", "run", "x", "--lang", "nl"], "nl"),
        (["--lang", "xx"], None),
        (["--lang"], None),
        (["run", "--", "--lang", "en"], None),
    ],
)
def test_requested_language(args, expected):
    assert requested_language(args) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_help_text_comes_from_the_catalog(lang):
    """No literal help= left in cli/: every text of the built tree is a catalog text."""
    set_language(lang)
    command = get_command(register())
    retranslate(command)
    known = {text for key, text in catalog(lang).items() if key.startswith("cli.help.")}
    texts = list(_help_texts(command))
    assert len(texts) > 40
    assert set(texts) <= known


def _help_texts(command):
    if command.help:
        yield command.help
    yield from (p.help for p in command.params if getattr(p, "help", None) and p.name != "help")
    for sub in getattr(command, "commands", {}).values():
        yield from _help_texts(sub)


def test_help_texts_lead_back_to_their_key():
    """cli/help_text.py finds a key by its text: texts must be unique in and across languages."""
    keys = keys_by_text()
    for lang in LANGUAGES:
        for key, text in catalog(lang).items():
            if key.startswith("cli.help."):
                assert keys[text] == key


def test_importing_the_cli_registers_no_commands():
    """`from intervisie_tui.cli import main` stays cheap; main() registers the commands."""
    code = "import intervisie_tui.cli, sys; print(*sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "intervisie_tui.cli" in loaded
    assert not {m for m in loaded if m.startswith("intervisie_tui.cli.")}
