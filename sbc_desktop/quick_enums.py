"""Qt's enum classes made in a few microseconds instead of tens, on Python 3.11.

PySide6 makes a Python ``enum`` class for every enum of every Qt class a process first names,
through Python's functional API: ``IntEnum("Alignment", [("AlignLeft", 1), ...],
boundary=KEEP)``. On Python 3.11 that API handles each member in several layers of Python
(the class body's ``_EnumDict.__setitem__``, a ``_proto_member`` whose ``__set_name__`` looks
for descriptors along the class's bases, the metaclass's ``__setattr__`` and ``__delattr__``):
about 13 us a member. A start names about 410 of Qt's enums, 4,700 members, before its first
paint (the ``Qt`` namespace alone has 93 enums and 1,195 members): about a fifth of the CPU
that start spends beyond a bare window's.

Here that one call pattern -- exactly what PySide6 passes: one of ``Enum``, ``IntEnum``,
``Flag`` or ``IntFlag``, a list of (name, int) pairs, ``boundary=KEEP`` and nothing else -- is
made the way the standard library's own fast constructor (``enum._simple_enum``, used for its
own enums) makes classes: the class in one ``type.__new__`` with the body the functional API
would give it, then each member as ``_proto_member.__set_name__`` makes it, without its
searches. The result is the same class: the same ``__dict__`` (keys in the same order, the
same values), the same members with the same attributes, aliases, flag masks and iteration
order. Anything else -- another base, a member name with an underscore first or one a base
defines (``name``, ``value``...), a repeated name, a value that is not a plain int, any other
argument -- goes to the standard library unchanged, as does everything on any Python other
than 3.11 (3.12 changed this code and made it faster), and on a 3.11 whose own functional API makes a small
probe class otherwise (`_same_as_standard`). Flag masks are kept as the running 3.11 keeps them (3.11.2, Debian
12's Python, differs from 3.11.7 there). tests/test_quick_enums.py builds every enum of the Qt modules the app uses
both ways and compares them (CI runs it on the system's Python as well).

Installed before PySide6 is imported (`code_cache.import_pyside`).
"""

from __future__ import annotations

import enum
import sys
from typing import Any

_STDLIB_CREATE = enum.EnumType._create_  # type: ignore[attr-defined]  # (not in the stubs)
_KEEP = enum.KEEP
_INVALID = frozenset(("mro", ""))
# Per base class: (the body's keys before __doc__ with their values, the keys set after the
# members with their values, the names the base's classes define, whether it is a Flag).
_TEMPLATES: dict[type, tuple[tuple[tuple[str, Any], ...], tuple[tuple[str, Any], ...], frozenset[str], bool]] = {}
_FRESH = ("_member_names_", "_member_map_", "_value2member_map_", "_unhashable_values_")


def _template(base: type) -> tuple:
    """What the functional API gives a class of ``base`` besides its members, read from a class it
    made with none: the class attributes before ``__doc__`` (in order) and those it sets after."""
    made = _STDLIB_CREATE(base, "Template", [], module=__name__, boundary=_KEEP)
    keys = list(made.__dict__)
    doc = keys.index("__doc__")
    before = tuple((key, made.__dict__[key]) for key in keys[:doc])
    after = tuple((key, made.__dict__[key]) for key in keys[doc + 1 :])
    defined = frozenset(name for klass in made.__mro__[1:] for name in vars(klass))
    return before, after, defined, issubclass(base, enum.Flag)


def _unpicklable_reduce() -> Any:
    """The ``__reduce_ex__`` the functional API gives a class it cannot place in a module."""
    body: dict[str, Any] = {}
    enum._make_class_unpicklable(body)  # type: ignore[attr-defined]
    return body["__reduce_ex__"]


