"""The running QApplication, typed: widgets only exist once app.py has made it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("sbc-desktop: widgets need a QApplication (create it first)")
    return app
