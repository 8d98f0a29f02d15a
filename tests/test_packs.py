"""Signed content packs: publish, two screens update over HTTP on 127.0.0.1, attacks refused."""

from __future__ import annotations

import datetime as dt
import errno
import functools
import http.server
import shutil
import socket
import threading

import pytest

from sbc_desktop import cli
from sbc_desktop.content.loader import load_library
from sbc_desktop.packs import archive as archive_module
from sbc_desktop.packs.client import PackStore, UpdateError
from sbc_desktop.packs.manifest import content_version
from sbc_desktop.packs.repository import PublishError, init_repository, publish
from tests.helpers import make_content, write

pytest.importorskip("tuf")


@pytest.fixture
def server(tmp_path):
    """A static web server for the repository folder, on the loopback address only."""
    repo = tmp_path / "repo"
    repo.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(repo))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield repo, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D102 - keep test output clean
        pass


@pytest.fixture
def published(tmp_path, server):
    repo, url = server
    keys = tmp_path / "keys"
    root_json = init_repository(repo, keys)
    content = make_content(tmp_path / "content", {"a": "First text.", "b": "Second text."})
    manifest = publish(content, repo, keys, today=dt.date(2026, 6, 1))
    return repo, url, keys, root_json, content, manifest


def _screen(tmp_path, name, root_json) -> PackStore:
    store = PackStore(tmp_path / name)
    store.trust(root_json)
    return store


def test_two_screens_update_and_show_the_version(tmp_path, published):
    repo, url, keys, root_json, content, manifest = published
    assert manifest.version == 1 and manifest.topics == 2
    for name in ("kiosk-1", "kiosk-2"):
        store = _screen(tmp_path, name, root_json)
        result = store.update(url, today=dt.date(2026, 6, 1))
        assert (result.status, result.version) == ("updated", 1)
        folder = store.current_dir()
        assert set(load_library(folder).topics) == {"a", "b"}
        version = content_version(folder)
        assert version.label == "Content pack 1" and version.published == dt.date(2026, 6, 1)
        assert store.update(url).status == "up-to-date"

    # A second publish reaches a screen, and the previous pack stays for a rollback.
    write(content / "topics" / "b.md", (content / "topics" / "b.md").read_text().replace("Second", "Newer"))
    assert publish(content, repo, keys, today=dt.date(2026, 7, 1)).version == 2
    store = PackStore(tmp_path / "kiosk-1")
    assert store.update(url, today=dt.date(2026, 7, 1)).version == 2
    assert "Newer" in load_library(store.current_dir()).topic("b").body
    assert store.rollback().version == 1
    assert "Second" in load_library(store.current_dir()).topic("b").body


def test_a_folder_repository_works_like_a_server(tmp_path, published):
    repo, _url, _keys, root_json, *_ = published
    store = _screen(tmp_path, "usb", root_json)
    assert store.update(str(repo), today=dt.date(2026, 6, 1)).version == 1


def test_publish_refuses_content_that_fails_check(tmp_path, published):
    repo, _url, keys, *_ = published
    broken = make_content(tmp_path / "broken", {"a": "See [this](topic:nowhere)."})
    with pytest.raises(PublishError, match="fails 'sbc-desktop check'"):
        publish(broken, repo, keys, today=dt.date(2026, 6, 1))
    before = sorted(p.name for p in (repo / "metadata").iterdir())
    assert "3.targets.json" not in before and "2.targets.json" in before


