"""The time axis: ticks of days, months or years fitted to the data, the year always shown,
labels that never touch."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.present.axis import domain, text_width, ticks

START = dt.date(2016, 7, 24)

UNITS = [
    (0, "day", "one day of data is still shown in days"),
    (7, "day", "a week of tweets and articles"),
    (60, "day", "two months: still days"),
    (100, "month", "a season"),
    (2 * 365 + 200, "month", "February 2014 to July 2016"),
    (5 * 365, "year", "five years"),
    (40 * 365, "year", "decades"),
]


@pytest.mark.parametrize(("days", "unit", "why"), UNITS)
def test_the_unit_of_the_ticks_follows_the_span_of_the_data(days, unit, why):
    """Days for up to two months, months for up to three years, years beyond; never hours."""
    found, marks = ticks(START, START + dt.timedelta(days=days), width=760)
    assert found == unit, why
    assert marks


def test_day_ticks_carry_the_year_where_it_starts_and_changes():
    """'30 Dec 2015', '31 Dec', '1 Jan 2016': the year is readable on a day axis."""
    _, marks = ticks(dt.date(2015, 12, 30), dt.date(2016, 1, 2), width=760)
    labels = [t.label for t in marks]
    assert labels[0] == "30 Dec 2015"
    assert "1 Jan 2016" in labels
    assert "31 Dec" in labels


def test_month_ticks_carry_the_year_on_the_first_and_on_january():
    """'Sep 2015', 'Oct', ...: a month axis shows its years too."""
    _, marks = ticks(dt.date(2015, 8, 20), dt.date(2016, 2, 10), width=760)
    labels = [t.label for t in marks]
    assert labels[0] == "Sep 2015"
    assert "Jan 2016" in labels
    assert "Oct" in labels


def test_a_narrow_axis_gets_fewer_ticks_not_overprinted_ones():
    """Halving the width thins the ticks out (a larger step), and keeps at least one."""
    end = START + dt.timedelta(days=40)
    _, wide = ticks(START, end, width=900)
    _, narrow = ticks(START, end, width=300)
    _, tiny = ticks(START, end, width=20)
    assert len(narrow) < len(wide)
    assert tiny


def test_the_domain_has_a_margin_and_a_single_day_some_room():
    """The data never sits on the edge of the picture."""
    day = dt.date(2016, 7, 28)
    assert domain([(day, day)]) == (day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    lo, hi = domain([(dt.date(2014, 2, 1), dt.date(2014, 2, 28)), (day, day)])
    assert lo < dt.date(2014, 2, 1)
    assert hi > day
    with pytest.raises(ValueError, match="no intervals"):
        domain([])


@given(
    start=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    days=st.integers(0, 60 * 365),
    width=st.floats(10, 1600),
)
def test_tick_labels_never_overlap_and_stay_on_the_axis(start, days, width):
    """However long the data and wide the picture, the labels (centred on their ticks)
    keep apart, the ticks lie within the axis, and there are at most ten."""
    end = start + dt.timedelta(days=days)
    _, marks = ticks(start, end, width=width, size=11)
    assert 1 <= len(marks) <= 10
    scale = width / max(days, 1)
    for tick in marks:
        assert start <= tick.day <= end
    for left, right in itertools.pairwise(marks):
        room = (right.day - left.day).days * scale
        assert room >= (text_width(left.label, 11) + text_width(right.label, 11)) / 2
    assert any(str(t.day.year) in t.label for t in marks[:1])  # the first tick says the year
