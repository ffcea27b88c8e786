"""Pairs per round (speedsparren): new partners while the group allows, deterministic."""

from __future__ import annotations

from itertools import pairwise

import pytest

from intervisie_tui.core.pairs import PairRotation


def halves(size: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(f"V{n}" for n in range(size)), tuple(f"M{n}" for n in range(size))


def speedsparren(first: tuple[str, ...], second: tuple[str, ...], rounds: int = 3):
    """Two halves of `rounds` rounds; the roles swap in between, as the method does."""
    rotation = PairRotation()
    one = [rotation.next_round(first, second) for _ in range(rounds)]
    two = [rotation.next_round(second, first) for _ in range(rounds)]
    return one, two


def met(pairing) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in pairing}


@pytest.mark.parametrize("size", [6, 7])
def test_large_halves_meet_new_partners_in_every_round_of_both_halves(size):
    one, two = speedsparren(*halves(size))
    pairs = [frozenset(pair) for pairing in one + two for pair in pairing]
    assert len(pairs) == len(set(pairs)) == 6 * size


def test_the_second_half_starts_with_partners_not_met_yet_where_there_are_any():
    one, two = speedsparren(*halves(4))  # 16 possible pairs, 12 in the first half
    first_half = set().union(*map(met, one))
    assert not met(two[0]) & first_half
    everyone = set().union(*map(met, one + two))
    assert len(everyone) == 16  # each person has met every one of the other half


def test_the_second_half_is_not_the_first_half_read_backwards():
    """The old bug: with three each, rounds 4-6 were rounds 1, 3, 2 with the roles turned.

    Three each leave no new partners, so the repeats come in the order they
    first met: as far apart as they can be.
    """
    one, two = speedsparren(*halves(3))
    assert [met(p) for p in two] == [met(p) for p in one]
    assert [a for a, _ in two[0]] == ["M0", "M1", "M2"]  # the swap: the meedenkers ask


def test_no_pair_meets_twice_in_a_row():
    for size in (3, 4, 5):
        one, two = speedsparren(*halves(size))
        for before, after in pairwise(one + two):
            assert not met(before) & met(after), size


def test_an_uneven_group_leaves_nobody_out():
    askers, thinkers = ("An", "Cor", "Eva", "Gijs"), ("Bo", "Dirk", "Fien")
    one, two = speedsparren(askers, thinkers)
    for pairing in one + two:
        assert {name for pair in pairing for name in pair} == {*askers, *thinkers}


def test_the_same_order_gives_the_same_pairs():
    assert speedsparren(*halves(5)) == speedsparren(*halves(5))
    assert PairRotation().next_round((), ("An",)) == ()
