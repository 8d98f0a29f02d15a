"""Pages' headings and text for the search index, parsed in a process of its own.

    python -m sbc_desktop.content.page_text CONTENT_FOLDER [CACHE_FOLDER]

The index reads each page's text from the renderer's memory or disk cache when it is there.
A page not rendered yet must be parsed, and the Markdown parser holds Python's lock for all
of a page in one call (100-200 ms on a long page, measured): on a thread of the window's
process, the window would freeze for that long while someone types. So the window hands
such pages to this helper process, which loads the same content folder and parses them
(the same `Renderer.facts` the index used in the window: the same headings and words).

Protocol, one page at a time: the window writes a line of JSON, ``[topic id, length of its
Markdown]``; the helper answers a line ``"H T\\n"`` then H bytes of headings (UTF-8, joined by
U+001F) and T bytes of text. ``"-1 0\\n"`` means not this page (unknown here, another version
of the file, or its parse failed): the window parses it itself. The helper writes nothing to
disk but the parse cache the loader keeps for the folder (none at the kiosk) and ends when its
input ends (the window closed it, or went away).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .rendered import Heading, Rendered

if TYPE_CHECKING:
    from .library import Topic

SEPARATOR = "\x1f"
NOT_THIS = b"-1 0\n"


class Unavailable(Exception):
    """The helper cannot answer (it could not start, or it ended): parse in the window instead."""


class PageTextProcess:
    """The helper process, started at the first page asked for. Thread-safe; `close` from any thread."""

    MODULE = "sbc_desktop.content.page_text"  # what ``python -m`` runs (render_helper.py runs its own)

    def __init__(self, content: Path, cache_dir: Path | None = None):
        self.content = Path(content)
        self.cache_dir = cache_dir
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._closed = False

    @staticmethod
    def available() -> bool:
        """A frozen bundle has no ``python -m`` to run the helper with."""
        return not getattr(sys, "frozen", False) and bool(sys.executable)

    @property
    def usable(self) -> bool:
        """Whether to ask the helper (not once it has ended or could not start)."""
        return not self._closed and self.available()

    def rendered(self, topic: Topic) -> Rendered | None:
        """The page's headings and text (no HTML, no links), or None when the helper does not have this
        version of the page. Raises `Unavailable` when the helper cannot answer at all."""
        with self._lock:
            process = self._started()
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(json.dumps([topic.id, len(topic.body)]).encode() + b"\n")
                process.stdin.flush()
                header = process.stdout.readline()  # waits without Python's lock
                headings_size, text_size = (int(part) for part in header.split())
                if headings_size < 0:
                    return None
                headings = _read(process.stdout, headings_size)
                text = _read(process.stdout, text_size)
            except (OSError, ValueError) as exc:
                self._end()
                raise Unavailable(str(exc) or type(exc).__name__) from exc
        return Rendered(
            parts=(),
            headings=tuple(Heading(0, part, "") for part in _decoded(headings).split(SEPARATOR) if part),
            text=_decoded(text),
        )

    def _started(self) -> subprocess.Popen[bytes]:
        if self._closed:
            raise Unavailable("closed")
        if self._process is None:
            if not self.available():
                raise Unavailable("no Python to run the helper with")
            args = [sys.executable, "-m", self.MODULE, str(self.content)]
            if self.cache_dir is not None:
                args.append(str(self.cache_dir))
            try:
                self._process = subprocess.Popen(
                    args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
                )
            except OSError as exc:
                self._closed = True
                raise Unavailable(str(exc)) from exc
        return self._process

    def close(self) -> None:
        """End the helper (a page being read fails over to the window, which is closing anyway)."""
        self._closed = True
        self._end()

    def _end(self) -> None:
        process, self._process = self._process, None
        self._closed = True
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            process.wait(5)
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()


def _read(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise OSError("the page text helper ended")
    return data


def _send(stream: IO[bytes], data: bytes) -> None:
    """Write all of ``data`` and flush. A helper's stdout is a raw stream when Python runs unbuffered
    (PYTHONUNBUFFERED, ``-u``): one ``write`` is one system call, and a signal that comes while a pipe
    write waits for room ends that call early, having sent only part (it says how much); the rest
    is sent here."""
    view = memoryview(data)
    while view:
        sent = stream.write(view)
        if sent is None:  # (a non-blocking stream that would block: never the helpers')
            raise OSError("the window's end of the pipe is full")
        view = view[sent:]
    stream.flush()


def _decoded(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def serve(content: Path, cache_dir: Path | None, requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer each request (see the module's text) until the requests end."""
    from .loader import load_library
    from .render import Renderer

    library = load_library(content, check_links=False, cache_dir=cache_dir)
    renderer = Renderer(library, link_terms=False)
    for line in requests:
        answer = NOT_THIS
        try:
            ref, size = json.loads(line)
            topic = library.topic(str(ref))
            if topic is not None and len(topic.body) == size:
                page = renderer.facts(topic.body, topic)
                headings = _encoded(SEPARATOR.join(h.text.replace(SEPARATOR, " ") for h in page.headings))
                text = _encoded(page.text)
                answer = b"%d %d\n" % (len(headings), len(text)) + headings + text
        except Exception:  # noqa: BLE001 - this page is parsed by the window instead
            answer = NOT_THIS
        _send(answers, answer)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m sbc_desktop.content.page_text CONTENT_FOLDER [CACHE_FOLDER]", file=sys.stderr)
        return 2
    with contextlib.suppress(OSError, AttributeError):
        os.nice(5)  # behind the window
    serve(Path(args[0]), Path(args[1]) if len(args) == 2 else None, sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
