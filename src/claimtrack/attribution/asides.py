"""Layouts whose speaker sits inside the sentence it reports: set off by commas ("At its
best, Republican senators argue, it's not going to work"), in a relative clause ("which he
said would be its lowest ever"), or after "according to"."""

from __future__ import annotations

import re

from claimtrack.attribution.rules import pattern, word_set
from claimtrack.attribution.spans import (
    MAX_SOURCE_WORDS,
    Attribution,
    Span,
    count_words,
    is_quote,
    strip_span,
)
from claimtrack.attribution.subjects import (
    FINITE,
    FINITE_VERB,
    LEADING_TIME,
    NOT_A_SUBJECT,
    trim_content,
)

__all__ = ["according_to", "parenthetical_speaker", "relative_clause_speaker"]

_RELATIVE_SPEAKER = pattern("relative_speaker")
_CLAUSE_TAKING = word_set("clause_taking")
_RELATIVE_VERB = pattern("relative_verb")
_INVERTED_ASIDE = pattern("inverted_aside")
# Mechanical punctuation: where an aside's content ends (a comma, a dash, a semicolon), a
# comma before the next word.
_CLAUSE_END = re.compile(r",\s|\s[—–-]\s|;|$")
_COMMA_THEN_WORD = re.compile(r"\s*,\s+(?=\S)")
_COMMA = re.compile(r",\s*")
_COMMA_SPACE = re.compile(r",\s")


def relative_clause_speaker(text: str, s: int, e: int, cue: Span, kind: str) -> Attribution | None:
    """A cue inside a relative clause, between its speaker and the clause's own verb: what
    is said is the rest of the clause (about the noun the clause hangs on)."""
    verb = text[cue[0] : cue[1]].lower()
    if not (verb.endswith("ed") or verb in _CLAUSE_TAKING):  # not "plans", "votes", "attack"
        return None
    speaker = _RELATIVE_SPEAKER.search(text, s, cue[0])
    if speaker is None or not _RELATIVE_VERB.match(text, cue[1], e):
        return None
    source = speaker.span("speaker")
    if NOT_A_SUBJECT.fullmatch(text[source[0] : source[1]]) or FINITE_VERB.search(text, *source):
        return None
    end = _CLAUSE_END.search(text[cue[1] : e])
    content = strip_span(text, cue[1], cue[1] + end.start() if end else e, " \t\n.,;:")
    if count_words(text[content[0] : content[1]]) < 2:
        return None
    return Attribution(kind, source, cue, (content,), False)


def parenthetical_speaker(text: str, s: int, e: int, cue: Span, kind: str) -> Attribution | None:
    """A speaker set off by commas inside what is reported: 'At its best, Republican senators
    argue, it's not going to work'; 'the participants agreed, say opposition sources, that
    the front should be eliminated'.  The content is the two parts around it."""
    cs, ce = cue
    left = text[s:cs].rstrip()
    comma = left.rfind(",")
    if comma < 0:
        return None
    if comma == len(left) - 1:
        # Inverted: ', say opposition sources, that ...'
        inverted = _INVERTED_ASIDE.match(text[ce:e])
        if (
            inverted is None
            or count_words(inverted.group(1)) > 6
            or FINITE.search(inverted.group(1))
        ):
            return None
        speaker: Span = (ce + inverted.start(1), ce + inverted.end(1))
        before = trim_content(text, s, s + comma)
        after = trim_content(text, ce + inverted.end(), e)
    else:
        # Middle: ', they say, ...'
        tail = _COMMA_THEN_WORD.match(text[ce:e])
        speaker = strip_span(text, s + comma + 1, cs)
        named = text[speaker[0] : speaker[1]]
        if (
            tail is None
            or not 0 < count_words(named) <= 6
            or FINITE.search(named)
            or NOT_A_SUBJECT.fullmatch(named)
            or LEADING_TIME.match(left[: comma + 1])
        ):
            return None
        before = trim_content(text, s, s + comma)
        after = trim_content(text, ce + tail.end(), e)
    if before[0] >= before[1] or count_words(text[after[0] : after[1]]) < 3:
        return None
    return Attribution(kind, speaker, cue, (before, after), False)


_APPOSITIVE = pattern("appositive")
_SOURCE_END = pattern("source_end")
_ENDS_WITH_AND_BUT_SO = pattern("ends_with_and_but_so")
_RELATIVE_GOES_ON = pattern("relative_goes_on")
_COORDINATED_REST = pattern("coordinated_rest")


def according_to(text: str, s: int, e: int, cue: Span) -> Attribution | None:
    """'According to X, CONTENT' / 'CONTENT, according to X' / 'A, according to X, B'."""
    cs, ce = cue
    after = text[ce:e]
    stop = _SOURCE_END.search(after)
    src_end = ce + stop.start() if stop else e
    rest_start = ce + stop.end() if stop else e
    # An appositive after the name belongs to the source: "X, a fellow at Y, ..."
    sentence_initial = not text[s:cs].strip()
    if stop and after[stop.start()] == ",":
        appositive = _APPOSITIVE.match(text, rest_start, e)
        if appositive and sentence_initial and not _COMMA_SPACE.match(text[appositive.end() :]):
            appositive = None  # "According to X, the split is...": that is the content
        if appositive:
            src_end = appositive.end()
            comma = _COMMA.match(text[src_end:e])
            rest_start = src_end + (comma.end() if comma else 0)
    source = strip_span(text, ce, src_end, ' \t\n,;:."”“')
    if source[0] >= source[1] or count_words(text[source[0] : source[1]]) > MAX_SOURCE_WORDS:
        return None
    left = strip_span(text, s, cs)
    left_text = text[left[0] : left[1]]
    pieces = []
    if left[0] < left[1] and not _ENDS_WITH_AND_BUT_SO.search(left_text):
        pieces.append(left)
    # "..., according to X, which raises the issue of ..., and how ...": the rest goes on
    # with the clause about X, not with what X says.
    goes_on = _RELATIVE_GOES_ON.search(text[ce:src_end]) and _COORDINATED_REST.match(
        text[rest_start:e]
    )
    if rest_start < e and not goes_on and (not pieces or text[cs - 2 : cs].strip() == ","):
        rest = strip_span(text, rest_start, e)
        if rest[0] < rest[1]:
            pieces.append(rest)
    if left[0] < left[1] and _ENDS_WITH_AND_BUT_SO.search(left_text):
        pieces = [strip_span(text, rest_start, e)] if rest_start < e else []
    pieces = [trim_content(text, *p) for p in pieces]
    pieces = [p for p in pieces if p[0] < p[1]]
    if not pieces:
        return None
    direct = len(pieces) == 1 and is_quote(text, pieces[0])
    return Attribution("according", source, cue, tuple(pieces), direct)
