"""The committed JSON Schema: generated from the model, and it agrees with the loader.

No JSON-Schema library is a dependency, so a small checker below implements
exactly the keywords the generated schema uses and fails loudly on any other,
so a new keyword from pydantic cannot slip by unchecked. What the schema can
NOT express (role references, min <= max, warn_at within the phase, a duration
over 24 h written as text) is listed as "accept" in the corpus table: those
files pass the schema and only the loader refuses them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from intervisie_tui import paths
from intervisie_tui.cli.methods import schema_text
from intervisie_tui.core.group import GroupFile, group_json_schema
from intervisie_tui.core.loader import decode
from intervisie_tui.core.method import Method, method_json_schema
from intervisie_tui.core.yaml_safe import parse_yaml
from tests.core.test_loader_corpus import CORPUS, EXPECTED

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schema" / "method.schema.json"
VALID_FILES = sorted(paths.builtin_methods_dir().glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "valid").glob("*.yaml")
)
ANNOTATIONS = {"title", "description", "default", "examples", "$schema", "$id", "$defs"}
TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


def schema_errors(
    schema: dict[str, Any], value: Any, root: dict[str, Any], at: str = ""
) -> list[str]:
    """Violations of `schema` by `value` (the subset of JSON Schema 2020-12 we generate)."""
    errors: list[str] = []
    for keyword, rule in schema.items():
        if keyword in ANNOTATIONS:
            continue
        check = _CHECKS.get(keyword)
        assert check is not None, f"the schema checker does not know the keyword {keyword!r}"
        errors += check(schema, rule, value, root, at)
    return errors


def _ref(schema, rule, value, root, at):
    target = root
    for part in rule.removeprefix("#/").split("/"):
        target = target[part]
    return schema_errors(target, value, root, at)


def _type(schema, rule, value, root, at):
    return [] if TYPES[rule](value) else [f"{at}: not {rule}"]


def _properties(schema, rule, value, root, at):
    if not isinstance(value, dict):
        return []
    return [
        e
        for k, sub in rule.items()
        if k in value
        for e in schema_errors(sub, value[k], root, f"{at}.{k}")
    ]


def _pattern_properties(schema, rule, value, root, at):
    if not isinstance(value, dict):
        return []
    return [
        e
        for pattern, sub in rule.items()
        for k in value
        if re.search(pattern, k)
        for e in schema_errors(sub, value[k], root, f"{at}.{k}")
    ]


def _additional(schema, rule, value, root, at):
    if not isinstance(value, dict):
        return []
    known = set(schema.get("properties", {}))
    patterns = list(schema.get("patternProperties", {}))
    extra = [k for k in value if k not in known and not any(re.search(p, k) for p in patterns)]
    if rule is False:
        return [f"{at}.{k}: not allowed" for k in extra]
    return [e for k in extra for e in schema_errors(rule, value[k], root, f"{at}.{k}")]


def _property_names(schema, rule, value, root, at):
    if not isinstance(value, dict):
        return []
    return [
        e for k in value for e in schema_errors({"type": "string", **rule}, k, root, f"{at}[{k}]")
    ]


def _required(schema, rule, value, root, at):
    return [f"{at}.{k}: missing" for k in rule if isinstance(value, dict) and k not in value]


def _items(schema, rule, value, root, at):
    if not isinstance(value, list):
        return []
    return [
        e for i, item in enumerate(value) for e in schema_errors(rule, item, root, f"{at}[{i}]")
    ]


def _any_of(schema, rule, value, root, at):
    passing = sum(not schema_errors(sub, value, root, at) for sub in rule)
    return [] if passing else [f"{at}: matches none of anyOf"]


def _one_of(schema, rule, value, root, at):
    """Exactly one branch must pass; if none does, the closest branch tells why."""
    results = [schema_errors(sub, value, root, at) for sub in rule]
    passing = sum(not errors for errors in results)
    if passing == 0:
        return min(results, key=len)
    return [] if passing == 1 else [f"{at}: matches {passing} of oneOf"]


def _not(schema, rule, value, root, at):
    return [f"{at}: matches not"] if not schema_errors(rule, value, root, at) else []


def _bound(test, label):
    def check(schema, rule, value, root, at):
        measured = _measure(label, value)
        return [] if measured is None or test(measured, rule) else [f"{at}: {label} {rule}"]

    return check


def _measure(label: str, value: Any) -> Any:
    if label in ("minLength", "maxLength"):
        return len(value) if isinstance(value, str) else None
    if label in ("minItems", "maxItems"):
        return len(value) if isinstance(value, list) else None
    return value if TYPES["number"](value) else None


def _pattern(schema, rule, value, root, at):
    return [] if not isinstance(value, str) or re.search(rule, value) else [f"{at}: pattern"]


_CHECKS = {
    "$ref": _ref,
    "type": _type,
    "properties": _properties,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional,
    "propertyNames": _property_names,
    "required": _required,
    "items": _items,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
    "enum": lambda s, rule, v, r, at: [] if v in rule else [f"{at}: not in enum"],
    "const": lambda s, rule, v, r, at: [] if v == rule else [f"{at}: not {rule!r}"],
    "pattern": _pattern,
    "minLength": _bound(lambda n, r: n >= r, "minLength"),
    "maxLength": _bound(lambda n, r: n <= r, "maxLength"),
    "minItems": _bound(lambda n, r: n >= r, "minItems"),
    "maxItems": _bound(lambda n, r: n <= r, "maxItems"),
    "minimum": _bound(lambda n, r: n >= r, "minimum"),
    "maximum": _bound(lambda n, r: n <= r, "maximum"),
}


def _data(path: Path) -> Any:
    return parse_yaml(decode(path.read_bytes(), str(path)), str(path)).data


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_the_committed_schema_is_what_the_model_generates(schema):
    assert schema == method_json_schema(), "run: uv run intervisie methods schema > " + str(
        SCHEMA_FILE.relative_to(ROOT)
    )
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize(
    ("model", "export"), [(Method, method_json_schema), (GroupFile, group_json_schema)]
)
def test_every_field_of_an_exported_model_has_its_description_in_field(model, export):
    """Every field says what it is, in `Field(description=...)`, so the schema has it.

    Not through `use_attribute_docstrings`: that parses every class's source at
    import, on every start of the app.
    """
    module = sys.modules[model.__module__]
    models = [model, *(getattr(module, name) for name in export()["$defs"])]
    for cls in models:
        assert cls.__doc__, cls.__name__
        assert not cls.model_config.get("use_attribute_docstrings"), cls.__name__
        undescribed = [name for name, info in cls.model_fields.items() if not info.description]
        assert undescribed == [], cls.__name__


def test_the_checker_can_fail(schema):
    assert schema_errors(schema, {}, schema)
    assert schema_errors(schema, [], schema) == [": not object"]
    with pytest.raises(AssertionError, match="does not know"):
        schema_errors({"if": {}}, 1, {})


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_the_schema_accepts_every_builtin_and_valid_fixture(schema, path):
    assert len(VALID_FILES) > 2, "the built-in library must hold at least one method"
    assert schema_errors(schema, _data(path), schema) == []


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.schema is not None))
def test_the_schema_rejects_the_malformed_corpus_where_it_can(schema, name):
    errors = schema_errors(schema, _data(CORPUS / name), schema)
    expect = EXPECTED[name]
    if expect.schema == "reject":  # and for the same field as the loader
        where = f".{expect.field_path}:" if expect.field_path else ":"
        assert any(e.startswith(where) for e in errors), errors
    else:  # a rule the schema cannot express: only the loader catches it
        assert errors == []
