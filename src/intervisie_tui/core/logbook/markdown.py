"""Escape user text so a session log stays valid CommonMark whatever was typed, and back.

People type anything in a meeting: `# 1`, `a | b`, `*zucht*`, `<b>`, a line that
starts with `- ` or `1.`, trailing spaces, several lines. The log must render as
exactly that text, so we escape with CommonMark's own tools only:

- ASCII punctuation that starts inline syntax is backslash-escaped everywhere
  (`\\ ` * _ [ ] < # | & ~`); `- + = >` and `1.`/`1)` only at the start of a line.
- Spaces and other whitespace at the edges of a line become numeric character
  references (`&#32;`), so they are neither stripped nor turn into a hard break.
- Every newline becomes a hard line break (`\\` at the end of the line) and the
  next line is indented as a continuation of the paragraph or list item; a
  final newline, which a hard break cannot express, becomes `&#10;`.
- Control characters other than tab, newline and carriage return cannot be
  written in CommonMark (it turns them into U+FFFD): we do the same, visibly.

`unescape_lines` is the exact inverse for what we wrote, and reads hand-edited
text sensibly (plain lines joined with newlines, `&amp;` decoded).
"""

from __future__ import annotations

import re
from functools import lru_cache

_INLINE_SPECIAL = frozenset("\\`*_[]<#|&~")
_LINE_START = re.compile(r"^([-+=>])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PUNCT = r"!-/:-@\[-`{-~"
_UNESCAPE = re.compile(
    rf"\\([{_PUNCT}])|(&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});)"
)
REPLACEMENT = "\ufffd"


def _is_edge_space(char: str) -> bool:
    return char.isspace() or char in "\u200b\ufeff"


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


def _escape_char(char: str, colon: bool) -> str:
    if char in _INLINE_SPECIAL or (colon and char == ":"):
        return "\\" + char
    return "&#13;" if char == "\r" else char


def sanitize(text: str) -> str:
    """Replace the control characters CommonMark cannot carry (see module doc)."""
    return _CONTROL.sub(REPLACEMENT, text)


@lru_cache(maxsize=8192)  # a log is rendered again after every command: mostly the same text
def escape_line(line: str, *, colon: bool = False) -> str:
    """One line of user text (no newline) as inline Markdown that renders as itself.

    `colon=True` also escapes `:` (the owner separator of an action item).
    """
    line = sanitize(line)
    start = 0
    while start < len(line) and _is_edge_space(line[start]):
        start += 1
    end = len(line)
    while end > start and _is_edge_space(line[end - 1]):
        end -= 1
    core = "".join(_escape_char(c, colon) for c in line[start:end])
    core = _LINE_START.sub(r"\\\1", core)
    core = _ORDERED.sub(r"\1\\\2", core)
    lead = "".join(_entity(c) for c in line[:start])
    trail = "".join(_entity(c) for c in line[end:])
    return lead + core + trail


@lru_cache(maxsize=8192)
def escape_block(text: str, indent: int = 0, *, first_colon: bool = False) -> str:
    """Multi-line user text for a paragraph or list item; lines after the first indented.

    `first_colon` escapes `:` in the first line only (action items without owner).
    """
    lines = text.split("\n")
    tail = ""
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
        tail = "&#10;"
    escaped = [escape_line(line, colon=first_colon and i == 0) for i, line in enumerate(lines)]
    escaped[-1] += tail
    return ("\\\n" + " " * indent).join(escaped)


def escape_cell(text: str) -> str:
    """Text for one table cell: a single line, pipes escaped."""
    return escape_line(" ".join(text.split("\n")))


def unescape_inline(text: str) -> str:
    """Undo backslash escapes and character references in one line."""
    import html  # here: its entity table is not needed before a log is read

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)
        return html.unescape(match.group(2))

    return _UNESCAPE.sub(replace, text)


def ends_with_hard_break(line: str) -> bool:
    """True when the line ends in an odd number of backslashes (a hard line break)."""
    count = len(line) - len(line.rstrip("\\"))
    return count % 2 == 1


def unescape_lines(lines: list[str]) -> str:
    """The user text of a paragraph's raw lines (indentation already removed or not)."""
    parts: list[str] = []
    for raw in lines:
        line = raw.strip(" \t")
        if ends_with_hard_break(line):
            line = line[:-1]
        parts.append(unescape_inline(line))
    return "\n".join(parts)
