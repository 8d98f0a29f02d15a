"""PySide6's `__feature__` import hook is out of the way: an import runs none of its Python, and
reads no module's source (pyside_feature.py)."""

from __future__ import annotations

import builtins
import importlib
import json
import linecache
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sbc_desktop import pyside_feature, settings  # noqa: F401  (settings installs it, as at start)

feature = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(feature is None, reason="this PySide6 has no __feature__ import hook")


@pytest.fixture
def fresh_module(tmp_path, monkeypatch):
    """Write a module file and import it as an import statement does (through builtins.__import__,
    which PySide6 replaced; importlib.import_module would go around it)."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made = []

    def make(name: str, text: str):
        path = tmp_path / f"{name}.py"
        path.write_text(text, encoding="utf-8")
        importlib.invalidate_caches()
        made.append(name)
        return __import__(name), str(path)

    yield make
    for name in made:
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)


def test_the_hook_is_answered_by_ours_after_the_settings_are_imported():
    assert feature._mod_uses_pyside is pyside_feature.uses_pyside
    assert pyside_feature.install() is True  # again: harmless


def test_a_module_imported_later_is_not_kept_in_linecache(fresh_module):
    module, path = fresh_module("sbc_plain_later", "VALUE = 1\n" * 2000)
    assert module.VALUE == 1
    assert path not in linecache.cache  # PySide6's own check kept every line of it there


def test_an_import_runs_none_of_pysides_python(fresh_module, monkeypatch):
    asked = []
    monkeypatch.setattr(feature, "_mod_uses_pyside", lambda module: asked.append(module.__name__) or True)
    assert builtins.__import__ is builtins.__orig_import__  # type: ignore[attr-defined]
    module, _path = fresh_module("sbc_uses_qt_later", "from PySide6.QtCore import QObject\n")
    assert module.QObject.__name__ == "QObject"
    assert asked == []  # PySide6's hook asked this of every new module, and read its source to answer
    assert "sbc_uses_qt_later" not in feature.pyside_feature_dict


def test_a_start_takes_the_hook_out_as_soon_as_pyside6_is_in():
    """In a fresh process as at a start: the app's first import of PySide6 (code_cache) takes the hook out,
    so none of the window's modules goes through it; Qt's modules still load when first named."""
    probe = (
        "import builtins, json, sys\n"
        "import sbc_desktop.app\n"
        "from PySide6.QtNetwork import QNetworkAccessManager\n"
        "noted = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "ours = sorted(n for n in noted if n.startswith('sbc_desktop'))\n"
        "print(json.dumps([builtins.__import__ is builtins.__orig_import__, ours, QNetworkAccessManager.__name__]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    taken_out, noted, named = json.loads(out.splitlines()[-1])
    assert taken_out is True
    assert named == "QNetworkAccessManager"
    # Only what was imported before PySide6 (the package, the modules importing it) may have been noted.
    assert set(noted) <= {"sbc_desktop", "sbc_desktop.app", "sbc_desktop.code_cache", "sbc_desktop.quick_enums"}


def test_no_module_of_ours_selects_a_pyside_feature():
    """The hook is only for ``from __feature__ import ...``: with it gone, such an import would do nothing."""
    package = Path(pyside_feature.__file__).parent
    using = [p for p in package.rglob("*.py") if re.search(r"^\s*(from|import)\s+__feature__", p.read_text(), re.M)]
    assert using == []


def test_the_answers_are_the_ones_pyside_gives():
    assert pyside_feature.uses_pyside(settings) is True
    assert pyside_feature.uses_pyside(json) is False
    assert pyside_feature.uses_pyside(math) is False  # built in: no source file
