"""Reading a text for what a privacy officer would ask about: clients named, and name-like words.

- `client_references`: a title or noun and a name after it: `mevrouw Jansen`,
  `mw. K. de Vries`, `de heer Bakker`, `cliënt Sam`, `Mr Smith`.
- `suspects`: what still looks like a name after the replacements: a capitalised
  word that does not begin a sentence and is no common word (`Jansen`), an
  initial (`K.`), a lower-case word after a title (`mevrouw jansen`), and a
  hyphenated word with a known name in it (`Eva-Marie` when Eva is known), even
  at the start of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from intervisie_tui.core.logbook.names import PARTICLES, Words, fold
from intervisie_tui.core.logbook.wordlists import ABBREVIATIONS, NOUNS, STOP, TITLES

MAX_NAME_WORDS = 6
_AFTER_TITLE = frozenset({" ", ". ", "."})
_IN_NAME = frozenset({" ", "-", "'", " '"})
_AFTER_INITIAL = frozenset({".", ". "})
_NAMEISH = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_OPENING = frozenset(" \t\"'“”‘’„«»‹›([{*_~")
_SENTENCE_END = frozenset(".!?…\n")
_HONORIFIC = re.compile(
    r"(?<![^\W_])(?:" + "|".join(sorted(TITLES | NOUNS, key=len, reverse=True)) + r")(?![^\W_])"
)
_LAST_WORD = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")


class Reference(NamedTuple):
    """`mevrouw K. Jansen`: where it starts and ends, and where its name part starts."""

    start: int
    name_start: int
    end: int


def mentions_client(folded: str) -> bool:
    """Cheap test on folded text: could it hold a client reference at all?"""
    return _HONORIFIC.search(folded) is not None


def client_references(words: Words) -> Iterator[Reference]:
    """Every title or noun followed by a name, in the order of the text."""
    after = 0  # the first word not inside a reference found already
    for match in _HONORIFIC.finditer(words.folded):
        index = words.at(match.start())
        word = words.word(index)
        if index < after or (word == "heer" and (index == 0 or words.word(index - 1) != "de")):
            continue
        last = _name_after(words, index)
        if last is None:
            continue
        first = index - 1 if word == "heer" else index
        yield Reference(words.start(first), words.start(index + 1), words.end(last))
        after = last + 1


def _name_after(words: Words, honorific: int) -> int | None:
    """The last word of the name after the honorific at `honorific`, if a name follows."""
    last = None
    seps = _AFTER_TITLE if words.word(honorific) in ABBREVIATIONS else {" "}
    index = honorific + 1
    while index < len(words) and index - honorific <= MAX_NAME_WORDS:
        if words.separator(index) not in seps:
            break
        word = words.word(index)
        initial = len(word) == 1 and words.capital(index)
        if word in PARTICLES and not initial:
            pass
        elif words.capital(index) and (initial or word not in STOP):
            last = index
        else:
            break
        seps = _IN_NAME | _AFTER_INITIAL if initial else _IN_NAME
        index += 1
    return last


class Suspect(NamedTuple):
    start: int
    end: int
    reason: str
    """`capital`, `initial`, `title` (a lower-case word after a title) or `part`."""


def suspects(
    text: str,
    hidden: Callable[[int], bool],
    known: Callable[[str], bool],
    allowed: frozenset[str] = frozenset(),
) -> Iterator[Suspect]:
    """Name-like words in `text` outside the spans `hidden(position)` says were replaced.

    `known(key)`: is a folded word a form of a known name; `allowed`: folded words
    the user said are no names.
    """
    before = ("", "")  # the two words before this one (folded, short ones only)
    for match in _NAMEISH.finditer(text):
        start, end = match.span()
        raw = match.group()
        title = before[1] in TITLES and (before[1] != "heer" or before[0] == "de")
        if (raw[0].isupper() or title) and not hidden(start):
            word = fold(raw)
            reason = _reason(text, start, end, word, title, known)
            if reason and word not in allowed:
                yield Suspect(start, end, reason)
        short = fold(raw) if len(raw) <= 8 and text[end : end + 1] in (" ", ".") else ""
        before = (before[1], short)


def _reason(
    text: str, start: int, end: int, word: str, title: bool, known: Callable[[str], bool]
) -> str | None:
    first = text[start]
    if "-" in word and first.isupper() and any(known(part) for part in word.split("-")):
        return "part"
    if first.isupper():
        if text[start:end].isupper() and end - start > 1:
            return None  # an acronym: GGZ, MDO, AVG
        if sentence_start(text, start):
            return None
        if end - start == 1:
            return "initial" if text[end : end + 1] == "." else None
        return None if word in STOP else "capital"
    if title and word not in STOP and word not in PARTICLES:
        return "title"
    return None


def sentence_start(text: str, start: int) -> bool:
    """Does the word at `start` begin a sentence (or the text, or a line)?"""
    index = start - 1
    while index >= 0 and text[index] in _OPENING:
        index -= 1
    if index < 0:
        return True
    char = text[index]
    if char not in _SENTENCE_END:
        return False
    if char == ".":
        before = _LAST_WORD.search(text, max(0, index - 12), index + 1)
        if before and (len(before.group(1)) == 1 or fold(before.group(1)) in ABBREVIATIONS):
            return False
    return True
