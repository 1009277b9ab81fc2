"""Time expressions: every one of the seed articles, news forms, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.model import Precision, When
from claimtrack.time.dates import (
    classify,
    clock_time,
    infer_tense,
    resolve_when,
)
from claimtrack.time.finder import find_times, is_anaphoric, reference_time
from claimtrack.time.values import timex_value

VICE = dt.date(2016, 7, 28)  # seed 000, a Thursday
PRESS_CONFERENCE = dt.date(2016, 7, 15)  # Kerry and Lavrov in Moscow, quoted in seed 000
MEMRI = dt.date(2016, 5, 9)
JEWISH_PRESS = dt.date(2016, 2, 23)  # a Tuesday
DAILY_BEAST_2015 = dt.date(2015, 1, 27)  # a Tuesday
DAILY_BEAST_2014 = dt.date(2014, 11, 11)  # a Tuesday
ENAB_BALADI = dt.date(2016, 7, 28)  # the week of 2016-07-25; the weekday is explicit
INFORMED_COMMENT = dt.date(2015, 10, 15)  # autumn 2015; only season-level results are asked

SEED_EXPRESSIONS = [
    # (expression, anchor, tense, TIMEX3 value, why)
    ("on Thursday", VICE, "past", "2016-07-28", "the announcement was made the day of the article"),
    ("in 2015", VICE, "past", "2015", "a bare year"),
    ("Earlier today", VICE, None, "2016-07-28", "the publication day"),
    ("earlier today", VICE, "past", "2016-07-28", "the audio statement of the same day"),
    ("Today's", VICE, None, "2016-07-28", "today's announcements"),
    ("in December 2012", VICE, "past", "2012-12", "the US designation"),
    ("in recent days", VICE, None, "PAST_REF", "vague: some time before the anchor"),
    ("on July 15", VICE, "past", "2016-07-15", "the Kerry–Lavrov meeting"),
    (
        "last night",
        PRESS_CONFERENCE,
        "past",
        "2016-07-14",
        "said at the July 15 press conference: the Nice attack, not the night before publication",
    ),
    ("earlier this month", VICE, "past", "2016-07", "al-Shami's statement"),
    ("In May", VICE, "past", "2016-05", "Zawahiri's audio recording"),
    ("late 2011", VICE, "past", "2011", "al-Nusra's formation, the end of the year"),
    ("In April 2013", VICE, "past", "2013-04", "Baghdadi's announcement"),
    ("May 9, 2016", MEMRI, None, "2016-05-09", "MEMRI's dateline"),
    ("On May 8, 2016", MEMRI, "past", "2016-05-08", "the audio message"),
    ("on Saturday", JEWISH_PRESS, "future", "2016-02-27", "the truce begins on Saturday"),
    ("Saturday Feb. 27", JEWISH_PRESS, "future", "2016-02-27", "the cease-fire start"),
    ("Tuesday afternoon", JEWISH_PRESS, "past", "2016-02-23", "SANA's statement, same day"),
    ("last week's", JEWISH_PRESS, "past", "2016-W07", "the Ankara car bombing"),
    ("On Monday", JEWISH_PRESS, "past", "2016-02-22", "Putin's statement"),
    ("Since December", DAILY_BEAST_2015, "past", "2014-12", "the most recent December"),
    ("On Christmas Day", DAILY_BEAST_2015, "past", "2014-12-25", "the most recent Christmas"),
    ("in 2013", DAILY_BEAST_2015, "past", "2013", "the red line"),
    ("last week", DAILY_BEAST_2015, "past", "2015-W04", "Gaziantep coffee shops"),
    ("last Tuesday", DAILY_BEAST_2015, "past", "2015-01-20", "the State of the Union address"),
    ("Earlier this month", DAILY_BEAST_2014, "past", "2014-11", "ISIS sent fighters"),
    ("the winter", DAILY_BEAST_2014, "past", "2013-WI", "the last winter before November 2014"),
    ("on Sept. 23", DAILY_BEAST_2014, "past", "2014-09-23", "the cruise missiles"),
    ("the weekend of Nov. 1", DAILY_BEAST_2014, "past", "2014-W44-WE", "the assault"),
    ("on Tuesday, July 26", ENAB_BALADI, "past", "2016-07-26", "the activist's tweets"),
    ("in May of 2011", INFORMED_COMMENT, "past", "2011-05", "bin Laden's death"),
    ("Last spring", INFORMED_COMMENT, "past", "2015-SP", "the capture of Idlib City"),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "value", "why"), SEED_EXPRESSIONS)
def test_seed_expressions(expression, anchor, tense, value, why):
    """Every time expression of the seed articles resolves to its TIMEX3 value."""
    when = resolve_when(expression, anchor, tense=tense)
    assert when is not None, why
    assert when.timex == value, why
    assert when.anchor == anchor
    assert when.expression == expression


def test_late_2011_is_the_end_of_the_year():
    """'late 2011' is honest about which part of the year it means."""
    when = resolve_when("late 2011", VICE)
    assert when.mod == "END"
    assert when.earliest == dt.date(2011, 9, 1)
    assert when.latest == dt.date(2011, 12, 31)


def test_a_few_days_before_is_a_range_not_a_day():
    """'a few days before' becomes a range with unknown precision, never a made-up day."""
    when = resolve_when("a few days before", DAILY_BEAST_2015)
    assert when.precision is Precision.UNKNOWN
    assert when.timex is None
    assert when.earliest < when.latest < DAILY_BEAST_2015


def test_without_an_anchor_relative_expressions_do_not_resolve():
    """'on Sunday' in an undated post is unknown, not some Sunday."""
    assert resolve_when("on Sunday", None) is None
    assert resolve_when("November 11, 2014", None).timex == "2014-11-11"


@pytest.mark.parametrize(
    ("expression", "anchor", "value", "why"),
    [
        ("July 28, 2016", None, "2016-07-28", "month day, year"),
        ("28 July", VICE, "2016-07-28", "day month"),
        ("2016-07-28", None, "2016-07-28", "ISO"),
        ("Sept. 23", VICE, "2016-09-23", "abbreviated month, nearest occurrence"),
        ("April 2013", None, "2013-04", "month and year"),
        ("2011", None, "2011", "year"),
        ("the 1990s", None, "199", "decade"),
        ("autumn 2015", None, "2015-FA", "season and year"),
        ("Christmas Day", dt.date(2015, 12, 28), "2015-12-25", "holiday just past"),
        ("yesterday", VICE, "2016-07-27", "the day before"),
        ("tomorrow", VICE, "2016-07-29", "the day after"),
        ("last year", VICE, "2015", "the year before"),
        ("next month", VICE, "2016-08", "the month after"),
        ("three days ago", VICE, "2016-07-25", "counted back"),
        ("two years ago", VICE, "2014", "counted back, year precision"),
        ("the third quarter", dt.date(1989, 10, 26), "1989-Q3", "a quarter of the anchor's year"),
        ("now", VICE, "PRESENT_REF", "the present"),
        ("soon", VICE, "FUTURE_REF", "the future"),
        ("mid-November", dt.date(1989, 10, 30), "1989-11", "part of a month keeps the month"),
        ("12/25/2015", None, "2015-12-25", "numeric, through dateutil"),
        ("the 20th century", None, "19", "a century is its first two digits"),
        ("the nineties", dt.date(1998, 3, 3), "199", "a spelled-out decade"),
        ("the year two thousand", None, "2000", "a spelled-out year"),
        ("this coming Sunday, March eighth", dt.date(1998, 3, 5), "1998-03-08", "spelled day"),
        ("the last half of 1989", None, "1989-H2", "a half year"),
        ("the fiscal first quarter", dt.date(1989, 10, 26), "1989-Q1", "a fiscal quarter"),
        ("its fourth quarter", dt.date(1989, 10, 26), "1989-Q4", "a company's quarter"),
        ("1994 or later", None, "1994", "hedged: the year, mod ON_OR_AFTER"),
        ("sometime next year", dt.date(1989, 10, 27), "1990", "hedged: the year"),
        ("a week or so ago", dt.date(1991, 2, 25), "1991-02-18", "approximate count back"),
        ("the week of March 6", dt.date(2000, 2, 24), "2000-W10", "the week of a day"),
        ("the day before last Tuesday", dt.date(2000, 2, 24), "2000-02-21", "a day from a day"),
        ("Election Day", dt.date(1998, 10, 26), "1998-11-03", "first Tuesday after a Monday"),
        ("Easter week", dt.date(2000, 4, 10), "2000-W16", "the week of a holiday"),
        ("this crucial moment", dt.date(1990, 8, 15), "PRESENT_REF", "a moment is now"),
        ("this past spring", dt.date(1989, 10, 30), "1989-SP", "the spring just gone"),
        ("Earlier yesterday", dt.date(1989, 11, 1), "1989-10-31", "earlier on a named day"),
        ("the end of the year", dt.date(1989, 10, 30), "1989", "a year with mod END"),
        ("Q3 2015", None, "2015-Q3", "a quarter with its year"),
        ("3Q 2015", None, "2015-Q3", "a quarter, analysts' order"),
        ("the third quarter of 2015", None, "2015-Q3", "a quarter spelled out"),
        ("H1 2012", None, "2012-H1", "a half with its year"),
        ("this past week", VICE, "2016-W29", "the week just gone"),
        ("this past weekend", VICE, "2016-W29-WE", "the weekend just gone"),
        ("the first quarter", dt.date(1989, 10, 26), "1989-Q1", "a quarter, like the second"),
        ("days ago", VICE, "PAST_REF", "an uncounted time back, like 'years ago'"),
        ("the 1800s", None, "18", "a hundreds is the century"),
        ("the 2000s", None, "200", "... but the 2000s are read as the decade"),
        ("last decade", VICE, "200", "the decade before"),
        ("this time last year", VICE, "2015-07", "the month a year back"),
        ("the winter of 2012-13", None, "2012-WI", "a winter is its first year's"),
    ],
)
def test_news_forms(expression, anchor, value, why):
    """Common news forms resolve to the expected TIMEX3 values."""
    when = resolve_when(expression, anchor)
    assert when is not None, why
    assert when.timex == value, why


@pytest.mark.parametrize(
    ("expression", "kind", "value"),
    [
        ("a decade", "DURATION", "P10Y"),
        ("three years", "DURATION", "P3Y"),
        ("several weeks", "DURATION", "PXW"),
        ("24 hours", "DURATION", "P1D"),
        ("every week", "SET", "P1W"),
        ("weekly", "SET", "P1W"),
        ("every Monday", "SET", "XXXX-WXX-1"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
        ("a minute and a half", "DURATION", "PT1M30S"),
        ("at least 20 more years", "DURATION", "P20Y"),
        ("a three-year period", "DURATION", "P3Y"),
        ("eight trading days", "DURATION", "P8D"),
        ("for a while", "DURATION", "PXX"),
        ("a fairly lengthy period", "DURATION", "PXX"),
        ("within weeks or months", "DURATION", "PXW"),
        ("the past two quarters", "DURATION", "P2Q"),
        ("the latest nine months", "DURATION", "P9M"),
        ("each July", "SET", "XXXX-07"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ],
)
def test_durations_and_sets_are_not_dates(expression, kind, value):
    """Durations and sets are recognised, given their TIMEX3 value, and never made dates."""
    assert classify(expression) == kind
    assert resolve_when(expression, VICE) is None
    assert timex_value(expression, VICE) == value


@pytest.mark.parametrize(
    ("left", "right", "tense"),
    [
        ("The talks will resume on", ".", "future"),
        ("The ceasefire is set to begin on", "", "future"),
        ("The group was founded in", "by veterans.", "past"),
        ("Officials met on", "", "past"),
        ("", "", None),
        # Cues in the next sentence say nothing about this one.
        ("he will not be repatriated between now and", ".'' Earlier Friday, lawyers", "future"),
        ("Since KKR bought RJR in", "for $25 billion", "past"),
        # A plan overtaken by events.
        ("The offer was extended to Nov. 16. It had been due to expire", ".", None),
        # A plan, even with a past verb, is for later.
        ("they also can participate in planning for the NATO summit in", ".", "future"),
        # A possessive dates its noun, not the clause: the ruling is done.
        ("relatives said they would look for ways to get around", "'s ruling", None),
        # A coordinated verb phrase after it is a clause of its own.
        ("Protesters planned a large demonstration in Little Havana on",
         " and were planning to drive around", "future"),
        # A plan or appointment reaches across a long clause ...
        ("Collins will be named commander of the Space Shuttle Columbia for a mission in", ".",
         "future"),
        # ... but not into a relative clause, which has a verb of its own.
        ("she would produce new aid for their countries, where the",
         " terrorist blasts killed 257 people", None),
    ],
)  # fmt: skip
def test_tense_from_context(left, right, tense):
    """Tense comes from telling words next to the expression, in its own sentence."""
    assert infer_tense(left, right) == tense


@pytest.mark.parametrize(
    ("expression", "reference", "value"),
    [
        ("that day", "Oct. 23, 1998", "1998-10-23"),
        ("the next day", "Oct. 23, 1998", "1998-10-24"),
        ("the previous day", "Oct. 23, 1998", "1998-10-22"),
        ("later that year", "June 1998", "1998"),
        ("the following year", "May 22, 1995", "1996"),
        ("the following month", "March 1989", "1989-04"),
        ("that week", "July 3, 2016", "2016-W26"),
        ("then", "Nov. 30, 1989", "1989-11-30"),
        ("the previous Friday", "Friday, Oct. 27, 1989", "1989-10-20"),
        ("the following Tuesday", "Tuesday, Oct. 24, 1989", "1989-10-31"),
        ("that quarter", "the third quarter of 1988", "1988-Q3"),
        ("the following quarter", "Nov. 30, 1989", "1990-Q1"),
        ("the morning", "Friday, Oct. 27, 1989", "1989-10-27"),
    ],
)
def test_anaphora_point_back_to_the_time_last_mentioned(expression, reference, value):
    """'That day', 'the following year', 'then' resolve against the reference, not the anchor."""
    anchor = dt.date(2000, 1, 28)
    assert is_anaphoric(expression)
    when = resolve_when(expression, anchor, reference=resolve_when(reference))
    assert when is not None
    assert when.timex == value


def test_a_part_of_the_day_last_mentioned_is_a_time():
    """'Dealers placed orders in the morning' after 'Friday': Friday morning, a TIME."""
    friday = resolve_when("Friday, Oct. 27, 1989")
    assert classify("that morning") == "TIME"
    assert timex_value("the morning", dt.date(1989, 10, 30), reference=friday) == "1989-10-27TMO"


def test_overnight_is_the_night_before_the_day_told():
    """'Depressed by overnight losses in New York' after 'closed lower Friday': Thursday
    night; with no day told before it, the night before the day of writing."""
    friday = resolve_when("Friday, Oct. 27, 1989")
    monday = dt.date(1989, 10, 30)
    assert classify("overnight") == "TIME"
    assert timex_value("overnight", monday, reference=friday) == "1989-10-26TNI"
    assert timex_value("overnight", monday) == "1989-10-29TNI"


@pytest.mark.parametrize(
    ("expression", "value"),
    [("earlier in the day", "2016-07-26"), ("later in the week", "2016-W30"),
     ("earlier in the month", "2016-07")],
)  # fmt: skip
def test_earlier_and_later_in_a_unit_are_within_the_reference(expression, value):
    tuesday = resolve_when("July 26, 2016")
    assert timex_value(expression, VICE, reference=tuesday) == value


def test_a_reference_too_coarse_resolves_nothing():
    """'The next day' after 'in 2014' says nothing about the day."""
    assert resolve_when("the next day", VICE, reference=resolve_when("2014")) is None


@pytest.mark.parametrize("expression", ["the next day", "the following year", "that week"])
def test_without_a_reference_anaphora_stay_unknown(expression):
    """Nothing to point back to: not the day after publication, but unknown."""
    assert resolve_when(expression, VICE) is None


@pytest.mark.parametrize(
    ("anchor", "left", "expression", "right", "value"),
    [
        # Punctuation does not use up the window of words after it: "had" is in it.
        (dt.date(1999, 5, 7), "questioning him. Until", "Thursday", ", they had not called",
         "1999-05-06"),
        # A relative clause after it has a tense of its own: "will" is about the shares.
        (dt.date(1989, 10, 27), "a block of shares issued", "July 1",
         ", which will receive only partial dividends", "1989-07-01"),
    ],
)  # fmt: skip
def test_tense_words_count_within_the_clause(anchor, left, expression, right, value):
    assert timex_value(expression, anchor, left=left, right=right) == value


@pytest.mark.parametrize(
    ("left", "value"),
    [
        ("Third-quarter sales dropped 11% to $1.27 billion from $1.43 billion", "1988-Q3"),
        ("GM was 45% of sales in the latest nine months, compared with 40%", "1988"),
    ],
)
def test_a_year_earlier_in_results_is_the_period_compared(left, value):
    """Results compare the latest quarter with the year-earlier one, unless the sentence
    compares a longer period."""
    assert timex_value("a year earlier", dt.date(1989, 10, 26), left=left, right=".") == value


def test_a_reference_given_stands_in_for_words_too_few_to_hold_it():
    """With only the last few words to go on, the caller may say what time came before."""
    march = resolve_when("March 1989")
    left = "urged the company to take some steps to maximize shareholder value."
    assert timex_value("The following month", dt.date(1989, 10, 27), left=left) is None
    value = timex_value("The following month", dt.date(1989, 10, 27), left=left, reference=march)
    assert value == "1989-04"
    # A reference in the words themselves is nearer, so it wins.
    left = "The offer came on May 2, 1989, and"
    assert timex_value("the next day", dt.date(1989, 10, 27), left=left, reference=march) == (
        "1989-05-03"
    )
    # Only expressions that point back use it.
    assert timex_value("Friday", dt.date(1989, 10, 30), reference=march) == "1989-10-27"


def test_numbers_that_look_like_years_are_not_references():
    """'close at 2082.1' and '$2000' are not years to point back to."""
    assert find_times("the index closed at 2082.1, after $2000 and 1,999 shares") == []
    assert (
        reference_time("the index shed 47.3 points to close at 2082.1, down 4.5% from", VICE)
        is None
    )


def test_times_are_found_in_running_text():
    """The finder sees numeric dates, quarters and weekends, not fractions or ratios."""
    text = (
        "On 2016-07-28 and 9/11/2001, in Q3 2015 and the third quarter of 2015, officials "
        "said over the weekend and this past week; 3/4 of them, 1.5/2.3 of the vote."
    )
    assert [e for _, _, e in find_times(text)] == [
        "2016-07-28",
        "9/11/2001",
        "Q3 2015",
        "the third quarter of 2015",
        "over the weekend",
        "this past week",
    ]


def test_the_reference_is_the_last_time_in_the_words_before():
    """The reference is found in the text before the expression; its own tense counts."""
    left = "Farkas was promoted on May 22, 1995, and"
    assert reference_time(left, dt.date(1998, 4, 18)).timex == "1995-05-22"
    assert timex_value("the following year", dt.date(1998, 4, 18), left=left) == "1996"
    assert reference_time("Nothing dated here.", VICE) is None


@pytest.mark.parametrize(
    ("expression", "anchor", "left", "value"),
    [
        ("10 p.m. Wednesday", dt.date(1998, 2, 13), "", "1998-02-11T22:00"),
        ("noon Thursday", dt.date(1998, 2, 13), "", "1998-02-12T12:00"),
        ("5 p.m. EST Nov. 9", dt.date(1989, 11, 2), "the offer until", "1989-11-09T17:00"),
        ("around 7:15 p.m.", dt.date(1998, 2, 12), "", "1998-02-12T19:15"),
        ("4 in the morning", dt.date(2000, 4, 5), "", "2000-04-05T04:00"),
        ("14:30 GMT Tuesday", dt.date(1998, 2, 13), "", "1998-02-10T14:30"),
        ("later this afternoon", dt.date(1998, 2, 22), "", "1998-02-22TAF"),
        ("mid-afternoon yesterday", dt.date(1989, 11, 2), "", "1989-11-01TAF"),
        ("early morning", dt.date(1998, 2, 22), "", "1998-02-22TMO"),
        ("3 p.m. on Thursday", dt.date(1998, 2, 13), "", "1998-02-12T15:00"),
        ("shortly after 9 p.m.", dt.date(1998, 2, 13), "", "1998-02-13T21:00"),
        ("0735 GMT Friday", dt.date(1998, 8, 8), "", "1998-08-07T07:35"),
        ("Thursday at 3 p.m.", dt.date(1998, 2, 13), "", "1998-02-12T15:00"),
    ],
)
def test_clock_times_name_the_day_and_the_hour(expression, anchor, left, value):
    """A clock time or a part of a day, with or without a day, is a TIMEX3 TIME of that day."""
    assert classify(expression) == "TIME"
    assert timex_value(expression, anchor, left=left) == value


@pytest.mark.parametrize(
    ("left", "expression", "right", "value"),
    [
        ("The blast occurred at about", "10:35 a.m.", " (0735 GMT) Friday, toppling", "1998-08-07"),
        ("The father will leave at", "4 in the morning", " (4 a.m. EDT Thursday),", "1998-08-13"),
        ("The blast occurred at about", "10:35 a.m.", ", and on Friday", "1998-08-08"),
    ],
)
def test_a_clock_time_takes_the_day_that_follows_it(left, expression, right, value):
    """'10:35 a.m. (0735 GMT) Friday': the day after a clock time, in the same clause, is its
    day; a day in another clause is not."""
    found = timex_value(expression, dt.date(1998, 8, 8), left=left, right=right)
    assert found.split("T")[0] == value


def test_a_holiday_week_already_begun_is_this_years():
    """'as Easter week began' on its Monday: this year's, though Easter Sunday is to come."""
    assert timex_value("Easter week", dt.date(2000, 4, 17), left="prayed as", right=" began") == (
        "2000-W16"
    )


