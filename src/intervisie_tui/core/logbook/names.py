"""Every form of every name, and one matcher for all of them, linear in the text.

Text is compared *folded*: lower case, without diacritics (`Zoë` = `zoe`), with
curly apostrophes, non-breaking hyphens and every kind of white space made
plain. Folding keeps the length of the text, so a match in the folded text is
the same span in the original.

A form is a short run of words (`de vries`, `jan-willem`, `mw. jansen`): the
words and what stands between them (a space, a hyphen, an apostrophe, a full
stop). The matcher cuts the text into words once and, at every word that can
begin a form, looks up the runs of up to `MAX_FORM_WORDS` words in one dict,
longest first: linear in the length of the text, whatever the number of forms.

A match never stands inside another word. A hyphen joins two words unless the
other side is lower case: `Eva` is not found in `Eva-Marie`, but `Cor` is found
in `Cor-achtig`. Forms that are also ordinary words (`Roos`, `Wil`, `groot` of
`de Groot`) match only when written with a capital.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

MAX_FORM_WORDS = 8
"""Longer names keep their parts as forms, not the whole (and the matcher stays linear)."""

PARTICLES = frozenset(
    (
        "van",
        "de",
        "der",
        "den",
        "het",
        "t",
        "'t",
        "ter",
        "ten",
        "te",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "onder",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "des",
        "von",
        "vom",
        "zu",
        "dos",
        "das",
        "el",
        "d",
        "l",
        "s",
    )
)
"""Tussenvoegsels and their foreign cousins: never a name on their own."""

_SEPARATORS = frozenset({" ", "-", "'", " '", "' ", ".", ". ", " - ", " -", "- "})
_WORD = re.compile(r"[^\W_]+")
_PIECES = re.compile(r"([^\W_]+)")
_SPACES = re.compile(r" {2,}")
_EXTRA = {
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ı": "i",
    "ħ": "h",
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "ʼ": "'",
    "‐": "-",
    "‑": "-",
}
_FOLD: dict[int, str] = {}
_ASCII_SPACE = str.maketrans("\t\n\r\x0b\x0c", "     ")


def _fold_char(char: str) -> str:
    if char in _EXTRA:
        return _EXTRA[char]
    if char.isspace():
        return " "
    low = char.lower()
    if len(low) != 1:  # İ -> i + combining dot: keep the length
        low = char
    if low.isascii():
        return low
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return base if len(base) == 1 else low


def fold(text: str) -> str:
    """`text` lower case, without diacritics, white space plain; same length, same positions."""
    if text.isascii():
        return text.lower().translate(_ASCII_SPACE)
    missing = {c for c in set(text) if ord(c) not in _FOLD}
    for char in missing:
        _FOLD[ord(char)] = _fold_char(char)
    return text.translate(_FOLD)


class Words:
    """The words of one text: the folded text cut into separators and words, with offsets.

    `pieces` alternates separator and word (`["", "an", " ", "de", " ", "vries", ""]`);
    `offsets[i]` is where piece `i` starts. Both are made in C (`re.split`,
    `accumulate`): no Python step per word until a word is looked at.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.pieces = _PIECES.split(self.folded)
        self.words = self.pieces[1::2]
        self.offsets = list(accumulate(map(len, self.pieces), initial=0))

    def __len__(self) -> int:
        return len(self.words)

    def word(self, index: int) -> str:
        return self.words[index]

    def start(self, index: int) -> int:
        return self.offsets[2 * index + 1]

    def end(self, index: int) -> int:
        return self.offsets[2 * index + 2]

    def span(self, index: int) -> tuple[int, int]:
        return self.offsets[2 * index + 1], self.offsets[2 * index + 2]

    def at(self, position: int) -> int:
        """The index of the word that starts at or covers `position` (or the next one)."""
        piece = bisect_right(self.offsets, position) - 1
        return piece // 2

    def separator(self, index: int) -> str:
        """What stands between word `index - 1` and word `index`, spaces collapsed."""
        sep = self.pieces[2 * index]
        return _SPACES.sub(" ", sep) if "  " in sep else sep

    def capital(self, index: int) -> bool:
        return self.text[self.offsets[2 * index + 1]].isupper()

    def joined_left(self, index: int) -> bool:
        """Word `index` is the second half of a capitalised hyphenated word (`Eva-Marie`)."""
        return index > 0 and self.pieces[2 * index] == "-" and self.capital(index - 1)

    def joined_right(self, index: int) -> bool:
        """Word `index` is followed by a hyphen and a capitalised word (`Eva` of `Eva-Marie`)."""
        return (
            index + 1 < len(self.words)
            and self.pieces[2 * index + 2] == "-"
            and self.capital(index + 1)
        )


def form_key(form: str) -> str | None:
    """The folded key of a form, or None when it is no usable form (empty, too long, odd)."""
    parts = _key_parts(form)
    return parts[0] if parts else None


