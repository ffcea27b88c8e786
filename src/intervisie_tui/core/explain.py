"""Turn pydantic validation errors into problems a facilitator understands.

pydantic says `extra_forbidden at phases.3.Phase.duraton`; we say
`phases[3].duraton: unknown key 'duraton' (did you mean 'duration'?)` at the
line where the key is, in the active language. To do that we walk the error's
location through the model's type annotations: that drops the union tags
pydantic inserts, and tells us which model a key belongs to (for the hint),
whether a field is a duration, and which values a Literal allows.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from intervisie_tui.core.duration import parse_duration
from intervisie_tui.core.method import ID_PATTERN, Method
from intervisie_tui.core.method_checks import did_you_mean
from intervisie_tui.core.problems import Loc, Problem, format_loc
from intervisie_tui.core.yaml_safe import Document
from intervisie_tui.i18n import t

_TEXT_PREVIEW = 40


@dataclass
class Target:
    """Where a pydantic error location points in the model."""

    path: Loc
    """The location as the file has it (no union tags, no `[key]`)."""
    annotation: Any = None
    metadata: list[Any] = field(default_factory=list)
    parent: type[BaseModel] | None = None
    """The model the last path element is a key of, if any."""
    is_key: bool = False
    """The error is about a mapping key itself, not its value."""

    @property
    def is_duration(self) -> bool:
        return any(getattr(m, "func", None) is parse_duration for m in self.metadata)


def _unwrap(tp: Any, meta: list[Any]) -> tuple[Any, list[Any]]:
    while True:
        if get_origin(tp) is Annotated:
            meta = meta + list(tp.__metadata__)
            tp = get_args(tp)[0]
        elif get_origin(tp) in (Union, types.UnionType):
            options = [a for a in get_args(tp) if a is not type(None)]
            if len(options) != 1:
                return tp, meta
            tp = options[0]
        else:
            return tp, meta


def _tagged_option(tp: Any, tag: object) -> Any:
    for option in get_args(tp):
        tags = [getattr(m, "tag", None) for m in getattr(option, "__metadata__", ())]
        if get_origin(option) is Annotated and tag in tags:
            return option
    return None


def resolve(loc: Loc, root: type[BaseModel] = Method) -> Target:
    """Follow `loc` through the annotations of `root`."""
    tp: Any = root
    meta: list[Any] = []
    path: list[str | int] = []
    parent: type[BaseModel] | None = None
    is_key = False
    index = 0
    while index < len(loc):
        part = loc[index]
        tp, meta = _unwrap(tp, meta)
        origin = get_origin(tp)
        parent = None
        if origin in (Union, types.UnionType):
            option = _tagged_option(tp, part)
            if option is not None:  # a union tag: not part of the file's path
                tp, meta, index = option, [], index + 1
                continue
            tp = None
        path.append(part)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            parent = tp
            info = tp.model_fields.get(part) if isinstance(part, str) else None
            tp, meta = (info.annotation, list(info.metadata)) if info else (None, [])
        elif origin is list:
            tp, meta = get_args(tp)[0], []
        elif origin is dict:
            if index + 1 < len(loc) and loc[index + 1] == "[key]":
                tp, meta, is_key, index = get_args(tp)[0], [], True, index + 1
            else:
                tp, meta = get_args(tp)[1], []
        else:
            tp, meta = None, []
        index += 1
    tp, meta = _unwrap(tp, meta)
    return Target(tuple(path), tp, meta, parent, is_key)


def validation_problems(error: ValidationError, doc: Document, source: str) -> list[Problem]:
    """One Problem per pydantic error, positioned with the document's marks."""
    problems = []
    for item in error.errors(include_url=False):
        target = resolve(tuple(item["loc"]))
        message = explain(item, target)
        prefer_key = target.is_key or item["type"] == "extra_forbidden"
        line, column = doc.position(target.path, prefer_key=prefer_key)
        problems.append(Problem(source, line, column, format_loc(target.path), message))
    return problems


