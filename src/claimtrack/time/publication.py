"""When a source was published, as its page or sidecar gives it.

Web pages give ISO datetimes with a time zone (``2016-07-28T14:03:00+02:00``), feeds give
RFC 2822 dates (``Thu, 28 Jul 2016 14:03:00 +0200``), people write "July 28, 2016" or "autumn
2015".  The day kept is the one written, in the source's own time zone: a page stamped
``2016-07-28T23:30:00-05:00`` was published on the 28th where it was written, whatever the
day in Greenwich.

>>> publication_date("2016-07-28T14:03:00+02:00").timex
'2016-07-28'
>>> publication_date("Thu, 28 Jul 2016 14:03:00 +0200").timex
'2016-07-28'
>>> publication_date("2015-FA").timex, publication_date("July 2016").timex
('2015-FA', '2016-07')
>>> publication_date("soon") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_tz

from claimtrack.model import Precision, When

__all__ = ["publication_date"]

_ISO_DATETIME = re.compile(
    r"(?P<day>\d{4}-\d\d-\d\d)[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d|UTC|GMT)?",
    re.IGNORECASE,
)


def publication_date(text: str | dt.date) -> When | None:
    """The :class:`When` of a publication date in any of its usual forms, or None.

    A datetime keeps the precision of its day; a date, month, season or year keeps its own.
    """
    if isinstance(text, dt.datetime):
        return When.on(text.date(), expression=text.isoformat())
    if isinstance(text, dt.date):
        return When.on(text, expression=text.isoformat())
    if not isinstance(text, str) or not text.strip():
        return None
    written = text.strip()
    if m := _ISO_DATETIME.fullmatch(written):
        try:
            return When.on(dt.date.fromisoformat(m["day"]), expression=written)
        except ValueError:
            return None
    if (parts := parsedate_tz(written)) is not None and re.search(r"\d:\d\d", written):
        year, month, day = parts[:3]
        try:
            return When.on(dt.date(year, month, day), expression=written)
        except ValueError:
            return None
    found = When.from_timex(written.upper(), expression=written)
    if found is not None:
        return found
    # Written dates need the resolver, which builds on this module's neighbours.
    from claimtrack.time.dates import resolve_when

    resolved = resolve_when(written)
    if resolved is None or resolved.precision in (Precision.UNKNOWN, Precision.PRESENT):
        return None
    return resolved
