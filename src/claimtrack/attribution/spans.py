"""Spans of a text: the :class:`Attribution` value every layout returns, the quoted passages
of a text, and the small measures the layouts share (strip a span, count its words)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import attrs

__all__ = [
    "CLOSING",
    "MAX_SOURCE_WORDS",
    "OPENING",
    "Attribution",
    "Span",
    "any_of_words",
    "count_words",
    "is_inside",
    "is_quote",
    "quote_spans",
    "strip_span",
    "whole_word",
]

Span = tuple[int, int]


@attrs.frozen
class Attribution:
    """One attribution found in a text; spans are offsets into that text.

    ``kind`` is the cue's class (speech, denial, question, belief, according, author) or
    ``continuation`` for a quote that goes on after an attributed one.  ``hearer`` is the
    person told ("told Lister"), ``channel`` how it was said ("in a statement").
    ``antecedent`` is what a relative pronoun in the source's place stands for ("Obama" of
    "Obama, who said ..."): the source is the pronoun, as annotators mark it, and the speaker
    is named by the antecedent.
    """

    kind: str
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    direct: bool = False
    hearer: Span | None = None
    channel: str | None = None
    outer: int | None = None  # the attribution (index) whose content this one sits in
    antecedent: Span | None = None

    def source_text(self, text: str) -> str:
        return "" if self.source is None else text[self.source[0] : self.source[1]]

    def speaker_text(self, text: str) -> str:
        """The words that name the speaker: the antecedent of a relative pronoun, else the
        source."""
        if self.antecedent is not None:
            return text[self.antecedent[0] : self.antecedent[1]]
        return self.source_text(text)

    def cue_text(self, text: str) -> str:
        return "" if self.cue is None else text[self.cue[0] : self.cue[1]]

    def content_text(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.content)

    @property
    def span(self) -> Span:
        """From the first to the last character of the content."""
        return self.content[0][0], self.content[-1][1]


OPENING = '"“«'
CLOSING = '"”»'
MAX_SOURCE_WORDS = 25


_QUOTE_MARK = re.compile(r"''|``|[\"“”«»]")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")  # mechanical: lines up to a blank one


def quote_spans(text: str) -> list[Span]:
    """Spans of quoted passages (marks included), paired within each paragraph; an opening
    mark never closed runs to the end of its paragraph (a quote that goes on).  Typewriter
    quotes ``''`` (as some newspapers' archives write them) count as quote marks."""
    spans: list[Span] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start: int | None = None
        for mark in _QUOTE_MARK.finditer(text, paragraph.start(), paragraph.end()):
            char = mark.group(0)
            if char in ("“", "«", "``"):
                start = mark.start() if start is None else start
            elif char in ("”", "»"):
                if start is not None:
                    spans.append((start, mark.end()))
                    start = None
            elif start is None:
                start = mark.start()
            else:
                spans.append((start, mark.end()))
                start = None
        if start is not None and paragraph.end() - start > 1:
            spans.append((start, paragraph.end()))
    return spans


def is_inside(position: int, spans: Iterable[Span]) -> bool:
    return any(s < position < e for s, e in spans)


def strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:.") -> Span:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def count_words(text: str) -> int:
    return len(text.split())


def is_quote(text: str, span: Span) -> bool:
    s, e = span
    return e - s >= 2 and text[s] in OPENING + "'" and text[e - 1] in CLOSING + "'"


@lru_cache(maxsize=8192)
def whole_word(word: str, flags: int = 0) -> re.Pattern[str]:
    """A word or phrase not inside a longer word, compiled once."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flags)


@lru_cache(maxsize=4096)
def any_of_words(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the given patterns as a whole word, compiled once."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")
