"""Time as data: time expressions found in text and resolved to :class:`~claimtrack.model.When`.

The model knows only TIMEX3 values; written dates ("July 28, 2016", "last Thursday") are
read here.  The words of time are one vocabulary (``resources/time/vocabulary.toml``), the
readings are rules with their examples (``resources/time/rules_*.toml``), and a resolution
pass turns the rules' underspecified values into TIMEX3 against the document's date or the
time last mentioned.
"""

from claimtrack.time.dates import infer_tense, resolve_when
from claimtrack.time.facts import read_date
from claimtrack.time.lengths import duration_span
from claimtrack.time.publication import publication_date
from claimtrack.time.values import timex_value

__all__ = [
    "duration_span",
    "infer_tense",
    "publication_date",
    "read_date",
    "resolve_when",
    "timex_value",
]