@pytest.mark.parametrize(
    ("expression", "left", "value"),
    [
        ("eighth day", "In Saudi Arabia, today is the ", "1990-08-15"),
        ("the second day", "More heavy gunfire. It's ", "1990-08-15"),
        ("the third week", "This is ", "1990-W33"),
    ],
)
def test_the_nth_unit_that_it_is_now(expression, left, value):
    """'Today is the eighth day of Desert Shield' names the day it is said."""
    assert timex_value(expression, dt.date(1990, 8, 15), left=left) == value


@pytest.mark.parametrize(
    ("left", "expression", "right", "value"),
    [
        # The span stopped before its last word: "a year | earlier" is still a year earlier.
        ("$13.5 million, or 34 cents a share,", "a year", " earlier. Revenue rose", "1988-Q3"),
        # In the future, "in five years" is a point five years from now ...
        ("The stock would be redeemed in", "five years", ", subject to terms", "1994"),
        # ... "in a year or two" only somewhere ahead ...
        ("You may, in", "a year or two", ", save a few more lives", "FUTURE_REF"),
        # ... and "within a year", or "in two weeks" of the past, a length of time.
        ("the company will finish its investigation within", "a year", ".", "P1Y"),
        ("Gonzalez's second letter to Reno in", "two weeks", " was published", "P2W"),
    ],
)  # fmt: skip
def test_a_length_of_time_that_marks_a_point(left, expression, right, value):
    assert timex_value(expression, dt.date(1989, 11, 2), left=left, right=right) == value


