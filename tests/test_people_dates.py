"""Times written for people: every precision, the TIMEX3 modifiers, and codes in sentences."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from claimtrack.model import Precision, When
from claimtrack.present.dates import day_for_people, for_people, timex_for_people
from tests.strategies import whens

ANCHOR = dt.date(2016, 7, 28)

WRITTEN = [
    ("2016-07-28", "28 July 2016", "a day: no leading zero, month in words"),
    ("2016-07-08", "8 July 2016", "single-digit day"),
    ("2016-W30", "week of 25 July 2016", "a week names its Monday"),
    ("2016-W30-WE", "weekend of 30 July 2016", "a weekend names its Saturday"),
    ("2014-02", "February 2014", "a month"),
    ("2015-FA", "autumn 2015", "a season"),
    ("2015-SP", "spring 2015", "a season"),
    ("2015-SU", "summer 2015", "a season"),
    ("2015-WI", "winter 2015–16", "winter straddles two years"),
    ("2016-Q3", "third quarter of 2016", "a quarter"),
    ("2016-H1", "first half of 2016", "a half year"),
    ("2014", "2014", "a year is already written for people"),
    ("201", "the 2010s", "a decade"),
    ("19", "the 1900s", "a century"),
]


@pytest.mark.parametrize(("timex", "expected", "why"), WRITTEN)
def test_every_precision_is_written_for_people(timex, expected, why):
    """Each TIMEX3 precision reads as a person would write it."""
    assert for_people(When.parse(timex)) == expected, why


@pytest.mark.parametrize(
    ("mod", "expected"),
    [("START", "early 2011"), ("MID", "mid-2011"), ("END", "late 2011"),
     ("APPROX", "about 2011"), ("BEFORE", "before 2011"), ("ON_OR_AFTER", "2011 or after")],
)  # fmt: skip
def test_modifiers_are_said(mod, expected):
    """'late 2011' is the year 2011 with mod END, and reads so."""
    assert for_people(attrs.evolve(When.parse("2011"), mod=mod)) == expected


def test_times_relative_to_the_writing_say_which_moment():
    """'recently', 'soon' and 'now' say the day they are relative to."""
    assert for_people(When.from_timex("PAST_REF", anchor=ANCHOR)) == "before 28 July 2016"
    assert for_people(When.from_timex("FUTURE_REF", anchor=ANCHOR)) == "after 28 July 2016"
    assert for_people(When.from_timex("PRESENT_REF", anchor=ANCHOR)) == "around 28 July 2016"


def test_unknown_times_say_so_in_the_callers_words():
    """Nothing known is 'unknown', or what the caller asks for."""
    assert for_people(None) == "unknown"
    assert for_people(When.unknown("some day")) == "unknown"
    assert for_people(None, unknown="time unknown") == "time unknown"


def test_an_interval_without_a_calendar_precision_is_a_between():
    """A stretch of days that is no calendar unit reads as its two ends."""
    when = When(earliest=dt.date(2015, 9, 3), latest=dt.date(2015, 9, 20))
    assert for_people(when) == "between 3 September 2015 and 20 September 2015"
    assert day_for_people(dt.date(2015, 9, 3)) == "3 September 2015"


def test_codes_in_a_sentence_are_written_for_people():
    """The conflict finder's reasons carry codes; the report shows them in words, and leaves
    bare numbers and non-dates alone."""
    reason = "The speaker changed position between 2015-FA and 2014-02 (2016-W30, 2016-07-28)."
    assert timex_for_people(reason) == (
        "The speaker changed position between autumn 2015 and February 2014 "
        "(week of 25 July 2016, 28 July 2016)."
    )
    assert (
        timex_for_people("90 percent in 2014, code 2016-99") == "90 percent in 2014, code 2016-99"
    )


@given(whens())
def test_every_time_has_words_and_no_code(when):
    """Whatever the time, the words are not empty and never its season or week code."""
    words = for_people(when)
    assert words
    if when.precision in (Precision.SEASON, Precision.WEEK, Precision.WEEKEND):
        assert when.timex not in words
