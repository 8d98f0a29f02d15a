"""What the command line says on stderr while the search index reads the pages' text (once per content)."""

from __future__ import annotations

import sys
from typing import TextIO

from .plurals import english


class IndexProgress:
    """``building`` says the index is being built (or finished) and why it takes time; ``progress``
    then shows how far it is: updated in place on a terminal, a line every tenth otherwise."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self._tenth = -1
        self._shown = False

    def building(self, left: int, total: int) -> None:
        pages = english(total, "page", "pages")
        if left >= total:
            what = f"Building the search index for {pages}, once; this can take a few minutes..."
        else:
            read = total - left
            what = (
                f"Finishing the search index: {read:,} of {pages} "
                f"{'was' if read == 1 else 'were'} read before; this can take a few minutes..."
            )
        print(f"sbc-desktop: {what}", file=self.stream, flush=True)

    def progress(self, done: int, total: int) -> None:
        line = f"  read {done:,} of {english(total, 'page', 'pages')} ({100 * done // max(total, 1)}%)"
        if self._tty():
            self.stream.write("\r" + line + ("\n" if done >= total else ""))
            self.stream.flush()
            return
        tenth = 10 * done // max(total, 1)
        if tenth != self._tenth:
            self._tenth = tenth
            print(line, file=self.stream, flush=True)

    def _tty(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError):
            return False
