"""The tense of the clause around a time expression, from cue words next to it."""

from __future__ import annotations

import re

from claimtrack.time.periods import Tense
from claimtrack.time.vocabulary import load_resource


def _cues(kind: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(load_resource("tense")[kind]["cues"]) + r")\b")


# The cue words are data (resources/time/tense.toml).
_FUTURE_CUES = _cues("future")
_PAST_CUES = _cues("past")


_WORD = re.compile(r"[\w']+")
SENTENCE_END = re.compile(r"(?<=[.!?])['\"”’`]*\s+(?=[`'\"“‘(]*[A-Z0-9])")
# Where the clause of an expression begins: a relative clause has its own verb ("hoped she
# would produce aid for their countries, where the Aug. 7 blasts killed 257").
CLAUSE_START = re.compile(r"[;:]|,\s*(?:where|which|who|whose|when)\b")
# ... and where it ends: there, or at a coordinated verb phrase.
_CLAUSE_END = re.compile(rf"{CLAUSE_START.pattern}|\b(?:and|but|or)\b")
_PLANNED = _cues("planned")


def infer_tense(left: str = "", right: str = "") -> Tense | None:
    """The tense of the clause around an expression, from cue words right next to it.

    Only close, telling cues count ("was held on", "will resume on", "since"); without them
    the tense is unknown and the nearest reading wins, as news style writes dates of the
    current year without the year.

    >>> infer_tense("The talks will resume on", ".")
    'future'
    >>> infer_tense("The group was founded in", "by veterans.")
    'past'
    >>> infer_tense("", "") is None
    True
    """
    # Cues count only within the expression's own sentence: in "between now and Feb. 10.''
    # Earlier Friday, ..." the next sentence's "earlier" says nothing about Feb. 10.
    # A possessive dates a noun, not the clause: in "would look for ways to get around
    # Wednesday's ruling" the ruling is done whatever the looking is.
    if re.match(r"['’]s\b", right):
        return None
    left = SENTENCE_END.split(left)[-1].lower()
    right = SENTENCE_END.split(right, maxsplit=1)[0].lower()
    # A relative clause after it has a subject of its own: "shares issued July 1, which will";
    # a coordinated one a verb of its own: "a demonstration on Saturday and were planning".
    right = _CLAUSE_END.split(right, maxsplit=1)[0]
    near_left = " ".join(_WORD.findall(left)[-4:])
    near_right = " ".join(_WORD.findall(right)[:2])
    window = f"{near_left} {near_right}"
    future = len(_FUTURE_CUES.findall(window))
    past = len(_PAST_CUES.findall(window))
    clause = " ".join(CLAUSE_START.split(left)[-1].split()[-14:])
    # A plan or an appointment a little further back still points forward: "planned to
    # leave Nairobi on Thursday", "is to resume trading in Paris Tuesday".
    if _PLANNED.search(clause) and not past:
        future += 1
    # ... unless it was a plan overtaken by events: "it had been due to expire Friday".
    if re.search(r"\bhad been\b", clause):
        future = 0
    if future > past:
        return "future"
    if past > future or re.search(r"\bsince\b", clause):
        return "past"  # "Since KKR bought RJR in February"
    return None
