"""The TUI benchmark's parts work: the bare countdown runs, panes and /proc lines parse.

No timing here (speed belongs in benchmarks/); this only keeps the scripts from rotting.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from textual.widgets import Digits

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _import_benchmark(name: str):
    """Import a benchmarks/ module the way the script does (its folder on sys.path)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:  # importing runs nothing: each main() is behind __name__ == "__main__"
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def bench():
    return {n: _import_benchmark(n) for n in ("bare_countdown", "tui_probe", "tui_startup")}


OUR_PANE = """\
 Incidentmethode · Team Noord
   ██████  ██  ██      ██████  ██████
   ██  ██  ██  ██  ██  ██      ██  ██
   ██  ██  ██████      ██████  ██████
   ██  ██      ██  ██      ██      ██
   ██████      ██      ██████  ██████
 Nog 04:59 van 5 min
 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━       Einde ± 13:33 · 2 min uitloop
 space Pauze  → Volgende  ← Vorige
"""


def test_status_line_gives_the_shown_seconds(bench):
    probe = bench["tui_probe"]
    assert probe.status_seconds(OUR_PANE) == 4 * 60 + 59
    overtime = OUR_PANE.replace("Nog 04:59 van", "Overtijd +01:05 (gepland")
    assert probe.status_seconds(overtime) == -65
    long = OUR_PANE.replace("04:59", "1:02:03")
    assert probe.status_seconds(long) == 3723
    english = OUR_PANE.replace("Nog 04:59 van", "04:59 left of")
    assert probe.status_seconds(english) == 299
    ready = OUR_PANE.replace("Nog 04:59 van 5 min", "05:00 · Druk op spatie om te beginnen")
    assert probe.status_seconds(ready) == 300
    assert probe.status_seconds("no status line here, Einde ± 13:33") is None


def test_clock_text_reads_back_like_the_app(bench):
    probe = bench["tui_probe"]
    assert probe.clock_text(299) == "04:59"
    assert probe.clock_text(-65) == "+01:05"
    assert probe.clock_text(0) == "00:00"


def test_painted_predicates_tell_the_programs_apart(bench):
    probe = bench["tui_probe"]
    assert probe.painted_ours(OUR_PANE)
    assert not probe.painted_ours("stap 1/8: Incident · 05:00 · klaar")
    digits = "╶─╮╭─╴   ╭─╮╭─╮\n┌─┘╰─╮ : │ ││ │\n╰─╴╶─╯ : ╰─╯╰─╯"
    assert probe.painted_bare(digits)
    assert not probe.painted_bare("")
    figlet = ' ad888888b,  ,d8   8888888888\nd8"     "88 ,d888  88\n 88888888888 88  Y8a   a8P'
    assert probe.painted_termdown(figlet)
    assert not probe.painted_termdown(OUR_PANE)


def test_proc_stat_line_with_awkward_command_name(bench):
    probe = bench["tui_probe"]
    # pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17) ...
    rest = "S 41 42 42 0 -1 4194304 1000 0 0 0 120 30 5 2 20 0 3 0 100 200000 3000"
    assert probe.stat_ticks(f"4242 (my (odd) app) {rest}") == (41, 120 + 30 + 5 + 2)


