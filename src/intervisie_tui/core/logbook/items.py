"""Action items in the log: one task-list item each, with an identity that survives edits.

An item is written as one list item (continuation lines indented two spaces):

    - [ ] Bo: bel de leverancier (voor 2026-12-01) <!-- id=3f2a9c1b0d sum=7e21a0 -->

- `[ ]` is open, `[x]` is done: ticking an item by hand closes it for good.
- A dropped item keeps its box open and is struck through, so it reads as
  dropped, not done: `- [ ] ~~Bo: bel de leverancier~~ (vervalt)` (`dropped` in
  English). Striking an item through by hand drops it; the suffix is optional.
  Older logs wrote dropped items ticked (`[x]` with `followup=dropped`): they
  still read as closed.
- `Bo: ` (the owner) is optional: it is what stands before the first unescaped
  `: ` of the first line. Text without an owner has its colons written `\\:`.
- ` (voor 2026-12-01)` (`due` in English) is the optional due date.
- The HTML comment at the end is invisible in every Markdown viewer:
  `id` is the item's identity, a hash of the session id and the entry id made
  when the item is first written, and copied unchanged when the item is carried
  into a later session. Fixing a typo, changing the owner or the due date, or
  renaming the file keeps it. `sum` is a short hash of owner, text and due date
  as the app wrote them: when the item no longer matches it, a person edited it,
  and that copy wins over an unedited copy elsewhere in the logs.
  `followup=done|continued|dropped|open` records the decision taken on an earlier
  item in the look-back section (the checkbox stays what counts).
- An item typed by hand without a comment gets the id `h-` + a hash of the file
  name and its text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from intervisie_tui.core.logbook.markdown import (
    escape_block,
    escape_line,
    sanitize,
    unescape_lines,
)
from intervisie_tui.i18n import LANGUAGES, t_lang

TASK = re.compile(r"^[-*+] \[([ xX])\](?: (.*)|)$")
_MARKER = re.compile(r"\s*<!--\s*((?:[a-z]+=[^\s=]*\s*)+)-->\s*$")
_DUE = re.compile(r" \((?:voor|due) (\d{4}-\d{2}-\d{2})\)$")
_OWNER = re.compile(r"^((?:\\.|[^\\:])+): (.*)$", re.DOTALL)
_MAX_OWNER = 100
DECISIONS = ("done", "continued", "dropped", "open")


@dataclass(frozen=True)
class LogItem:
    """One action item as a log holds it."""

    key: str
    text: str
    owner: str | None = None
    due: date | None = None
    done: bool = False
    """Ticked `[x]`: closed."""
    dropped: bool = False
    """Struck through (`~~text~~`): dropped, closed."""
    decision: str | None = None
    """Follow-up decision recorded for an earlier item (done/continued/dropped/open)."""
    edited: bool = False
    """Changed by hand since the app wrote it."""

    @property
    def closed(self) -> bool:
        """Done or dropped: no longer open for a next session."""
        return self.done or self.dropped


def _hash(*parts: str, length: int) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def item_key(session_id: str, entry_id: str) -> str:
    """Identity of an action item typed in a session."""
    return _hash(session_id, entry_id, length=10)


def content_sum(text: str, owner: str | None, due: date | None) -> str:
    return _hash(owner or "", text, due.isoformat() if due else "", length=6)


@lru_cache(maxsize=4096)
def render_item(item: LogItem, lang: str) -> str:
    """The Markdown list item (possibly several lines) for `item`."""
    box = "[x]" if item.done else "[ ]"
    owner = sanitize(" ".join(item.owner.split())) if item.owner else None
    if owner:
        body = f"{escape_line(owner, colon=True)}: {escape_block(item.text, 2)}"
    else:
        body = escape_block(item.text, 2, first_colon=True)
    if _DUE.search(body):  # user text that looks like our due suffix
        cut = body.rindex(" (")
        body = f"{body[:cut]} \\({body[cut + 2 :]}"
    if item.due:
        body += " (" + t_lang(lang, "log.item.due", date=item.due.isoformat()) + ")"
    if item.dropped:  # user text cannot end in `~~`: `~` is escaped
        body = f"~~{body}~~ ({t_lang(lang, 'log.item.dropped')})"
    marker = f"id={item.key} sum={content_sum(sanitize(item.text), owner, item.due)}"
    if item.decision:
        marker += f" followup={item.decision}"
    return f"- {box} {body} <!-- {marker} -->"


def parse_item(lines: list[str], source: str) -> LogItem | None:
    """Read one task-list item back; `lines` are its raw lines, the first one `- [ ] ...`."""
    match = TASK.match(lines[0])
    if match is None:
        return None
    body = [match.group(2) or "", *lines[1:]]
    fields: dict[str, str] = {}
    marker = _MARKER.search(body[-1])
    if marker:
        body[-1] = body[-1][: marker.start()]
        fields = dict(pair.split("=", 1) for pair in marker.group(1).split())
    body[-1] = body[-1].rstrip(" \t")
    dropped = _unstrike(body)
    due: date | None = None
    found = _DUE.search(body[-1])
    if found:
        try:
            due = date.fromisoformat(found.group(1))
            body[-1] = body[-1][: found.start()]
        except ValueError:
            due = None
    owner: str | None = None
    owned = _OWNER.match(body[0].lstrip(" \t"))
    if owned and len(owned.group(1)) <= _MAX_OWNER:
        owner = unescape_lines([owned.group(1)]).strip() or None
        body[0] = owned.group(2)
    text = unescape_lines(body)
    key = fields.get("id") or "h-" + _hash(source, text, length=10)
    decision = fields.get("followup")
    written = fields.get("sum")
    return LogItem(
        key=key,
        text=text,
        owner=owner,
        due=due,
        done=match.group(1) != " ",
        dropped=dropped,
        decision=decision if decision in DECISIONS else None,
        edited=written is not None and written != content_sum(text, owner, due),
    )


def _unstrike(body: list[str]) -> bool:
    """A body struck through as a whole (`~~...~~`, then perhaps `(vervalt)`): unwrapped, True."""
    first = body[0].lstrip(" \t")
    joined = "\n".join([first, *body[1:]])
    struck = _struck().match(joined)
    if struck is None or not first.startswith("~~"):
        return False
    inner = struck.group(1).split("\n")
    body[:] = inner
    return True


@cache
def _struck() -> re.Pattern[str]:
    words = "|".join(re.escape(t_lang(lang, "log.item.dropped")) for lang in LANGUAGES)
    return re.compile(rf"^~~(.*)~~(?: \((?:{words})\))?$", re.DOTALL)
