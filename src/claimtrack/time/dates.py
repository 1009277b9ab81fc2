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
from typing import Literal

import attrs
from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from claimtrack.model import Precision, When
from claimtrack.time.periods import (
    in_century as _century,
)
from claimtrack.time.periods import (
    in_decade as _decade,
)
from claimtrack.time.periods import (
    in_half as _half_year,
)
from claimtrack.time.periods import (
    in_month as _month,
)
from claimtrack.time.periods import (
    in_quarter as _quarter,
)
from claimtrack.time.periods import (
    in_season as _season,
)
from claimtrack.time.periods import (
    in_week as _week,
)
from claimtrack.time.periods import (
    in_year as _year,
)
from claimtrack.time.periods import (
    latest_quarter as _latest_quarter,
)
from claimtrack.time.periods import (
    nearest as _nearest,
)
from claimtrack.time.periods import (
    on_day as _day,
)
from claimtrack.time.periods import (
    span as _span,
)
from claimtrack.time.resolution import FINER_THAN, resolve_value
from claimtrack.time.rules import DEFAULT_RULE_SETS, Match
from claimtrack.time.rules import match as match_rule
from claimtrack.time.vocabulary import holiday_date, number, ordinal_number, table

__all__ = [
    "Tense",
    "TimexType",
    "classify",
    "clock_time",
    "infer_tense",
    "is_anaphoric",
    "last_mentioned",
    "reference_time",
    "resolve_when",
    "timex_value",
]

Tense = Literal["past", "present", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

MONTHS = table("months")
WEEKDAYS = {form: number - 1 for form, number in table("weekdays").items()}
SEASONS = table("seasons")
UNIT_CODES = {unit.name: unit.code for unit in table("units").values()}
PARTS_OF_DAY = table("parts_of_day")


def _norm(expression: str) -> str:
    text = expression.lower().replace("’", "'").replace("‘", "'").replace("—", " ")
    text = re.sub(r"[“”\"()\[\]]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:.!?-")
    return _PART_OF_DAY_PHRASE.sub(_day_and_part, text)


# "mid-afternoon yesterday", "later this afternoon", "late afternoon": a part of a day, said
# as "<day> <part>" ("yesterday afternoon", "this afternoon") so one rule reads them all.
_PART_OF_DAY_PHRASE = re.compile(
    r"^(?:(?:earlier|later) this |(?:mid|early|late)[\s-]?)"
    r"(?P<part>morning|afternoon|evening)(?: (?P<day>yesterday|today|tomorrow|[a-z]+day))?$"
)


def _day_and_part(m: re.Match[str]) -> str:
    return f"{m['day'] or 'this'} {m['part']}"


_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|during|since|until|till|from|of|for|as of|starting|"
    r"beginning|through|throughout|around|about|circa|ca|sometime in|some time "
    r"in|early as|as early as|as late as|before|after)\s+)+"
)


def _strip_lead(text: str) -> str:
    return _LEAD.sub("", text).strip()


def _number(word: str) -> float | None:
    return number(word)


# ---------------------------------------------------------------------------------------------
# Tense


# "last" and "next" are left out: they belong to time expressions of their own ("due to
# expire last Thursday, to Nov. 6"), not to the tense of the clause.
_FUTURE_CUES = re.compile(
    r"\b(will|won't|shall|'ll|going to|plans? to|planned|expects?|expected|scheduled|is to|are "
    r"to|set to|due|upcoming|coming|aims? to|intends? to|to be held|hopes? to|until|"
    r"forecast|projected|payable|effective|begins?|starting|soon as|early as|would|"
    r"planning|might|extended to|postponed|tomorrow)\b"
)
_PAST_CUES = re.compile(
    r"\b(was|were|had|did|said|told|ago|earlier|previously|since|died|killed|took place|began|"
    r"came|went|met|held|won|lost|fell|rose|closed|ended|signed|agreed|announced|released|"
    r"launched|arrested|elected|founded|formed|born|occurred|happened)\b"
)


_WORD = re.compile(r"[\w']+")
_SENTENCE_END = re.compile(r"(?<=[.!?])['\"”’`]*\s+(?=[`'\"“‘(]*[A-Z0-9])")
# Where the clause of an expression begins: a relative clause has its own verb ("hoped she
# would produce aid for their countries, where the Aug. 7 blasts killed 257").
_CLAUSE_START = re.compile(r"[;:]|,\s*(?:where|which|who|whose|when)\b")
# ... and where it ends: there, or at a coordinated verb phrase.
_CLAUSE_END = re.compile(rf"{_CLAUSE_START.pattern}|\b(?:and|but|or)\b")
_PLANNED = re.compile(
    r"\b(?:will|would|shall|'ll|plans?|planned|planning|scheduled to|"
    r"expected to|due to|set to|is to|are to|going to|intends? to|to be)\b"
)


