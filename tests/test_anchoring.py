"""Quote anchors: found again after edits, refused rather than misplaced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.anchoring import make_quote, reanchor

TEXT = "Kerry said the split is real. Lister said the split is in name only. The end."


def test_unchanged_text_anchors_at_the_same_place():
    """An unchanged text finds the quote at its offsets."""
    quote = make_quote(TEXT, 30, 68)
    assert reanchor(quote, TEXT).method == "position"


def test_repeated_text_picks_the_occurrence_with_matching_context():
    """'the split is' occurs twice: the one whose surroundings match wins."""
    quote = make_quote(TEXT, TEXT.index("the split", 30), TEXT.index("the split", 30) + 9)
    edited = "Breaking: " + TEXT
    found = reanchor(quote, edited)
    assert found.method == "exact"
    assert edited[found.quote.start - 12 : found.quote.start] == "Lister said "


def test_small_edits_are_found_fuzzily_and_big_ones_refused():
    """A typo fixed in the quote still anchors; a different sentence is an orphan."""
    quote = make_quote(TEXT, 30, 68)
    edited = TEXT.replace("in name only", "in name onIy")
    found = reanchor(quote, edited)
    assert found.method == "fuzzy"
    assert found.score >= 90
    assert reanchor(quote, "Completely different words here.").method == "orphan"


@given(st.text(min_size=1, max_size=200), st.data())
def test_anchors_round_trip(text, data):
    """make_quote then reanchor on the same text gives back the same span."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = make_quote(text, start, end)
    found = reanchor(quote, text)
    assert found.quote is not None
    assert text[found.quote.start : found.quote.end] == quote.exact