def explain(item: ErrorDetails, target: Target) -> str:
    """The translated message for one pydantic error."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    value = item.get("input")
    name = str(target.path[-1]) if target.path else ""
    if kind == "extra_forbidden":
        known = list(target.parent.model_fields) if target.parent else []
        hint = did_you_mean(name, known)
        if hint or not known:
            return t("load.unknown_key", key=name) + hint
        return t("load.unknown_key_list", key=name, keys=", ".join(known))
    if kind == "missing":
        return t("load.missing", key=name)
    if target.is_duration and kind not in _SHAPE_KINDS:
        return duration_message(value, str(ctx.get("error", "")))
    if kind == "value_error":
        return str(ctx.get("error", item["msg"]))
    if kind == "literal_error":
        allowed = [str(a) for a in get_args(target.annotation)] if _is_literal(target) else []
        found = describe(value)
        if not allowed:
            return t("load.one_of", allowed=ctx.get("expected", "?"), found=found)
        hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
        return t("load.one_of", allowed=", ".join(allowed), found=found) + hint
    if kind in _EXPECTED:
        message = t("load.expected", what=t(_EXPECTED[kind]), found=describe(value))
        if kind == "string_type" and isinstance(value, int | float | bool):
            message += t("load.quote_hint")
        return message
    return _limit_message(kind, ctx, value) or t("load.invalid", detail=item["msg"])


_EXPECTED = {
    "string_type": "load.what.text",
    "int_type": "load.what.int",
    "int_parsing": "load.what.int",
    "int_from_float": "load.what.int",
    "int_parsing_size": "load.what.int",
    "bool_type": "load.what.bool",
    "bool_parsing": "load.what.bool",
    "list_type": "load.what.list",
    "dict_type": "load.what.mapping",
    "model_type": "load.what.mapping",
    "model_attributes_type": "load.what.mapping",
}
_SHAPE_KINDS = {"missing", "extra_forbidden", "list_type"}


def _is_literal(target: Target) -> bool:
    return get_origin(target.annotation) is Literal


def _limit_message(kind: str, ctx: dict[str, Any], value: Any) -> str | None:
    found = describe(value)
    if kind == "string_too_short":
        return t("load.text_empty")
    if kind == "string_too_long":
        return t("load.text_too_long", max=ctx.get("max_length"), actual=_length(value))
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ID_PATTERN:
            return t("load.bad_id", found=found)
        return t("load.pattern", pattern=ctx.get("pattern"), found=found)
    if kind == "too_short":
        return t("load.too_few", min=ctx.get("min_length"), actual=ctx.get("actual_length"))
    if kind == "too_long":
        return t("load.too_many", max=ctx.get("max_length"), actual=ctx.get("actual_length"))
    limits = {
        "greater_than_equal": ("load.at_least", "ge"),
        "greater_than": ("load.more_than", "gt"),
        "less_than_equal": ("load.at_most", "le"),
        "less_than": ("load.less_than", "lt"),
    }
    if kind in limits:
        key, bound = limits[kind]
        return t(key, limit=ctx.get(bound), found=found)
    if kind == "finite_number":
        return t("load.expected", what=t("load.what.int"), found=found)
    return None


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def duration_message(value: Any, reason: str) -> str:
    """Why a duration is wrong; `reason` is parse_duration's own (English) explanation."""
    if reason.startswith("a duration cannot be negative"):
        return t("load.duration.negative", found=describe(value))
    if reason.startswith("a duration must be at most"):
        return t("load.duration.too_long", found=describe(value))
    return t("load.duration.format", found=describe(value))


def describe(value: Any) -> str:
    """What the file has, in words: `the number 5`, `the text 'abc'`, `nothing`."""
    if value is None:
        return t("load.found.nothing")
    if isinstance(value, bool):
        return t("load.found.bool", value=str(value).lower())
    if isinstance(value, int | float):
        return t("load.found.number", value=value)
    if isinstance(value, str):
        if not value.strip():
            return t("load.found.empty_text")
        text = value if len(value) <= _TEXT_PREVIEW else value[: _TEXT_PREVIEW - 1] + "…"
        return t("load.found.text", value=text)
    if isinstance(value, list):
        return t("load.found.list")
    if isinstance(value, dict):
        keys = ", ".join(str(k) for k in list(value)[:5])
        return t("load.found.mapping", keys=keys + (", …" if len(value) > 5 else ""))
    return type(value).__name__
