"""Whole pages rendered in a process of their own, for the reader (and ahead of it).

    python -m sbc_desktop.content.render_helper CONTENT_FOLDER [CACHE_FOLDER]

A long page not yet rendered must be parsed before it can be shown, and the Markdown parser holds
Python's lock for all of a page in one call (100-220 ms on a long NCI page): on a thread of the
window's process the window stood still that long. This helper renders the page with the same code
(`Renderer.render`: HTML parts, links, headings, text, glossary words) from what the window sends:
the library around the pages once (topic ids and glossary names: what a rendering depends on; the
helper reads no content file but pictures, so it is ready in well under a second), then each page's
Markdown, id, address and file. It sends the whole rendering back; the window only decodes it.
Pages the reader is likely to open next are rendered here too, ahead of time, at low priority,
and a page the reader asks for cancels the one being rendered ahead (POSIX: a signal).

Protocol (the same process handling as page_text.py): the window first sends ``"N\\n"`` and N
bytes, marshal of (topic ids, [(term id, [names])]) in the library's order; the helper says
``ready\\n`` once its renderer is made. Then one page at a time: ``"N\\n"`` and N bytes, marshal of
(topic id, Markdown, address, file, key, ahead, parts early), key being the page's key in the render cache
(render_cache.key_of_topic: a hash of the page, the library around it and this code; a helper whose
own key differs, another version of the code, says not this page); the helper answers ``"N\\n"``
then N bytes (marshal of render_cache's plain entry). With "parts early" (a page the reader waits
for) each part of the page's HTML comes first, as soon as it is made: ``"PN\\n"`` and N bytes (marshal
of the part), so that the window builds the top of a long page while the rest is parsed here; then
``"E\\n"`` once the last part has gone (the window may show the whole page while the rest of the
answer, its links, headings and words, is made, sent and decoded: 3-7 ms on a long page).
``"-1\\n"``: not this page (the keys differ) or its render failed: the window renders it itself.
``"-2\\n"``: a page rendered ahead, cancelled. With a cache folder (at home) the helper keeps what
it renders in the render cache on disk too, once its answer has gone (the reader waits for no disk);
without one (the kiosk) it writes nothing to disk at all. It ends when its input ends.

Each message is written whole (page_text._send: the window's signal can cut a raw write short), on a
copy of stdout that nothing else writes to. A page asked for waits for the helper `ASKED_WAIT_S` at most
(behind a page rendered ahead, which it cancels): a helper that late is ended and the window renders it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from .page_text import PageTextProcess, Unavailable, _read, _send
from .render_cache import _entry_from, _entry_to

if TYPE_CHECKING:
    from .library import Library, Topic
    from .render import Renderer
    from .rendered import Rendered

NOT_THIS = b"-1\n"
LAST = b"E\n"  # the parts sent early are all the page's (see the module's text)
CANCELLED = b"-2\n"
READY = b"ready\n"
# A page asked for waits this long at most for the helper to be free (behind a page rendered ahead, which it
# cancels: that takes a few ms), else the helper is ended and the page rendered in the window.
ASKED_WAIT_S = 2.0
# A page asked for: the helper silent this long (up to twice as long) while its answer comes is stuck, and ended
# (a long page's parts come every few ms; its whole render takes 100-220 ms).
ASKED_SILENT_S = 10.0
CANCEL_SIGNAL = getattr(signal, "SIGUSR1", None)  # (none on Windows: a page rendered ahead is waited for)


class Cancelled(BaseException):
    """Raised in the helper by the window's signal while it renders a page ahead (not an Exception:
    the renderer's own `except Exception` must not swallow it)."""


def _framed(data: bytes) -> bytes:
    return b"%d\n" % len(data) + data


