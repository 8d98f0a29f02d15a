"""PySide6 without its ``__feature__`` import hook: an import statement runs none of PySide's Python.

Importing PySide6 replaces Python's import with one that supports PySide's optional
``from __feature__ import snake_case`` (its documented ``builtins.__feature_import__``; the import it
replaced is kept as ``builtins.__orig_import__``). Every later import statement -- at a start, about
830 of them, 130 of them new modules -- then runs PySide's Python hook before and after the real
import, and after each new module asks whether it uses PySide6 by ``inspect.getsource`` on the
whole module (upstream: napari issue 8584). sbc-desktop never selects a feature (a test checks
that no module of ours imports ``__feature__``), and with no feature selected PySide answers every
attribute look-up the same whatever the hook noted, so the hook is taken out of the import path
here, once, as soon as PySide6 is in (``code_cache.import_pyside``): about 2 % of a start's
instructions, and a second read of every module's source file. The per-module question is still
answered cheaply (``uses_pyside``: does the file mention "PySide6", read once as bytes and kept
nowhere), should anything ever ask it. If a PySide6 has no such hook, nothing is changed.
"""

from __future__ import annotations

import builtins
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
    """Put Python's own import back in place of PySide6's feature hook, and answer the hook's
    per-module question with ``uses_pyside``; False if this PySide6 has no such hook (then nothing
    is changed). An import statement running now (this module's own) is not disturbed: PySide's hook
    puts back whatever import it finds in place when that import ends."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010  (a private name of PySide6's)
    hook, original = getattr(builtins, "__feature_import__", None), getattr(builtins, "__orig_import__", None)
    if hook is not None and builtins.__import__ is hook and callable(original):
        builtins.__import__ = original
    return True


install()