def _key_parts(form: str) -> tuple[str, str, int] | None:
    """(key, its first word, number of words) of a form; None when it is no usable form."""
    if form.isalnum():  # the common case: one word
        key = form.lower() if form.isascii() else fold(form)
        return (key, key, 1) if key.isalnum() else None
    pieces = _PIECES.split(fold(form))
    size = len(pieces) // 2
    if not 0 < size <= MAX_FORM_WORDS:
        return None
    for index in range(2, len(pieces) - 1, 2):
        sep = pieces[index]
        if sep not in _SEPARATORS:
            sep = _SPACES.sub(" ", sep)
            if sep not in _SEPARATORS:
                return None
            pieces[index] = sep
    return "".join(pieces[1:-1]), pieces[1], size


Key = tuple[str, str, int]
"""A form's folded key, its first word, and how many words it has."""


def person_forms(name: str) -> list[tuple[Key, int]]:
    """(form, rank) for one person's name: the whole name (0), first name and surname (1),
    the parts (2); folded, each once.

    `An de Vries`: `an de vries`, `an`, `de vries`, `vries`, `a. de vries`.
    `Jan-Willem Bakker`: also `jan willem bakker`, `jan-willem`, `jan willem`, `jan`,
    `willem`, `bakker`.

    The name is folded and cut into words once; every form is joined from those.
    """
    return folded_forms(fold(" ".join(name.split())))


def folded_forms(folded: str) -> list[tuple[Key, int]]:
    """`person_forms` of a name already folded, with single spaces."""
    if folded.replace(" ", "").isalnum():  # the common case: words and single spaces only
        return _plain_forms(folded.split(" "))
    return list(_marked_forms(folded))


def _marked_forms(folded: str) -> Iterator[tuple[Key, int]]:
    """`person_forms` of a name with hyphens, apostrophes or full stops in it."""
    pieces = _PIECES.split(folded)
    words = pieces[1::2]
    if not words:
        return
    # the space-separated words, each as [the space before it, word, sep, word ...]
    groups: list[list[str]] = [["", words[0]]]
    whole_ok = True
    for sep, word in zip(pieces[2:-1:2], words[1:], strict=True):
        if " " in sep:
            lead = _SPACES.sub(" ", sep)
            whole_ok = whole_ok and lead in _SEPARATORS
            groups.append([lead, word])
        else:
            whole_ok = whole_ok and sep in _SEPARATORS
            groups[-1] += [sep, word]
    seen: set[str] = set()
    forms = _forms(groups) if whole_ok else _parts(groups)
    for key, rank in forms:
        if key[0] not in seen and 0 < key[2] <= MAX_FORM_WORDS:
            seen.add(key[0])
            yield key, rank


def _plain_forms(words: list[str]) -> list[tuple[Key, int]]:
    """`person_forms` of a name of plain words (no hyphen, apostrophe or full stop).

    A list, not a generator: this runs for every name, and appending is cheaper.
    """
    if len(words) > MAX_FORM_WORDS:
        parts = [w for w in dict.fromkeys(words) if len(w) > 1 and w not in PARTICLES]
        return [((w, w, 1), 2) for w in parts]
    first, rest = words[0], words[1:]
    forms: list[tuple[Key, int]] = [((" ".join(words), first, len(words)), 0)]
    if not rest:
        return forms
    named = first not in PARTICLES
    if named:
        forms.append(((first, first, 1), 1))
    surname = " ".join(rest)
    forms.append(((surname, rest[0], len(rest)), 1))
    core = 0
    while core < len(rest) and rest[core] in PARTICLES:
        core += 1
    if 0 < core < len(rest):
        forms.append(((" ".join(rest[core:]), rest[core], len(rest) - core), 1))
    if named:
        forms.append(((f"{first[0]}. {surname}", first[0], len(rest) + 1), 1))
    done = {first, rest[core] if core < len(rest) and len(rest) - core == 1 else ""}
    for word in rest:
        if len(word) > 1 and word not in PARTICLES and word not in done:
            done.add(word)
            forms.append(((word, word, 1), 2))
    return forms


def _join(groups: list[list[str]], dehyphen: bool = False) -> Key:
    flat: list[str] = []
    for group in groups:
        pieces = group[1:] if not flat else group
        flat += [" " if dehyphen and piece == "-" else piece for piece in pieces]
    return "".join(flat), flat[0], (len(flat) + 1) // 2


def _particle(group: list[str]) -> bool:
    return len(group) == 2 and group[1] in PARTICLES


def _forms(groups: list[list[str]]) -> Iterator[tuple[Key, int]]:
    yield _join(groups), 0
    if any("-" in group for group in groups):
        yield _join(groups, dehyphen=True), 0
    first, rest = groups[0], groups[1:]
    if not _particle(first):
        yield _join([first]), 1
        if "-" in first:
            yield _join([first], dehyphen=True), 1
    if rest:
        surname = _join(rest)
        yield surname, 1
        core = list(rest)
        while core and _particle(core[0]):
            core.pop(0)
        if core and len(core) < len(rest):
            yield _join(core), 1
        if not _particle(first):
            initial = first[1][0]
            yield (f"{initial}. {surname[0]}", initial, surname[2] + 1), 1
    yield from _parts(groups)


