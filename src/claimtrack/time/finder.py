"""Finding time expressions in running text, and the time an anaphoric one points back to."""

from __future__ import annotations

import datetime as dt
import re

from claimtrack.model import When
from claimtrack.time.dates import resolve_when
from claimtrack.time.resolution import FINER_THAN
from claimtrack.time.rules import points_back, rule_for
from claimtrack.time.tense import infer_tense
from claimtrack.time.vocabulary import load_resource, table
from claimtrack.time.wording import normalise, strip_lead

# ---------------------------------------------------------------------------------------------
# Finding time expressions in running text

_M = (
    "(?:"
    + "|".join(sorted((f.capitalize() for f in table("months")), key=len, reverse=True))
    + r")\.?"
)
_W = "(?:" + "|".join(w.capitalize() for w in load_resource("vocabulary")["weekdays"]) + ")"
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
            rf"evening|night))?(?:\s?,?\s+{_M}\s+{_D}(?:\s?,?\s+{_Y})?)?",
            rf"{_M}\s+{_D}(?:\s?,?\s+{_Y})?",
            rf"{_D}\s+{_M}(?:\s?,?\s+{_Y})?",
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
    text = strip_lead(normalise(expression))
    return points_back(rule_for(text))


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
