"""The floor of our stack: the bare countdown, after what `intervisie run` must do first.

Before the run screen can show a method's first step, the command line is
parsed (typer), the method file read (PyYAML) and validated (pydantic). This
program does exactly that much with the libraries alone (one small typer
command, one YAML document, one pydantic model) and then shows the same
Digits countdown as bare_countdown.py. tui_startup.py times it next to ours and
the bare countdown: the gap between this floor and bare Textual is what the
stack costs, the gap between ours and this floor is what our own code costs.

Usage: `python benchmarks/stack_floor.py [SECONDS]` (default 1500).
"""

from __future__ import annotations

from typing import Annotated

import typer
import yaml
from bare_countdown import BareCountdown
from pydantic import BaseModel, Field

METHOD = """
id: floor
name: Floor
phases:
  - name: Incident
    duration: 5m
  - name: Vragen
    duration: 5m
"""


class Phase(BaseModel):
    name: str = Field(min_length=1)
    duration: str


class Method(BaseModel):
    id: str
    name: str
    phases: list[Phase]


def main(seconds: Annotated[float, typer.Argument()] = 1500) -> None:
    Method.model_validate(yaml.safe_load(METHOD))
    BareCountdown(seconds).run()


if __name__ == "__main__":
    typer.run(main)
