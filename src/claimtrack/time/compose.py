"""Expressions built around another one: "late 2011", "the first half of 1989", "1994 or
later", "the week of March 6", "three days ago", "the weekend of Nov. 1"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs
from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from claimtrack.model import Precision, When
from claimtrack.time.periods import Tense
from claimtrack.time.periods import in_half as _half_year
from claimtrack.time.periods import in_month as _month
from claimtrack.time.periods import in_quarter as _quarter
from claimtrack.time.periods import in_week as _week
from claimtrack.time.periods import in_year as _year
from claimtrack.time.periods import nearest as _nearest
from claimtrack.time.periods import on_day as _day
from claimtrack.time.periods import span as _span
from claimtrack.time.periods import years_around as _years_around
from claimtrack.time.vocabulary import holiday_date, load_resource, ordinal_number, slot, table

Resolver = Callable[..., "When | None"]
"""The whole resolver (``resolve_when``), which builds on this module: passed in by the
caller, so that reading an inner expression ("the weekend of | Nov. 1") needs no import
of the module above."""


_MODIFIERS = load_resource("vocabulary")["modifiers"]
_PART_OF_YEAR = {word: tuple(part) for word, part in _MODIFIERS["parts_of_year"].items()}


def counted(
    resolve: Resolver, text: str, expression: str, anchor: dt.date, tense: Tense | None
) -> When | None:
    """Uncounted units back or ahead of the anchor ("a few weeks later": some time after it;
    "a few days before": within the week before), and the weekend of a day.  Counted ones
    ("three days ago") are rules (``units_back``, ``units_ahead``)."""
    a = anchor
    if m := re.fullmatch(
        rf"(?P<n>{slot('vague')}|a couple of)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+"
        r"(?P<dir>ago|earlier|before|later|after|from now|hence|previously)",
        text,
    ):
        if m["dir"] in ("later", "after", "from now", "hence"):
            return When(earliest=a, precision=Precision.FUTURE, expression=expression, anchor=a)
        if m["unit"].startswith("day"):  # "a few days before": within the last week
            return _span(
                a - dt.timedelta(days=7), a - dt.timedelta(days=2), Precision.UNKNOWN,
                expression, a,
            )  # fmt: skip
        return When(latest=a, precision=Precision.PAST, expression=expression, anchor=a)
    if m := re.fullmatch(r"(?:the\s+)?weekend\s+of\s+(?P<date>.+)", text):
        inner = resolve(m["date"], a, tense)
        if inner is None or inner.earliest is None or inner.precision is not Precision.DAY:
            return None
        day = inner.earliest
        saturday = (
            day + dt.timedelta(days=5 - day.weekday())
            if day.weekday() < 5
            else day - dt.timedelta(days=day.weekday() - 5)
        )
        if day.weekday() == 0:  # "the weekend of Monday 3rd" is the one just before
            saturday = day - dt.timedelta(days=2)
        return _span(saturday, saturday + dt.timedelta(days=1), Precision.WEEKEND, expression, a)
    return None


def part_of_period(
    resolve: Resolver, text: str, expression: str, anchor: dt.date | None, tense: Tense | None
) -> When | None:
    """'late 2011', 'early this year', 'mid-November', 'the end of 2014'."""
    m = re.fullmatch(
        r"(?:the\s+)?(?P<part>early|mid|late|the beginning of|the start of|the middle of|"
        r"the end of)[\s-]+(?P<rest>.+)",
        text,
    )
    if not m:
        return None
    inner = resolve(m["rest"], anchor, tense)
    if inner is None or inner.earliest is None or inner.latest is None:
        return None
    mod, first, last = _PART_OF_YEAR[m["part"]]
    if inner.precision is Precision.YEAR:
        year = inner.earliest.year
        return _span(
            dt.date(year, first, 1),
            dt.date(year, last, 1) + relativedelta(months=1, days=-1),
            Precision.YEAR,
            expression,
            anchor,
            mod,
        )
    if inner.precision in (Precision.MONTH, Precision.DECADE, Precision.CENTURY):
        span = (inner.latest - inner.earliest).days + 1
        third = span // 3
        start = inner.earliest + dt.timedelta(
            days={"START": 0, "MID": third, "END": 2 * third}[mod]
        )
        end = start + dt.timedelta(days=third)
        return _span(start, min(end, inner.latest), inner.precision, expression, anchor, mod)
    return When(
        earliest=inner.earliest,
        latest=inner.latest,
        precision=inner.precision,
        expression=expression,
        anchor=anchor,
        mod=mod,
    )


_QUARTER_OF_YEAR = re.compile(
    r"(?:the\s+)?(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?"
    r"(?P<unit>quarter|half)(?:\s+of)?|q(?P<q>[1-4])(?:\s+of)?|(?P<qn>[1-4])q|h(?P<h>[12])|"
    r"(?P<hn>[12])h)\s+(?:fiscal\s+|fy\s*)?(?P<year>1\d{3}|20\d{2})"
)


def quarter_of_year(text: str, expression: str, anchor: dt.date | None) -> When | None:
    """A quarter or half of a year given with its year: "Q3 2015", "the third quarter of
    2015", "3Q 2015", "H1 2012".  A fiscal year is taken as the calendar year of its name."""
    m = _QUARTER_OF_YEAR.fullmatch(text)
    if m is None:
        return None
    year = int(m["year"])
    if m["ordinal"]:
        number = ordinal_number(m["ordinal"]) or 0
        if m["unit"] == "half":
            return _half_year(year, number, expression, anchor) if number <= 2 else None
        return _quarter(year, number, expression, anchor)
    if half := m["h"] or m["hn"]:
        return _half_year(year, int(half), expression, anchor)
    return _quarter(year, int(m["q"] or m["qn"]), expression, anchor)


