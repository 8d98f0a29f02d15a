"""PySide6's per-import check reads no module's whole source (pyside_feature.py)."""

from __future__ import annotations

import importlib
import json
import linecache
import math
import sys

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


def test_the_answers_are_the_ones_pyside_gives(fresh_module):
    fresh_module("sbc_uses_qt_later", "from PySide6.QtCore import QObject\n")
    fresh_module("sbc_no_qt_later", "import json\n")
    assert feature.pyside_feature_dict["sbc_uses_qt_later"] == 0
    assert feature.pyside_feature_dict["sbc_no_qt_later"] == -1
    assert pyside_feature.uses_pyside(settings) is True
    assert pyside_feature.uses_pyside(json) is False
    assert pyside_feature.uses_pyside(math) is False  # built in: no source file
