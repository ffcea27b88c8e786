"""Text from files and the command line, made safe to show in a terminal.

A method file, a mailed log, a group file or a `--group` argument can hold
escape sequences (ESC, OSC titles, a clear-screen), other control characters
(backspace, DEL, a bare CR) or bidirectional overrides that reorder what the
reader sees. None of that may reach the terminal. This is the one rule for it:

- `unsafe_characters` finds them (method files are refused with their position);
- `visible` shows each one as a readable escape (`\\x1b`, `\\u202e`), so the
  user sees that something was there, and keeps newlines and tabs;
- `one_line` also folds line breaks, for names, titles and table cells;
- `visible_data` applies `visible` to every string of parsed YAML or JSON.

Pure Python: the core uses it to refuse and clean, the TUI and CLI before they
hand text to Rich or Textual (which also escape Rich markup there).
"""

from __future__ import annotations

import re
from typing import Any

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Arabic letter mark, LRM/RLM, embeddings and overrides, isolates."""
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
"""Every C0 control but tab and newline, DEL, every C1 control, the bidi controls."""
_BREAKS = re.compile(r"\s*[\n\u2028\u2029]\s*")


def unsafe_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every character that must not reach a terminal."""
    return [(match.start(), match.group()) for match in _UNSAFE.finditer(text)]


def shown(char: str) -> str:
    """How an unsafe character is shown: `\\x1b`, `\\x7f`, `\\u202e`."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with each unsafe character written out (`\\x1b[2J`); newlines and tabs kept.

    A CR before a newline (a Windows line end) simply goes.
    """
    text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(lambda match: shown(match.group()), text)


def one_line(text: str) -> str:
    """`visible`, with line breaks folded into one space (names, titles, table cells)."""
    return _BREAKS.sub(" ", visible(text)).replace("\t", " ")


def visible_data(data: Any) -> Any:
    """Parsed YAML/JSON with `visible` applied to every string, keys included."""
    if isinstance(data, str):
        return visible(data)
    if isinstance(data, dict):
        return {visible_data(key): visible_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [visible_data(value) for value in data]
    return data
