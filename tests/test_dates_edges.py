"""Dates at the edges of the calendar (issue #23 item 12): years 1 and 9999, seasons and
weeks that run past them, and fuzzing of the resolver and the finder.  Whatever the input,
a time resolves sensibly, is None, or raises a ClaimtrackError; nothing else escapes.

``CLAIMTRACK_FUZZ_EXAMPLES`` raises the number of examples (40 by default, to keep the suite
fast)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack.errors import ClaimtrackError, DateResolutionError
from claimtrack.model import When
from claimtrack.time import duration_span, publication_date, read_date, resolve_when, timex_value
from claimtrack.time.finder import find_times, is_anaphoric, reference_time
from claimtrack.time.rules import RULE_SETS, rules
from claimtrack.time.vocabulary import table

FUZZ = settings(
    max_examples=int(os.environ.get("CLAIMTRACK_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

LAST_DAY = dt.date(9999, 12, 31)


@pytest.mark.parametrize("written", ["9999-W52", "winter 9999", "9999-WI", "0000"])
def test_a_time_past_the_calendar_is_a_date_error(written):
    """9999-W52 ends on 10000-01-02, the winter of 9999 in February 10000: no such dates."""
    assert publication_date(written) is None
    with pytest.raises(DateResolutionError):
        read_date(written)


@pytest.mark.parametrize(
    ("expression", "anchor", "value"),
    [
        ("this winter", dt.date(9999, 12, 20), None),  # it would end in the year 10000
        ("last winter", LAST_DAY, "9998-WI"),
        ("the winter", dt.date(1, 1, 31), None),  # the winter of the year 0
        ("last summer", dt.date(1, 3, 1), None),
        ("this summer", LAST_DAY, "9999-SU"),
        ("next year", LAST_DAY, None),
        ("last year", dt.date(1, 1, 1), None),
        ("the day after tomorrow", LAST_DAY, None),
        ("yesterday", dt.date(1, 1, 1), None),
        ("Christmas Day", LAST_DAY, "9999-12-25"),
        ("next Christmas", dt.date(9999, 12, 26), None),
        ("In May", LAST_DAY, "9999-05"),
        ("In May", dt.date(1, 1, 3), "0001-05"),  # no May before it: the nearest one
        ("this week", dt.date(9999, 12, 26), "9999-W51"),
        ("this week", LAST_DAY, None),  # Monday 27 to Sunday 10000-01-02
    ],
)
def test_relative_times_at_the_ends_of_the_calendar(expression, anchor, value):
    when = resolve_when(expression, anchor)
    assert (None if when is None else when.timex) == value


def test_a_past_span_before_the_first_day_is_none():
    assert duration_span("the past three years", dt.date(2, 1, 1)) is None
    assert duration_span("the next two weeks", LAST_DAY) is None


anchors = st.dates(min_value=dt.date(1, 1, 1), max_value=LAST_DAY)
edge_anchors = st.sampled_from(
    [dt.date(1, 1, 1), dt.date(1, 2, 28), dt.date(9999, 12, 20), LAST_DAY, dt.date(9999, 1, 1)]
)
_WORDS = sorted(
    {example for rule_set in RULE_SETS for rule in rules(rule_set) for example in rule.examples}
    | set(table("months"))
    | {
        "Monday", "this", "last", "next", "early", "late", "mid-", "the end of", "the week of",
        "the weekend of", "between", "and", "from", "to", "or later", "ago", "later", "before",
        "a decade", "century", "the 1980s", "'82", "3 p.m.", "noon", "Q3", "H2", "fiscal",
        "12/31", "9999", "0001", "0", "10000", "31", "29", "9999-W52", "9999-12-31", ",", "``",
        "''", "every", "weekly", "three", "years", "99999999999999999999", "٢٠١٥", "２０１５",
        "9999 years ago", "5000 centuries ago", "the 99th century", "25:61", "13 p.m.",
    }
)  # fmt: skip
expressions = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join) | st.text(
    max_size=40
)
references = st.none() | anchors.map(When.on) | anchors.map(lambda d: When.from_timex(f"{d:%Y}"))
tenses = st.sampled_from([None, "past", "present", "future"])


@FUZZ
@given(expressions, anchors | edge_anchors | st.none(), tenses, references)
@example("this winter", dt.date(9999, 12, 20), None, None)
@example("winter 9999", None, None, None)
@example("the winter", dt.date(1, 1, 31), "past", None)
@example("the following year", dt.date(9999, 12, 23), "future", When.on(LAST_DAY))
def test_resolving_any_expression_at_any_anchor_raises_nothing_else(
    expression, anchor, tense, reference
):
    """resolve_when, timex_value, read_date and duration_span: a value, None, or a
    ClaimtrackError, for any expression and any anchor of years 1 to 9999."""
    for conventions in (("news",), ("news", "results")):
        when = resolve_when(
            expression, anchor, tense=tense, reference=reference, conventions=conventions
        )
        assert when is None or isinstance(when, When)
    value = timex_value(expression, anchor, left=expression, right=expression, reference=reference)
    assert value is None or isinstance(value, str)
    assert duration_span(expression, anchor) is None or anchor is not None
    with contextlib.suppress(ClaimtrackError):
        read_date(expression, anchor=anchor)


@FUZZ
@given(
    st.lists(expressions, min_size=1, max_size=6).map(". The army said ".join),
    anchors | edge_anchors,
)
def test_finding_and_resolving_in_any_text_raises_nothing_else(text, anchor):
    """The finder over random text, each time resolved as the extractor does (an anaphoric
    one against the time mentioned before it)."""
    for start, _end, expression in find_times(text):
        reference = reference_time(text[:start], anchor) if is_anaphoric(expression) else None
        when = resolve_when(expression, anchor, tense="past", reference=reference)
        assert when is None or isinstance(when, When)
