"""The window's side of a long page read in parts (part of the main window's wiring).

The reader says which reading part of its page it shows (`Reader.readingPartShown`); here the bar of
"Previous part" / "Next part" buttons under the page follows it (made the first time a page has parts,
so a start makes nothing more), as do the Go menu's Next part (Ctrl+PgDown) and Previous part (Ctrl+PgUp).
A part asked for by a button or a key opens at its top with the keyboard focus in the page, so a screen
reader reads on from its start and Tab goes on to its links; what a screen reader is told on arriving is
in `arrival_words`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout

from ..pages import part_asked, part_url
from .history_in_place import go_in_place
from .reading_parts_bar import ReadingPartsBar


class ReadingPartsView:
    def __init__(self, window) -> None:
        self.window = window
        self.bar: ReadingPartsBar | None = None  # made when a page first has parts
        self._for_result: str | None = None  # the address a search result opens (see opening_result)
        # The part said as a page being built arrived, (the reader's page number, the part's index): not said again
        # when it is in, counted or not (the count comes in silently, as on a part shown early).
        self._said_arriving = (-1, -1)
        reader = window.reader
        reader.readingPartShown.connect(self._shown)
        window.commands.next_part.triggered.connect(lambda: self.go_to(reader.part_index() + 1))
        window.commands.previous_part.triggered.connect(lambda: self.go_to(reader.part_index() - 1))
        reader.pageBuilt.connect(lambda _url: self._say_built())
        self._shown(0, 1)

    def go_to(self, index: int) -> None:
        """Show reading part ``index`` of the page (a button or a key asked): at its top, the page focused."""
        reader = self.window.reader
        if not 0 <= index < reader.part_count() or index == reader.part_index():
            return
        reader.go_to_part(index)
        reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def _shown(self, index: int, count: int) -> None:
        commands, reader = self.window.commands, self.window.reader
        commands.next_part.setEnabled(index < count - 1)
        commands.previous_part.setEnabled(index > 0)
        if count > 1 and self.bar is None:
            self.bar = ReadingPartsBar(reader.parentWidget())
            layout = reader.parentWidget().layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(reader) + 1, self.bar)
            self.bar.partRequested.connect(self.go_to)
        if self.bar is not None:
            self.bar.show_part(index, count, reader.part_title)

    def part_words(self) -> str:
        """ "Part 2 of 5, Stages of breast cancer" for the part shown ("" for a page shown whole)."""
        reader = self.window.reader
        count = reader.part_count()
        if count <= 1:
            return ""
        index = reader.part_index()
        if not reader.parts_counted():  # (shown before the rest of the page came: how many is not known yet)
            return QCoreApplication.translate("MainWindow", "Part {0}, {1}").format(index + 1, reader.part_title(index))
        return QCoreApplication.translate("MainWindow", "Part {0} of {1}, {2}").format(
            index + 1, count, reader.part_title(index)
        )

    def arrival_words(self, title: str, same_topic: bool) -> str:
        """What a screen reader hears as a page is shown: its title; for a reading part, the part too (the part
        alone when it is another part of the same page)."""
        part, reader = self.part_words(), self.window.reader
        # (a part of a page whose pieces are still coming is known as it is built: said now, not again when in)
        self._said_arriving = (reader.page_number, reader.part_index()) if part and reader.is_building() else (-1, -1)
        if not part:
            return title
        return part if same_topic else f"{title}. {part}"

    def _say_built(self) -> None:
        """A page that said "Loading..." is in, in parts: which part is shown is said (unless it was as it came)."""
        reader = self.window.reader
        part, said, self._said_arriving = self.part_words(), self._said_arriving, (-1, -1)
        if part and said != (reader.page_number, reader.part_index()):
            self.window.announce(part)

    def opening_result(self, address: str) -> None:
        """``address`` is being opened for a search result: at the part with the words, not the part left."""
        self._for_result = address

    # -- the reading position kept at home: the part (from 0) plus the place in it (0..1) ---------------
    def position(self, fraction: float) -> float:
        """The reading position to keep for ``fraction`` (0..1) of the part shown."""
        return self.window.reader.part_index() + min(round(fraction, 4), 0.9999)

    def fraction_to_restore(self, address: str, kept: float) -> float:
        """The place (0..1) to restore on the page just shown at ``address``, its position kept as ``kept``.

        A page in parts opened as a whole (from the topic list, a link to the topic) goes on to the part
        left, in the place of the first in the history (on the next turn: this is the new page's own
        signal); a part named by its address keeps only its own place."""
        reader = self.window.reader
        part, fraction = int(kept), kept - int(kept)
        if reader.part_count() <= 1:
            return fraction if part == 0 else 0.0
        asked = part_asked(address)
        topic = self.window.pages.topic_at(address)
        for_result, self._for_result = self._for_result, None
        afresh = not reader.came_from_history() and for_result != address  # (Back, Forward, a result: as they are)
        if afresh and asked is None and 0 < part < reader.part_count() and topic is not None:
            page = reader.page_number

            def on_to_part() -> None:
                if reader.page_number == page:  # (not if the reader has moved on meanwhile)
                    go_in_place(reader, part_url(topic.id, part))

            QTimer.singleShot(0, reader, on_to_part)
            return 0.0
        return fraction if (asked or 0) == part else 0.0
