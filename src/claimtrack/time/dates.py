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

from claimtrack.model import Precision, When
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
from claimtrack.time.lengths import UNIT_WORDS, TimexType, classify, duration_value, set_value
from claimtrack.time.periods import Tense
from claimtrack.time.periods import in_century as _century
from claimtrack.time.periods import in_decade as _decade
from claimtrack.time.periods import on_day as _day
from claimtrack.time.resolution import resolve_value
from claimtrack.time.results import conventions_for, period_compared
from claimtrack.time.rules import DEFAULT_RULE_SETS, is_vague, points_back, rule_for
from claimtrack.time.tense import CLAUSE_START, SENTENCE_END, infer_tense
from claimtrack.time.vocabulary import ordinal_number, slot
from claimtrack.time.wording import (
    PARTS_OF_DAY,
    TENS,
    WEEKDAYS,
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
    "find_times",
    "infer_tense",
    "is_anaphoric",
    "last_mentioned",
    "reference_time",
    "resolve_when",
    "timex_value",
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
    if (found := hedged(text, expression, anchor, tense, reference)) is not None:
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
    if (found := part_of_period(text, expression, anchor, tense)) is not None:
        return found
    if (found := half(text, expression, anchor, tense)) is not None:
        return found
    if anchor is not None and (found := counted(text, expression, anchor, tense)) is not None:
        return found
    if (found := numeric_date(text, expression, anchor)) is not None:
        return found
    return range_of(expression, anchor, tense)


_NTH_UNIT = re.compile(
    r"(?:the )?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth(?:-\w+)?) (?P<unit>day|week|month|year)"
)
_CURRENT = {"day": "today", "week": "this week", "month": "this month", "year": "this year"}


def timex_value(
    expression: str,
    anchor: dt.date | None = None,
    *,
    left: str = "",
    right: str = "",
    reference: When | None = None,
    conventions: Sequence[str] | None = None,
) -> str | None:
    """The TIMEX3 value of any time expression: a date, a time, a duration or a set.

    ``left`` and ``right`` are the words around the expression; they decide the tense.
    ``reference`` is the time mentioned last before it, for when ``left`` is too short to
    hold it: "the following month" is the month after that one.

    >>> import datetime as dt
    >>> timex_value("three years", anchor=dt.date(1998, 1, 8))
    'P3Y'
    >>> timex_value("every Monday")
    'XXXX-WXX-1'
    >>> timex_value("Friday", anchor=dt.date(1989, 10, 30), left="Shares fell")
    '1989-10-27'
    >>> timex_value("tonight", anchor=dt.date(1998, 1, 8))
    '1998-01-08TNI'
    """
    text = normalise(expression)
    bare = strip_lead(text)
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", bare) and (
        m := re.search(rf"\b(?P<month>{slot('month')})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*"
                       r"(?:and|or|to|through|-|–)\s*$", left, re.IGNORECASE)
    ):  # fmt: skip
        # "April 24 and 25": the second day borrows the first one's month.
        expression = f"{m['month']} {bare}"
        text = bare = normalise(expression)
    if bare in ("last", "next") and (
        unit := re.search(
            r"\bthis (week|month|quarter|year)\b[^.;]*\b(?:as|than)\s*$", left.lower()
        )
    ):  # "twice as high this year as | last": last year
        expression = text = bare = f"{bare} {unit[1]}"
    if tail := _borrowed_tail(bare, right):
        # "Monday and Tuesday nights", "the second and fourth quarters", "two to six days":
        # the first of two coordinated words takes the noun they share.
        expression = f"{expression} {tail}"
        text = bare = normalise(expression)
    if re.search(r"\beach of(?: the)?\s*$", left, re.IGNORECASE) and (
        each := re.fullmatch(r"P(T?)\d+(\D+)", duration_value(bare) or "")
    ):
        return f"P{each[1]}1{each[2]}"  # "each of the | last three years": every year
    if bare == "one day" and infer_tense(left, right) == "future":
        return "FUTURE_REF"  # "Islam will one day be ..."; otherwise a day long
    if re.fullmatch(r"the (?:fiscal )?year", bare) and re.match(
        r"\s*(?:that )?end(?:ed|ing)\b", right
    ):
        return "P1Y"  # "the year ended March 31": a fiscal year, given by its last day
    if is_vague(vague := rule_for(bare)):
        assert vague is not None
        return vague.value
    if (
        anchor is not None
        and (m := _NTH_UNIT.fullmatch(bare))
        and re.search(r"\b(?:today|it|this|now)\s*(?:is|'s)\s+(?:the\s+)?$", left, re.IGNORECASE)
    ):
        # "Today is the eighth day of Desert Shield": the unit it is now.
        current = resolve_when(_CURRENT[m["unit"]], anchor)
        return None if current is None else current.timex
    kind = classify(text)
    if kind == "SET":
        return set_value(text)
    tense = infer_tense(left, right)
    if kind == "DURATION" and (
        point := _point_of_duration(text, left, right, tense, anchor, reference)
    ):
        return point
    if kind == "DURATION":
        return duration_value(strip_lead(text)) or duration_value(text)
    if conventions is None:
        conventions = conventions_for(f"{left} {bare} {right}")
    if "results" in conventions and (compared := period_compared(bare, anchor, left)):
        return compared
    if is_anaphoric(expression):  # the words before it, when they reach that far, are nearer
        reference = reference_time(left, anchor) or reference
    if kind == "TIME" and clock_time(text)[1] == "" and (day := _day_after_clock(right)):
        expression = f"{expression} {day}"  # "at 10:35 a.m. (0735 GMT) Friday"
    when = resolve_when(
        expression, anchor, tense=tense, reference=reference, conventions=conventions
    )
    if when is None:
        return None
    value = when.timex
    if value is not None and kind == "TIME" and when.precision is Precision.DAY:
        clock, _ = clock_time(text)
        if clock is not None:
            value += "T" + clock
        elif m := re.search(r"\b(morning|afternoon|evening|night|tonight|overnight)\b", text):
            value += "T" + PARTS_OF_DAY[m[1]]
    return value


