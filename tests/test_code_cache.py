"""Code a start compiles from source every time (PySide6's support modules, data classes) and the
regular expressions it compiles are compiled once and kept (code_cache.py): the same code and the
same patterns, read back; nothing else changes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbc_desktop import app, code_cache, kept_modules  # noqa: F401  (app sets it up, as at start)
from sbc_desktop.settings import builtin_content_dir

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="kept only where Qt's cache folder is known"
)

# In a fresh process: what a start imports before its first paint, then what was compiled and found.
START = """
import dataclasses, json, re, sys
from sbc_desktop import app, code_cache
import sbc_desktop.ui.main_window
from sbc_desktop.content import links
word = re.compile(r"(?P<first>[a-z]+)-(?P<second>[a-z]+)", re.IGNORECASE)
from sbc_desktop.care_team import CareTeam
from sbc_desktop.settings import cache_dir
team = CareTeam(nurse="0123")
try:
    team.nurse = "x"
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
saved = code_cache.save(cache_dir()) if "--save" in sys.argv else None
print(json.dumps({"compiled": code_cache.compiled if not saved else -1, "known": len(code_cache._known),
    "used": len(code_cache._used), "saved": saved, "repr": repr(team), "same": team == CareTeam(nurse="0123"),
    "frozen": frozen, "folder": str(cache_dir()), "patterns": len(code_cache._used_re),
    "found": word.fullmatch("Side-Effects").groupdict(), "groups": word.groups, "flags": word.flags,
    "kept": [(p.pattern, p.flags, p.groups) for p in re._cache.values() if isinstance(p.pattern, str)]}))
