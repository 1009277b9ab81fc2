"""The time axis of a timeline: the stretch of days it shows and ticks fitted to it.

Ticks are days, months or years, chosen by how long the data lasts, never hours, and spaced
so their labels do not touch at the width drawn.  The year is always readable: day and month
ticks carry it on the first tick and wherever it changes.

>>> import datetime as dt
>>> unit, marks = ticks(dt.date(2016, 7, 24), dt.date(2016, 7, 31), width=600)
>>> unit, [t.label for t in marks][:3]
('day', ['24 Jul 2016', '25 Jul', '26 Jul'])
>>> unit, marks = ticks(dt.date(2014, 1, 1), dt.date(2016, 8, 1), width=600)
>>> unit, [t.label for t in marks][:3]
('month', ['Jan 2014', 'Jul', 'Jan 2015'])
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

import attrs

__all__ = ["Tick", "domain", "text_width", "ticks"]

_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
_MAX_DAYS_FOR_DAY_TICKS = 62
_MAX_DAYS_FOR_MONTH_TICKS = 3 * 366
_MAX_TICKS = 10  # more is a ruler, not a scale to read


@attrs.frozen
class Tick:
    """A tick of the time axis: its day and its label."""

    day: dt.date
    label: str


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """A generous estimate of the width of ``text`` at font ``size`` (the widest sans-serif
    fonts average well under 0.6 em a character, 0.68 in bold), so what is spaced by it does
    not touch."""
    return (0.68 if bold else 0.6) * size * len(text)


def domain(intervals: Iterable[tuple[dt.date, dt.date]]) -> tuple[dt.date, dt.date]:
    """The days a timeline of ``intervals`` shows: all of them, with a margin (a twentieth
    of their span, at least a day; three days either side of a single day).

    >>> day = dt.date(2016, 7, 28)
    >>> domain([(day, day)])
    (datetime.date(2016, 7, 25), datetime.date(2016, 7, 31))
    """
    pairs = list(intervals)
    if not pairs:
        raise ValueError("domain: no intervals to show")
    start = min(a for a, _ in pairs)
    end = max(b for _, b in pairs)
    days = (end - start).days
    margin = dt.timedelta(days=3 if days == 0 else max(1, round(days / 20)))
    return start - margin, end + margin


def _months(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    month = start.year * 12 + start.month - 1
    days: list[dt.date] = []
    while True:
        day = dt.date(month // 12, month % 12 + 1, 1)
        if day > end:
            return days
        if day >= start and (day.month - 1) % step == 0:
            days.append(day)
        month += 1


def _candidates(start: dt.date, end: dt.date, unit: str, step: int) -> list[dt.date]:
    if unit == "day":
        first = start
        if step == 7:  # weeks start on Mondays, as ISO weeks do
            first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        count = (end - first).days // step + 1
        return [first + dt.timedelta(days=step * i) for i in range(max(count, 0))]
    if unit == "month":
        return _months(start, end, step)
    year = start.year if start == dt.date(start.year, 1, 1) else start.year + 1
    round_year = year + (-year) % step  # round years: 2010, 2020 for a step of ten
    return [dt.date(y, 1, 1) for y in range(round_year, end.year + 1, step)]


def _labels(days: list[dt.date], unit: str) -> list[Tick]:
    result, year = [], None
    for day in days:
        if unit == "year":
            label = str(day.year)
        elif unit == "month":
            label = f"{day:%b} {day.year}" if day.year != year or day.month == 1 else f"{day:%b}"
        else:
            label = f"{day.day} {day:%b}" + (f" {day.year}" if day.year != year else "")
        year = day.year
        result.append(Tick(day=day, label=label))
    return result


def _fits(marks: list[Tick], start: dt.date, end: dt.date, width: float, size: float) -> bool:
    """Whether neighbouring labels, centred on their ticks, keep a gap of half an em."""
    scale = width / max((end - start).days, 1)
    for left, right in itertools.pairwise(marks):
        room = (right.day - left.day).days * scale
        needed = (text_width(left.label, size) + text_width(right.label, size)) / 2
        if room < needed + size / 2:
            return False
    return True


def ticks(
    start: dt.date, end: dt.date, *, width: float, size: float = 12
) -> tuple[str, list[Tick]]:
    """The unit (``day``, ``month`` or ``year``) and the ticks of an axis from ``start`` to
    ``end`` drawn ``width`` wide with labels of font ``size``: days for up to two months,
    months for up to three years, years beyond; the smallest step whose labels fit."""
    if end < start:
        raise ValueError(f"ticks: end {end} is before start {start}")
    days = (end - start).days
    if days <= _MAX_DAYS_FOR_DAY_TICKS:
        units = [("day", s) for s in _DAY_STEPS] + [("month", 1)]
    elif days <= _MAX_DAYS_FOR_MONTH_TICKS:
        units = [("month", s) for s in _MONTH_STEPS] + [("year", 1)]
    else:
        units = [("year", s) for s in _YEAR_STEPS]
    for unit, step in units:
        marks = _labels(_candidates(start, end, unit, step), unit)
        if marks and len(marks) <= _MAX_TICKS and _fits(marks, start, end, width, size):
            return unit, marks
    # Too narrow for two labels: the first tick of the finest unit, so the year still shows.
    unit, step = units[0]
    return unit, _labels(_candidates(start, end, unit, step), unit)[:1]
