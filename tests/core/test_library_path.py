"""The search path (built-ins, user, INTERVISIE_METHODS, --methods), overrides, find_method."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intervisie_tui import i18n, paths
from intervisie_tui.core import library
from intervisie_tui.core.library import (
    MethodNotFound,
    find_method,
    load_library,
    method_files,
    search_path,
)
from intervisie_tui.core.problems import MethodError
from intervisie_tui.errors import IntervisieError

BUILTIN_FILES = sorted(paths.builtin_methods_dir().glob("*.yaml"))


def _method(method_id: str, name: str = "Test") -> str:
    return (
        f"id: {method_id}\nname: {name}\nsource: tests\n"
        "roles:\n  - {id: leden, name: Leden, rest: true}\n"
        "phases:\n  - {name: Stap, duration: 5}\n"
    )


def _write(folder: Path, file_name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def builtin_id() -> str:
    assert BUILTIN_FILES, "the built-in library must hold at least one method"
    return BUILTIN_FILES[0].stem


@pytest.fixture
def count_loads(monkeypatch) -> list[Path]:
    """Record every file the library parses."""
    loaded: list[Path] = []
    real = library.load_located

    def counting(path: Path):
        loaded.append(path)
        return real(path)

    monkeypatch.setattr(library, "load_located", counting)
    return loaded


def test_search_order_is_builtin_user_env_then_command_line(tmp_path, monkeypatch):
    env_a, env_b, cli = tmp_path / "a", tmp_path / "b", tmp_path / "cli"
    monkeypatch.setenv(paths.ENV_METHODS, f"{env_a}{os.pathsep}{env_b}")
    assert search_path([cli, env_a]) == [
        ("builtin", paths.builtin_methods_dir()),
        ("user", paths.user_methods_dir()),
        ("extra", env_a),
        ("extra", env_b),
        ("extra", cli),
    ]


def test_every_builtin_loads_as_a_builtin(builtin_id):
    lib = load_library()
    assert lib.broken == []
    assert {e.path.stem for e in lib.methods} == {p.stem for p in BUILTIN_FILES}
    assert all(e.origin == "builtin" for e in lib.methods)
    assert lib.get(builtin_id) is not None


def test_a_later_file_with_the_same_id_overrides_and_records_what_it_replaced(tmp_path, builtin_id):
    user = _write(paths.user_methods_dir(), f"{builtin_id}.yaml", _method(builtin_id, "Mine"))
    extra = _write(tmp_path / "extra", f"{builtin_id}.yml", _method(builtin_id, "Team"))
    entry = load_library([extra.parent]).get(builtin_id)
    assert entry is not None and entry.overrides is not None
    assert (entry.method.name, entry.origin, entry.path) == ("Team", "extra", extra)
    assert (entry.overrides.origin, entry.overrides.path) == ("user", user)
    assert entry.overrides.overrides is not None
    assert entry.overrides.overrides.origin == "builtin"


def test_a_broken_file_is_listed_and_never_stops_the_others(builtin_id):
    folder = paths.user_methods_dir()
    _write(folder, "a-broken.yaml", "id: broken\nname: [\n")
    _write(folder, "good.yaml", _method("good"))
    lib = load_library()
    assert lib.get("good") is not None and lib.get(builtin_id) is not None
    (broken,) = lib.broken
    assert broken.path.name == "a-broken.yaml" and broken.origin == "user"
    assert isinstance(broken.error, MethodError)


def test_two_files_with_one_id_in_one_folder_report_the_second():
    i18n.set_language("en")
    folder = paths.user_methods_dir()
    _write(folder, "same.yaml", _method("same", "First"))
    _write(folder, "same.yml", "# comment\n" + _method("same", "Second"))
    lib = load_library()
    first = lib.get("same")
    assert first is not None and first.method.name == "First"
    (broken,) = lib.broken
    (problem,) = broken.error.problems
    assert (problem.line, problem.column, problem.field_path) == (2, 5, "id")
    assert "already used in this folder by same.yaml" in problem.message


def test_a_file_named_otherwise_than_its_id_is_refused_and_hides_no_builtin(builtin_id):
    """One id per method: the built-in stays, and the file says how to fix it."""
    i18n.set_language("en")
    path = _write(paths.user_methods_dir(), "my-copy.yaml", "# mine\n" + _method(builtin_id))
    lib = load_library()
    entry = lib.get(builtin_id)
    assert entry is not None and (entry.origin, entry.overrides) == ("builtin", None)
    (broken,) = lib.broken
    (problem,) = broken.error.problems
    assert (broken.path, problem.line, problem.column, problem.field_path) == (path, 2, 5, "id")
    assert problem.message == (
        f"the id '{builtin_id}' differs from the file name my-copy.yaml; rename the file"
        f" to {builtin_id}.yaml, or change the id to 'my-copy'"
    )
    with pytest.raises(MethodError) as caught:  # asked for by id: the same answer
        find_method("my-copy")
    assert caught.value.problems == [problem]


def test_only_yaml_files_count_json_and_hidden_files_are_ignored(tmp_path):
    folder = tmp_path / "m"
    for name in ("b.yml", "a.yaml", "c.YAML", "method.schema.json", "._a.yaml", "notes.txt"):
        _write(folder, name, _method(Path(name).stem.lower().strip("._") or "x"))
    (folder / "sub.yaml").mkdir()
    assert [p.name for p in method_files(folder)] == ["a.yaml", "b.yml", "c.YAML"]
    assert method_files(tmp_path / "missing") == []


def test_a_missing_extra_folder_is_reported(tmp_path):
    lib = load_library([tmp_path / "nope"])
    (broken,) = lib.broken
    assert broken.path == tmp_path / "nope" and broken.origin == "extra"


def test_find_method_parses_only_the_file_named_after_the_id(builtin_id, count_loads):
    entry = find_method(builtin_id)
    assert entry.method.id == builtin_id
    assert count_loads == [paths.builtin_methods_dir() / f"{builtin_id}.yaml"]


def test_find_method_honours_an_override(builtin_id, count_loads):
    user = _write(paths.user_methods_dir(), f"{builtin_id}.yaml", _method(builtin_id, "Mine"))
    _write(paths.user_methods_dir(), "other.yaml", _method("other"))
    entry = find_method(builtin_id)
    assert (entry.method.name, entry.origin, entry.path) == ("Mine", "user", user)
    assert count_loads == [user]


def test_find_method_refuses_an_override_under_another_file_name(builtin_id):
    _write(paths.user_methods_dir(), "zz-mine.yaml", _method(builtin_id, "Mine"))
    with pytest.raises(MethodError, match=r"zz-mine\.yaml"):
        find_method(builtin_id)


def test_find_method_falls_back_to_a_full_scan_for_unusual_yaml(tmp_path):
    folder = tmp_path / "extra"
    flow = "{'id': special, name: S, source: s, roles: [{id: a, name: A}], phases: [%s]}\n"
    _write(folder, "special.yaml", flow % "{name: P, duration: 1}")
    assert find_method("special", [folder]).path == folder / "special.yaml"


def test_an_unknown_id_is_one_clear_error_with_a_suggestion(builtin_id):
    i18n.set_language("en")
    with pytest.raises(MethodNotFound) as caught:
        find_method(builtin_id[:-1])
    assert isinstance(caught.value, IntervisieError)
    assert f"(did you mean '{builtin_id}'?)" in str(caught.value)


def test_a_broken_file_named_after_the_id_raises_its_problems():
    _write(paths.user_methods_dir(), "kapot.yaml", "id: kapot\nname: K\nsource: s\n")
    with pytest.raises(MethodError) as caught:
        find_method("kapot")
    assert {p.field_path for p in caught.value.problems} == {"roles", "phases"}