def infer_tense(left: str = "", right: str = "") -> Tense | None:
    """The tense of the clause around an expression, from cue words right next to it.

    Only close, telling cues count ("was held on", "will resume on", "since"); without them
    the tense is unknown and the nearest reading wins, as news style writes dates of the
    current year without the year.

    >>> infer_tense("The talks will resume on", ".")
    'future'
    >>> infer_tense("The group was founded in", "by veterans.")
    'past'
    >>> infer_tense("", "") is None
    True
    """
    # Cues count only within the expression's own sentence: in "between now and Feb. 10.''
    # Earlier Friday, ..." the next sentence's "earlier" says nothing about Feb. 10.
    # A possessive dates a noun, not the clause: in "would look for ways to get around
    # Wednesday's ruling" the ruling is done whatever the looking is.
    if re.match(r"['’]s\b", right):
        return None
    left = _SENTENCE_END.split(left)[-1].lower()
    right = _SENTENCE_END.split(right, maxsplit=1)[0].lower()
    # A relative clause after it has a subject of its own: "shares issued July 1, which will";
    # a coordinated one a verb of its own: "a demonstration on Saturday and were planning".
    right = _CLAUSE_END.split(right, maxsplit=1)[0]
    near_left = " ".join(_WORD.findall(left)[-4:])
    near_right = " ".join(_WORD.findall(right)[:2])
    window = f"{near_left} {near_right}"
    future = len(_FUTURE_CUES.findall(window))
    past = len(_PAST_CUES.findall(window))
    clause = " ".join(_CLAUSE_START.split(left)[-1].split()[-14:])
    # A plan or an appointment a little further back still points forward: "planned to
    # leave Nairobi on Thursday", "is to resume trading in Paris Tuesday".
    if _PLANNED.search(clause) and not past:
        future += 1
    # ... unless it was a plan overtaken by events: "it had been due to expire Friday".
    if re.search(r"\bhad been\b", clause):
        future = 0
    if future > past:
        return "future"
    if past > future or re.search(r"\bsince\b", clause):
        return "past"  # "Since KKR bought RJR in February"
    return None


# ---------------------------------------------------------------------------------------------
# Classification: dates, times, durations and sets


_UNIT = (
    r"(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|quarters?|hours?|minutes?|"
    r"seconds?|weekends?|nights?)"
)
_COUNT = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a few|few|some|many|"
    r"a couple of|couple of|half an?|the past|the last|the next|the coming|recent|"
    r"more than \w+|nearly \w+|about \w+|almost \w+|[a-z]+(?:[\s-][a-z]+)?)"
)
_DURATION = re.compile(
    rf"^(?:(?:for|over|in|within|during|after|throughout|of)\s+)?(?:each of\s+)?"
    rf"(?:(?:at least|up to|more than|less than|no more than|no less than|about|almost|nearly|"
    rf"an additional|another)\s+)?"
    rf"(?:(?:the\s+)?(?P<which>past|last|latest|next|coming|first|previous|recent|following|"
    rf"year-earlier|year-ago)\s+|the\s+|a\s+(?=\w+-))?(?P<count>{_COUNT})?(?P<half>\s+1/2)?"
    rf"(?:\s+(?:to|or)\s+\w+)?(?:\s+more)?(?:\s+(?:trading|business|working|calendar))?"
    rf"[\s-]*(?P<unit>{_UNIT})(?:[\s-](?:long|old|period|term))?"
    rf"(?:\s+or\s+(?:so|two|three|more))?"
    rf"(?P<and_half>\s+and\s+a\s+half)?$"
)
_SET = re.compile(
    r"^(?:every|each|per|a|an)\s+(?:other\s+)?(?P<what>\w+(?:\s\w+)?)$|^(?P<adverb>daily|weekly|"
    r"monthly|yearly|annually|quarterly|hourly|nightly|biweekly|twice a \w+|once a \w+)$"
)


# Lengths of time with no unit at all: "for a while", "for a fairly lengthy period".
_VAGUE_DURATION = re.compile(
    r"(?:(?:for|over|after|within)\s+)?(?:a\s+while|quite\s+a\s+while|some\s+time|"
    r"a\s+(?:\w+\s+)?(?:long|lengthy|short|brief|extended)\s+(?:time|period|while|spell))"
)