def test_a_second_day_borrows_the_month_of_the_first():
    """'April 24 and 25': the bare '25' is April 25."""
    left = "the NATO Washington summit on April 24 and "
    assert timex_value("25", dt.date(1999, 2, 10), left=left) == "1999-04-25"


def test_weekday_follows_tense():
    """A bare weekday points back in past-tense reporting and forward in the future."""
    assert resolve_when("Friday", VICE, tense="past").timex == "2016-07-22"
    assert resolve_when("Friday", VICE, tense="future").timex == "2016-07-29"
    assert resolve_when("Thursday", VICE, tense="past").timex == "2016-07-28"


anchors = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
PAST_EXPRESSIONS = [
    "on Monday",
    "on Friday",
    "last week",
    "last month",
    "last year",
    "yesterday",
    "earlier this month",
    "In May",
    "since December",
    "Christmas Day",
    "the winter",
    "last spring",
    "Sept. 23",
    "two weeks ago",
    "three years ago",
    "last night",
    "the weekend",
]


@given(anchor=anchors, expression=st.sampled_from(PAST_EXPRESSIONS))
def test_past_tense_never_looks_past_the_anchor(anchor, expression):
    """Past-tense expressions resolve to times that begin on or before the anchor."""
    when = resolve_when(expression, anchor, tense="past")
    assert when is not None
    assert when.earliest <= anchor
    assert when.anchor == anchor


