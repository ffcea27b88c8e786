"""Look before you share: the summary as it will be shared, and more to hide.

The text is shown with every replaced name underlined and every word that still
looks like a name reversed (both readable without colour). A word typed in the
field below (enter) is hidden as well and the text is made again; `ctrl+s`
writes the summary to the target file (never over an existing one), `esc`
closes without writing. The screen is dismissed with the path written, or None.

Self-contained: it needs the log, what the group's folder knows
(`share.load_context`) and where to save. All text shown is Rich `Text`, never
markup: the summary has no control or bidi character left (`share.clean_text`,
so the marks keep their places), the other lines go through `plain`.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from intervisie_tui.core.durable import reason
from intervisie_tui.core.logbook.files import atomic_write
from intervisie_tui.core.logbook.parse import LogRecord
from intervisie_tui.core.logbook.share import ShareContext, SharedText, clean_text, share_text
from intervisie_tui.i18n import t
from intervisie_tui.tui.actions import SHARE_REVIEW_ACTIONS, Action, bindings
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.widgets.keybar import KeyBar

REPLACED_STYLE = "underline"
SUSPECT_STYLE = "bold reverse"
MAX_WORDS_SHOWN = 8


class ShareReviewScreen(TranslatedBindings, Screen[Path | None]):
    """The shareable summary of `record`, to check, complete and save as `target`."""

    ACTIONS: ClassVar[tuple[Action, ...]] = SHARE_REVIEW_ACTIONS
    BINDINGS = bindings(SHARE_REVIEW_ACTIONS)
    DEFAULT_CSS = """
    ShareReviewScreen #share-review-title { padding: 0 1; text-style: bold; }
    ShareReviewScreen #share-review-text { padding: 0 1; height: 1fr; }
    ShareReviewScreen #share-review-status { padding: 0 1; height: auto; }
    ShareReviewScreen #share-review-redact { margin: 0 1; }
    """

    def __init__(
        self,
        record: LogRecord,
        target: Path,
        context: ShareContext | None = None,
        *,
        keep_names: bool = False,
    ) -> None:
        super().__init__()
        self.record = record
        self.target = target
        self.context = context or ShareContext()
        self.keep_names = keep_names
        self.redacted: list[str] = []
        self.shared = self._make()

    def compose(self) -> ComposeResult:
        yield Static(plain(t("share.review.title")), id="share-review-title")
        with VerticalScroll(id="share-review-text"):
            yield Static(id="share-review-body")
        yield Static(id="share-review-status")
        yield Input(placeholder=t("share.review.placeholder"), id="share-review-redact")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()
        self.query_one(Input).focus()

    def _make(self) -> SharedText:
        return share_text(
            self.record, self.context, keep_names=self.keep_names, redact=self.redacted
        )

    def _show(self) -> None:
        self.query_one("#share-review-body", Static).update(highlighted(self.shared))
        words = self.shared.suspect_words()
        shown = ", ".join(words[:MAX_WORDS_SHOWN]) + (", …" if len(words) > MAX_WORDS_SHOWN else "")
        if not words:
            lines = [t("share.review.clean")]
        elif len(words) == 1:
            lines = [t("share.review.suspects_one", words=shown)]
        else:
            lines = [t("share.review.suspects", count=len(words), words=shown)]
        if self.redacted:
            lines.append(t("share.review.redacted", words=", ".join(self.redacted)))
        lines.append(t("share.review.target", path=str(self.target)))
        self.query_one("#share-review-status", Static).update(plain("\n".join(lines)))

    @on(Input.Submitted, "#share-review-redact")
    def _redact(self, event: Input.Submitted) -> None:
        word = " ".join(clean_text(event.value).split())
        event.input.clear()
        if word and word not in self.redacted:
            self.redacted.append(word)
            self.shared = self._make()
            self._show()

    def action_save(self) -> None:
        try:
            written = atomic_write(self.target, self.shared.text, new=True)
        except OSError as problem:
            self.notify(t("share.review.failed", reason=reason(problem)), severity="error")
            return
        if not written:
            self.notify(t("share.review.exists", path=str(self.target)), severity="error")
            return
        self.dismiss(self.target)

    def action_cancel(self) -> None:
        self.dismiss(None)


def highlighted(shared: SharedText) -> Text:
    """The shared text as Rich Text: replacements underlined, suspects reversed."""
    text = Text(shared.text)
    for mark in shared.replaced:
        text.stylize(REPLACED_STYLE, mark.start, mark.end)
    for mark in shared.suspects:
        text.stylize(SUSPECT_STYLE, mark.start, mark.end)
    return text