def _duration_value(text: str) -> str | None:
    if _VAGUE_DURATION.fullmatch(text):
        return "PXX"
    if m := re.fullmatch(rf"(?:(?:for|over|within)\s+)?(?P<unit>{_UNIT}) or {_UNIT}", text):
        text = m["unit"]  # "within weeks or months": weeks, how many not said
    m = _DURATION.match(text)
    if not m:
        return None
    unit = re.sub(r"(?:ies|s)$", "", m["unit"]).replace("centur", "century")
    unit = "century" if unit.startswith("centur") else unit
    code = UNIT_CODES.get(unit)
    if code is None:
        return None
    count_text = (m["count"] or "").strip()
    if m["which"] in ("latest", "year-earlier", "year-ago") and not count_text:
        return None  # "the latest quarter" is a date; "the latest nine months" a length
    if m["which"] == "first" and unit == "quarter" and not count_text:
        return None  # "the first quarter" is a quarter of the year, as the second one is
    count_text = re.sub(r"^(?:more than|nearly|about|almost)\s+", "", count_text)
    plural = m["unit"].endswith("s") and not m["unit"].endswith("ss")
    if not count_text and not plural and re.match(r"(?:\w+\s+)?the\s+\w+$", text):
        return None  # "the year", "in the quarter": a date, not a length of time
    if re.fullmatch(r"1\d{3}|20\d{2}", count_text):
        return None  # "the 1988 quarter": a year, not a count
    if count_text in ("a couple of", "couple of"):
        count: float | None = 2
    elif not count_text and plural:
        count = None  # "years", "for weeks": how many is not said
    elif count_text in ("", "the past", "the last", "the next", "the coming", "recent"):
        count = 1
    elif count_text in ("several", "a few", "few", "some", "many"):
        count = None
    else:
        count = _number(count_text)
        if count is None:
            return None
    if unit == "decade":
        code, count = "Y", None if count is None else count * 10
    if unit == "century":
        code, count = "Y", None if count is None else count * 100
    if unit == "hour" and count == 24:
        unit, code, count = "day", "D", 1
    time_part = "T" if unit in ("hour", "minute", "second") else ""
    if count is not None and (m["half"] or m["and_half"]):
        # "2 1/2 years" is two years and six months: TIMEX3 writes the half in the next unit.
        halves = {"Y": "6M", "D": "T12H", "H": "30M", "M": "30S" if time_part else "15D"}
        if code in halves and count == int(count):
            return f"P{time_part}{int(count)}{code}{halves[code]}"
    number = "X" if count is None else f"{count:g}"
    return f"P{time_part}{number}{code}"


def _set_value(text: str) -> str | None:
    if text.endswith("s") and (
        plural := re.fullmatch(
            r"(?:on\s+)?(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day(?:s|(?=\s))"
            r"(?:\s+(?P<part>morning|afternoon|evening|night)s)?",
            text,
        )
    ):  # "on Mondays", "Tuesday nights": every such day
        value = f"XXXX-WXX-{WEEKDAYS[plural['day'] + 'day'] + 1}"
        return value + (f"T{PARTS_OF_DAY[plural['part']]}" if plural["part"] else "")
    m = _SET.match(text)
    if not m:
        return None
    if m["adverb"]:
        word = m["adverb"]
        table = {
            "daily": "P1D",
            "nightly": "P1D",
            "weekly": "P1W",
            "biweekly": "P2W",
            "monthly": "P1M",
            "yearly": "P1Y",
            "annually": "P1Y",
            "quarterly": "P3M",
            "hourly": "PT1H",
        }
        if word in table:
            return table[word]
        unit = word.split()[-1]
        return f"P1{UNIT_CODES.get(unit, 'X')}"
    what = m["what"]
    if what in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    if what.rstrip(".") in MONTHS:
        return f"XXXX-{MONTHS[what.rstrip('.')]:02d}"  # "each July"
    unit = re.sub(r"s$", "", what.split()[-1])
    if unit in UNIT_CODES and unit not in ("morning", "evening", "night", "weekend"):
        count = _number(what.split()[0]) if " " in what else 1
        return f"P{1 if count is None else int(count)}{UNIT_CODES[unit]}"
    return None


def classify(expression: str) -> TimexType:
    """Whether an expression names a date, a time of day, a duration or a set.

    >>> [classify(e) for e in ("July 28", "this morning", "three years", "every week")]
    ['DATE', 'TIME', 'DURATION', 'SET']
    """
    text = _norm(expression)
    if _points_back(_rule(stripped := _strip_lead(text))) or stripped == "the past year":
        # "The following year" is a year, not a year long; "that morning" a time of a day.
        return "TIME" if re.search(r"\b(?:morning|afternoon|evening|night)$", text) else "DATE"
    if _set_value(text) is not None and not text.startswith(("a ", "an ")):
        return "SET"
    if re.search(r"\b(ago|earlier|later|before|after|from now|since)\b", text):
        return "DATE"
    if _duration_value(text) is not None and not re.match(
        r"^(this|last|next|that|the)\s+\w+$", text
    ):
        return "DURATION"
    if clock_time(text)[0] is not None or re.search(
        r"\d{1,2}:\d{2}|\b\d{1,2}\s?(a\.?m|p\.?m)\b|\b(noon|midnight|tonight|"
        r"this (morning|afternoon|evening)|(last|tomorrow|yesterday|\w+day) "
        r"(morning|afternoon|evening|night))\b",
        text,
    ):
        return "TIME"
    return "DATE"


# ---------------------------------------------------------------------------------------------
# Resolution


_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_PART_OF_YEAR = {
    "early": ("START", 1, 4),
    "the beginning of": ("START", 1, 3),
    "the start of": ("START", 1, 3),
    "mid": ("MID", 5, 8),
    "the middle of": ("MID", 5, 8),
    "late": ("END", 9, 12),
    "the end of": ("END", 10, 12),
}


