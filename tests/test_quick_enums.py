"""Qt's enum classes made by quick_enums are the classes Python's functional enum API makes: the
same class dictionary (keys in order, values), the same members, aliases, flag masks and
behaviour; anything PySide6 does not pass goes to the standard library unchanged."""

from __future__ import annotations

import _thread
import enum
import functools
import json
import pickle
import subprocess
import sys
import threading

import pytest

from sbc_desktop import quick_enums

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != (3, 11) or not quick_enums._same_as_standard(),
    reason="quick_enums is installed only on a Python 3.11 whose own enum code makes the classes it makes",
)

KEEP = enum.KEEP

# Every enum class of the Qt modules the app uses, described without object ids: printed as JSON.
DESCRIBE = r"""
import enum, json, re, sys
if sys.argv[1] == "quick":
    from sbc_desktop import quick_enums
    assert quick_enums.install()
from PySide6 import QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport, QtNetwork

def name_of(value):
    if isinstance(value, enum.Enum):
        return repr(value)
    function = getattr(value, "__func__", value)
    if callable(value):
        qualname = getattr(function, "__qualname__", None) or re.sub(" at 0x[0-9a-f]+", "", repr(value))
        return [type(value).__name__, getattr(function, "__module__", None), qualname]
    return repr(value)

def describe(cls):
    members = {}
    for name, member in cls.__members__.items():
        members[name] = [repr(member), str(member), format(member), member._name_,
            {k: repr(v) for k, v in vars(member).items() if k != "__objclass__"}, member.__objclass__ is cls]
    return {"dict": [[k, name_of(v)] for k, v in vars(cls).items()], "members": members,
        "iter": [repr(m) for m in cls], "mro": [c.__qualname__ for c in cls.__mro__],
        "module": cls.__module__, "qualname": cls.__qualname__}

found = {}
def walk(owner, depth):
    for key in dir(owner):
        try:
            value = getattr(owner, key)
        except Exception:
            continue
        if isinstance(value, enum.EnumType):
            found.setdefault(f"{value.__module__}.{value.__qualname__}", describe(value))
        elif isinstance(value, type) and depth < 2 and value.__module__.startswith("PySide6") and value is not owner:
            walk(value, depth + 1)
for module in (QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport, QtNetwork):
    walk(module, 0)
print(json.dumps(found))
"""


def _describe(cls: type) -> dict:
    """A class made in this process, as DESCRIBE describes one (for classes made side by side)."""

    def name_of(value):
        if isinstance(value, enum.Enum):
            return repr(value)
        if isinstance(value, (list, dict)):
            return repr(value)
        if type(value).__name__ in ("getset_descriptor", "member_descriptor"):  # (each class's own)
            return (type(value).__name__, value.__name__)
        if isinstance(value, enum.property):  # (a member whose name a base uses)
            return ("property", value.name, repr(getattr(value, "member", None)), value.fget)
        function = getattr(value, "__func__", value)
        if callable(value):
            return [
                type(value).__name__,
                getattr(function, "__module__", None),
                getattr(function, "__qualname__", None),
            ]
        return value

    return {
        "dict": [(k, name_of(v)) for k, v in vars(cls).items()],
        "members": {
            name: (
                repr(m),
                str(m),
                format(m),
                {k: v for k, v in vars(m).items() if k != "__objclass__"},
                m.__objclass__ is cls,
            )
            for name, m in cls.__members__.items()
        },
        "iter": [repr(m) for m in cls],
        "mro": cls.__mro__[1:],
        "module": cls.__module__,
    }


def _both(base, name, names, **kwargs):
    """The class made by the standard library and by quick_enums, from the same call."""
    standard = quick_enums._STDLIB_CREATE(base, name, names, **kwargs)
    quick = base(name, names, **kwargs)
    return standard, quick


@pytest.fixture(autouse=True)
def installed():
    assert quick_enums.install()
    yield


# Each process imports six Qt modules and walks 900-odd enums: a few seconds quiet, but at load 9-12 on
# 2 cores (a full run beside 2 CPU hogs) 50 s was not enough; the processes left running then made the
# next test that collected garbage fail too (their pipes' ResourceWarnings).
@pytest.mark.timeout(180)
def test_every_qt_enum_is_made_as_the_standard_library_makes_it():
    """In fresh processes, one with quick_enums and one without: every enum class of QtCore, QtGui,
    QtWidgets, QtSvg, QtPrintSupport and QtNetwork (900-odd), as PySide6 leaves it, is the same."""
    started = {  # (side by side: each takes a few seconds)
        how: subprocess.Popen([sys.executable, "-c", DESCRIBE, how], stdout=subprocess.PIPE, text=True)
        for how in ("quick", "standard")
    }
    runs = {}
    try:
        for how, process in started.items():
            out, _ = process.communicate(timeout=160)
            assert process.returncode == 0
            runs[how] = json.loads(out)
    finally:
        for process in started.values():  # (ended and read whatever happened: nothing left for a later test)
            if process.poll() is None:
                process.kill()
            process.communicate()
    assert len(runs["quick"]) > 700
    assert runs["quick"].keys() == runs["standard"].keys()
    differ = [name for name in runs["quick"] if runs["quick"][name] != runs["standard"][name]]
    assert differ == []


