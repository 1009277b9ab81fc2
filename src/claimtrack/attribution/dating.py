"""When a statement was made: a time in the attribution's own clause, else the speaker's dated
appearance shortly before, resolved against the source's date of publication."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import Attribution, Span, any_of_words, is_inside, quote_spans
from claimtrack.model import Actor, ActorKind, Precision, Source, When
from claimtrack.text import Segment, fold
from claimtrack.time.dates import resolve_when
from claimtrack.time.finder import find_times, is_anaphoric, reference_time

__all__ = ["anchor_of", "resolve_time", "when_said"]


def anchor_of(source: Source) -> When | None:
    """The date relative expressions in a source resolve against: its publication, when it is
    known to the day (or week); else nothing — 'on Sunday' in an undated post stays unknown."""
    published = source.published
    if published is None or published.latest is None:
        return None
    if published.precision in (Precision.DAY, Precision.WEEKEND, Precision.WEEK):
        return published
    return None


def resolve_time(
    expression: str, anchor: When | None, reference: When | None = None
) -> When | None:
    day = None if anchor is None else anchor.latest
    when = resolve_when(expression, day, tense="past", reference=reference)
    if when is None or not when.known:
        return None
    return when


_ANOTHER_OCCASION = pattern("another_occasion")
_CLAUSE_BOUNDARY = pattern("clause_boundary")
_NONRESTRICTIVE_CLAUSE = pattern("nonrestrictive_clause")


def when_said(
    text: str,
    attribution: Attribution,
    sentence: Segment,
    anchor: When | None,
    segments: Sequence[Segment],
    speaker: Actor | None,
    roles: frozenset[str] = frozenset(),
    said_before: When | None = None,
) -> When | None:
    """When the statement was made: a time expression in the attribution's own clause
    (outside the content); else, for a person, their last dated appearance in the three
    paragraphs before, by name or as "a(n) <role the article gave them>" ("An
    activist ... published a series of tweets on Tuesday, July 26"); else the time of their
    statement before (``said_before``), as a person quoted again is still on the occasion
    the article dated, unless the words say it was another ("has said on several
    occasions")."""
    first = min(span[0] for span in (attribution.source, attribution.cue, attribution.span) if span)
    # "The ministers met on July 15, and according to diplomatic sources they may have
    # agreed ...": the date belongs to the meeting, in a clause of its own.
    boundaries = list(_CLAUSE_BOUNDARY.finditer(text, sentence.start, first))
    clause_start = boundaries[-1].end() if boundaries else sentence.start
    reported_after_cue = attribution.cue is not None and attribution.cue[1] <= attribution.span[0]
    quoted = quote_spans(text[sentence.start : sentence.end])
    for start, _end, expression in find_times(text[sentence.start : sentence.end]):
        position = sentence.start + start
        if position < clause_start or any(s <= position < e for s, e in attribution.content):
            continue
        if is_inside(start, quoted):
            continue  # someone's words, this statement's or another's: what, not when, said
        if reported_after_cue and position >= attribution.span[1]:
            # "cited the 'poor performance' of rebel brigades last October": the tail of
            # what was reported, not the time of reporting it.
            continue
        if _in_other_clause(text, sentence, position, attribution.cue):
            # "said Lewandowski, who ran a pilot project in 2014": the year of the project.
            continue
        reference = None
        if is_anaphoric(expression) and anchor is not None:
            # "The next day, the ministry said ...": the day after the last one mentioned.
            reference = reference_time(text[max(0, position - 1000) : position], anchor.latest)
        return resolve_time(expression, anchor, reference)
    if speaker is None or speaker.kind is not ActorKind.PERSON:
        return None
    if _ANOTHER_OCCASION.search(_outside(text, sentence, attribution.content)):
        return None
    names = [re.escape(fold(n)) for n in speaker.names if len(n) > 2]
    names += [rf"an? {re.escape(role)}" for role in roles]
    if not names:
        return said_before
    mentioned = any_of_words(tuple(names))
    window = [s for s in segments if sentence.start - 1500 <= s.start < sentence.start]
    for previous in reversed(window):
        if mentioned.search(fold(previous.text)):
            quoted = quote_spans(previous.text)
            times = [
                t for t in find_times(previous.text)
                if not is_inside(t[0], quoted)
                and not _in_other_clause(text, previous, previous.start + t[0], None)
            ]  # fmt: skip
            if times:
                return resolve_time(times[0][2], anchor)
    return said_before


def _in_other_clause(text: str, sentence: Segment, position: int, cue: Span | None) -> bool:
    """Whether ``position`` is in a non-restrictive relative clause of the sentence that
    does not hold the statement's cue: that clause tells something else about its subject."""
    for clause in _NONRESTRICTIVE_CLAUSE.finditer(text, sentence.start, sentence.end):
        if clause.start() <= position < clause.end():
            return cue is None or not (clause.start() <= cue[0] < clause.end())
    return False


def _outside(text: str, sentence: Segment, spans: Sequence[Span]) -> str:
    """A sentence's words outside the given spans (what frames a statement, not what it says)."""
    pieces, position = [], sentence.start
    for start, end in sorted(spans):
        pieces.append(text[position : max(position, start)])
        position = max(position, end)
    pieces.append(text[position : sentence.end])
    return " ".join(pieces)