def _relative(text: str, expression: str, anchor: dt.date, tense: Tense | None) -> When | None:
    """Counts of units back or ahead of the anchor ("three days ago", "a few weeks later"),
    and the weekend of a day."""
    a = anchor
    text = re.sub(
        r"^(?:nearly|almost|about|some|roughly|more than|less than|over|just over|"
        r"just under|only)\s+(?=\S+\s+(?:days?|weeks?|months?|years?|decades?)\s+"
        r"(?:ago|earlier|before|later|after))",
        "",
        text,
    )
    if m := re.fullmatch(
        r"(?P<n>[\w\s-]+?)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+"
        r"(?P<dir>ago|earlier|before|later|after|from now|hence|previously)",
        text,
    ):
        count = _number(m["n"])
        unit = m["unit"].rstrip("s")
        sign = 1 if m["dir"] in ("later", "after", "from now", "hence") else -1
        if count is None:
            if m["n"] in ("several", "a few", "few", "some", "many", "a couple of"):
                vague = When(
                    earliest=None if sign < 0 else a,
                    latest=a if sign < 0 else None,
                    precision=Precision.PAST if sign < 0 else Precision.FUTURE,
                    expression=expression,
                    anchor=a,
                )
                if unit == "day" and sign < 0:  # "a few days before": within the last week
                    return _span(
                        a - dt.timedelta(days=7),
                        a - dt.timedelta(days=2),
                        Precision.UNKNOWN,
                        expression,
                        a,
                    )
                return vague
            return None
        n = int(count)
        if unit == "day":
            return _day(a + dt.timedelta(days=sign * n), expression, a)
        if unit == "week":
            return _week(a + dt.timedelta(weeks=sign * n), expression, a)
        if unit == "month":
            day = a + relativedelta(months=sign * n)
            return _month(day.year, day.month, expression, a)
        if unit == "year":
            return _year(a.year + sign * n, expression, a)
        if unit == "decade":  # "a decade ago" is about that year, not the whole decade
            return _year(a.year + sign * 10 * n, expression, a)
    if m := re.fullmatch(r"(?:the\s+)?weekend\s+of\s+(?P<date>.+)", text):
        inner = _resolve(m["date"], a, tense)
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


def _part_of_period(
    text: str, expression: str, anchor: dt.date | None, tense: Tense | None
) -> When | None:
    """'late 2011', 'early this year', 'mid-November', 'the end of 2014'."""
    m = re.fullmatch(
        r"(?:the\s+)?(?P<part>early|mid|late|the beginning of|the start of|the middle of|"
        r"the end of)[\s-]+(?P<rest>.+)",
        text,
    )
    if not m:
        return None
    inner = resolve_when(m["rest"], anchor=anchor, tense=tense)
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


def _quarter_of_year(text: str, expression: str, anchor: dt.date | None) -> When | None:
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


def _half(text: str, expression: str, anchor: dt.date | None, tense: Tense | None) -> When | None:
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
        inner = _resolve(m["rest"], anchor, tense)
    else:
        inner = None if anchor is None else _year(anchor.year, expression, anchor)
    if inner is None or inner.earliest is None:
        return None
    if inner.precision is not Precision.YEAR:  # "the last half of the '80s"
        return _with_mod(inner, "START" if h == 1 else "END")
    return _half_year(inner.earliest.year, h, expression, anchor)


def _dateutil_fallback(text: str, expression: str, anchor: dt.date | None) -> When | None:
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


