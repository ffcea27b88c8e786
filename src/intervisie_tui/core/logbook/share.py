"""The shareable summary of a session, for the wider organisation.

Only what the group may share: the method, the date, the insights and the
action items. No case title, help question, notes or go-around statements.
Items of earlier sessions decided in the look-back are left out.

Every name the group's history knows is replaced, also inside the texts (see
names.py for the forms and how they are found):

- everyone who took part in any session of the group (a member who left still
  counts): the inbrenger of this session becomes `Inbrenger`, the others
  `Lid 1`, `Lid 2` ... in the order of this session, then those of earlier
  sessions; whole names, first names, surnames with and without their
  tussenvoegsel, the parts of double names, with or without diacritics;
- owners of action items who are no participant (`[naam]`; the item loses its
  owner, who may be someone outside the room);
- a client named after a title or noun (`mevrouw Jansen`, `cliënt K.`): `cliënt`,
  or `cliënt 1`, `cliënt 2` ... when there are several, also where the name
  later stands alone;
- the group's name and the words of it that identify it (`[groep]`);
- words the user chose to redact (`[naam]`).

A form two people share (two members called Jan) becomes `[naam]`. With
`keep_names` the group keeps its members' and its own name; clients and the
redacted words are still replaced.

`share_text` also says where it replaced and what still looks like a name
(redact.py), so the user can look before anything is written.
"""

from __future__ import annotations

import contextlib
import gc
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from intervisie_tui.core.durable import reason
from intervisie_tui.core.group import GroupFileError, load_group_file
from intervisie_tui.core.logbook.history import Skipped
from intervisie_tui.core.logbook.index import read_folder, scan
from intervisie_tui.core.logbook.markdown import escape_block, escape_line, sanitize
from intervisie_tui.core.logbook.names import NameIndex, Target, Words, fold
from intervisie_tui.core.logbook.naming import GROUP_FILE, group_dir, log_files
from intervisie_tui.core.logbook.parse import LogParseError, LogRecord, read_log
from intervisie_tui.core.logbook.redact import (
    client_references,
    mentions_client,
    sentence_start,
    suspects,
)
from intervisie_tui.core.logbook.wordlists import COMMON, GENERIC, STOP
from intervisie_tui.i18n import t_lang

KINDS = ("inbrenger", "member", "client", "group", "name")
KEPT = "kept"
"""The kind of a name found but left as it is (`keep_names`)."""

_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_PRIVATE = re.compile("[\ue000-\ue0ff]")
_OPEN = {kind: chr(0xE010 + number) for number, kind in enumerate(KINDS)}
_SUSPECT = {
    reason: chr(0xE020 + n) for n, reason in enumerate(("capital", "initial", "title", "part"))
}
_CLOSE = "\ue001"
_MARK = re.compile("[\ue001\ue010-\ue02f]")
_KIND_OF = {char: kind for kind, char in _OPEN.items()}
_REASON_OF = {char: reason for reason, char in _SUSPECT.items()}


def clean_text(text: str) -> str:
    """User text safe to share and to show: composed (NFC), no invisible or bidi characters,
    control characters other than newline and tab as U+FFFD.

    Used on everything the export reads (logs read from disk already have their
    control characters written out, `safe_text.visible`): what is left of them, and
    zero-width characters that could split a name so it is not found, go here.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return sanitize(_PRIVATE.sub("\ufffd", text))


@dataclass(frozen=True)
class Mark:
    """A span of the shared text: a replacement (kind: see KINDS) or a suspect (its reason)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class SharedText:
    """The Markdown to share, where names were replaced, and what still looks like one."""

    text: str
    replaced: tuple[Mark, ...] = ()
    suspects: tuple[Mark, ...] = ()

    def suspect_words(self) -> list[str]:
        """Each word that looks like a name, once, in the order of the text."""
        return list(dict.fromkeys(self.text[m.start : m.end] for m in self.suspects))


@dataclass(frozen=True)
class ShareContext:
    """What the group's folder knows beyond the log itself: earlier sessions, its name."""

    sessions: tuple[LogRecord, ...] = ()
    group_names: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()


