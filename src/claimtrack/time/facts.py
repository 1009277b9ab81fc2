"""Dates given as facts (a sidecar's ``published``, a hand-recorded claim's ``said``): a
TIMEX3 value, else a written date.

The model reads TIMEX3 values only (:meth:`~claimtrack.model.When.parse`); a written date
("July 28, 2016", "autumn 2015") needs the time expression resolver, which lives here.

>>> read_date("2016-07").timex
'2016-07'
>>> read_date("autumn 2015").timex
'2015-FA'
>>> read_date("July 28, 2016").timex
'2016-07-28'
"""

from __future__ import annotations

import datetime as dt

from claimtrack.errors import DateResolutionError
from claimtrack.model import Precision, When
from claimtrack.time.dates import resolve_when

__all__ = ["read_date"]


def read_date(text: str, *, anchor: dt.date | None = None) -> When:
    """The time ``text`` states as a fact: a TIMEX3 value (``2016-07-28``, ``2015-FA``) or a
    written date (``July 28, 2016``, ``autumn 2015``), resolved against ``anchor`` when given.

    Raises :class:`~claimtrack.errors.DateResolutionError` (also a ``ValueError``) for
    anything that names no time.

    >>> read_date("the day the music died")
    Traceback (most recent call last):
    ...
    claimtrack.errors.DateResolutionError: cannot read 'the day the music died' as a date ...
    """
    if not isinstance(text, str) or not text.strip():
        raise DateResolutionError(f"not a date: {text!r}", expression=str(text))
    found = When.from_timex(text, expression=text, anchor=anchor)
    if found is not None:
        return found
    resolved = resolve_when(text, anchor=anchor)
    if resolved is None or resolved.precision is Precision.UNKNOWN:
        raise DateResolutionError(
            f"cannot read {text!r} as a date "
            "(try 2016-07-28, 2016-07, 2015-FA, 2014 or July 28, 2016)",
            expression=text,
        )
    return resolved