_TENS = {
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _spelled_years(text: str) -> str:
    """'nineteen ninety-six' -> '1996' (broadcast transcripts spell years out)."""

    def replace(m: re.Match[str]) -> str:
        century = {"nineteen": 19, "eighteen": 18, "twenty": 20}[m["century"]]
        tens = _TENS[m["tens"]]
        units = number(m["units"] or "") or 0
        return str(century * 100 + tens + int(units))

    def thousands(m: re.Match[str]) -> str:
        return str(2000 + int(number(m["units"] or "") or 0))

    text = re.sub(
        r"\btwo thousand(?:\s+(?:and\s+)?(?P<units>one|two|three|four|five|six|seven|eight|"
        r"nine|ten))?\b",
        thousands,
        text,
    )
    return re.sub(
        r"\b(?P<century>nineteen|eighteen|twenty)\s+(?P<tens>ten|twenty|thirty|forty|fifty|"
        r"sixty|seventy|eighty|ninety)(?:[\s-](?P<units>one|two|three|four|five|six|"
        r"seven|eight|nine))?\b",
        replace,
        text,
    )


_HEDGE_SUFFIXES = {
    "or later": "ON_OR_AFTER",
    "or after": "ON_OR_AFTER",
    "and later": "ON_OR_AFTER",
    "and beyond": "ON_OR_AFTER",
    "or earlier": "ON_OR_BEFORE",
    "or before": "ON_OR_BEFORE",
    "or so": "APPROX",
}
_HEDGE_PREFIXES: dict[str, str | None] = {
    "sometime": None,
    "some time": None,
    "a good part of": None,
    "a large part of": None,
    "much of": None,
    "most of": None,
    "part of": None,
    "all of": None,
    "the whole of": None,
    "the rest of": None,
    "approximately": "APPROX",
    "roughly": "APPROX",
    "post-": "AFTER",
    "pre-": "BEFORE",
}


_ZONE = r"(?:[ecmp][sd]t|et|gmt|utc|bst|cet|local time)"
_CLOCK = re.compile(
    rf"(?:(?:at|around|about|by|until|before|after)\s+)?(?:(?P<hour>\d{{1,2}})(?::(?P<minute>\d\d))?"
    rf"\s*(?P<half>a\.?\s?m|p\.?\s?m)\.?|(?P<hour24>\d{{1,2}}):(?P<minute24>\d\d)(?![\d:])|"
    rf"(?P<word>noon|midday|midnight)|(?P<spoken>\d{{1,2}}|"
    rf"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: o'clock)? in the "
    rf"(?P<part>morning|afternoon|evening))(?:\s+{_ZONE})?"
)


def clock_time(text: str) -> tuple[str | None, str]:
    """The time of day an expression names as TIMEX3 ``HH:MM`` (or ``24`` for midnight), and
    the expression without it: '9 a.m. EST Tuesday' -> ('09:00', 'tuesday').

    >>> clock_time("10 p.m. Wednesday")
    ('22:00', 'wednesday')
    >>> clock_time("Friday at 10:35 a.m.")
    ('10:35', 'friday')
    >>> clock_time("Tuesday")
    (None, 'tuesday')
    """
    text = _norm(text)
    m = _CLOCK.search(text)
    if m is None or (m.start() and not text[m.start() - 1].isspace()):
        return None, text
    if m["word"]:
        value = {"noon": "12:00", "midday": "12:00", "midnight": "24"}[m["word"]]
    elif m["spoken"]:
        hour = int(_number(m["spoken"]) or 0) % 12 + (0 if m["part"] == "morning" else 12)
        value = f"{hour:02d}:00"
    else:
        if m["hour24"]:
            hour, minute = int(m["hour24"]), m["minute24"]
        else:
            hour = int(m["hour"]) % 12 + (12 if m["half"].startswith("p") else 0)
            minute = m["minute"] or "00"
        if hour > 23 or int(minute) > 59:
            return None, text
        value = f"{hour:02d}:{minute}"
    rest = f"{text[: m.start()]} {text[m.end() :]}"
    return value, re.sub(r"\s+", " ", rest).strip(" ,")


def _with_mod(found: When | None, mod: str | None) -> When | None:
    if found is None or mod is None or found.mod is not None:
        return found
    return attrs.evolve(found, mod=mod)


def _hedged(
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
            inner = _resolve(text.removesuffix(" " + suffix), anchor, tense, reference)
            return _with_mod(inner, mod)
    for prefix, prefix_mod in _HEDGE_PREFIXES.items():
        if text.startswith(prefix if prefix.endswith("-") else prefix + " "):
            rest = text.removeprefix(prefix).strip()
            return _with_mod(_resolve(rest, anchor, tense, reference), prefix_mod)
    if m := re.fullmatch(r"(?P<count>.+?)\s+or so\s+(?P<dir>ago|earlier|before|later)", text):
        return _with_mod(_resolve(f"{m['count']} {m['dir']}", anchor, tense), "APPROX")
    if m := re.fullmatch(r"(?:the\s+)?week\s+of\s+(?P<rest>.+)", text):
        inner = _resolve(m["rest"], anchor, tense)
        if inner is not None and inner.precision is Precision.DAY and inner.earliest:
            return _week(inner.earliest, expression, anchor)
        return None
    if m := re.fullmatch(
        r"(?:the\s+)?(?:day|night|morning|evening)\s+(?P<dir>before|after)\s+(?P<rest>.+)", text
    ):
        inner = _resolve(m["rest"], anchor, tense)
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
                for year in (anchor.year - 1, anchor.year, anchor.year + 1):
                    day = holiday_date(holidays[holiday], year)
                    monday = day - dt.timedelta(days=day.weekday())
                    weeks.append((monday, monday + dt.timedelta(days=6)))
                return _week(_nearest(weeks, anchor, tense)[0], expression, anchor)
            inner = _resolve(m["holiday"], anchor, tense)
            if inner is not None and inner.earliest is not None:
                return _week(inner.earliest, expression, anchor)
    return None


def _rule(
    text: str, expression: str = "", rule_sets: Sequence[str] = DEFAULT_RULE_SETS
) -> Match | None:
    return match_rule(text, rule_sets=rule_sets, expression=expression or text)


def _points_back(found: Match | None) -> bool:
    """Whether a rule's value is read against the time mentioned before ("the next day")."""
    return found is not None and found.value.startswith("reference")


def _is_vague(found: Match | None) -> bool:
    return found is not None and found.value.endswith("_REF")


def _resolve(
    expression: str,
    anchor: dt.date | None,
    tense: Tense | None,
    reference: When | None = None,
    rule_sets: Sequence[str] = DEFAULT_RULE_SETS,
) -> When | None:
    raw = _norm(expression)
    if not raw:
        return None
    if raw.startswith("since ") and tense is None:
        tense = "past"
    text = re.sub(r"'s$", "", _strip_lead(raw))  # "last week's bombing", "today's announcements"
    text = re.sub(
        r"^(?:earlier|later)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day|tonight)",
        "",
        text,
    )
    text = re.sub(r"^this past (?=week|weekend|month|year|spring|summer|fall|autumn|winter)",
                  "last ", text)  # fmt: skip
    text = _spelled_years(text)
    clock, dated = clock_time(text)
    if clock is not None:  # a time of day: the day it falls on ("10 p.m. Wednesday")
        if dated in ("", "today", "tonight", "this morning", "this afternoon", "this evening"):
            return _day(anchor, expression, anchor) if anchor is not None else None
        text = dated
    if not text:
        return None
    if (found := _hedged(text, expression, anchor, tense, reference)) is not None:
        return found
    ruled = _rule(text, expression, rule_sets)
    if _points_back(ruled) or _is_vague(ruled):
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
        r"(?:the\s+)?(?:year\s+|fiscal\s+(?:year\s+)?|fy\s*)?(?P<year>1\d{3}|20\d{2})"
        r"(?:'s)?",
        text,
    ):
        return _year(int(m["year"]), expression, anchor)
    if m := re.fullmatch(r"(?:the\s+)?(?:(?P<century>1\d|20)|')?(?P<decade>\d)0'?s", text):
        century = int(m["century"]) if m["century"] else 19
        if m["century"] and m["decade"] == "0" and century < 20:
            # "the 1800s" is the century; "the 2000s" is still read as the decade.
            return _century(century + 1, expression, anchor)
        return _decade(century * 100 + int(m["decade"]) * 10, expression, anchor)
    if anchor is not None and re.fullmatch(r"(?:around |about )?this time last year", text):
        year_ago = anchor - relativedelta(years=1)  # the month, as "this time" is not a day
        return _month(year_ago.year, year_ago.month, expression, anchor)
    if anchor is not None and (m := re.fullmatch(r"(?P<which>this|last|next) decade", text)):
        shift = {"this": 0, "next": 1, "last": -1}[m["which"]]
        return _decade(anchor.year // 10 * 10 + 10 * shift, expression, anchor)
    if m := re.fullmatch(
        r"(?:the\s+)?'?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
        r"nineties)",
        text,
    ):
        tens = _TENS[m["tens"].removesuffix("ies") + "y"]
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
    if m := re.fullmatch(
        r"(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<year>\d{4})"
        r"(?:[-/](?:\d{2}|\d{4}))?",  # "the winter of 2012-13" began in 2012
        text,
    ):
        return _season(int(m["year"]), SEASONS[m["season"]], expression, anchor)
    if (found := _quarter_of_year(text, expression, anchor)) is not None:
        return found
    if ruled is not None:
        found = resolve_value(
            ruled.value, anchor=anchor, reference=reference, tense=tense,
            expression=expression, mod=ruled.mod,
        )  # fmt: skip
        if found is not None:
            return found
    if (found := _part_of_period(text, expression, anchor, tense)) is not None:
        return found
    if (found := _half(text, expression, anchor, tense)) is not None:
        return found
    if anchor is not None and (found := _relative(text, expression, anchor, tense)) is not None:
        return found
    return _dateutil_fallback(text, expression, anchor)


# "Last year" names the year even in results news; the comparisons below name the quarter.
_YEAR_AGO = {
    "a year ago",
    "a year earlier",
    "year-earlier",
    "the year-earlier",
    "year-ago",
    "the year-ago",
    "the year-ago period",
    "year-ago period",
    "the year-earlier period",
    "the year-ago quarter",
    "the year-earlier quarter",
}
_FINANCIAL = re.compile(
    r"\b(quarter|quarterly|third-quarter|second-quarter|fourth-quarter|"
    r"first-quarter|period|a share|million|billion|profit|net income|"
    r"earnings|revenue|sales)\b"
)


# ... unless the sentence compares a longer period: "in the latest nine months, compared with
# 40% a year earlier" is the year before, not its third quarter.
_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six|\d+)[\s-]months?\b|\b(?:first|latest) (?:half|nine|six)\b|"
    r"\b(?:full|fiscal) year\b|\byear[\s-]to[\s-]date\b"
)


