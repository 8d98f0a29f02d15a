"""The rendered-page cache on disk: used only for the very same page, never trusted blindly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from dataclasses import fields

import pytest

from sbc_desktop.content import prerender
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.content.render_cache import (
    INSTALLED,
    MAGIC,
    MAX_BYTES,
    RenderCache,
    _entry_from,
    _entry_to,
    cached_rendering,
    install_pages,
)
from sbc_desktop.content.rendered import Heading, Link, Rendered
from tests.helpers import make_content, renderers_made, topic, write

GLOSSARY = "terms:\n  - id: liver\n    term: liver\n    definition: An organ.\n"


def renderer_for(root, cache_dir, **options):
    return Renderer(load_library(root), disk=RenderCache.in_cache_dir(cache_dir), **options)


def html(renderer: Renderer, topic_id: str) -> str:
    return renderer.topic_html(renderer.library.topic(topic_id))


def test_a_page_rendered_once_is_read_back_not_rendered_again(tmp_path):
    root = make_content(tmp_path / "content", {"a": "Cancer in the liver.\n\n" + "More words. " * 500, "b": "B"},
                        glossary=GLOSSARY)  # fmt: skip
    first = renderer_for(root, tmp_path / "cache")
    made = html(first, "a")
    assert 'href="term:liver"' in made and first.disk.misses == 1

    second = renderer_for(root, tmp_path / "cache")  # a new window: nothing in memory
    second.render = None  # type: ignore[assignment,method-assign] - it must not render
    assert html(second, "a") == made
    assert second.disk.hits == 1 and second.terms_used(second.library.topic("a")) == {"liver"}


def test_a_changed_page_is_never_served_stale(tmp_path):
    root = make_content(tmp_path / "content", {"a": "Old words.", "b": "B"})
    assert "Old words" in html(renderer_for(root, tmp_path / "cache"), "a")
    write(root / "topics" / "a.md", topic("a", "New words."))
    assert "New words" in html(renderer_for(root, tmp_path / "cache"), "a")


@pytest.mark.parametrize(
    "change",
    [
        "glossary",  # a new glossary word is linked
        "topic",  # a link to a page that now exists is live
        "option",  # the renderer's settings
    ],
)
def test_what_around_a_page_changes_its_html_changes_the_key(tmp_path, change):
    root = make_content(tmp_path / "content", {"a": "The liver, see [c](topic:c).", "b": "B"})
    before = html(renderer_for(root, tmp_path / "cache"), "a")
    options = {}
    if change == "glossary":
        write(root / "glossary.yaml", GLOSSARY)
    elif change == "topic":
        write(root / "topics" / "c.md", topic("c", "C"))
    else:
        write(root / "glossary.yaml", GLOSSARY)
        html(renderer_for(root, tmp_path / "cache"), "a")  # cached with glossary links...
        options = {"link_terms": False}  # ...and asked for without them
    after = html(renderer_for(root, tmp_path / "cache", **options), "a")
    assert after != before or change == "option"
    if change == "glossary":
        assert 'href="term:liver"' in after
    elif change == "topic":
        assert 'href="topic:c"' in after
    else:
        assert "term:" not in after


def test_a_picture_added_later_is_shown(tmp_path):
    root = make_content(tmp_path / "content", {"a": "![A chart](chart.svg)", "b": "B"})
    assert "missing-picture" in html(renderer_for(root, tmp_path / "cache"), "a")
    write(root / "topics" / "chart.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert "chart.svg" in html(renderer_for(root, tmp_path / "cache"), "a").replace("missing-picture", "")


def blocks(data: bytes) -> tuple[bytes, list[bytes]]:
    """The entry's head (format and key lines) and its three blocks, as written (RenderCache.put)."""
    magic, key, sizes, rest = data.split(b"\n", 3)
    found, at = [], 0
    for size in map(int, sizes.split()):
        found.append(rest[at : at + size])
        at += size
    return magic + b"\n" + key + b"\n", found


def with_block(number: int, block: bytes):
    """A damage: the entry with its block ``number`` replaced (the sizes line made to fit it)."""

    def damage(data: bytes) -> bytes:
        head, found = blocks(data)
        found[number] = block
        return head + " ".join(str(len(b)) for b in found).encode() + b"\n" + b"".join(found)

    return damage


def with_json(number: int, change):
    """A damage: the entry's JSON block ``number`` (0: the parts' lengths and pictures, 2: the rest) changed."""

    def damage(data: bytes) -> bytes:
        value = json.loads(zlib.decompress(blocks(data)[1][number]))
        change(value)
        return with_block(number, zlib.compress(json.dumps(value).encode()))(data)

    return damage