@given(
    anchor=anchors,
    expression=st.sampled_from([*PAST_EXPRESSIONS, "next week", "tomorrow", "2011", "late 2011"]),
)
def test_results_lie_within_their_bounds(anchor, expression):
    """Every resolved time is a proper interval whose TIMEX3 value covers it."""
    when = resolve_when(expression, anchor)
    assert when is not None
    assert when.earliest <= when.latest
    if when.timex is not None and not when.timex.endswith("_REF"):
        covering = When.from_timex(when.timex)
        assert covering.earliest <= when.earliest
        assert when.latest <= covering.latest


@given(
    expression=st.text(max_size=60),
    anchor=st.none() | anchors,
    tense=st.sampled_from([None, "past", "present", "future"]),
)
def test_no_exception_escapes_for_any_string(expression, anchor, tense):
    """Any string, any anchor: a When or None, never an exception."""
    result = resolve_when(expression, anchor, tense=tense)
    assert result is None or isinstance(result, When)
    value = timex_value(expression, anchor, left=expression)
    assert value is None or isinstance(value, str)
    time_of_day, rest = clock_time(expression)
    assert time_of_day is None or isinstance(time_of_day, str)
    assert isinstance(rest, str)
    reference = reference_time(expression, anchor)
    assert reference is None or isinstance(reference, When)


