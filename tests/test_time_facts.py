"""Dates given as facts: TIMEX3 values first, then written dates."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.errors import DateResolutionError
from claimtrack.time import read_date


@pytest.mark.parametrize(
    ("text", "anchor", "timex", "why"),
    [
        ("2016-07-28", None, "2016-07-28", "a TIMEX3 day is read as it is"),
        ("2015-FA", None, "2015-FA", "a TIMEX3 season"),
        ("July 28, 2016", None, "2016-07-28", "a written day needs the resolver"),
        ("autumn 2015", None, "2015-FA", "a written season"),
        ("July 26", dt.date(2016, 7, 28), "2016-07-26", "a written day resolved against anchor"),
    ],
)
def test_read_date(text, anchor, timex, why):
    """read_date reads TIMEX3 values and written dates alike."""
    assert read_date(text, anchor=anchor).timex == timex, why


@pytest.mark.parametrize("text", ["", "   ", "the day the music died", "a decade"])
def test_read_date_refuses_what_names_no_time(text):
    """Anything that names no time is an error that is also a ValueError."""
    with pytest.raises(DateResolutionError) as caught:
        read_date(text)
    assert isinstance(caught.value, ValueError)
