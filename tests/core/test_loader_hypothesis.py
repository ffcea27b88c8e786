"""Whatever a method file holds, the loader returns a Method or raises MethodError.

Three generators: arbitrary text and bytes; arbitrary nested data dumped as
YAML; and a valid method with one value somewhere replaced by arbitrary data,
which drives the error explainer through every field of the model.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervisie_tui.core import yaml_safe
from intervisie_tui.core.loader import decode, load_method_text
from intervisie_tui.core.method import Method
from intervisie_tui.core.problems import MethodError

FIELD_NAMES = sorted(
    {"repeat", "swap", "rotate", "phases", "duration", "role", "prompt", "first", "second", "rest"}
    | set(Method.model_fields)
    | {"name", "capture", "go_around", "pairs", "warn_at", "sound", "optional", "prompts"}
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["5", "5m", "90s", "1:30", "1:75", "-3", "inbrenger", "leden", "notes"])
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=12)
data = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)

BASE: dict[str, Any] = {
    "id": "t",
    "name": "T",
    "source": "tests",
    "group_size": {"min": 2, "max": 9},
    "roles": [
        {"id": "inbrenger", "name": "Inbrenger", "min": 1, "max": 1, "exclusive": True},
        {"id": "leden", "name": "Leden", "rest": True},
    ],
    "phases": [
        {"name": "A", "duration": 5, "prompts": {"inbrenger": "x"}, "capture": ["notes"]},
        {
            "repeat": 2,
            "rotate": ["inbrenger"],
            "phases": [
                {"name": "B", "duration": "8m", "pairs": {"first": "inbrenger", "second": "leden"}},
                {"name": "C", "duration": "1:30", "go_around": {"role": "leden"}, "warn_at": [1]},
            ],
        },
    ],
}


def _outcome(text: str) -> Method | MethodError:
    try:
        return load_method_text(text, "h.yaml")
    except MethodError as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 for p in error.problems)
        return error


def _replace(node: Any, choices: list[int], value: Any) -> Any:
    """Replace one value inside `node`, picked by walking with `choices`."""
    if not choices or not isinstance(node, dict | list) or not node:
        return value
    pick, rest = choices[0], choices[1:]
    if isinstance(node, dict):
        key = sorted(node)[pick % len(node)]
        return {**node, key: _replace(node[key], rest, value)}
    index = pick % len(node)
    return [*node[:index], _replace(node[index], rest, value), *node[index + 1 :]]


YAMLISH = st.text(alphabet=st.sampled_from(list("ab1:-[]{}&*!|>'\"#\t\n ?,%@`")), max_size=80)


@pytest.mark.parametrize("loader", [yaml_safe.StrictCSafeLoader, yaml_safe.StrictSafeLoader])
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=400) | YAMLISH)
def test_arbitrary_text_gives_a_method_or_a_method_error(loader, text):
    yaml_safe.LOADER, saved = loader, yaml_safe.LOADER
    try:
        _outcome(text)
    finally:
        yaml_safe.LOADER = saved


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_method_error_not_a_crash(raw):
    try:
        text = decode(raw, "h.yaml")
    except MethodError:
        return
    _outcome(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data)
def test_arbitrary_yaml_data_gives_a_method_or_a_method_error(value):
    _outcome(yaml.safe_dump(value, allow_unicode=True))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=20), max_size=6), data)
def test_a_valid_method_with_one_value_replaced_never_crashes(choices, value):
    _outcome(yaml.safe_dump(_replace(BASE, choices, value), allow_unicode=True))


def test_the_base_method_is_valid():
    assert isinstance(_outcome(yaml.safe_dump(BASE)), Method)
