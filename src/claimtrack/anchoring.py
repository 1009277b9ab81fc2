"""Quote anchors: making them, and finding them again in a text that may have changed.

A :class:`~claimtrack.model.Quote` holds the exact text, its offsets, and a little context
either side (a W3C Web Annotation TextQuoteSelector plus a TextPositionSelector).  When a
source's text is edited, :func:`reanchor` finds the quote again: at its offsets, elsewhere
verbatim (the occurrence whose context matches best), or fuzzily — and refuses, returning an
orphan, rather than latch onto a lookalike.

>>> text = "Kerry said the split is real. Lister said it is in name only."
>>> quote = make_quote(text, 48, 60)
>>> quote.exact
'in name only'
>>> edited = "Kerry said on Thursday the split is real. Lister said it is in name only."
>>> found = reanchor(quote, edited)
>>> found.method, edited[found.quote.start:found.quote.end]
('exact', 'in name only')
>>> reanchor(quote, "Nothing like it here.").quote is None
True
"""

from __future__ import annotations

import attrs
from rapidfuzz import fuzz

from claimtrack.model import Quote

__all__ = ["CONTEXT_CHARS", "Anchoring", "make_quote", "reanchor"]

CONTEXT_CHARS = 32
"""How much text either side a quote keeps as prefix and suffix."""

DEFAULT_MIN_SCORE = 90.0
"""The lowest fuzzy score (0-100) at which a changed quote is still accepted."""


@attrs.frozen
class Anchoring:
    """Where a quote was found again: the new quote (None for an orphan), a score (0-100),
    and how (``position``, ``exact``, ``fuzzy``, ``orphan``)."""

    quote: Quote | None
    score: float
    method: str


def make_quote(text: str, start: int, end: int, *, context: int = CONTEXT_CHARS) -> Quote:
    """The anchor of ``text[start:end]``, with ``context`` characters of prefix and suffix."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of {len(text)} characters")
    return Quote(
        exact=text[start:end],
        start=start,
        end=end,
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _context_score(quote: Quote, text: str, start: int) -> float:
    end = start + len(quote.exact)
    prefix = text[max(0, start - len(quote.prefix)) : start]
    suffix = text[end : end + len(quote.suffix)]
    return (
        fuzz.ratio(prefix, quote.prefix, processor=None)
        + fuzz.ratio(suffix, quote.suffix, processor=None)
    ) / 2


def reanchor(quote: Quote, text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> Anchoring:
    """Find ``quote`` in ``text`` again (see the module docstring)."""
    exact = quote.exact
    if not exact:
        return Anchoring(None, 0.0, "orphan")
    if text[quote.start : quote.end] == exact:
        return Anchoring(quote, 100.0, "position")
    starts, position = [], text.find(exact)
    while position >= 0:
        starts.append(position)
        position = text.find(exact, position + 1)
    if starts:
        # The occurrence whose surroundings match best; ties go to the nearest the old place.
        best = max(starts, key=lambda s: (_context_score(quote, text, s), -abs(s - quote.start)))
        return Anchoring(make_quote(text, best, best + len(exact)), 100.0, "exact")
    alignment = fuzz.partial_ratio_alignment(exact, text, processor=None, score_cutoff=min_score)
    if alignment is None or alignment.dest_end - alignment.dest_start < 0.8 * len(exact):
        return Anchoring(None, 0.0 if alignment is None else alignment.score, "orphan")
    return Anchoring(
        make_quote(text, alignment.dest_start, alignment.dest_end), alignment.score, "fuzzy"
    )
