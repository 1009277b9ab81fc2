"""The resolution pass: an underspecified value, as the rules normalise to, made a
:class:`When` against the anchor (the document's creation time) or the reference (the time
mentioned last), in the direction the tense of the governing verb gives.

Values read as ``BASE OPERATION ARGUMENTS``, with BASE ``anchor``, ``reference`` or
``reference|anchor`` (the reference if there is one, else the anchor):

- ``anchor day -1``: the day before; likewise ``week``, ``month``, ``quarter``, ``year``,
  ``decade`` shifted by a count;
- ``anchor weekday 4 before`` / ``after`` / ``tense``: a Friday before, after, or the way the
  tense points (past and unknown: on or before the base);
- ``anchor month 5 before`` / ``after``, ``anchor season SU last`` / ``begun`` / ``after`` /
  ``tense``, ``anchor holiday easter before`` / ``after`` / ``tense``;
- ``anchor weekend this`` / ``last`` / ``recent`` / ``next``;
- ``anchor quarter-number 3 tense``: the third quarter of the anchor's year, or of the year
  before if it has not begun; ``anchor latest-quarter -4``: the quarter last ended, shifted;
- ``anchor ago week -3``: three weeks back, as precise as the unit (a decade back is a year);
- ``anchor year-end tense``; ``reference same``: the reference itself;

and besides: ``XXXX-05`` or ``XXXX-05-12`` (a month or day of the year the tense points to,
``XXXX-04-25 weekday 5`` the year in which that day is a Saturday), a TIMEX3 value as it is,
``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.

>>> import datetime as dt
>>> resolve_value("anchor weekday 4 before", anchor=dt.date(2016, 7, 28)).timex
'2016-07-22'
>>> resolve_value("XXXX-12", anchor=dt.date(2015, 1, 27), tense="past").timex
'2014-12'
>>> resolve_value("reference day +1", anchor=None, reference=When.from_timex("1995-05-22")).timex
'1995-05-23'
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
from dateutil.relativedelta import relativedelta

from claimtrack.model import Precision, When
from claimtrack.time.periods import (
    Tense,
    in_decade,
    in_month,
    in_quarter,
    in_season,
    in_week,
    in_year,
    latest_quarter,
    nearest,
    on_day,
    pick_year,
    span,
    valid_date,
    weekday_near,
    years_around,
)
from claimtrack.time.vocabulary import holiday_date, table

__all__ = ["FINER_THAN", "resolve_value"]

# A reference can stand for a unit only if it is at least as precise: "the next day" after
# "in 2014" says nothing.
FINER_THAN = {
    "day": (Precision.DAY,),
    "weekday": (Precision.DAY,),
    "week": (Precision.DAY, Precision.WEEKEND, Precision.WEEK),
    "month": (Precision.DAY, Precision.WEEKEND, Precision.WEEK, Precision.MONTH),
    "quarter": (Precision.DAY, Precision.WEEKEND, Precision.WEEK, Precision.MONTH,
                Precision.QUARTER),
    "year": (Precision.DAY, Precision.WEEKEND, Precision.WEEK, Precision.MONTH, Precision.SEASON,
             Precision.QUARTER, Precision.HALF, Precision.YEAR),
}  # fmt: skip
_CONCRETE = re.compile(
    r"\d{4}(?:-(?:\d\d(?:-\d\d)?|w\d\d(?:-we)?|q[1-4]|h[12]|sp|su|fa|wi))?|\d{2,3}"
)


def resolve_value(
    value: str,
    *,
    anchor: dt.date | None,
    reference: When | None = None,
    tense: Tense | None = None,
    expression: str = "",
    mod: str | None = None,
) -> When | None:
    """The :class:`When` an underspecified value names (None if its base is missing)."""
    found = _resolve(value, anchor, reference, tense, expression)
    if found is not None and mod is not None and found.mod is None:
        found = attrs.evolve(found, mod=mod)
    return found


def _resolve(
    value: str,
    anchor: dt.date | None,
    reference: When | None,
    tense: Tense | None,
    expression: str,
) -> When | None:
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        if anchor is None:
            return None
        precision = Precision[value.removesuffix("_REF")]
        return When(
            earliest=None if value == "PAST_REF" else anchor,
            latest=None if value == "FUTURE_REF" else anchor,
            precision=precision,
            expression=expression,
            anchor=anchor,
        )
    value = re.sub(r"^(\d{4}-\d\d-\d\d) weekday \d$", r"\1", value)  # the year says it all
    if _CONCRETE.fullmatch(value.lower()):
        return When.from_timex(value.upper(), expression=expression, anchor=anchor)
    if m := re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?(?: weekday (\d))?", value):
        day = int(m[2]) if m[2] else None
        return _month_or_day(int(m[1]), day, m[3], anchor, tense, expression)
    base_name, operation, *args = value.split()
    base: dt.date | None
    if base_name == "anchor" or (base_name == "reference|anchor" and reference is None):
        base, precision = anchor, Precision.DAY
    elif reference is not None and reference.known and reference.earliest is not None:
        base, precision = reference.earliest, reference.precision
        if operation in FINER_THAN and precision not in FINER_THAN[operation]:
            return None
    else:
        return None
    if base is None:
        return None
    if operation == "same" and reference is not None:
        return attrs.evolve(reference, expression=expression, anchor=anchor)
    return _operate(operation, args, base, anchor, tense, expression)


def _month_or_day(
    month: int,
    day: int | None,
    weekday: str | None,
    anchor: dt.date | None,
    tense: Tense | None,
    expression: str,
) -> When | None:
    if anchor is None:
        return None
    year = pick_year(month, day, anchor, tense)
    if weekday is not None and day is not None:
        # "Saturday, April 25": the year in which that day is that weekday, nearest first.
        years = sorted(
            (anchor.year + d for d in (0, -1, 1, -2, 2)), key=lambda y: abs(y - anchor.year)
        )
        year = next(
            (
                y
                for y in years
                if valid_date(y, month, day) and dt.date(y, month, day).weekday() == int(weekday)
            ),
            year,
        )
    if day is None:
        return in_month(year, month, expression, anchor)
    if not valid_date(year, month, day):
        return None
    return on_day(dt.date(year, month, day), expression, anchor)


def _operate(
    operation: str,
    args: list[str],
    base: dt.date,
    anchor: dt.date | None,
    tense: Tense | None,
    expression: str,
) -> When | None:
    a = base
    if operation in ("day", "week", "month", "quarter", "year", "decade"):
        n = int(args[0])
        if operation == "day":
            return on_day(a + dt.timedelta(days=n), expression, anchor)
        if operation == "week":
            return in_week(a + dt.timedelta(weeks=n), expression, anchor)
        if operation == "month":
            shifted = a + relativedelta(months=n)
            return in_month(shifted.year, shifted.month, expression, anchor)
        if operation == "quarter":
            shifted = a + relativedelta(months=3 * n)
            return in_quarter(shifted.year, (shifted.month - 1) // 3 + 1, expression, anchor)
        if operation == "year":
            return in_year(a.year + n, expression, anchor)
        return in_decade(a.year // 10 * 10 + 10 * n, expression, anchor)
    if operation == "ago":  # "three days ago", "a decade later": a day, week, month or year
        unit, n = args[0], int(args[1])
        if unit in ("decade", "century"):  # "a decade ago" is about that year
            unit, n = "year", n * (10 if unit == "decade" else 100)
        if unit not in ("day", "week", "month", "year"):
            return None
        return _operate(unit, [str(n)], a, anchor, tense, expression)
    if operation == "weekday":
        target, direction = int(args[0]), args[1]
        if direction == "before":
            return on_day(
                weekday_near(target, a - dt.timedelta(days=1), "past"), expression, anchor
            )
        if direction == "after":
            return on_day(
                weekday_near(target, a + dt.timedelta(days=1), "future"), expression, anchor
            )
        return on_day(weekday_near(target, a, tense), expression, anchor)
    if operation == "month-named":
        month, direction = int(args[0]), args[1]
        if direction == "before":
            year = a.year if month < a.month else a.year - 1
        elif direction == "after":
            year = a.year if month > a.month else a.year + 1
        else:
            year = a.year
        return in_month(year, month, expression, anchor)
    if operation == "month-in-year":  # "May of last year": shift, month
        return in_month(a.year + int(args[0]), int(args[1]), expression, anchor)
    if operation == "quarter-in-year":  # "next year's first quarter": shift, quarter
        return in_quarter(a.year + int(args[0]), int(args[1]), expression, anchor)
    if operation == "latest-quarter-year":  # "last year's quarter": the same quarter then
        return in_quarter(a.year + int(args[0]), latest_quarter(a)[1], expression, anchor)
    if operation == "latest-quarter-of":  # "the 1988 period": the latest quarter's number
        return in_quarter(int(args[0]), latest_quarter(a)[1], expression, anchor)
    if operation == "season":
        return _season(args[0], args[1], a, tense, expression, anchor)
    if operation == "holiday":
        return _holiday(" ".join(args[:-1]), args[-1], a, tense, expression, anchor)
    if operation == "weekend":
        which = args[0] if args[0] != "tense" else ("next" if tense == "future" else "recent")
        return _weekend(which, a, expression, anchor)
    if operation == "quarter-number":
        q = int(args[0])
        later = q > (a.month - 1) // 3 + 1 and (args[1:] != ["tense"] or tense != "future")
        return in_quarter(a.year - later, q, expression, anchor)
    if operation == "latest-quarter":
        year, q = latest_quarter(a)
        shifted = dt.date(year, 3 * q - 2, 1) + relativedelta(months=3 * int(args[0]))
        return in_quarter(shifted.year, (shifted.month - 1) // 3 + 1, expression, anchor)
    if operation == "year-end":
        return in_year(a.year - 1 if tense == "past" else a.year, expression, anchor, "END")
    return None


def _season(
    code: str, which: str, a: dt.date, tense: Tense | None, expression: str, anchor: dt.date | None
) -> When | None:
    first_month = int(table("season_months")[code])
    year = a.year
    start = dt.date(year, first_month, 1)
    if which in ("last", "begun") or (which == "tense" and tense == "past"):
        # The most recent such season begun before the base (for "last", not the one in it).
        while start > a or (which == "last" and _season_holds(year, code, a)):
            year -= 1
            start = dt.date(year, first_month, 1)
    elif which == "after":
        while start <= a:
            year += 1
            start = dt.date(year, first_month, 1)
    elif code == "WI" and a.month <= 2:
        year -= 1
    return in_season(year, code, expression, anchor)


def _season_holds(year: int, code: str, day: dt.date) -> bool:
    """Whether the season of a year, begun on or before ``day``, still holds it (a season
    that would end past the calendar's last day holds every day after its start)."""
    season = in_season(year, code, "", None)
    return season is None or season.contains(day)


def _holiday(
    name: str, which: str, a: dt.date, tense: Tense | None, expression: str, anchor: dt.date | None
) -> When:
    days = [holiday_date(name, year) for year in years_around(a)]
    if which == "before":
        return on_day(max(d for d in days if d < a), expression, anchor)
    if which == "after":
        return on_day(min(d for d in days if d > a), expression, anchor)
    return on_day(nearest([(d, d) for d in days], a, tense)[0], expression, anchor)


def _weekend(which: str, a: dt.date, expression: str, anchor: dt.date | None) -> When:
    if which == "next":
        saturday = weekday_near(5, a, "future")
    else:
        ahead = which == "this" and a.weekday() < 5
        saturday = weekday_near(5, a, "future" if ahead else "past")
        if a.weekday() == 6 and which != "last":
            saturday = a - dt.timedelta(days=1)
    return span(saturday, saturday + dt.timedelta(days=1), Precision.WEEKEND, expression, anchor)
