"""escape.py: html.escape's output, without importing the html package."""

from __future__ import annotations

import html

import pytest

from sbc_desktop.escape import escape

SAMPLES = [
    "",
    "plain words",
    "<b>bold</b> & 'single' \"double\"",
    "&amp; already escaped &lt;",
    "Tamoxifen < 20 mg > 10 mg",
    "naïve café – ‘quotes’ “curly” 😀",
    "\ud800 lone surrogate",
    "&&&<<<>>>'\"'\"",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("quote", [True, False])
def test_the_same_as_html_escape(text, quote):
    assert escape(text, quote) == html.escape(text, quote)
    assert escape(text) == html.escape(text)
