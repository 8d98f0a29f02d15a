"""A row of controls is shown whole or not at all (ui/keep_whole.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from sbc_desktop.ui.keep_whole import KeepWhole


def test_the_row_goes_while_its_pane_is_too_low_and_comes_back_whole(qtbot):
    pane = QWidget()
    qtbot.addWidget(pane)
    row = QPushButton("Read aloud", pane)
    layout = QVBoxLayout(pane)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # (squeezed, as above the keyboard)
    layout.addWidget(row)
    layout.addWidget(QTextBrowser(pane), 1)
    KeepWhole(row)
    pane.resize(400, 300)
    pane.show()
    qtbot.waitExposed(pane)
    assert row.isVisible()
    need = 2 * row.minimumSizeHint().height()
    pane.resize(400, need - 1)  # the on-screen keyboard and search results leave a strip
    qtbot.waitUntil(lambda: not row.isVisible())
    pane.resize(400, need + 40)
    qtbot.waitUntil(row.isVisible)
    assert row.height() >= row.minimumSizeHint().height()


def test_a_row_hidden_for_another_reason_stays_hidden(qtbot):
    pane = QWidget()
    qtbot.addWidget(pane)
    row = QPushButton("Read aloud", pane)
    QVBoxLayout(pane).addWidget(row)
    KeepWhole(row)
    row.hide()  # (no speech engine at this kiosk)
    pane.resize(400, 10)
    pane.show()
    pane.resize(400, 400)
    qtbot.wait(10)
    assert not row.isVisible()
