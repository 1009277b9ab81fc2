"""Layouts without a reporting verb: a block of excerpts after the line introducing them,
and a quote after a colon that ends what its speaker does.

"The following are excerpts from the message:" (or "He said in the statement:"), a line of
its own ending in a colon, is followed by one or more paragraphs that are each a quote; they
are all what the introduced speaker (the message's author, "he") said.  A short line in
between (an image's caption) does not end the block; any other paragraph does.

>>> text = 'The following are excerpts from the message:\\n\\n"We will win."\\n\\nEnd.'
>>> intro = block_intro(text, 0, 44)
>>> text[intro[0] : intro[1]]
'the message'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import Attribution, Span, is_quote
from claimtrack.attribution.speakers import is_speaker
from claimtrack.attribution.subjects import trim_content

__all__ = ["block_intro", "block_quote", "colon_quote", "coordinated_predicate", "ends_block"]

_INTRODUCES = pattern("introduces")
_SHORT_LINE = 4  # words: an image's caption or a file name inside the block
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")  # mechanical: the end of a line


def block_intro(text: str, start: int, end: int) -> Span | None:
    """The speaker's span of a line introducing a block of excerpts, or None."""
    line = text[start:end].rstrip()
    if not line.endswith(":") or not _LINE_END.match(text[start + len(line) :]):
        return None
    found = _INTRODUCES.search(line)
    if found is None or not is_speaker(found["source"]):
        return None
    return start + found.start("source"), start + found.end("source")


def block_quote(text: str, start: int, quotes: Sequence[Span]) -> Span | None:
    """The quote that is the whole paragraph beginning at ``start``, or None."""
    if start > 0 and "\n" not in text[max(0, start - 2) : start]:
        return None
    for q_start, q_end in quotes:
        if abs(q_start - start) <= 1:
            rest = text[q_end : text.find("\n", q_end) if "\n" in text[q_end:] else len(text)]
            return (q_start, q_end) if len(rest.split()) <= 2 else None
    return None


def ends_block(text: str, start: int, end: int) -> bool:
    """Whether a paragraph that is not a quote ends a block (a short line does not)."""
    return len(text[start:end].split()) >= _SHORT_LINE


_DOES_THEN_COLON = pattern("does_then_colon")


def colon_quote(text: str, start: int, quotes: Sequence[Span]) -> tuple[Span, Span, Span] | None:
    """Speaker, colon and quote of a sentence beginning at ``start`` laid out as "X turns to
    the question of Y: "..."", or None.

    >>> text = 'Smith then moves on to the question of funding: "We need more."'
    >>> speaker, colon, quote = colon_quote(text, 0, [(48, 63)])
    >>> text[speaker[0] : speaker[1]], text[quote[0] : quote[1]]
    ('Smith', '"We need more."')
    """
    for q_start, q_end in quotes:
        if q_start <= start:
            continue
        found = _DOES_THEN_COLON.match(text, start, q_start)
        if found is None or not is_speaker(found["subject"], strict=True):
            return None
        colon = text.rindex(":", start, q_start)
        return found.span("subject"), (colon, colon + 1), (q_start, q_end)
    return None


_JOINED_PREDICATE = pattern("joined_predicate")
_SUBJECT_THEN_VERB = pattern("subject_then_verb")
_LEADING = (
    pattern("leading_time"),
    pattern("leading_conjunctions"),
    pattern("leading_subordinate"),
)
_PARTICIPLE = pattern("participle_cue")
_FEWEST_WORDS = 3  # what is said, as the subject layout wants it


def coordinated_predicate(
    text: str, start: int, end: int, cue: Span, kind: str
) -> Attribution | None:
    """A cue that is the second verb of the subject opening the sentence ``start``-``end``:
    "O'Malley spoke at the forum on Sunday, and criticized Sanders after the event"; the
    speaker is that subject, what is said what follows the cue.  None for another layout.

    >>> text = "CITIC runs an oil field in Kazakhstan and says it has set up a fund."
    >>> cue = (text.index("says"), text.index("says") + 4)
    >>> found = coordinated_predicate(text, 0, len(text), cue, "speech")
    >>> found.source_text(text), found.content_text(text)
    ('CITIC', 'it has set up a fund')
    """
    if kind == "according" or _PARTICIPLE.match(text, cue[0]):
        return None
    if _JOINED_PREDICATE.search(text[start : cue[0]]) is None:
        return None
    begin = start
    stripped = True
    while stripped:  # "As voters went to the polls, the campaign sent ..."
        stripped = False
        for leading in _LEADING:
            lead = leading.match(text, begin, cue[0])
            if lead and lead.end() > begin:
                begin, stripped = lead.end(), True
    first = _SUBJECT_THEN_VERB.match(text, begin, cue[0])
    if first is None or not is_speaker(first["subject"], strict=True):
        return None
    content = trim_content(text, cue[1], end)
    if len(text[content[0] : content[1]].split()) < _FEWEST_WORDS:
        return None
    source = first.span("subject")
    return Attribution(kind, source, cue, (content,), is_quote(text, content))
