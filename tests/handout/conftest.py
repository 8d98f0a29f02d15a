"""The built-in content, loaded once per test module, for the handout tests."""

from __future__ import annotations

import pytest

from sbc_desktop.content.loader import load_library
from sbc_desktop.pages import Pages


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir)


@pytest.fixture(scope="module")
def pages(library):
    return Pages(library)