"""


def start(home: Path, *args: str, installed: Path | None = None) -> dict:
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), QT_QPA_PLATFORM="offscreen")
    # (what an install prepared: none unless given, whatever this checkout holds)
    env["SBC_DESKTOP_INSTALLED_CODE"] = str(installed or home / "no-installed-code")
    out = subprocess.run([sys.executable, "-c", START, *args], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# Each start is a new Python importing Qt and the window's modules (1-1.5 s of CPU): at load 11 on 2 cores
# the tests that start several took more than the 60 s a test may take (CI); in a full run at load 9-12
# (beside 2 CPU hogs) the three marked with it took 58 s, 52 s and 33 s.
SEVERAL_STARTS = pytest.mark.timeout(180)


@SEVERAL_STARTS
def test_a_second_start_compiles_nothing_and_its_code_is_the_same(tmp_path):
    first = start(tmp_path, "--save")
    assert first["saved"] is True and first["known"] == 0
    kept = Path(first["folder"]) / f"code-{sys.implementation.cache_tag}.cache"
    assert kept.is_file()
    second = start(tmp_path)
    assert second["compiled"] == 0  # PySide6's support modules and every data class: all found
    assert second["known"] >= second["used"] > 50
    for what in ("repr", "same", "frozen"):  # the data classes behave as compiled ones do
        assert second[what] == first[what]
    assert second["frozen"] is True and second["same"] is True
    assert second["patterns"] > 20  # PySide6's signature parser and stub generator, ours, the standard library's
    for what in ("found", "groups", "flags", "kept"):  # the patterns read back are re's own
        assert second[what] == first[what]
    assert second["found"] == {"first": "Side", "second": "Effects"}
    assert start(tmp_path, "--save")["saved"] is False  # nothing new: the file is not written again


def test_the_folder_is_the_apps_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from sbc_desktop.settings import cache_dir

    assert Path(code_cache.folder_for_start()) == cache_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/used")  # (Qt ignores one that is not absolute)
    assert Path(code_cache.folder_for_start()) == cache_dir()


@SEVERAL_STARTS
def test_a_damaged_or_other_pythons_file_is_not_used(tmp_path, monkeypatch):
    start(tmp_path, "--save")
    kept = next((tmp_path / ".cache").rglob("code-*.cache"))
    whole = kept.read_bytes()
    # Read here as a start reads it (load): a start for each was 4 of this test's 7 starts.
    monkeypatch.setenv("SBC_DESKTOP_INSTALLED_CODE", str(tmp_path / "no-installed-code"))
    for name in ("_known", "_known_re"):
        monkeypatch.setattr(code_cache, name, {})
    monkeypatch.setattr(code_cache, "_folder", code_cache._folder)
    assert code_cache.load(str(kept.parent)) > 50  # (the whole file is read)
    for damaged in (
        b"",
        b"nonsense",
        whole[: len(whole) // 2],
        whole.replace(sys.version.encode(), b"3.99.0 other", 1),
    ):
        kept.write_bytes(damaged)
        assert code_cache.load(str(kept.parent)) == 0, damaged[:20]
    again = start(tmp_path)  # and a start with a damaged file compiles everything, as a first one
    assert again["known"] == 0 and again["compiled"] > 50 and again["frozen"] is True
    assert start(tmp_path, "--save")["saved"] is True  # written again, whole
    assert start(tmp_path)["compiled"] == 0


def test_a_file_holding_anything_but_code_is_not_used(tmp_path, monkeypatch):
    import marshal

    text = b"x = 1"
    key = (hashlib.blake2b(text, digest_size=20).digest(), len(text), "<t>", 0, -1)
    monkeypatch.setenv("SBC_DESKTOP_INSTALLED_CODE", str(tmp_path / "none"))
    pattern = ("x", 0), (32, (1, 2), 0, {}, ())  # (not the engine's list: not used either)
    kept = marshal.dumps(({key: 42}, dict([pattern])))
    (tmp_path / code_cache.file_in("").lstrip("/")).write_bytes(code_cache._HEADER + kept)
    monkeypatch.setattr(code_cache, "_used", {})
    monkeypatch.setattr(code_cache, "_known", {})
    assert code_cache.load(str(tmp_path)) == 0
    space: dict = {}
    exec(code_cache.compile_kept(text, "<t>", "exec", 0, True), space)  # compiled, not 42
    assert space["x"] == 1
    code_cache.load(code_cache.folder_for_start())


def test_future_imports_keep_their_meaning(monkeypatch):
    monkeypatch.setattr(code_cache, "_used", {})
    monkeypatch.setattr(code_cache, "_known", {})
    text = "def f(x: int): pass"
    inherited: dict = {}
    exec(code_cache.compile_kept(text, "<t>", "exec"), inherited)  # from here: annotations are text
    plain: dict = {}
    exec(code_cache.compile_kept(text, "<t>", "exec", 0, True), plain)  # without this file's future import
    assert inherited["f"].__annotations__ == {"x": "int"}
    assert plain["f"].__annotations__ == {"x": int}
    assert len(code_cache._used) == 2
    again: dict = {}
    exec(code_cache.compile_kept(text, "<t>", "exec"), again)  # found, and still this file's meaning
    assert again["f"].__annotations__ == {"x": "int"} and len(code_cache._used) == 2


def test_data_classes_made_later_work_through_it():
    assert dataclasses.exec is code_cache.exec_kept  # type: ignore[attr-defined]

    @dataclasses.dataclass(frozen=True, order=True)
    class Later:
        name: str
        size: int = 3

    assert (
        Later("a") < Later("b") and Later("a") == Later("a", 3) and repr(Later("a")).endswith("Later(name='a', size=3)")
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        Later("a").size = 4  # type: ignore[misc]


def test_a_save_elsewhere_writes_nothing(tmp_path):
    assert code_cache.save(tmp_path / "another") is False
    assert not (tmp_path / "another").exists()


def test_a_kept_pattern_is_the_one_re_makes(monkeypatch):
    import re

    monkeypatch.setattr(code_cache, "_used_re", {})
    monkeypatch.setattr(code_cache, "_known_re", {})
    monkeypatch.setattr(code_cache, "_folder", "/nowhere")  # (as at a home start: patterns are kept)
    monkeypatch.setattr(code_cache, "_keeping_patterns", True)  # (as before a first paint)
    cases = [
        (r"(?P<word>[a-z]+)(?:-(\d+))?$", re.IGNORECASE),
        (r"\bpain\b|ache", 0),
        (rb"^\x00(?P<tag>..)", re.DOTALL),
        (r"(?x) a b  # spaced", 0),  # (a flag set inside the pattern)
    ]
    for pattern, flags in cases:
        made = code_cache.compile_pattern(pattern, int(flags))
        again = code_cache.compile_pattern(pattern, int(flags))  # from the kept parts
        theirs = code_cache._re_compile(pattern, int(flags))
        for mine in (made, again):
            assert mine == theirs and mine.flags == theirs.flags
            assert mine.groups == theirs.groups and mine.groupindex == theirs.groupindex
    assert len(code_cache._used_re) == len(cases)
    assert code_cache.compile_pattern(r"(?x) a b  # spaced").fullmatch("ab")
    assert code_cache.compile_pattern(rb"^\x00(?P<tag>..)", re.DOTALL).match(b"\x00\nz")["tag"] == b"\nz"


def test_damaged_parts_of_a_pattern_are_not_used(monkeypatch):
    import marshal

    monkeypatch.setattr(code_cache, "_used_re", {})
    monkeypatch.setattr(code_cache, "_known_re", {})
    monkeypatch.setattr(code_cache, "_folder", "/nowhere")
    monkeypatch.setattr(code_cache, "_keeping_patterns", True)  # (as before a first paint)
    pattern = r"(?P<n>\d+) days?"
    good = code_cache.compile_pattern(pattern)
    parts = code_cache._used_re[(pattern, 0)]
    code_cache._used_re.clear()
    code_cache._known_re[(pattern, 0)] = (parts[0], [1, 2, 3], parts[2], parts[3], parts[4])  # not the engine's code
    made = code_cache.compile_pattern(pattern)
    assert made == good and made.match("12 days")["n"] == "12"
    assert code_cache._used_re[(pattern, 0)] == parts  # made again, and that is what is kept
    assert code_cache._parts_fit((pattern, 0), marshal.loads(marshal.dumps(parts)))
    for wrong in ((pattern, 0, 1), ("x", "0")):
        assert not code_cache._parts_fit(wrong, parts)
    assert not code_cache._parts_fit((pattern, 0), (1, (1, 2), 0, {}, ()))  # (a tuple is not the engine's list)


def test_a_pattern_re_would_make_otherwise_is_not_kept(monkeypatch):
    """If this Python's re makes a pattern another way than code_cache copies, the first pattern made here
    shows it: re's own is used, and re compiles everything itself from then on."""
    import re

    monkeypatch.setattr(code_cache, "_used_re", {})
    monkeypatch.setattr(code_cache, "_known_re", {})
    monkeypatch.setattr(code_cache, "_folder", "/nowhere")
    monkeypatch.setattr(code_cache, "_keeping_patterns", True)  # (as before a first paint)
    monkeypatch.setattr(code_cache, "_re_checked", False)
    monkeypatch.setattr(re._compiler, "compile", code_cache.compile_pattern)
    other = code_cache._re_compile(r"b+", 0)
    monkeypatch.setattr(code_cache, "_re_compile", lambda pattern, flags: other)  # "re" makes something else
    assert code_cache.compile_pattern(r"a+") is other
    assert re._compiler.compile is not code_cache.compile_pattern and not code_cache._used_re


