"""Numbers as the reader's locale writes them, grouped: "7,798" (en), "7.798" (de), "7 798" (fr).

QLocale's C locale (the one a machine without a language setting gets, as the test runs and many
kiosks do) leaves out the group separator: "7798" beside a panel's "1,500". Grouping is kept here
in every locale. Pure QtCore.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def grouped(number: int) -> str:
    """``number`` in the default locale's digits, its thousands grouped."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(number)
