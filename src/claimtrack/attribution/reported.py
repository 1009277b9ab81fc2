"""Reported-speech layouts around one cue verb, tried by :func:`attribution_at` in this order:

1. "according to" (:func:`~claimtrack.attribution.asides.according_to`);
2. a quote just before the cue ('"...," X said', '"...," said X');
3. a quote just after it ('X said: "..."', 'X told Y that "..."');
4. a speaker set off by commas inside what is reported ('..., they say, ...');
5. a speaker inside a relative clause ("which he said would ...");
6. the speaker after an inverted cue ('..., said Amarasingam, a fellow at ...');
7. the speaker between the content and a cue that ends the sentence ('..., the source said.');
8. a cue ending a sentence that follows a quote ('"...." Trump said.');
9. the subject, the cue and what follows ('X said (that) ...', 'X told Y (that) ...').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimtrack.attribution.asides import (
    according_to,
    parenthetical_speaker,
    relative_clause_speaker,
)
from claimtrack.attribution.cues import channel_of, hearer_span
from claimtrack.attribution.rules import pattern, word_set
from claimtrack.attribution.spans import (
    MAX_SOURCE_WORDS,
    OPENING,
    Attribution,
    Span,
    count_words,
    is_quote,
    strip_span,
)
from claimtrack.attribution.subjects import (
    FINITE,
    MAIN_VERB,
    left_subject,
    only_auxiliaries,
    right_source,
    strip_auxiliaries,
    subject_with_aside,
    trim_content,
)
from claimtrack.text import Segment

__all__ = ["TERMINAL_RIGHT", "attribution_at"]

TERMINAL_RIGHT = pattern("terminal_right")
_PLAIN_SAYING = word_set("plain_saying")
_TRAILING_PARTICIPLE = pattern("trailing_participle")


_APPOSITIVE_SUBJECT = pattern("appositive_subject")

_CLAUSE_SIGN = pattern("clause_sign")
_DESCRIBED_SPEAKER = pattern("described_speaker")
_THAT_THEN_WORD = pattern("that_then_word")
_THAT_AT_END = pattern("that_at_end")
_THAT_WORD = pattern("that_word")
_CHANNEL_LEAD = pattern("channel_lead")
# Mechanical punctuation: the stop of a quote before its attribution; nothing but commas.
_QUOTE_STOP = re.compile(r"[,?!]")
_COMMAS = re.compile(r"[\s,]*")


_PARTICIPLE = pattern("participle_cue")
_ADVERBIAL_OPENING = pattern("adverbial_opening")


def _least_words(text: str, match: re.Match[str], kind: str, content: Span) -> int:
    """The fewest words of what a subject's cue says: two for a finite verb that reports or
    judges ("Jeff Flake said he would", "aides blasted the statement"), three for an attitude
    or a participle, whose short objects are seldom claims ("They want safe homes"), or for
    words opening with a preposition ("charged with assault", "reported from Washington")."""
    if kind == "belief" or _PARTICIPLE.match(match.group(0)):
        return 3
    return 3 if _ADVERBIAL_OPENING.match(text, content[0]) else 2


def _inverted_speaker(right: str) -> bool:
    """Whether what follows a cue reads as its speaker: '..., said Charles Lister, a fellow'."""
    if TERMINAL_RIGHT.match(right):
        return False
    chunk = right.strip().split(",")[0]
    if not chunk or count_words(chunk) > 9:
        return False
    if chunk[:1].isupper():
        return True
    return bool(_DESCRIBED_SPEAKER.match(chunk)) and not FINITE.search(chunk)


def attribution_at(
    text: str, sentence: Segment, match: re.Match[str], kind: str, quotes: Sequence[Span]
) -> Attribution | None:
    s, e = sentence.start, sentence.end
    cs, ce = match.start(), match.end()
    cue = (cs, ce)
    if kind == "according":
        return according_to(text, s, e, cue)

    # Layout quote_before_cue (resources/attribution/layouts.toml has the examples of each).
    before = [
        q
        for q in quotes
        if q[1] <= cs
        and q[1] > s - 1
        and count_words(text[q[1] : cs]) <= 12
        and _QUOTE_STOP.search(text[q[1] - 3 : q[1] + 2] + text[q[1] : cs][:3]) is not None
    ]
    if before:
        quote = before[-1]
        between = strip_span(text, quote[1], cs, " \t\n,;:")
        if between[0] < between[1] and not _COMMAS.fullmatch(text[between[0] : between[1]]):
            named = strip_span(text, *between, ' \t\n,;:"“”')
            if match.group(0).lower().endswith("ing"):
                # A participle cue after the quote: the speaker without the verb before.
                verb = MAIN_VERB.search(text, *named)
                if verb is not None:
                    named = strip_span(text, named[0], verb.start())
            source = named if count_words(text[named[0] : named[1]]) <= MAX_SOURCE_WORDS else None
            hearer = (
                hearer_span(text, ce, e) if match.group(0).lower() in ("told", "tells") else None
            )
        else:
            source, hearer = right_source(text, ce, e), None
        if source is None:
            return None
        return Attribution(
            kind, source, cue, (quote,), True, hearer=hearer, channel=channel_of(text, ce, e)
        )

    # Layout quote_after_cue; a quote inside a that-clause is not what is said: the clause is,
    # as below.
    after = [
        q
        for q in quotes
        if cs < q[0] <= e
        and count_words(text[ce : q[0]]) <= 6
        and not _THAT_THEN_WORD.search(text[ce : q[0]])
    ]
    source = left_subject(text, s, cs)
    if after and source is not None:
        quote = after[0]
        end = max(quote[1], min(e, quote[1]))
        # 'told Y that "..."': what was said starts after "that".
        that = _THAT_AT_END.search(text[ce : quote[0]])
        content = trim_content(text, quote[0] if that else ce, end)
        if text[content[0]] not in OPENING:
            content = quote if count_words(text[ce : quote[0]]) <= 3 else content
        hearer = (
            hearer_span(text, ce, quote[0]) if match.group(0).lower() in ("told", "tells") else None
        )
        return Attribution(
            kind,
            source,
            cue,
            (content,),
            is_quote(text, content),
            hearer=hearer,
            channel=channel_of(text, ce, quote[0]),
        )

    left_text = text[s:cs].rstrip()
    right_text = text[ce:e]
    if (parenthetical := parenthetical_speaker(text, s, e, cue, kind)) is not None:
        return parenthetical
    if (relative := relative_clause_speaker(text, s, e, cue, kind)) is not None:
        return relative
    # Layout inverted_speaker: the speaker after the cue.
    if (
        left_text.endswith(",")
        and not match.group(0).lower().endswith("ing")  # ", telling the agency that" is not
        and _inverted_speaker(right_text)  # inverted like ", said the agency"
        and not _APPOSITIVE_SUBJECT.match(left_text)
        and not subject_with_aside(left_text)
    ):
        content = trim_content(text, s, s + len(left_text))
        speaker = right_source(text, ce, e)
        if speaker is None or content[0] >= content[1]:
            return None
        return Attribution(kind, speaker, cue, (content,), is_quote(text, content))
    # "..., X told a Senate panel Wednesday.": whom it was told, and nothing more.
    told_only = match.group(0).lower() in ("told", "tells") and not (
        _THAT_WORD.search(right_text)
        or FINITE.search(right_text)
        or _CLAUSE_SIGN.search(right_text)
    )
    plain = match.group(0).lower() in _PLAIN_SAYING
    own_clause = _TRAILING_PARTICIPLE.sub("", right_text) if plain else right_text
    terminal = told_only or TERMINAL_RIGHT.match(own_clause) is not None
    if terminal and "," in left_text:
        # Layout speaker_before_final_cue: the speaker between the content and the cue.
        comma = left_text.rfind(",")
        speaker_span = strip_span(text, s + comma + 1, cs, ' \t\n,;:"“”')
        content = trim_content(text, s, s + comma)
        if (
            speaker_span[0] < speaker_span[1]
            and content[0] < content[1]
            and count_words(text[speaker_span[0] : speaker_span[1]]) <= 12
            # "Jim Prosser, a Twitter spokesman, also declined to comment.": after the
            # aside, a verb group; the speaker is the subject before the aside.
            and not only_auxiliaries(text[speaker_span[0] : speaker_span[1]])
        ):
            speaker_span = strip_auxiliaries(text, speaker_span)
            return Attribution(
                kind,
                speaker_span,
                cue,
                (content,),
                is_quote(text, content),
                channel=channel_of(text, ce, e),
            )
    # Layout subject_cue_content: 'X said (that) ...', 'X told Y (that) ...'.
    if source is None:
        return None
    if terminal and source[0] == strip_span(text, s, e)[0]:
        # Layout quote_then_cue_sentence: the quote is the sentence before.
        previous = [q for q in quotes if 0 <= s - q[1] <= 3]
        if previous:
            return Attribution(kind, source, cue, (previous[-1],), True)
    if told_only:
        return None  # told whom, and not what
    content_start = ce
    hearer = None
    if match.group(0).lower() in ("told", "tells", "telling", "tell"):
        that = _THAT_WORD.search(text[ce:e])
        if that and count_words(text[ce : ce + that.start()]) <= 6:
            hearer = strip_span(text, ce, ce + that.start())
            content_start = ce + that.end()
    channel = channel_of(text, content_start, e)
    if channel:
        lead = _CHANNEL_LEAD.match(text[content_start:e])
        if lead:
            content_start += lead.end()
    content = trim_content(text, content_start, e)
    if content[0] >= content[1] or count_words(text[content[0] : content[1]]) < _least_words(
        text, match, kind, content
    ):
        return None
    return Attribution(
        kind, source, cue, (content,), is_quote(text, content), hearer=hearer, channel=channel
    )
