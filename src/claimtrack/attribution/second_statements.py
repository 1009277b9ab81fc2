"""A second statement by the speaker of the one before it in the same sentence: a cue joined
by "and" ("say they suffer ... and argue that ..."), or a participle after a comma ("urged
women to vote for Clinton, saying ...")."""

from __future__ import annotations

import re

import attrs

from claimtrack.attribution.reported import TERMINAL_RIGHT
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import (
    MAX_SOURCE_WORDS,
    Attribution,
    Span,
    count_words,
    is_quote,
    strip_span,
)
from claimtrack.attribution.subjects import MAIN_VERB, trim_content
from claimtrack.text import Segment

__all__ = ["coordinated_statement", "participle_after"]

_JOINED_BY_AND = pattern("joined_by_and")
_RELATIVE_BEFORE = pattern("relative_before")
# Mechanical punctuation: a comma right before a cue.
_COMMA_AT_END = re.compile(r",\s*$")


def coordinated_statement(
    text: str, sentence: Segment, match: re.Match[str], kind: str, found: list[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """A cue verb joined by "and" to the cue of the attribution before it in the sentence:
    the new attribution, with the earlier speaker, and the earlier one cut short."""
    if kind == "according" or not found:
        return None
    previous = found[-1]
    if previous.source is None or previous.cue is None or previous.cue[0] < sentence.start:
        return None
    joint = _JOINED_BY_AND.search(text[previous.cue[1] : match.start()])
    if joint is None or len(previous.content) != 1 or previous.span[1] < match.start():
        return None
    start, _ = previous.span
    cut = previous.cue[1] + joint.start()
    if cut <= start:
        return None
    content = trim_content(text, match.end(), sentence.end)
    if count_words(text[content[0] : content[1]]) < 3:
        return None
    earlier = strip_span(text, start, cut)
    return _second_statement(text, previous, earlier, kind, previous.source, match, content)


def _second_statement(
    text: str,
    previous: Attribution,
    earlier: Span,
    kind: str,
    source: Span,
    match: re.Match[str],
    content: Span,
) -> tuple[Attribution, Attribution]:
    """A new attribution at cue ``match``, and the one before it cut back to ``earlier``."""
    cue = (match.start(), match.end())
    return (
        Attribution(kind, source, cue, (content,), is_quote(text, content)),
        attrs.evolve(previous, content=(earlier,), direct=is_quote(text, earlier)),
    )


def participle_after(
    text: str, sentence: Segment, match: re.Match[str], kind: str, found: list[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """A participle cue after a comma inside what the attribution before it reports ("urged
    women to vote for Clinton, saying, ..."; "announces a break, adding that ..."): a second
    statement by the same speaker, and the earlier one cut short at the comma."""
    if kind not in ("speech", "question") or not match.group(0).lower().endswith("ing"):
        return None
    if not found or (previous := found[-1]).source is None or previous.cue is None:
        return None
    if previous.cue[0] < sentence.start or len(previous.content) != 1:
        return None
    start, end = previous.content[0]
    if end <= previous.cue[0] < match.start():
        # "..., Hollande said Tuesday in Paris, noting ...": the participle after the cue is
        # the same speaker's next statement, and the one before stays whole.
        after_cue = max(previous.cue[1], previous.source[1])
        between = text[after_cue : match.start()].rstrip()
        if not between.endswith(",") or not TERMINAL_RIGHT.match(between[:-1]):
            return None
        content = trim_content(text, match.end(), sentence.end)
        if count_words(text[content[0] : content[1]]) < 3:
            return None
        cue = (match.start(), match.end())
        return Attribution(
            kind, previous.source, cue, (content,), is_quote(text, content)
        ), previous
    comma = _COMMA_AT_END.search(text[start : match.start()])
    if not start < match.start() < end or comma is None:
        return None
    content = trim_content(text, match.end(), end)
    if count_words(text[content[0] : content[1]]) < 3:
        return None
    earlier = strip_span(text, start, start + comma.start())
    if earlier[0] >= earlier[1]:
        return None
    source: Span = previous.source
    if _RELATIVE_BEFORE.search(text[sentence.start : source[0]]):
        # "The activist spoke about a video where the group announces ..., adding that": the earlier
        # speaker is inside a relative clause; the participle hangs on the main one.
        verb = MAIN_VERB.search(text, sentence.start, source[0])
        if verb is None:
            return None
        source = strip_span(text, sentence.start, verb.start(), ' \t\n,;:"“”')
        if not 0 < count_words(text[source[0] : source[1]]) <= MAX_SOURCE_WORDS:
            return None
    return _second_statement(text, previous, earlier, kind, source, match, content)
