"""What the content tests share."""

from __future__ import annotations

import pytest

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex


@pytest.fixture(scope="module")
def index(builtin_dir):
    """The built-in content's search index, in memory (a module's tests share it)."""
    idx = SearchIndex.open(load_library(builtin_dir), None)
    yield idx
    idx.close()
