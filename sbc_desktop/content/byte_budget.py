"""Caches bounded by what they hold in memory, not by how many things or characters.

A rendered page is far more than its characters: its HTML and text (one or two bytes a
character, four for some pages, as Python stores the widest character a string holds), its links
and headings as objects, each with its own strings. A bound in characters let the renderer's
pages take anywhere from 8 to 30 MB on the NCI pages, depending on which pages it held: memory
that swung by several MB as a reader moved between pages. ``ByteLRU`` keeps an estimate of
bytes (``sys.getsizeof`` of what each entry holds, counted once when it is put in) under a
stated budget.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from .rendered import Link, Rendered

K = TypeVar("K")
V = TypeVar("V")

# An object of a frozen dataclass (Link, Heading): the object, its attribute dict and its slot in a
# tuple, without the values (measured with tracemalloc on CPython 3.11).
OBJECT_BYTES = 170
# A rendered page's own object and attribute dict, and what its parts' strings lose to the allocator's
# rounding (measured: pages of one part were otherwise under-counted by a fifth).
PAGE_BYTES = 1500


def strings_bytes(strings: Iterable[str]) -> int:
    """What these strings take (each its own object: shared ones are counted again)."""
    return sum(map(sys.getsizeof, strings))


class ByteLRU(Generic[K, V]):
    """Most recently used kept, least recently used dropped once past ``max_bytes`` or ``max_items``.

    ``size_of(value)`` estimates one value's bytes; it is called once, when the value is put in.
    The most recent entry is always kept, even alone over the budget (the page being read).
    Not thread-safe: its owner holds a lock around it where threads share it.
    """

    def __init__(self, max_bytes: int, max_items: int, size_of: Callable[[V], int]):
        self.max_bytes = max_bytes
        self.max_items = max_items
        self._size_of = size_of
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.bytes = 0  # the estimate for all entries held

    def get(self, key: K) -> V | None:
        """The value, now the most recently used; None when not held."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def peek(self, key: K) -> V | None:
        """The value without making it the most recently used."""
        entry = self._entries.get(key)
        return None if entry is None else entry[0]

    def put(self, key: K, value: V) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        size = self._size_of(value)
        self._entries[key] = (value, size)
        self.bytes += size
        while len(self._entries) > 1 and (len(self._entries) > self.max_items or self.bytes > self.max_bytes):
            _key, (_value, dropped) = self._entries.popitem(last=False)
            self.bytes -= dropped

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[K]:
        """Least recently used first."""
        return list(self._entries)


def rendered_bytes(result: Rendered) -> int:
    """About what a rendered page takes in memory: its HTML parts, text, links, headings and terms."""
    return (
        PAGE_BYTES
        + sys.getsizeof(result.parts)
        + strings_bytes(result.parts)
        + sys.getsizeof(result.text)
        + sys.getsizeof(result.links)
        + sum(links_bytes(link) for link in result.links)
        + sys.getsizeof(result.headings)
        + sum(OBJECT_BYTES + sys.getsizeof(h.text) + sys.getsizeof(h.anchor) for h in result.headings)
        + sys.getsizeof(result.terms)
        + strings_bytes(result.terms)
    )


def links_bytes(link: Link) -> int:
    """One link: its object, address, target, words and line (its kind is one of a few shared strings)."""
    size = OBJECT_BYTES + sys.getsizeof(link.href) + sys.getsizeof(link.text) + sys.getsizeof(link.line)
    return size + (sys.getsizeof(link.target) if link.target is not link.href else 0)


# One answer kept in a dict: its slot in the table, the key's and the answer's tuples.
ANSWER_BYTES = 250


def fixed_link_bytes(href: str, answer: tuple[str, str, str | None]) -> int:
    """About what one kept answer of the renderer's link fixing takes (the key's base address is the
    topic's own, not counted)."""
    _kind, target, written = answer
    size = ANSWER_BYTES + sys.getsizeof(href)
    if target is not href:
        size += sys.getsizeof(target)
    if written is not None and written is not target and written is not href:
        size += sys.getsizeof(written)
    return size
