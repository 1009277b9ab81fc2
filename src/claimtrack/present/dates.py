"""Times written for people: "autumn 2015", "week of 25 July 2016", not ``2015-FA``.

One function, :func:`for_people`, used by every report (the HTML page; the terminal report
may use it too), so a time reads the same wherever it is shown.

>>> from claimtrack.model import When
>>> for_people(When.parse("2015-FA")), for_people(When.parse("2016-W30"))
('autumn 2015', 'week of 25 July 2016')
>>> for_people(When.parse("2016-07-28")), for_people(When.parse("2014-02"))
('28 July 2016', 'February 2014')
>>> for_people(None)
'unknown'
"""

from __future__ import annotations

import datetime as dt
import re

from claimtrack.model import Precision, When

__all__ = ["day_for_people", "for_people", "timex_for_people"]

_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_ORDINAL_HALF = {1: "first", 2: "second"}
_ORDINAL_QUARTER = {1: "first", 2: "second", 3: "third", 4: "fourth"}
# TIMEX3 modifiers as a reader would say them; the ones that bound a time wrap it.
_MOD_PREFIX = {"START": "early ", "MID": "mid-", "END": "late ", "APPROX": "about "}
_MOD_WRAP = {
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "{} or before",
    "ON_OR_AFTER": "{} or after",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}


def day_for_people(day: dt.date) -> str:
    """A day as people write it: ``28 July 2016`` (no leading zero, month in words).

    >>> day_for_people(dt.date(2016, 7, 8))
    '8 July 2016'
    """
    return f"{day.day} {day:%B} {day.year}"


def _calendar(when: When, earliest: dt.date, latest: dt.date) -> str:
    match when.precision:
        case Precision.DAY:
            return day_for_people(earliest)
        case Precision.WEEKEND:
            return f"weekend of {day_for_people(earliest)}"
        case Precision.WEEK:
            return f"week of {day_for_people(earliest)}"
        case Precision.MONTH:
            return f"{earliest:%B} {earliest.year}"
        case Precision.SEASON:
            season = _SEASONS.get(earliest.month)
            if season is None:  # a season that does not start on a season's month
                return _between(earliest, latest)
            if season == "winter":
                return f"winter {earliest.year}–{(earliest.year + 1) % 100:02d}"
            return f"{season} {earliest.year}"
        case Precision.QUARTER:
            quarter = (earliest.month - 1) // 3 + 1
            return f"{_ORDINAL_QUARTER[quarter]} quarter of {earliest.year}"
        case Precision.HALF:
            return f"{_ORDINAL_HALF[(earliest.month - 1) // 6 + 1]} half of {earliest.year}"
        case Precision.YEAR:
            return str(earliest.year)
        case Precision.DECADE:
            return f"the {earliest.year // 10 * 10}s"
        case Precision.CENTURY:
            return f"the {earliest.year // 100 * 100}s"
    return _between(earliest, latest)


def _between(earliest: dt.date, latest: dt.date) -> str:
    if earliest == latest:
        return day_for_people(earliest)
    return f"between {day_for_people(earliest)} and {day_for_people(latest)}"


def for_people(when: When | None, *, unknown: str = "unknown") -> str:
    """``when`` as a reader would write it; ``unknown`` when nothing is known of it.

    Modifiers are said ("late 2011", "before March 2014"); a time relative to the moment of
    writing says which moment ("before 28 July 2016" for "recently").

    >>> for_people(When.parse("2015-WI")), for_people(When.parse("2016-H1"))
    ('winter 2015–16', 'first half of 2016')
    >>> import attrs
    >>> for_people(attrs.evolve(When.parse("2011"), mod="END"))
    'late 2011'
    """
    if when is None or not when.known:
        return unknown
    earliest, latest = when.earliest, when.latest
    if when.precision is Precision.PAST and latest is not None:
        return f"before {day_for_people(latest)}"
    if when.precision is Precision.FUTURE and earliest is not None:
        return f"after {day_for_people(earliest)}"
    if when.precision is Precision.PRESENT and earliest is not None:
        return f"around {day_for_people(earliest)}"
    if latest is None:  # open-ended, with no precision to say
        return f"{day_for_people(earliest)} or after" if earliest else unknown
    if earliest is None:
        return f"{day_for_people(latest)} or before"
    text = _calendar(when, earliest, latest)
    if when.mod in _MOD_PREFIX:
        return _MOD_PREFIX[when.mod] + text
    if when.mod in _MOD_WRAP:
        return _MOD_WRAP[when.mod].format(text)
    return text


# TIMEX3 values with a hyphen (2015-FA, 2016-W30, 2014-02, 2016-07-28): a bare year is
# already written for people, and a bare number in a sentence may not be a year at all.
_TIMEX_IN_TEXT = re.compile(
    r"\b\d{4}-(?:W\d{2}(?:-WE)?|SP|SU|FA|WI|Q[1-4]|H[12]|\d{2}(?:-\d{2})?)\b"
)


def timex_for_people(text: str) -> str:
    """``text`` with the TIMEX3 date values in it written for people (for reasons the
    conflict finder writes with codes).

    >>> timex_for_people("between 2015-FA and 2014-02")
    'between autumn 2015 and February 2014'
    """

    def written(match: re.Match[str]) -> str:
        found = When.from_timex(match.group())
        return for_people(found) if found is not None else match.group()

    return _TIMEX_IN_TEXT.sub(written, text)
