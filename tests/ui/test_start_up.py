"""Start-up: what waits until the first page is on screen comes back just after it."""

from __future__ import annotations

import gc
from contextlib import contextmanager

from sbc_desktop.app import collect_after_first_paint
from sbc_desktop.ui.main_window import MainWindow


@contextmanager
def collector_paused():
    """As run_gui starts: no collections; afterwards the collector as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_garbage_is_collected_again_once_the_first_page_is_painted(qtbot, library):
    with collector_paused():
        window = MainWindow(library, settings=None)
        qtbot.addWidget(window)
        collect_after_first_paint(window)
        window.open_start_page("what-is-it")
        assert not gc.isenabled(), "nothing is collected before the page is on screen"
        window.show()
        qtbot.waitUntil(gc.isenabled, timeout=3000)  # just after the first paint, not the 5 s fallback
        assert window.reader.current_url() == "topic:what-is-it"


def test_a_window_that_never_paints_still_collects(qtbot, library):
    with collector_paused():
        window = MainWindow(library, settings=None)
        qtbot.addWidget(window)
        collect_after_first_paint(window, fallback_ms=50)  # never shown
        qtbot.waitUntil(gc.isenabled, timeout=3000)


def test_a_start_shows_a_long_first_page_from_the_disk_cache_at_once_without_the_renderer(qtbot, tmp_path, monkeypatch):
    """A second start: the first page (a long one) is read back from the rendered-page cache and shown
    whole at once, never "Loading this page…"; the Markdown parser and the renderer are made only when
    another page needs them."""
    from sbc_desktop.content import prerender
    from sbc_desktop.content.loader import load_library
    from tests.helpers import make_content, renderers_made
    from tests.ui.test_switching import long_body

    root = make_content(tmp_path / "content", {"long": long_body(), "short": "A short page about **rest**."})
    prerender.prerender(root, tmp_path / "cache")  # as the first start left it
    made = renderers_made(monkeypatch)
    window = MainWindow(load_library(root, check_links=False), settings=None, cache_dir=tmp_path / "cache")
    qtbot.addWidget(window)
    window.open_start_page("long")
    window.show()
    qtbot.waitExposed(window)
    assert "Loading this page" not in window.reader.toPlainText()
    window.reader.ensure_complete()
    assert "zebrafinch" in window.reader.toPlainText() and not made  # the whole page, and no renderer
    window.reader.go("topic:short")
    qtbot.waitUntil(lambda: "A short page about rest." in window.reader.toPlainText())
    assert len(made) == 1  # another page: the renderer, once