@pytest.mark.parametrize("base", [enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag])
def test_aliases_flags_zero_negative_and_unsorted_members(base):
    names = [("B", 2), ("A", 1), ("Both", 3), ("None_", 0), ("Again", 1), ("Minus", -1), ("Big", 1 << 40)]
    standard, quick = _both(base, "Mixed", names, module=__name__, boundary=KEEP)
    assert _describe(quick) == _describe(standard)
    assert quick.Again is quick.A
    if issubclass(base, enum.Flag):
        assert quick._flag_mask_ == standard._flag_mask_
        assert quick._all_bits_ == standard._all_bits_
        assert getattr(quick, "_singles_mask_", None) == getattr(standard, "_singles_mask_", None)
        assert (quick.A | quick.B) is quick.Both
        assert [m.name for m in quick] == [m.name for m in standard]
        assert quick(1 << 3).value == 8  # KEEP: a value no member has
        assert (~quick.A).value == (~standard.A).value


def test_the_callers_module_is_found_and_members_pickle():
    made = enum.IntEnum("Shade", [("Light", 1), ("Dark", 2)], boundary=KEEP)
    assert made.__module__ == __name__
    globals()["Shade"] = made
    try:
        assert pickle.loads(pickle.dumps(made.Dark)) is made.Dark
    finally:
        del globals()["Shade"]


def _made_with_no_caller(base, name, names):
    """``base(name, names, boundary=KEEP)`` called from C with no Python frame above it, as PySide6
    may call it: the class the functional API then cannot place in any module."""
    made: list = []
    done = threading.Event()

    def record(cls) -> None:
        made.append(cls)
        done.set()

    make = functools.partial(base, boundary=KEEP)
    _thread.start_new_thread(list, (map(record, map(make, [name], [names])),))
    assert done.wait(10)
    return made[0]


def test_a_class_made_with_no_caller_is_unpicklable_as_the_standard_librarys():
    names = [("One", 1), ("Two", 2)]
    quick = _made_with_no_caller(enum.IntEnum, "Lost", names)
    quick_enums.uninstall()
    standard = _made_with_no_caller(enum.IntEnum, "Lost", names)
    quick_enums.install()
    assert standard.__module__ == "<unknown>"
    assert _describe(quick) == _describe(standard)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(quick.One)


@pytest.mark.parametrize(
    "names",
    [
        [("_private", 1), ("A", 2)],  # an underscore first: the standard library's rules
        [("name", 1), ("A", 2)],  # a name Enum defines
        [("A", 1.5)],  # not an int
        [("A", True)],  # a bool is not a plain int
        "A B C",  # names only
        [("A", 1), ("B", (2, 3))],
    ],
)
def test_anything_else_is_the_standard_librarys(names):
    standard, quick = _both(enum.Enum, "Other", names, module=__name__, boundary=KEEP)
    assert _describe(quick) == _describe(standard)


def test_other_arguments_and_bases_are_the_standard_librarys():
    for kwargs in ({"module": __name__}, {"module": __name__, "qualname": "A.B", "boundary": KEEP},
                   {"module": __name__, "start": 5, "boundary": KEEP}, {"module": __name__, "type": int}):  # fmt: skip
        standard, quick = _both(enum.Enum, "Other", [("A", 1), ("B", 2)], **kwargs)
        assert _describe(quick) == _describe(standard)
    standard, quick = _both(enum.StrEnum, "Words", [("A", "a")], module=__name__, boundary=KEEP)
    assert _describe(quick) == _describe(standard)


def test_a_repeated_name_is_refused_as_by_the_standard_library():
    with pytest.raises(TypeError, match="already defined") as quick:
        enum.IntEnum("Twice", [("A", 1), ("A", 2)], boundary=KEEP)
    quick_enums.uninstall()
    with pytest.raises(TypeError, match="already defined") as standard:
        enum.IntEnum("Twice", [("A", 1), ("A", 2)], boundary=KEEP)
    quick_enums.install()
    assert str(quick.value) == str(standard.value)


def test_other_pythons_are_left_alone(monkeypatch):
    quick_enums.uninstall()
    monkeypatch.setattr(sys, "version_info", (3, 12, 0, "final", 0))
    assert quick_enums.install() is False
    assert enum.EnumType._create_ is quick_enums._STDLIB_CREATE


def _counting(cls, class_name, names, **kwargs):
    """A standard library whose functional API makes classes otherwise than any quick_enums knows (as 3.11.2's
    did from 3.11.7's, before `_made` learned its flag masks): here each class counts its members."""
    made = quick_enums._STDLIB_CREATE(cls, class_name, names, **kwargs)
    type.__setattr__(made, "_count_", len(made.__members__))
    return made


def test_not_installed_where_this_python_makes_classes_otherwise(monkeypatch):
    """On a Python whose own enum code makes a class otherwise than `_made` does (3.11.2's flag masks did, before
    `_made` followed them, and there a key press's ``~Qt.KeyboardModifier.KeypadModifier`` raised: the page took
    no key), nothing is installed, and the classes are the standard library's own."""
    quick_enums.uninstall()
    monkeypatch.setattr(quick_enums, "_STDLIB_CREATE", _counting)
    monkeypatch.setattr(quick_enums, "_TEMPLATES", {})
    try:
        assert quick_enums.install() is False
        assert vars(enum.EnumType)["_create_"] is not quick_enums._create_
    finally:
        monkeypatch.undo()
    assert quick_enums.install()  # (as the suite runs: conftest)
