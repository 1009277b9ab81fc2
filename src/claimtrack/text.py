"""Text handling shared by the stages: normalisation, tokens, transliteration keys, and
splitting into paragraphs and sentences with their offsets.

>>> transliteration_key("Abou Mohamed Hassan") == transliteration_key("Abu Muhammad Hasan")
True
>>> [s.text for s in sentences("He said so. She did not.")]
['He said so.', 'She did not.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

import attrs

from claimtrack.resources import Resources, active

__all__ = [
    "ArabicArticle",
    "Segment",
    "Transliterator",
    "fold",
    "paragraphs",
    "sentences",
    "tokens",
    "transliteration_key",
    "transliterator",
]

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "«": '"',
        "»": '"',
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def fold(text: str) -> str:
    """Case-folded, accent-free text with plain quotes and dashes: the form text is compared in.

    >>> fold("Al-Qaeda’s “split” — Société")
    'al-qaeda\\'s "split" - societe'
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _DASHES.sub("-", text).casefold()


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokens(text: str) -> list[str]:
    """The words of ``text``, folded; possessive 's dropped.

    >>> tokens("Al-Nusra's leaders SAID: no.")
    ['al', 'nusra', 'leaders', 'said', 'no']
    """
    return [re.sub(r"'s$", "", t) for t in _TOKEN.findall(fold(text))]


@attrs.frozen
class ArabicArticle:
    """The Arabic article as names write it (``[article]`` of ``transliteration.toml``):
    ``joined`` every form, written joined to a name by a hyphen, ``apart`` those also
    written apart from it.

    >>> article = transliterator().article
    >>> bool(re.fullmatch(rf"(?:{article.joined_pattern})-\\w+", "ash-Shami"))
    True
    >>> [bool(re.fullmatch(article.apart_pattern, w)) for w in ("el", "as")]
    [True, False]
    """

    joined: tuple[str, ...] = attrs.field(converter=tuple)
    apart: tuple[str, ...] = attrs.field(converter=tuple)

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> ArabicArticle:
        return cls(joined=table.get("joined", ()), apart=table.get("apart", ()))

    @property
    def joined_pattern(self) -> str:
        """A regex alternation of every form (case as written), longest first."""
        return _alternation(self.joined)

    @property
    def apart_pattern(self) -> str:
        """A regex alternation of the forms also written apart from a name."""
        return _alternation(self.apart)


def _alternation(words: Iterable[str]) -> str:
    """Words as one regex group, longest first; no words, a group that matches nothing."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return f"(?:{'|'.join(re.escape(w) for w in ordered)})" if ordered else "(?!)"


class Transliterator:
    """The transliteration rules of one set of resources, compiled: the general word rules,
    then the story's spellings (whole words), then the letter rules."""

    def __init__(self, resources: Resources) -> None:
        table = resources.load("transliteration")
        rules = [(re.compile(r["pattern"]), r["replacement"]) for r in table["words"]]
        for group in resources.names.spellings:
            alternatives = "|".join(re.escape(w) for w in sorted(group, key=len, reverse=True))
            rules.append((re.compile(rf"^(?:{alternatives})$"), group[0]))
        rules += [(re.compile(r["pattern"]), r["replacement"]) for r in table["letters"]]
        self.rules: tuple[tuple[re.Pattern[str], str], ...] = tuple(rules)
        self.article = ArabicArticle.from_table(table.get("article", {}))
        # an older file's one list of every word dropped ("articles") is still read
        self.articles = frozenset(
            (*self.article.joined, *table.get("dropped", ()), *table.get("articles", ()))
        )
        self._words: dict[str, str] = {}

    def word(self, word: str) -> str:
        """The key of one folded word."""
        key = self._words.get(word)
        if key is None:
            key = word
            # a number or a code has no spelling variants: "2008" is not "208"
            for pattern, replacement in () if any(c.isdigit() for c in word) else self.rules:
                key = pattern.sub(replacement, key)
            if len(self._words) < 65536:
                self._words[word] = key
        return key

    def key(self, name: str) -> str:
        """The key of a name: its words' keys, articles dropped."""
        return " ".join(self.word(w) for w in tokens(name) if w not in self.articles)


_TRANSLITERATORS: dict[Resources, Transliterator] = {}


def transliterator(resources: Resources | None = None) -> Transliterator:
    """The compiled transliteration rules of ``resources`` (by default those in force)."""
    resources = active() if resources is None else resources
    found = _TRANSLITERATORS.get(resources)
    if found is None:
        found = _TRANSLITERATORS[resources] = Transliterator(resources)
    return found


