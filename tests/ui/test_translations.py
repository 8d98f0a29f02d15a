"""Translations end to end: every string extracted under its real context, and the generated
pseudo-translation (accented, ~40% longer) reaching every visible string without clipping."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QLabel, QMenu, QWidget

from sbc_desktop import translations
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.test_large_text import not_clipped

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "translations"


def _script():
    spec = importlib.util.spec_from_file_location("update_translations", REPO / "packaging" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], str | tuple[str, ...] | None]:
    """(context, source) -> the translation, or a count's forms ("%n result", "%n results")."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): _translation(message)
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _translation(message: ET.Element) -> str | tuple[str, ...] | None:
    if message.get("numerus") == "yes":
        return tuple(form.text or "" for form in message.iter("numerusform"))
    return message.findtext("translation")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], str | None]:
    """What pyside6-lupdate finds in sbc_desktop/ today."""
    out = tmp_path_factory.mktemp("lupdate") / "now.ts"
    script = _script()
    script.lupdate(script.python_sources(), [out])
    return messages(out)


def test_lupdate_extracts_every_string_under_a_real_context(extracted):
    assert len(extracted) > 400
    assert not [source for context, source in extracted if not context]  # no empty context
    contexts = {context for context, _ in extracted}
    assert {"MainWindow", "ReadAloud", "Pages", "Kiosk"} <= contexts
    # The command table, the menus and the reading speeds are extracted too.
    for source in ("Urgent help", "&File", "Make all the text bigger", "Very slow", "Very fast"):
        assert any(s == source for _, s in extracted), source


def test_no_module_hides_its_context_behind_a_wrapper():
    wrapper = re.compile(r"^def tr\(", re.MULTILINE)
    hidden = [p.name for p in (REPO / "sbc_desktop").rglob("*.py") if wrapper.search(p.read_text("utf-8"))]
    assert hidden == []


def test_committed_sources_are_current(extracted):
    base = messages(TS_DIR / "sbc-desktop_en.ts")
    assert set(base) == set(extracted), "run: .venv/bin/python packaging/update_translations.py"
    pseudo = messages(TS_DIR / "sbc-desktop_pseudo.ts")
    script = _script()
    assert pseudo == {
        key: tuple(map(script.pseudo, english)) if isinstance(english, tuple) else script.pseudo(key[1])
        for key, english in base.items()
    }


def test_every_count_has_its_english_forms():
    """Review8 m4 ("1 results"): a count is translated with Qt's plural forms (``self.tr("%n results", "", n)``,
    which lupdate marks numerus), and the English base gives English's two, finished, so a count of one is
    never "1 results" (English is the source language: `translations.install` loads the base only for these)."""
    root = ET.parse(TS_DIR / "sbc-desktop_en.ts").getroot()
    assert root.get("language") == "en_GB"
    counts = [message for message in root.iter("message") if message.get("numerus") == "yes"]
    assert any(message.findtext("source") == "%n results" for message in counts)
    for message in counts:
        translation = message.find("translation")
        forms = [form.text or "" for form in translation.iter("numerusform")]
        assert translation.get("type") is None and len(forms) == 2, message.findtext("source")
        assert all("%n" in form for form in forms) and forms[0] != forms[1], forms


@pytest.fixture
def english_app(qapp, tmp_path):
    """English as the Quick start installs it: the base's .qm built (here into the cache folder), and loaded for
    its counts by `translations.install`; taken out again after."""
    before = set(qapp.findChildren(translations.QTranslator))
    built = tmp_path / "translations" / "sbc-desktop_en.qm"
    assert translations.build(TS_DIR / "sbc-desktop_en.ts", built)
    assert translations.install("en", cache=tmp_path) is None  # the source language: no other strings change
    yield qapp
    for translator in set(qapp.findChildren(translations.QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_a_search_with_one_result_says_1_result(english_app, window, qtbot):
    """Typed in the search field: one result is "1 result", in the status and to a screen reader."""
    from tests.ui.test_search_ui import type_query

    said: list[str] = []
    window.announcer.said.connect(said.append)
    panel = type_query(window, qtbot, "acupuncture")  # in the pain page alone
    assert panel.list.count() == 1 and panel.status.text() == "1 result"
    assert "1 result" in said
    panel = type_query(window, qtbot, "herceptin")
    assert panel.list.count() == 2 and panel.status.text() == "2 results"
    assert QCoreApplication.translate("MainWindow", "Back") == "Back"


def test_pseudo_strings_are_accented_longer_and_keep_placeholders():
    pseudo = _script().pseudo
    assert pseudo("Back").startswith("[Báçk")
    text = "Are you still reading? Cleared in {seconds} seconds."
    out = pseudo(text)
    assert "{seconds}" in out and len(out) >= 1.3 * len(text)
    assert pseudo("&File").startswith("[&Fîlé")  # the mnemonic still works


@pytest.fixture
def pseudo_app(qapp, tmp_path):
    """The pseudo-translation built now (pyside6-lrelease) and installed, then taken out again."""
    before = set(qapp.findChildren(type(translations.QTranslator(qapp))))
    assert translations.install("pseudo", cache=tmp_path) == "pseudo"
    assert (tmp_path / "translations" / "sbc-desktop_pseudo.qm").is_file()
    yield qapp
    for translator in set(qapp.findChildren(type(translations.QTranslator(qapp)))) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible label, button, menu, action and dock title of the window."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.text().startswith("<"):
            found.append((widget.objectName() or "label", widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.text():
            found.append((widget.objectName() or "button", widget.text()))
        elif isinstance(widget, QDockWidget):
            found.append(("dock", widget.windowTitle()))
    for menu in window.menuBar().findChildren(QMenu):
        found.append(("menu", menu.title()))
        found += [("action", a.text()) for a in menu.actions() if a.text()]
    for action in window.commands.by_name.values():
        found += [("tooltip", action.toolTip()), ("status tip", action.statusTip())]
    return found


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in texts if re.search(r"[A-Za-z]", text) and "[" not in text]


@pytest.mark.parametrize("scale", [1.0, 2.0], ids=["100%", "200%"])
def test_pseudo_translation_reaches_every_visible_string_unclipped(pseudo_app, qtbot, library, scale):
    assert QCoreApplication.translate("MainWindow", "Back").startswith("[")
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    window.open_start_page()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.appearance.set_scale(scale)
    window.commands.appointment.trigger()  # the appointment panel too
    qtbot.waitUntil(window.appointment_dock.isVisible)
    QApplication.processEvents()
    texts = visible_texts(window)
    assert len(texts) > 40
    assert untranslated(texts) == []
    clipped = [
        widget.text()
        for widget in window.findChildren(QWidget)
        if isinstance(widget, QLabel | QAbstractButton)
        and widget.isVisible()
        and widget.text()
        and not isinstance(widget.parentWidget(), QMenu)
        and not not_clipped(widget)
    ]
    assert clipped == []


def test_app_follows_lang_option(tmp_path):
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from sbc_desktop import translations; from pathlib import Path;"
        f"print(translations.install(sys.argv[1], cache=Path({str(tmp_path)!r})));"
        "from PySide6.QtCore import QCoreApplication; print(QCoreApplication.translate('MainWindow', 'Back'))"
    )
    done = subprocess.run([sys.executable, "-c", code, "pseudo"], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert done.stdout.split("\n")[:2] == ["pseudo", "[Báçk ~]"], done.stderr
