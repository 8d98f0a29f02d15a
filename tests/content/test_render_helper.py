"""The render helper's side of its protocol (content/render_helper.py), served in this process."""

from __future__ import annotations

import io
import marshal
import os
import select
import signal
import struct
import subprocess
import sys
import time

import pytest

from sbc_desktop.content import render_cache
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.content.render_cache import RenderCache
from sbc_desktop.content.render_helper import LAST, READY, _framed, serve
from tests.helpers import make_content


def test_a_page_is_answered_before_it_is_written_to_the_disk_cache(tmp_path, monkeypatch):
    # At home the helper keeps each page it renders on disk: 20-25 ms of CPU and the disk's time for a long NCI
    # page. The reader waits for the answer's end to show the last part: the write comes after it.
    body = "\n\n".join(f"Paragraph {number} of a long page about secondary breast cancer." for number in range(300))
    root = make_content(tmp_path / "content", {"long": body})
    library = load_library(root)
    topic = library.topic("long")
    key = Renderer(library).cache_key(topic)  # (the window's renderer's key for it)
    names = (list(library.topics), [(term.id, term.names) for term in library.glossary.values()])
    request = (topic.id, topic.body, topic.url, str(topic.path), key, False, True)  # parts sent early
    requests = io.BytesIO(_framed(marshal.dumps(names)) + _framed(marshal.dumps(request)))
    answers = io.BytesIO()
    said_when_written: list[bytes] = []
    real_put = render_cache.RenderCache.put

    def put(self, put_key, entry):
        said_when_written.append(answers.getvalue())
        return real_put(self, put_key, entry)

    monkeypatch.setattr(render_cache.RenderCache, "put", put)
    serve(root, tmp_path / "cache", requests, answers)

    said = answers.getvalue()
    assert said.startswith(READY + b"P")  # its parts first, as they were made
    # then that they were all (before the rest of the answer is made), then the answer: its parts, as sent
    parts_said, rest = said[len(READY) :].split(LAST, 1)
    sent, at = [], 0
    while at < len(parts_said):
        line_end = parts_said.index(b"\n", at)
        assert parts_said[at : at + 1] == b"P"
        size = int(parts_said[at + 1 : line_end])
        sent.append(marshal.loads(parts_said[line_end + 1 : line_end + 1 + size]))
        at = line_end + 1 + size
    size_line, entry = rest.split(b"\n", 1)
    assert int(size_line) == len(entry) and len(sent) > 1 and marshal.loads(entry)["parts"] == sent
    assert said_when_written == [said]  # the whole answer had gone when the write began
    assert RenderCache.in_cache_dir(tmp_path / "cache").has(key)  # and the page is kept


def _long_page_request(tmp_path):
    """A content folder with one long page, the helper's first message, and a request for that page
    (asked for, no parts early) whose answer is several times a pipe's room."""
    body = "\n\n".join(f"Paragraph {number} of a long page about secondary breast cancer." for number in range(4000))
    root = make_content(tmp_path / "content", {"long": body})
    library = load_library(root)
    topic = library.topic("long")
    key = Renderer(library).cache_key(topic)
    names = (list(library.topics), [(term.id, term.names) for term in library.glossary.values()])
    request = (topic.id, topic.body, topic.url, str(topic.path), key, False, False)
    return root, _framed(marshal.dumps(names)), _framed(marshal.dumps(request))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pipe's fill is read with Linux's F_GETPIPE_SZ")
def test_an_answer_arrives_whole_when_the_cancel_signal_comes_while_it_is_written(tmp_path):
    # Session 29: a page rendered ahead stayed "Loading this page" for minutes. The window's cancel signal came
    # while the helper wrote an answer longer than the pipe holds; with Python unbuffered (PYTHONUNBUFFERED, set
    # on the machines it was seen on) that write is one system call, the signal ends it having sent only part,
    # and the helper went on as if all had gone: the window waited forever for the rest.
    import fcntl

    root, names, request = _long_page_request(tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sbc_desktop.content.render_helper", str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        bufsize=0,
    )
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(names)
        ready = process.stdout.read(len(READY))
        assert ready == READY
        process.stdin.write(request)
        process.stdin.close()  # (the helper ends once it has answered)
        # The helper's answer fills the pipe (nothing is read meanwhile) and its write waits for room, part sent.
        fd = process.stdout.fileno()
        room = fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
        deadline = time.monotonic() + 50
        while _in_pipe(fd) < room:
            assert process.poll() is None and time.monotonic() < deadline, "the helper never filled the pipe"
            select.select([], [], [], 0.01)  # (a poll: nothing to wait on for a pipe's fill)
        os.kill(process.pid, signal.SIGUSR1)  # what RenderHelper.cancel_ahead sends
        said = b""
        while chunk := process.stdout.read(1 << 16):
            said += chunk
        process.wait(50)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    line, _, data = said.partition(b"\n")
    assert int(line) > room  # (longer than the pipe holds: part sent when signalled)
    assert len(data) == int(line)  # all of it (the old helper sent 64 KiB and stopped)
    entry = render_cache._entry_from(marshal.loads(data))
    assert "Paragraph 3999 of a long page" in entry.text


def _in_pipe(fd: int) -> int:
    import fcntl
    import termios

    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def test_a_part_cut_short_by_a_signal_is_sent_whole(tmp_path):
    # The same, whatever the answers' stream: one that takes at most 1,000 bytes a write, as a raw pipe does
    # when a signal comes mid-write, still carries each answer whole, in its frame.
    root, names, request = _long_page_request(tmp_path)

    class Cut(io.RawIOBase):
        def __init__(self):
            self.said = bytearray()

        def writable(self):
            return True

        def write(self, data):
            taken = bytes(data[:1000])
            self.said += taken
            return len(taken)

    answers = Cut()
    serve(root, None, io.BytesIO(names + request), answers)
    said = bytes(answers.said)
    assert said.startswith(READY)
    line, _, data = said[len(READY) :].partition(b"\n")
    assert len(data) == int(line)
    assert "Paragraph 3999 of a long page" in render_cache._entry_from(marshal.loads(data)).text