def conventions_for(context: str) -> tuple[str, ...]:
    """The rule sets for an expression in its words around: the quarter conventions of
    company results news only where those words read as results ("net income", "a share").

    >>> conventions_for("Net income rose 5% in"), conventions_for("The talks resumed in")
    (('news', 'results'), ('news',))
    """
    if _FINANCIAL.search(context.lower()):
        return ("news", "results")
    return DEFAULT_RULE_SETS


def _compares_longer_period(left: str) -> bool:
    """Whether the sentence so far compares a period longer than a quarter."""
    return _LONGER_PERIOD.search(_SENTENCE_END.split(left)[-1].lower()) is not None


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
    text = _norm(expression)
    bare = _strip_lead(text)
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", bare) and (
        m := re.search(rf"\b(?P<month>{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*"
                       r"(?:and|or|to|through|-|–)\s*$", left, re.IGNORECASE)
    ):  # fmt: skip
        # "April 24 and 25": the second day borrows the first one's month.
        expression = f"{m['month']} {bare}"
        text = bare = _norm(expression)
    if bare == "one day" and infer_tense(left, right) == "future":
        return "FUTURE_REF"  # "Islam will one day be ..."; otherwise a day long
    if re.fullmatch(r"the (?:fiscal )?year", bare) and re.match(
        r"\s*(?:that )?end(?:ed|ing)\b", right
    ):
        return "P1Y"  # "the year ended March 31": a fiscal year, given by its last day
    if _is_vague(vague := _rule(bare)):
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
        return _set_value(text)
    tense = infer_tense(left, right)
    if kind == "DURATION" and (
        point := _point_of_duration(text, left, right, tense, anchor, reference)
    ):
        return point
    if kind == "DURATION":
        return _duration_value(_strip_lead(text)) or _duration_value(text)
    if (
        anchor is not None
        and bare in _YEAR_AGO
        and _FINANCIAL.search(f"{left} {right}".lower())
        and not _compares_longer_period(left)
    ):
        # Results "up from $1 billion a year ago" compare the latest quarter with the same
        # quarter of the year before.
        year, q = _latest_quarter(anchor)
        return f"{year - 1}-Q{q}"
    if (m := re.fullmatch(r"the (\d{4}) period", bare)) and _compares_longer_period(left):
        return m[1]  # "the first nine months ..., compared with ... in the 1988 period"
    if is_anaphoric(expression):  # the words before it, when they reach that far, are nearer
        reference = reference_time(left, anchor) or reference
    if kind == "TIME" and clock_time(text)[1] == "" and (day := _day_after_clock(right)):
        expression = f"{expression} {day}"  # "at 10:35 a.m. (0735 GMT) Friday"
    if conventions is None:
        conventions = conventions_for(f"{left} {right}")
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


