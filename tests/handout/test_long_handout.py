"""A handout taller than Qt's text layout can hold (about 729 A4 pages at the handout's 1,200 dpi,
review14 S1) is printed whole: it is set out a piece at a time (its first pages, each topic, the
medical words), and a single piece that tall is refused with a message, before any file is written."""

from __future__ import annotations

import re

from sbc_desktop import cli
from tests.handout.pdf_text import read_pages
from tests.helpers import make_content

PER_TOPIC = 8_000  # numbered lines a topic: three of them fill about 830 pages, past Qt's 729
NUMBER = re.compile(r"\bN(\d{5})\b")


def numbered(first: int, count: int) -> str:
    return "\n\n".join(f"N{n:05d} is one numbered line of a very long topic." for n in range(first, first + count))


def stack(root, topics: int, per_topic: int = PER_TOPIC):
    """A content folder of ``topics`` long topics, their lines numbered on from one topic to the next."""
    return make_content(root, {f"long-{i}": numbered(i * per_topic, per_topic) for i in range(topics)})


def test_a_stack_of_topics_longer_than_qt_can_lay_out_prints_every_line_once_in_order(qapp, tmp_path, capsys):
    content, out = stack(tmp_path / "content", 3), tmp_path / "stack.pdf"
    code = cli.main(["export", "--content", str(content), "--topics", "long-0,long-1,long-2", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    pages = read_pages(out)
    assert len(pages) > 760  # past the 729 pages where the old single layout stopped
    numbers = [int(n) for page in pages for line in page.body for n in NUMBER.findall(line)]
    assert numbers == list(range(3 * PER_TOPIC))  # each once, in order: none lost, none drawn twice
    # One running count across the pieces: "Page 1 of 830" to "Page 830 of 830".
    assert [re.search(r"Page (\d+) of (\d+)", page.footer).groups() for page in pages] == [
        (str(n), str(len(pages))) for n in range(1, len(pages) + 1)
    ]
    # Each topic starts a page, as it always has.
    starts = [page.number for page in pages if page.body and page.body[0:2] == ["Section one", page.body[1]]]
    assert [pages[n - 1].body[1] for n in starts] == ["Long-0", "Long-1", "Long-2"]


def test_one_topic_too_long_to_print_is_refused_by_name_and_nothing_is_written(qapp, tmp_path, capsys):
    content, out = stack(tmp_path / "content", 1, per_topic=3 * PER_TOPIC), tmp_path / "one.pdf"
    code = cli.main(["export", "--content", str(content), "--topics", "long-0", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "\u201cLong-0\u201d is too long to print at once" in err, err
    assert "make the handout without it" in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "content"]  # no part-written file either
    out.write_bytes(b"the handout printed yesterday")
    assert cli.main(["export", "--content", str(content), "--topics", "long-0", "-o", str(out)]) == 1
    assert out.read_bytes() == b"the handout printed yesterday"  # kept as it was
