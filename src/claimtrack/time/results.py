"""The conventions of company results news, an opt-in rule set (``rules_results.toml``) and
the comparisons results make: "up from $1 billion a year ago" is the same quarter of the year
before, unless the sentence compares a longer period.

Results news is recognised by its words ("net income", "a share", "revenue") around an
expression; a caller that knows its genre passes ``conventions`` itself.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from claimtrack.time.periods import latest_quarter
from claimtrack.time.rules import DEFAULT_RULE_SETS
from claimtrack.time.tense import SENTENCE_END
from claimtrack.time.vocabulary import load_resource

__all__ = ["conventions_for", "period_compared"]


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


@cache
def _trigger() -> re.Pattern[str]:
    words = load_resource("rules_results")["triggers"]["words"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


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
    if _trigger().search(context.lower()):
        return ("news", "results")
    return DEFAULT_RULE_SETS


def _compares_longer_period(left: str) -> bool:
    """Whether the sentence so far compares a period longer than a quarter."""
    return _LONGER_PERIOD.search(SENTENCE_END.split(left)[-1].lower()) is not None


def period_compared(bare: str, anchor: dt.date | None, left: str) -> str | None:
    """The period a results comparison names: "a year earlier" after quarterly figures is the
    quarter a year before the latest one; "the 1988 period" after nine months' figures is
    that year.

    >>> period_compared("a year earlier", dt.date(1989, 10, 26), "Third-quarter sales dropped")
    '1988-Q3'
    """
    if anchor is not None and bare in _YEAR_AGO and not _compares_longer_period(left):
        year, q = latest_quarter(anchor)
        return f"{year - 1}-Q{q}"
    if (m := re.fullmatch(r"the (\d{4}) period", bare)) and _compares_longer_period(left):
        return m[1]
    return None
