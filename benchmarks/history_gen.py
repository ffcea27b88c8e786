"""A realistic group history on disk: many groups, years of monthly sessions.

Every log is a session the app itself ran and wrote: a plan from a built-in
method, a SessionRunner on a FakeClock taking notes, insights, statements and
action items step by step, the look-back on the items still open from earlier
sessions, rendered by core/logbook/render.py. So the format cannot drift from
what the app writes, and history, rotation and the look-back read real logs.

    uv run python benchmarks/history_gen.py ROOT [--groups 8] [--years 5]
        [--entries 200] [--big-group-logs 0] [--seed 16]

ROOT is a log root (what `--log-dir` takes). `--big-group-logs N` gives the
first group N monthly sessions instead of 12 per year (for the start-up
benchmarks: 10 against 1,000 logs of one group).
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.library import find_method
from intervisie_tui.core.logbook.files import atomic_write, ensure_dir
from intervisie_tui.core.logbook.items import item_key
from intervisie_tui.core.logbook.naming import group_dir, log_file_stem
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import OpenItem, SessionSetup

_FIRST = (
    "Anouk Bram Chaima Daan Eva Fleur Gijs Hanna Iris Joost Kim Lars Mila Noor Olaf Pien "
    "Quinten Roos Sem Tess Umut Vera Wout Yara Zoë Jan-Willem Anne-Sophie Dewi Fatima "
    "Mohamed Sanne Thijs Luuk Femke Bas Ilse Ruud Esther Geert Marloes Sevda Ingrid"
)
FIRST = tuple(_FIRST.split())
_LAST = (
    "de Vries|Jansen|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|"
    "Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Yılmaz|El Amrani|Kuipers"
)
LAST = tuple(_LAST.split("|"))
GROUPS = (
    "Team Noord", "Wijkteam Oost", "Intervisie Jeugdzorg", "Huisartsen Zuid", "Team Thuiszorg",
    "Ambulant Team West", "Coaches Utrecht", "Verpleging 3B", "Docenten Onderbouw",
    "Schuldhulp Centrum", "Leidinggevenden GGZ", "Wijkverpleging Dalen",
)  # fmt: skip
METHODS = ("incidentmethode", "focusmethode", "5-stappenmethode", "balint", "vliegwiel")
SUBJECTS = (
    "een cliënt die de deur niet opendoet", "de overdracht op vrijdag",
    "een boze vader aan de telefoon", "grenzen stellen bij een collega",
    "de wachtlijst en wat we beloven", "een melding die blijft liggen",
    "het gesprek met de teamleider", "een leerling die steeds wegloopt",
    "mantelzorg die overbelast raakt", "privacy bij het delen van dossiers",
)  # fmt: skip
NOTES = (
    "{who} vertelt dat het al {n} weken speelt",
    "De inbrenger voelt zich klem tussen cliënt en organisatie",
    "Vraag van {who}: wat heb je zelf al geprobeerd?",
    "Het gesprek vond plaats op een dinsdagochtend, {n} minuten",
    "{who} herkent het uit de eigen praktijk",
    "Wat maakt dat je twijfelt? Angst om de relatie te verliezen",
    "Feiten: {n} contactmomenten, geen afspraak nagekomen",
)
INSIGHTS = (
    "Grenzen stellen is ook zorg",
    "Eerst luisteren, dan pas oplossen",
    "Je hoeft het niet alleen te dragen",
    "Benoem wat je ziet, zonder oordeel",
    "Een kleine stap per week is genoeg",
    "Vraag door op wat de cliënt zelf wil",
)
ACTIONS = (
    "bel de huisarts over {subject}",
    "plan een gesprek met de teamleider",
    "zoek het protocol op en deel het",
    "casus terugbrengen over {n} weken",
    "overleg met de wijkagent",
    "stuur de samenvatting rond",
)


@dataclass
class Group:
    name: str
    members: list[str]
    open_items: list[OpenItem] = field(default_factory=list)
    sessions: int = 0


def member_names(rng: random.Random, count: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        found.setdefault(f"{rng.choice(FIRST)} {rng.choice(LAST)}", None)
    return list(found)


def session_dates(years: int, count: int | None, start: date) -> list[date]:
    """Monthly, the second Tuesday; `count` sessions or 12 a year."""
    total = count if count is not None else 12 * years
    found = []
    for index in range(total):
        year, month = divmod(start.month - 1 + index, 12)
        first = date(start.year + year, month + 1, 1)
        found.append(first + timedelta(days=(1 - first.weekday()) % 7 + 7))
    return found


def run_session(
    rng: random.Random, group: Group, method: Method, day: date, entries: int
) -> tuple[str, datetime]:
    """One session through the real runner; its log text and start time."""
    present = rng.sample(group.members, k=min(len(group.members), rng.randint(6, 10)))
    turn = group.sessions
    roles = {
        "inbrenger": (present[turn % len(present)],),
        "tijdbewaker": (present[(turn + 1) % len(present)],),
        "voorzitter": (present[(turn + 2) % len(present)],),
    }
    roles = {k: v for k, v in roles.items() if method.role(k) is not None}
    subject = rng.choice(SUBJECTS)
    items = tuple(group.open_items)
    setup = SessionSetup(
        method_id=method.id,
        group=group.name,
        participants=tuple(present),
        roles=roles,
        case_title=subject.capitalize(),
        question=f"Hoe ga ik om met {subject}?",
        followup=bool(items),
        open_items=items,
        language="nl",
    )
    started = datetime(day.year, day.month, day.day, 19, 30).astimezone()
    clock = FakeClock(started)
    runner = SessionRunner(build_plan(method, setup), clock)
    runner.start()
    for item in items:
        decision = rng.choices(("done", "continued", "dropped"), weights=(5, 3, 1))[0]
        runner.decide_followup(item.key, decision)
    steps = len(runner.plan.steps)
    per_step = max(1, entries // steps)
    for index in range(steps):
        for _ in range(per_step):
            clock.advance(rng.randint(10, 40))
            who, n = rng.choice(present), rng.randint(2, 12)
            kind = rng.random()
            if kind < 0.06:
                owner = rng.choice((None, *present))
                due = day + timedelta(days=rng.choice((7, 14, 28))) if rng.random() < 0.5 else None
                text = rng.choice(ACTIONS).format(subject=subject, n=n)
                runner.add_action(text, owner=owner, due=due)
            elif kind < 0.2:
                runner.add_insight(rng.choice(INSIGHTS))
            elif kind < 0.35:
                runner.add_statement(who, rng.choice(NOTES).format(who=who, n=n))
            else:
                runner.add_note(rng.choice(NOTES).format(who=who, n=n))
        if index < steps - 1:
            runner.next()
    runner.finish()
    state = runner.state
    decided = {key: followup.decision for key, followup in state.followups.items()}
    still_open = [item for item in items if decided.get(item.key, "continued") == "continued"]
    group.open_items = still_open + [
        OpenItem(
            key=key,
            text=entry.text,
            owner=entry.owner,
            due=entry.due,
            session_date=day,
        )
        for entry in state.entries
        if entry.kind == "action"
        for key in [item_key(state.session_id, entry.id)]
    ]
    group.sessions += 1
    return render_log(state), started


def generate(
    root: Path,
    *,
    groups: int = 8,
    years: int = 5,
    entries: int = 200,
    big_group_logs: int = 0,
    seed: int = 16,
    start: date = date(2020, 1, 1),
) -> list[Path]:
    """Write the history under `root`; the folders of the groups, first the big one."""
    rng = random.Random(seed)
    methods = [find_method(m).method for m in METHODS]
    folders = []
    for number in range(groups):
        name = GROUPS[number % len(GROUPS)] + (f" {number // len(GROUPS) + 1}" * (number >= 12))
        group = Group(name, member_names(rng, rng.randint(8, 14)))
        folder = group_dir(root, name)
        ensure_dir(folder)
        count = big_group_logs if number == 0 and big_group_logs else None
        for day in session_dates(years, count, start):
            if rng.random() < 0.1 and len(group.members) > 7:  # someone leaves, someone joins
                group.members.remove(rng.choice(group.members))
                group.members += member_names(rng, 1)
            method = rng.choice(methods)
            text, started = run_session(rng, group, method, day, entries)
            stem = log_file_stem(started, method.id)
            atomic_write(folder / f"{stem}.md", text)
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, help="the log root to fill")
    parser.add_argument("--groups", type=int, default=8)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--entries", type=int, default=200, help="entries per session")
    parser.add_argument("--big-group-logs", type=int, default=0)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    folders = generate(
        args.root,
        groups=args.groups,
        years=args.years,
        entries=args.entries,
        big_group_logs=args.big_group_logs,
        seed=args.seed,
    )
    logs = sum(len(list(f.glob("*.md"))) for f in folders)
    print(f"{logs} logs in {len(folders)} groups under {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