def transliteration_key(name: str, *, resources: Resources | None = None) -> str:
    """A key under which spelling variants of one Arabic name meet: articles (al-, el-, the)
    dropped, common variant spellings unified (``resources/transliteration.toml``), and the
    story's own spellings (``[names]`` of its actors file) when they are in force.

    >>> transliteration_key("Abou Mohamed al-Jolani") == transliteration_key("Abu Muhammad Jolani")
    True
    >>> from claimtrack.resources import Names, Resources
    >>> story = Resources(names=Names(spellings=[["nusra", "nusrah"], ["qaeda", "qaida"]]))
    >>> transliteration_key("Jabhat al-Nusrah", resources=story)
    'jabhat nusra'
    >>> transliteration_key("Al Qaida", resources=story) == transliteration_key("al-Qaeda")
    True
    """
    return transliterator(resources).key(name)


@attrs.frozen
class Segment:
    """A stretch of text and where it sits: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> Iterator[Segment]:
    """The paragraphs of ``text`` (separated by blank lines), stripped, with offsets."""
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + chunk.index(stripped)
            yield Segment(stripped, start, start + len(stripped))
        if match:
            position = match.end()


# pysbd is fast on paragraphs but its regexes can take long on huge unbroken text; beyond this
# size a paragraph is split by the simple rule below.
_MAX_SEGMENTER_CHARS = 5000
_SIMPLE_BOUNDARY = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["”’)\]]))\s+(?=["“‘(\[]?[A-Z0-9])')


@lru_cache(maxsize=1)
def _segmenter() -> object:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _split(text: str) -> list[tuple[int, int]]:
    if len(text) > _MAX_SEGMENTER_CHARS:
        bounds, position = [], 0
        for match in _SIMPLE_BOUNDARY.finditer(text):
            bounds.append((position, match.start()))
            position = match.end()
        bounds.append((position, len(text)))
        return bounds
    spans = _segmenter().segment(text)  # type: ignore[attr-defined]
    return [
        piece for span in spans for piece in _at_closing_apostrophes(text, span.start, span.end)
    ]


# A sentence that ends inside a quote written with two apostrophes, as some papers print
# quotation marks (''This is my country.'' Since then ...): pysbd reads on past it.
_CLOSED_BY_APOSTROPHES = re.compile(r"[.!?]''(?=\s+[A-Z'‘“\"])")


def _at_closing_apostrophes(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for found in _CLOSED_BY_APOSTROPHES.finditer(text, start, end):
        yield start, found.end()
        start = found.end()
    yield start, end


# No sentence of real news is this long (PolNeAR's longest of 28,574 has 1,395 characters);
# text that runs on further without a full stop is cut at a space, so that a claim, which
# runs at most to the end of its sentence, stays short: a claim per cue over unbroken text
# of any length would otherwise cost the square of its length.
MAX_SENTENCE_CHARS = 2000


def _bounded(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
    yield start, end


def sentences(text: str, *, offset: int = 0) -> Iterator[Segment]:
    """The sentences of ``text`` (paragraph by paragraph), stripped, with offsets into it
    (plus ``offset``).  Splitting is pysbd's rule-based sentence boundary detection; a run
    of text longer than :data:`MAX_SENTENCE_CHARS` with no boundary is cut at spaces.

    >>> [len(s.text) for s in sentences("word " * 1000)]
    [1999, 1994, 1004]
    >>> [s.text for s in sentences("Sen. Rand Paul, R-Ky., told Fox News so. He left.")]
    ['Sen. Rand Paul, R-Ky., told Fox News so.', 'He left.']
    """
    for paragraph in paragraphs(text):
        pieces = _split(paragraph.text)
        held: Segment | None = None
        for start, end in (b for s, e in pieces for b in _bounded(s, e, paragraph.text)):
            chunk = paragraph.text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            begin = paragraph.start + start + chunk.index(stripped)
            if held is not None and stripped.startswith(","):
                # An abbreviation's stop ends no sentence: "Sen. Rand Paul, R-Ky. | , told".
                joined = text[held.start - offset : begin + len(stripped)]
                held = Segment(joined, held.start, begin + len(stripped) + offset)
                continue
            if held is not None:
                yield held
            held = Segment(stripped, begin + offset, begin + len(stripped) + offset)
        if held is not None:
            yield held
