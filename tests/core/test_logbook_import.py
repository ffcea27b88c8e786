"""`log import`: a log mailed by a colleague is checked and filed under its group."""

from __future__ import annotations

import pytest

from intervisie_tui.core.logbook.history import load_group
from intervisie_tui.core.logbook.importer import import_log
from intervisie_tui.core.logbook.parse import LogParseError
from intervisie_tui.core.logbook.render import render_log
from tests.core.logbook_helpers import entry, setup, state

NAME = "2026-03-02-1930-focusmethode.md"


def mailed(tmp_path, name="bijlage.md", **changes):
    path = tmp_path / "mail" / name
    path.parent.mkdir(exist_ok=True)
    the_state = state(setup(group="Team Zuid"), [entry(1, "action", 2, "bellen")], **changes)
    path.write_text(render_log(the_state), encoding="utf-8")
    return path


def test_an_imported_log_is_filed_under_its_group_and_feeds_the_history(tmp_path):
    root = tmp_path / "logs"
    result = import_log(mailed(tmp_path), root)
    assert result.status == "imported" and result.path == root / "Team Zuid" / NAME
    assert [i.text for i in load_group(root, "Team Zuid").open_items()] == ["bellen"]


def test_importing_the_same_log_twice_says_it_is_already_there(tmp_path):
    root = tmp_path / "logs"
    first = import_log(mailed(tmp_path), root)
    again = import_log(mailed(tmp_path, "weer.md"), root)
    assert again.status == "present" and again.path == first.path
    assert len(list((root / "Team Zuid").iterdir())) == 1


def test_a_windows_copy_of_the_same_log_is_the_same_content(tmp_path):
    root = tmp_path / "logs"
    source = mailed(tmp_path)
    import_log(source, root)
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    assert import_log(source, root).status == "present"


def test_another_version_of_the_same_session_is_filed_beside_it_never_over_it(tmp_path):
    root = tmp_path / "logs"
    first = import_log(mailed(tmp_path, finished=False), root)
    before = first.path.read_bytes()
    second = import_log(mailed(tmp_path, "af.md"), root)
    assert second.status == "imported" and second.path.name == NAME.replace(".md", "-2.md")
    assert second.other_version == first.path and first.path.read_bytes() == before
    history = load_group(root, "Team Zuid")
    assert len(history.sessions) == 1 and history.sessions[0].front.status == "finished"


def test_a_file_that_is_no_log_is_refused_by_name(tmp_path):
    bad = tmp_path / "boodschappen.md"
    bad.write_text("- melk\n- brood\n", encoding="utf-8")
    with pytest.raises(LogParseError, match=r"boodschappen\.md"):
        import_log(bad, tmp_path / "logs")
    assert not (tmp_path / "logs").exists()


def test_a_strange_method_id_cannot_escape_the_group_folder(tmp_path):
    source = mailed(tmp_path)
    text = source.read_text(encoding="utf-8").replace("method: focusmethode", "method: ../../x")
    source.write_text(text, encoding="utf-8")
    result = import_log(source, tmp_path / "logs")
    assert result.path.parent == tmp_path / "logs" / "Team Zuid"
