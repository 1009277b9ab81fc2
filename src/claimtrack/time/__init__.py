"""Time as data: time expressions found in text and resolved to :class:`~claimtrack.model.When`.

The model knows only TIMEX3 values; written dates ("July 28, 2016", "last Thursday") are
read here.
"""

from claimtrack.time.dates import infer_tense, resolve_when, timex_value

__all__ = ["infer_tense", "resolve_when", "timex_value"]
