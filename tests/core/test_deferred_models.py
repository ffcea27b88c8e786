"""Models not needed before the run screen's first frame are built on first use, not at import.

Each check runs in a fresh interpreter: in the test process other tests have
long since used (and so built) these models.
"""

from __future__ import annotations

import json
import subprocess
import sys

DEFERRED = {
    "intervisie_tui.core.commands": ["Start", "Pause", "Move", "Add", "Reopen", "Alive"],
    "intervisie_tui.core.journal": ["JournalHeader"],
    "intervisie_tui.core.group": ["GroupFile", "Agreements", "Topic"],
    "intervisie_tui.core.logbook.front": ["LogFront"],
    "intervisie_tui.core.state": ["Entry", "StepRecord", "FollowUp", "Attendance", "Interruption"],
    "intervisie_tui.core.setup": ["OpenItem", "SessionSetup"],
}

_FIRST_USE = """
import json, sys
from datetime import date, datetime, timezone
from pydantic import ValidationError
from intervisie_tui.core import commands, group, journal, setup, state
from intervisie_tui.core.logbook import front

wall = datetime(2026, 11, 24, 19, 30, tzinfo=timezone.utc)
line = json.dumps({"type": "next", "t": 5.0, "wall": wall.isoformat(), "index": 2})
event = commands.EVENT.validate_json(line)
start = commands.Start(t=1.5, wall=wall)
header = journal.JournalHeader(session_id="s1", created=wall, method={}, setup={})
topic = group.GroupFile.model_validate({"name": "Team", "topics": [{"title": " Grenzen "}]})
log = front.LogFront.model_validate({
    "format": 1, "method": "incidentmethode", "group": "Team", "date": "2026-11-24",
    "start": 1170, "status": "finished", "participants": ["An"], "roles": {},
})
entry = state.Entry(id="e1", kind="note", step=0, text=" zo getypt ", created=wall)
item = setup.OpenItem.model_validate(
    {"key": "k1", "text": "bellen", "source": "a.md", "session_date": "2026-11-01"}
)
refused = []
for call in (
    lambda: commands.EVENT.validate_python({"type": "alive", "t": 1, "wall": wall, "x": 1}),
    lambda: commands.Start(t="soon", wall=wall),
    lambda: journal.JournalHeader(session_id="s1", created=wall, method={}, setup={}, extra=1),
    lambda: group.GroupFile.model_validate({"name": "Team", "goals": "typo"}),
    lambda: front.LogFront.model_validate({"format": 1}),
    lambda: state.Entry(id="e1", kind="gossip", step=0, text="", created=wall),
):
    try:
        call()
    except ValidationError:
        refused.append(True)
print(json.dumps({
    "event": [type(event).__name__, event.index, event.t],
    "start": [start.type, start.t],
    "header": [header.type, header.format],
    "topic": topic.topics[0].title,
    "log": [log.start, str(log.date)],
    "entry": [entry.text, entry.kind],
    "item": [item.text, str(item.session_date)],
    "refused": len(refused),
    "complete": commands.EVENT.pydantic_complete and commands.Start.__pydantic_complete__,
}))
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def test_importing_the_core_builds_none_of_the_deferred_validators():
    imports = "\n".join(f"import {module}" for module in DEFERRED)
    checks = [
        f"sys.modules[{module!r}].{name}" for module, names in DEFERRED.items() for name in names
    ]
    code = (
        f"import sys\n{imports}\nimport intervisie_tui.core.runner, intervisie_tui.core.store\n"
        "from intervisie_tui.core.commands import EVENT\n"
        f"models = [{', '.join(checks)}]\n"
        "built = [m.__name__ for m in models if m.__pydantic_complete__]\n"
        "mocked = [type(m.__pydantic_validator__).__name__ for m in models]\n"
        "print(built, EVENT.pydantic_complete, set(mocked))\n"
    )
    assert _run(code).strip() == "[] False {'MockValSer'}"


def test_deferred_models_validate_and_refuse_as_before_on_first_use():
    result = json.loads(_run(_FIRST_USE))
    assert result == {
        "event": ["Move", 2, 5.0],
        "start": ["start", 1.5],
        "header": ["header", 3],
        "topic": "Grenzen",
        "log": ["19:30", "2026-11-24"],
        "entry": [" zo getypt ", "note"],
        "item": ["bellen", "2026-11-01"],
        "refused": 6,
        "complete": True,
    }
