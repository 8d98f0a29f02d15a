"""Issue 13: the nurses' command line, as a nurse types it."""

from __future__ import annotations

import json

from sbc_desktop import cli
from tests.handout.pdf_text import read_pages, whole


def test_list_topics_text_and_json(capsys, builtin_dir):
    assert cli.main(["list-topics"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "SECTION"]
    row = next(line for line in lines if line.startswith("tests "))
    assert "Tests you might have" in row and "Tests and diagnosis" in row
    assert cli.main(["list-topics", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"id": "tests", "title": "Tests you might have", "section": "Tests and diagnosis"} in rows
    assert len({r["id"] for r in rows}) == len(rows) == len(lines) - 1


def test_list_topics_missing_folder(capsys, tmp_path):
    assert cli.main(["list-topics", "--content", str(tmp_path / "nope")]) == 2
    assert "content folder not found" in capsys.readouterr().err


def test_export_ids_any_case_each_once(capsys, tmp_path):
    out = tmp_path / "h.txt"
    assert cli.main(["export", "--topics", "TESTS, tests,Where-It-Spreads,tests", "-o", str(out)]) == 0
    assert "2 topics" in capsys.readouterr().out
    text = out.read_text("utf-8")
    assert text.count("Tests you might have\n") == 1 and "Where it can spread" in text
    assert text.index("Tests you might have") < text.index("Where it can spread")  # the order given
    assert cli.main(["export", "--topics", "TESTS,Nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no such topic: Nope" in err and "sbc-desktop list-topics" in err


def test_notes_in_the_windows_code_page_are_read_with_a_note(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes("Café at 10 \u2013 bring \u201ctablets\u201d".encode("cp1252"))
    out = tmp_path / "h.txt"
    assert cli.main(["export", "--topics", "tests", "--notes", str(notes), "-o", str(out)]) == 0
    assert "Café at 10 \u2013 bring \u201ctablets\u201d" in out.read_text("utf-8")
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "Windows-1252" in err and "codec" not in err
    # UTF-8 (with the byte-order mark Notepad adds) needs no note.
    notes.write_bytes("\ufeffCafé".encode())
    assert cli.main(["export", "--topics", "tests", "--notes", str(notes), "-o", str(out)]) == 0
    assert capsys.readouterr().err == "" and "\ufeff" not in out.read_text("utf-8")


def test_export_never_makes_a_folder(capsys, tmp_path):
    missing = tmp_path / "nonexistent" / "dir"
    assert cli.main(["export", "--topics", "tests", "-o", str(missing / "x.pdf")]) == 2
    assert f"the folder {missing} does not exist" in capsys.readouterr().err
    assert not (tmp_path / "nonexistent").exists()


def test_export_title_on_every_page_and_the_whole_care_team(capsys, tmp_path):
    out = tmp_path / "h.pdf"
    code = cli.main(["export", "--topics", "tests,care-team", "--questions", "--title", "Mrs Smith, 8 December",
                     "--clinic-name", "Ward 7", "--clinic-phone", "0100", "--clinic-nurse", "Sam",
                     "--clinic-nurse-phone", "0200", "--clinic-urgent-phone", "0300", "-o", str(out)])  # fmt: skip
    assert code == 0
    pages = read_pages(out)
    assert len(pages) > 2 and all(page.header == "Mrs Smith, 8 December" for page in pages)
    text = whole(pages)
    assert "Specialist nurse's phone 0200" in text and "Urgent help, day and night 0300" in text
    assert "Tick your top three" in text
