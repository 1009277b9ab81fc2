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
>>> read_date("2016-07-28T23:30:00-05:00").timex  # the day as written, in its own zone
'2016-07-28'
"""

from __future__ import annotations

import datetime as dt
import re

from claimtrack.errors import DateResolutionError
from claimtrack.model import Precision, When
from claimtrack.time.dates import resolve_when
from claimtrack.time.publication import publication_date

__all__ = ["read_date"]

_MALFORMED = re.compile(r"-\d|\d{4}-\d{2}-\d{2}T")
_TIMEX_SHAPED = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|H\d|SP|SU|FA|WI))?", re.I)


def _valid_datetime(text: str) -> bool:
    """Whether an ISO-looking value is a real date-time (a leading minus never is)."""
    if text.startswith("-"):
        return False
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


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
    if _MALFORMED.match(text.strip()) and not _valid_datetime(text.strip()):
        # "-2016-01-01", "2016-07-28T99:99": a date written wrong is an error, not a guess
        raise DateResolutionError(f"not a valid date or datetime: {text!r}", expression=text)
    found = When.from_timex(text, expression=text, anchor=anchor)
    if found is not None:
        return found
    if _TIMEX_SHAPED.fullmatch(text.strip()):
        # "9999-W52" ends on 10000-01-02, "2016-02-30" never was: the form is right, the time
        # is not one the calendar holds.
        raise DateResolutionError(
            f"{text!r} is no date of the calendar (years 0001 to 9999, real days and weeks)",
            expression=text,
        )
    # a web page's datetime with its zone ("2016-07-28T14:03:00+02:00"), an RFC 2822 date
    published = publication_date(text) if anchor is None else None
    if published is not None and published.known:
        return published
    resolved = resolve_when(text, anchor=anchor)
    if resolved is None or resolved.precision is Precision.UNKNOWN:
        raise DateResolutionError(
            f"cannot read {text!r} as a date "
            "(try 2016-07-28, 2016-07, 2015-FA, 2014 or July 28, 2016)",
            expression=text,
        )
    return resolved
