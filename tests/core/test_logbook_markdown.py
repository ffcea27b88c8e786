"""Whatever people type, the log is valid CommonMark that shows exactly their text.

We render whole logs with hostile text in every user field, parse them with
markdown-it-py (CommonMark plus GFM tables, as rich and editors read them) and
compare the visible text of each paragraph, list item and table cell with what
was typed. Then our own parser must read the same text back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from intervisie_tui.core.logbook.front import split_front
from intervisie_tui.core.logbook.markdown import escape_block, sanitize, unescape_lines
from intervisie_tui.core.logbook.parse import parse_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.safe_text import visible
from tests.core.logbook_helpers import DUE, PEOPLE, entry, method, setup, state

MD = MarkdownIt("commonmark").enable("table")
ALLOWED_BLOCKS = {
    "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline",
    "bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
    "table_open", "table_close", "thead_open", "thead_close", "tbody_open", "tbody_close",
    "tr_open", "tr_close", "th_open", "th_close", "td_open", "td_close",
}  # fmt: skip

HOSTILE = [
    "# not a heading",
    "## neither",
    "a | b | c",
    "*zucht* en **vet** en _schuin_ en __dik__",
    "`code` en ``meer``",
    "<b>html</b> <script>alert(1)</script>",
    "<!-- comment -->",
    "[link](http://x) ![img](y) [ref]",
    "[ ] geen taak",
    "[x] ook niet",
    "- een streepje",
    "+ een plus",
    "* een ster",
    "1. genummerd",
    "2) ook genummerd",
    "> citaat",
    "---",
    "***",
    "===",
    "regel\n---",
    "regel\n===",
    "```\nfence\n```",
    "~~~",
    "    ingesprongen code",
    "\tmet tab",
    "spaties achteraan   ",
    "   spaties vooraan",
    "twee\nregels",
    "lege\n\nregel ertussen",
    "eindigt met enter\n",
    "\nbegint met enter",
    "\n",
    "\n\n",
    "backslash \\ en \\* en eind\\",
    "&amp; &copy; &#35; &nbsp;",
    "~~doorgestreept~~",
    "http://example.org <https://example.org>",
    "Afspraak: om 10:30 bellen",
    "eindigt als datum (voor 2026-12-01)",
    "emoji 🙂 en ñ en 中文 en \u200b",
    "\u00a0nbsp aan de rand\u00a0",
    "\u3000ideografische spatie\u3000",
    "regel\u2028scheiding\u2029alinea",
    "next line \x85 (NEL)",
    "carriage\r\nreturn\rlos",
    "controle \x00 \x07 \x1b[31m",
    "a\\\nb",
    "|",
    "#",
    ":",
    "- [ ] nep: taak <!-- id=nep -->",
]


def visible_inlines(source: str) -> list[str]:
    """Visible text of every inline block; anything but text and breaks shows as <<type>>."""
    texts = []
    tokens = MD.parse(source)
    unexpected = {t.type for t in tokens} - ALLOWED_BLOCKS
    assert not unexpected, unexpected
    for token in tokens:
        if token.type != "inline":
            continue
        parts: list[str] = []
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "text":
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif child.type in ("strong_open", "strong_close") and token.content.startswith("**"):
                continue  # our own bold in the agenda's total row
            elif child.type == "html_inline" and index == len(children) - 1:
                if child.content.startswith("<!-- id="):
                    text = "".join(parts)
                    parts = [text[:-1] if text.endswith(" ") else text]
                    continue
                parts.append(f"<<{child.type}>>")
            else:
                parts.append(f"<<{child.type}>>")
        texts.append("".join(parts))
    return texts


def hostile_log(text: str, name: str = "Bo") -> str:
    one_line = " ".join(text.split("\n")) or "x"
    the_setup = setup(case_title=text, question=text)
    the_method = method(
        phases=[
            {"name": "Inbreng", "duration": 5},
            {"name": one_line.strip()[:200] or "x", "duration": 5},
            {"name": "Rondje", "duration": 5, "go_around": {"role": "leden", "prompt": "Zeg"}},
        ]
    )
    entries = [
        entry(1, "note", 0, text),
        entry(2, "insight", 1, text),
        entry(3, "statement", 2, text, participant=name),
        entry(4, "action", 1, text, owner=name, due=DUE),
        entry(5, "action", 1, text),
    ]
    return render_log(state(the_setup, entries, the_method=the_method), app_version="t")


def check_log(text: str, name: str = "Bo") -> None:
    source = hostile_log(text, name)
    parts = split_front(source)
    assert parts is not None
    _, body, _ = parts
    shown = visible_inlines(body)
    typed = sanitize(text)
    owner = " ".join(name.split())
    assert typed in shown  # note, insight, question (a paragraph or list item of their own)
    assert f"{name}: {typed}" in shown  # go-around statement
    assert f"[ ] {owner}: {typed} (voor 2026-12-01)" in shown
    assert f"[ ] {typed}" in shown
    step = " ".join(text.split("\n")).strip()[:200] or "x"
    assert sanitize(step).strip() in [s.strip() for s in shown]  # agenda cell
    record = parse_log(source, Path("x.md"))
    assert record.front.question == visible(text) and record.front.case_title == visible(text)
    assert record.insights == (typed,)
    items = {item.text: item for item in record.items}
    assert typed in items and not items[typed].edited
    assert [i.owner for i in record.items] == [owner, None]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_typed_and_reads_back(text):
    check_log(text)


@pytest.mark.parametrize("name", ["Bo: de Vries", "*Bo*", "Jan-Willem", "  Eef  ", "Ö [x]"])
def test_hostile_names_in_statements_and_owners(name):
    check_log("tekst", name)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60))
def test_any_text_renders_as_typed_and_reads_back(text):
    check_log(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#|*_`<>[]()!-+=.1 \t\n\\&;:~x")), max_size=40))
def test_markdown_punctuation_in_list_items_round_trips(text):
    item = "- [ ] Bo: " + escape_block(text, 2) + " <!-- id=x -->\n- volgende\n"
    shown = visible_inlines(item)
    assert shown == [f"[ ] Bo: {sanitize(text)}", "volgende"]
    assert unescape_lines(escape_block(text, 2).split("\n")) == sanitize(text)


def test_people_with_markdown_in_their_names_stay_intact_in_the_front_matter():
    the_setup = setup(participants=("*An*", "Bo | Cor", "# Dewi"), roles={"inbrenger": ("*An*",)})
    record = parse_log(render_log(state(the_setup)), Path("x.md"))
    assert record.front.participants == ["*An*", "Bo | Cor", "# Dewi"]
    assert PEOPLE[0] == "An"
