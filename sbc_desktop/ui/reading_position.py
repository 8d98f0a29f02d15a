"""A topic opens where its reader left it (at home), without a whole-page step on the UI thread.

The position is a fraction of the page's height, so it needs the whole page, in and laid out.
It used to add every piece still to come at once (`Reader.ensure_complete`: up to 5 s on the
longest NCI page), and scrolling before the layout is done has the reader lay the rest out at
once (`Reader._scrolled`: 0.2-0.3 s there). Now the page comes in its pieces and is laid out in
its steps, as any page is (ui/reader.py, ui/page_document.py), and the position is set then,
unless the user has scrolled meanwhile (their place wins) or gone to another page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from .reader import Reader

CHECK_MS = 20  # how often a wait for the page's layout looks
GIVE_UP_S = 60.0  # ... and when it stops waiting


def when_laid_out(reader: Reader, call: Callable[[], None]) -> None:
    """Call now if the page is whole and laid out, else once it is (dropped if another page comes first)."""
    page = reader.page_number
    if reader.is_laid_out():
        call()
        return
    timer = QTimer(reader)
    timer.setInterval(CHECK_MS)
    left = [int(GIVE_UP_S * 1000 / CHECK_MS)]

    def check() -> None:
        left[0] -= 1
        if reader.page_number != page or left[0] <= 0 or reader.is_laid_out():
            timer.stop()
            timer.deleteLater()
            if reader.page_number == page and reader.is_laid_out():
                call()

    timer.timeout.connect(check)
    timer.start()


def restore_position(reader: Reader, fraction: float) -> None:
    """Scroll ``reader`` to ``fraction`` of its page once the page is whole and laid out (see above)."""
    bar = reader.verticalScrollBar()

    def scroll() -> None:
        if bar.value() == 0:  # else the user has scrolled while the page came
            reader.place(round(fraction * bar.maximum()))  # (not the reader's own scrolling)

    when_laid_out(reader, scroll)
