"""What find in page, read aloud and a search's result need of a topic shown in parts (the reader's own
names behind it): how many parts, which is shown, each part's HTML without showing it, and showing one."""

from __future__ import annotations

from typing import Protocol


class ShownParts(Protocol):
    def count(self) -> int: ...  # the shown topic's parts (1: a page not in parts)
    def shown(self) -> int: ...  # the part on screen, from 0
    def topic(self) -> str: ...  # the topic's address, without its part
    def html(self, part: int) -> str: ...  # a part's HTML, as the reader would show it (not shown)
    def show(self, part: int) -> None: ...  # show that part (its change said, as Next part says it)
