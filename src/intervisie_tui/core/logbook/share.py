"""The shareable summary of a session, for the wider organisation.

Only what the group may share: the method, the date, the insights and the
action items. No case title, help question, notes or go-around statements, and
every participant's name replaced by a role (`Inbrenger`, `Lid 1`, `Lid 2` ...),
also inside the texts, unless the group chose to keep names. An action item
whose owner is not a participant loses the owner: it may be someone outside
the room. Items of earlier sessions decided in the look-back are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intervisie_tui.core.logbook.front import LogFront
from intervisie_tui.core.logbook.markdown import escape_block, escape_line
from intervisie_tui.core.logbook.parse import LogRecord
from intervisie_tui.i18n import t_lang

_PARTICLES = frozenset({"de", "den", "der", "van", "het", "ter", "ten", "la", "le", "el"})


def share_markdown(record: LogRecord, *, keep_names: bool = False) -> str:
    """The summary as Markdown, in the session's language."""
    front = record.front
    lang = front.language
    aliases = {} if keep_names else name_aliases(front)
    hide = _replacer(aliases)
    title = f"# {escape_line(front.method_name or front.method)}, {front.date.isoformat()}"
    intro = t_lang(lang, "share.intro_names" if keep_names else "share.intro")
    insights = [f"- {escape_block(hide(text), 2)}" for text in record.insights]
    actions = []
    for item in record.items:
        if item.decision not in (None, "continued"):
            continue
        owner = item.owner if keep_names else aliases.get(_fold(item.owner or ""))
        body = escape_block(hide(item.text), 2, first_colon=not owner)
        if owner:
            body = f"{escape_line(owner, colon=True)}: {body}"
        if item.due:
            body += " (" + t_lang(lang, "log.item.due", date=item.due.isoformat()) + ")"
        actions.append(f"- [{'x' if item.done else ' '}] {body}")
    none = t_lang(lang, "log.none")
    blocks = [
        title,
        f"*{intro}*",
        f"## {t_lang(lang, 'share.h.insights')}",
        "\n".join(insights) or none,
        f"## {t_lang(lang, 'share.h.actions')}",
        "\n".join(actions) or none,
    ]
    return "\n\n".join(blocks) + "\n"


def name_aliases(front: LogFront) -> dict[str, str]:
    """Folded participant name (and unique first name) -> role label."""
    lang = front.language
    inbrengers = [n for n in front.participants if n in front.holders("inbrenger")]
    label = front.role_names.get("inbrenger") or t_lang(lang, "share.inbrenger")
    labels: dict[str, str] = {}
    for number, name in enumerate(inbrengers, 1):
        labels[name] = label if len(inbrengers) == 1 else f"{label} {number}"
    members = [n for n in front.participants if n not in labels]
    for number, name in enumerate(members, 1):
        labels[name] = t_lang(lang, "share.member", number=number)
    aliases = {_fold(name): alias for name, alias in labels.items()}
    firsts = [_fold(n).split(" ")[0] for n in labels]
    for name, alias in labels.items():
        first = _fold(name).split(" ")[0]
        if len(first) > 1 and first not in _PARTICLES and firsts.count(first) == 1:
            aliases.setdefault(first, alias)
    return aliases


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _replacer(aliases: dict[str, str]) -> Callable[[str], str]:
    if not aliases:
        return lambda text: text
    names = sorted(aliases, key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(part) for part in name.split(" ")) for name in names)
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)

    def replace(match: re.Match[str]) -> str:
        return aliases.get(_fold(match.group(0)), match.group(0))

    return lambda text: pattern.sub(replace, text)
