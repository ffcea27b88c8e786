"""The review screen before sharing: see the text, hide more, save or cancel."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static

from intervisie_tui.core.logbook.parse import read_log
from intervisie_tui.core.logbook.share import load_context
from intervisie_tui.tui.screens.share_review import (
    REPLACED_STYLE,
    SUSPECT_STYLE,
    ShareReviewScreen,
    highlighted,
)
from intervisie_tui.tui.widgets.keybar import KeyBar
from tests.core.test_share_export import LEAKS, leaks, write_group


class Host(App[None]):
    """A bare app that opens the review screen and keeps what it was dismissed with."""

    def __init__(self, screen: ShareReviewScreen) -> None:
        super().__init__()
        self.review = screen
        self.results: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.review, callback=self.results.append)


def review(tmp_path: Path) -> tuple[ShareReviewScreen, Path]:
    root = tmp_path / "logs"
    record = read_log(write_group(root))
    target = tmp_path / "gedeeld.md"
    return ShareReviewScreen(record, target, load_context(record, root)), target


def shown(screen: ShareReviewScreen, widget: str) -> str:
    return str(screen.query_one(widget, Static).render())


async def test_the_screen_shows_the_text_and_hides_what_is_typed(tmp_path):
    screen, target = review(tmp_path)
    app = Host(screen)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        body = shown(screen, "#share-review-body")
        assert "Eva-Marie van het wijkteam" in body and leaks(body.split("## ", 1)[1], LEAKS) == []
        assert "Nog 4 woorden die op een naam lijken: Eva-Marie" in shown(
            screen, "#share-review-status"
        )
        assert screen.focused is screen.query_one(Input)
        await pilot.press(*"Eva-Marie", "enter")
        await pilot.press(*"Evaline", "enter")
        assert "Eva-Marie" not in shown(screen, "#share-review-body")
        status = shown(screen, "#share-review-status")
        assert "Nog 2 woorden" in status and "Ook verborgen: Eva-Marie, Evaline" in status
        assert screen.query_one(Input).value == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [target]
    saved = target.read_text("utf-8")
    assert saved == screen.shared.text and "Eva-Marie" not in saved and "\x1b" not in saved


async def test_cancel_writes_nothing_and_an_existing_file_is_never_overwritten(tmp_path):
    screen, target = review(tmp_path)
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None] and not target.exists()

    target.write_text("van iemand anders", encoding="utf-8")
    screen, _ = review(tmp_path / "tweede")
    screen.target = target
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [] and app.screen is screen  # still open, with a notice
    assert target.read_text("utf-8") == "van iemand anders"


async def test_the_key_bar_offers_save_and_cancel(tmp_path):
    screen, _ = review(tmp_path)
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        items = [(item.display, item.description) for item in screen.query_one(KeyBar).items()]
        assert ("^s", "Opslaan") in items or ("ctrl+s", "Opslaan") in items
        assert ("esc", "Annuleren") in items


def test_replacements_and_suspects_have_their_own_style(tmp_path):
    screen, _ = review(tmp_path)
    text = highlighted(screen.shared)
    styled = {str(span.style): text.plain[span.start : span.end] for span in text.spans}
    assert styled[SUSPECT_STYLE] in ("Eva-Marie", "Evaline", "Vriesland", "Sint-Jan")
    assert styled[REPLACED_STYLE].startswith(("Lid", "Inbrenger", "cliënt", "Cliënt", "\\["))
    assert text.plain == screen.shared.text
