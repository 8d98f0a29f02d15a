"""The command line: check, --version, --help, and a clear message when Qt has no display."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from sbc_desktop import __version__, cli, display
from sbc_desktop.content.checker import NO_TOPICS
from tests.helpers import TODAY, make_content, topic, write


def run_check(capsys, *args):
    code = cli.main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_check_builtin_content_passes(capsys):
    code, lines, err = run_check(capsys, "--today", TODAY.isoformat())
    assert code == 0 and not [line for line in lines if ": error: " in line]
    assert re.search(r"\d+ topics", err) and "0 errors" in err


def test_check_broken_folder_lists_every_problem_and_fails(capsys, tmp_path):
    root = make_content(tmp_path / "c", {"a": "See [x](topic:gone).", "b": "B"})
    write(root / "topics" / "broken.md", "---\ntitle: [oops\n---\n")
    write(root / "topics" / "old.md", topic("old", "Old.", next_review="2001-01-01"))
    code, lines, err = run_check(capsys, root)
    assert code == 1
    assert len(lines) == 4
    for line in lines:
        path, number, severity, message = line.split(":", 3)
        assert path.endswith((".md", "topics")) and number.isdigit()  # "topics": one line for them all
        assert severity.strip() in ("error", "warning") and message.startswith(" ")
    assert any(line.endswith("a.md:12: error: link to missing topic 'gone'") for line in lines)
    assert any("broken.md:2: error: broken YAML" in line for line in lines)
    assert any("old.md:9: warning: review overdue since 2001-01-01" in line for line in lines)
    assert any("topics:0: warning: none of the 3 topics has been checked by a named reviewer" in line for line in lines)
    assert "2 errors, 2 warnings" in err


def test_check_warnings_only_passes(capsys, tmp_path):
    root = make_content(tmp_path / "c")
    write(root / "topics" / "old.md", topic("old", "Old.", next_review="2001-01-01"))
    code, lines, _ = run_check(capsys, root)
    assert code == 0 and len(lines) == 2 and all(": warning: " in line for line in lines)


def test_check_counts_one_of_each_in_the_singular(capsys, tmp_path):
    """'1 topics, 0 glossary terms; 0 errors, 1 warnings' before (review9, session 28)."""
    root = make_content(tmp_path / "c", {"old": "Old."})
    write(root / "topics" / "old.md", topic("old", "Old.", next_review="2001-01-01"))
    write(root / "glossary.yaml", "terms:\n  - id: scan\n    term: scan\n    definition: A picture of the inside.\n")
    _code, _lines, err = run_check(capsys, root)
    assert ": 1 topic, 1 glossary term; 0 errors, 2 warnings" in err, err


def test_check_missing_folder(capsys, tmp_path):
    code, lines, _ = run_check(capsys, tmp_path / "nothing-here")
    assert code == 1 and "content folder not found" in lines[0]


def test_check_an_empty_folder_is_an_error_that_says_what_a_content_folder_holds(capsys, tmp_path):
    """An empty folder (or the wrong one, mistyped) passed with "0 topics ... 0 errors"."""
    (tmp_path / "empty").mkdir()
    code, lines, err = run_check(capsys, tmp_path / "empty")
    assert code == 1 and lines == [f"{tmp_path / 'empty'}:0: error: {NO_TOPICS}"], lines
    assert ": 0 topics, 0 glossary terms; 1 error, 0 warnings" in err
    write(tmp_path / "broken" / "topics" / "a.md", "---\nid: [\n---\nText.\n")  # a topic that cannot be read:
    code, lines, _ = run_check(capsys, tmp_path / "broken")  # that is said, not "no topics here"
    assert code == 1 and lines and not [line for line in lines if NO_TOPICS in line], lines


def test_check_a_file_says_it_is_a_file_not_a_folder(capsys, tmp_path):
    (tmp_path / "topic.md").write_text("# A page, not a folder\n")
    assert cli.main(["check", str(tmp_path / "topic.md")]) == 2
    assert capsys.readouterr().err == f"sbc-desktop: {tmp_path / 'topic.md'} is a file, not a content folder\n"


def test_the_window_started_on_a_folder_with_no_topics_says_so_instead_of_opening_empty(
    qapp, capsys, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from sbc_desktop import app

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(app, "HEADLESS", set())  # as on a real display
    monkeypatch.delenv("SBC_DESKTOP_CONFIG", raising=False)
    monkeypatch.setattr("sbc_desktop.kiosk.config.SYSTEM_CONFIG", tmp_path / "no-kiosk.toml")
    (tmp_path / "empty").mkdir()
    assert cli.main(["--content", str(tmp_path / "empty")]) == 2
    said = f"There are no topics to show in {tmp_path / 'empty'}. A content folder holds its pages as Markdown files"
    assert len(shown) == 1 and shown[0].startswith(said), shown
    assert said in capsys.readouterr().err
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]  # no window opened


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sbc-desktop {__version__}"
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for option in ("--topic", "--content", "--version", "check"):
        assert option in out


def test_gui_refuses_a_missing_content_folder(capsys, tmp_path):
    assert cli.main(["--content", str(tmp_path / "none")]) == 2
    assert "content folder not found" in capsys.readouterr().err


@pytest.mark.timeout(240)
def test_check_imports_no_widgets():
    code = (
        "import sys; from sbc_desktop import cli; cli.main(['check']); "
        "print(any('QtWidgets' in name for name in sys.modules))"
    )
    # (A cold check, in the test's own empty HOME: its workers learn the vocabulary first. At load 13
    # on 2 cores that took over 60 s once; what is tested here is the imports, not the time.)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=230)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_no_display_gives_a_clear_message_not_an_abort(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run([sys.executable, "-m", "sbc_desktop"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == display.EXIT_NO_DISPLAY, result.stderr  # an abort is -6
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("sbc-desktop cannot open its window")
    if "the system is missing" in result.stderr:  # a machine without the xcb libraries says which, first
        assert "sudo apt-get install" in result.stderr
    else:
        assert "No graphical display was found" in result.stderr
        assert "xcb-cursor0" not in result.stderr.split("Qt said:")[0]  # Qt's own hints are held back


def test_missing_library_message_names_it_and_the_fix():
    missing = display.missing_libraries({"libc.so.6": "libc6", "libnot-here.so.9": "libnothere9"})
    assert missing == {"libnot-here.so.9": "libnothere9"}
    text = display.explain_missing({"libxcb-cursor.so.0": "libxcb-cursor0"})
    assert "libxcb-cursor.so.0" in text
    assert "sudo apt-get install libxcb-cursor0" in text


def test_preflight_exits_cleanly_when_a_library_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(display, "uses_xcb", lambda *_: True)
    monkeypatch.setattr(display, "missing_libraries", lambda: {"libxcb-cursor.so.0": "libxcb-cursor0"})
    with pytest.raises(SystemExit) as exit_info:
        display.preflight()
    assert exit_info.value.code == display.EXIT_NO_DISPLAY
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err


def test_check_takes_the_day_to_check_review_dates_against(capsys):
    code, lines, err = run_check(capsys, "--today", "2099-01-01")
    assert code == 0 and any("review overdue since" in line for line in lines)
    with pytest.raises(SystemExit):
        cli.main(["check", "--today", "2027-13-02"])
    assert "not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_the_window_options_alone_are_read_as_the_whole_parser_reads_them():
    """A start reads --topic/--content/--lang/--kiosk without building every command's parser; anything
    else (a command, help, an abbreviation, a mistake) is left to the whole parser."""
    for argv in (
        [],
        ["--topic", "tests"],
        ["--content", "/x", "--kiosk"],
        ["--lang=fr", "--topic=a b"],
        ["-platform", "xcb"],
    ):
        whole = {key: value for key, value in vars(cli._parser().parse_args(argv)).items() if key != "version"}
        assert vars(cli._window_args(argv)) == whole, argv
    for argv in (["check"], ["--help"], ["-h"], ["--version"], ["--top", "a"], ["--topic"], ["x"], ["--kiosk", "1"]):
        assert cli._window_args(argv) is None, argv


@pytest.mark.timeout(120)
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    "args",
    [["list-topics"], ["list-topics", "--json"], ["check", "CONTENT"], ["search", "spread"], ["--version"]],
    ids=" ".join,
)
def test_a_reader_that_stops_early_ends_the_output_quietly(args, buffered, tmp_path):
    """`sbc-desktop list-topics | head`: no "Broken pipe", no traceback; the status a shell gives `seq 99999 | head`
    (128 + SIGPIPE). Buffered is how a user's shell runs it; unbuffered (PYTHONUNBUFFERED) writes at once."""
    content = make_content(tmp_path / "c", {"a": "See [x](topic:gone).", "b": "B"})
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    words = [str(content) if word == "CONTENT" else word for word in args]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sbc_desktop", *words], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # like `head` exiting before the output is written
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=100) == 128 + 13, err
    assert "Broken pipe" not in err and "Traceback" not in err and "Exception ignored" not in err, err


def test_a_broken_pipe_that_is_not_the_output_is_still_said(capsys, monkeypatch):
    """Only the output's own reader going is quiet: a connection that breaks (an update's server) is an error."""

    def broken(*_args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "list_topics", broken)
    assert cli.main(["list-topics"]) == 1
    assert "sbc-desktop: Broken pipe" in capsys.readouterr().err