@given(
    reference=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    expression=st.sampled_from(
        ["that day", "the same day", "that week", "that month", "that year"]
    ),
)
def test_the_same_time_as_the_reference_contains_it(reference, expression):
    """'That day/week/month/year' is a time that contains the reference day."""
    when = resolve_when(expression, dt.date(2100, 12, 31), reference=When.on(reference))
    assert when is not None
    assert when.contains(reference)


# ---------------------------------------------------------------------------------------------
# Rules as data: every rule's examples match it and resolve; its counter-examples do not


def _rule_cases(kind: str) -> list[object]:
    from claimtrack.time.rules import RULE_SETS, rules

    cases = []
    for rule_set in RULE_SETS:
        for rule in rules(rule_set):
            for example in rule.examples if kind == "examples" else rule.counter_examples:
                cases.append(pytest.param(rule, example, id=f"{rule_set}:{rule.name}:{example}"))
    return cases


@pytest.mark.parametrize(("rule", "example"), _rule_cases("examples"))
def test_every_rule_example_matches_its_rule_and_resolves(rule, example):
    from claimtrack.time.resolution import resolve_value
    from claimtrack.time.rules import RULE_SETS, match
    from claimtrack.time.wording import normalise, strip_lead

    found = match(strip_lead(normalise(example)), rule_sets=RULE_SETS, expression=example)
    assert found is not None, f"{example!r} matches no rule"
    assert found.rule.name == rule.name, f"{example!r} is read by {found.rule.name}"
    reference = resolve_when("Friday, Oct. 27, 1989")
    when = resolve_value(found.value, anchor=VICE, reference=reference, tense="past")
    assert when is not None, f"{example!r}: {found.value!r} does not resolve"