class RenderHelper(PageTextProcess):
    """The helper process for one library; `warm` starts it (on a thread), `ready` says when it answers.
    Thread-safe."""

    MODULE = "sbc_desktop.content.render_helper"

    def __init__(self, library: Library, cache_dir: Path | None = None):
        super().__init__(library.root, cache_dir)
        self.library = library  # the library its pages are rendered in (the window's renderer's)
        self._ready = threading.Event()
        self._warming = False
        self._ahead_busy = False  # a page is being rendered ahead (cancel_ahead may stop it)
        self.cancelled = 0  # pages rendered ahead that were cancelled (tests read it)

    @property
    def ready(self) -> bool:
        """Started, its renderer made, not ended: a page asked for now is answered in its render's time."""
        return self._ready.is_set() and self.usable

    @property
    def ended(self) -> bool:
        """It was ready, and has ended since (stuck and ended, or it died; or closed)."""
        return self._ready.is_set() and not self.usable

    def warm(self, meanwhile: Callable[[], object] | None = None) -> None:
        """Start the helper in the background (once); `ready` once it can render. ``meanwhile``: called on that
        thread once the helper has said it is ready, before it is `ready` (what the window needs to ask it for a
        page made there, not on the way of the first page asked for)."""
        if self._warming or not self.usable:
            return
        self._warming = True
        threading.Thread(target=self._warm, args=(meanwhile,), name="render-helper-start", daemon=True).start()

    def _warm(self, meanwhile: Callable[[], object] | None = None) -> None:
        names = (list(self.library.topics), [(term.id, term.names) for term in self.library.glossary.values()])
        with self._lock:
            try:
                process = self._started()
                assert process.stdin is not None and process.stdout is not None
                process.stdin.write(_framed(marshal.dumps(names)))
                process.stdin.flush()
                said = process.stdout.readline()  # waits without Python's lock
            except (Unavailable, OSError, ValueError):
                self._end()
                return
            if said != READY:
                self._end()
                return
            if meanwhile is not None:
                with contextlib.suppress(Exception):  # (not made here: made by the first page asked for, as before)
                    meanwhile()
            self._ready.set()

    def rendered_page(
        self,
        topic: Topic,
        key: str,
        ahead: bool = False,
        on_part: Callable[[str], None] | None = None,
        on_last: Callable[[], None] | None = None,
    ) -> Rendered | None:
        """The topic's whole rendering made in the helper, or None (its render failed there, another
        version of the code, or ``ahead`` and it was cancelled). Raises `Unavailable` when the helper
        cannot answer (not ready, ended, or it could not start): render the page in the window then.
        ``on_part``: called with each part of the HTML as soon as the helper has made it (not for a page
        it had on disk; the rendering returned holds them all, or other ones should its parse fail); ``on_last``
        once the last of them has come (before the rest of the rendering)."""
        if not self.ready:
            raise Unavailable("not ready")
        early = on_part is not None
        request = _framed(marshal.dumps((topic.id, topic.body, topic.url, str(topic.path), key, ahead, early)))
        if not self._lock.acquire(timeout=-1 if ahead else ASKED_WAIT_S):
            # A page asked for waits behind another (one rendered ahead: cancelled, it ends in a moment) no
            # longer than this: a helper this late is stuck. It is ended (its pages fail over to the window).
            self._end()
            raise Unavailable("the helper did not answer in time")
        try:
            process = self._process
            if process is None or process.stdin is None or process.stdout is None:
                raise Unavailable("ended")
            self._ahead_busy = ahead
            silence = None if ahead else _Silence(process)
            try:
                process.stdin.write(request)
                process.stdin.flush()
                said = process.stdout.readline()  # waits without Python's lock
                while said[:1] == b"P" or said == LAST:  # a part made, or the last has come (see the module's text)
                    if said == LAST:
                        if on_last is not None:
                            on_last()
                        said = process.stdout.readline()
                        continue
                    part = marshal.loads(_read(process.stdout, int(said[1:])))
                    if silence is not None:
                        silence.heard()
                    if on_part is not None and type(part) is str:
                        on_part(part)
                    said = process.stdout.readline()
                size = int(said)
                self.cancelled += size == -2
                data = _read(process.stdout, size) if size > 0 else b""
            except (OSError, ValueError, EOFError) as exc:
                self._end()
                raise Unavailable(str(exc) or type(exc).__name__) from exc
            except BaseException:
                self._end()  # (never an answer left half read: the next page would read the rest of it)
                raise
            finally:
                self._ahead_busy = False
                if silence is not None:
                    silence.stop()
        finally:
            self._lock.release()
        if not data:
            return None
        try:
            return _entry_from(marshal.loads(data))
        except (ValueError, EOFError, TypeError):
            return None

    def cancel_ahead(self) -> None:
        """Stop the page being rendered ahead, if one is (its answer is then "cancelled")."""
        process = self._process
        if self._ahead_busy and process is not None and CANCEL_SIGNAL is not None:
            with contextlib.suppress(OSError):
                os.kill(process.pid, CANCEL_SIGNAL)


class _Silence:
    """While a page asked for comes from the helper: ends the helper should it fall silent `ASKED_SILENT_S`
    (its reads then end, and the window renders the page). A thread of its own, for that page's answer."""

    def __init__(self, process: subprocess.Popen[bytes]):
        self._heard = 0
        self._done = threading.Event()
        threading.Thread(target=self._watch, args=(process,), name="render-helper-silence", daemon=True).start()

    def heard(self) -> None:
        self._heard += 1

    def stop(self) -> None:
        self._done.set()

    def _watch(self, process: subprocess.Popen[bytes]) -> None:
        seen = -1
        while not self._done.wait(ASKED_SILENT_S):
            if self._heard == seen:
                with contextlib.suppress(OSError):
                    process.kill()
                return
            seen = self._heard


class _Cancellable:
    """In the helper: whether the window's signal may stop what runs now (a page rendered ahead).

    The window signals only while it waits for a page rendered ahead; the signal may come before the
    helper has read that request: it is then kept (``asked``) and the page is not rendered."""

    armed = False
    asked = False

    @classmethod
    def on_signal(cls, _signum, _frame) -> None:
        if cls.armed:
            cls.armed = False
            raise Cancelled
        cls.asked = True

    @classmethod
    def arm(cls) -> None:
        if cls.asked:
            cls.asked = False
            raise Cancelled
        cls.armed = True


