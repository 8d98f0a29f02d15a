"""The widget style: Fusion, with the controls people must find drawn in the theme's colours.

Fusion draws check boxes, text-field frames and the focus box in shades derived from
the palette, which in our themes measure 1.0-1.9:1 against their background (WCAG
1.4.11 asks 3:1). Here the box of a check box (also in lists), the frame of a text
field and the focus box of the current item are drawn in the theme's own `border` and
`focus` colours, so their contrast is the theme's, checked in tests/ui/test_contrast.py.
Disabled controls are drawn dashed and without fill, so they look unavailable.

Sizes are Fusion's, answered in C++: a Python `pixelMetric` here ran for every metric of every
layout of every widget (about 700 calls, each making Python enum members, in the first search
key's steps alone). The few controls whose size follows their text (check boxes, radio buttons,
lists with boxes to tick, menus with marks, text boxes with a clear button) are given `SizedStyle`, by
`grow_with_text` where they are made (and `grow_controls` for Qt's own dialogs).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QToolBar,
    QToolButton,
    QWidget,
)

from .appearance import Theme

_Primitive = QStyle.PrimitiveElement
_Metric = QStyle.PixelMetric
_INDICATOR_SIZES = (
    _Metric.PM_IndicatorWidth,
    _Metric.PM_IndicatorHeight,
    _Metric.PM_ExclusiveIndicatorWidth,
    _Metric.PM_ExclusiveIndicatorHeight,
)
_LINE_EDIT_ICON = (_Metric.PM_LineEditIconSize, _Metric.PM_LineEditIconMargin)
_CHECKS = (_Primitive.PE_IndicatorCheckBox, _Primitive.PE_IndicatorItemViewItemCheck)


_APP_STYLE: ThemedStyle | None = None  # the application's style, as the last window set it


def style_application(app: QApplication, theme: Theme, again: bool) -> None:
    """The application's style in ``theme``: ``again``, the same style drawing in the new theme's colours
    from its next paint (no widget polished again); else a new one, set on the application."""
    global _APP_STYLE
    if again and _APP_STYLE is not None:
        _APP_STYLE.theme = theme
    else:  # Fusion (follows the palette everywhere), controls in theme colours
        _APP_STYLE = ThemedStyle(theme)
        app.setStyle(_APP_STYLE)


def grow_with_text(*widgets: QWidget) -> None:
    """These controls' boxes and clear buttons grow with their text (`SizedStyle`). Without an
    application style of ours (a widget tested on its own) they keep the application's."""
    if _APP_STYLE is not None:
        for widget in widgets:  # (best before the widget is first shown: a new style polishes it again)
            widget.setStyle(_APP_STYLE.sized)


def grow_controls(root: QWidget) -> None:
    """`grow_with_text` for every check box, radio button and checkable group in ``root`` (Qt's own
    dialogs, made whole by Qt), and in the dialogs Qt makes from it later (the preview's Page setup, the
    print dialog's Properties: made in C++ when the nurse asks for them)."""
    grow_with_text(*root.findChildren(QCheckBox), *root.findChildren(QRadioButton), *root.findChildren(QGroupBox))
    if root.findChild(_LaterDialogs, options=Qt.FindChildOption.FindDirectChildrenOnly) is None:
        root.installEventFilter(_LaterDialogs(root))


