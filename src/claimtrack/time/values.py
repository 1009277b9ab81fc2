"""The TIMEX3 value of an expression in its context: the words around it decide its
tense, the time it points back to and the type the annotation asks for.  Builds on
:func:`~claimtrack.time.dates.resolve_when` and on the finder's reference times.

>>> import datetime as dt
>>> timex_value("Thursday", dt.date(2016, 7, 28))
'2016-07-28'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from claimtrack.model import Precision, When
from claimtrack.time.clock import clock_time
from claimtrack.time.dates import resolve_when
from claimtrack.time.finder import is_anaphoric, reference_time
from claimtrack.time.lengths import UNIT_WORDS, classify, duration_value, set_value
from claimtrack.time.periods import Tense
from claimtrack.time.results import conventions_for, period_compared
from claimtrack.time.rules import is_vague, rule_for
from claimtrack.time.tense import CLAUSE_START, SENTENCE_END, infer_tense
from claimtrack.time.vocabulary import slot
from claimtrack.time.wording import (
    PARTS_OF_DAY,
    WEEKDAYS,
    normalise,
    strip_lead,
)

__all__ = ["timex_value"]


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