def half(
    resolve: Resolver, text: str, expression: str, anchor: dt.date | None, tense: Tense | None
) -> When | None:
    """'The first half', 'the last half of 1989', 'the first two quarters of 1990'."""
    m = re.fullmatch(
        r"(?:the\s+)?(?:(?P<n>first|second|last|latter|1st|2nd)[\s-]half|"
        r"(?P<quarters>first|last) two quarters)(?:\s+of\s+(?P<rest>.+))?",
        text,
    )
    if m is None:
        return None
    h = 1 if (m["n"] or m["quarters"]) in ("first", "1st") else 2
    if m["rest"]:
        inner = resolve(m["rest"], anchor, tense)
    else:
        inner = None if anchor is None else _year(anchor.year, expression, anchor)
    if inner is None or inner.earliest is None:
        return None
    if inner.precision is not Precision.YEAR:  # "the last half of the '80s"
        return with_mod(inner, "START" if h == 1 else "END")
    return _half_year(inner.earliest.year, h, expression, anchor)


def numeric_date(text: str, expression: str, anchor: dt.date | None) -> When | None:
    """Numeric forms (12/25/2015, 25.12.2015) through dateutil, with two different defaults
    so that a part missing from the text is seen as missing, never filled from today."""
    if not re.fullmatch(r"\d{1,4}[/.]\d{1,2}(?:[/.]\d{2,4})?", text):
        return None
    first = dt.datetime(1901, 1, 1)
    second = dt.datetime(1902, 2, 2)
    try:
        one = dateutil_parser.parse(text, default=first)
        two = dateutil_parser.parse(text, default=second)
    except (ValueError, OverflowError):
        return None
    if one.year != two.year:
        if anchor is None:
            return None
        return _day(one.date().replace(year=anchor.year), expression, anchor)
    if one.day != two.day:
        return _month(one.year, one.month, expression, anchor)
    return _day(one.date(), expression, anchor)


_HEDGE_SUFFIXES: dict[str, str] = _MODIFIERS["suffixes"]
_HEDGE_PREFIXES: dict[str, str | None] = {
    word: mod or None for word, mod in _MODIFIERS["prefixes"].items()
}


