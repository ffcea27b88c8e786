"""Garbage collection while starting: rare until the first frame, then as usual."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from intervisie_tui import collect


@pytest.fixture(autouse=True)
def collection_as_before() -> Iterator[tuple[int, ...]]:
    collect.started()  # an earlier test's `intervisie` command may have left it starting
    gc.unfreeze()
    before = gc.get_threshold()
    yield before
    collect.started()
    gc.unfreeze()
    gc.set_threshold(*before)


def test_starting_collects_rarely_until_started(collection_as_before: tuple[int, ...]) -> None:
    collect.starting()
    assert gc.get_threshold()[0] == collect.STARTING_THRESHOLD
    assert gc.get_threshold()[1:] == collection_as_before[1:]
    collect.starting()  # a second call keeps the thresholds to go back to
    collect.started()
    assert gc.get_threshold() == collection_as_before


def test_started_freezes_what_start_up_made() -> None:
    collect.starting()
    kept = [object() for _ in range(3)]
    collect.started()
    assert gc.get_freeze_count() >= len(kept)


def test_started_without_starting_changes_nothing(collection_as_before: tuple[int, ...]) -> None:
    collect.started()
    assert gc.get_threshold() == collection_as_before
    assert gc.get_freeze_count() == 0
