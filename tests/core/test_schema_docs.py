"""Field docstrings reach the exported JSON Schema without pydantic reading source at import."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from intervisie_tui.core.group import GroupFile, group_json_schema
from intervisie_tui.core.method import Method, method_json_schema
from intervisie_tui.core.schema_docs import (
    add_field_descriptions,
    attribute_docstrings,
    field_descriptions,
    models_in,
)


class _Base(BaseModel):
    inherited: int = 0
    """From the base class."""


class _Sample(_Base):
    """A model for the docstring rule."""

    documented: int
    """Says what it is.

        Indented second line."""
    undocumented: str = ""
    explicit: str = Field("", description="Given in Field.")
    """Ignored: Field(description=...) wins."""
    renamed: str = Field("", alias="other-name")
    """Under its alias."""


class _Rules:
    first: int = 1
    """Documents `first`."""
    plain = 3
    """After a plain assignment: not a field docstring."""
    second: int
    third: int
    """Only the statement right before counts: documents `third`."""

    def method(self) -> None:
        inner: int = 1
        """Inside a function: not a field."""
        del inner


def test_a_string_right_after_an_annotated_assignment_documents_it():
    assert attribute_docstrings(_Rules) == {
        "first": "Documents `first`.",
        "third": "Only the statement right before counts: documents `third`.",
    }
    docs = attribute_docstrings(_Sample)
    assert docs["documented"] == "Says what it is.\n\nIndented second line."
    assert "inherited" not in docs  # only the class's own body


def test_descriptions_include_base_classes_and_keep_explicit_ones():
    assert field_descriptions(_Sample) == {
        "inherited": "From the base class.",
        "documented": "Says what it is.\n\nIndented second line.",
        "explicit": "Given in Field.",
        "other-name": "Under its alias.",
    }


def test_descriptions_are_added_in_pydantic_key_order():
    schema = add_field_descriptions(_Sample.model_json_schema(), _Sample)
    documented = schema["properties"]["documented"]
    assert documented == {
        "description": documented["description"],
        "title": "Documented",
        "type": "integer",
    }
    assert list(documented) == sorted(documented)
    assert "description" not in schema["properties"]["undocumented"]


@pytest.mark.parametrize("model", [Method, GroupFile])
def test_the_models_do_not_read_docstrings_at_import(model):
    """`use_attribute_docstrings` parses class source at every start: it must stay off."""
    for cls in models_in(model).values():
        assert not cls.model_config.get("use_attribute_docstrings")
        assert all(info.description is None for info in cls.model_fields.values()), cls


@pytest.mark.parametrize(
    ("model", "export"), [(Method, method_json_schema), (GroupFile, group_json_schema)]
)
def test_every_documented_field_has_its_docstring_in_the_exported_schema(model, export):
    schema = export()
    models = models_in(model)
    assert set(schema["$defs"]) == set(models) - {model.__name__}
    for name, cls in models.items():
        properties = (schema if cls is model else schema["$defs"][name])["properties"]
        docs = attribute_docstrings(cls)
        assert docs, name
        for field, text in docs.items():
            assert properties[field]["description"] == text, f"{name}.{field}"