@pytest.mark.parametrize(("rule", "example"), _rule_cases("counter_examples"))
def test_no_rule_matches_its_counter_examples(rule, example):
    from claimtrack.time.wording import normalise, strip_lead

    assert rule.pattern.fullmatch(strip_lead(normalise(example))) is None


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Sept. 23, 2014", "2014-09-23"),
        ("Sep 23 2014", "2014-09-23"),
        ("SEPTEMBER 23, 2014", "2014-09-23"),
        ("July 24 , 2003", "2003-07-24"),  # a tokenised corpus
        ("``July 24, 2003''", "2003-07-24"),
        ("23rd of Sept. 2014", "2014-09-23"),
        ("Thurs., Sept. 25, 2014", "2014-09-25"),
        ("June '82", "1982-06"),
    ],
)
def test_months_in_any_form_and_case(expression, value):
    when = resolve_when(expression)
    assert when is not None
    assert when.timex == value


def test_results_conventions_are_opt_in():
    """'The quarter' is the latest quarter only where the words around read as results."""
    anchor = dt.date(1989, 10, 26)
    assert resolve_when("the quarter", anchor) is None
    assert resolve_when("the quarter", anchor, conventions=("news", "results")).timex == "1989-Q3"
    assert timex_value("the quarter", anchor, left="Net income rose 5% in") == "1989-Q3"
    assert timex_value("the quarter", anchor, left="Net income rose", conventions=("news",)) is None


