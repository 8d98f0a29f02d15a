"""Text made safe to put in HTML: ``html.escape``, without importing the ``html`` package.

``import html`` loads ``html.entities`` (HTML5's 2,231 character names, for ``html.unescape``),
which nothing a start shows needs: about 7 million instructions, 1 % of a start to the first
page (benchmarks/README.md, "Start-up, session 28"). The same replacements, in the same order.
"""

from __future__ import annotations


def escape(text: str, quote: bool = True) -> str:
    """``&``, ``<`` and ``>`` as HTML entities; with ``quote``, both quotation marks too (as ``html.escape``)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
