"""Finding time expressions in running text, and the time an anaphoric one points back to."""

from __future__ import annotations

import datetime as dt
import re

from claimtrack.model import When
from claimtrack.time.dates import resolve_when
from claimtrack.time.resolution import FINER_THAN
from claimtrack.time.rules import points_back, rule_for
from claimtrack.time.tense import infer_tense
from claimtrack.time.vocabulary import load_resource, slot
from claimtrack.time.wording import normalise, strip_lead

# ---------------------------------------------------------------------------------------------
# Finding time expressions in running text: the patterns are data (resources/time/finder.toml)

_FINDER_DATA = load_resource("finder")
_SLOT = re.compile(r"\{(?P<name>[a-z_]+)\}")


def _slot(name: str) -> str:
    """A slot of the finder's patterns: its own (``[slots]``), else the vocabulary's."""
    own: dict[str, str] = _FINDER_DATA["slots"]
    return _SLOT.sub(lambda m: _slot(m["name"]), own[name]) if name in own else slot(name)


def _composed(pattern: str) -> str:
    return _SLOT.sub(lambda m: _slot(m["name"]), pattern)


# A match begins only where a word begins: "the action Tuesday" holds no "on Tuesday", and
# the patterns are not tried inside words (six times faster on news text).
_FINDER = re.compile(
    r"(?<!\w)(?=[\w'’])(?:"
    + "|".join(f"(?:{_composed(entry['pattern'])})" for entry in _FINDER_DATA["pattern"])
    + ")",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _FINDER_DATA["capitalised"])) + r")\b", re.IGNORECASE
)


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def find_times(text: str) -> list[tuple[int, int, str]]:
    """The time expressions in running text, as ``(start, end, expression)``, in order.

    >>> [e for _, _, e in find_times("On Thursday, the group said it had met in May 2015.")]
    ['On Thursday', 'in May 2015']
    >>> find_times("They may meet.")
    []
    >>> [e for _, _, e in find_times("it began in march 2016")]
    ['in march 2016']
    """
    found = []
    for match in _FINDER.finditer(text):
        expression = match.group(0)
        # "May" and "March" name months only when capitalised ("they may meet"), or with a
        # year ("in march 2016", as lower-cased corpora write; "will march 20 miles" is no date).
        bare = _YEAR.search(expression) is None
        if bare and any(not word[0].isupper() for word in _CAPITALISED.findall(expression)):
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