@pytest.mark.parametrize(
    ("left", "expression", "right", "value"),
    [
        # Coordinated words share the noun said once after the second.
        ("flights would leave on ", "Monday", " and Tuesday nights from March", "XXXX-WXX-1TNI"),
        ("business is usually conducted in the ", "second", " and fourth quarters", "XXXX-Q2"),
        ("It's between ", "two", " to six days for every one", "P2D"),
        # Plural seasons and quarters recur.
        ("violence in Northern Ireland for ", "the past three summers", ".", "XXXX-SU"),
        ("conducted in the second and ", "fourth quarters", ", with", "XXXX-Q4"),
        # "Each of the last three years" is every one of them.
        ("arrested at this march in each of the ", "last three years", ", according", "P1Y"),
        ("have kept their secrets for ", "more than two thousand years", ".", "P2L"),
        ("Net for ", "the year-earlier nine months", " also included", "P9M"),
        ("a dividend twice as high this year as ", "last", ".", "1988"),
        ("traders squared positions ahead of ", "the weekend", ".", "1989-W43-WE"),  # Oct. 28-29
    ],
)  # fmt: skip
def test_words_around_complete_an_expression(left, expression, right, value):
    assert timex_value(expression, dt.date(1989, 10, 27), left=left, right=right) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2016-07-28T14:03:00+02:00", "2016-07-28"),
        ("2016-07-28T23:30:00-05:00", "2016-07-28"),  # the day where it was written
        ("2016-07-28 14:03Z", "2016-07-28"),
        ("Thu, 28 Jul 2016 14:03:00 +0200", "2016-07-28"),
        ("2016-07-28", "2016-07-28"),
        ("July 28, 2016", "2016-07-28"),
        ("2015-FA", "2015-FA"),
        ("2014", "2014"),
    ],
)
def test_publication_dates_keep_the_day_written(written, value):
    from claimtrack.time.publication import publication_date

    when = publication_date(written)
    assert when is not None
    assert when.timex == value