def load_context(record: LogRecord, root: Path | None) -> ShareContext:
    """The other logs of the record's group: in its folder under the log root and next to it.

    Unlike `history.load_folder` this does not read the record's own file again,
    and it keeps quiet about files next to a mailed log that are no logs.
    """
    group = record.front.group
    main = group_dir(root, group)
    sessions: dict[Path, LogRecord] = {}
    skipped: list[Skipped] = []
    for folder in dict.fromkeys((main, record.path.parent)):
        try:
            logs = _logs(folder, main)
        except OSError as problem:
            skipped += [Skipped(folder.name, reason(problem))] if folder == main else []
            continue
        for path, session in logs:
            if _same_file(path, record.path):
                continue
            if isinstance(session, LogParseError):
                skipped += [Skipped(path.name, session.reason)] if folder == main else []
                continue
            if _same(session.front.group, group):
                sessions.setdefault(path.resolve(), session)
    names = [group]
    with contextlib.suppress(GroupFileError):
        found = load_group_file(main / GROUP_FILE)
        names += [found.name] if found else []
    ordered = sorted(sessions.values(), key=lambda r: (*r.front.sort_key, r.name))
    return ShareContext(tuple(ordered), tuple(dict.fromkeys(names)), tuple(skipped))


def _logs(folder: Path, main: Path) -> list[tuple[Path, LogRecord | LogParseError]]:
    """The group's own folder through the history index; a folder a log was mailed to, read."""
    if folder == main:
        return read_folder(folder, scan(folder))
    found: list[tuple[Path, LogRecord | LogParseError]] = []
    for path in log_files(folder):
        try:
            found.append((path, read_log(path)))
        except LogParseError as problem:
            found.append((path, problem))
    return found


def _same(one: str, other: str) -> bool:
    return fold(" ".join(one.split())) == fold(" ".join(other.split()))


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one == other


def share_markdown(
    record: LogRecord,
    *,
    keep_names: bool = False,
    context: ShareContext | None = None,
    redact: Iterable[str] = (),
) -> str:
    """The summary as Markdown, in the session's language."""
    return share_text(record, context, keep_names=keep_names, redact=redact).text


def share_text(
    record: LogRecord,
    context: ShareContext | Sequence[LogRecord] | None = None,
    *,
    keep_names: bool = False,
    redact: Iterable[str] = (),
    allow: Iterable[str] = (),
) -> SharedText:
    """The summary as Markdown, with its replacements and suspects marked."""
    with _collector_paused():
        return _share_text(record, context, keep_names, redact, allow)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the name index is built and used.

    The index is hundreds of thousands of small tuples without cycles; Python's
    collector would walk the growing heap again and again (a third of the time at
    100,000 names, benchmarks/README.md). Reference counting still frees
    everything; the collector runs again afterwards as before.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _share_text(
    record: LogRecord,
    context: ShareContext | Sequence[LogRecord] | None,
    keep_names: bool,
    redact: Iterable[str],
    allow: Iterable[str],
) -> SharedText:
    if context is None:
        context = ShareContext()
    elif not isinstance(context, ShareContext):
        context = ShareContext(sessions=tuple(context))
    front = record.front
    lang = front.language
    insights = [clean_text(text) for text in record.insights]
    items = [i for i in record.items if i.decision in (None, "continued") and not i.dropped]
    texts = [clean_text(item.text) for item in items]
    owners = [clean_text(item.owner) if item.owner else "" for item in items]
    names = _Names(lang, keep_names)
    names.add_people(record, context.sessions)
    earlier = (item.owner for session in context.sessions for item in session.items)
    names.add_outsiders([*owners, *(clean_text(owner) for owner in earlier if owner)])
    names.add_group((front.group, *context.group_names))
    analysed = {text: Words(text) for text in (*insights, *texts)}  # cut into words once
    names.add_clients(list(analysed.values()))
    names.add_redacted(clean_text(word) for word in redact)
    replace = names.replacer(frozenset(fold(clean_text(word)) for word in allow), analysed)

    method = replace(clean_text(front.method_name or front.method), suspects=False)
    title = f"# {escape_line(method)}, {front.date.isoformat()}"
    intro = t_lang(lang, "share.intro_names" if keep_names else "share.intro")
    lines = [f"- {escape_block(replace(text), 2)}" for text in insights]
    actions = []
    for item, text, owner in zip(items, texts, owners, strict=True):
        label = names.owner_label(owner)
        body = escape_block(replace(text), 2, first_colon=not label)
        if label:
            body = f"{escape_line(label, colon=True)}: {body}"
        if item.due:
            body += " (" + t_lang(lang, "log.item.due", date=item.due.isoformat()) + ")"
        actions.append(f"- [{'x' if item.done else ' '}] {body}")
    none = t_lang(lang, "log.none")
    blocks = [
        title,
        f"*{intro}*",
        f"## {t_lang(lang, 'share.h.insights')}",
        "\n".join(lines) or none,
        f"## {t_lang(lang, 'share.h.actions')}",
        "\n".join(actions) or none,
    ]
    return _unmark("\n\n".join(blocks) + "\n")


