"""The main window: the one place that wires the panes together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..content.library import Library
from ..pages import GLOSSARY_URL, HOME_URL, Pages
from ..settings import Settings, read_style
from .glossary_popup import GlossaryPopup
from .nav_tree import NavTree
from .reader import Reader


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.library = library
        self.settings = settings  # None: remember nothing (nothing written to disk)
        self.pages = Pages(library)
        self.setObjectName("mainWindow")
        self.setAccessibleName(tr("Secondary breast cancer guide"))

        self.tree = NavTree(library, self)
        self.reader = Reader(self.pages, read_style("reader.css"), self)
        self.popup = GlossaryPopup(self)
        self.problem_banner = self._make_problem_banner()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.problem_banner:
            layout.addWidget(self.problem_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._make_actions()
        self._wire()
        self.resize(1200, 800)
        if self.settings:
            self._restore()

    # -- building -------------------------------------------------------------------
    def _make_problem_banner(self) -> QLabel | None:
        if not self.library.errors:
            return None
        label = QLabel(
            tr(
                "Some of this content could not be read, so a few pages may be missing. "
                "Everything shown here loaded correctly. Staff can run 'sbc-desktop check' "
                "to see what needs fixing."
            ),
            self,
        )
        label.setObjectName("problemBanner")
        label.setWordWrap(True)
        label.setAccessibleName(tr("Content problems"))
        label.setContentsMargins(12, 8, 12, 8)
        return label

    def _action(self, text: str, icon: QStyle.StandardPixmap, keys, slot, tip: str) -> QAction:
        action = QAction(self.style().standardIcon(icon), text, self)
        action.setShortcuts(keys if isinstance(keys, list) else QKeySequence.keyBindings(keys))
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.back_action = self._action(
            tr("Back"),
            sp.SP_ArrowBack,
            QKeySequence.StandardKey.Back,
            self.reader.backward,
            tr("Go back to the page you read before"),
        )
        self.forward_action = self._action(
            tr("Forward"),
            sp.SP_ArrowForward,
            QKeySequence.StandardKey.Forward,
            self.reader.forward,
            tr("Go forward again"),
        )
        self.home_action = self._action(
            tr("Home"),
            sp.SP_DirHomeIcon,
            [QKeySequence("Alt+Home")],
            self.reader.go_home,
            tr("Go to the welcome page"),
        )
        self.glossary_action = self._action(
            tr("Glossary"), sp.SP_FileDialogDetailedView, [QKeySequence("Ctrl+G")],
            lambda: self.reader.go(GLOSSARY_URL), tr("What the medical words mean, A to Z"),
        )  # fmt: skip
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        toolbar = QToolBar(tr("Navigation"), self)
        toolbar.setObjectName("navigationToolbar")
        toolbar.setAccessibleName(tr("Navigation"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.forward_action, self.home_action, self.glossary_action):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            button.setAccessibleName(action.text())
            button.setAccessibleDescription(action.statusTip())
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:  # shown when the window is too narrow for every button
            extension.setAccessibleName(tr("More buttons"))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _wire(self) -> None:
        self.tree.pageRequested.connect(self.reader.go)
        self.reader.sourceChanged.connect(self._page_changed)
        self.reader.backwardAvailable.connect(self.back_action.setEnabled)
        self.reader.forwardAvailable.connect(self.forward_action.setEnabled)
        self.reader.termActivated.connect(self.show_term)
        self.reader.externalLinkRequested.connect(self.open_external)
        self.reader.pageMissing.connect(
            lambda url: self.statusBar().showMessage(tr("There is no page called {0}.").format(url), 8000)
        )
        self.popup.readMoreRequested.connect(lambda topic_id: self.reader.go(f"topic:{topic_id}"))

    # -- behaviour ------------------------------------------------------------------
    def open_start_page(self, topic_id: str | None = None) -> None:
        if topic_id:
            if self.library.topic(topic_id):
                self.reader.go(f"topic:{topic_id}")
                return
            self.reader.go_home()
            self.statusBar().showMessage(tr("There is no topic called '{0}'.").format(topic_id), 10000)
            return
        last = self.settings.last_page() if self.settings else ""
        self.reader.go(last if last and self.pages.exists(last) else HOME_URL)

    def _page_changed(self, url: QUrl) -> None:
        address = url.toString()
        title = self.pages.title_for(address) or tr("Page not found")
        self.setWindowTitle(title)
        self.tree.show_url(address)
        self.popup.close()
        if self.settings and self.pages.exists(address):
            self.settings.set_last_page(address.split("#")[0])

    def show_term(self, term_id: str, anchor: QRect) -> None:
        term = self.library.glossary.get(term_id)
        if term is None:
            self.statusBar().showMessage(tr("That word is not in the glossary."), 5000)
            return
        topic = self.library.topic(term.topic) if term.topic else None
        self.popup.show_term(term, anchor, topic.title if topic else "")

    def open_external(self, url: QUrl) -> None:
        if not QDesktopServices.openUrl(url):
            self.statusBar().showMessage(tr("Could not open {0}.").format(url.toString()), 10000)
        else:
            self.statusBar().showMessage(tr("Opened {0} in your web browser.").format(url.toString()), 8000)

    # -- remembering ------------------------------------------------------------------
    def _restore(self) -> None:
        assert self.settings
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.splitter_state()
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.settings:
            self.settings.set_geometry(self.saveGeometry())
            self.settings.set_splitter_state(self.splitter.saveState())
            self.settings.sync()
        super().closeEvent(event)
