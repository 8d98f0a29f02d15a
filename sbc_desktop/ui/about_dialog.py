"""About: the version, what the guide is, and that it is not personal advice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import version
from ..packs.manifest import ContentVersion


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, content: ContentVersion | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(QCoreApplication.translate("AboutDialog", "About this guide"))
        self.setAccessibleName(QCoreApplication.translate("AboutDialog", "About this guide"))
        title = QLabel(QCoreApplication.translate("AboutDialog", "Secondary Breast Cancer Guide"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        self.version_label = QLabel(QCoreApplication.translate("AboutDialog", "Version {0}").format(version()), self)
        self.version_label.setAccessibleName(self.version_label.text())
        self.content_label = QLabel(content_line(content) if content else "", self)
        self.content_label.setWordWrap(True)
        self.content_label.setAccessibleName(self.content_label.text())
        self.content_label.setVisible(content is not None)
        text = QLabel(
            QCoreApplication.translate(
                "AboutDialog",
                "Plain-English information about secondary (metastatic) breast cancer, for patients, "
                "their families and the nurses who care for them.\n\n"
                "This is general information, not advice about any one person. Your treatment team "
                "knows your situation best: ask them about anything to do with you.\n\n"
                "Each topic names its sources and shows when it was last reviewed.",
            ),
            self,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(QCoreApplication.translate("AboutDialog", "Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.version_label, self.content_label, text, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)


def content_line(content: ContentVersion) -> str:
    """ "Content: Content pack 7, published 1 December 2026. Next review due 1 June 2027." in words."""
    from ..pages import long_date

    text = QCoreApplication.translate("AboutDialog", "Content: {0}").format(content.label)
    if content.published:
        text += QCoreApplication.translate("AboutDialog", ", published {0}").format(long_date(content.published))
    if content.review_due:
        text += QCoreApplication.translate("AboutDialog", ". Next review due {0}").format(long_date(content.review_due))
    return text + "."