def _unmark(marked: str) -> SharedText:
    """Take the marks out of the assembled text and keep where they stood."""
    out: list[str] = []
    replaced: list[Mark] = []
    found: list[Mark] = []
    length = position = 0
    opened: tuple[int, str] | None = None
    for match in _MARK.finditer(marked):
        out.append(marked[position : match.start()])
        length += match.start() - position
        position = match.end()
        char = match.group()
        if char != _CLOSE:
            opened = (length, char)
        elif opened is not None:
            start, kind = opened
            if kind in _KIND_OF:
                replaced.append(Mark(start, length, _KIND_OF[kind]))
            else:
                found.append(Mark(start, length, _REASON_OF[kind]))
            opened = None
    out.append(marked[position:])
    return SharedText("".join(out), tuple(replaced), tuple(found))


class _Names:
    """The name index of one export, built from the group's history and the texts."""

    def __init__(self, lang: str, keep_names: bool) -> None:
        self.lang = lang
        self.keep = keep_names
        self.unsure = Target(t_lang(lang, "share.name"), "name")
        self.index = NameIndex(self.unsure, COMMON.get(lang, COMMON["nl"]))
        self._outsider = Target("", KEPT) if keep_names else self.unsure

    def add_people(self, record: LogRecord, sessions: Sequence[LogRecord]) -> None:
        """Everyone who took part: this session first, then the earlier ones, oldest first."""
        front = record.front
        people: dict[str, None] = {}  # folded, in order of appearance
        for name in dict.fromkeys(n for names in _taking_part(record, sessions) for n in names):
            people.setdefault(fold(_person(clean_text(name))))
        role = front.role_names.get("inbrenger") or t_lang(self.lang, "share.inbrenger")
        inbrengers = [n for n in front.participants if n in front.holders("inbrenger")]
        labels: dict[str, Target] = {}
        for number, name in enumerate(inbrengers, 1):
            label = role if len(inbrengers) == 1 else f"{role} {number}"
            labels.setdefault(fold(_person(clean_text(name))), Target(label, "inbrenger"))
        member = t_lang(self.lang, "share.member")  # "Lid {number}", filled in below
        number = 0
        for key in people:
            if key not in labels:
                number += 1
                labels[key] = Target(member.format(number=number), "member")
        kept = Target("", KEPT)
        for key, target in labels.items():
            self.index.add_person(key, kept if self.keep else target, folded=True)

    def add_outsiders(self, owners: Iterable[str]) -> None:
        """Owners who are no participant: their capitalised words are names too."""
        for owner in owners:
            if not owner or self.owner_label(owner) is not None:
                continue
            words = Words(owner)
            caps = [words.word(i) for i in range(len(words)) if words.capital(i)]
            for index in range(len(words)):
                word = words.word(index)
                if words.capital(index) and len(word) > 1 and word not in STOP:
                    self.index.add(owner[slice(*words.span(index))], self._outsider, 3)
            if caps and len(caps) == len(words):
                self.index.add(owner, self._outsider, 3)

    def add_group(self, names: Iterable[str]) -> None:
        target = (
            Target("", KEPT) if self.keep else Target(t_lang(self.lang, "share.group"), "group")
        )
        for name in dict.fromkeys(" ".join(n.split()) for n in names if n.strip()):
            self.index.add(name, target, 0)
            words = name.split()
            for size in range(2, min(len(words), 4) + 1):
                for start in range(len(words) - size + 1):
                    part = words[start : start + size]
                    if any(fold(w) not in GENERIC for w in part) and len(part) < len(words):
                        self.index.add(" ".join(part), target, 1)
            for word in words:
                key = fold(word)
                if len(key) > 2 and key.isalpha() and key not in GENERIC and key not in STOP:
                    self.index.add(word, target, 2, capitals=True)

    def add_clients(self, texts: Sequence[Words]) -> None:
        found: list[tuple[str, str, str]] = []  # (reference, name, identity)
        for words in texts:
            if not mentions_client(words.folded):
                continue
            text = words.text
            for ref in client_references(words):
                name = text[ref.name_start : ref.end]
                parts = [p for p in name.split() if len(p.rstrip(".")) > 1]
                identity = fold(" ".join(parts or name.split()))
                found.append((text[ref.start : ref.end], name, identity))
        known_before = {identity: self.index.lookup(name) for _, name, identity in found}
        clients = [identity for identity, known in known_before.items() if known is None]
        number = {identity: n for n, identity in enumerate(clients, 1)}
        for reference, name, identity in found:
            known = self.index.lookup(name) or known_before[identity]
            if known is None:
                key = "share.client" if len(clients) == 1 else "share.client_n"
                known = Target(t_lang(self.lang, key, number=number[identity]), "client")
                parts = [p for p in name.split() if len(p.rstrip(".")) > 1]
                if parts:
                    self.index.add(name, known, 3)
                    self.index.add(" ".join(parts), known, 3)
            self.index.add(reference, known, 0)

    def add_redacted(self, words: Iterable[str]) -> None:
        for word in words:
            key = self.index.add(word, self.unsure, 4)
            if key is not None:
                self.index.uncapitalise(key)

    def owner_label(self, owner: str) -> str | None:
        """The label an owner is shown with: participants and former members only."""
        if not owner:
            return None
        if self.keep:
            return owner
        target = self.index.lookup(owner)
        if target is None:
            return None
        if target.kind == KEPT:
            return owner
        if target.kind not in ("inbrenger", "member"):
            return None
        return f"{_OPEN[target.kind]}{target.label}{_CLOSE}"

    def replacer(
        self, allowed: frozenset[str], analysed: dict[str, Words] | None = None
    ) -> Callable[..., str]:
        analysed = analysed or {}
        matcher = self.index.matcher()
        index = self.index

        def replace(text: str, *, suspects: bool = True) -> str:
            words = analysed.get(text) or Words(text)
            out: list[str] = []
            position = 0
            spans: list[tuple[int, int]] = []
            length = 0
            for found in matcher.find(words):
                if found.target.kind == KEPT:
                    continue
                out.append(text[position : found.start])
                label = found.target.label
                if label[:1].islower() and sentence_start(text, found.start):
                    label = label[0].upper() + label[1:]
                marked = f"{_OPEN[found.target.kind]}{label}{_CLOSE}"
                length += found.start - position
                spans.append((length, length + len(marked)))
                length += len(marked)
                out.append(marked)
                position = found.end
                while position < len(text) and unicodedata.combining(text[position]):
                    position += 1  # a mark on the name's last letter (Zoë + ◌̈) goes with it
            out.append(text[position:])
            replaced = "".join(out)
            if not suspects:
                return replaced
            return _mark_suspects(replaced, spans, index.knows, allowed)

        return replace


def _mark_suspects(
    text: str, spans: list[tuple[int, int]], known: Callable[[str], bool], allowed: frozenset[str]
) -> str:
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]

    def hidden(position: int) -> bool:
        at = bisect_right(starts, position) - 1
        return at >= 0 and position < ends[at]

    out: list[str] = []
    position = 0
    for found in suspects(text, hidden, known, allowed):
        out += [text[position : found.start], _SUSPECT[found.reason]]
        out += [text[found.start : found.end], _CLOSE]
        position = found.end
    out.append(text[position:])
    return "".join(out)


def _person(name: str) -> str:
    return " ".join(name.split())


def _taking_part(record: LogRecord, sessions: Sequence[LogRecord]) -> Iterator[Sequence[str]]:
    for session in (record, *sessions):
        yield session.front.present  # the late comers too
        yield session.front.absent  # a member not there may still be named
        yield from session.front.roles.values()