def _parts(groups: list[list[str]]) -> Iterator[tuple[Key, int]]:
    for group in groups:
        for part in group[1::2]:
            if len(part) > 1 and part not in PARTICLES:
                yield (part, part, 1), 2


class Target(NamedTuple):
    """What a form is replaced by: the label, and what kind of name it stood for."""

    label: str
    kind: str
    """`inbrenger`, `member`, `client`, `group` or `name` (anyone else, or unsure who)."""


_Claim = tuple[int, Target, bool]
"""(rank, target, capitals only): plain tuples, there may be half a million of them."""


@dataclass
class NameIndex:
    """Forms -> who they stand for; a form two people share at the same rank becomes `unsure`.

    A one-word form in `common` (an ordinary word) or a single letter is found only
    when written with a capital.
    """

    unsure: Target
    common: frozenset[str] = frozenset()
    claims: dict[str, _Claim] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)
    """First word of a form -> the most words a form with that first word has."""

    def add(self, form: str, target: Target, rank: int, *, capitals: bool = False) -> str | None:
        """Claim `form` for `target` (`capitals`: only when written with a capital); its key."""
        parts = _key_parts(form)
        if parts is None:
            return None
        self.add_key(*parts, target, rank, capitals=capitals)
        return parts[0]

    def add_person(self, name: str, target: Target, *, folded: bool = False) -> None:
        """Every form of one person's name (see `person_forms`); `folded`: `name` is
        already `fold(" ".join(name.split()))`."""
        first, claims, common, unsure = self.first, self.claims, self.common, self.unsure
        for (key, head, size), rank in folded_forms(name) if folded else person_forms(name):
            # add_key, inlined: this runs for every form of every name
            if size > first.get(head, 0):
                first[head] = size
            capitals = size == 1 and (len(key) == 1 or key in common or key in PARTICLES)
            old = claims.get(key)
            if old is None or rank < old[0]:
                claims[key] = (rank, target, capitals)
            elif rank == old[0] and old[1] != target:
                claims[key] = (rank, unsure, old[2] and capitals)

    def add_key(
        self, key: str, head: str, size: int, target: Target, rank: int, *, capitals: bool = False
    ) -> None:
        first = self.first
        if size > first.get(head, 0):
            first[head] = size
        if size == 1 and not capitals:
            capitals = len(key) == 1 or key in self.common or key in PARTICLES
        claims = self.claims
        old = claims.get(key)
        if old is None or rank < old[0]:
            claims[key] = (rank, target, capitals)
        elif rank == old[0] and old[1] != target:
            claims[key] = (rank, self.unsure, old[2] and capitals)

    def uncapitalise(self, key: str) -> None:
        """Find the form `key` however it is written (the user asked to hide it)."""
        rank, target, _ = self.claims[key]
        self.claims[key] = (rank, target, False)

    def lookup(self, form: str) -> Target | None:
        key = form_key(form)
        claim = self.claims.get(key) if key else None
        return claim[1] if claim else None

    def knows(self, key: str) -> bool:
        """Is the folded key (one word or more) a form of a name?"""
        return key in self.claims

    def matcher(self) -> Matcher:
        return Matcher(self)


class Found(NamedTuple):
    start: int
    end: int
    target: Target


class Matcher:
    """All forms of a NameIndex, found in a text in one pass."""

    def __init__(self, index: NameIndex) -> None:
        self.claims = index.claims
        self.first = index.first

    def find(self, text: str | Words) -> list[Found]:
        """The names in `text`, left to right, the longest form at each place, never overlapping."""
        words = text if isinstance(text, Words) else Words(text)
        first = self.first
        found: list[Found] = []
        count = len(words)
        after = 0  # the first word not inside a name found already
        for index in [i for i, word in enumerate(words.words) if word in first]:
            if index < after or words.joined_left(index):
                continue
            best = self._longest(words, index, min(first[words.words[index]], count - index))
            if best is not None:
                size, target = best
                found.append(Found(words.start(index), words.end(index + size - 1), target))
                after = index + size
        return found

    def _longest(self, words: Words, index: int, depth: int) -> tuple[int, Target] | None:
        best = None
        key = words.words[index]
        for size in range(1, depth + 1):
            if size > 1:
                sep = words.separator(index + size - 1)
                if sep not in _SEPARATORS:
                    break
                key = f"{key}{sep}{words.words[index + size - 1]}"
            claim = self.claims.get(key)
            if claim is None or words.joined_right(index + size - 1):
                continue
            if not claim[2] or words.capital(index):
                best = (size, claim[1])
        return best


def keys_of(forms: Iterable[str]) -> set[str]:
    """Folded keys of words (for lists of words to leave alone)."""
    return {key for key in map(form_key, forms) if key}
