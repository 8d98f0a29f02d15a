"""Pictures a start draws from the same text every time, kept as their pixels in the start's kept file
(code_cache) so that the next start does not draw them again.

A start draws its toolbar's and read-aloud row's icons (`ui/icons.py`) from SVG text: 16 renders before
the first paint, about 7.5 million instructions, almost all of it Qt reading the SVG and stroking its
paths. Each is a 48x48 image whose pixels depend only on that text, its size and the Qt that drew it;
here the pixels are kept by exactly that (the key is the SVG text itself, the size and Qt's version),
so a kept image is the very one the SVG draws, and any other icon, colour, size or Qt is another key:
drawn, never an older picture.

The entries live in the file code_cache reads anyway (one read, one unmarshal: no file of their own);
it writes them with its own after the first paint, at home only: a kiosk writes nothing (it reads
what the install or a home start left, else draws). Only what this process asked for before its first
paint is written (`stop_keeping`): the file never grows with themes that have gone. Anything in the
file not of the right shape -- another type, a length that is not the image's -- is not used.

Imports nothing of Qt: the caller makes the image (`ui/icons.py`).
"""

from __future__ import annotations

from collections.abc import Callable

_kept: dict[tuple, bytes] = {}  # key -> pixels, as read from the file
_used: dict[tuple, bytes] = {}  # what this process asked for before its first paint: what code_cache writes
_keeping = True
made = 0  # drawn here, not found kept (for code_cache: whether there is anything new to write; tests)


def take(entries: object) -> int:
    """The entries read from the kept file (anything not of their shape is left out); how many."""
    return take_fitting(_kept, entries, _fits)


def take_fitting(kept: dict, entries: object, fits: Callable[[object, object], bool]) -> int:
    """``kept`` made of the entries read from the kept file that ``fits`` (a dict of anything else: none
    of it); how many. (Every part of the kept file is taken so: its entries' shapes are checked.)"""
    kept.clear()
    if isinstance(entries, dict):
        kept.update((key, value) for key, value in entries.items() if fits(key, value))
    return len(kept)


def _fits(key: object, pixels: object) -> bool:
    return (
        type(key) is tuple
        and len(key) == 4
        and type(key[0]) is str
        and all(type(part) is int for part in key[1:3])
        and type(key[3]) is str
        and type(pixels) is bytes
        and key[1] > 0
        and len(pixels) == key[1] * key[2]  # (a row's bytes x rows)
    )


def key_of(text: str, width_bytes: int, rows: int, drawer: str) -> tuple:
    """What a picture is kept by: the text it is drawn from, its rows' length in bytes and their number
    (its size and pixel format), and what draws it (e.g. Qt's version)."""
    return (text, width_bytes, rows, drawer)


def found(key: tuple) -> bytes | None:
    """The pixels kept for ``key``, or None (then draw it and `keep` them)."""
    pixels = _used.get(key) or _kept.get(key)
    if pixels is not None and _keeping:
        _used[key] = pixels
    return pixels


def keep(key: tuple, pixels: bytes) -> None:
    """Note a picture drawn here, for the next start (only before the first paint: `stop_keeping`)."""
    global made
    if _keeping and _fits(key, pixels):
        made += 1
        _used[key] = pixels


def used() -> dict[tuple, bytes]:
    return dict(_used)


def stop_keeping() -> None:
    """From now on nothing is added (the first paint)."""
    global _keeping
    _keeping = False