# A day judged is a day, not a day long: "it was a great day for Poland".
_JUDGED_DAY = re.compile(
    r"\b(?:an?|the)\s+(?:great|historic|historical|sad|happy|proud|dark|black|tragic|"
    r"momentous|memorable|special|big|good|bad|terrible|important|emotional|busy)\s*$",
    re.IGNORECASE,
)
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
    many years from now; "in a year or two" only somewhere ahead), "day" in "it was a great
    day" (the day last mentioned, else today)."""
    if anchor is None:
        return None
    if m := re.match(r"\s*(earlier|ago)\b", right):  # the span stopped short of its last word
        return timex_value(f"{text} {m[1]}", anchor, left=left)
    if text == "day" and _JUDGED_DAY.search(left):
        same_day = reference if reference and reference.precision is Precision.DAY else None
        return (same_day or _day(anchor, text, anchor)).timex
    clause = _CLAUSE_START.split(_SENTENCE_END.split(left)[-1].lower())[-1]
    ahead = tense == "future" or _FUTURE_MODAL.search(clause) is not None
    if not (ahead and re.search(r"\bin\s*,?\s*$", clause)):
        return None  # "within a year" and "in two weeks" of the past stay lengths
    if re.search(rf"\bor\b|\b(?:few|several|some|many)\b|^{_UNIT}$", text):
        return "FUTURE_REF"  # how far ahead is not said
    later = resolve_when(f"{text} from now", anchor)
    return None if later is None else later.timex


def _day_after_clock(right: str) -> str | None:
    """The day a bare clock time falls on when the day follows it within a few words of the
    same clause, past a time zone or a parenthesis: "10:35 a.m. (0735 GMT) Friday"."""
    clause = re.split(r"[,;:]", right, maxsplit=1)[0]
    words = re.findall(r"[a-z]+", clause.lower())[:4]
    return next((w for w in words if w in _DAY_WORDS), None)


_DAY_WORDS = frozenset(w for w in WEEKDAYS if len(w) > 4) | {"yesterday", "today", "tomorrow"}


# ---------------------------------------------------------------------------------------------
# Finding time expressions in running text

