"""Today's date, read in one place.

Review dates (is a topic overdue?) and the date printed on a handout are measured
against ``today()``. Everything that needs the date takes it as an argument and falls
back to this function, so the tests pin it once and never depend on the calendar.
"""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
