"""A kiosk with a content repository checks it at idle moments and restarts into a new pack."""

from __future__ import annotations

import datetime as dt

import pytest

from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.packs.client import PackStore, store_dir
from sbc_desktop.packs.repository import init_repository, publish
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.kiosk_updates import KioskUpdates
from tests.helpers import make_content, write

pytest.importorskip("tuf")


@pytest.fixture
def repo(tmp_path):
    repo, keys = tmp_path / "repo", tmp_path / "keys"
    root_json = init_repository(repo, keys)
    content = make_content(tmp_path / "content", {"a": "First text.", "b": "Second text."})
    publish(content, repo, keys, today=dt.date(2026, 6, 1))
    return repo, keys, root_json, content


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_new_pack_is_fetched_after_a_reset_and_shown_after_the_next(tmp_path, repo, qapp):
    repo_dir, keys, root_json, content = repo
    store = PackStore(tmp_path / "screen")
    store.trust(root_json)
    store.update(str(repo_dir), today=dt.date(2026, 6, 1))  # the screen runs pack 1
    write(content / "topics" / "a.md", (content / "topics" / "a.md").read_text() + "\nMore.\n")
    publish(content, repo_dir, keys, today=dt.date(2026, 6, 2))
    restarts, clock = [], Clock()
    updates = KioskUpdates(
        KioskConfig(update_repository=str(repo_dir)), store=store, clock=clock,
        restart=lambda: restarts.append(store.current_version()), in_thread=False,
    )  # fmt: skip
    updates.session_cleared()  # an idle reset: check, install beside the current content
    assert store.current_version() == 2 and updates.pending_version == 2 and restarts == []
    assert "Now showing content pack 2" in updates.last_message
    updates.session_cleared()  # the next idle reset: start again into pack 2
    assert restarts == [2]


def test_checks_at_most_hourly_and_a_refusal_is_for_staff_only(tmp_path, repo, qapp):
    repo_dir, keys, root_json, content = repo
    store = PackStore(tmp_path / "screen")
    store.trust(root_json)
    store.update(str(repo_dir), today=dt.date(2026, 6, 1))
    publish(content, repo_dir, keys, today=dt.date(2026, 6, 2))
    (pack,) = (repo_dir / "targets" / "content").glob("*.pack-2.tar.gz")
    pack.write_bytes(pack.read_bytes()[:-10] + b"0123456789")  # altered on the server
    restarts, clock = [], Clock()
    updates = KioskUpdates(KioskConfig(update_repository=str(repo_dir)), store=store, clock=clock,
                           restart=lambda: restarts.append(1), in_thread=False)  # fmt: skip
    updates.session_cleared()
    assert "update refused" in updates.last_message and "altered" in updates.last_message
    assert store.current_version() == 1 and updates.pending_version is None
    checked = updates.last_check
    clock.now += 600
    updates.session_cleared()  # ten minutes later: not checked again
    assert updates.last_check == checked
    clock.now += 3600
    updates.session_cleared()
    assert updates.last_check == clock.now and restarts == []


def test_kiosk_resets_start_a_check_and_staff_see_the_version(tmp_path, repo, qtbot, library):
    repo_dir, _keys, root_json, _content = repo
    PackStore(store_dir()).trust(root_json)
    window, controller = make_kiosk(library, KioskConfig(update_repository=str(repo_dir)))
    qtbot.addWidget(window)
    assert "Content: Built-in content" in controller.content_status()
    assert "Not checked yet" in controller.content_status()
    with qtbot.waitSignal(controller.updates.finished, timeout=30_000):
        controller.reset()  # what the idle countdown does when it runs out
    assert "Now showing content pack 1" in controller.content_status()
    assert controller.updates.pending_version == 1


def test_without_a_repository_a_kiosk_never_checks(library, qtbot):
    window, controller = make_kiosk(library, KioskConfig())
    qtbot.addWidget(window)
    assert controller.updates is None
    controller.reset()
    assert "Content updates" not in controller.content_status()
