"""Headlines: a line quoting a speaker before a colon ("Trump: I Will Win") or naming one
after it ("Russia to pull troops from Syria: Kremlin"); and, once the article's claims are
known, who the headline's speaker is when it is named by a role alone ("Activist confirms")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from claimtrack.attribution.rules import pattern, word_set
from claimtrack.attribution.spans import (
    Attribution,
    Span,
    count_words,
    is_inside,
    is_quote,
    strip_span,
)
from claimtrack.attribution.speaker_resolution import Speakers
from claimtrack.attribution.speakers import is_speaker
from claimtrack.model import ActorKind, Claim
from claimtrack.resources import load
from claimtrack.text import Segment, fold

__all__ = [
    "headline_speaker",
    "headline_speaker_after",
    "headline_speaker_before",
    "headlines_end",
]

_HEADLINE_COLON = pattern("headline_colon")
_CITATION_TAIL = pattern("citation_tail")
_PAGE_LABELS = word_set("page_labels")

_ENDS_SENTENCE = pattern("ends_sentence")
_HEADLINE_SPEAKER_AFTER = pattern("headline_speaker_after")
_NOT_SPEAKERS = word_set("headline_not_speakers")

_BYLINE = pattern("byline")
# Mechanical: the end of a line, a line, a folded word.
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_LINE = re.compile(r"[^\n]*")
_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def headline_speaker_before(
    text: str, sentence: Segment, quotes: Sequence[Span]
) -> Attribution | None:
    """'Trump: I Will Win': a line quoting the speaker named before its colon (not a page's
    label, a byline or a quote's inside); a citation's outlet and date after it are not said."""
    headline = _HEADLINE_COLON.match(sentence.text)
    if (headline is None or is_inside(sentence.start, quotes)
            or fold(headline.group(1)).strip() in _PAGE_LABELS
            or _BYLINE.match(headline.group(1))):  # fmt: skip
        return None
    colon = sentence.start + headline.end(1)
    content = strip_span(text, colon + 1, sentence.end)
    if (tail := _CITATION_TAIL.search(text, *content)) is not None:
        content = (content[0], tail.start())
    if count_words(text[content[0] : content[1]]) < 3 or not is_speaker(
        text[sentence.start : colon]
    ):
        return None
    speaker = (sentence.start, colon)
    return Attribution("speech", speaker, (colon, colon + 1), (content,), is_quote(text, content))


def headline_speaker_after(text: str, sentence: Segment) -> Attribution | None:
    """'Split From Al-Qaeda ‘Not Only Change Nusra Will See’: Source': a headline line (no
    closing stop, a line of its own) whose speaker follows the colon."""
    line = sentence.text.rstrip()
    if _ENDS_SENTENCE.search(line) or not _LINE_END.match(text[sentence.end :]):
        return None
    m = _HEADLINE_SPEAKER_AFTER.fullmatch(line)
    if m is None or fold(m["speaker"]).strip() in _NOT_SPEAKERS or count_words(m["content"]) < 3:
        return None
    start = sentence.start
    content = strip_span(text, start, start + m.end("content"))
    colon = start + m.end("content")
    speaker = strip_span(text, start + m.start("speaker"), start + m.end("speaker"))
    return Attribution("speech", speaker, (colon, colon + 1), (content,), is_quote(text, content))


def headlines_end(text: str) -> int:
    """Where the headlines end: the first lines (a headline and its subheadlines), as long as
    they have no closing stop; 0 when the first line has one."""
    end = 0
    for line in _LINE.finditer(text):
        content = line.group(0).rstrip()
        if not content:
            continue
        if len(content) >= 200 or _ENDS_SENTENCE.search(content) or line.start() > 600:
            break
        end = line.start() + len(content)
    return end


def headline_speaker(claim: Claim, claims: Sequence[Claim], speakers: Speakers) -> Claim:
    """A headline names its speaker by role alone ("Activist confirms ..."), the article by
    name ("Activist “Muzamjar al-Sham” said"): the headline's speaker is the first speaker
    of the article described by that role, and it reports the same occasion."""
    actor = speakers.registry.get(claim.speaker) if claim.speaker else None
    if actor is None or actor.kind is not ActorKind.UNNAMED or " " in actor.name.strip():
        return claim
    noun = fold(actor.name).strip()
    forms = {noun, noun.removesuffix("s")}
    for other in claims:
        named = speakers.registry.get(other.speaker) if other.speaker else None
        if named is None or named.id == actor.id:
            continue
        if forms & speakers.roles_of(named):
            return attrs.evolve(claim, speaker=named.id, said=claim.said or other.said)
    # "Split From Parent Group 'Not Only Change Rebels Will See': Source" restates what the
    # article's speaker says ("The split from the parent group is not the only change the
    # rebels will see"): the headline's source is that speaker.
    body = [c for c in claims if c.speaker and c.speaker != actor.id and c.id != claim.id]
    if not body:
        return claim
    score, restated = max(((_restates(claim.text, c.text), c) for c in body),
                          key=lambda pair: pair[0])  # fmt: skip
    if score >= _RESTATES:
        return attrs.evolve(claim, speaker=restated.speaker, said=claim.said or restated.said)
    return claim


# How much of a headline's words a statement of the article must hold to restate it: most,
# as it settles who the headline's source is.
_RESTATES = 0.6


def _content_words(text: str) -> frozenset[str]:
    stop = frozenset(load("stopwords")["words"])
    return frozenset(w for w in _FOLDED_WORD.findall(fold(text)) if len(w) > 2 and w not in stop)


def _restates(headline: str, statement: str) -> float:
    """The share of a headline's content words a statement holds (0 for a headline of
    fewer than three): "Split From Al-Qaeda 'Not Only Change Nusra Will See'" and "the
    split from al-Qaeda is not the only change Nusra will see" share all of them."""
    words = _content_words(headline)
    if len(words) < 3:
        return 0.0
    return len(words & _content_words(statement)) / len(words)
