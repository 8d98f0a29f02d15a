"""Every command-line error is a clear message and an exit code, never a traceback or a hang."""

from __future__ import annotations

import functools
import os
import sqlite3
import subprocess
import sys

import pytest

from sbc_desktop import cli
from tests.conftest import REPO
from tests.helpers import make_content

LONG = "/tmp/" + "a" * 5000


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_notes_file_that_never_ends_is_refused(qapp, capsys, tmp_path):
    code, _, err = run(capsys, "export", "--topics", "tests", "--notes", "/dev/zero", "-o", tmp_path / "h.txt")
    assert code == 2 and "larger than 1,000,000 bytes" in err


def test_kiosk_config_that_never_ends_or_is_not_utf8(tmp_path, monkeypatch):
    from sbc_desktop.kiosk.config import ConfigError, load_config

    with pytest.raises(ConfigError, match="larger than"):
        load_config(__import__("pathlib").Path("/dev/zero"))
    bad = tmp_path / "kiosk.toml"
    bad.write_bytes(b"idle_timeout = 60\n# caf\xe9\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


def test_a_huge_limit_is_not_a_traceback(capsys):
    code, out, _ = run(capsys, "search", "tumour", "--limit", "99999999999999999999")
    assert code == 0 and " 1. " in out


def test_a_full_cache_disk_searches_without_the_cache(capsys, monkeypatch):
    from sbc_desktop.content import search

    real_begin = search.SearchIndex.begin.__func__

    def full(cls, library, cache_dir):
        if cache_dir is not None:
            raise sqlite3.OperationalError("database or disk is full")
        return real_begin(cls, library, cache_dir)

    monkeypatch.setattr(search.SearchIndex, "begin", classmethod(full))
    code, out, err = run(capsys, "search", "bones")
    assert code == 0 and "searching without it" in err and "bones" in out.lower()


def test_a_console_that_is_not_utf8_gets_escapes_not_a_traceback(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="ascii", XDG_CACHE_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "sbc_desktop", "search", "tumour"], cwd=REPO, env=env,
                            capture_output=True, timeout=60)  # fmt: skip
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert result.stdout.isascii() and b"\\u2026" in result.stdout


def test_a_surrogate_in_the_title_is_shown_as_a_replacement_mark(qapp, capsys, tmp_path):
    out_file = tmp_path / "h.txt"
    code, _, _ = run(capsys, "export", "--topics", "tests", "--title", "Clinic \udcff notes", "-o", out_file)
    assert code == 0 and "Clinic \ufffd notes" in out_file.read_text("utf-8")
    code, _, _ = run(capsys, "export", "--topics", "tests", "--title", "\udcff", "-o", tmp_path / "h.pdf")
    assert code == 0 and (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")


def test_ctrl_d_or_ctrl_c_at_the_pin_prompt(capsys, tmp_path, monkeypatch):
    config = tmp_path / "kiosk.toml"
    for stop in (EOFError, KeyboardInterrupt):

        def interrupted(prompt="", stream=None, stop=stop):
            raise stop

        monkeypatch.setattr("getpass.getpass", interrupted)
        code, _, err = run(capsys, "kiosk-pin", "--config", config)
        assert code == 1 and "nothing was changed" in err
    assert not config.exists()


def test_a_pin_for_a_config_that_is_not_utf8(capsys, tmp_path, monkeypatch):
    config = tmp_path / "kiosk.toml"
    config.write_bytes(b"# caf\xe9\n")
    monkeypatch.setattr("getpass.getpass", lambda prompt="", stream=None: "857142")
    from sbc_desktop.kiosk import pin

    monkeypatch.setattr(pin, "hash_pin", functools.partial(pin.hash_pin, n=2**10))  # (made first: a second)
    code, _, err = run(capsys, "kiosk-pin", "--config", config)
    assert code == 1 and "not UTF-8" in err and "Nothing was changed" in err
    assert config.read_bytes() == b"# caf\xe9\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["check", LONG],
        ["search", "x", "--content", LONG],
        ["list-topics", "--content", LONG],
        ["export", "--topics", "all", "-o", LONG + ".pdf"],
        ["--content", LONG],
    ],
)
def test_a_5000_character_path_is_a_clear_message(qapp, capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code in (1, 2)
    assert err.startswith("sbc-desktop: ") or "too long" in out
    assert len(err) < 2000  # the path is shortened, not printed whole


def test_export_from_a_missing_folder_says_so(qapp, capsys, tmp_path):
    missing = tmp_path / "no-such-folder"
    code, _, err = run(capsys, "export", "--content", missing, "--topics", "all", "-o", tmp_path / "h.txt")
    assert code == 2 and "content folder not found:" in err and "no-such-folder" in err and "no such topic" not in err


def test_a_full_disk_on_export_says_so_in_plain_words(qapp, capsys, tmp_path, monkeypatch):
    from sbc_desktop import disk, storage

    class FullDisk(storage.QSaveFile):
        def write(self, data):
            return -1

    monkeypatch.setattr(storage, "QSaveFile", FullDisk)
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda _path: type("U", (), {"free": 0})())
    code, _, err = run(capsys, "export", "--topics", "tests", "-o", tmp_path / "h.pdf")
    assert code == 1 and "The disk is full" in err and "Unknown error" not in err


