"""What the group and each role do now: instruction, role prompts, pairs, go-around."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from intervisie_tui.core.plan import RolePrompt, Step
from intervisie_tui.core.session import Snapshot
from intervisie_tui.i18n import t


def join_names(names: tuple[str, ...] | list[str], limit: int = 4) -> str:
    """`An`, `An en Bo`, `An, Bo en Cor`, `An, Bo, Cor en 5 anderen`."""
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        shown = names[: limit - 1]
        return t("names.and_others", names=", ".join(shown), count=len(names) - len(shown))
    if len(names) == 1:
        return names[0]
    return t("names.and", names=", ".join(names[:-1]), last=names[-1])


def prompt_line(prompt: RolePrompt) -> Text:
    """`An (inbrenger): draai je stoel om` with the names in bold."""
    who = join_names(prompt.holders)
    label = f"{who} ({prompt.role_name.lower()})" if who else prompt.role_name
    return Text.assemble((label, "bold"), ": ", prompt.text)


def go_around_line(
    step: Step,
    done: AbstractSet[str],
    passed: AbstractSet[str] = frozenset(),
    upcoming: str | None = None,
) -> Text:
    """`Rondje: An ✓ · Bo – · Cor ▶ · Dirk`: who spoke, who passed, who is next.

    `upcoming` is the session's next speaker: after the round, whoever passed
    is asked once more (`Bo ▶` again).
    """
    parts: list[Text] = []
    for name in step.go_around:
        if name == upcoming:
            parts.append(Text(f"{name} ▶", style="bold reverse"))
        elif name in passed:
            parts.append(Text(f"{name} –", style="dim"))
        elif name in done:
            parts.append(Text(f"{name} ✓", style="dim"))
        else:
            parts.append(Text(name))
    line = Text.assemble((t("run.go_around") + ": ", "bold"))
    line.append_text(Text(" · ").join(parts))
    return line


class PromptPanel(Static):
    """Renders the instruction and role prompts of a step."""

    plain = ""
    """The shown text without styling (for tests and screen readers)."""

    def show_session(self, snap: Snapshot, compact: bool = False) -> None:
        """The snapshot's step, its go-around as the session sees it (who spoke, who is next)."""
        self.show(snap.step, snap.spoken, set(snap.passed), snap.next_speaker, compact)

    def show(
        self,
        step: Step,
        spoken: AbstractSet[str] = frozenset(),
        passed: AbstractSet[str] = frozenset(),
        upcoming: str | None = None,
        compact: bool = False,
    ) -> None:
        """`compact`: no blank row between blocks (a small terminal needs every row)."""
        blocks: list[Text] = []
        if step.instruction:
            blocks.append(Text(step.instruction))
        # who sits with whom and whose turn it is matter most to the room: before the prompts
        if step.pairs:
            pairs = ", ".join(f"{a} & {b}" for a, b in step.pairs)
            blocks.append(Text.assemble((t("run.pairs") + ": ", "bold"), pairs))
        if step.go_around:
            if step.go_around_prompt:
                blocks.append(Text(f"“{step.go_around_prompt}”", style="italic"))
            blocks.append(go_around_line(step, spoken, passed, upcoming))
        for prompt in step.prompts:
            blocks.append(prompt_line(prompt))
        spaced: list[Text] = []
        for block in blocks:
            spaced.extend([block] if compact else [block, Text("")])
        self.plain = "\n".join(block.plain for block in blocks)
        self.update(Group(*(spaced if compact else spaced[:-1])))