def _made(base: type, class_name: str, names: list, module: str | None) -> type | None:
    """The class ``base(class_name, names, boundary=KEEP)`` makes, or None when its members are not
    the plain kind (then the standard library makes it)."""
    template = _TEMPLATES.get(base)
    if template is None:
        template = _TEMPLATES[base] = _template(base)
    before, after, defined, flag = template
    if type(names) is not list:
        return None
    body: dict[str, Any] = {}
    for key, value in before:
        if key in _FRESH:
            value = type(value)()
        elif key == "__module__":
            if module is None:  # as _make_class_unpicklable does to the body (before __module__)
                body["__reduce_ex__"] = _unpicklable_reduce()
                module = "<unknown>"
            value = module
        body[key] = value
    # A flag's masks as this 3.11 keeps them: as its members are made (3.11.7), or (3.11.2) a mask and all bits of
    # every value first, the mask of the single bits put in once the members are made, no `_singles_mask_`.
    singles_kept = flag and any(key == "_singles_mask_" for key, _ in before)
    if singles_kept:
        body["_flag_mask_"] = body["_singles_mask_"] = body["_all_bits_"] = 0
    elif flag:
        every = 0
        for item in names:
            if type(item) is tuple and len(item) == 2 and type(item[1]) is int:
                every |= item[1]
        body["_flag_mask_"] = every
        body["_all_bits_"] = 2 ** (every.bit_length()) - 1
    enum_class: Any = type.__new__(type(base), class_name, (base,), body)
    new_member = body["_new_member_"]
    use_args = body["_use_args_"]
    plain = body["_member_type_"] is object
    member_names: list[str] = body["_member_names_"]
    member_map: dict[str, Any] = body["_member_map_"]
    value_map: dict[int, Any] = body["_value2member_map_"]
    put = type.__setattr__
    flag_mask = singles = 0
    for item in names:
        # Only plain (name, int) pairs, which the functional API takes without any of its special cases
        # (private, sunder or dunder names, descriptors, repeats, invalid names): else the class made so
        # far is dropped (nothing refers to it) and the standard library makes it.
        if type(item) is not tuple or len(item) != 2:
            return None
        name, value = item
        if (
            type(name) is not str
            or type(value) is not int
            or name[:1] == "_"
            or name in defined
            or name in _INVALID
            or name in member_map
        ):
            return None
        member = new_member(enum_class, value) if use_args else new_member(enum_class)
        member._value_ = value if plain else int(value)
        member._name_ = name
        member.__objclass__ = enum_class
        member.__init__(value)
        member._sort_order_ = len(member_names)
        single = value != 0 and value & (value - 1) == 0
        if flag:
            flag_mask |= value
            if single:
                singles |= value
        canonical = value_map.get(value)
        if canonical is not None:
            member = canonical  # an alias
        elif not flag or single:
            member_names.append(name)
        put(enum_class, name, member)
        member_map[name] = member
        value_map.setdefault(value, member)
    if singles_kept:
        put(enum_class, "_flag_mask_", flag_mask)
        put(enum_class, "_singles_mask_", singles)
        put(enum_class, "_all_bits_", 2 ** (flag_mask.bit_length()) - 1)
    elif flag:
        put(enum_class, "_flag_mask_", singles)
    for key, value in after:
        if key == "__reduce_ex__" and "__reduce_ex__" in body:
            continue  # (the body's own, as in the functional API: the loop only fills in what is missing)
        put(enum_class, key, value)
    if flag:
        values = [member._value_ for member in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_
    return enum_class


def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):  # noqa: A002
    """``EnumType._create_`` (the functional API), with PySide6's one call pattern made by `_made`."""
    if module is None:  # the caller's module, exactly as the standard library's looks for it
        try:
            module = sys._getframe(2).f_globals["__name__"]
        except (AttributeError, ValueError, KeyError):
            module = None
        known = module is not None
    else:
        known = True
    if (
        boundary is _KEEP
        and qualname is None
        and type is None
        and start == 1
        and cls in _BASES
        and (made := _made(cls, class_name, names, module)) is not None
    ):
        return made
    if not known:  # no caller: the standard library would make it unpicklable too (here its
        # __reduce_ex__ comes last in the class's dictionary rather than first: PySide6's own calls
        # with no caller are made by `_made`, exactly)
        made = _STDLIB_CREATE(cls, class_name, names, module="<unknown>", qualname=qualname, type=type,
                              start=start, boundary=boundary)  # fmt: skip
        enum._make_class_unpicklable(made)
        return made
    return _STDLIB_CREATE(
        cls, class_name, names, module=module, qualname=qualname, type=type, start=start, boundary=boundary
    )


_BASES = frozenset((enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag))


# A probe of the flag masks and aliases: a multi-bit member with a bit no single one has (its mask of single bits
# and of every value differ), a zero and a repeat.
_PROBE = [("C", 4), ("AB", 3), ("A", 1), ("Zero", 0), ("Again", 1)]


def _seen(cls: Any) -> tuple:
    """What a class made by the functional API shows: its dictionary's keys in order, its plain values (the
    masks a member's complement and `_missing_` are made from, the member names), its members and iteration."""
    plain = [(key, value) for key, value in vars(cls).items() if type(value) in (int, str, list, bool)]
    members = [(name, member._value_) for name, member in cls.__members__.items()]
    return list(vars(cls)), plain, members, [member._name_ for member in cls]


def _same_as_standard() -> bool:
    """`_made` follows the enum code of the 3.11s it was checked on (3.11.7, and 3.11.2: Debian 12's own Python,
    which keeps a flag's masks otherwise). Another 3.11 may make classes otherwise still, and a class unlike its
    own can break at once (when 3.11.2's masks were not followed, ``~Qt.KeyboardModifier.KeypadModifier`` raised
    in ``Flag._missing_``: the page took no key). So the running Python's own code makes a small flag class
    first, and `_made` must make the same one (about 0.2 ms), else nothing is installed."""
    try:
        # (a Flag: where 3.11s are known to differ; IntFlag's code is Flag's, and an Enum's members are made by
        # the same code as a Flag's, less the masks)
        standard = _STDLIB_CREATE(enum.Flag, "Probe", _PROBE, module=__name__, boundary=_KEEP)
        quick = _made(enum.Flag, "Probe", list(_PROBE), __name__)
        if quick is None or _seen(quick) != _seen(standard):
            return False
    except Exception:  # (an enum module unlike any 3.11's this was written for: leave it alone)
        return False
    return True


def install() -> bool:
    """Make PySide6's enum classes with `_made`; False (nothing changed) on a Python other than 3.11, or a
    3.11 whose own code makes classes otherwise (`_same_as_standard`)."""
    if sys.version_info[:2] != (3, 11) or not hasattr(enum, "_make_class_unpicklable"):
        return False
    if not _same_as_standard():
        return False
    setattr(enum.EnumType, "_create_", _create_)  # noqa: B010  (not in the stubs)
    return True


def uninstall() -> None:
    setattr(enum.EnumType, "_create_", _STDLIB_CREATE)  # noqa: B010