@SEVERAL_STARTS
def test_a_first_start_and_a_kiosk_use_what_the_install_prepared(tmp_path):
    """`python -m sbc_desktop.code_cache` (the quick start runs it after installing) keeps what a start
    compiles beside the app's modules: a home with no file of its own compiles none of it, and writes
    nothing for it; a home's own file, when it has one, is the one read."""
    installed = tmp_path / "installed" / "code.cache"
    note = tmp_path / "installed" / "content.shipped"
    env = dict(os.environ, SBC_DESKTOP_INSTALLED_CODE=str(installed), SBC_DESKTOP_INSTALLED_NOTE=str(note))
    done = subprocess.run(
        [sys.executable, "-m", "sbc_desktop.code_cache"], env=env, capture_output=True, text=True, check=True
    )
    assert str(installed) in done.stdout and installed.is_file()
    assert installed.stat().st_mode & 0o044 == 0o044  # (every user's start reads it)
    # and the note of the built-in files' stamps, so that a first start and a kiosk do not hash them
    assert note.stat().st_mode & 0o044 == 0o044
    assert marshal.loads(note.read_bytes())[1] == str(builtin_content_dir())
    # and the code stamps a first start asks for, by their files' stamps (kept_stamps)
    stamps = code_cache._read(str(installed))[4]  # type: ignore[index]
    assert sorted(what.split()[0] for what, _files in stamps) == ["parse_cache", "render_cache"]
    first = start(tmp_path / "home", installed=installed)
    # Compiled: only what this script makes and a start does not (its own pattern...); a bare home: over 100.
    assert first["compiled"] <= 3 and first["known"] >= first["used"] > 50 and first["patterns"] > 20
    assert not list((tmp_path / "home").rglob("code-*.cache"))  # nothing written
    assert first["frozen"] is True and first["found"] == {"first": "Side", "second": "Effects"}
    assert start(tmp_path / "own", "--save")["saved"] is True  # a home that made its own file: read, not the install's
    kept = next((tmp_path / "own").rglob("code-*.cache"))
    assert start(tmp_path / "own", installed=tmp_path / "none")["compiled"] == 0
    kept.write_bytes(b"damaged")  # damaged: the install's is read instead
    assert start(tmp_path / "own", installed=installed)["compiled"] == first["compiled"]


@pytest.mark.timeout(180)
def test_preparing_on_a_computer_set_up_as_a_kiosk_keeps_the_code_too(tmp_path):
    """A kiosk never ends at its first paint and keeps nothing: the start that prepares is a home start."""
    config = tmp_path / "kiosk.toml"
    config.write_text("on_screen_keyboard = false\n", "utf-8")
    installed = tmp_path / "code.cache"
    env = dict(os.environ, SBC_DESKTOP_INSTALLED_CODE=str(installed), SBC_DESKTOP_CONFIG=str(config))
    subprocess.run(
        [sys.executable, "-m", "sbc_desktop.code_cache"], env=env, capture_output=True, check=True, timeout=150
    )
    assert start(tmp_path / "home", installed=installed)["compiled"] <= 3