_M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_W = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?<![\d$£€.,])(?:1[89]\d\d|20\d\d)(?![.,]\d)"  # not "2082.1" or "$2000"
_UNITS = r"(?:days?|weeks?|months?|years?|decades?)"
_N = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few)"
_FINDER = re.compile(
    "|".join(
        rf"(?:{p})"
        for p in (
            rf"(?:the\s+)?weekend\s+of\s+{_M}\s+{_D}",
            rf"(?:(?:last|this|next|on|earlier|late|early)\s+)?{_W}(?:\s+(?:morning|afternoon|"
            rf"evening|night))?(?:,?\s+{_M}\s+{_D}(?:,?\s+{_Y})?)?",
            rf"{_M}\s+{_D}(?:,?\s+{_Y})?",
            rf"{_D}\s+{_M}(?:,?\s+{_Y})?",
            rf"(?:(?:in|since|until|by|during)\s+)?(?:(?:early|late|mid)[\s-]+)?{_M},?\s+"
            rf"(?:of\s+)?{_Y}",
            rf"(?:in|since|until|by|last|this|next|early|late|mid-?)\s+{_M}(?![\w-])",
            rf"(?:(?:in|since|until|by|during)\s+)?(?:(?:early|late|mid)[\s-]+|the\s+end\s+of\s+)?"
            rf"{_Y}(?![\w-])",
            r"(?:earlier|later)\s+(?:today|this\s+(?:week|month|year))",
            r"(?:today|yesterday|tomorrow|tonight|last\s+night)(?:'s)?",
            r"(?:last|this|next|this\s+past)\s+(?:weekend|week|month|year|spring|summer|fall|"
            r"autumn|winter)(?:'s)?",
            r"(?:over\s+)?the\s+weekend",
            r"(?<![\d/.-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/.-])",
            rf"(?:Q[1-4]|[1-4]Q|H[12])\s+{_Y}",
            rf"(?:the\s+)?(?:first|second|third|fourth)[\s-]+(?:quarter|half)\s+(?:of\s+)?{_Y}",
            rf"{_N}\s+{_UNITS}\s+(?:ago|earlier|later|before)",
            r"(?:in\s+)?recent\s+(?:days|weeks|months|years)",
            r"(?:the\s+)?(?:spring|summer|fall|autumn|winter)(?:\s+of)?\s+" + _Y,
            r"(?:on\s+)?Christmas(?:\s+Day)?|New\s+Year's\s+Day|Thanksgiving",
            r"(?:(?:later|earlier)\s+)?(?:that|the\s+same|the\s+next|the\s+following|"
            r"the\s+previous)\s+(?:day|morning|afternoon|evening|night|week|month|year)",
        )
    ),
    re.IGNORECASE,
)
_CAPITALISED_ONLY = re.compile(rf"^(?:(?:in|since|until|by|last|this|next|early|late|mid-?)\s+)?"
                               rf"{_M}$|^(?:on\s+)?{_W}", re.IGNORECASE)  # fmt: skip


def find_times(text: str) -> list[tuple[int, int, str]]:
    """The time expressions in running text, as ``(start, end, expression)``, in order.

    >>> [e for _, _, e in find_times("On Thursday, the group said it had met in May 2015.")]
    ['On Thursday', 'in May 2015']
    >>> find_times("They may meet.")
    []
    """
    found = []
    for match in _FINDER.finditer(text):
        expression = match.group(0)
        # Month and weekday names count only when capitalised ("may" is a verb).
        bare = re.sub(r"^(?:in|since|until|by|last|this|next|early|late|mid-?|on)\s+", "",
                      expression, flags=re.IGNORECASE)  # fmt: skip
        if _CAPITALISED_ONLY.match(expression) and not bare[:1].isupper():
            continue
        found.append((match.start(), match.end(), expression))
    return found


_CALENDAR_PRECISIONS = frozenset(FINER_THAN["year"])


def is_anaphoric(expression: str) -> bool:
    """Whether an expression points back to a time mentioned before it ("the next day")."""
    text = _strip_lead(_norm(expression))
    return _points_back(_rule(text))


def last_mentioned(value: str | None, previous: When | None) -> When | None:
    """The time to point back to after an expression whose TIMEX3 value is ``value``: that
    time if it is a calendar time, else still ``previous`` (a length of time is not one).

    >>> last_mentioned("1989-03", None).timex
    '1989-03'
    >>> last_mentioned("P3M", last_mentioned("1989-03", None)).timex
    '1989-03'
    """
    when = When.from_timex(value) if value else None
    if when is not None and when.precision in _CALENDAR_PRECISIONS:
        return when
    return previous


def reference_time(text: str, anchor: dt.date | None) -> When | None:
    """The time an anaphoric expression ("that day", "the following year") points back to:
    the last calendar time mentioned in ``text`` (the words before it), or None.

    >>> import datetime as dt
    >>> reference_time("Farkas was promoted on May 22, 1995, and", dt.date(1998, 4, 18)).timex
    '1995-05-22'
    >>> reference_time("Nothing dated here.", dt.date(1998, 4, 18)) is None
    True
    """
    for start, end, expression in reversed(find_times(text)):
        when = resolve_when(expression, anchor, tense=infer_tense(text[:start], text[end:]))
        if when is not None and when.precision in _CALENDAR_PRECISIONS:
            return when
    return None
