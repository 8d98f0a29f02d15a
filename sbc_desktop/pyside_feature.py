"""PySide6 without its whole-source read of every module imported after it.

Importing PySide6 replaces Python's import with one that supports PySide's optional
``from __feature__ import snake_case``. After every later import it asks whether the new
module uses PySide6, by ``inspect.getsource`` on the whole module: at a built-in start that is
about 145 modules, every line kept in ``linecache`` (about 56,000 lines), and 80-100 ms of a
start at load 11 (upstream: napari issue 8584). The question is answered here the same way
(does the module's file mention "PySide6"), by reading the file's bytes once, kept nowhere.
Nothing in sbc-desktop uses ``__feature__``; if a PySide6 ever lacks the hook, nothing is
changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (installs the import hook this module answers for)

_FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file mentions PySide6: the answer PySide6's own check gives,
    False for a module with no readable ``.py`` file (built in, compiled, frozen) as there."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Answer PySide6's per-import question with ``uses_pyside``; False if this PySide6 has no
    such hook (then nothing is changed)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010  (a private name of PySide6's)
    return True


install()