def test_anything_unforeseen_is_a_message_not_a_traceback(capsys, monkeypatch, tmp_path):
    def boom(*_args, **_kwargs):
        raise RuntimeError("something odd")

    monkeypatch.setattr("sbc_desktop.content.checker.check_folder", boom)
    code, _, err = run(capsys, "check", make_content(tmp_path / "c"))
    assert code == cli.EXIT_UNEXPECTED and "something went wrong (RuntimeError: something odd)" in err


def test_an_install_missing_a_new_dependency_says_how_to_update(tmp_path):
    """The code was updated but its install was not (the menu entry runs the venv as it is): a way out."""
    code = "import sys; sys.modules['pyromark'] = None; from sbc_desktop.cli import main; sys.exit(main(['check']))"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "needs the Python package 'pyromark'" in done.stderr
    assert "sh packaging/quickstart.sh app" in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["list-topics", "--content", "FILE"],
        ["search", "pain", "--content", "FILE"],
        ["export", "--content", "FILE", "--topics", "all", "-o", "OUT"],
        ["--content", "FILE"],
    ],
    ids=lambda argv: argv[0],
)
def test_a_file_given_for_the_content_folder_is_called_a_file(capsys, tmp_path, argv):
    """Not "content folder not found" for something that is there: it is a file, not a folder."""
    given = tmp_path / "topics.md"
    given.write_text("# A page, not a folder\n")
    code, _, err = run(capsys, *[given if a == "FILE" else tmp_path / "h.txt" if a == "OUT" else a for a in argv])
    assert code == 2 and err == f"sbc-desktop: {given} is a file, not a content folder\n"


def test_export_into_a_file_as_if_it_were_a_folder_says_so(capsys, tmp_path):
    (tmp_path / "handouts").write_text("a file")
    code, _, err = run(capsys, "export", "--topics", "all", "-o", tmp_path / "handouts" / "h.pdf")
    assert (
        code == 2
        and err == f"sbc-desktop: {tmp_path / 'handouts'} is a file, not a folder; choose a folder to write to\n"
    )


@pytest.mark.parametrize("step", ["publish", "refresh", "rotate"])
@pytest.mark.parametrize("repo", ["missing", "empty folder", "damaged", "a file"])
def test_pack_steps_given_something_that_is_not_a_repository_say_so_in_one_sentence(capsys, tmp_path, step, repo):
    """Not "something went wrong (StorageError: ...)" (securesystemslib's errors are not OSErrors)."""
    pytest.importorskip("tuf")
    where = tmp_path / "repo"
    if repo == "empty folder":
        where.mkdir()
    elif repo == "damaged":
        (where / "metadata").mkdir(parents=True)
        (where / "metadata" / "timestamp.json").write_text("{ not json")
    elif repo == "a file":
        where.write_text("a file")
    content = make_content(tmp_path / "content", {"a": "Some text."})
    extra = {"publish": [content], "refresh": [], "rotate": ["timestamp"]}[step]
    code, out, err = run(capsys, "pack", step, "--repo", where, "--keys", tmp_path / "keys", *extra)
    assert code == 1 and not out and err.count("\n") == 1, err
    assert err.startswith("sbc-desktop: ") and str(where) in err and "nothing was changed" in err
    assert "went wrong" not in err