def test_preparing_says_so_when_it_cannot_keep_the_code(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    env = dict(os.environ, SBC_DESKTOP_INSTALLED_CODE=str(tmp_path / "a-file" / "code.cache"))
    done = subprocess.run([sys.executable, "-m", "sbc_desktop.code_cache"], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "was not kept" in done.stderr and "could not write" in done.stderr
    assert (tmp_path / "a-file").read_text() == "not a folder"


def test_patterns_made_after_the_first_save_are_never_written(tmp_path, monkeypatch):
    """The first save comes after the first paint: a pattern made later may hold what the reader typed
    (find in page, search words), so it is compiled by re alone and never kept in the file."""
    import re

    monkeypatch.setattr(code_cache, "_used_re", {})
    monkeypatch.setattr(code_cache, "_known_re", {})
    monkeypatch.setattr(code_cache, "_used", {})
    monkeypatch.setattr(code_cache, "_folder", str(tmp_path))
    monkeypatch.setattr(code_cache, "_keeping_patterns", True)
    monkeypatch.setattr(code_cache, "compiled", 0)
    monkeypatch.setattr(kept_modules, "_used", {})  # (this test's file: patterns and code only)
    monkeypatch.setattr(kept_modules, "_keeping", True)
    code_cache.compile_pattern(r"before the first paint \d+")
    assert code_cache.save(tmp_path) is True
    typed = code_cache.compile_pattern(re.escape("my private words"), re.IGNORECASE)
    assert typed.search("MY PRIVATE WORDS") and ("my\\ private\\ words", re.IGNORECASE) not in code_cache._used_re
    assert code_cache.compile_pattern(r"before the first paint \d+").match("before the first paint 12")
    exec(code_cache.compile_kept("later = 1", "<later>", "exec", 0, True), {})  # (code made later: written)
    assert code_cache.save(tmp_path) is True
    written = (tmp_path / code_cache.file_in("").lstrip("/")).read_bytes()
    assert b"before the first paint" in written and b"private" not in written


# A start to its first page on screen (a built-in topic, as bench_start.py asks for): the page's text,
# and whether the Markdown parser and the sanitiser were imported by then.
FIRST_TOPIC = """
import builtins, json, os, runpy, sys
said = builtins.print
def at_paint(*args, **kwargs):
    if args and str(args[0]).startswith("first-paint"):
        from PySide6.QtWidgets import QApplication
        (window,) = [widget for widget in QApplication.topLevelWidgets() if hasattr(widget, "reader")]
        parsers = [name for name in ("pyromark", "nh3") if name in sys.modules]
        said(json.dumps({"text": window.reader.toPlainText(), "parsers": parsers}), flush=True)
        os._exit(0)
    return said(*args, **kwargs)
builtins.print = at_paint
sys.argv = ["sbc_desktop", "--topic", "what-is-it"]
runpy.run_module("sbc_desktop", run_name="__main__", alter_sys=True)
"""


def first_topic(home: Path, env: dict) -> dict:
    env = dict(env, HOME=str(home), QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
    env.update(XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))
    env.update(XDG_DATA_HOME=str(home / ".data"))
    out = subprocess.run([sys.executable, "-c", FIRST_TOPIC], env=env, capture_output=True, text=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


@SEVERAL_STARTS
def test_a_first_start_shows_a_built_in_topic_the_install_rendered_without_rendering_it(tmp_path):
    """The install also renders the built-in content's pages (beside the kept code): a first start shows
    its first topic from there, the very page it would render, without importing the Markdown parser or
    the sanitiser (about 5 % of a first start's instructions), and writes no page in the home."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.settings import builtin_content_dir

    pages = tmp_path / "installed" / "rendered"
    env = dict(os.environ, SBC_DESKTOP_INSTALLED_CODE=str(tmp_path / "installed" / "code.cache"))
    env["SBC_DESKTOP_INSTALLED_PAGES"] = str(pages)
    done = subprocess.run(
        [sys.executable, "-m", "sbc_desktop.code_cache"], env=env, capture_output=True, text=True, check=True
    )
    topics = len(load_library(builtin_content_dir(), check_links=False).topics)
    assert f"{topics} built-in pages rendered" in done.stdout and len(list(pages.glob("*.page"))) == topics
    rendered_here = first_topic(tmp_path / "home", dict(env, SBC_DESKTOP_INSTALLED_PAGES=str(tmp_path / "none")))
    assert rendered_here["parsers"] == ["pyromark", "nh3"]  # (without them: the page rendered at the start)
    installed = first_topic(tmp_path / "first", env)
    assert installed["parsers"] == [] and installed["text"] == rendered_here["text"]
    assert "secondary breast cancer" in installed["text"].lower()
    assert not list((tmp_path / "first").rglob("*.page"))
