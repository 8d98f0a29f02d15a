"""Starts content/prerender.py beside the window: the library rendered into the disk cache.

Started a few seconds after the first page is on screen (the window and the search index
come first), at low priority, in a process of its own. It ends on its own when done;
when the window closes first, it is stopped. A frozen bundle has no `python -m` to run
it: there, pages are cached as they are read (the renderer writes each one it renders).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

if TYPE_CHECKING:  # (QProcess and its enums are made when the render starts, after the first paint)
    from PySide6.QtCore import QProcess

DELAY_MS = 3000  # after the first paint


class BackgroundRender(QObject):
    def __init__(self, content: Path, cache_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.content = Path(content)
        self.cache_dir = Path(cache_dir)
        self.process: QProcess | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @staticmethod
    def available() -> bool:
        return not getattr(sys, "frozen", False) and bool(sys.executable)

    def start_later(self, delay_ms: int = DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        if self.process is not None or not self.available():
            return
        from PySide6.QtCore import QProcess

        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self.process.setStandardOutputFile(QProcess.nullDevice())
        args = ["-m", "sbc_desktop.content.prerender", str(self.content), str(self.cache_dir)]
        self.process.start(sys.executable, args)

    def stop(self) -> None:
        if self.process is None:
            return
        from PySide6.QtCore import QProcess

        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
            self.process.waitForFinished(2000)
