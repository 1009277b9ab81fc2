"""Durations and sets: "three years", "the past two quarters", "every week", "weekly";
and which of DATE, TIME, DURATION or SET an expression is."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from dateutil.relativedelta import relativedelta

from claimtrack.model import Precision, When
from claimtrack.time.clock import clock_time
from claimtrack.time.rules import points_back, rule_for
from claimtrack.time.vocabulary import number as vocabulary_number
from claimtrack.time.vocabulary import ordinal_number, slot
from claimtrack.time.vocabulary import table as table_of
from claimtrack.time.vocabulary import unit as unit_of
from claimtrack.time.wording import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_CODES,
    WEEKDAYS,
    normalise,
    strip_lead,
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

# ---------------------------------------------------------------------------------------------
# Classification: dates, times, durations and sets


UNIT_WORDS = slot("unit")
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
    rf"[\s-]*(?P<unit>{UNIT_WORDS})(?:[\s-](?:long|old|period|term))?"
    rf"(?:\s+or\s+(?:so|two|three|more))?"
    rf"(?P<and_half>\s+and\s+a\s+half)?$"
)
_SET = re.compile(
    r"^(?:every|each|per|a|an)\s+(?:other\s+)?(?P<what>\w+(?:\s\w+)?)$|"
    rf"^(?P<adverb>{slot('set_adverb')}|twice a \w+|once a \w+)$"
)


# Lengths of time with no unit at all: "for a while", "for a fairly lengthy period".
_VAGUE_DURATION = re.compile(
    r"(?:(?:for|over|after|within)\s+)?(?:a\s+while|quite\s+a\s+while|some\s+time|"
    r"a\s+(?:\w+\s+)?(?:long|lengthy|short|brief|extended)\s+(?:time|period|while|spell))"
)


def duration_value(text: str) -> str | None:
    if _VAGUE_DURATION.fullmatch(text):
        return "PXX"
    if m := re.fullmatch(
        rf"(?:(?:for|over|within)\s+)?(?P<unit>{UNIT_WORDS}) or {UNIT_WORDS}", text
    ):
        text = m["unit"]  # "within weeks or months": weeks, how many not said
    m = _DURATION.match(text)
    if not m:
        return None
    named = unit_of(m["unit"])
    if named is None:
        return None
    unit, code = named.name, named.code
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
        count = vocabulary_number(count_text)
        if count is None:
            return None
    if count is not None:
        count *= named.factor  # a decade is ten years, as the vocabulary says
    if unit == "hour" and count == 24:
        unit, code, count = "day", "D", 1
    time_part = "T" if unit in ("hour", "minute", "second") else ""
    if count is not None and (m["half"] or m["and_half"]):
        # "2 1/2 years" is two years and six months: TIMEX3 writes the half in the next unit.
        halves = {"Y": "6M", "D": "T12H", "H": "30M", "M": "30S" if time_part else "15D"}
        if code in halves and count == int(count):
            return f"P{time_part}{int(count)}{code}{halves[code]}"
    if code == "Y" and count is not None and count >= 1000 and count % 1000 == 0:
        code, count = "L", count / 1000  # "two thousand years": TIMEX3 counts millennia
    number = "X" if count is None else f"{count:g}"
    return f"P{time_part}{number}{code}"


def set_value(text: str) -> str | None:
    if text.endswith("s") and (
        plural := re.fullmatch(
            r"(?:on\s+)?(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day(?:s|(?=\s))"
            r"(?:\s+(?P<part>morning|afternoon|evening|night)s)?",
            text,
        )
    ):  # "on Mondays", "Tuesday nights": every such day
        value = f"XXXX-WXX-{WEEKDAYS[plural['day'] + 'day'] + 1}"
        return value + (f"T{PARTS_OF_DAY[plural['part']]}" if plural["part"] else "")
    if plural_season := re.fullmatch(
        rf"(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?:\w+\s+)?(?P<season>{slot('season')})s",
        text,
    ):  # "the past three summers": every summer, as many as said
        return f"XXXX-{SEASONS[plural_season['season']]}"
    if quarters := re.fullmatch(rf"(?:the\s+)?(?P<n>{slot('ordinal')})[\s-]quarters", text):
        return f"XXXX-Q{ordinal_number(quarters['n'])}"  # "the second quarters" of every year
    m = _SET.match(text)
    if not m:
        return None
    if m["adverb"]:
        word = m["adverb"]
        table = table_of("set_adverbs")
        if word in table:
            return str(table[word])
        unit = word.split()[-1]
        return f"P1{UNIT_CODES.get(unit, 'X')}"
    what = m["what"]
    if what in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    if what.rstrip(".") in MONTHS:
        return f"XXXX-{MONTHS[what.rstrip('.')]:02d}"  # "each July"
    named = unit_of(what.split()[-1])
    if named is not None and named.name not in ("night", "weekend"):
        count = vocabulary_number(what.split()[0]) if " " in what else 1
        time_part = "T" if named.name in ("hour", "minute", "second") else ""
        return f"P{time_part}{int(1 if count is None else count) * named.factor}{named.code}"
    return None


def classify(expression: str) -> TimexType:
    """Whether an expression names a date, a time of day, a duration or a set.

    >>> [classify(e) for e in ("July 28", "this morning", "three years", "every week")]
    ['DATE', 'TIME', 'DURATION', 'SET']
    """
    text = normalise(expression)
    if points_back(rule_for(stripped := strip_lead(text))) or stripped == "the past year":
        # "The following year" is a year, not a year long; "that morning" a time of a day.
        of_day = re.search(r"\b(?:morning|afternoon|evening|night|overnight)$", text)
        return "TIME" if of_day else "DATE"
    if set_value(text) is not None and not text.startswith(("a ", "an ")):
        return "SET"
    clock = clock_time(text)[0]
    if clock is None and re.search(
        r"(?<![\w-])(ago|earlier|later|before|after|from now|since)\b", text
    ):
        return "DATE"
    if duration_value(text) is not None and not re.match(
        r"^(this|last|next|that|the)\s+\w+(?<!s)$", text
    ):
        return "DURATION"
    if clock is not None or re.search(
        r"\d{1,2}:\d{2}|\b\d{1,2}\s?(a\.?m|p\.?m)\b|\b(noon|midnight|tonight|overnight|"
        r"this (morning|afternoon|evening)|(last|tomorrow|yesterday|\w+day) "
        r"(morning|afternoon|evening|night))\b",
        text,
    ):
        return "TIME"
    return "DATE"


_STEP = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "Q": "months"}


def duration_span(expression: str, anchor: dt.date | None) -> When | None:
    """The span a length of time covers when it is counted from the anchor: "the past three
    years" written on 2016-07-28 covers 2013-07-28 to 2016-07-28; "the next two weeks" the
    two weeks after.  None for a length not counted from now ("three years", "for weeks").

    >>> import datetime as dt
    >>> span = duration_span("the past three years", dt.date(2016, 7, 28))
    >>> span.earliest, span.latest
    (datetime.date(2013, 7, 28), datetime.date(2016, 7, 28))
    """
    text = strip_lead(normalise(expression))
    m = re.match(r"(?:the\s+)?(?P<which>past|last|previous|recent|next|coming|following)\s", text)
    value = duration_value(text)
    counted = re.fullmatch(r"P(?P<n>\d+)(?P<code>[YMWDQ])", value or "")
    if anchor is None or m is None or counted is None:
        return None
    n = int(counted["n"]) * (3 if counted["code"] == "Q" else 1)
    step = relativedelta(**{_STEP[counted["code"]]: n})  # type: ignore[arg-type]
    back = m["which"] in ("past", "last", "previous", "recent")
    try:
        start, end = (anchor - step, anchor) if back else (anchor, anchor + step)
    except (ValueError, OverflowError):  # a span reaching past the calendar's first or last day
        return None
    return When(
        earliest=start, latest=end, precision=Precision.UNKNOWN, expression=expression,
        anchor=anchor,
    )  # fmt: skip
