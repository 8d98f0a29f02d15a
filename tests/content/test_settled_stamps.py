"""The one rule for files' stamps (settled_stamps): a file changed in the last moments is not trusted by its
stamp, whoever keeps something by it (kept_stamps' code digests, shipped_library's note of the built-in files)."""

from __future__ import annotations

import time

from sbc_desktop import kept_stamps
from sbc_desktop.content import settled_stamps, shipped_library
from sbc_desktop.content.loader import _Loader
from tests.helpers import TODAY, make_content

SECOND = 1_000_000_000


def test_a_file_changed_within_two_seconds_is_not_settled_and_one_older_is():
    now = time.time_ns()
    assert settled_stamps.SETTLED_NS == 2 * SECOND
    assert settled_stamps.settled([now - 3 * SECOND, now - 10 * SECOND])
    assert not settled_stamps.settled([now - 3 * SECOND, now - SECOND])  # one recent time is enough
    assert settled_stamps.settled([])


def test_both_keepers_follow_the_same_rule(tmp_path, monkeypatch):
    """Files written a moment ago: neither keeps anything by their stamps; with the rule's time at 0, both do."""
    root = make_content(tmp_path / "c", {"a": "A."})
    files = _Loader(root, TODAY, False, None).fingerprint()
    assert files
    path = str(root / "topics" / "a.md")
    monkeypatch.setattr(kept_stamps, "_kept", {})
    monkeypatch.setattr(kept_stamps, "_used", {})
    monkeypatch.setattr(kept_stamps, "_keeping", True)
    kept_stamps.digest_of("code", [path], lambda: "digest")
    assert not shipped_library._settled(files) and kept_stamps.used() == {}

    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)  # the one rule changed: both follow it
    assert shipped_library._settled(files)
    kept_stamps.digest_of("code", [path], lambda: "digest")
    assert list(kept_stamps.used().values()) == ["digest"]
