"""Long pages rendered outside the window's process: the one asked for, and the ones likely next.

The reader parses a long page not yet rendered in its worker thread (page_builds.py), but the
Markdown parser holds Python's lock for all of a page (100-220 ms on a long NCI page), and the
window's own steps wait for it. So once a page this long (`HELPER_CHARS`) is asked for, a helper
process is started (content/render_helper.py: the same content folder, the same renderer); once it
is ready, such pages are rendered there and only decoded here (a few ms). Until it is ready, or
if it cannot run (a frozen bundle) or it ends, the worker parses the page here, as before, handing
over each part of its HTML as it is made (as the helper does: the reader shows a long page's first
part before the rest is parsed); a helper
that ended (it died, or was stuck and ended) is started again for the next long page (`RESTARTS` times).

Ahead of the reader: once a page is shown and laid out, and the window has been idle a moment
(`AHEAD_DELAY_MS`), the topics the reader is likely to open next (the next and previous in the
list, then the topics the page links to, in page order) that are long and neither in memory nor
on disk are rendered in the helper one at a time and kept in the renderer's memory, so that a
click usually finds its page rendered. A new page replaces that list; a page asked for stops the
one being rendered ahead. With no cache folder (the kiosk) the helper writes nothing to disk.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..content.links import TOPIC_SCHEME
from ..content.rendered import TOPIC
from ..quick_switch import quick_switching
from .from_thread import FromThread

if TYPE_CHECKING:
    from ..content.library import Topic
    from ..content.render_helper import RenderHelper
    from ..content.rendered import Rendered
    from ..pages import Pages

HELPER_CHARS = 20_000  # a page with this much Markdown, to render, starts the helper (shorter ones use it once up)
AHEAD_TOPICS = 6  # topics rendered ahead after each page, at most
AHEAD_DELAY_MS = 400  # the window idle this long on a laid-out page before pages are rendered ahead
IDLE_S = 30.0  # the thread rendering ahead ends after this long with nothing to do
SAME_PAGE_WAIT_S = 5.0  # a page asked for while it is rendered ahead: waited for this long at most, then asked again
RESTARTS = 3  # a helper that ended (stuck, or died) is started again for the next long page, this many times at most
DECODE_SWITCH_S = 0.0005  # sys.setswitchinterval while an answer is decoded here (see page_builds.py)


class RenderElsewhere(QObject):
    """The helper process for one window's pages, and the list of pages to render ahead."""

    # A long page to render was neither in memory nor on disk (said from a worker thread): the helper is
    # started (on the window's thread). Only then: at home, once the background pre-render has run, every
    # page is on disk and read from there in a few ms, and a helper would only take a core to start.
    _helper_wanted = Signal()

    def __init__(self, pages: Pages, parent: QObject | None = None):
        super().__init__(parent)
        self._helper_wanted.connect(self._start_helper)
        self._from_thread = FromThread(self)  # (the worker threads tell `_helper_wanted` through it)
        self.pages = pages
        self._helper: RenderHelper | None = None
        self._made_for: object = None  # the renderer whose library the helper renders in
        self._restarts = 0  # helpers started again after one ended
        self._changed = threading.Condition()
        self._ahead: list[Topic] = []  # to render ahead, first first (guarded by _changed)
        # A page shown from its parts on disk, not in memory (and the length of a long page): what to render ahead
        # after it is found by the thread, which reads its links there (guarded by _changed; see ahead_of).
        self._ahead_for: tuple[Topic, int] | None = None
        self._asked = 0  # counts the pages asked to render ahead of, and drops (guarded by _changed)
        self._thread: threading.Thread | None = None
        self._ahead_now = ""  # the topic being rendered ahead now (guarded by _changed)
        self._closed = False
        self.rendered_ahead: list[str] = []  # topic ids rendered ahead and kept (the last few; tests read it)
        # Pages asked for: rendered in the helper, read from the disk, parsed here; pages rendered ahead; long
        # pages shown at once from their parts on disk (the reader's count: they never said "Loading").
        # (benchmarks read them; "early": a part shown from its page's first pieces, ui/reader.py _show_early)
        self.counts = {"helper": 0, "disk": 0, "here": 0, "ahead": 0, "stored": 0, "early": 0}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AHEAD_DELAY_MS)
        self._when_idle: Callable[[], None] | None = None
        self._timer.timeout.connect(self._idle)

    # -- the helper -----------------------------------------------------------------
    def helper(self, start: bool) -> RenderHelper | None:
        """The helper (started in the background if ``start``), or None if there is none yet. A new one
        when the window's renderer has changed (the whole library arrived after a first start's part)."""
        renderer = self.pages.renderer if self.pages.has_renderer or start else None
        if self._helper is not None and renderer is not None and self._made_for is not renderer:
            self._helper.close()
            self._helper = None
        if self._helper is not None and start and self._helper.ended and not self._closed and self._restarts < RESTARTS:
            self._helper, self._restarts = None, self._restarts + 1  # it ended (stuck, or it died): a new one
        if self._helper is None and start and not self._closed and renderer is not None:
            from ..content.render_helper import RenderHelper

            helper = self._helper = RenderHelper(renderer.library, self.pages.cache_dir)
            self._made_for = renderer
            weakref.finalize(self, helper.close)  # (a window deleted without closing)
        if self._helper is not None and start:
            self._helper.warm(self._key_made)
        return self._helper

    def _key_made(self) -> None:
        """On the helper's starting thread, once it is up: the renderer's key for the library made (see answers_now;
        30-120 ms on the NCI library with no disk cache, where nothing else makes it), so that the first page asked
        of the helper does not wait for it. The window's thread waits little for Python's lock meanwhile."""
        with quick_switching(DECODE_SWITCH_S):
            _ = self.pages.renderer.library_stamp

    def answers_now(self) -> bool:
        """A page asked for now would be rendered in the helper at once: it is up and answering, and the
        renderer's key for the library is made (the worker then only sends the page and waits for its parts,
        without Python's lock; it makes no key and parses nothing itself)."""
        helper = self._helper
        return (
            helper is not None
            and helper.ready
            and self.pages.has_renderer
            and self._made_for is self.pages.renderer
            # The library's stamp made (Renderer.library_stamp, a cached property: once a session, by the first page
            # read from the disk or rendered, or as the helper starts: _key_made; see Renderer.stored_parts). Asked of
            # the renderer here, not in
            # render.py: that file's text is part of every rendered page's key on disk.
            and "library_stamp" in vars(self.pages.renderer)
        )

    def _start_helper(self) -> None:
        self.helper(start=True)

    def _want_helper(self) -> None:
        """From a worker thread: start the helper (queued to the window's thread)."""
        self._from_thread.tell(self._helper_wanted)  # (safe if the window, and this object, are deleted meanwhile)

    def close(self) -> None:
        """End the helper and the rendering ahead (the window is closing)."""
        self._closed = True
        self._timer.stop()
        with self._changed:
            self._ahead, self._ahead_for = [], None
            self._changed.notify_all()
        if self._helper is not None:
            self._helper.close()

    def work(
        self,
        topic: Topic,
        on_part: Callable[[str], None] | None = None,
        on_last: Callable[[], None] | None = None,
    ) -> Callable[[], Rendered]:
        """What the reader's worker does to have ``topic`` rendered (in the renderer's memory after; its
        rendering returned). ``on_part``: each part of its HTML as the helper makes it (content/arriving.py);
        ``on_last``: they have all come (the rest of the rendering is still on its way: the renderer waits for
        it, should anything ask for the page meanwhile: Renderer.coming)."""
        self.drop_ahead()
        # The helper if it is up; started only for a page on neither memory nor disk (see _helper_wanted).
        helper = self.helper(start=False)
        pages = self.pages

        def render() -> Rendered:
            with pages.renderer.coming(topic.id):  # (asked for meanwhile in the window: waited for, not parsed)
                return made()

        handed: list[str] = []  # (the parts the helper handed over, if any: see below)

        def from_helper(part: str) -> None:
            handed.append(part)
            if on_part is not None:
                on_part(part)

        def made() -> Rendered:
            ready = helper if helper is not None and helper.ready else None
            if ready is not None:
                with self._changed:
                    if self._ahead_now != topic.id:
                        ready.cancel_ahead()  # (the page asked for waits for no other page rendered ahead)
                    elif not self._changed.wait_for(lambda: self._ahead_now != topic.id, SAME_PAGE_WAIT_S):
                        ready.cancel_ahead()  # (this one, rendered ahead: nearly done, or the helper is stuck)
            found = self._from_helper(topic, ready, ahead=False, on_part=from_helper if on_part else None,
                                      on_last=on_last)  # fmt: skip
            if found is not None:
                return found
            if (helper is None or not helper.usable) and len(topic.body) >= HELPER_CHARS:
                self._want_helper()  # for the pages after this one (this one is parsed here meanwhile)
            self.counts["here"] += 1
            # Parsed here (and kept on disk too, at home), its parts handed over as they are made, as the helper's are:
            # the reader shows a long page's top, or its first part, before the rest is parsed. (Not if the helper
            # handed over some and then failed: those are not followed by these; the page is shown when made.) Its
            # end is said by the page's end, once the worker has cut it (Pages.cut_ahead), not by on_last.
            return pages.rendered(topic, None if handed else on_part)

        return render

    def _from_helper(
        self,
        topic: Topic,
        helper: RenderHelper | None,
        ahead: bool,
        on_part: Callable[[str], None] | None = None,
        on_last: Callable[[], None] | None = None,
    ) -> Rendered | None:
        """``topic`` from memory, the disk or the helper (if any), kept in memory; None if none has it.
        ``on_part``, ``on_last``: see RenderHelper.rendered_page."""
        from ..content.page_text import Unavailable

        renderer = self.pages.renderer
        with quick_switching(DECODE_SWITCH_S):
            found = renderer.known_text(topic)  # (in memory, or on disk: read, not rendered)
            if found is None:
                if helper is None:
                    return None
                try:
                    found = helper.rendered_page(topic, renderer.cache_key(topic), ahead, on_part, on_last)
                except Unavailable:
                    return None
                self.counts["helper"] += found is not None and not ahead
            else:
                self.counts["disk"] += not ahead
        if found is not None:
            renderer.keep(topic.id, found)
            self.pages.cut_ahead(topic, found.parts)  # (a long page read in parts: cut here, not in the click's step)
        return found

    # -- ahead of the reader -----------------------------------------------------------------
    def when_idle(self, call: Callable[[], None]) -> None:
        """Call ``call`` once the window has been idle AHEAD_DELAY_MS (again later if it is not yet)."""
        self._when_idle = call
        self._timer.start()

    def not_yet(self) -> None:
        """The page is not ready for that yet: ask again in a moment."""
        self._timer.start()

    def _idle(self) -> None:
        if self._when_idle is not None:
            self._when_idle()

    def drop_ahead(self) -> None:
        """Forget the pages to render ahead (the reader is on its way to another page)."""
        self._timer.stop()
        with self._changed:
            self._ahead, self._ahead_for = [], None
            self._asked += 1
        if self._helper is not None:
            self._helper.cancel_ahead()

    def forget(self) -> None:
        """A fresh session (the kiosk's next patient): nothing kept of which pages were read or rendered
        ahead for them (the renderer's pages are the content's, the same for everyone)."""
        self.drop_ahead()
        self.rendered_ahead = []
        self.counts = dict.fromkeys(self.counts, 0)

    def ahead_of(self, topic: Topic, long_page: int) -> None:
        """Render ahead the topics likely next after ``topic``: long ones (``long_page`` characters
        of Markdown or more), not in memory."""
        if self._closed or not self.pages.has_renderer:  # (not made for this: importing it takes a while)
            return
        renderer = self.pages.renderer
        on_disk = not renderer.is_cached(topic.id) and renderer.disk is not None
        wanted = [] if on_disk else self._wanted_after(topic, long_page)
        if not (wanted or on_disk):
            return
        # (the helper is started by the thread below if a page is on neither memory nor disk)
        with self._changed:
            self._asked += 1
            self._ahead = wanted
            # Shown from its parts on disk (Reader: not in memory): its links are read there by the thread.
            self._ahead_for = (topic, long_page) if on_disk else None
            if self._thread is None:
                self._thread = threading.Thread(target=self._render_ahead, name="render-ahead", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def _wanted_after(self, topic: Topic, long_page: int, read: bool = False) -> list[Topic]:
        renderer = self.pages.renderer
        likely = self.likely_after(topic, read)
        return [t for t in likely if len(t.body) >= long_page and not renderer.is_cached(t.id)]

    def likely_after(self, topic: Topic, read: bool = False) -> list[Topic]:
        """The next and previous topics in the list, then the topics ``topic``'s page links to (known if it is
        in memory; with ``read``, read from the disk if it is there)."""
        library = self.pages.library
        ordered = library.ordered_topics()
        found: dict[str, Topic] = {}
        at = next((n for n, each in enumerate(ordered) if each.id == topic.id), -1)
        if at >= 0:
            for near in (at + 1, at - 1):
                if 0 <= near < len(ordered):
                    found.setdefault(ordered[near].id, ordered[near])
        renderer = self.pages.renderer
        rendered = renderer.known_text(topic) if read or renderer.is_cached(topic.id) else None
        for link in rendered.links if rendered is not None else ():
            if len(found) >= AHEAD_TOPICS:
                break
            if link.kind == TOPIC and link.target.startswith(TOPIC_SCHEME):
                linked = library.topic(link.target[len(TOPIC_SCHEME) :].partition("#")[0])
                if linked is not None and linked.id != topic.id:
                    found.setdefault(linked.id, linked)
        return list(found.values())[:AHEAD_TOPICS]

    def _kept_ahead(self, topic: Topic) -> None:
        self.rendered_ahead = [*self.rendered_ahead[-15:], topic.id]
        self.counts["ahead"] += 1

    def _render_ahead(self) -> None:
        looked: set[str] = set()  # topics looked for on disk while there was no helper to ask (not found)
        while True:
            with self._changed:
                if not (self._ahead or self._ahead_for or self._closed):
                    self._changed.wait_for(lambda: bool(self._ahead or self._ahead_for or self._closed), IDLE_S)
                if self._closed or not (self._ahead or self._ahead_for):
                    self._thread = None
                    return
                after, asked = self._ahead_for, self._asked
                self._ahead_for = None
                if after is None:
                    topic = self._ahead.pop(0)
            if after is not None:  # the links of a page shown from its parts, read on disk here
                wanted = self._wanted_after(*after, read=True)
                with self._changed:
                    if asked == self._asked:  # (not another page since, nor dropped)
                        self._ahead = wanted
                continue
            if self.pages.renderer.is_cached(topic.id):
                continue
            helper = self._helper
            if helper is None or not helper.ready:
                if topic.id not in looked:
                    if self._from_helper(topic, None, ahead=True) is not None:  # on disk: read, no helper needed
                        self._kept_ahead(topic)
                        continue
                    looked.add(topic.id)
                if helper is not None and not helper.usable:  # (it could not start, or it ended)
                    with self._changed:
                        self._ahead, self._thread = [], None
                    return
                with self._changed:
                    if helper is None and not any(len(t.body) >= HELPER_CHARS for t in (topic, *self._ahead)):
                        continue  # only shorter pages left: not worth starting a helper for
                    self._ahead.insert(0, topic)  # once the helper is up (still loading its library), this first
                if helper is None:
                    self._want_helper()
                with self._changed:
                    self._changed.wait(0.2)
                continue
            with self._changed:
                self._ahead_now = topic.id
            try:
                if self._from_helper(topic, helper, ahead=True) is not None:
                    self._kept_ahead(topic)
            finally:
                with self._changed:
                    self._ahead_now = ""
                    self._changed.notify_all()
