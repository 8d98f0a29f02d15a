"""The render helper's side of its protocol (content/render_helper.py), served in this process."""

from __future__ import annotations

import io
import marshal

from sbc_desktop.content import render_cache
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.content.render_cache import RenderCache
from sbc_desktop.content.render_helper import READY, _framed, serve
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
    assert said_when_written == [said]  # the whole answer had gone when the write began
    assert RenderCache.in_cache_dir(tmp_path / "cache").has(key)  # and the page is kept