# Each refused: by the whole entry's read (the renderer renders again), and all but the last four by the read of
# its parts alone too.
DAMAGES = [
    lambda data: b"",
    lambda data: data[: len(data) // 2],  # half written
    lambda data: data[:-1],  # one byte short
    lambda data: data + b"\0",  # one byte more
    lambda data: data.replace(MAGIC, b"sbc-rendered 1\n"),  # another format (the one before: one block of JSON)
    lambda data: data[: len(MAGIC)] + b"0" * 64 + data[len(MAGIC) + 64 :],  # another key's file
    lambda data: blocks(data)[0] + b"1 2\n" + b"".join(blocks(data)[1]),  # two sizes
    lambda data: blocks(data)[0] + b"-1 x 3\n" + b"".join(blocks(data)[1]),
    with_block(0, b"\xff" * 50),  # not compressed data
    with_block(1, b"\xff" * 50),
    with_block(1, zlib.compress(b"<p>Words to read.</p>")[:-2]),  # cut short
    with_block(1, zlib.compress(b"<p>Words to read!</p>")),  # not the parts' lengths
    with_block(1, zlib.compress(b"<p>\xffords to read.</p>")),  # not UTF-8
    with_block(0, zlib.compress(b"[1, 2]")),  # JSON of the wrong shape
    with_json(0, lambda v: v.update(sizes=[])),
    with_json(0, lambda v: v.update(sizes=[v["sizes"][0] + 1, -1])),
    with_json(0, lambda v: v.update(sizes=[True] * v["sizes"][0])),
    with_json(0, lambda v: v.update(pictures={})),
    with_json(0, lambda v: v.update(pictures=[["p.svg"]])),
    # Refused by the whole entry's read, and by the renderer's read of the parts (not there): not by the cache's.
    with_json(0, lambda v: v.update(pictures=[["p.svg", "file:///p.svg"]])),  # not the entry's own pictures
    # Refused by the whole entry's read only: the parts are whole (their block's checksum, their lengths).
    with_block(2, b"\xff" * 50),
    with_block(2, zlib.compress(b'{"parts": []}')),
    with_json(2, lambda v: v["links"].append(["a", "web", "a", 1])),
]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_broken_or_foreign_entry_is_ignored_and_the_page_rendered(tmp_path, damage):
    root = make_content(tmp_path / "content", {"a": "Words to read.", "b": "B"})
    renderer = renderer_for(root, tmp_path / "cache")
    made = html(renderer, "a")
    key = renderer.cache_key(renderer.library.topic("a"))
    assert renderer.disk.parts(key) == (renderer.rendered(renderer.library.topic("a")).parts, ())
    (entry,) = (tmp_path / "cache" / "rendered").glob("*.page")
    entry.write_bytes(damage(entry.read_bytes()))
    refused_whole = RenderCache.in_cache_dir(tmp_path / "cache")
    assert refused_whole.get(key) is None
    if DAMAGES.index(damage) < len(DAMAGES) - 4:
        assert refused_whole.parts(key) is None and refused_whole.hits == 0
    again = renderer_for(root, tmp_path / "cache")
    topic_a = again.library.topic("a")
    if DAMAGES.index(damage) < len(DAMAGES) - 3:
        assert again.cache_key(topic_a) and again.stored_parts(topic_a) is None  # (see stored_parts)
    hits = again.disk.hits
    assert html(again, "a") == made and again.disk.hits == hits  # not read from the disk: rendered again


def test_the_parts_alone_are_read_for_a_page_whose_pictures_are_where_they_were(tmp_path):
    body = "# Top\n\n![A chart](chart.svg) and [b](topic:b).\n\n" + "More words. " * 2000
    root = make_content(tmp_path / "content", {"a": body, "b": "B"}, glossary=GLOSSARY)
    write(root / "topics" / "chart.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    made = renderer_for(root, tmp_path / "cache")
    whole = made.rendered(made.library.topic("a"))
    assert len(whole.parts) > 1
    again = renderer_for(root, tmp_path / "cache")
    topic_a = again.library.topic("a")
    assert again.stored_parts(topic_a) is None  # (the library's stamp not made yet: not in the reader's step)
    assert again.cache_key(topic_a) and again.stored_parts(topic_a) == whole.parts
    assert not again.is_cached("a") and again.disk.hits == 1  # read, not kept: the rest of the entry not read
    (root / "topics" / "chart.svg").unlink()  # gone since: not shown from the disk
    assert again.stored_parts(topic_a) is None
    assert "missing-picture" in again.rendered(topic_a).html


def _good_entry() -> dict:
    return {
        "parts": ["<p>a</p>", "<p>b</p>"],
        "links": [["b.md", "topic", "topic:b", 3, "B"], ["https://x.org", "web", "https://x.org", 0, ""]],
        "headings": [[2, "About", "about"]],
        "text": "a\nb",
        "terms": ["liver"],
    }


@pytest.mark.parametrize(
    "damage",
    [
        lambda e: e.pop("parts"),
        lambda e: e.update(parts=[]),
        lambda e: e.update(parts="<p>a</p>"),
        lambda e: e["parts"].append(1),
        lambda e: e.update(terms=("liver",)),
        lambda e: e["terms"].append(None),
        lambda e: e.update(text=None),
        lambda e: e.update(links={}),
        lambda e: e.update(headings=None),
        lambda e: e["links"].append(["a", "web", "a", 1]),  # four fields
        lambda e: e["links"].append(("a", "web", "a", 1, "")),  # not a list
        lambda e: e["links"][0].__setitem__(3, True),  # a bool is no line
        lambda e: e["links"][0].__setitem__(3, "3"),
        lambda e: e["links"][1].__setitem__(4, None),
        lambda e: e["links"][1].__setitem__(0, b"https://x.org"),
        lambda e: e["headings"].append([2, "x"]),
        lambda e: e["headings"][0].__setitem__(0, 2.0),
        lambda e: e["headings"][0].__setitem__(2, 0),
    ],
)
def test_an_entry_of_the_wrong_shape_is_none_and_a_good_one_comes_back_whole(damage):
    good = _good_entry()
    made = _entry_from(good)
    assert made is not None and _entry_to(made) == good
    assert made.links[0] == Link("b.md", "topic", "topic:b", 3, "B")
    assert made.headings == (Heading(2, "About", "about"),)
    bad = _good_entry()
    damage(bad)
    assert _entry_from(bad) is None
    assert _entry_from([good]) is None


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    root = make_content(tmp_path / "content", {"a": "Words to read.", "b": "B"})
    assert "Words to read" in html(renderer_for(root, blocked), "a")
    assert not RenderCache.in_cache_dir(blocked).put("k" * 64, Rendered(("<p>x</p>",)))


def test_the_cache_is_bounded_and_the_least_recently_used_go_first(tmp_path):
    cache = RenderCache(tmp_path / "rendered", max_bytes=25_000)
    noise = os.urandom(6000).hex()  # hex: each entry about 7 KB compressed
    for index in range(3):
        assert cache.put(f"{index:064d}", Rendered((noise + str(index),)))
        os.utime(cache.path(f"{index:064d}"), ns=(index * 10**9, index * 10**9))
    cache.touch(f"{0:064d}")  # read just now: kept
    cache.put(f"{3:064d}", Rendered((noise + "3",)))
    assert cache.size() <= 25_000
    assert cache.get(f"{0:064d}") is not None and cache.get(f"{3:064d}") is not None
    assert cache.get(f"{1:064d}") is None


def test_prerender_fills_the_cache_once_and_the_window_reads_it(tmp_path):
    root = make_content(tmp_path / "content", {"a": "Words to read.", "b": "More words."})
    assert prerender.prerender(root, tmp_path / "cache")[:2] == (2, 2)
    assert prerender.prerender(root, tmp_path / "cache")[:2] == (0, 2)  # nothing new to do
    reader = renderer_for(root, tmp_path / "cache")
    assert "More words" in html(reader, "b") and reader.disk.hits == 1


def test_every_field_of_a_rendering_comes_back_from_disk(tmp_path):
    body = "# Top\n\nThe liver. [b](topic:b), [web](https://example.org), [gone](topic:zz), ![p](p.svg)\n\n"
    body += "## Next\n\n- x"
    root = make_content(tmp_path / "content", {"a": body, "b": "B"}, glossary=GLOSSARY)
    made = renderer_for(root, tmp_path / "cache")
    first = made.rendered(made.library.topic("a"))
    assert first.links and first.headings and first.terms and first.text
    again = renderer_for(root, tmp_path / "cache")
    assert again.rendered(again.library.topic("a")) == first and again.disk.hits == 1
    assert set(_entry_to(first)) == {f.name for f in fields(Rendered)}  # a new field must be kept too


def test_start_up_reads_a_rendering_without_the_renderer(tmp_path):
    root = make_content(tmp_path / "content", {"a": "Cancer in the liver.", "b": "B"}, glossary=GLOSSARY)
    library = load_library(root)
    assert cached_rendering(tmp_path / "cache", library, library.topic("a")) is None  # nothing yet
    made = renderer_for(root, tmp_path / "cache").rendered(library.topic("a"))
    assert cached_rendering(tmp_path / "cache", library, library.topic("a")) == made
    assert cached_rendering(tmp_path / "cache", library, library.topic("a"), link_terms=False) is None
    assert cached_rendering(tmp_path / "not-a-folder", library, library.topic("a")) is None


def test_the_start_up_lookup_needs_no_renderer_and_its_module_no_parser(tmp_path):
    root = make_content(tmp_path / "content", {"a": "Words.", "b": "B"})
    prerender.prerender(root, tmp_path / "cache")
    code = (
        "import sys; from pathlib import Path; from sbc_desktop.content.render_cache import cached_rendering; "
        "print('pyromark' in sys.modules, 'nh3' in sys.modules); "
        "from sbc_desktop.content.loader import load_library; "
        f"lib = load_library(Path({str(root)!r}), check_links=False); "  # as the window loads it
        f"print(cached_rendering(Path({str(tmp_path / 'cache')!r}), lib, lib.topic('a')) is not None); "
        "from sbc_desktop.pages import Pages; "
        f"pages = Pages.for_window(lib, Path({str(tmp_path / 'cache')!r})); "
        "print('Words.' in pages.html_for('topic:a'), 'pyromark' in sys.modules, 'nh3' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    # The window's first page, in the cache, is shown without the Markdown parser (pyromark) or nh3 being imported.
    assert done.stdout.split() == ["False", "False", "True", "True", "False", "False"], done.stderr


def test_the_first_page_from_the_disk_then_the_renderer_for_the_next(tmp_path, monkeypatch):
    from sbc_desktop.pages import Pages

    root = make_content(tmp_path / "content", {"a": "Cancer in the liver.", "b": "B words."}, glossary=GLOSSARY)
    prerender.prerender(root, tmp_path / "cache")
    library = load_library(root)
    expected = Pages(library).html_for("topic:a")
    made = renderers_made(monkeypatch)
    pages = Pages.for_window(library, tmp_path / "cache")
    assert pages.html_for("topic:a") == expected and not made  # from the disk, no renderer made
    assert pages.html_for("topic:a") == expected and not made
    assert "B words." in pages.html_for("topic:b") and len(made) == 1  # another page: the renderer, once
    assert pages.renderer is made[0] and pages.renderer.is_cached("a")  # the first page handed over
    assert pages.html_for("topic:a") == expected and pages.renderer.disk.hits == 1  # b's, not a's again


def test_with_no_cache_yet_the_first_page_is_rendered(tmp_path):
    from sbc_desktop.pages import Pages

    root = make_content(tmp_path / "content", {"a": "Cancer in the liver.", "b": "B"}, glossary=GLOSSARY)
    library = load_library(root)
    pages = Pages.for_window(library, tmp_path / "cache")
    assert pages.html_for("topic:a") == Pages(library).html_for("topic:a")
    assert list((tmp_path / "cache" / "rendered").glob("*.page"))  # and kept for the next start


def installed_pages(tmp_path, monkeypatch, pages: dict[str, str]):
    """A content folder whose pages an install rendered (code_cache.prepare): (folder, the install's pages)."""
    root = make_content(tmp_path / "content", pages, glossary=GLOSSARY)
    prerender.prerender(root, tmp_path / "install-home")
    installed = tmp_path / "installed"
    assert install_pages(tmp_path / "install-home" / "rendered", installed) == len(pages)
    monkeypatch.setenv(INSTALLED, str(installed))
    return root, installed


def test_a_page_the_install_rendered_is_read_from_there_and_nothing_is_written_there(tmp_path, monkeypatch):
    root, installed = installed_pages(tmp_path, monkeypatch, {"a": "Cancer in the liver.", "b": "B words."})
    made = html(renderer_for(root, tmp_path / "made-here"), "a")  # (rendered in a home of its own: the same page)
    before = {path.name: path.stat().st_mtime_ns for path in installed.iterdir()}
    assert all(path.stat().st_mode & 0o777 == 0o644 for path in installed.iterdir())  # (every user's start reads them)
    home = renderer_for(root, tmp_path / "cache")
    home.render = None  # type: ignore[assignment,method-assign] - it must not render
    assert html(home, "a") == made and home.disk.hits == 1 and home.terms_used(home.library.topic("a")) == {"liver"}
    library = load_library(root)
    assert cached_rendering(tmp_path / "cache", library, library.topic("b")) is not None  # (a start's lookup too)
    assert prerender.prerender(root, tmp_path / "cache")[:2] == (0, 2)  # the pre-render has nothing to do
    assert not list((tmp_path / "cache").rglob("*.page"))  # nothing written in the home
    assert {path.name: path.stat().st_mtime_ns for path in installed.iterdir()} == before  # nor there


def test_a_changed_or_damaged_installed_page_is_rendered_and_kept_in_the_home(tmp_path, monkeypatch):
    root, installed = installed_pages(tmp_path, monkeypatch, {"a": "Old words.", "b": "B words."})
    write(root / "topics" / "a.md", topic("a", "New words."))
    assert "New words" in html(renderer_for(root, tmp_path / "cache"), "a")  # another key: never the old page
    for entry in installed.iterdir():
        entry.write_bytes(entry.read_bytes()[:40])
    again = renderer_for(root, tmp_path / "cache")
    assert "B words" in html(again, "b") and again.disk.hits == 0
    assert len(list((tmp_path / "cache" / "rendered").glob("*.page"))) == 2  # kept in the home's own folder
    assert all(len(entry.read_bytes()) == 40 for entry in installed.iterdir())  # the install's left as it was


def test_an_install_keeps_only_its_own_pages(tmp_path, monkeypatch):
    root, installed = installed_pages(tmp_path, monkeypatch, {"a": "Words.", "b": "B words."})
    (installed / "v1earlier-version.page").write_bytes(b"an earlier install's")
    write(root / "topics" / "a.md", topic("a", "New words."))
    monkeypatch.setenv(INSTALLED, str(tmp_path / "none"))  # (as prepare renders: every page, none skipped)
    prerender.prerender(root, tmp_path / "again")
    assert install_pages(tmp_path / "again" / "rendered", installed) == 2
    assert {path.name for path in installed.iterdir()} == {p.name for p in (tmp_path / "again" / "rendered").iterdir()}
    assert install_pages(tmp_path / "nothing-made", installed) == 0 and not list(installed.iterdir())
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert install_pages(tmp_path / "again" / "rendered", blocked / "installed") == 0  # (starts render then)


def test_a_page_whose_write_failed_is_not_counted_as_stored(tmp_path, capsys):
    """A full or read-only disk: the pre-render said every page was ready when none was."""
    root = make_content(tmp_path / "content", {f"t{n}": f"Words {n}." for n in range(6)})
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    renderer = renderer_for(root, blocked)
    assert renderer.store(renderer.library.topic("t0")) is False
    assert prerender.main([str(root), str(blocked)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("prerendered 0 of 6 topics")
    assert f"{prerender.GIVE_UP_AFTER} could not be stored: the folder cannot be written ({blocked})" in said


def legacy_entry(folder, size, when):
    """An entry as an earlier version of the code left it (its name has no version): sparse, so
    a test can fill a 256 MB cache without writing 256 MB."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{os.urandom(32).hex()}.page"
    with open(path, "wb") as stream:
        stream.truncate(size)
    os.utime(path, (when, when))
    return path


def test_an_earlier_versions_entries_do_not_stop_the_pre_render(tmp_path):
    """They filled the cache's room (counted against its limit) and could never be read again."""
    root = make_content(tmp_path / "content", {"a": "Words to read.", "b": "More words."})
    old = legacy_entry(tmp_path / "cache" / "rendered", 200 * 1024 * 1024, 1_000_000)
    assert prerender.prerender(root, tmp_path / "cache")[:2] == (2, 2)
    assert not old.exists()
    assert renderer_for(root, tmp_path / "cache").disk.size() < 1024 * 1024


def test_the_window_removes_an_earlier_versions_entries_before_its_own_pages(tmp_path):
    """Over the limit, an earlier version's entries go first, even ones used more recently than
    this version's pages (read just before the update)."""
    root = make_content(tmp_path / "content", {"a": "Words to read.", "b": "More words.", "c": "Third."})
    renderer = renderer_for(root, tmp_path / "cache")
    html(renderer, "a")
    (mine,) = (tmp_path / "cache" / "rendered").glob("*.page")
    os.utime(mine, (1_000_000, 1_000_000))  # read long ago
    old = legacy_entry(tmp_path / "cache" / "rendered", MAX_BYTES - 64, 2_000_000)  # with a page: over it
    later = renderer_for(root, tmp_path / "cache")  # the next start: its first write measures the folder
    html(later, "b")
    assert not old.exists()
    assert mine.exists() and later.disk.get(later.cache_key(later.library.topic("a"))) is not None
