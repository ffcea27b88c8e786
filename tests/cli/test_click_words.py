"""click's own words (usage lines, help pages, usage errors) are in the user's language.

Bug: the Dutch CLI said "Show this message and exit.", "Usage:" and
"Error: Missing argument 'targets'." in English.
"""

from __future__ import annotations

import pytest

from intervisie_tui.cli.click_words import error_text, help_text
from intervisie_tui.i18n import set_language

ENGLISH = ("Usage:", "Error:", "Missing", "Try '", "Show this message", "Options:", "[default")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["run"], "Fout: er ontbreekt een argument: 'method'"),
        (["run", "x", "--bogus"], "Fout: onbekende optie: --bogus (bedoel je --rounds?)"),
        (["run", "x", "y", "z"], "Fout: te veel argumenten: y z"),
        (
            ["run", "x", "--remind", "y"],
            "Fout: ongeldige waarde voor '--remind': verwacht een heel getal",
        ),
        (["run", "x", "--remind", "-1"], "Fout: ongeldige waarde voor '--remind': minstens 0"),
        (["runn"], "Fout: onbekende opdracht 'runn'; bedoel je 'run'?"),
        (["log", "import"], "Fout: er ontbreekt een argument: 'file'"),
    ],
)
def test_usage_errors_are_said_in_dutch_in_a_few_lines(run, args, said):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert said in err.splitlines()
    assert err.startswith("Gebruik: intervisie") and "Hulp: 'intervisie" in err
    assert not any(word in err for word in ENGLISH), err
    assert "Traceback" not in err


def test_usage_errors_are_said_in_english_when_asked(run):
    code, _, err = run("--lang", "en", "run")
    assert code == 2
    assert err.startswith("Usage: intervisie run [OPTIONS]")
    assert "Error: missing argument 'method'" in err.splitlines()


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["log", "list", "--help"]])
def test_help_pages_use_dutch_headings_and_extras(run, args):
    code, out, err = run(*args)
    assert (code, err) == (0, "")
    assert out.startswith("Gebruik: intervisie")
    assert "Opties:" in out and "Toon deze hulp en stop." in out
    assert not any(word in out for word in ENGLISH), out


def test_help_extras_are_translated_part_by_part():
    set_language("nl")
    text = "Herinnering.  [default: 5; x>=0]"
    assert help_text(text) == "Herinnering.  [standaard: 5; minstens 0]"
    assert help_text("Map.  [env var: INTERVISIE_LOG_DIR]") == (
        "Map.  [omgevingsvariabele: INTERVISIE_LOG_DIR]"
    )
    assert help_text("Gewoon een tekst") == "Gewoon een tekst"


def test_an_error_click_words_in_another_way_stays_as_it_was():
    set_language("nl")
    assert error_text("Something new went wrong") == "Something new went wrong"