class _LaterDialogs(QObject):
    """Grows the controls of a dialog Qt makes as a child of a watched one, as it is first polished
    (shown): its widgets are whole by then."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]  # (a QChildEvent)
            if isinstance(child, QWidget) and child.isWindow() and child.inherits("QDialog"):
                grow_controls(child)
        return False


class _Drawn(QProxyStyle):
    """Fusion, with the controls people must find drawn in the theme's colours."""

    def __init__(self, theme: Theme):
        super().__init__(QStyleFactory.create("Fusion"))
        self.theme = theme

    def drawPrimitive(self, element, option: QStyleOption, painter: QPainter, widget=None) -> None:  # noqa: N802
        if element in _CHECKS:
            self._draw_check(option, painter)
            return
        if element == _Primitive.PE_FrameFocusRect:
            if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QToolBar):
                self._draw_focus(option, painter, QRectF(widget.rect()))  # round the whole button
            elif not isinstance(widget, QAbstractButton):  # other buttons' focus ring is in the style sheet
                self._draw_focus(option, painter)
            return
        if element in (_Primitive.PE_FrameLineEdit, _Primitive.PE_Frame):
            self._draw_field_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == _Primitive.PE_PanelButtonCommand and self._enabled(option):
            self._draw_outline(option, painter)  # a button's edge is seen in every theme

    def drawComplexControl(self, control, option, painter: QPainter, widget=None) -> None:  # noqa: N802
        if control == QStyle.ComplexControl.CC_ScrollBar:
            # In the window's colours: the reader's background (app.qss) would reach its scroll bars'
            # palette too, as style sheets now let it through (ui/theme_colours.py).
            window = QApplication.palette()
            window.setCurrentColorGroup(option.palette.currentColorGroup())
            option.palette = window
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ScrollBar and self._enabled(option):
            self._draw_thumb(option, painter, widget)

    def _draw_thumb(self, option, painter: QPainter, widget) -> None:
        """A scroll bar's thumb in the theme's border colour: Fusion's measured 1.2-1.6:1 against its
        track (high contrast: black on black), so where one is on a long page could not be seen."""
        slider = QStyle.SubControl.SC_ScrollBarSlider
        thumb = self.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, slider, widget)
        if thumb.isEmpty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.theme.border))
        painter.drawRoundedRect(QRectF(thumb).adjusted(2, 2, -2, -2), 3, 3)
        painter.restore()

    def _enabled(self, option: QStyleOption) -> bool:
        return bool(option.state & QStyle.StateFlag.State_Enabled)

    def _draw_check(self, option: QStyleOption, painter: QPainter) -> None:
        theme, state = self.theme, option.state
        enabled = self._enabled(option)
        rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
        side = min(rect.width(), rect.height())
        box = QRectF(0, 0, side, side)
        box.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(theme.border if enabled else theme.disabled_text), max(2.0, side / 9))
        if not enabled:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        ticked = bool(state & (QStyle.StateFlag.State_On | QStyle.StateFlag.State_NoChange))
        fill = theme.highlight if ticked and enabled else theme.base
        painter.setBrush(QColor(fill) if enabled else Qt.BrushStyle.NoBrush)
        inset = pen.widthF() / 2
        painter.drawRoundedRect(box.adjusted(inset, inset, -inset, -inset), 2, 2)
        if state & QStyle.StateFlag.State_On:
            mark = QPainterPath(QPointF(box.left() + side * 0.22, box.top() + side * 0.52))
            mark.lineTo(box.left() + side * 0.42, box.top() + side * 0.72)
            mark.lineTo(box.left() + side * 0.78, box.top() + side * 0.28)
            colour = theme.highlighted_text if enabled else theme.disabled_text
            painter.setPen(QPen(QColor(colour), max(2.0, side / 7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(mark)
        elif state & QStyle.StateFlag.State_NoChange:
            painter.fillRect(box.adjusted(side * 0.25, side * 0.42, -side * 0.25, -side * 0.42),
                             QColor(theme.highlighted_text))  # fmt: skip
        painter.restore()

    def _draw_focus(self, option: QStyleOption, painter: QPainter, rect: QRectF | None = None) -> None:
        painter.save()
        painter.setPen(QPen(QColor(self.theme.focus), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect((rect or QRectF(option.rect)).adjusted(1, 1, -1, -1))
        painter.restore()

    def _draw_outline(self, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.theme.border), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.restore()

    def _draw_field_frame(self, option: QStyleOption, painter: QPainter) -> None:
        enabled = self._enabled(option)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        colour = self.theme.focus if focused and enabled else self.theme.border if enabled else self.theme.disabled_text
        pen = QPen(QColor(colour), 2 if focused else 1)
        if not enabled:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = pen.widthF() / 2
        painter.drawRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset))
        painter.restore()


class SizedStyle(_Drawn):
    """The themed style, with the sizes that follow the text, for the few controls that need them."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt override
        if metric in _LINE_EDIT_ICON and widget is not None:
            # A text box's clear button grows with the box: in the kiosk's 44 px boxes and at 200%
            # text a 16 px cross is too small to hit. QLineEdit sizes and places it by these two,
            # asking them several times a key: answered in one call to Fusion, where Qt's own answer
            # goes through this style and back three times (the small icon size, a quarter of it).
            icon = max(
                self.baseStyle().pixelMetric(_Metric.PM_SmallIconSize, option, widget), round(widget.height() * 0.5)
            )
            return icon if metric == _Metric.PM_LineEditIconSize else icon // 4
        value = super().pixelMetric(metric, option, widget)
        if metric in _INDICATOR_SIZES:
            # Check boxes grow with the text (at 200% a 13 px box is lost beside 27 px letters).
            font = widget.font() if widget is not None else QApplication.font()
            return max(value, round(QFontMetrics(font).height() * 0.8))
        return value


class ThemedStyle(_Drawn):
    """The application's style: Fusion's sizes, and its `sized` companion for `grow_with_text`."""

    def __init__(self, theme: Theme):
        super().__init__(theme)
        self.sized = SizedStyle(theme)
        # Kept while the application lives: a widget given it may outlive this style.
        self.sized.setParent(QApplication.instance())

    @property
    def theme(self) -> Theme:
        return self._theme

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._theme = theme
        if "sized" in vars(self):  # (not yet, as it is made)
            self.sized.theme = theme
