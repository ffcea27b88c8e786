"""Field docstrings as JSON Schema descriptions, read only when a schema is exported.

The method and group file models document every field with a docstring under
it. pydantic can turn those into descriptions itself (`use_attribute_docstrings`),
but then it reads and parses each class's source at every start of the app.
The schema is only exported by `intervisie methods schema` / `group schema`, so
we read the docstrings there instead, with pydantic's rule: a string literal
statement right after an annotated assignment in the class body.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Any, get_args

from pydantic import BaseModel


def attribute_docstrings(cls: type) -> dict[str, str]:
    """`{field: docstring}` for the annotated assignments in the body of `cls` itself."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    node = ast.parse(textwrap.dedent(source)).body[0]
    if not isinstance(node, ast.ClassDef):
        return {}
    docs: dict[str, str] = {}
    previous: ast.stmt | None = None
    for statement in node.body:
        if (
            isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
            and isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            docs[previous.target.id] = inspect.cleandoc(statement.value.value)
        previous = statement
    return docs


def field_descriptions(model: type[BaseModel]) -> dict[str, str]:
    """`{property name: description}` of `model`, docstrings of base classes included.

    A field with an explicit `Field(description=...)` keeps it, as in pydantic.
    """
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(attribute_docstrings(cls))
    return {
        info.alias or name: info.description or docs[name]
        for name, info in model.model_fields.items()
        if info.description or name in docs
    }


def models_in(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """`model` and every model its fields refer to, by class name (as `$defs` names them)."""
    found: dict[str, type[BaseModel]] = {}
    todo: list[Any] = [model]
    while todo:
        tp = todo.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp.__name__ not in found:
                found[tp.__name__] = tp
                todo.extend(info.annotation for info in tp.model_fields.values())
        else:  # list[...], X | None, Annotated[...], Literal[...]: look inside
            todo.extend(get_args(tp))
    return found


def add_field_descriptions(schema: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """Fill in `description` of every documented property, at the root and in `$defs`.

    pydantic sorts the keys of each property schema; an added key keeps that order.
    """
    models = models_in(model)
    targets = [(schema, model)]
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            targets.append((definition, models[name]))
    for target, cls in targets:
        properties = target.get("properties", {})
        for key, text in field_descriptions(cls).items():
            if key in properties:
                properties[key] = dict(sorted({**properties[key], "description": text}.items()))
    return schema
