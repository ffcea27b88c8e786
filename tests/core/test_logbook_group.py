"""The optional group file groep.yaml: strict loading, clear errors, topics marked safely."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from intervisie_tui.cli.group import schema_text
from intervisie_tui.core.group import (
    GroupFileError,
    group_file_path,
    group_json_schema,
    load_group_file,
    mark_topic_chosen,
)
from intervisie_tui.core.logbook.history import load_group

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "group.schema.json"
GROUP_YAML = """\
# Groepsbestand van Team Noord
# (bijgehouden door de voorzitter)

name: Team Noord
goal: Leren van lastige thuiszorgsituaties
agreements:
  frequency: zes keer per jaar, twee uur
  confidentiality: wat hier besproken wordt, blijft hier
  recorded: inzichten en actiepunten, geen cliëntnamen
  shared_with: alleen de samenvatting, met het teamoverleg
topics:
- title: Zorgmijders
  notes: ingebracht door Bo
- title: Grenzen stellen
  chosen: [2026-01-05]
"""


def write_group(root: Path, text: str = GROUP_YAML) -> Path:
    path = group_file_path("Team Noord", root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_group_file_is_read_with_its_agreements_and_topics(tmp_path):
    group = load_group_file(write_group(tmp_path))
    assert group is not None
    assert group.name == "Team Noord" and group.agreements.frequency.startswith("zes keer")
    assert [t.title for t in group.topics] == ["Zorgmijders", "Grenzen stellen"]
    assert group.topics[1].chosen == [date(2026, 1, 5)]
    history = load_group(tmp_path, "Team Noord")
    assert history.topic_titles() == ["Zorgmijders", "Grenzen stellen"]
    assert "Doel: Leren van lastige thuiszorgsituaties" in history.summary_text("nl")


def test_no_group_file_is_fine(tmp_path):
    assert load_group_file(group_file_path("Team Noord", tmp_path)) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name: X\ngoel: typo\n", "goel"),
        ("name: X\ntopics:\n- notes: zonder titel\n", "topics.0.title"),
        ("name: X\nagreements: {frequency: [1, 2]}\n", "agreements.frequency"),
        ("name: X\ngoal: 'open\n", "regel"),
        ("- alleen\n- een lijst\n", "name:"),
        ("name: X\ntopics:\n- title: A\n  chosen: [gisteren]\n", "topics.0.chosen.0"),
    ],
)
def test_a_wrong_group_file_gives_one_clear_line_naming_the_file(tmp_path, text, words):
    path = write_group(tmp_path, text)
    with pytest.raises(GroupFileError) as caught:
        load_group_file(path)
    message = str(caught.value)
    assert str(path) in message and words in message and "\n" not in message


def test_a_wrong_group_file_is_reported_by_the_history_not_fatal(tmp_path):
    write_group(tmp_path, "name: X\ngoel: typo\n")
    history = load_group(tmp_path, "Team Noord")
    assert history.group_file is None and [s.name for s in history.skipped] == ["groep.yaml"]


def test_marking_a_topic_adds_the_date_once_and_keeps_the_header_comments(tmp_path):
    path = write_group(tmp_path)
    assert mark_topic_chosen("Team Noord", "grenzen  stellen", date(2026, 3, 2), tmp_path)
    assert mark_topic_chosen("Team Noord", "Grenzen stellen", date(2026, 3, 2), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Groepsbestand van Team Noord\n# (bijgehouden door de voorzitter)\n")
    group = load_group_file(path)
    assert group is not None
    assert group.topics[1].chosen == [date(2026, 1, 5), date(2026, 3, 2)]
    assert group.topics[0].notes == "ingebracht door Bo" and group.agreements.recorded


def test_marking_an_unknown_topic_or_without_a_file_changes_nothing(tmp_path):
    assert not mark_topic_chosen("Team Noord", "Iets", date(2026, 3, 2), tmp_path)
    path = write_group(tmp_path)
    assert not mark_topic_chosen("Team Noord", "Iets anders", date(2026, 3, 2), tmp_path)
    assert path.read_text(encoding="utf-8") == GROUP_YAML


def test_an_invalid_group_file_is_never_overwritten(tmp_path):
    broken = "name: X\ngoel: typo\ntopics: [{title: A}]\n"
    path = write_group(tmp_path, broken)
    with pytest.raises(GroupFileError):
        mark_topic_chosen("Team Noord", "A", date(2026, 3, 2), tmp_path)
    assert path.read_text(encoding="utf-8") == broken


def test_the_committed_schema_is_what_the_model_generates():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(committed) == group_json_schema()
    assert committed == schema_text(), (
        "run: uv run intervisie group schema > schema/group.schema.json"
    )


def test_the_schema_forbids_unknown_keys_everywhere():
    schema = group_json_schema()
    objects = [schema, *schema["$defs"].values()]
    assert all(o.get("additionalProperties") is False for o in objects)
    assert set(schema["properties"]) == {"format", "name", "goal", "agreements", "topics"}