_FUTURE_MODAL = re.compile(r"\b(?:may|might|could|can)\b")


def _point_of_duration(
    text: str,
    left: str,
    right: str,
    tense: Tense | None,
    anchor: dt.date | None,
    reference: When | None,
) -> str | None:
    """The date a length of time marks, where the words around it make it a point in time:
    "a year" in "a year earlier", "five years" in "will be redeemed in five years" (that
    many years from now; "in a year or two" only somewhere ahead)."""
    if anchor is None:
        return None
    if m := re.match(r"\s*(earlier|ago)\b", right):  # the span stopped short of its last word
        return timex_value(f"{text} {m[1]}", anchor, left=left)
    clause = CLAUSE_START.split(SENTENCE_END.split(left)[-1].lower())[-1]
    ahead = tense == "future" or _FUTURE_MODAL.search(clause) is not None
    if not (ahead and re.search(r"\bin\s*,?\s*$", clause)):
        return None  # "within a year" and "in two weeks" of the past stay lengths
    if re.search(rf"\bor\b|\b(?:few|several|some|many)\b|^{UNIT_WORDS}$", text):
        return "FUTURE_REF"  # how far ahead is not said
    later = resolve_when(f"{text} from now", anchor)
    return None if later is None else later.timex


def _borrowed_tail(bare: str, right: str) -> str | None:
    """The noun a weekday, ordinal or count shares with the one coordinated after it, when
    the expression stops short of it: "Monday | and Tuesday nights" -> "nights"."""
    kinds = {"weekday": slot("weekday"), "ordinal": slot("ordinal"), "number": slot("number")}
    kind = next((k for k, p in kinds.items() if re.fullmatch(p, bare)), None)
    if kind is None:
        return None
    shared = rf"(?:{slot('unit')}|{slot('part_of_day')})s?"
    m = re.match(
        rf"\s*(?:and|or|to|through|-)\s+{kinds[kind]}[\s-]+(?P<tail>{shared})\b", right.lower()
    )
    return None if m is None else m["tail"]


def _day_after_clock(right: str) -> str | None:
    """The day a bare clock time falls on when the day follows it within a few words of the
    same clause, past a time zone or a parenthesis: "10:35 a.m. (0735 GMT) Friday"."""
    clause = re.split(r"[,;:]", right, maxsplit=1)[0]
    words = re.findall(r"[a-z]+", clause.lower())[:4]
    return next((w for w in words if w in _DAY_WORDS), None)


_DAY_WORDS = frozenset(w for w in WEEKDAYS if len(w) > 4) | {"yesterday", "today", "tomorrow"}


# Finding expressions in text builds on resolving them.
from claimtrack.time.finder import find_times, is_anaphoric, last_mentioned, reference_time  # noqa: E402
