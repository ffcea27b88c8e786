"""Make the README's screenshot of the run screen (docs/img/run-screen.svg).

Uses Textual's own screenshot support on a scripted incidentmethode session,
run on a FakeClock so the picture is the same every time:
`uv run python scripts/readme_screenshot.py`.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import datetime
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "docs/img/run-screen.svg"


async def main() -> None:
    scratch = tempfile.mkdtemp()
    for name in ("CONFIG", "DATA", "STATE"):
        os.environ[f"INTERVISIE_{name}_DIR"] = f"{scratch}/{name.lower()}"
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.tui.app import IntervisieApp
    from intervisie_tui.tui.config import AppConfig, RunRequest
    from intervisie_tui.tui.screens.run import RunScreen

    clock = FakeClock(datetime(2026, 11, 24, 19, 30).astimezone())
    request = RunRequest(
        method_id="incidentmethode",
        group="Wijkteam Noord",
        participants=("Anouk", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs"),
        roles={"inbrenger": ("Anouk",), "voorzitter": ("Chantal",), "tijdbewaker": ("Bram",)},
        case_title="Overdracht in de nachtdienst",
        question="Hoe blijf ik rustig als een familielid boos wordt?",
    )
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=request))
    async with app.run_test(size=(110, 34)) as pilot:
        while not isinstance(app.screen, RunScreen):
            await pilot.pause(0.05)
        runner = app.screen.view.runner
        runner.start()
        for step in (5 * 60 + 40, 5 * 60 + 10, 4 * 60 + 30):
            clock.advance(step)
            runner.next()
        runner.add_insight("De boosheid gaat vaak over angst om niet gehoord te worden")
        clock.advance(6 * 60 + 18)
        app.screen.render_state()
        await pilot.pause()
        TARGET.write_text(app.export_screenshot(title="intervisie"), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    asyncio.run(main())
