"""Text handling shared by the stages: normalisation, tokens, transliteration keys, and
splitting into paragraphs and sentences with their offsets.

>>> transliteration_key("Abou Mohamed al-Jolani") == transliteration_key("Abu Muhammad al-Golani")
True
>>> [s.text for s in sentences("He said so. She did not.")]
['He said so.', 'She did not.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import attrs

__all__ = [
    "Segment",
    "fold",
    "paragraphs",
    "sentences",
    "tokens",
    "transliteration_key",
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


# Transliteration variants of Arabic names, reduced to one key each.  Applied to folded words;
# order matters (longer patterns first).
_TRANSLITERATION: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^(?:al|el|al-|el-)(?=[a-z]{3,})", ""),  # article joined to the name: Alzawahiri
        (r"^abou$", "abu"),
        (r"^(?:mohamm?[ae]d|muhamm?[ae]d|mohamad|mehmet)$", "muhammad"),
        (r"^(?:jolani|golani|joulani|julani)$", "jolani"),
        (r"^(?:qaeda|qaida|qaedah|qa'ida|qa'eda|quaeda|qaidah)$", "qaeda"),
        (r"^(?:nusrah|nosra|nusra)$", "nusra"),
        (r"^(?:zawahri|zawahiri|zawahari|zawahry)$", "zawahiri"),
        (r"^(?:usama|osama)$", "usama"),
        (r"^(?:baghdadi|bagdadi)$", "baghdadi"),
        (r"^(?:daesh|da'esh|daish)$", "daesh"),
        (r"^(?:shaam|sham|shams)$", "sham"),
        (r"ou", "u"),
        (r"ee", "i"),
        (r"(.)\1", r"\1"),  # doubled letters: Mohammad / Mohamad
        (r"h$", ""),  # trailing h: Nusrah, Qaedah
    )
)
_ARTICLES = frozenset({"al", "el", "the", "ad", "ash", "as", "at", "az", "ar", "an", "ul"})


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    for pattern, replacement in _TRANSLITERATION:
        word = pattern.sub(replacement, word)
    return word


def transliteration_key(name: str) -> str:
    """A key under which spelling variants of one Arabic name meet: articles (al-, el-, the)
    dropped, common variant spellings unified.

    >>> transliteration_key("Jabhat al-Nusrah") == transliteration_key("Jabhat Nusra")
    True
    >>> transliteration_key("Al Qaida") == transliteration_key("al-Qaeda")
    True
    """
    words = [w for w in tokens(name) if w not in _ARTICLES]
    return " ".join(_word_key(w) for w in words)


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
    return [(span.start, span.end) for span in spans]


def sentences(text: str, *, offset: int = 0) -> Iterator[Segment]:
    """The sentences of ``text`` (paragraph by paragraph), stripped, with offsets into it
    (plus ``offset``).  Splitting is pysbd's rule-based sentence boundary detection."""
    for paragraph in paragraphs(text):
        for start, end in _split(paragraph.text):
            chunk = paragraph.text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            begin = paragraph.start + start + chunk.index(stripped) + offset
            yield Segment(stripped, begin, begin + len(stripped))