def with_mod(found: When | None, mod: str | None) -> When | None:
    if found is None or mod is None or found.mod is not None:
        return found
    return attrs.evolve(found, mod=mod)


def hedged(
    resolve: Resolver,
    text: str,
    expression: str,
    anchor: dt.date | None,
    tense: Tense | None,
    reference: When | None,
) -> When | None:
    """Expressions built around another one: '1994 or later', 'sometime next year', 'a week or
    so ago', 'the week of March 6', 'the day before last Tuesday', 'Easter week'."""
    for suffix, mod in _HEDGE_SUFFIXES.items():
        if text.endswith(" " + suffix):
            inner = resolve(text.removesuffix(" " + suffix), anchor, tense, reference)
            return with_mod(inner, mod)
    for prefix, prefix_mod in _HEDGE_PREFIXES.items():
        if text.startswith(prefix if prefix.endswith("-") else prefix + " "):
            rest = text.removeprefix(prefix).strip()
            return with_mod(resolve(rest, anchor, tense, reference), prefix_mod)
    if m := re.fullmatch(r"(?P<count>.+?)\s+or so\s+(?P<dir>ago|earlier|before|later)", text):
        return with_mod(resolve(f"{m['count']} {m['dir']}", anchor, tense), "APPROX")
    if m := re.fullmatch(r"(?:the\s+)?week\s+of\s+(?P<rest>.+)", text):
        inner = resolve(m["rest"], anchor, tense)
        if inner is not None and inner.precision is Precision.DAY and inner.earliest:
            return _week(inner.earliest, expression, anchor)
        return None
    if m := re.fullmatch(
        r"(?:the\s+)?(?:day|night|morning|evening)\s+(?P<dir>before|after)\s+(?P<rest>.+)", text
    ):
        inner = resolve(m["rest"], anchor, tense)
        if inner is not None and inner.precision is Precision.DAY and inner.earliest:
            step = dt.timedelta(days=1 if m["dir"] == "after" else -1)
            return _day(inner.earliest + step, expression, anchor)
        return None
    if m := re.fullmatch(r"(?P<holiday>.+?)\s+week", text):
        holiday = re.sub(r"^(?:last|this|next)\s+", "", m["holiday"])
        holidays = table("holidays")
        if holiday in holidays and anchor is not None:
            if holiday == m["holiday"]:
                # The week is the occurrence: "as Easter week began" on its Monday is this
                # year's, though Easter Sunday itself is still to come.
                weeks = []
                for year in _years_around(anchor):
                    day = holiday_date(holidays[holiday], year)
                    monday = day - dt.timedelta(days=day.weekday())
                    weeks.append((monday, monday + dt.timedelta(days=6)))
                return _week(_nearest(weeks, anchor, tense)[0], expression, anchor)
            inner = resolve(m["holiday"], anchor, tense)
            if inner is not None and inner.earliest is not None:
                return _week(inner.earliest, expression, anchor)
    return None


_RANGE = re.compile(
    r"(?:between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)|(?:from\s+)?(?P<c>.+?)\s+(?:to|through|until|till)"
    r"\s+(?P<d>.+))",
    re.IGNORECASE,
)


def range_of(
    resolve: Resolver, expression: str, anchor: dt.date | None, tense: Tense | None
) -> When | None:
    """A span between two times: "between March and May", "from 1990 to 1995".  Both ends
    must read as calendar times; the span is as precise as neither end alone, so its
    precision is unknown (TIMEX3 writes two values)."""
    m = _RANGE.fullmatch(expression.strip(" ,.;"))
    if m is None:
        return None
    first, last = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
    start, end = resolve(first, anchor, tense), resolve(last, anchor, tense)
    if start is None or end is None or start.earliest is None or end.latest is None:
        return None
    if not start.known or not end.known or end.latest < start.earliest:
        return None
    return When(
        earliest=start.earliest,
        latest=end.latest,
        precision=Precision.UNKNOWN,
        expression=expression,
        anchor=anchor,
    )
