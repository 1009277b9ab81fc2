"""Fuzzy times: :class:`When`, known to a :class:`Precision`, read from TIMEX3 values."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import Any

import attrs

from claimtrack.errors import DateResolutionError, ModelError
from claimtrack.model.notebook import Notebook

__all__ = ["Precision", "When"]


class Precision(StrEnum):
    """How precisely a :class:`When` is known (the granularity of its TIMEX3 value)."""

    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    PRESENT = "present"  # "now", "currently": the anchor itself, vaguely
    PAST = "past"  # "in the past", "recently": some time up to the anchor
    FUTURE = "future"  # "soon", "in the future": some time from the anchor on
    UNKNOWN = "unknown"


_CALENDAR = frozenset(
    {
        Precision.DAY,
        Precision.WEEKEND,
        Precision.WEEK,
        Precision.MONTH,
        Precision.SEASON,
        Precision.QUARTER,
        Precision.HALF,
        Precision.YEAR,
        Precision.DECADE,
        Precision.CENTURY,
    }
)
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_TIMEX_MODS = frozenset(
    {
        "START",
        "MID",
        "END",
        "APPROX",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
    }
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _check_when(instance: When, attribute: attrs.Attribute[Any], value: object) -> None:
    earliest, latest, precision = instance.earliest, instance.latest, instance.precision
    if earliest is not None and latest is not None and earliest > latest:
        raise ModelError(f"When: earliest {earliest} is after latest {latest}")
    if precision in _CALENDAR and (earliest is None or latest is None):
        raise ModelError(f"When: precision {precision.value!r} needs both earliest and latest")
    if instance.mod is not None and instance.mod not in _TIMEX_MODS:
        raise ModelError(f"When: unknown TIMEX3 mod {instance.mod!r}")


@attrs.frozen(kw_only=True)
class When(Notebook):
    """A fuzzy time: it lies somewhere in ``[earliest, latest]``, known to ``precision``.

    ``expression`` is the text it was read from and ``anchor`` the date it was resolved
    against ("on Thursday" means nothing without the day it was written).  ``mod`` is the
    TIMEX3 modifier ("late 2011" is the year 2011 with mod ``END``).

    >>> When.parse("2015-SU").earliest, When.parse("2015-SU").latest
    (datetime.date(2015, 6, 1), datetime.date(2015, 8, 31))
    >>> When.on(dt.date(2016, 7, 28)).timex
    '2016-07-28'
    """

    earliest: dt.date | None = attrs.field(default=None, validator=_check_when)
    latest: dt.date | None = None
    precision: Precision = Precision.UNKNOWN
    expression: str | None = None
    anchor: dt.date | None = None
    mod: str | None = None

    @classmethod
    def on(
        cls, day: dt.date, *, expression: str | None = None, anchor: dt.date | None = None
    ) -> When:
        """The single day ``day``."""
        return cls(
            earliest=day, latest=day, precision=Precision.DAY, expression=expression, anchor=anchor
        )

    @classmethod
    def unknown(cls, expression: str | None = None, *, anchor: dt.date | None = None) -> When:
        """A time that could not be resolved; honest rather than guessed."""
        return cls(expression=expression, anchor=anchor)

    @classmethod
    def from_timex(
        cls, value: str, *, expression: str | None = None, anchor: dt.date | None = None
    ) -> When | None:
        """The When a TIMEX3 date value names, or None if ``value`` is not one.

        >>> When.from_timex("2013-W11").earliest
        datetime.date(2013, 3, 11)
        >>> When.from_timex("201").precision.value
        'decade'
        >>> When.from_timex("P3Y") is None
        True
        """
        value = value.strip()
        extra: dict[str, Any] = {"expression": expression, "anchor": anchor}
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?", value):
                return cls.on(dt.date(*map(int, m.groups())), **extra)
            if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
                y, mo = map(int, m.groups())
                return cls(
                    earliest=dt.date(y, mo, 1),
                    latest=_month_end(y, mo),
                    precision=Precision.MONTH,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
                y, w = map(int, m.groups())
                start = dt.date.fromisocalendar(y, w, 6)
                return cls(
                    earliest=start,
                    latest=start + dt.timedelta(days=1),
                    precision=Precision.WEEKEND,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
                y, w = map(int, m.groups())
                start = dt.date.fromisocalendar(y, w, 1)
                return cls(
                    earliest=start,
                    latest=start + dt.timedelta(days=6),
                    precision=Precision.WEEK,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
                y, season = int(m[1]), m[2]
                first, last = _SEASONS[season]
                end_year = y + 1 if season == "WI" else y
                return cls(
                    earliest=dt.date(y, first, 1),
                    latest=_month_end(end_year, last),
                    precision=Precision.SEASON,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
                y, q = int(m[1]), int(m[2])
                return cls(
                    earliest=dt.date(y, 3 * q - 2, 1),
                    latest=_month_end(y, 3 * q),
                    precision=Precision.QUARTER,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-H([12])", value):
                y, h = int(m[1]), int(m[2])
                return cls(
                    earliest=dt.date(y, 6 * h - 5, 1),
                    latest=_month_end(y, 6 * h),
                    precision=Precision.HALF,
                    **extra,
                )
            if re.fullmatch(r"\d{4}", value):
                y = int(value)
                return cls(
                    earliest=dt.date(y, 1, 1),
                    latest=dt.date(y, 12, 31),
                    precision=Precision.YEAR,
                    **extra,
                )
            if re.fullmatch(r"\d{3}", value):
                y = int(value) * 10
                return cls(
                    earliest=dt.date(max(y, 1), 1, 1),
                    latest=dt.date(y + 9, 12, 31),
                    precision=Precision.DECADE,
                    **extra,
                )
            if re.fullmatch(r"\d{2}", value):
                y = int(value) * 100
                return cls(
                    earliest=dt.date(max(y, 1), 1, 1),
                    latest=dt.date(y + 99, 12, 31),
                    precision=Precision.CENTURY,
                    **extra,
                )
        except (ValueError, OverflowError):  # 2016-02-30, week 54, 9999-W52: not a date
            return None
        if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and anchor is not None:
            kind = value.removesuffix("_REF").lower()
            precision = Precision(kind)
            earliest = None if precision is Precision.PAST else anchor
            latest = None if precision is Precision.FUTURE else anchor
            return cls(earliest=earliest, latest=latest, precision=precision, **extra)
        return None

    @classmethod
    def parse(cls, text: str, *, anchor: dt.date | None = None) -> When:
        """The time a TIMEX3 date value names (``2016-07-28``, ``2016-07``, ``2015-FA``,
        ``2013-W11``, ``2014``).

        Raises :class:`~claimtrack.errors.DateResolutionError` for anything else, saying
        what was wrong; written dates ("July 28, 2016", "autumn 2015") are read by
        :func:`claimtrack.time.read_date`.

        >>> When.parse("2015-FA").timex
        '2015-FA'
        >>> When.parse("July 28, 2016")
        Traceback (most recent call last):
        ...
        claimtrack.errors.DateResolutionError: 'July 28, 2016' is not a TIMEX3 date value ...
        """
        if not isinstance(text, str) or not text.strip():
            raise DateResolutionError(f"not a date: {text!r}", expression=str(text))
        found = cls.from_timex(text, expression=text, anchor=anchor)
        if found is None:
            raise DateResolutionError(
                f"{text!r} is not a TIMEX3 date value (like 2016-07-28, 2016-07, 2015-FA or "
                "2014); read written dates with claimtrack.time.read_date",
                expression=text,
            )
        return found

    @property
    def known(self) -> bool:
        """Whether anything at all is known about this time."""
        return self.earliest is not None or self.latest is not None

    @property
    def timex(self) -> str | None:
        """The TIMEX3 value of this time (``2016-07-28``, ``2016-W30``, ``2015-SU``, ``201``).

        None when nothing is known.
        """
        p, e = self.precision, self.earliest
        if p in (Precision.PRESENT, Precision.PAST, Precision.FUTURE):
            return f"{p.value.upper()}_REF"
        if e is None or p is Precision.UNKNOWN:
            return None
        match p:
            case Precision.DAY:
                return e.isoformat()
            case Precision.WEEK:
                year, week, _ = e.isocalendar()
                return f"{year:04d}-W{week:02d}"
            case Precision.WEEKEND:
                year, week, _ = e.isocalendar()
                return f"{year:04d}-W{week:02d}-WE"
            case Precision.MONTH:
                return f"{e.year:04d}-{e.month:02d}"
            case Precision.SEASON:
                code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(e.month, "WI")
                year = e.year - 1 if e.month < 3 else e.year
                return f"{year:04d}-{code}"
            case Precision.QUARTER:
                return f"{e.year:04d}-Q{(e.month - 1) // 3 + 1}"
            case Precision.HALF:
                return f"{e.year:04d}-H{(e.month - 1) // 6 + 1}"
            case Precision.YEAR:
                return f"{e.year:04d}"
            case Precision.DECADE:
                return f"{e.year // 10:03d}"
            case Precision.CENTURY:
                return f"{e.year // 100:02d}"
        return None  # pragma: no cover - every precision is handled above

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` may be the time meant."""
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )

    def overlaps(self, other: When) -> bool | None:
        """Whether the two times may be the same; None when either is unknown."""
        if not (self.known and other.known):
            return None
        lo = max((d for d in (self.earliest, other.earliest) if d is not None), default=None)
        hi = min((d for d in (self.latest, other.latest) if d is not None), default=None)
        return lo is None or hi is None or lo <= hi

    def __str__(self) -> str:
        return self.timex or "unknown"
