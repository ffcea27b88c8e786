"""Share export cost against the number of names: 10,000, 30,000 and 100,000 names.

Run: `uv run python benchmarks/share_export.py` (options: --names 10000 30000 100000,
--repeat 3, --dir PATH). Names are distinct Dutch-looking full names (first names
with and without diacritics or a hyphen, tussenvoegsels, made-up surnames). Every
insight mentions ten names and a client (`mevrouw Kl123`) and the group
("Team Zorg Noord"); every 25th name owns an action item about another one.

- *share N*: `share_text` on a parsed log with 90% of the names as participants
  and an earlier log with the other 10% (members who left): building the name
  index and the one matcher, replacing, finding suspects. In memory, so the
  size of one log is not limited by read_log's 5 MiB.
- *export N*: what `intervisie log export FILE --share --check --log-dir ROOT`
  computes, from disk: the group folder holds logs of 10,000 names each (N / 10,000
  logs); read the newest, load the others as its history, share.

Prints median / min / max seconds. No assertion: figures go in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from datetime import date
from pathlib import Path

from journal import timed  # benchmarks/journal.py: the same timer

from intervisie_tui.core.logbook.front import LOG_FORMAT, LogFront, dump_front
from intervisie_tui.core.logbook.items import LogItem, render_item
from intervisie_tui.core.logbook.markdown import escape_block
from intervisie_tui.core.logbook.parse import LogRecord, parse_log, read_log
from intervisie_tui.core.logbook.share import SharedText, load_context, share_text
from intervisie_tui.i18n import t_lang


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Anouk Bram Chaima Daan Eva Fleur Gijs Hanna Iris Joost Kim Lars Mila Noor Olaf Pien "
    "Quinten Roos Sem Tess Umut Vera Wout Xander Yara Zoë Jan-Willem Eva-Marie Anne-Sophie "
    "Dewi Fatima Mohamed Sanne Thijs Luuk Femke Bas Ilse Ruud Esther"
)
PARTICLES = ("", "", "", "de ", "van ", "van der ", "ter ", "van den ", "de la ")
SYLLABLES = _words(
    "bak ber bos brink dam dek dijk gaar hof hui jan kamp kes ker klaa kui lin maa mee mol "
    "poel ros schou smi stee ter veen ver vis vos wel wes wij zand"
)
ENDINGS = ("", "s", "er", "ink", "stra", "huis", "ma", "sen", "ing", "hout")
FILLER = "merkte dat de overdracht op vrijdag steeds misgaat en wil dat bespreken met"


def names(count: int, seed: int = 15) -> list[str]:
    """`count` distinct, Dutch-looking full names (first name, particle, surname)."""
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        surname = surname.capitalize() + rng.choice(ENDINGS)
        name = f"{rng.choice(FIRST)} {rng.choice(PARTICLES)}{surname}"
        found.setdefault(name, None)
    return list(found)


def write_log(folder: Path, stem: str, people: list[str], day: date, lang: str = "nl") -> Path:
    """A finished log whose participants are `people`, with texts that mention them."""
    front = LogFront(
        format=LOG_FORMAT,
        method="focusmethode",
        method_name="Focusmethode",
        group="Team Zorg Noord",
        date=day,
        start="19:30",
        end="21:30",
        status="finished",
        language=lang,
        participants=people,
        roles={"inbrenger": [people[0]], "tijdbewaker": [people[1]], "leden": people[2:]},
        role_names={"inbrenger": "Inbrenger"},
        session_id=stem,
    )
    insights = []
    for start in range(0, len(people), 10):
        group = people[start : start + 10]
        first = group[0].split()[0]
        text = f"{first} {FILLER} {', '.join(group[1:])} en mevrouw Kl{start} uit Team Zorg Noord"
        insights.append(f"- {escape_block(text, 2)}")
    items = []
    for number, start in enumerate(range(0, len(people), 25)):
        owner = people[start]
        text = f"bel {people[min(start + 1, len(people) - 1)].split()[-1]} over de overdracht"
        items.append(render_item(LogItem(f"k{stem}{number}", text, owner), lang))
    body = [
        f"# Focusmethode: Team Zorg Noord\n\n## {t_lang(lang, 'log.h.insights')}",
        "\n".join(insights),
        f"## {t_lang(lang, 'log.h.actions')}",
        "\n".join(items),
    ]
    path = folder / f"{stem}.md"
    path.write_text(dump_front(front) + "\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return path


PER_LOG = 10_000
"""Names per log on disk: a log with more would pass read_log's 5 MiB limit."""


def make_group(root: Path, count: int) -> Path:
    """The group folder under `root`: logs of `PER_LOG` names, the newest one returned.

    The newest log mentions its own names; the earlier ones hold the rest (members
    who left), so the export needs the whole folder.
    """
    folder = root / "Team Zorg Noord"
    folder.mkdir(parents=True)
    people = names(count)
    chunks = [people[start : start + PER_LOG] for start in range(0, count, PER_LOG)]
    for number, chunk in enumerate(chunks, 1):
        path = write_log(
            folder, f"2026-01-{number:02d}-1930-focusmethode", chunk, date(2026, 1, number)
        )
    return path


def in_memory(count: int) -> tuple[LogRecord, tuple[LogRecord, ...]]:
    """A parsed log with `count - count // 10` names and an earlier one with the other tenth."""
    people = names(count)
    with tempfile.TemporaryDirectory() as folder:
        earlier = write_log(Path(folder), "a", people[: count // 10], date(2026, 1, 5))
        latest = write_log(Path(folder), "b", people[count // 10 :], date(2026, 2, 2))
        parsed = [parse_log(path.read_text("utf-8"), path) for path in (earlier, latest)]
    return parsed[1], (parsed[0],)


def run(counts: list[int], repeat: int, base: Path) -> list[tuple[str, list[float]]]:
    rows = []
    for count in counts:
        record, history = in_memory(count)
        size = sum(len(text) for text in record.insights) // 1024
        rows.append(
            (
                f"share {count:,} names ({size:,} KiB of insights)",
                timed(lambda r=record, h=history: share_text(r, h), repeat),
            )
        )
        root = base / f"n{count}"
        path = make_group(root, count)
        rows.append(
            (
                f"export {count:,} names ({len(list(path.parent.iterdir()))} logs)",
                timed(lambda p=path, r=root: export(p, r), repeat),
            )
        )
    return rows


def export(path: Path, root: Path) -> SharedText:
    """What `intervisie log export FILE --share --check --log-dir ROOT` computes."""
    record = read_log(path)
    return share_text(record, load_context(record, root))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        rows = run(args.names, args.repeat, Path(folder))
    width = max(len(name) for name, _ in rows)
    print(f"{'measurement':<{width}}  median    min       max")
    for name, times in rows:
        print(
            f"{name:<{width}}  {statistics.median(times):7.3f}s  {min(times):7.3f}s  "
            f"{max(times):7.3f}s"
        )


if __name__ == "__main__":
    main()
