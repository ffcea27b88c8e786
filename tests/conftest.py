"""Shared fixtures: every test gets its own folders and the same environment.

The tests must pass whatever shell they are started from. These variables
change what the app, Textual, Rich, click or `ps` show: NO_COLOR makes every
Textual app monochrome (App() reads it, so all snapshots differed), TEXTUAL_THEME
gave every harness app another theme, COLUMNS/LINES narrow help text, `ps` and
the size a program believes its terminal has, LANG/LC_ALL/LANGUAGE and
INTERVISIE_LANG pick the language, TZ moves every time of day. So they are set
or removed once when this module loads (before any test module is imported:
tests/tui/harness.py takes the local time of day at import) and again around
every test. XDG_* stay: the app's folders are redirected below, and uv keeps
its cache, its Pythons and its settings there (tests/test_packaging.py).
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable

import pytest

from intervisie_tui import i18n, paths

STEADY_ENV = {
    # Language of the CLI and of texts the app picks itself: Dutch (the default),
    # from a neutral locale that exists everywhere and is UTF-8.
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    # The terminal a user of the app has; 80 x 24 is also where the app fits.
    "TERM": "xterm-256color",
    "COLUMNS": "80",
    "LINES": "24",
    # Times of day read the same everywhere; "UTC0" is a POSIX rule, no tz database needed.
    "TZ": "UTC0",
}
"""Variables every test sees with exactly this value."""

UNSTEADY = frozenset(
    {
        # colour: the app's console (Rich) and Textual's NoColor/Monochrome filter
        "NO_COLOR",
        "FORCE_COLOR",
        "COLORTERM",
        "PY_COLORS",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        # size: Rich, typer and Textual's web driver
        "TERMINAL_WIDTH",
        "JUPYTER_COLUMNS",
        "JUPYTER_LINES",
        "ROWS",
        # language and locale (LC_ALL above overrides the LC_* categories anyway)
        "LANGUAGE",
        # Textual: feature flags and the escape-key delay it reads at import
        "TEXTUAL",
        "ESCDELAY",
    }
)
"""Variables no test sees."""

UNSTEADY_PREFIXES = ("LC_", "TEXTUAL_", "INTERVISIE_")
"""No test sees a variable with these prefixes either, except those in KEPT."""

KEPT = frozenset(
    {
        "TEXTUAL_SNAPSHOT_TEMPDIR",  # pytest-textual-snapshot's own, set at session start
        "INTERVISIE_REGENERATE_GOLDEN",  # tests/core/test_logbook_render.py: rewrite the goldens
    }
)


def unsteady(name: str) -> bool:
    """Is this a variable no test may see (it is removed before each test)?"""
    if name in KEPT or name in STEADY_ENV:
        return False
    return name in UNSTEADY or name.startswith(UNSTEADY_PREFIXES)


def steady_environment(set_: Callable[[str, str], object], unset: Callable[[str], object]) -> None:
    """Remove every unsteady variable and set STEADY_ENV (with `set_` and `unset`)."""
    for name in [name for name in os.environ if unsteady(name)]:
        unset(name)
    for name, value in STEADY_ENV.items():
        set_(name, value)
    if hasattr(time, "tzset"):  # POSIX: the C library rereads TZ; Windows has no tzset
        time.tzset()


def _steady_textual() -> None:
    """Textual's settings as the steady environment makes them.

    textual.constants reads TEXTUAL_* when it is first imported, and the
    pytest-textual-snapshot plugin imports Textual before this file is loaded;
    reloading reruns that module in place. Three modules copied one constant
    each, and App.theme took its default from TEXTUAL_THEME.
    """
    import textual._styles_cache
    import textual.constants
    import textual.filter
    import textual.message_pump
    from textual.app import App

    constants = importlib.reload(textual.constants)
    for module, name in (
        (textual._styles_cache, "DEBUG"),
        (textual.filter, "DIM_FACTOR"),
        (textual.message_pump, "SLOW_THRESHOLD"),
    ):
        setattr(module, name, getattr(constants, name))
    App.theme._default = constants.DEFAULT_THEME


steady_environment(os.environ.__setitem__, os.environ.pop)
_steady_textual()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """The steady environment, and every platformdirs location in a temporary folder."""
    steady_environment(monkeypatch.setenv, monkeypatch.delenv)
    home = tmp_path / "home"
    for env, sub in (
        (paths.ENV_CONFIG_DIR, "config"),
        (paths.ENV_DATA_DIR, "data"),
        (paths.ENV_STATE_DIR, "state"),
    ):
        monkeypatch.setenv(env, str(home / sub))
    for env in (paths.ENV_METHODS, paths.ENV_LOG_DIR, i18n.ENV_LANG):
        monkeypatch.delenv(env, raising=False)
    i18n.set_language("nl")
    yield home
    i18n.set_language("nl")
