"""What a start hashes before its first paint is hashed without OpenSSL (digests.py): the same digests."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from sbc_desktop import digests


def test_the_digests_are_hashlibs_whichever_code_makes_them(monkeypatch):
    for data in (b"", b"abc", bytes(range(256)) * 300, b"x" * (digests.BIG + 1)):
        assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        assert digests.blake2b(data, digest_size=20).hexdigest() == hashlib.blake2b(data, digest_size=20).hexdigest()
        grown = digests.sha256(data[:10], len(data) - 10)
        grown.update(data[10:])
        assert grown.hexdigest() == hashlib.sha256(data).hexdigest()
    monkeypatch.delitem(sys.modules, "hashlib")  # (as before anything imported it: Python's own)
    small = digests.sha256(b"abc")
    assert "hashlib" not in sys.modules and small.hexdigest() == hashlib.sha256(b"abc").hexdigest()
    big = digests.sha256(b"", digests.BIG + 1)  # (a long page: OpenSSL's, imported for it)
    assert "hashlib" in sys.modules and type(big) is type(hashlib.sha256())


def test_importing_them_loads_no_openssl():
    code = "import sys, sbc_desktop.digests as d; d.sha256(b'a'); d.blake2b(b'a'); print('_hashlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
