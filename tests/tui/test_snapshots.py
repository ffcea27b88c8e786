"""Snapshot tests of every screen at 80x24 and 120x40, in Dutch and English (and 40x12).

Regenerate deliberately with `uv run pytest tests/tui/test_snapshots.py --snapshot-update`
after reading the report of what changed.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from intervisie_tui import i18n
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.summary import SummaryScreen

from .harness import RunHarness, ScreenHarness, incident_session, make_session
from .test_summary_times import eventful_summary

SIZES = [(80, 24), (120, 40)]
LANGS = ["nl", "en"]


def no_blink(pilot):
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_setup_screen(snap_compare, lang, size):
    async def choose(pilot):
        await pilot.pause()
        no_blink(pilot)
        pilot.app.screen.query_one("#participants").text = "An, Bo, Cor, Dirk, Eva"
        await pilot.pause()

    app = IntervisieApp(AppConfig(lang=lang, check_interrupted=False))
    assert snap_compare(app, run_before=choose, terminal_size=size)


@pytest.mark.parametrize("method", ["incidentmethode", "speedsparren"])
def test_setup_screen_fits_the_method_at_80x24(snap_compare, method):
    """Issue 14, items 6 and 12: the help question readable in full; none for speedsparren."""

    async def fill(pilot):
        await pilot.pause()
        screen = pilot.app.screen
        screen.query_one("#method-filter", Input).value = method
        await pilot.pause()
        await pilot.pause()
        screen.query_one("#participants").text = "An, Bo, Cor, Dirk, Eva, Fien"
        screen.query_one("#group", Input).value = "Team Noord"
        if method == "incidentmethode":
            screen.query_one(
                "#question"
            ).text = "Hoe geef ik grenzen aan zonder de relatie te schaden?"
        await pilot.pause()
        screen.set_focus(None)
        no_blink(pilot)
        await pilot.pause()

    app = IntervisieApp(AppConfig(lang="nl", check_interrupted=False))
    assert snap_compare(app, run_before=fill, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [*SIZES, (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_run_screen(snap_compare, lang, size):
    session, _ = incident_session(lang)
    assert snap_compare(RunHarness(session), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_presenter_screen(snap_compare, lang, size):
    session, _ = incident_session(lang)
    app = RunHarness(session)

    async def presenter(pilot):
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()  # let the new screen settle before the picture

    assert snap_compare(app, run_before=presenter, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_summary_screen(snap_compare, lang, size):
    # +/-, a pause, overtime and a skipped step
    session = eventful_summary(lang, "Volgende keer eerder de hulpvraag scherp")
    final = session.snapshot()
    assert snap_compare(ScreenHarness(lambda: SummaryScreen(final)), terminal_size=size)


def look_back_session(lang: str):
    """A look-back step with open items: long texts, owners, due dates, one decided."""
    from datetime import date

    from intervisie_tui.core.setup import OpenItem

    i18n.set_language(lang)
    items = (
        OpenItem(key="k1", text="Bel de huisarts over de medicatie van mevrouw", owner="Dirk",
                 due=date(2026, 12, 4), session_date=date(2026, 11, 10)),
        OpenItem(key="k2", text="Protocol agressie nalezen", owner="Bo"),
        OpenItem(key="k3", text="Uitnodiging teamleider", due=date(2026, 12, 11)),
        OpenItem(key="k4", text="Folder bijwerken", owner="Fien"),
        OpenItem(key="k5", text="Casus terugbrengen in januari", owner="An"),
        OpenItem(key="k6", text="Intake evalueren met de wijkverpleging", owner="Cor"),
    )  # fmt: skip
    session, _ = make_session(
        followup=True, open_items=items, previous_inbrenger=("Dirk",), language=lang
    )
    session.start()
    session.decide_followup("k2", "continued")
    return session


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["nl"])  # RunHarness speaks the app's language, nl
def test_look_back_dialog(snap_compare, lang, size):
    async def look_back(pilot):
        await pilot.press("f")
        await pilot.pause()
        await pilot.pause()

    app = RunHarness(look_back_session(lang))
    assert snap_compare(app, run_before=look_back, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["nl"])  # RunHarness speaks the app's language, nl
def test_agreements_panel(snap_compare, lang, size):
    from .test_agreements import TEAM

    i18n.set_language(lang)
    session, _ = make_session(agreements=TEAM.agreement_lines(), language=lang)

    async def settle(pilot):
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(RunHarness(session), run_before=settle, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_entries_screen(snap_compare, size):
    """Every entry of the session, by step, opened with `e` in step 2 of the incidentmethode.

    Dutch only: RunHarness starts the app in Dutch whatever `incident_session` was given.
    """
    session, _ = incident_session("nl")

    async def entries(pilot):
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(RunHarness(session), run_before=entries, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_edit_entry_dialog(snap_compare, size):
    """An action item's text, owner and due date; a date that was not understood."""
    session, _ = incident_session("nl")

    async def edit(pilot):
        await pilot.press("e", "up", "enter", "enter", "enter", *"31-2", "enter")
        await pilot.pause()
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(RunHarness(session), run_before=edit, terminal_size=size)


@pytest.mark.parametrize("lang", LANGS)
def test_run_screen_with_time_per_person_and_a_rotating_inbrenger(snap_compare, lang):
    """Round 2 of a round table: Bo is the inbrenger now, An is back and speaks, 1:10 of 2m left."""
    from tests.core.engine_helpers import ROUND_TABLE

    i18n.set_language(lang)
    session, clock = make_session(
        ROUND_TABLE, roles={"inbrenger": ("An",)}, evaluation=False, language=lang
    )
    session.start()
    session.next()
    clock.advance(50)
    assert snap_compare(RunHarness(session), terminal_size=(80, 24))


def teardown_function():
    i18n.set_language("nl")
