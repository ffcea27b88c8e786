"""Action items in the log: done, dropped and open read as they are, and come back as written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervisie_tui.core.logbook.history import load_folder
from intervisie_tui.core.logbook.items import LogItem, parse_item, render_item
from intervisie_tui.core.logbook.parse import parse_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.logbook.writer import LogWriter
from tests.core.logbook_helpers import entry, open_item, setup, state

GROUP = "Team Noord"

# What people type: any printable text, several lines, Markdown and our own syntax included
TYPED = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
    | st.sampled_from(list("\n~:()[]\\*`#-+ ")),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip())
OWNER = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Z")) | st.sampled_from(list("~:\\")))
    .filter(lambda name: name.strip())
    .map(lambda name: " ".join(name.split())),
)
DUE = st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2099, 12, 31)))
STATE = st.sampled_from(
    [
        *((False, False, None), (True, False, "done"), (False, True, "dropped")),
        *((False, False, "continued"), (False, False, "open"), (True, False, None)),
    ]
)
"""(done, dropped, decision) as the app writes them."""


def lines(item: LogItem, lang: str = "nl") -> list[str]:
    return render_item(item, lang).split("\n")


@given(text=TYPED, owner=OWNER, due=DUE, status=STATE, lang=st.sampled_from(["nl", "en"]))
def test_every_item_reads_back_as_the_app_wrote_it(text, owner, due, status, lang):
    done, dropped, decision = status
    written = LogItem("3f2a9c1b0d", text, owner, due, done, dropped=dropped, decision=decision)
    assert parse_item(lines(written, lang), "log.md") == written


def test_a_dropped_item_is_struck_through_and_not_ticked():
    item = LogItem("k1", "uitnodiging teamleider", "Eef", date(2026, 12, 1), dropped=True)
    assert render_item(item, "nl").startswith(
        "- [ ] ~~Eef: uitnodiging teamleider (voor 2026-12-01)~~ (vervalt) <!--"
    )
    assert render_item(item, "en").startswith("- [ ] ~~Eef: uitnodiging teamleider (due")
    assert "~~ (dropped) <!--" in render_item(item, "en")


@pytest.mark.parametrize(
    "line",
    [
        "- [x] Eef: uitnodiging <!-- id=k1 sum=000000 followup=dropped -->",  # older logs
        "- [ ] ~~Eef: uitnodiging~~ (vervalt)",  # struck through by hand, in Dutch
        "- [ ] ~~Eef: uitnodiging~~ (dropped)",
        "- [ ] ~~Eef: uitnodiging~~",  # struck through, nothing said
    ],
)
def test_dropped_items_old_and_new_and_by_hand_are_closed(line):
    item = parse_item([line], "log.md")
    assert item is not None and item.closed
    assert (item.owner, item.text) == ("Eef", "uitnodiging")


@pytest.mark.parametrize(
    "line",
    [
        "- [ ] ~~Eef~~ en verder nog iets",  # only a part struck through
        "- [ ] Eef: bel \\~\\~ (vervalt)",  # what was typed, escaped
    ],
)
def test_text_that_only_looks_struck_through_stays_open(line):
    item = parse_item([line], "log.md")
    assert item is not None and not item.closed


def test_a_struck_through_item_of_several_lines_reads_back_whole():
    written = LogItem("k2", "eerst dit\nen dan dat", "Bo", dropped=True, decision="dropped")
    assert len(lines(written)) == 2
    assert parse_item(lines(written), "log.md") == written


def test_all_action_items_list_what_was_not_discussed_instead_of_none():
    """Bug: "Alle actiepunten" said "Geen" while three were open under "Niet besproken"."""
    items = tuple(open_item(f"k{n}", f"punt {n}", "Bo") for n in (1, 2, 3))
    text = render_log(state(setup(followup=True, open_items=items)))
    closing = text.split("## Alle actiepunten\n\n", 1)[1].split("\n## ", 1)[0]
    assert "Geen." not in closing
    for number in (1, 2, 3):
        assert f"Bo: punt {number}" in closing


def test_open_items_after_a_session_that_dropped_one_and_did_not_discuss_another(tmp_path):
    writer = LogWriter.for_group(GROUP, tmp_path)
    actions = [entry(1, "action", 1, "a"), entry(2, "action", 1, "b")]
    writer.write(state(setup(), actions, session_id="s1"))
    a, b = load_folder(writer.folder).open_items()
    look_back = setup(followup=True, open_items=(a, b))
    second = state(look_back, session_id="s2", followups={a.key: "dropped"})
    path = writer.write(second)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "- [x]" not in text  # nothing was done
    assert "~~a~~ (vervalt)" in text
    assert [item.text for item in load_folder(writer.folder).open_items()] == ["b"]
    record = parse_log(text, Path(path.name))
    assert {item.text: item.dropped for item in record.items} == {"a": True, "b": False}