def test_a_publication_date_that_is_no_date_is_none():
    from claimtrack.time.publication import publication_date

    assert publication_date("soon") is None
    assert publication_date("") is None


@pytest.mark.parametrize(
    ("expression", "earliest", "latest"),
    [
        ("between March and May", dt.date(2016, 3, 1), dt.date(2016, 5, 31)),
        ("from 1990 to 1995", dt.date(1990, 1, 1), dt.date(1995, 12, 31)),
        ("July 4 through July 8", dt.date(2016, 7, 4), dt.date(2016, 7, 8)),
    ],
)
def test_a_range_spans_its_two_ends(expression, earliest, latest):
    when = resolve_when(expression, VICE)
    assert when is not None
    assert (when.earliest, when.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("expression", "value"),
    [("'82", "1982"), ("in '98", "1998"), ("mid-2015", "2015"), ("the 1980s", "198")],
)
def test_years_in_their_short_forms(expression, value):
    assert resolve_when(expression, VICE).timex == value


def test_a_length_counted_from_now_covers_a_span():
    from claimtrack.time import duration_span

    assert timex_value("the past three years", VICE) == "P3Y"
    span = duration_span("the past three years", VICE)
    assert (span.earliest, span.latest) == (dt.date(2013, 7, 28), VICE)
    ahead = duration_span("the next two weeks", VICE)
    assert (ahead.earliest, ahead.latest) == (VICE, dt.date(2016, 8, 11))
    assert duration_span("three years", VICE) is None


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("at 3 p.m. Thursday", "2016-07-28T15:00"),
        ("every week", "P1W"),
        ("weekly", "P1W"),
        ("THE PAST THREE YEARS", "P3Y"),
        ("Last Week", "2016-W29"),
    ],
)
def test_times_sets_and_any_case(expression, value):
    assert timex_value(expression, VICE, left="The group said it met ") == value


def _vocabulary_forms(name: str) -> list[str]:
    from claimtrack.time.vocabulary import table

    return sorted(table(name))


@pytest.mark.parametrize("form", _vocabulary_forms("months"))
def test_every_month_form_names_its_month(form):
    from claimtrack.time.vocabulary import month_number

    number = month_number(form)
    assert number is not None
    dot = "." if len(form) <= 4 else ""
    for written in (f"{form} 3, 2015", f"{form.upper()}{dot} 3, 2015", f"3 {form.title()} 2015"):
        assert resolve_when(written).timex == f"2015-{number:02d}-03", written


@pytest.mark.parametrize("form", _vocabulary_forms("weekdays"))
def test_every_weekday_form_names_its_weekday(form):
    from claimtrack.time.vocabulary import weekday_number

    day = resolve_when(f"last {form.title()}", VICE)
    assert day.earliest.weekday() == weekday_number(form)


@pytest.mark.parametrize("form", _vocabulary_forms("holidays"))
def test_every_holiday_resolves(form):
    day = resolve_when(form.title(), VICE, tense="past")
    assert day is not None, form
    assert day.precision is Precision.DAY


def test_times_are_found_in_tokenised_text():
    """Corpora tokenised for parsing put spaces before commas: "July 24 , 2003"."""
    found = [e for _, _, e in find_times("It was signed on July 24 , 2003 in Geneva .")]
    assert found == ["July 24 , 2003"]
    assert resolve_when(found[0]).timex == "2003-07-24"


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("a fortnight", "P2W"),
        ("every fortnight", "P2W"),
        ("every decade", "P10Y"),
        ("every hour", "PT1H"),
        ("every quarter", "P1Q"),
        ("two decades", "P20Y"),
    ],
)
def test_units_count_as_the_vocabulary_says(expression, value):
    assert timex_value(expression, VICE) == value


@pytest.mark.parametrize("value", ["9999-W52", "-2016-01-01", "2016-07-28T99:99"])
def test_a_date_written_wrong_is_an_error_not_a_guess(value):
    """Dates at the edge of the calendar or written wrong raise claimtrack's own error
    (issue #23, items 8 and 12), never OverflowError or a silently changed date."""
    from claimtrack.errors import DateResolutionError
    from claimtrack.time import read_date

    with pytest.raises(DateResolutionError):
        read_date(value)


def test_a_web_page_datetime_keeps_its_own_day():
    """An ISO datetime with a zone is the day as written in its own zone."""
    from claimtrack.time import read_date

    assert read_date("2016-07-28T23:30:00-05:00").timex == "2016-07-28"
    assert read_date("2016-07-28T14:03:00Z").timex == "2016-07-28"