def test_summary_and_targets(bench):
    startup = bench["tui_startup"]
    assert startup.summary([0.3, 0.1, 0.2], 1) == "0.2 (0.1–0.3)"
    assert startup.summary([]) == "-"

    def medians(ours_cpu, termdown_cpu=0.6):
        found = {
            "ours": {"first_paint_s": 0.4, "cpu_s_per_min": ours_cpu, "peak_rss_mb": 50.0},
            "bare": {"first_paint_s": 0.2, "cpu_s_per_min": 0.2, "peak_rss_mb": 32.0},
            "floor": {"first_paint_s": 0.3, "cpu_s_per_min": 0.2, "peak_rss_mb": 45.0},
        }
        if termdown_cpu is not None:
            found["termdown"] = {
                "first_paint_s": 0.1,
                "cpu_s_per_min": termdown_cpu,
                "peak_rss_mb": 29.0,
            }
        return found

    good = startup.checks(medians(0.29), 59.0)
    assert [ok for _, ok in good] == [True, True, True, False]  # first paint 1.33x the floor
    assert good[3][0] == "first paint 1.33x the stack floor (<= 1.15x)"
    assert "1.45x bare Textual" in good[0][0] and "0.48x termdown" in good[1][0]
    slow = startup.checks(medians(0.31), 60.0)  # 1.55x bare, 0.52x termdown
    assert [ok for _, ok in slow][:3] == [False, False, False]
    bare_only = startup.checks(medians(0.25, termdown_cpu=0.4), 50.0)  # 1.25x bare, 0.63x termdown
    assert [ok for _, ok in bare_only][:3] == [True, False, True]
    no_termdown = startup.checks(medians(0.25, termdown_cpu=None), 50.0)
    assert [ok for _, ok in no_termdown][:3] == [True, None, True]
    fast = medians(0.25)
    fast["ours"]["first_paint_s"] = 0.34  # 1.13x the floor
    assert startup.checks(fast, 50.0)[3] == ("first paint 1.13x the stack floor (<= 1.15x)", True)

    lines = startup.ratio_lines(medians(0.3))
    assert lines[0] == "ours vs bare: first paint 2.00x, CPU/min 1.50x, peak RSS 1.56x"
    assert [line.split(":")[0] for line in lines] == [
        "ours vs bare",
        "ours vs floor",
        "ours vs termdown",
    ]
    floor = startup.floor_line(medians(0.3))
    assert "ours 1.33x the stack floor" in floor and "which is 1.50x bare" in floor


async def test_the_stack_floor_parses_validates_and_counts_down(bench, monkeypatch):
    floor = _import_benchmark("stack_floor")
    assert [p.name for p in floor.Method.model_validate(floor.yaml.safe_load(floor.METHOD)).phases]
    shown = []
    monkeypatch.setattr(floor.BareCountdown, "run", lambda self: shown.append(self.deadline))
    floor.main(90)
    assert len(shown) == 1


async def test_bare_countdown_shows_minutes_and_seconds(bench):
    module = bench["bare_countdown"]
    assert module.clock_text(1500) == "25:00"
    assert module.clock_text(299.2) == "05:00"  # rounded up, like a countdown
    assert module.clock_text(-3) == "00:00"
    app = module.BareCountdown(90)
    async with app.run_test(size=(40, 10)):
        assert app.query_one(Digits).value in ("01:30", "01:29")


def test_the_history_generator_writes_logs_the_app_reads(tmp_path):
    from intervisie_tui.core.logbook.history import load_group

    gen = _import_benchmark("history_gen")
    folders = gen.generate(tmp_path, groups=2, years=1, entries=20, big_group_logs=3)
    assert [len(list(f.glob("*.md"))) for f in folders] == [3, 12]
    history = load_group(tmp_path, gen.GROUPS[1])
    assert len(history.sessions) == 12 and not history.skipped
    assert all(s.front.status == "finished" for s in history.sessions)
    assert history.open_items()  # the look-back carries items from month to month


def test_the_history_benchmark_runs_at_tiny_sizes(tmp_path, capsys):
    bench = _import_benchmark("history_startup")
    args = ["--runs", "1", "--small", "1", "--large", "2", "--entries", "5", "--no-tui"]
    code = bench.main([*args, "--dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert "log list:" in out and "group show:" in out and code in (0, 1)
    checks = bench.ratio_checks({"log list": {"small": 0.3, "large": 0.7}})
    assert checks == [("log list: 0.700 s vs 0.300 s, 2.33x (<= 2.0x)", False)]


def test_the_keypress_benchmark_runs_at_tiny_sizes(capsys):
    bench = _import_benchmark("keypress")
    code = bench.main(["--small", "2", "--large", "5", "--repeat", "1"])
    out = capsys.readouterr().out
    assert "| 5 |" in out and "key to bewaard at 5 entries" in out and code in (0, 1)


def test_the_stage_report_names_every_stage_and_the_allowance(capsys):
    stages = _import_benchmark("first_paint_stages")
    ours = dict.fromkeys(stages.STAGES[stages.OURS], 10.0)
    floor = dict.fromkeys(stages.STAGES[stages.FLOOR], 20.0)
    stages.report({stages.OURS: [ours, ours], stages.FLOOR: [floor]})
    printed = capsys.readouterr().out
    for stage in stages.STAGES[stages.OURS]:
        assert f"| {stage} |" in printed
    assert "| total | 60.0 | 60.0 | 60.0 | 60.0 |" in printed
    assert "1.00x the floor" in printed and "would allow 9 ms" in printed
