"""Reading logs back: hand edits are respected, broken files are named and skipped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from intervisie_tui.core import yaml_safe
from intervisie_tui.core.logbook.history import load_folder
from intervisie_tui.core.logbook.parse import LogParseError, LogRecord, parse_log, read_log
from intervisie_tui.core.logbook.render import render_log
from tests.core.logbook_helpers import DUE, entry, setup, state

ACTIONS = [
    entry(1, "action", 2, "overleg met de huisars", owner="An", due=DUE),
    entry(2, "action", 3, "casus terugbrengen"),
    entry(3, "insight", 3, "rust geeft ruimte"),
]


def rendered(tmp_path: Path, name: str = "log.md", **changes) -> Path:
    path = tmp_path / name
    path.write_text(render_log(state(setup(), ACTIONS, **changes)), encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_each_item_appears_twice_but_is_read_once(tmp_path):
    record = read_log(rendered(tmp_path))
    assert [(i.owner, i.text, i.due, i.done) for i in record.items] == [
        ("An", "overleg met de huisars", DUE, False),
        (None, "casus terugbrengen", None, False),
    ]
    assert record.insights == ("rust geeft ruimte",)


def test_a_hand_edited_log_is_read_as_edited(tmp_path):
    path = rendered(tmp_path)
    edit(path, "- [ ] casus terugbrengen", "- [x] casus terugbrengen")  # ticked once
    edit(path, "overleg met de huisars", "overleg met de huisarts")  # typo fixed in one copy
    first, second = read_log(path).items
    assert first.text == "overleg met de huisarts" and first.edited and not first.done
    assert second.done and not second.edited


def test_an_edited_owner_and_due_date_are_read(tmp_path):
    path = rendered(tmp_path)
    edit(path, "An: overleg", "Bo: overleg", count=2)
    edit(path, "(voor 2026-12-01)", "(voor 2027-01-15)", count=2)
    item = read_log(path).items[0]
    assert (item.owner, item.due, item.edited) == ("Bo", date(2027, 1, 15), True)


def test_an_item_added_by_hand_is_read_with_an_identity_of_its_own(tmp_path):
    path = rendered(tmp_path)
    edit(path, "## Evaluatie", "- [ ] Cor: zaal reserveren (voor 2026-04-01)\n\n## Evaluatie")
    added = read_log(path).items[-1]
    assert (added.owner, added.text, added.due) == (
        "Cor",
        "zaal reserveren",
        date(2026, 4, 1),
    )
    assert added.key.startswith("h-") and not added.edited
    assert read_log(path).items[-1].key == added.key  # stable between reads


def test_task_lines_inside_a_code_block_are_no_items(tmp_path):
    path = rendered(tmp_path)
    edit(path, "## Evaluatie", "```\n- [ ] geen item\n```\n\n## Evaluatie")
    assert len(read_log(path).items) == 2


def test_windows_line_endings_and_a_byte_order_mark_are_fine(tmp_path):
    path = rendered(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert read_log(path).items == parse_log(text, path).items


def test_an_unquoted_time_is_read_as_a_time_not_as_yaml_minutes(tmp_path):
    path = rendered(tmp_path)
    edit(path, "start: '19:30'", "start: 19:30")
    assert read_log(path).front.start == "19:30"


def test_unknown_front_matter_keys_are_ignored_but_a_newer_format_is_refused(tmp_path):
    path = rendered(tmp_path)
    edit(path, "format: 1\n", "format: 1\nlater_added: ja\n")
    assert read_log(path).front.format == 1
    edit(path, "format: 1\n", "format: 2\n")
    with pytest.raises(LogParseError, match="format"):
        read_log(path)


BROKEN = {
    "geen-kop.md": "# Alleen tekst\n\n- [ ] iets\n",
    "kapotte-yaml.md": "---\nmethod: [onaf\n---\n",
    "veld-weg.md": "---\nformat: 1\nmethod: x\ngroup: G\n---\n",
    "geen-einde.md": "---\nformat: 1\n",
    "lijst.md": "---\n- a\n- b\n---\n",
}


@pytest.mark.parametrize(("name", "text"), BROKEN.items())
def test_a_broken_log_raises_an_error_that_names_it(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LogParseError) as caught:
        read_log(path)
    assert name in str(caught.value) and "\n" not in str(caught.value)


def test_a_binary_file_is_named_as_not_text(tmp_path):
    path = tmp_path / "foto.md"
    path.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    with pytest.raises(LogParseError, match="UTF-8"):
        read_log(path)


def test_history_skips_broken_logs_by_name_and_reads_the_rest(tmp_path):
    rendered(tmp_path, "2026-03-02-1930-focusmethode.md")
    for name, text in BROKEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "foto.md").write_bytes(b"\xff\xfe")
    history = load_folder(tmp_path, "Team Noord")
    assert [r.name for r in history.sessions] == ["2026-03-02-1930-focusmethode.md"]
    assert sorted(s.name for s in history.skipped) == sorted([*BROKEN, "foto.md"])
    assert len(history.open_items()) == 2


def test_front_matter_reads_the_same_on_libyaml_as_on_pure_python(tmp_path, monkeypatch):
    """The fast loader changes nothing: unquoted times, line separators, odd text, errors."""
    path = tmp_path / "log.md"
    odd = setup(question="Mag ik \u2028aandringen?\u0085 ja: `nee` # [x] &amp;")
    path.write_text(render_log(state(odd, ACTIONS)), encoding="utf-8")
    edit(path, "start: '19:30'", "start: 19:30")
    for name, text in BROKEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def outcome(name: str) -> object:
        try:
            return read_log(tmp_path / name)
        except LogParseError as problem:
            return str(problem)

    names = ["log.md", *BROKEN]
    fast = [outcome(name) for name in names]
    monkeypatch.setattr(yaml_safe, "SAFE_LOADER", yaml.SafeLoader)
    assert fast == [outcome(name) for name in names]
    assert isinstance(fast[0], LogRecord) and fast[0].front.start == "19:30"
