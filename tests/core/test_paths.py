"""Where the packaged files are found: next to the module, without importlib.resources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from intervisie_tui import paths


def test_the_packaged_method_folder_next_to_the_module_wins(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "intervisie_tui"
    (package / "builtin_methods").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.builtin_methods_dir() == (package / "builtin_methods").resolve()


def test_a_source_checkout_uses_the_top_level_methods_folder(tmp_path, monkeypatch):
    package = tmp_path / "checkout" / "src" / "intervisie_tui"
    package.mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.builtin_methods_dir() == (tmp_path / "checkout" / "methods").resolve()


def test_finding_methods_and_chime_does_not_load_importlib_resources():
    code = (
        "import sys\n"
        "from intervisie_tui import paths, sound\n"
        "assert paths.builtin_methods_dir().is_dir()\n"
        "assert sound.chime_path().is_file()\n"
        "print(sorted(m for m in sys.modules if m.startswith('importlib.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "importlib.resources" not in out.stdout, out.stdout
    assert "importlib.metadata" not in out.stdout, out.stdout


def test_the_chime_is_found_in_the_package():
    from intervisie_tui.sound import chime_path

    assert chime_path() == Path(paths.__file__).resolve().parent / "assets" / "chime.wav"
