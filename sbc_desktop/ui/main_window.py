"""The main window: the one place that wires the panes together."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from ..care_team import CareTeam
from ..content.library import Library, Topic
from ..counts import grouped
from ..notes import AppointmentNotes, DebouncedSaver, NotesError, NotesStore
from ..pages import GLOSSARY_URL, HOME_URL, Pages, part_url
from ..plurals import counted
from ..policy import Policy
from ..session import ReadingSession
from ..settings import Settings
from . import accessible_factory, theme_colours
from .announcer import Announcer
from .appearance import Appearance, app_style_sheet, reader_style_sheet, theme_label
from .find_bar import FindBar
from .find_in_page import FindInPage
from .first_paint import AfterFirstPaint
from .fitted import FittedToReader
from .glossary_find import GlossaryFind
from .handout_actions import HandoutActions
from .heap_trim import HeapTrim
from .history_in_place import go_in_place
from .history_limit import BoundedHistory
from .idle_collect import IdleCollect
from .lazy_dock import LazyDock, keep_tab_place
from .nav_tree import NavTree
from .page_find import Highlighter, words_pattern
from .parts_find import FirstPart
from .policy_view import TOUCH_STYLE, apply_policy
from .preferences_dialog import PreferencesDialog
from .qt_app import application
from .read_aloud import ReadAloud, ReadAloudBar
from .reader import Reader
from .reading_parts_view import ReadingPartsView
from .reading_position import restore_position
from .reading_prefs import apply_reading_font
from .search_field import SearchField
from .search_service import SearchService
from .session_panes import connect_appointment, connect_session
from .shown_parts import ShownParts
from .themed_style import style_application
from .toolbar_layout import arrange_toolbars, fit_search_field
from .unsaved_dialog import confirm_unsaved
from .urgent_help import UrgentHelp
from .window_actions import WindowActions

if TYPE_CHECKING:  # imported when first used: start-up does not wait for them
    from collections.abc import Callable

    from ..content.search import SearchResult
    from ..handout.export import Handout
    from .appointment_panel import AppointmentPanel
    from .glossary_popup import GlossaryPopup
    from .made_ahead import MadeAhead
    from .search_panel import SearchPanel

BASE_POINT_SIZE = 10.0  # widget text at 100%: menus, buttons, labels
WIDGETS_A_PART = 12  # the window's widgets met in one part of the search panel made ahead (_search_panel_steps)
READY_NOTICE_S = 0.5  # a page that said "Loading..." this long is announced when it is ready


class MainWindow(QMainWindow):
    linkOutRequested = Signal(QUrl)  # a link to another web site, where no browser may open

    def __init__(
        self,
        library: Library,
        settings: Settings | None = None,
        cache_dir: Path | None = None,
        notes_store: NotesStore | None = None,
        appearance: Appearance | None = None,
        parent=None,
        *,
        policy: Policy | None = None,
    ):
        super().__init__(parent)
        self.appearance = appearance or Appearance()
        self.policy = policy or Policy.home(remember=settings is not None)
        if self.policy.touch:  # the touch sizes are styled now too (apply_policy set them later: a second re-polish)
            self.extra_style = TOUCH_STYLE
        self._styled: tuple | None = None
        self._style_application()  # before the widgets exist: set after, it re-polishes every one
        self.library = library
        self.settings = settings if self.policy.remember else None  # None: nothing written to disk
        self.pages = Pages.for_window(library, cache_dir)  # cache_dir None (kiosk): rendered pages kept in memory only
        self.notes_store = notes_store or NotesStore(None)
        notes, notes_problem = self._load_notes()
        # All of the patient's state, in one place (see session.py); the panes follow it.
        self.session = ReadingSession(
            self.policy, notes, self.appearance,
            self.settings.reading_positions() if self.settings else {}, parent=self,
            spread=self.settings.spread() if self.settings else (),
        )  # fmt: skip
        self.notes = self.session.notes
        self._positions = self.session.positions  # topic id -> 0..1 (a page in parts: its part, from 0, + 0..1)
        self._scrolled_early: tuple[str, int] | None = None  # (topic, page number): see _note_position
        self._topic: Topic | None = None  # the topic being read, if any
        self.saver = DebouncedSaver(self.notes_store, self.notes, parent=self)
        # cache_dir None: index in memory. Pages the reader has rendered (memory or disk) are not parsed again.
        self.search = SearchService(
            library,
            cache_dir,
            self,
            rendered_of=lambda t: self.pages.renderer.text_of(t),
            known_of=lambda t: self.pages.renderer.known_text(t),
        )
        self.setObjectName("mainWindow")
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Secondary breast cancer guide"))

        # The panes are made in the places they are shown in (a widget moved into another is styled and
        # resolved again, with all of its own: about 15 ms of a start); their order is set below.
        central = QWidget(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)  # (self.splitter once built: see _dock_shown)
        self.tree = NavTree(library, splitter)
        reading = QWidget(splitter)  # the reader with its find bar below it
        accessible_factory.install()
        self.announcer = Announcer(self)  # what changes on screen is also spoken
        self.reader = Reader(self.pages, "", reading)
        self.after_first_paint = AfterFirstPaint(self.reader.viewport(), self)
        self.history_limit = BoundedHistory(self.reader)
        # A long page's freed memory given back once the reader pauses on a whole page.
        self.heap_trim = HeapTrim(self, busy=lambda: not self.reader.is_complete())
        self.idle_collect = IdleCollect(self, busy=lambda: not self.reader.is_laid_out())
        self._popup: GlossaryPopup | None = None  # made when a word is first looked up (see popup)
        self._same_page = False  # reloading the page shown (take_library): its title is not said again
        self.problem_banner = self._make_problem_banner()
        self.search_field = SearchField(self)
        self._search_panel: SearchPanel | None = None  # made once search is ready, or at the first search
        self.search_ahead: MadeAhead | None = None  # makes it once search is ready (see _make_search_panel_ahead)
        self._text_note: tuple | None = None  # the search text's last progress or failure, for a panel made later
        self.find_bar = FindBar(reading)
        self.highlighter = Highlighter(self.reader)
        self.shown_parts = ShownParts(self.reader)  # a long topic's parts: found in, read aloud and opened at
        self.highlighter.skipped = self.shown_parts.find_skips
        self.finder = FindInPage(
            self.find_bar,
            self.highlighter,
            GlossaryFind(self.pages, self, touch=self.policy.touch),
            shown_parts=self.shown_parts,
        )
        # A long glossary's next letter with a match: in the place of the letter left (Back: where they came from).
        self.finder.goRequested.connect(lambda url: go_in_place(self.reader, url))
        self.read_aloud = ReadAloud(self.reader, parent=self, shown_parts=self.shown_parts)
        self.read_aloud.skipped = self.shown_parts.read_skips
        self._first_part = FirstPart(self)  # a search's result: the first part of a long topic with its words
        self.read_aloud_bar = ReadAloudBar(self.read_aloud, reading)
        self.read_aloud_bar.stackUnder(self.reader)  # first among the reading area's children, as on screen
        self.read_aloud_bar.spoken.connect(self.announce)
        # "My appointment": the dock now, the panel in it when it first opens (see appointment).
        self._appointment: AppointmentPanel | None = None
        self.appointment_dock = LazyDock(
            QCoreApplication.translate("MainWindow", "My appointment"), self, self._make_appointment
        )
        self.appointment_dock.setObjectName("appointmentDock")
        self.appointment_dock.setAccessibleName(QCoreApplication.translate("MainWindow", "My appointment"))
        self.appointment_dock.setMinimumWidth(360)
        self.appointment_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.appointment_dock)
        self.appointment_dock.opening.connect(self._dock_opening)
        self.appointment_dock.visibilityChanged.connect(self._dock_shown)
        self.appointment_dock.hide()
        self.handouts = HandoutActions(self, self.make_handout, say=self.announce)

        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.read_aloud_bar)
        reading_layout.addWidget(self.reader, 1)
        reading_layout.addWidget(self.find_bar)

        self.splitter = splitter
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(reading)
        self._reading_area = reading
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])

        central.raise_()  # (after the dock among the window's children, as it was made here before)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.problem_banner:
            layout.addWidget(self.problem_banner)
        layout.addWidget(self.splitter, 1)  # the search results go above it when first needed
        self._central_layout = layout
        self.setCentralWidget(central)
        self.commands = WindowActions(self, self.appointment_dock.toggleViewAction())
        self.toolbar, self.view_toolbar = self.commands.toolbars(self.search_field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.view_toolbar)
        self.commands.menus(self.menuBar())
        self.urgent = UrgentHelp(self)
        self.commands.back.setEnabled(False)
        self.commands.forward.setEnabled(False)
        # (a second start's first part knows the whole library has a glossary: no button comes later)
        self.commands.glossary.setVisible(bool(library.glossary or (library.whole_names or ((), ()))[1]))
        self._wire()
        self._said_of: str | None = None  # the address whose title was last said
        self.reading_parts = ReadingPartsView(self)  # a long page's parts: the bar, keys, what is said
        self.fitted = FittedToReader(self)  # "Where has it spread for you?"
        connect_session(self)
        if self.policy.kiosk:  # made at once: each patient's kiosk is the same as a freshly started one
            self.appointment_dock.make_contents()
            self.popup  # noqa: B018 - made now
            self.search_panel  # noqa: B018 - made now
        apply_policy(self)
        self.apply_appearance()
        self.resize(1200, 800)
        if self.settings:
            self._restore()
        self._fit_screen()
        if notes_problem:
            self.statusBar().showMessage(notes_problem, 20000)

    # -- building -------------------------------------------------------------------
    def _make_problem_banner(self) -> QLabel | None:
        if not self.library.errors:
            return None
        left_out = len(self.library.left_out)
        if left_out:  # in plain words for the reader; the details are for staff, in 'check'
            what = (
                QCoreApplication.translate("MainWindow", "One page could not be shown.")
                if left_out == 1
                else counted(
                    QCoreApplication.translate("MainWindow", "%n pages could not be shown.", "", left_out), left_out
                )
            )
            text = (
                what
                + " "
                + QCoreApplication.translate(
                    "MainWindow",
                    "Everything else here loaded correctly. "
                    "Staff can run 'sbc-desktop check' to see what needs fixing.",
                )
            )
        else:
            text = QCoreApplication.translate(
                "MainWindow",
                "Some of this content could not be read, so a few pages may be missing. "
                "Everything shown here loaded correctly. Staff can run 'sbc-desktop check' "
                "to see what needs fixing.",
            )
        label = QLabel(text, self)
        label.setObjectName("problemBanner")
        label.setWordWrap(True)
        label.setAccessibleName(QCoreApplication.translate("MainWindow", "Content problems"))
        label.setContentsMargins(12, 8, 12, 8)
        theme_colours.own_colours(label, theme_colours.banner_style_sheet(self.appearance.theme))
        return label

    def _wire(self) -> None:
        a = self.commands
        for action, slot in (
            (a.back, self.reader.backward), (a.forward, self.reader.forward), (a.home, self.reader.go_home),
            (a.glossary, lambda: self.reader.go(GLOSSARY_URL)), (a.search, self.focus_search),
            (a.find, self.find_bar.open_bar), (a.find_next, self.find_bar.find_next),
            (a.find_previous, self.find_bar.find_previous), (a.add_topic, self._add_topic_to_handout),
            (a.preview, self.handouts.preview), (a.print, self.handouts.print_handout),
            (a.save_handout, self.handouts.save_as), (a.preferences, self.edit_preferences), (a.quit, self.close),
            (a.larger, lambda: self.appearance.step(1)), (a.smaller, lambda: self.appearance.step(-1)),
            (a.normal_size, lambda: self.appearance.step(0)), (a.next_pane, lambda: self.move_focus(1)),
            (a.previous_pane, lambda: self.move_focus(-1)), (a.about, self.show_about),
            (a.read_aloud, self.read_aloud.toggle),
        ):  # fmt: skip
            action.triggered.connect(slot)
        a.theme_group.triggered.connect(lambda action: self.appearance.set_theme(action.data()))
        self.appearance.changed.connect(self.apply_appearance)
        self.tree.pageRequested.connect(self.reader.go)
        self.reader.verticalScrollBar().valueChanged.connect(self._note_position)
        self.reader.pageLaidOut.connect(self._note_scrolled_position)
        self.reader.pageLaidOut.connect(self.tree.catch_up)  # its row, if out of view, once the page is in
        self.reader.pageLaidOut.connect(self.idle_collect.page_laid_out)  # collections then, not in a page's steps
        self.reader.pageLeaving.connect(self._note_place_left)
        self.reader.sourceChanged.connect(self.read_aloud.page_changed)  # (stops, but in the part it reads on in)
        self.reader.sourceChanged.connect(self._page_changed)
        self.reader.sourceChanged.connect(self.heap_trim.page_changed)
        self.reader.pageBuilt.connect(self._page_built)
        # A part shown before the rest of its page came: the reading position and find, once the page is counted.
        self.reader.partsCounted.connect(lambda: self._page_text_in(self.reader.current_url()))
        self.reader.backwardAvailable.connect(a.back.setEnabled)
        self.reader.forwardAvailable.connect(a.forward.setEnabled)
        self.reader.zoomRequested.connect(self.appearance.step)
        self.reader.termActivated.connect(self.show_term)
        self.reader.placeReached.connect(self._say_entry)
        self.reader.externalLinkRequested.connect(self.open_external)
        self.reader.pageMissing.connect(
            lambda url: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "There is no page called {0}.").format(url), 8000
            )
        )
        self.reader.messageRequested.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.statusBar().messageChanged.connect(self.announce)  # every status message is spoken
        # Search: the field asks, the service answers, the panel shows, the reader opens.
        self.search_field.focused.connect(lambda: self.after_first_paint.call(self.search.start))
        self.search_field.queryChanged.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self.search.hold())  # a key: the pages' text waits
        self.search_field.moveSelection.connect(lambda step: self._to_results("move_selection", step))
        self.search_field.activated.connect(lambda: self._to_results("open_current"))
        self.search_field.cleared.connect(lambda: self._to_results("hide"))
        self.search.ready.connect(lambda: self.run_search(self.search_field.text(), typed=False))
        self.search.ready.connect(self._make_search_panel_ahead)  # the results panel, made while nobody types
        self.search.textAdded.connect(lambda done, total: self._note_text("show_text_progress", done, total))
        self.search.moreText.connect(self.search_again)  # at most once a second while only read
        self.search.textFailed.connect(lambda done, total: self._note_text("show_text_failed", done, total))
        self.search.failed.connect(lambda _why: self.run_search(self.search_field.text()))
        self.search.failed.connect(
            lambda why: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Search is not available: {0}").format(why), 10000
            )
        )
        self.find_bar.findRequested.connect(self.find_in_page)
        self.find_bar.countSettled.connect(self.announce)
        self.saver.failed.connect(
            lambda why: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Your notes could not be saved: {0}").format(why)
            )
        )
        self.saver.saved.connect(self._clear_save_failure)
        self.handouts.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.find_bar.closed.connect(lambda: self.reader.setFocus(Qt.FocusReason.OtherFocusReason))
        a.appointment.triggered.connect(self._appointment_toggled)

    # -- made on first use --------------------------------------------------------------
    @property
    def popup(self) -> GlossaryPopup:
        """The glossary pop-up, made the first time a word is looked up."""
        if self._popup is None:
            from .glossary_popup import GlossaryPopup

            popup = self._popup = GlossaryPopup(self)
            theme_colours.paint_popup(popup, self.appearance.theme)
            popup.ensurePolished()  # its style sheet's fonts now, as if made with the window (before set_reading_style)
            popup.speakRequested.connect(self.read_aloud.speak_text)
            popup.spoken.connect(self.announce)
            popup.readMoreRequested.connect(lambda topic_id: self.reader.go(f"topic:{topic_id}"))
            popup.set_reading_style(self.appearance.reading)
        return self._popup

    @property
    def made_popup(self) -> GlossaryPopup | None:
        return self._popup

    @property
    def appointment(self) -> AppointmentPanel:
        """The "My appointment" panel, made the first time the dock opens (or anything asks for it)."""
        self.appointment_dock.make_contents()
        assert self._appointment is not None
        return self._appointment

    @property
    def made_appointment(self) -> AppointmentPanel | None:
        return self._appointment

    @property
    def search_panel(self) -> SearchPanel:
        """The search results, made ahead once search is ready (_make_search_panel_ahead), or at the first search
        before that (or whenever anything asks for them): above the topics and the page, and in the Tab order
        right after the page, as when made at start."""
        if self._search_panel is None:
            from .search_panel import SearchPanel

            panel = self._search_panel = SearchPanel(self._central_layout.parentWidget())
            self._central_layout.insertWidget(self._central_layout.indexOf(self.splitter), panel)
            panel.stackUnder(self.splitter)  # and before it for a screen reader too (its order of children)
            keep_tab_place(panel, self.reader)  # where it was when made at start: after the page, before find
            panel.spoken.connect(self.announce)
            panel.resultChosen.connect(self.open_result)
            panel.pageRequested.connect(self.reader.go)
            self._size_search_panel()
            if self._text_note is not None:
                getattr(panel, self._text_note[0])(*self._text_note[1:])
        return self._search_panel

    @property
    def made_search_panel(self) -> SearchPanel | None:
        return self._search_panel

    def _make_search_panel_ahead(self) -> None:
        """Search is ready (after the first paint: the field's focus starts it): the results panel is made now,
        in short parts while nobody types (made_ahead.py), not at the first key's search."""
        if self.search_ahead is None:
            from .made_ahead import MadeAhead

            self.search_ahead = MadeAhead(self._search_panel_steps(), self)
            self.search_ahead.start()

    def _search_panel_steps(self) -> list[Callable[[], bool | None]]:
        """The results panel made ahead (made_ahead.py), in parts of a few milliseconds each: its module;
        Python's classes for the window's widgets it meets in the Tab order, a few widgets a part; the panel
        in its place; its style and sizes; a result row's fonts. A part whose panel a search has made already
        does nothing."""
        met = [0]  # how many of the window's widgets are met (no widget is held between parts: one may go)

        def module() -> None:
            from . import search_panel  # noqa: F401

        def widget_classes() -> bool:  # (each widget's class is made as Python first meets it)
            step: QWidget | None = self
            met[0] += WIDGETS_A_PART
            for _ in range(met[0]):  # (those met before are met again quickly: their classes are made)
                step = step.nextInFocusChain() if step is not None else None
                if self._search_panel is not None or step is None or step is self:
                    return False
            return True

        def made() -> None:
            self.search_panel  # noqa: B018 - made now

        def styled() -> None:
            panel = self.search_panel
            panel.ensurePolished()
            panel.sizeHint()

        return [module, widget_classes, made, styled, lambda: self.search_panel.warm()]

    def _to_results(self, how: str, *args) -> None:
        """To the results panel, if it has been made (before: no result to move to or open, nothing to hide)."""
        if self._search_panel is not None:
            getattr(self._search_panel, how)(*args)

    def _note_text(self, how: str, done: int, total: int) -> None:
        """The search text's progress (or failure), to the results panel now or when it is made."""
        self._text_note = (how, done, total)
        self._to_results(how, done, total)

    def _make_appointment(self) -> None:
        from .appointment_panel import AppointmentPanel

        # The symptom log is a home thing: only where notes are kept (never at a kiosk).
        panel = AppointmentPanel(
            self.library, self.notes, self, symptom_log=self.notes_store.path is not None, touch=self.policy.touch
        )
        self._appointment = panel
        self.appointment_dock.setWidget(panel)
        panel.ensurePolished()  # as if made with the window
        # In the Tab order where it always was: after the page's read-aloud bar, before the toolbars.
        keep_tab_place(panel, after=self.read_aloud_bar.speed)
        panel.urgentHelpRequested.connect(self.urgent.open)
        panel.said.connect(self.announce)
        # Appointment notes: the panel edits, the saver keeps them, the handout prints them.
        panel.changed.connect(self.saver.schedule)
        panel.changed.connect(self._update_handout_action)
        panel.previewRequested.connect(self.handouts.preview)
        panel.printRequested.connect(self.handouts.print_handout)
        panel.saveRequested.connect(self.handouts.save_as)
        panel.set_spread(self.fitted.places)
        panel.set_topic(self._topic)
        apply_reading_font(panel, self.appearance.reading)
        connect_appointment(self)

    def _appointment_toggled(self, shown: bool) -> None:
        """Opening "My appointment" puts the patient in their notes; closing it, back on the page."""
        target = self.appointment.notes_edit if shown else self.reader
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- behaviour ------------------------------------------------------------------
    def open_start_page(self, topic_id: str | None = None) -> None:
        if topic_id:
            if self.library.topic(topic_id):
                self.reader.go(f"topic:{topic_id}")
                return
            self.reader.go_home()
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "There is no topic called '{0}'.").format(topic_id), 10000
            )
            return
        last = self.settings.last_page() if self.settings else ""
        self.reader.go(last if last and self.pages.exists(last) else HOME_URL)

    def take_library(self, full: Library, pending: str | None = None, *, say_ready: bool = True) -> None:
        """The whole library, arrived after a first start showed its first page (library_arrival).

        Every pane shares one Library object: it takes the new contents, and the panes that
        drew from the part (the topic list, the page's glossary links, the panel) are drawn
        again. ``pending``: the page asked for at start (or read last), opened now if the
        welcome page had to stand in for it.
        """
        from .page_renewal import PageRenewal

        address = self.reader.current_url()
        made = self.pages.made_whole(address)  # a second start's page: as the whole library renders it
        vars(self.library).update(vars(full))
        self.library.complete = True
        same = self.pages.take_whole(made)  # a renderer for the whole library; is the page still right?
        self.tree.rebuild(self.library)
        self.fitted.mark_tree()
        self.commands.glossary.setVisible(bool(self.library.glossary))
        self._arrange_toolbars()  # the Glossary button may have come with it
        if self.problem_banner is None:
            self.problem_banner = self._make_problem_banner()
            if self.problem_banner is not None:
                central = self.centralWidget()
                layout = central.layout() if central is not None else None
                if isinstance(layout, QVBoxLayout):
                    layout.insertWidget(0, self.problem_banner)
        if self._appointment is not None:
            self._appointment.set_spread(self.fitted.places)
        if pending and address == HOME_URL != pending.split("#")[0] and self.pages.exists(pending):
            self.reader.go(pending)
        else:
            if not same:  # the same page, now with its glossary words and links, at the same place
                self._renewal = PageRenewal(self.reader, self.pages, self._reload_same_page)
                self._renewal.renew()
            self.tree.show_url(address)
        # (``say_ready`` False: a second start, whose list was complete the last time: nothing new to say)
        topics = len(self.library.topics)
        message = counted(
            QCoreApplication.translate("MainWindow", "All %n topics are ready.", "", topics), topics, grouped(topics)
        )
        if pending and pending.startswith("topic:") and not self.pages.exists(pending):  # as open_start_page says it
            message = QCoreApplication.translate("MainWindow", "There is no topic called '{0}'.").format(pending[6:])
        elif not say_ready:
            message = ""
        if message:
            self.statusBar().showMessage(message, 8000)
        if self.search_field.text().strip():
            self.run_search(self.search_field.text())

    def _reload_same_page(self) -> None:
        self._same_page = True  # (its title is not said again)
        try:
            self.reader.reload_in_place()
        finally:
            self._same_page = False

    def _page_changed(self, url: QUrl) -> None:
        address = url.toString()
        title = self.pages.title_for(address) or QCoreApplication.translate("MainWindow", "Page not found")
        self.setWindowTitle(title)
        self.reader.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Page: {0}").format(title)
        )  # what a screen reader says on entering
        if not self._same_page:
            said = self.pages.topic_at(self._said_of or "")
            same_topic = said is not None and said is self.pages.topic_at(address)
            self.announce(self.reading_parts.arrival_words(title, same_topic))
        self._said_of = address
        self.tree.show_url(address)
        if self._popup is not None:
            self._popup.close()
        self.highlighter.clear()
        self.finder.page_changed(address)
        self._topic = self.pages.topic_at(address)
        if not self.reader.is_building() and self.reader.parts_counted():  # else once its text is in (_page_built)
            self._page_text_in(address)
        if self._appointment is not None:
            self._appointment.set_topic(self._topic)
        self._update_handout_action()
        if self.settings and self.pages.exists(address):
            self.settings.set_last_page(address.split("#")[0])

    def _page_text_in(self, address: str) -> None:
        """The page's text is in the reader: its reading position, and find in page again."""
        self._restore_position(address)
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self.find_in_page(self.find_bar.field.text(), 0)

    def _page_built(self, url: QUrl) -> None:
        """A page that said "Loading..." is shown; when that took a while, a screen reader says so."""
        if self.reader.parts_counted():  # (else once the rest of its page is in: partsCounted)
            self._page_text_in(url.toString())
        if self.reader.build_seconds() >= READY_NOTICE_S:
            title = self.pages.title_for(url.toString())
            self.announce(QCoreApplication.translate("MainWindow", "{0}: page ready.").format(title))

    # -- appointment notes and handouts ------------------------------------------------
    def _load_notes(self) -> tuple[AppointmentNotes, str]:
        try:
            notes = self.notes_store.load()
        except NotesError as exc:
            return AppointmentNotes(), str(exc)
        if self.notes_store.set_aside:
            return notes, QCoreApplication.translate(
                "MainWindow", "Your saved notes could not be read. They were kept in {0}."
            ).format(self.notes_store.set_aside)
        return notes, ""

    def current_topic(self) -> Topic | None:
        return self._topic

    def _add_topic_to_handout(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        self.appointment.add_current_topic()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Added “{0}” to your handout.").format(topic.title), 6000
        )

    def _update_handout_action(self) -> None:
        topic = self.current_topic()
        self.commands.add_topic.setEnabled(topic is not None and topic.id not in self.notes.handout_topics)

    def care_team(self) -> CareTeam:
        return self.settings.care_team() if self.settings else self.kiosk_care_team

    kiosk_care_team = CareTeam()  # without settings (the kiosk): from the kiosk configuration only
    extra_style = ""  # added to the widget style sheet (the kiosk's touch sizes)

    def make_handout(self) -> Handout:
        """The handout as it stands: chosen topics (or the one open), questions, notes."""
        notes = copy.deepcopy(self.notes)
        current = self.current_topic()
        if not notes.handout_topics and current is not None:
            notes.handout_topics = [current.id]
        large = self.session.large_print
        from ..handout.builder import HandoutOptions
        from ..handout.export import Handout

        options = HandoutOptions(large_print=large, clinic=self.care_team(), reading=self.appearance.reading)
        return Handout(self.library, self.pages, notes, options)

    def edit_preferences(self, care_team_first: bool = False) -> None:
        """Preferences; from the urgent-help page (`care_team_first`) the day-and-night number has the focus."""
        dialog = PreferencesDialog(self.care_team(), self, reading=self.appearance.reading)
        if care_team_first:
            dialog.urgent_phone.setFocus(Qt.FocusReason.OtherFocusReason)
        if dialog.exec():
            self.appearance.set_reading(dialog.reading_style())
            team = dialog.care_team()
            if self.settings:
                self.settings.set_care_team(team)
            else:
                self.kiosk_care_team = team
            self.urgent.care_team_changed()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()
        if self.search_field.text():
            self.run_search(self.search_field.text())

    def search_again(self) -> None:
        """More of the pages' text is searchable: the results on show take it in."""
        # Not while a key's search is due: it takes the new text in (and shows what is typed, not the last word).
        panel = self._search_panel
        if panel is not None and (panel.isVisible() or panel.appearing) and not self.search_field.typing:
            self.run_search(self.search_field.text(), typed=False)  # not typing: the next text lands at once

    def run_search(self, query: str, typed: bool = True) -> None:
        if not query.strip():
            if self._search_panel is not None:
                self._search_panel.hide()
            return
        if not self.library.complete:  # the library is still arriving: search all of it, in a moment
            self.search_panel.show_waiting()
            return
        response = self.search.search(query, boost=self.fitted.boost(), typed=typed)
        if response is None:  # the index is still being opened or built, or could not be
            if self.search.error:
                self.search_panel.show_unavailable()
                return
            self.search.start()
            self.search_panel.show_waiting()
            return
        care_topic = "care-team" if self.library.topic("care-team") else ""
        self.search_panel.show_response(response, self.care_team(), care_topic, typed=typed)

    def open_result(self, result: SearchResult, words: list[str]) -> None:
        """Open a search result, scroll to the first match and highlight every match: a long topic in parts at
        the first part that has the words."""
        url = f"topic:{result.ref}" if result.kind == "topic" else self.pages.term_url(result.ref)
        self.search_panel.hide()
        self._first_part.cancel()
        pattern = words_pattern(words)
        split = self.pages.known_reading_parts(url) if result.kind == "topic" else None
        if split is None or pattern is None:
            self._open_result_at(url, pattern, result.kind != "term")
            return
        # Cut in parts already: the first part with the words looked for (in steps on a long page), then opened.
        self._first_part.seek(
            len(split),
            split.html,
            pattern,
            lambda part: self._open_result_at(part_url(result.ref, part) if part else url, pattern),
        )

    def _open_result_at(self, url: str, pattern: re.Pattern[str] | None, first_match: bool = True) -> None:
        self.reading_parts.opening_result(url)  # (not on to the part left: the result's part is shown)
        self.reader.go(url)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

        def show_matches() -> None:  # a long page parsed in the worker: once it is shown (if still open)
            # The glossary page: at the entry itself (its #anchor); a topic: at its first match.
            self.highlighter.find_all(pattern, select_first=first_match)

        def in_parts() -> None:  # cut in parts once it came: the first part with the words, if not this one
            parts = self.shown_parts
            if pattern is None or parts.count() < 2:
                show_matches()
                return
            shown = self.reader.page_number

            def found(part: int) -> None:
                if self.reader.page_number != shown:
                    return  # (another page came first)
                if part == parts.shown():
                    show_matches()
                    return
                # In the first part's place in the history: Back goes where the search was made, not to part 1.
                topic = self.pages.topic_at(parts.topic())
                if topic is not None:
                    go_in_place(self.reader, part_url(topic.id, part))
                self.reader.when_complete(show_matches)

            self._first_part.seek(parts.count(), parts.html, pattern, found)

        self.reader.after_build(in_parts if first_match else show_matches)

    def find_in_page(self, text: str, direction: int) -> None:
        self.finder.find(text, direction)

    def _say_entry(self, place: str) -> None:
        """A glossary word gone to (from the search results) is on screen: a screen reader says it and its meaning."""
        term = self.library.glossary.get(place[len("term-") :]) if place.startswith("term-") else None
        if term is not None and self.pages.glossary.is_glossary(self.reader.current_url()):
            self.announce(f"{term.term}: {term.definition}")

    def show_term(self, term_id: str, anchor: QRect) -> None:
        term = self.library.glossary.get(term_id)
        if term is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "That word is not in the glossary."), 5000
            )
            return
        topic = self.library.topic(term.topic) if term.topic else None
        if topic is not None and topic is self._topic:
            topic = None  # no "Read more" to the page already open
        self.popup.show_term(term, anchor, topic.title if topic else "")

    def open_external(self, url: QUrl) -> None:
        if not self.policy.open_browser:  # the kiosk: an address and a QR code, never a browser
            self.linkOutRequested.emit(url)
            return
        if not QDesktopServices.openUrl(url):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Could not open {0}.").format(url.toString()), 10000
            )
        else:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Opened {0} in your web browser.").format(url.toString()), 8000
            )

    # -- comfort and access -------------------------------------------------------------
    def _style_application(self) -> None:
        """Style, palette, font and style sheet of the whole application, when they change.

        Each of them re-polishes every widget there is: set once before the window is
        built, and again only when the theme, the text size or the extra style changes.
        """
        theme, scale = self.appearance.theme, self.appearance.scale
        if self._styled == (theme, scale, self.extra_style):
            return
        was, self._styled = self._styled, (theme, scale, self.extra_style)
        app = application()
        sheet = app_style_sheet(scale) + self.extra_style  # (the same in every theme)
        if was is None or was[0] != theme:  # (only what changed: each re-polishes every widget)
            style_application(app, theme, again=was is not None)
            theme_colours.set_theme(app, theme, sheet)  # the palette: no widget polished again but a few
        if was is None or was[1] != scale:
            font = QFont(app.font())
            font.setPointSizeF(BASE_POINT_SIZE * scale)
            app.setFont(font)
        if app.styleSheet() != sheet:
            theme_colours.let_palette_through()
            app.setStyleSheet(sheet)

    def apply_appearance(self) -> None:
        """Theme and text size to every pane at once; remembered at home."""
        with self.reader.restyling():  # the same text stays at the top of the page (taken before any restyle)
            self._apply_appearance()

    def _apply_appearance(self) -> None:
        theme, scale = self.appearance.theme, self.appearance.scale
        self._style_application()
        reading = self.appearance.reading  # text spacing and reading font (WCAG 1.4.12)
        self.reader.set_style_sheet(reader_style_sheet(theme, reading))
        if self.problem_banner is not None:
            theme_colours.own_colours(self.problem_banner, theme_colours.banner_style_sheet(theme))
        self.reader.setFont(reading.font_for(self.reader.font()))
        if self._popup is not None:
            theme_colours.paint_popup(self._popup, theme)
            self._popup.set_reading_style(reading)
        if self._appointment is not None:
            apply_reading_font(self._appointment, reading)
        self.commands.paint_icons(theme.button_text)
        self.urgent.paint(theme.highlighted_text)
        self.read_aloud_bar.paint_icons(theme.button_text)
        self.reader.focus_colours = (theme.focus, theme.base)
        side = round(20 * min(scale, 1.5))  # icons grow less than text: the labels carry the meaning
        for bar in (self.toolbar, self.view_toolbar):
            bar.setIconSize(QSize(side, side))
        self._arrange_toolbars()
        self.commands.themes[self.appearance.theme_choice].setChecked(True)
        self.tree.scheduleDelayedItemsLayout()
        self._share_width()
        if self.settings:
            self.settings.set_appearance(self.appearance.theme_choice, scale)
            self.settings.set_reading_style(reading)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Text size {0}%, {1} theme").format(
                round(scale * 100), theme_label(theme.name).lower()
            ),
            4000,
        )

    def _note_position(self, value: int) -> None:
        bar = self.reader.verticalScrollBar()
        if self._topic is None or not self.settings or self.reader.is_loading():
            return  # only the reader's own scrolling counts
        if not self.reader.is_laid_out():
            if self.reader.is_complete():  # laid out in steps: the page's height is an estimate so far
                self._scrolled_early = (self._topic.id, self.reader.page_number)  # noted once laid out, or left
            return
        if bar.maximum() > 0:
            self._positions[self._topic.id] = self.reading_parts.position(value / bar.maximum())

    def _note_scrolled_position(self) -> None:
        """A long page's height is known now: where the reader scrolled to while it was laid out counts."""
        scrolled, self._scrolled_early = self._scrolled_early, None
        if scrolled is not None or self.reader.verticalScrollBar().value() > 0:
            self._note_position(self.reader.verticalScrollBar().value())

    def _note_place_left(self) -> None:
        """The reader leaves a long page they scrolled while it was still laid out in steps: their place
        is a fraction of its estimated height (laying the rest out now would freeze the window)."""
        if self.reader.is_loading():
            return  # the page shown again in a new theme: at the same place, noted once laid out
        scrolled, self._scrolled_early = self._scrolled_early, None
        bar = self.reader.verticalScrollBar()
        if scrolled is not None and scrolled[1] == self.reader.page_number and bar.maximum() > 0:
            self._positions[scrolled[0]] = self.reading_parts.position(bar.value() / bar.maximum())

    def _restore_position(self, address: str) -> None:
        """At home, a topic opens where the reader left it (links to a place go there instead); a long one in
        parts, at the part left (see ReadingPartsView.fraction_to_restore)."""
        kept = self._positions.get(self._topic.id, 0.0) if self._topic else 0.0
        # (Asked with nothing kept too: a search result's mark is for this page only, review15 m5.)
        fraction = self.reading_parts.fraction_to_restore(address, kept)
        if fraction > 0 and "#" not in address:
            restore_position(self.reader, fraction)  # once the page is whole, unless the user has scrolled

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The toolbars' sizes are final only now (labels, fonts, the search field's example):
        # before, a row could be measured narrower than it is and the search field left behind
        # the toolbar's "More buttons" overflow.
        self._arrange_toolbars()
        if self.focusWidget() is None or self.focusWidget() is self.tree:
            # Start in the search field: F6 then goes to the topics, and F6 again to the page.
            self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._share_width()
        self._arrange_toolbars()

    def _fit_screen(self) -> None:
        """The whole window on its screen (a remembered size may be larger than this screen)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.resize(min(self.width(), area.width()), min(self.height(), area.height()))

    def reserve_bottom(self, height: int) -> None:
        """Lay the panes out above the lowest ``height`` px, where the kiosk's on-screen keyboard
        is drawn; the topic list and page are squeezed, never drawn over the search results."""
        margins = self.contentsMargins()
        self.setContentsMargins(margins.left(), margins.top(), margins.right(), height)
        self.splitter.setMinimumHeight(1 if height else 0)  # (0: its own minimum again)
        self._arrange_toolbars()

    def _arrange_toolbars(self) -> None:
        """Large text: labels under icons; too narrow: well-known icons lose their labels first;
        then search and text size move to a row of their own."""
        scale = self.appearance.scale if hasattr(self, "appearance") else 1.0
        room = self._room()
        arrange_toolbars(self.toolbar, self.view_toolbar, self.commands, scale, room)
        others = self.view_toolbar.sizeHint().width() - self.search_field.sizeHint().width()
        fit_search_field(self.search_field, room - others - 16)
        self._size_search_panel()
        needed = self.toolbar.sizeHint().width() + self.view_toolbar.sizeHint().width()
        wrap = needed > self.width()
        if wrap != self.toolBarBreak(self.view_toolbar):
            (self.insertToolBarBreak if wrap else self.removeToolBarBreak)(self.view_toolbar)

    def _size_search_panel(self) -> None:
        """Search results grow with the text: room for two or three, never more than half the window."""
        panel = getattr(self, "_search_panel", None)  # (also asked while the window is being made)
        if panel is None:
            return
        scale = self.appearance.scale
        panel.setMaximumHeight(round(360 * scale))
        panel.setMinimumHeight(min(round(180 * scale), int(self.contentsRect().height() * 0.45)))

    def _room(self) -> int:
        """The width the window has: its own, but never more than its screen's."""
        screen = self.screen() or QApplication.primaryScreen()
        return min(self.width(), screen.availableGeometry().width()) if screen else self.width()

    def _dock_opening(self) -> None:
        """Before My appointment shows, the panes share the width as they will beside it, so that the window's
        minimum never passes its width: the window keeps its size (at 200 % text the topics' minimum beside the
        panel's made a 1,200 px window 1,275 px wide while it opened; `_dock_shown` then made the topics narrower)."""
        if hasattr(self, "splitter"):
            self._share_width(dock_open=True)
            self._settle_minimum()

    def _dock_shown(self, _shown: bool) -> None:
        if hasattr(self, "splitter"):
            self._share_width()
            self._settle_minimum()
            self._fit_screen()
            self._share_width()  # (the splitter's new width known: the topics take what the panel gave back)

    def _settle_minimum(self) -> None:
        """The window's minimum as the panes now share it (the topics may have stepped aside): Qt works it out
        in posted steps (a pane, then the one holding it, then the window), and a resize or a dock shown before
        them goes by the old, wider minimum (1,275 px on a 1,024 px screen)."""
        for _ in range(4):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _share_width(self, dock_open: bool | None = None) -> None:
        """Side panes never squeeze the page: it keeps about half the window. ``dock_open``: share it as with My
        appointment open (or closed), whether or not it is yet."""
        large = self.appearance.scale >= 1.5 if hasattr(self, "appearance") else False
        width = self._room()
        docked = not self.appointment_dock.isHidden() if dock_open is None else dock_open
        # At large text the topics widen for a title's longest word, unless My appointment needs the room.
        words = self.tree.width_for_words() if large and not docked else 0
        self.tree.setMaximumWidth(max(200, int(width * 0.28), min(words, int(width * 0.34))))
        self.appointment_dock.setMaximumWidth(max(360, int(width * (0.45 if large else 0.36))))
        # The panel scrolls: what it holds says how wide it wants to be.
        inner = self._appointment.widget() if self._appointment is not None else None
        dock = (inner.minimumSizeHint().width() if inner is not None else 320) + 40
        dock = min(dock, self.appointment_dock.maximumWidth()) if docked else 0
        # ... and are never squeezed to a sliver either: topic names stay readable at 200%. When the
        # topics, the page and "My appointment" cannot all fit, the topics step aside until it closes.
        tree_width = min(int(width * 0.18), self.tree.fontMetrics().averageCharWidth() * 12)
        whole = min(words, self.tree.maximumWidth())  # wide enough for long words, when there is room
        speed_label = self.read_aloud_bar.findChild(QLabel)
        if speed_label is not None:  # the speed list keeps its own name for screen readers
            speed_label.show()
            if self._reading_area.minimumSizeHint().width() + dock + 24 > width:
                speed_label.hide()
            elif not dock and self.read_aloud_bar.sizeHint().width() + max(tree_width, whole) + 24 > width:
                # With no panel open, "Speed:" goes before Read aloud's row is cut beside the topics
                # (800 px at 200%: "Read alou" and "Sto"); with the panel open the topics step aside.
                speed_label.hide()
        # (the page's area as wide as Read aloud's bar needs: its buttons' names whole, never "d a")
        reading = max(self._reading_area.minimumSizeHint().width(), self.read_aloud_bar.sizeHint().width())
        if whole + reading + dock + 24 <= width:
            tree_width = max(tree_width, whole)
        self.tree.setMinimumWidth(tree_width)
        shown = tree_width + reading + dock + 24 <= width
        self.tree.setVisible(shown)
        # Beside the panel the topics still get what is left, up to their longest word (at 200 % on a 1,200 px
        # window the panel took 408 px, 48 more than it holds, and the topics 194: "second-ary").
        room = max(tree_width, min(self.tree.width_for_words() if large else 0, self.tree.maximumWidth()))
        if dock and inner is not None and self.appointment_dock.isVisible() and self.appointment_dock.width() > dock:
            # the panel gives back what the page needs, then what the topics need; at the kiosk its buttons are
            # wider than its minimum says (the style sheet's padding: "Move up" cut at 360 px), so it keeps the
            # width it asks for
            left = width - (tree_width if shown else 0) - reading - 24
            keep = min(inner.sizeHint().width() + 40, left) if self.policy.touch else dock
            panel = max(dock, keep, left - (room - tree_width if shown else 0))
            self.resizeDocks([self.appointment_dock], [panel], Qt.Orientation.Horizontal)
        if shown and dock and (self._reading_area.width() < reading or self.tree.width() < room):  # ... and the page
            sizes = self.splitter.sizes()
            tree = max(tree_width, min(room, sum(sizes) - reading))
            self.splitter.setSizes([tree, sum(sizes) - tree])

    def move_focus(self, step: int) -> None:
        """F6: the topics, the page, the panel, the search field (and a handout's Cancel), in turn."""
        areas: list[QWidget] = [self.tree] if self.tree.isVisible() else []
        areas += [self.reader, self.read_aloud_bar.play_button]
        if self.appointment_dock.isVisible():
            areas.append(self.appointment.notes_edit)
        areas.append(self.search_field)
        if self.handouts.progress is not None and self.handouts.progress.isVisible():
            areas.append(self.handouts.progress.cancel_button)  # a handout being made: its Cancel
        current = next((i for i, w in enumerate(areas) if w.hasFocus() or w.isAncestorOf(self.focusWidget())), -1)
        areas[(current + step) % len(areas)].setFocus(Qt.FocusReason.TabFocusReason)

    def show_about(self) -> None:
        from ..packs.manifest import library_version
        from .about_dialog import AboutDialog

        AboutDialog(self, library_version(self.library)).exec()

    def announce(self, message: str) -> None:
        """Say ``message`` through a screen reader (see ui/announcer.py)."""
        self.announcer.say(message)

    # -- remembering ------------------------------------------------------------------
    def _restore(self) -> None:
        assert self.settings
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.splitter_state()
        if state is not None:
            self.splitter.restoreState(state)

    def _clear_save_failure(self) -> None:
        if (
            self.statusBar()
            .currentMessage()
            .startswith(QCoreApplication.translate("MainWindow", "Your notes could not be saved: {0}").format(""))
        ):
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Your notes are saved."), 5000)

    def save_notes_now(self) -> bool:
        """Save unsaved notes at once. True if nothing is left unsaved."""
        return not self.saver.unsaved() or self.saver.save_now()

    def quit_saving(self) -> None:
        """Log-out or shut-down (SIGTERM): save, and close without asking (no one may be there)."""
        self._quit_without_asking = True
        self.save_notes_now()
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        while not self.save_notes_now() and not getattr(self, "_quit_without_asking", False):
            answer = confirm_unsaved(self, self.saver.error)
            if answer == "cancel":
                event.ignore()
                return
            if answer == "drop":
                break
        self.read_aloud.stop()
        self.handouts.cancel()  # a handout still being made: nothing half-made is kept or printed
        self.notes_store.unlock()
        self.search.close()
        self.reader.elsewhere.close()  # (the helper rendering long pages)
        if self.settings:
            self.settings.set_geometry(self.saveGeometry())
            self.settings.set_splitter_state(self.splitter.saveState())
            self._note_place_left()  # (a long page still laid out)
            self.settings.set_reading_positions(self._positions)
            self.settings.sync()
        super().closeEvent(event)
