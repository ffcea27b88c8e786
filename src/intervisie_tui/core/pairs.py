"""Who sits with whom in each round of pairs (speedsparren): new partners while the group allows.

Every round pairs each holder of the first role with one of the second, one
shift along the list further than the last (a Latin square, so the first
rounds never repeat a pair). After a swap the two halves trade places, and
pairs are compared without their direction: a pairing met before counts
against it, and of the pairings that all repeat, the one met longest ago
comes first. So the second half of speedsparren brings new partners where the
halves are large enough (six each for three rounds), and repeats only what
it must, in the same order as before, never the first half read backwards.
Deterministic: the same participant order gives the same pairs.
"""

from __future__ import annotations

Pair = tuple[str, str]


class PairRotation:
    """The pairs of a session's rounds, chosen one round after another."""

    def __init__(self) -> None:
        self._round = 0
        self._met: dict[frozenset[str], list[int]] = {}
        """Each pair (either way round) -> the rounds it sat together."""

    def next_round(self, first: tuple[str, ...], second: tuple[str, ...]) -> tuple[Pair, ...]:
        """Pair `first` with `second` for the next round; nobody sits out.

        When one side is longer, someone of the shorter side has two partners
        (a group of three), as in the room.
        """
        if not first or not second:
            return ()
        options = _pairings(first, second)
        at = self._round % len(options)
        chosen = min(
            range(len(options)),
            key=lambda index: (*self._cost(options[index]), (index - at) % len(options)),
        )
        self._round += 1
        for a, b in options[chosen]:
            self._met.setdefault(frozenset((a, b)), []).append(self._round)
        return options[chosen]

    def _cost(self, pairing: tuple[Pair, ...]) -> tuple[int, int]:
        """(pairs met before, how recently they met): lower is better."""
        met = [self._met.get(frozenset(pair), []) for pair in pairing]
        return sum(len(rounds) for rounds in met), sum(sum(rounds) for rounds in met)


def _pairings(first: tuple[str, ...], second: tuple[str, ...]) -> list[tuple[Pair, ...]]:
    """Every shift of `second` along `first`, each once (a shorter side wraps round)."""
    size = max(len(first), len(second))
    found: list[tuple[Pair, ...]] = []
    for shift in range(size):
        pairing = tuple(
            (first[i % len(first)], second[(i + shift) % len(second)]) for i in range(size)
        )
        if pairing not in found:
            found.append(pairing)
    return found