def test_tampered_pack_is_refused_and_the_old_content_stays(tmp_path, published):
    repo, url, keys, root_json, content, _ = published
    store = _screen(tmp_path, "kiosk", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    write(content / "topics" / "a.md", (content / "topics" / "a.md").read_text() + "\nMore.\n")
    publish(content, repo, keys, today=dt.date(2026, 6, 2))
    (pack,) = (repo / "targets" / "content").glob("*.pack-2.tar.gz")
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0xFF
    pack.write_bytes(bytes(data))
    with pytest.raises(UpdateError, match="does not match its signed record"):
        store.update(url, today=dt.date(2026, 6, 2))
    assert store.current_version() == 1 and set(load_library(store.current_dir()).topics) == {"a", "b"}


def test_old_metadata_offered_as_new_is_refused(tmp_path, published):
    repo, url, keys, root_json, content, _ = published
    old = {p.name: p.read_bytes() for p in (repo / "metadata").iterdir()}
    publish(content, repo, keys, today=dt.date(2026, 6, 2))
    store = _screen(tmp_path, "kiosk", root_json)
    assert store.update(url, today=dt.date(2026, 6, 2)).version == 2
    (repo / "metadata" / "timestamp.json").write_bytes(old["timestamp.json"])  # a replayed, older state
    with pytest.raises(UpdateError, match="rollback attack"):
        store.update(url)
    assert store.current_version() == 2


def test_expired_timestamp_warns_and_keeps_serving(tmp_path, published):
    repo, url, keys, root_json, content, _ = published
    store = _screen(tmp_path, "kiosk", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    publish(content, repo, keys, today=dt.date(2026, 6, 2), timestamp_days=-1)
    with pytest.raises(UpdateError, match="signatures have expired"):
        store.update(url)
    assert store.current_version() == 1 and load_library(store.current_dir()).topic("a")


def test_full_disk_mid_update_leaves_the_content_intact(tmp_path, published, monkeypatch):
    _repo, url, _keys, root_json, *_ = published
    store = _screen(tmp_path, "kiosk", root_json)
    real_open = open

    def full_disk(path, mode="r", *args, **kwargs):
        if "x" in mode:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(archive_module, "open", full_disk, raising=False)
    with pytest.raises(UpdateError, match="disk is full"):
        store.update(url)
    assert store.current_version() is None
    assert [p.name for p in store.versions.iterdir()] == []  # no half-unpacked folder left behind


def test_unreachable_server_is_a_clear_message(tmp_path, published):
    *_, root_json, _content, _manifest = published
    with socket.socket() as probe:  # a port on the loopback address with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = _screen(tmp_path, "kiosk", root_json)
    with pytest.raises(UpdateError, match="cannot reach the content repository"):
        store.update(f"http://127.0.0.1:{port}")


def test_pinned_version_and_a_newer_pack_that_fails_check_inside(tmp_path, published, monkeypatch):
    repo, url, keys, root_json, content, _ = published
    publish(content, repo, keys, today=dt.date(2026, 6, 2))
    store = _screen(tmp_path, "kiosk", root_json)
    assert store.update(url, pin=1, today=dt.date(2026, 6, 2)).version == 1
    with pytest.raises(UpdateError, match="no content pack 9"):
        store.update(url, pin=9)


def test_untrusted_screen_and_a_bad_root_file(tmp_path, published):
    *_, url, _keys, _root, _content, _manifest = published[1:]
    store = PackStore(tmp_path / "new")
    with pytest.raises(UpdateError, match="does not yet trust"):
        store.update(url)
    bad = write(tmp_path / "root.json", "{}")
    with pytest.raises(UpdateError, match="not TUF root metadata"):
        store.trust(bad)


def test_cli_publish_update_status_and_rollback(tmp_path, server, capsys, monkeypatch):
    repo, url = server
    keys = tmp_path / "keys"
    assert cli.main(["pack", "keys", str(keys), "--repo", str(repo)]) == 0
    out = capsys.readouterr().out
    assert "offline/root.pem" in out and "Move it OFF this computer" in out
    assert oct((keys / "online" / "timestamp.pem").stat().st_mode & 0o777) == "0o600"
    assert cli.main(["pack", "keys", str(keys), "--repo", str(tmp_path / "other")]) == 1  # never overwrites keys
    content = make_content(tmp_path / "content", {"a": "Text."})
    assert cli.main(["pack", "publish", str(content), "--repo", str(repo), "--keys", str(keys)]) == 0
    assert "Published content pack 1 (1 topic)" in capsys.readouterr().out
    root_json = repo / "metadata" / "1.root.json"
    assert cli.main(["update", "--trust", str(root_json), "--from", url]) == 0
    out = capsys.readouterr().out
    assert "Downloading content pack 1 (1 topic," in out and "Now showing content pack 1" in out
    assert cli.main(["update", "--status"]) == 0
    assert "Content pack 1" in capsys.readouterr().out
    assert cli.main(["update", "--rollback"]) == 1
    assert "no earlier content pack" in capsys.readouterr().err
    assert cli.main(["pack", "refresh", "--repo", str(repo), "--keys", str(keys)]) == 0
    shutil.rmtree(keys / "online")
    assert cli.main(["pack", "publish", str(content), "--repo", str(repo), "--keys", str(keys)]) == 1
    assert "cannot read the targets key" in capsys.readouterr().err


def test_about_box_names_the_content_pack_in_use(tmp_path, published, qtbot, monkeypatch):
    from sbc_desktop.ui.about_dialog import AboutDialog
    from sbc_desktop.ui.main_window import MainWindow

    _repo, url, _keys, root_json, *_ = published
    store = _screen(tmp_path, "screen", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    window = MainWindow(load_library(store.current_dir()), None)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog.content_label.text()) or 0)
    window.commands.about.trigger()
    assert shown == ["Content: Content pack 1, published 1 June 2026. Next review due 1 January 2099."]


def test_key_rotation_is_followed_and_the_old_key_no_longer_counts(tmp_path, published):
    from sbc_desktop.packs import keys as keys_module
    from sbc_desktop.packs.repository import _load_state, _new_snapshot_and_timestamp, rotate_key

    repo, url, keys, root_json, content, _ = published
    store = _screen(tmp_path, "kiosk", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    old_timestamp = keys_module.load_signer(keys, "timestamp")
    assert rotate_key(repo, keys, "timestamp") == 2
    assert rotate_key(repo, keys, "root") == 3
    publish(content, repo, keys, today=dt.date(2026, 6, 2))
    assert store.update(url, today=dt.date(2026, 6, 2)).version == 2  # followed roots 2 and 3

    # Whoever still holds the retired timestamp key cannot sign a state that screens accept.
    state = _load_state(repo)
    snapshot_signer = keys_module.load_signer(keys, "snapshot")
    _new_snapshot_and_timestamp(repo / "metadata", state, _now_utc(), 7, snapshot_signer, old_timestamp)
    with pytest.raises(UpdateError, match="not signed by the right keys"):
        store.update(url)
    assert store.current_version() == 2


def _now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def test_a_signed_pack_that_fails_the_check_is_not_installed(tmp_path, published, monkeypatch):
    """A publisher who skipped the check (or an older app) cannot put a broken pack on screens."""
    from sbc_desktop.packs import repository

    repo, url, keys, root_json, content, _ = published
    store = _screen(tmp_path, "kiosk", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    write(content / "topics" / "a.md", (content / "topics" / "a.md").read_text() + "\nSee [x](topic:gone).\n")
    monkeypatch.setattr(repository, "check_folder", lambda root, today=None: ([], ""), raising=False)
    monkeypatch.setattr("sbc_desktop.content.checker.check_folder", lambda root, today=None: ([], ""))
    assert publish(content, repo, keys, today=dt.date(2026, 6, 2)).version == 2
    with pytest.raises(UpdateError, match="fails the content check"):
        store.update(url, today=dt.date(2026, 6, 2))
    assert store.current_version() == 1 and "gone" not in load_library(store.current_dir()).topic("a").body
    assert [p.name for p in store.versions.iterdir()] == ["1"]  # nothing half-installed left


def test_a_rollback_sticks_until_a_newer_pack_is_published(tmp_path, published):
    repo, url, keys, root_json, content, _ = published
    store = _screen(tmp_path, "kiosk", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    publish(content, repo, keys, today=dt.date(2026, 6, 2))
    assert store.update(url, today=dt.date(2026, 6, 2)).version == 2
    assert store.rollback().version == 1
    again = store.update(url, today=dt.date(2026, 6, 2))  # the kiosk's next hourly check
    assert again.status == "up-to-date" and "rolled back" in again.message and store.current_version() == 1
    assert store.update(url, pin=2, today=dt.date(2026, 6, 2)).version == 2  # pinning it is a choice
    store.rollback()
    publish(content, repo, keys, today=dt.date(2026, 6, 3))
    assert store.update(url, today=dt.date(2026, 6, 3)).version == 3  # a newer pack is installed as usual


def test_a_pack_with_bytes_added_is_called_altered(tmp_path, published):
    repo, url, keys, root_json, content, _ = published
    store = _screen(tmp_path, "kiosk", root_json)
    store.update(url, today=dt.date(2026, 6, 1))
    publish(content, repo, keys, today=dt.date(2026, 6, 2))
    (pack,) = (repo / "targets" / "content").glob("*.pack-2.tar.gz")
    pack.write_bytes(pack.read_bytes() + b"!")
    with pytest.raises(UpdateError, match="may have been altered"):
        store.update(url, today=dt.date(2026, 6, 2))
    assert store.current_version() == 1
