"""Time expressions of news prose, resolved against an explicit anchor.

A news article's "on Thursday" means the Thursday on or before the day it was written; "last
night" inside a quote from a press conference means the night before the conference.  So
every resolution here takes its ``anchor`` explicitly and records it in the :class:`When`.

>>> import datetime as dt
>>> published = dt.date(2016, 7, 28)             # a Thursday
>>> resolve_when("on Thursday", anchor=published).timex
'2016-07-28'
>>> resolve_when("last week", anchor=published).timex
'2016-W29'
>>> resolve_when("In May", anchor=published, tense="past").timex
'2016-05'
>>> resolve_when("late 2011", anchor=published).mod
'END'
>>> resolve_when("a decade", anchor=published) is None       # a duration, not a date
True
>>> from claimtrack.time.values import timex_value
>>> timex_value("a decade", anchor=published)
'P10Y'

What cannot be resolved gives None (or a When of unknown precision), never a guess dressed as
a fact.  Tense decides which way a bare weekday or month points: "Friday" in past-tense
reporting is the last Friday, in "will meet Friday" the next one; :func:`infer_tense` reads it
from the words around the expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from claimtrack.model import When
from claimtrack.time.clock import clock_time
from claimtrack.time.compose import (
    counted,
    half,
    hedged,
    numeric_date,
    part_of_period,
    quarter_of_year,
    range_of,
)
from claimtrack.time.lengths import TimexType, classify
from claimtrack.time.periods import Tense
from claimtrack.time.periods import in_century as _century
from claimtrack.time.periods import in_decade as _decade
from claimtrack.time.periods import on_day as _day
from claimtrack.time.resolution import resolve_value
from claimtrack.time.results import conventions_for
from claimtrack.time.rules import DEFAULT_RULE_SETS, is_vague, points_back, rule_for
from claimtrack.time.tense import infer_tense
from claimtrack.time.vocabulary import ordinal_number
from claimtrack.time.wording import (
    TENS,
    normalise,
    spelled_years,
    strip_lead,
)

__all__ = [
    "Tense",
    "TimexType",
    "classify",
    "clock_time",
    "conventions_for",
    "infer_tense",
    "resolve_when",
]


def resolve_when(
    expression: str,
    anchor: dt.date | None = None,
    *,
    tense: Tense | None = None,
    reference: When | None = None,
    conventions: Sequence[str] = DEFAULT_RULE_SETS,
) -> When | None:
    """The :class:`When` a time expression names, resolved against ``anchor``.

    ``anchor`` is the day the expression was written or spoken (an article's publication
    date, or the date of the press conference a quote comes from); without it only absolute
    dates resolve.  ``tense`` says which way a bare weekday or month points (see
    :func:`infer_tense`); past-tense and unknown tense take the most recent weekday on or
    before the anchor.  ``reference`` is the time mentioned last before the expression: "that
    day", "the following year" and "then" point back to it (see :func:`reference_time`).
    Durations and sets ("a decade", "every week") are not dates: None.
    Anything unreadable gives None; no exception escapes for any string.

    >>> import datetime as dt
    >>> resolve_when("Tuesday, July 26", anchor=dt.date(2016, 7, 28)).timex
    '2016-07-26'
    >>> resolve_when("since December", anchor=dt.date(2016, 7, 28), tense="past").timex
    '2015-12'
    >>> resolve_when("the weekend of Nov. 1", anchor=dt.date(2014, 11, 11)).timex
    '2014-W44-WE'
    >>> resolve_when("Christmas Day", anchor=dt.date(2015, 1, 27), tense="past").timex
    '2014-12-25'
    >>> june = resolve_when("June 1998")
    >>> resolve_when("later that year", anchor=dt.date(2000, 1, 28), reference=june).timex
    '1998'
    """
    if not isinstance(expression, str) or len(expression) > 200:
        return None
    try:
        return _resolve(expression, anchor, tense, reference, conventions)
    except (ValueError, OverflowError, KeyError):  # out-of-range dates from absurd numbers
        return None


def _resolve(
    expression: str,
    anchor: dt.date | None,
    tense: Tense | None,
    reference: When | None = None,
    rule_sets: Sequence[str] = DEFAULT_RULE_SETS,
) -> When | None:
    raw = normalise(expression)
    if not raw:
        return None
    if raw.startswith("since ") and tense is None:
        tense = "past"
    text = re.sub(r"'s$", "", strip_lead(raw))  # "last week's bombing", "today's announcements"
    text = re.sub(
        r"^(?:earlier|later)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day|tonight)",
        "",
        text,
    )
    text = re.sub(r"^this past (?=week|weekend|month|year|spring|summer|fall|autumn|winter)",
                  "last ", text)  # fmt: skip
    text = spelled_years(text)
    clock, dated = clock_time(text)
    if clock is not None:  # a time of day: the day it falls on ("10 p.m. Wednesday")
        if dated in ("", "today", "tonight", "this morning", "this afternoon", "this evening"):
            return _day(anchor, expression, anchor) if anchor is not None else None
        text = dated
    if not text:
        return None
    if (found := hedged(_inner, text, expression, anchor, tense, reference)) is not None:
        return found
    ruled = rule_for(text, expression, rule_sets)
    if points_back(ruled) or is_vague(ruled):
        # With a reference, "the next day" means nothing else; without one, it is unknown
        # rather than, say, the day after publication.
        assert ruled is not None
        return resolve_value(
            ruled.value, anchor=anchor, reference=reference, tense=tense,
            expression=expression, mod=ruled.mod,
        )  # fmt: skip
    found = When.from_timex(text.upper(), expression=expression, anchor=anchor)
    if found is not None and re.fullmatch(r"[\d-]+|\d{4}-(w\d\d|q\d|h\d|sp|su|fa|wi)", text):
        return found
    if classify(text) in ("DURATION", "SET"):
        return None
    if m := re.fullmatch(
        r"(?:the\s+)?'?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
        r"nineties)",
        text,
    ):
        tens = TENS[m["tens"].removesuffix("ies") + "y"]
        start = 2000 + tens if anchor is not None and 2000 + tens <= anchor.year else 1900 + tens
        return _decade(start, expression, anchor)
    if m := re.fullmatch(
        r"(?:the\s+)?(?:(?P<which>this|last|next|the past|the previous)\s+)?"
        r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))?[\s-]?century",
        text,
    ):
        if m["n"] or (m["word"] and ordinal_number(m["word"])):
            number = int(m["n"]) if m["n"] else ordinal_number(m["word"]) or 0
        elif m["which"] and m["word"] is None and anchor is not None:
            shift = {"this": 0, "next": 1}.get(m["which"], -1)
            number = anchor.year // 100 + 1 + shift
        else:
            return None
        return _century(number, expression, anchor)
    if (found := quarter_of_year(text, expression, anchor)) is not None:
        return found
    if ruled is not None:
        found = resolve_value(
            ruled.value, anchor=anchor, reference=reference, tense=tense,
            expression=expression, mod=ruled.mod,
        )  # fmt: skip
        if found is not None:
            return found
    if (found := part_of_period(_inner, text, expression, anchor, tense)) is not None:
        return found
    if (found := half(_inner, text, expression, anchor, tense)) is not None:
        return found
    if (
        anchor is not None
        and (found := counted(_inner, text, expression, anchor, tense)) is not None
    ):
        return found
    if (found := numeric_date(text, expression, anchor)) is not None:
        return found
    return range_of(_inner, expression, anchor, tense)


def _inner(
    expression: str, anchor: dt.date | None, tense: Tense | None, reference: When | None = None
) -> When | None:
    """The resolver as :mod:`claimtrack.time.compose` calls it for an inner expression."""
    return resolve_when(expression, anchor, tense=tense, reference=reference)
