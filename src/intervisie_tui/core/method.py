"""The method file format: what a facilitator writes in YAML, as pydantic models.

A method is a list of *items*: a `Phase` (one timed step) or a `Repeat` block
(rounds of phases, optionally swapping two roles after each round, as in
speedsparren). Every model forbids unknown keys so a typo is an error, not a
silently ignored line. Cross-references (a prompt for a role that is not
declared) are checked in `method_checks.reference_problems`, which reports
exact field paths so the loader can point at the line.

Each field's `Field(description=...)` is the JSON Schema description that
editors show; it is the one text for a field, so there is no docstring under it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    model_validator,
)

from intervisie_tui.core.duration import Duration
from intervisie_tui.i18n import t

FORMAT_VERSION: Final = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
_ID_RE = re.compile(ID_PATTERN)

Capture = Literal["notes", "insights", "actions", "question"]
"""`question`: the step where the method sharpens the help question (incidentmethode)."""
Sound = Literal["chime", "bell", "off"]
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
Text = Annotated[str, Field(max_length=10_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]

DEFAULT_CAPTURE: tuple[Capture, ...] = ("notes", "insights", "actions")
DEFAULT_WARN_AT: tuple[int, ...] = (60, 0)


class _Strict(BaseModel):
    # Descriptions are given in `Field`, not by `use_attribute_docstrings`: that
    # reads and parses every class's source at import, on every start of the app.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class GroupSize(_Strict):
    """How many people the method works for (including the inbrenger)."""

    min: int = Field(2, ge=1, le=100, description="Fewest participants.")
    max: int = Field(30, ge=1, le=100, description="Most participants.")

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise ValueError(t("load.ref.min_max", min=self.min, max=self.max))
        return self


class Role(_Strict):
    """A role somebody holds during the session (inbrenger, voorzitter, ...)."""

    id: Id = Field(
        description="Short identifier used in prompts and on the command line, e.g. `inbrenger`."
    )
    name: ShortText = Field(description="Name shown to the group, e.g. `Inbrenger`.")
    description: Text = Field("", description="What this role does, shown in the setup screen.")
    min: int = Field(
        0, ge=0, le=100, description="Fewest people that must hold this role (1 for inbrenger)."
    )
    max: int | None = Field(
        None, ge=1, le=100, description="Most people that may hold it; leave out for no limit."
    )
    exclusive: bool = Field(
        False,
        description=(
            "A holder of an exclusive role holds no other role, `rest` role included"
            " (the inbrenger is no voorzitter, tijdbewaker or lid)."
        ),
    )
    rest: bool = Field(
        False,
        description="Everyone without an exclusive role holds this role automatically (`leden`).",
    )

    @model_validator(mode="after")
    def _bounds(self) -> Role:
        if self.max is not None and self.min > self.max:
            raise ValueError(t("load.ref.min_max", min=self.min, max=self.max))
        if self.rest and self.exclusive:
            raise ValueError(t("load.ref.rest_exclusive"))
        return self


class GoAround(_Strict):
    """A round in which every holder of a role speaks in turn (a *rondje*)."""

    role: Id = Field(description="Whose turn it is, in participant order, e.g. `leden`.")
    prompt: Text = Field(
        "", description="The sentence each person completes, e.g. `De centrale vraag is ...`."
    )


class Pairs(_Strict):
    """Two roles paired one to one, the pairs rotating every round (speedsparren)."""

    first: Id = Field(
        description="The role whose holders each get a partner, e.g. `vragenstellers`."
    )
    second: Id = Field(description="The partners, e.g. `meedenkers`.")


class Phase(_Strict):
    """One timed step of the meeting."""

    id: Id | None = Field(None, description="Identifier; derived from the name when left out.")
    name: ShortText = Field(description="Title of the step, shown big above the countdown.")
    duration: Duration = Field(description="Planned time: 5 (minutes), '5m', '90s', '1:30'.")
    instruction: Text = Field(
        "", description="What the group does now, read out by the timekeeper."
    )
    prompts: dict[Id, Text] = Field(
        default_factory=dict,
        description=(
            "Per role: who speaks, who listens, physical instructions"
            " (`inbrenger: draai je stoel om`)."
        ),
    )
    capture: list[Capture] = Field(
        default_factory=lambda: list(DEFAULT_CAPTURE),
        description=(
            "What the notulist captures in this step: notes, insights, actions, and question"
            " (the sharpened help question)."
        ),
    )
    go_around: GoAround | None = Field(
        None,
        description=(
            "Every holder of a role completes a sentence in turn; statements are logged by name."
        ),
    )
    pairs: Pairs | None = Field(
        None, description="Pair two roles; inside a repeat the pairs rotate every round."
    )
    optional: bool = Field(False, description="The step can be switched off in the setup screen.")
    enabled: bool = Field(
        True, description="For an optional step: on unless the timekeeper switches it off."
    )
    evaluation: bool = Field(
        False,
        description="This step evaluates the meeting itself (then no extra evaluation is added).",
    )
    warn_at: list[Duration] | None = Field(
        None, description="Warn when this much time is left (default: 1 minute and 0)."
    )
    sound: Sound | None = Field(
        None,
        description="Alert sound for this step: chime, bell or off (default: the app setting).",
    )

    @model_validator(mode="after")
    def _fill_id(self) -> Phase:
        if self.id is None:
            object.__setattr__(self, "id", slugify(self.name))
        return self

    @property
    def warnings(self) -> tuple[int, ...]:
        """Remaining-time thresholds in seconds, largest first."""
        values = DEFAULT_WARN_AT if self.warn_at is None else self.warn_at
        return tuple(sorted(set(values), reverse=True))


def _item_kind(value: Any) -> str:
    """Which model a `phases` entry is: a block with `repeat` (or nested phases) or a phase.

    Choosing up front keeps error messages about one model, not both union members.
    """
    if isinstance(value, Repeat):
        return "Repeat"
    if isinstance(value, dict) and (
        "repeat" in value or ("phases" in value and "duration" not in value)
    ):
        return "Repeat"
    return "Phase"


#: One entry of a `phases` list.
Item = Annotated[
    Annotated["Phase", Tag("Phase")] | Annotated["Repeat", Tag("Repeat")],
    Discriminator(_item_kind),
]


class Repeat(_Strict):
    """A block of phases done several times in rounds."""

    repeat: int = Field(ge=1, le=50, description="How many rounds.")
    name: ShortText | None = Field(None, description="Title of the block, e.g. `Speedsparren`.")
    swap: list[Id] | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="Two roles whose holders swap after every round (vragenstellers, meedenkers).",
    )
    phases: list[Item] = Field(
        min_length=1, max_length=200, description="The phases (or nested repeats) of one round."
    )


class Method(_Strict):
    """An intervisie method: roles, and the timed phases of one session."""

    format: Literal[1] = Field(FORMAT_VERSION, description="Version of this file format.")
    id: Id = Field(description="Identifier, also the file name: `incidentmethode`.")
    name: ShortText = Field(description="Name shown in lists: `Incidentmethode`.")
    description: Text = Field("", description="What the method is for and when to choose it.")
    source: ShortText = Field(description="Where the method and its timings come from.")
    credits: Text = Field("", description="Authors, adaptations, licence.")
    language: Literal["nl", "en"] = Field("nl", description="Language of the texts in this file.")
    tags: list[ShortText] = Field(
        default_factory=list, description="Keywords for filtering the method list."
    )
    group_size: GroupSize = Field(
        default_factory=GroupSize, description="How many people the method works for."
    )
    roles: list[Role] = Field(min_length=1, max_length=50, description="The roles of this method.")
    phases: list[Item] = Field(
        min_length=1, max_length=200, description="The steps of the session, in order."
    )

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> Method:
        if info.context and info.context.get("defer_references"):
            return self
        from intervisie_tui.core.method_checks import reference_problems

        problems = reference_problems(self)
        if problems:
            path, message = problems[0]
            raise ValueError(f"{'.'.join(map(str, path))}: {message}")
        return self

    # Derived facts used everywhere -------------------------------------------------

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    @property
    def total_seconds(self) -> int:
        """Planned length with every optional phase at its default."""
        return _items_seconds(self.phases, include_disabled=False)

    @property
    def phase_count(self) -> int:
        """Number of timed steps once rounds are unrolled (defaults applied)."""
        return _items_count(self.phases)


def _items_seconds(items: list[Phase | Repeat], include_disabled: bool) -> int:
    total = 0
    for item in items:
        if isinstance(item, Repeat):
            total += item.repeat * _items_seconds(item.phases, include_disabled)
        elif include_disabled or not item.optional or item.enabled:
            total += item.duration
    return total


def _items_count(items: list[Phase | Repeat]) -> int:
    count = 0
    for item in items:
        if isinstance(item, Repeat):
            count += item.repeat * _items_count(item.phases)
        elif not item.optional or item.enabled:
            count += 1
    return count


def iter_phases(
    items: list[Phase | Repeat], path: tuple[Any, ...] = ("phases",)
) -> list[tuple[tuple[Any, ...], Phase]]:
    """Every Phase with its field path (`phases.2.phases.0`), rounds not unrolled."""
    found: list[tuple[tuple[Any, ...], Phase]] = []
    for index, item in enumerate(items):
        here = (*path, index)
        if isinstance(item, Repeat):
            found.extend(iter_phases(item.phases, (*here, "phases")))
        else:
            found.append((here, item))
    return found


def slugify(text: str) -> str:
    """`De centrale vraag` -> `de-centrale-vraag` (ids derived from names)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].rstrip("-")
    return slug if slug and _ID_RE.match(slug) else "stap"


def method_json_schema() -> dict[str, Any]:
    """The JSON Schema of a method file, for editors (`intervisie methods schema`)."""
    schema = Method.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://intervisie-tui.invalid/schema/method.schema.json"
    schema["title"] = "Intervisie method"
    return schema


Repeat.model_rebuild()
Method.model_rebuild()
