"""The wheel a care team installs: built with `uv build`, installed into a fresh venv.

Everything runs against the installed copy, never the checkout, so a file the
wheel forgets (the chime, the stylesheet, a method) fails here and not on the
evening before a meeting. Installing reads the dependencies from uv's cache
first and uses the network only when the cache cannot serve them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

from intervisie_tui.cli.methods_show import minutes
from intervisie_tui.core.library import load_library
from intervisie_tui.core.plan import session_length

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
METHOD_FILES = sorted((ROOT / "methods").glob("*.yaml"))
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""
NO_NETWORK = ("network", "connect", "dns", "resolve host", "offline", "timed out")

APP_SMOKE = """
import asyncio
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig

async def main():
    app = IntervisieApp(AppConfig(lang="nl", sound="off", check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("SCREEN", type(app.screen).__name__)

asyncio.run(main())
"""


def _uv() -> str:
    found = shutil.which("uv")
    if found is None:
        pytest.skip("uv is not installed (https://docs.astral.sh/uv/); packaging needs it")
    return found


def _run(args: list[str], timeout: int = 300, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, encoding="utf-8", **kwargs
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """`uv build`: an sdist, and a wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    done = _run([_uv(), "build", "--out-dir", str(out), str(ROOT)], timeout=180)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    wheels = list(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with only the wheel (and its dependencies) installed."""
    uv = _uv()
    folder = tmp_path_factory.mktemp("venv") / "venv"
    done = _run([uv, "venv", "--quiet", "--python", sys.executable, str(folder)])
    assert done.returncode == 0, done.stderr
    python = folder / BIN / f"python{EXE}"
    install = [uv, "pip", "install", "--quiet", "--python", str(python), str(wheel)]
    done = _run([*install, "--offline"])
    if done.returncode != 0:  # not everything is in uv's cache: try the network
        done = _run(install)
    if done.returncode != 0 and any(word in done.stderr.lower() for word in NO_NETWORK):
        pytest.skip(
            f"the dependencies are not in uv's cache and there is no network: {done.stderr}"
        )
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def clean_env(tmp_path) -> dict[str, str]:
    """The environment of a first-time user: empty folders, no extra methods, Dutch."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INTERVISIE_", "PYTHON"))}
    env.pop("VIRTUAL_ENV", None)
    for name, sub in (("CONFIG", "config"), ("DATA", "data"), ("STATE", "state")):
        env[f"INTERVISIE_{name}_DIR"] = str(tmp_path / sub)
    env["INTERVISIE_LANG"] = "nl"
    return env


def _intervisie(venv: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = _run([str(venv / BIN / f"intervisie{EXE}"), *args], timeout=60, env=env)
    assert "Traceback" not in done.stderr
    return done


def test_build_gives_a_wheel_and_an_sdist(dist):
    names = sorted(p.name for p in dist.iterdir() if not p.name.startswith("."))
    assert len(names) == 2, names
    assert all(name.startswith("intervisie_tui-") for name in names)
    assert sum(name.endswith(".tar.gz") for name in names) == 1
    assert sum(name.endswith("-py3-none-any.whl") for name in names) == 1


def test_the_wheel_holds_the_chime_the_stylesheet_and_every_builtin_method(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        chime = archive.read("intervisie_tui/assets/chime.wav")
    assert chime == (ROOT / "src/intervisie_tui/assets/chime.wav").read_bytes()
    assert "intervisie_tui/tui/app.tcss" in names
    assert "intervisie_tui/templates/method.yaml" in names
    assert len(METHOD_FILES) == 12
    for path in METHOD_FILES:
        assert f"intervisie_tui/builtin_methods/{path.name}" in names
    for lang in ("nl", "en"):
        assert f"intervisie_tui/locales/{lang}/general.py" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        assert "intervisie = intervisie_tui.cli:main" in archive.read(entry_points).decode()


def test_the_sdist_holds_sources_methods_and_tests(dist):
    sdist = next(dist.glob("*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert "pyproject.toml" in names and "README.md" in names
    assert "src/intervisie_tui/assets/chime.wav" in names
    assert {f"methods/{p.name}" for p in METHOD_FILES} <= names
    assert "tests/test_packaging.py" in names


def test_the_installed_command_answers_version(venv, clean_env):
    done = _intervisie(venv, "--version", env=clean_env)
    assert done.returncode == 0, done.stderr
    version = _run(
        [
            str(venv / BIN / f"python{EXE}"),
            "-c",
            "import intervisie_tui; print(intervisie_tui.__version__)",
        ],
        env=clean_env,
    ).stdout.strip()
    assert version and version != "0.0.0+local"
    assert done.stdout.strip() == f"intervisie {version}"


def test_the_installed_library_lists_all_twelve_builtin_methods(venv, clean_env):
    done = _intervisie(venv, "methods", "list", "--json", env=clean_env)
    assert (done.returncode, done.stderr) == (0, "")
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    ids = {yaml.safe_load(p.read_text(encoding="utf-8"))["id"] for p in METHOD_FILES}
    assert set(rows) == ids
    source = {entry.method.id: session_length(entry.method)[1] for entry in load_library().methods}
    for method_id, row in rows.items():
        assert row["total_minutes"] == minutes(source[method_id])
        installed = Path(row["path"])
        assert installed.parent.name == "builtin_methods"
        assert venv.resolve() in installed.resolve().parents  # from the wheel, not the checkout


def test_the_installed_doctor_and_app_start(venv, clean_env):
    done = _intervisie(venv, "doctor", env=clean_env)
    assert done.returncode == 0, done.stderr
    assert "12 methodes geladen" in done.stdout
    builtin = next(line for line in done.stdout.splitlines() if "ingebouwde methodes" in line)
    assert venv.resolve() in Path(builtin.split("methodes", 1)[1].strip()).resolve().parents
    smoke = _run([str(venv / BIN / f"python{EXE}"), "-c", APP_SMOKE], timeout=120, env=clean_env)
    assert smoke.returncode == 0, smoke.stderr
    assert "SCREEN" in smoke.stdout
