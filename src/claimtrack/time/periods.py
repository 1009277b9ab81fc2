"""Calendar arithmetic: the :class:`When` of a day, week, month, quarter, season, year,
decade or century, and the occurrence of a recurring date nearest an anchor.

>>> import datetime as dt
>>> in_week(dt.date(2016, 7, 28), "", None).timex
'2016-W30'
>>> weekday_near(4, dt.date(2016, 7, 28), "past")       # the Friday before a Thursday
datetime.date(2016, 7, 22)
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from dateutil.relativedelta import relativedelta

from claimtrack.model import Precision, When

__all__ = [
    "Tense",
    "in_century",
    "in_decade",
    "in_half",
    "in_month",
    "in_quarter",
    "in_season",
    "in_week",
    "in_year",
    "latest_quarter",
    "nearest",
    "on_day",
    "pick_year",
    "span",
    "valid_date",
    "weekday_near",
    "years_around",
]

Tense = Literal["past", "present", "future"]


def on_day(day: dt.date, expression: str, anchor: dt.date | None, mod: str | None = None) -> When:
    return When(
        earliest=day,
        latest=day,
        precision=Precision.DAY,
        expression=expression,
        anchor=anchor,
        mod=mod,
    )


def span(
    start: dt.date,
    end: dt.date,
    precision: Precision,
    expression: str,
    anchor: dt.date | None,
    mod: str | None = None,
) -> When:
    return When(
        earliest=start,
        latest=end,
        precision=precision,
        expression=expression,
        anchor=anchor,
        mod=mod,
    )


def in_month(
    year: int, month: int, expression: str, anchor: dt.date | None, mod: str | None = None
) -> When:
    start = dt.date(year, month, 1)
    return span(
        start, start + relativedelta(months=1, days=-1), Precision.MONTH, expression, anchor, mod
    )


def in_year(year: int, expression: str, anchor: dt.date | None, mod: str | None = None) -> When:
    return span(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, expression, anchor, mod)


def in_decade(start: int, expression: str, anchor: dt.date | None) -> When:
    """The decade beginning with the year ``start`` (1980 for "the 1980s")."""
    return span(
        dt.date(start, 1, 1), dt.date(start + 9, 12, 31), Precision.DECADE, expression, anchor
    )


def in_century(number: int, expression: str, anchor: dt.date | None) -> When:
    """The ``number``-th century, as TIMEX3 counts it: the 20th is 1900-1999 ("19")."""
    start = (number - 1) * 100
    return span(
        dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), Precision.CENTURY,
        expression, anchor,
    )  # fmt: skip


def in_week(day: dt.date, expression: str, anchor: dt.date | None) -> When:
    start = day - dt.timedelta(days=day.weekday())
    return span(start, start + dt.timedelta(days=6), Precision.WEEK, expression, anchor)


def in_quarter(year: int, quarter: int, expression: str, anchor: dt.date | None) -> When:
    start = dt.date(year, 3 * quarter - 2, 1)
    return span(
        start, start + relativedelta(months=3, days=-1), Precision.QUARTER, expression, anchor
    )


def latest_quarter(anchor: dt.date) -> tuple[int, int]:
    """The year and number of the quarter last ended: reported results are for it."""
    q = (anchor.month - 1) // 3
    return (anchor.year, q) if q else (anchor.year - 1, 4)


def in_season(year: int, code: str, expression: str, anchor: dt.date | None) -> When | None:
    """The season of a year, or None where the calendar cannot hold it (the winter of 9999
    ends in the year 10000; there is no winter of the year 0)."""
    if not 1 <= year <= 9999:
        return None
    return When.from_timex(f"{year:04d}-{code}", expression=expression, anchor=anchor)


_SLACK = dt.timedelta(days=10)
_FUTURE_WEIGHT = 2


def nearest(
    occurrences: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: Tense | None
) -> tuple[dt.date, dt.date]:
    """Of the occurrences of a recurring date (a month, a holiday) in consecutive years, the
    one meant: the nearest to the anchor (news style leaves out the current year), restricted
    to those on or before the anchor for past-tense reporting and on or after it (with a few
    days' slack) for the future.  Without a tense, news looks back more often than ahead, so a
    future occurrence counts as further away (``_FUTURE_WEIGHT``)."""
    candidates = []
    for index, (first, last) in enumerate(occurrences):
        if tense == "past" and first > anchor:
            continue
        # A little slack: the anchor (a publication date) may lag the writing by days.
        if tense == "future" and last < anchor - _SLACK:
            continue
        if first <= anchor <= last:
            distance = 0
        elif last < anchor:
            distance = (anchor - last).days
        else:
            distance = round((first - anchor).days * _FUTURE_WEIGHT)
        candidates.append((distance, -index if tense == "past" else index, first, last))
    if not candidates:  # the tense rules every one out ("Feb. 29" in past-tense January)
        return min(
            occurrences, key=lambda o: min(abs((o[0] - anchor).days), abs((o[1] - anchor).days))
        )
    _, _, first, last = min(candidates)
    return first, last


def years_around(day: dt.date) -> tuple[int, ...]:
    """The year of a day with the years either side, as far as the calendar goes (1-9999):
    where a recurring date without a year ("May", "Christmas") may fall."""
    return tuple(y for y in (day.year - 1, day.year, day.year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR)


def pick_year(month: int, day: int | None, anchor: dt.date, tense: Tense | None) -> int:
    """The year of a month (and day) given without one (see :func:`_nearest`)."""
    occurrences = []
    for year in years_around(anchor):
        if day is not None and not valid_date(year, month, day):
            continue
        first = dt.date(year, month, day or 1)
        last = first if day is not None else first + relativedelta(months=1, days=-1)
        occurrences.append((first, last))
    if not occurrences:
        return anchor.year
    return nearest(occurrences, anchor, tense)[0].year


def weekday_near(target: int, anchor: dt.date, tense: Tense | None, shift: int = 0) -> dt.date:
    """The weekday ``target`` nearest the anchor in the direction of the tense (past and
    unknown: on or before the anchor; future: on or after)."""
    if tense == "future":
        delta = (target - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=delta + 7 * shift)
    delta = (anchor.weekday() - target) % 7
    return anchor - dt.timedelta(days=delta + 7 * shift)


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def in_half(year: int, half: int, expression: str, anchor: dt.date | None) -> When:
    start = dt.date(year, 6 * half - 5, 1)
    end = start + relativedelta(months=6, days=-1)
    return span(start, end, Precision.HALF, expression, anchor)