def _message(stream: IO[bytes]) -> object | None:
    """The next framed message, or None when the window has closed its end."""
    line = stream.readline()
    if not line:
        return None
    return marshal.loads(_read(stream, int(line)))


def helper_library(root: Path, names: object) -> Library:
    """The library around the pages as the renderer needs it: the topic ids (links to them) and the
    glossary's names (the words linked); no topic's text (each page comes with its request)."""
    from .library import GlossaryTerm, Library

    ids, terms = cast("tuple[list[str], list[tuple[str, list[str]]]]", names)
    topics = dict.fromkeys(ids)  # (only whether an id is a topic is asked)
    glossary = {term_id: GlossaryTerm(term_id, names[0], "", list(names[1:])) for term_id, names in terms}
    return Library(root=root, topics=topics, glossary=glossary)  # type: ignore[arg-type]


def serve(content: Path, cache_dir: Path | None, requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer each request (see the module's text) until the requests end."""
    from .library import Topic
    from .render import Renderer

    disk = None
    if cache_dir is not None:
        from .render_cache import RenderCache

        disk = RenderCache.in_cache_dir(cache_dir)
    names = _message(requests)
    if names is None:
        return
    renderer = Renderer(helper_library(content, names), disk=disk)
    _ = renderer.matcher, renderer.library_stamp  # made once, before the first page is asked for
    _send(answers, READY)
    while True:
        answer, keep = NOT_THIS, None
        try:
            request = _message(requests)
            if request is None:
                return
            ref, body, url, path, key, ahead, early = cast("tuple[str, str, str, str, str, bool, bool]", request)
            if not ahead:
                _Cancellable.asked = False  # (a late signal for a page rendered ahead before)
            topic = Topic(id=ref, title="", body=body, path=Path(path), url=url)
            if renderer.cache_key(topic) == key:
                answer, keep = _answer(renderer, topic, bool(ahead), _sender(answers) if early else None)
        except Cancelled:
            answer = CANCELLED
        except (OSError, EOFError):
            return  # the window has gone
        except Exception:  # noqa: BLE001 - the window renders this page itself
            answer = NOT_THIS
        finally:
            _Cancellable.armed = False
        _send(answers, answer)  # (whole: the window's signal may come while it is written, see _send)
        if keep is not None:
            _keep(renderer, *keep)


def _keep(renderer: Renderer, topic: Topic, result: Rendered) -> None:
    """Keep a page just rendered in the cache on disk, once its answer has gone: the reader does not wait for the
    write (20-25 ms of CPU for a long NCI page, and the disk's time)."""
    assert renderer.disk is not None
    try:
        renderer.disk.put(renderer.cache_key(topic), result)
    except Exception:  # noqa: BLE001 - a page not kept on disk is only slower to open next time
        return


def _sender(answers: IO[bytes]) -> tuple[Callable[[str], None], Callable[[], None]]:
    """What sends each part of a page as soon as it is made, and what says the last has gone."""

    def send(part: str) -> None:
        # (the window gone: not an error of the page's parse, whose rendering is right and may be kept; the
        # answer's own write fails after it)
        with contextlib.suppress(OSError, ValueError):
            _send(answers, b"P" + _framed(marshal.dumps(part)))

    def last() -> None:
        with contextlib.suppress(OSError, ValueError):
            _send(answers, LAST)

    return send, last


def _answer(
    renderer: Renderer,
    topic: Topic,
    ahead: bool,
    send: tuple[Callable[[str], None], Callable[[], None]] | None = None,
) -> tuple[bytes, tuple[Topic, Rendered] | None]:
    """The answer to a page asked for, and what to keep on disk once it has gone (None: nothing)."""
    keep = None
    result = renderer._from_disk(topic)
    if result is None:
        if ahead:
            _Cancellable.arm()  # only the parse itself is cancelled (never a write to the disk)
        if send is not None:
            result = renderer.render_parts(topic.body, topic, *send)
        else:
            result = renderer.render(topic.body, topic)
        _Cancellable.armed = False
        if renderer.disk is not None:
            keep = (topic, result)
    return _framed(marshal.dumps(_entry_to(result))), keep


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m sbc_desktop.content.render_helper CONTENT_FOLDER [CACHE_FOLDER]", file=sys.stderr)
        return 2
    if CANCEL_SIGNAL is not None:
        signal.signal(CANCEL_SIGNAL, _Cancellable.on_signal)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(2)  # behind the window, ahead of the background pre-render
    # The answers go out on a copy of stdout of their own, and stdout itself goes where stderr goes: a
    # print or a C library's write to stdout can never come between the bytes of an answer.
    answers = open(os.dup(sys.stdout.fileno()), "wb", buffering=0)  # noqa: SIM115 - open until the helper ends
    with contextlib.suppress(OSError, AttributeError, ValueError):  # (no stderr: stdout stays)
        os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(Path(args[0]), Path(args[1]) if len(args) == 2 else None, sys.stdin.buffer, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
