"""Time as data: time expressions found in text and resolved to :class:`~claimtrack.model.When`.

The model knows only TIMEX3 values; written dates ("July 28, 2016", "last Thursday") are
read here.
"""

from claimtrack.time.dates import infer_tense, resolve_when, timex_value
from claimtrack.time.facts import read_date

__all__ = ["infer_tense", "read_date", "resolve_when", "timex_value"]
