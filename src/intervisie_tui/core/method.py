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
from collections.abc import Callable, Mapping
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
ShortText = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
"""A name or title: the pattern lets the JSON Schema refuse a name of spaces only too."""

DEFAULT_CAPTURE: tuple[Capture, ...] = ("notes", "insights", "actions")
DEFAULT_WARN_AT: tuple[int, ...] = (60, 0)
EXTRA_STEP_SECONDS: Final = 5 * 60
"""Length of the look-back and evaluation steps the app adds around a method."""


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

    model_config = ConfigDict(
        json_schema_extra={
            "not": {
                "required": ["rest", "exclusive"],
                "properties": {"rest": {"const": True}, "exclusive": {"const": True}},
            }
        }
    )

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

    @property
    def divides_group(self) -> bool:
        """A required, unbounded role shared out over the group (vragenstellers, meedenkers)."""
        return not self.rest and not self.exclusive and self.min >= 1 and self.max is None


class GoAround(_Strict):
    """A round in which every holder of a role speaks in turn (a *rondje*)."""

    role: Id = Field(description="Whose turn it is, in participant order, e.g. `leden`.")
    prompt: Text = Field(
        "", description="The sentence each person completes, e.g. `De centrale vraag is ...`."
    )
    per_person: Duration | None = Field(
        None,
        description=(
            "Time for each speaker (`2` minutes): a small countdown per person; the step"
            " then lasts this times the number of speakers."
        ),
    )
    last: Id | None = Field(
        None,
        description="A role whose holders speak after everyone else, e.g. `inbrenger` in an "
        "evaluation round.",
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
    countdown: bool = Field(
        True,
        description=(
            "false: the step has no countdown and counts up (an open conversation);"
            " `duration` is then only the planned time."
        ),
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


class RoundRange(_Strict):
    """The number of rounds the timekeeper may choose in the setup screen."""

    min: int = Field(1, ge=1, le=50, description="Fewest rounds.")
    max: int = Field(ge=1, le=50, description="Most rounds.")

    @model_validator(mode="after")
    def _ordered(self) -> RoundRange:
        if self.min > self.max:
            raise ValueError(t("load.ref.min_max", min=self.min, max=self.max))
        return self


class Repeat(_Strict):
    """A block of phases done several times in rounds."""

    repeat: int = Field(
        ge=1, le=50, description="How many rounds (with `rounds`: the number chosen by default)."
    )
    id: Id | None = Field(
        None,
        description=(
            "Identifier, used by `intervisie run --rounds ID=N`;"
            " derived from the name (or `rondes`) when left out."
        ),
    )
    name: ShortText | None = Field(None, description="Title of the block, e.g. `Speedsparren`.")
    rounds: RoundRange | None = Field(
        None,
        description=(
            "The timekeeper chooses the number of rounds at setup, between min and max"
            " (one round per volunteer with a question); `repeat` is the default."
        ),
    )
    rotate: list[Id] | None = Field(
        None,
        min_length=1,
        description=(
            "Roles that pass to the next participant every round (`inbrenger`): the previous"
            " holder takes the new holder's place in the other roles."
        ),
    )
    swap: list[Id] | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="Two roles whose holders swap after every round (vragenstellers, meedenkers).",
    )
    phases: list[Item] = Field(
        min_length=1, max_length=200, description="The phases (or nested repeats) of one round."
    )

    @model_validator(mode="after")
    def _fill_id(self) -> Repeat:
        if self.id is None:
            object.__setattr__(self, "id", slugify(self.name) if self.name else "rondes")
        return self

    @property
    def most_rounds(self) -> int:
        """The largest number of rounds this block can have in a session."""
        return max(self.repeat, self.rounds.max) if self.rounds else self.repeat


class RoleText(_Strict):
    """A role's texts in another language."""

    name: ShortText | None = Field(None, description="The role's name in this language.")
    description: Text | None = Field(None, description="What the role does, in this language.")


class PhaseText(_Strict):
    """A step's texts in another language; what is left out stays as written above."""

    name: ShortText | None = Field(None, description="The step's title in this language.")
    instruction: Text | None = Field(None, description="The instruction in this language.")
    prompts: dict[Id, Text] = Field(
        default_factory=dict, description="Per role id: the prompt in this language."
    )
    go_around: Text | None = Field(
        None, description="The sentence of the go-around (`go_around.prompt`) in this language."
    )


class BlockText(_Strict):
    """A repeat block's title in another language."""

    name: ShortText | None = Field(None, description="The block's title in this language.")


class Translation(_Strict):
    """The method's texts in another language, by id; a file written in one language leaves
    this out, and anything left out here is shown as written above."""

    name: ShortText | None = Field(None, description="The method's name in this language.")
    description: Text | None = Field(None, description="The description in this language.")
    roles: dict[Id, RoleText] = Field(
        default_factory=dict, description="Per role id: its name and description."
    )
    phases: dict[Id, PhaseText] = Field(
        default_factory=dict, description="Per step id: its name, instruction and prompts."
    )
    blocks: dict[Id, BlockText] = Field(
        default_factory=dict, description="Per repeat block id: its title."
    )


Language = Literal["nl", "en"]


class Method(_Strict):
    """An intervisie method: roles, and the timed phases of one session."""

    format: Literal[1] = Field(FORMAT_VERSION, description="Version of this file format.")
    id: Id = Field(description="Identifier, also the file name: `incidentmethode`.")
    name: ShortText = Field(description="Name shown in lists: `Incidentmethode`.")
    description: Text = Field("", description="What the method is for and when to choose it.")
    source: ShortText = Field(description="Where the method and its timings come from.")
    credits: Text = Field("", description="Authors, adaptations, licence.")
    language: Language = Field("nl", description="Language of the texts in this file.")
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
    translations: dict[Language, Translation] = Field(
        default_factory=dict,
        description=(
            "The texts in another language (`en:`), by id; shown when the app runs in that"
            " language. Leave out when you write in one language only."
        ),
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

    def in_language(self, lang: str) -> Method:
        """This method with its texts in `lang` where the file has them (itself otherwise)."""
        text = self.translations.get(lang)  # type: ignore[call-overload]
        if text is None or lang == self.language:
            return self
        roles = [
            role.model_copy(update=_given(text.roles[role.id])) if role.id in text.roles else role
            for role in self.roles
        ]
        changes = _given(text, ("name", "description"))
        return self.model_copy(
            update={
                **changes,
                "language": lang,
                "translations": {},  # this copy is in `lang`; it validates again as such
                "roles": roles,
                "phases": _translated(self.phases, text),
            }
        )

    @property
    def total_seconds(self) -> int:
        """Planned length of the method's own steps, every choice at its default."""
        return self.length()[1]

    @property
    def phase_count(self) -> int:
        """Number of the method's own steps once rounds are unrolled (defaults applied)."""
        return self.length()[0]

    def length(
        self, rounds: Mapping[str, int] | None = None, toggles: Mapping[str, bool] | None = None
    ) -> tuple[int, int]:
        """Steps and seconds of the method's own steps with these choices made at setup.

        A go-around with time per person counts with its `duration` here: how
        many speak is known only once the group is (plan.build_plan).
        """
        chosen, switched = rounds or {}, toggles or {}
        return measure(
            self.phases,
            lambda block: (
                chosen.get(block.id or "", block.repeat) if block.rounds else block.repeat
            ),
            lambda phase: not phase.optional or switched.get(phase.id or "", phase.enabled),
            lambda phase: phase.duration,
        )


def _given(text: BaseModel, names: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The fields of a translation that are filled in (None: keep the original)."""
    fields = names or tuple(type(text).model_fields)
    return {name: getattr(text, name) for name in fields if getattr(text, name) is not None}


def _translated(items: list[Phase | Repeat], text: Translation) -> list[Phase | Repeat]:
    out: list[Phase | Repeat] = []
    for item in items:
        if isinstance(item, Repeat):
            block = text.blocks.get(item.id or "")
            update: dict[str, Any] = {"phases": _translated(item.phases, text)}
            if block is not None and block.name is not None:
                update["name"] = block.name
            out.append(item.model_copy(update=update))
            continue
        phase = text.phases.get(item.id or "")
        if phase is None:
            out.append(item)
            continue
        update = _given(phase, ("name", "instruction"))
        if phase.prompts:
            update["prompts"] = {**item.prompts, **phase.prompts}
        if phase.go_around is not None and item.go_around is not None:
            update["go_around"] = item.go_around.model_copy(update={"prompt": phase.go_around})
        out.append(item.model_copy(update=update))
    return out


def measure(
    items: list[Phase | Repeat],
    rounds_of: Callable[[Repeat], int],
    is_on: Callable[[Phase], bool],
    seconds_of: Callable[[Phase], int],
    limit: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """Steps and seconds of `items` unrolled, counted without expanding them.

    With `limit`, counting stops just above it: 50 rounds in 50 in 50 in 50 is
    known to be too many at once, without counting to the end.
    """
    steps = seconds = 0
    for item in items:
        if isinstance(item, Repeat):
            inner = measure(item.phases, rounds_of, is_on, seconds_of, limit)
            steps += rounds_of(item) * inner[0]
            seconds += rounds_of(item) * inner[1]
        elif is_on(item):
            steps += 1
            seconds += seconds_of(item)
        if limit is not None and (steps > limit[0] or seconds > limit[1]):
            return min(steps, limit[0] + 1), min(seconds, limit[1] + 1)
    return steps, seconds


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
