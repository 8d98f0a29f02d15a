"""The app's modules imported from the start's kept file (kept_modules): only when Python's own import
would load that very source file, and the same modules as Python makes them."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbc_desktop import kept_modules
from sbc_desktop.kept_modules import KeptFinder, KeptLoader

NAME = "sbc_desktop.kept_for_a_test"


@pytest.fixture
def fresh(monkeypatch):
    """kept_modules as in a start before its first paint, with nothing kept yet."""
    for name, value in (("_kept", {}), ("_used", {}), ("_folders", {}), ("_keeping", True), ("made", 0)):
        monkeypatch.setattr(kept_modules, name, value)
    yield
    sys.modules.pop(NAME, None)


def a_package(tmp_path: Path) -> Path:
    """A package's folder holding NAME's source file."""
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "kept_for_a_test.py").write_text("VALUE = 1\n")
    return folder


def imported(folder: Path):
    """NAME imported as the import system does it, through the finder (the module, its loader)."""
    spec = KeptFinder.find_spec(NAME, [str(folder)])
    assert spec is not None and isinstance(spec.loader, KeptLoader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, spec.loader


def test_a_module_is_kept_then_used_only_while_its_source_and_folder_are_as_they_were(tmp_path, fresh):
    folder = a_package(tmp_path)
    source = folder / "kept_for_a_test.py"
    first, loader = imported(folder)
    assert first.VALUE == 1 and loader.entry is None and kept_modules.made == 1  # found and made as Python does
    assert kept_modules.take(kept_modules.used()) == 1  # (as the next start reads it)
    again, loader = imported(folder)
    assert again.VALUE == 1 and loader.entry is not None and kept_modules.made == 1  # the kept code
    assert again.__file__ == first.__file__ == str(source) and again.__cached__ == first.__cached__

    assert KeptFinder.find_spec(NAME, [str(tmp_path)]) is None  # another folder (without it): not the kept code
    source.write_text("VALUE = 22\n")  # changed: another size and time
    changed, loader = imported(folder)
    assert changed.VALUE == 22 and loader.entry is None

    kept_modules.take(kept_modules.used())
    (folder / "beside.py").write_text("")  # the folder changed: something added may come first
    KeptFinder.invalidate_caches()
    _module, loader = imported(folder)
    assert loader.entry is None


def test_an_entry_of_another_shape_or_optimisation_is_not_used(tmp_path, fresh):
    folder = a_package(tmp_path)
    imported(folder)
    entry = kept_modules.used()[NAME]
    for wrong in (entry[:7], (*entry[:7], "not code"), (1, *entry[1:]), "text"):
        assert kept_modules.take({NAME: wrong}) == 0
    assert kept_modules.take({"other.module": entry}) == 0  # (only the app's own modules)
    other_level = (*entry[:6], entry[6] + 1, entry[7])
    kept_modules.take({NAME: other_level})
    _module, loader = imported(folder)
    assert loader.entry is None


def test_after_the_first_paint_nothing_more_is_kept(tmp_path, fresh):
    folder = a_package(tmp_path)
    kept_modules.stop_keeping()
    assert KeptFinder.find_spec(NAME, [str(folder)]) is None  # Python's own finder imports it
    assert not kept_modules.used()


# A start's modules, in a fresh process, as the window imports them: how many came from the kept code,
# how many were made, and what Python made of a package and a module (their attributes, their source).
START = """
import inspect, json, linecache, sys
from sbc_desktop import app, code_cache, kept_modules
import sbc_desktop.ui.main_window
from sbc_desktop.ui import reader
from sbc_desktop.settings import cache_dir
made = kept_modules.made
saved = code_cache.save(cache_dir())
ours = [m for n, m in sys.modules.items() if n.startswith("sbc_desktop.")]
kept = sum(1 for m in ours if isinstance(m.__spec__.loader, kept_modules.KeptLoader) and m.__spec__.loader.entry)
ui = sys.modules["sbc_desktop.ui"]
print(json.dumps({"kept": kept, "made": made, "saved": saved,
    "ui": [ui.__file__, ui.__cached__, list(ui.__path__), ui.__spec__.origin, ui.__package__],
    "reader": [reader.__file__, reader.__cached__, reader.__spec__.parent, reader.__loader__.get_filename()],
    "source": inspect.getsource(reader.Reader.go)[:60], "line": linecache.getline(reader.__file__, 1)}))
"""


def start(home: Path) -> dict:
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), QT_QPA_PLATFORM="offscreen")
    env["SBC_DESKTOP_INSTALLED_CODE"] = str(home / "no-installed-code")
    out = subprocess.run([sys.executable, "-c", START], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.timeout(180)
def test_a_second_start_imports_the_apps_modules_from_the_kept_code_as_python_would(tmp_path):
    first = start(tmp_path)
    assert first["kept"] == 0 and first["made"] > 60 and first["saved"] is True
    second = start(tmp_path)
    assert second["kept"] > 60 and second["made"] == 0 and second["saved"] is False  # (nothing new to write)
    for what in ("ui", "reader", "source", "line"):  # the same modules, their source found for tracebacks
        assert second[what] == first[what]
    assert second["ui"][2] == [str(Path(second["ui"][0]).parent)] and second["source"].strip().startswith("def go")
