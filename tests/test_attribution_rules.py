"""The attribution layouts' rules as data: every pattern of patterns.toml finds the examples it
must find, and none of those it must not, applied the way its layout applies it."""

from __future__ import annotations

import re

import pytest

from claimtrack.attribution.mentions import NAME_WORD
from claimtrack.attribution.rules import USES, pattern, pattern_table, regex_of, word_set, words
from claimtrack.errors import InputError

FRAGMENTS = {"name_word": NAME_WORD}  # what the code passes the patterns that need it

ENTRIES = sorted(pattern_table().items())


def _finds(name: str, example: str) -> bool:
    compiled = pattern(name, **FRAGMENTS)
    apply = getattr(compiled, pattern_table()[name]["use"])
    return apply(example) is not None


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[n for n, _ in ENTRIES])
def test_every_pattern_is_described_and_has_examples(name, entry):
    """Each entry says what it finds, how it is used, where it comes from, and has examples."""
    assert entry["what"].strip(), name
    assert entry["use"] in USES
    assert entry["provenance"].strip()
    assert entry["match"], f"{name} has no example it must find"
    assert set(entry.get("flags", "")) <= {"i", "s"}


@pytest.mark.parametrize(
    ("name", "example"),
    [(n, x) for n, e in ENTRIES for x in e["match"]],
)
def test_pattern_finds_its_examples(name, example):
    """A pattern finds every example it must find."""
    assert _finds(name, example), f"{name} misses {example!r}"


@pytest.mark.parametrize(
    ("name", "example"),
    [(n, x) for n, e in ENTRIES for x in e["no_match"]],
)
def test_pattern_refuses_its_counterexamples(name, example):
    """A pattern finds none of the examples it must not find."""
    assert not _finds(name, example), f"{name} finds {example!r}"


def test_word_lists_fill_a_pattern_as_alternatives():
    """``{name}`` in a pattern is the vocabulary's word list, in order, as alternatives."""
    assert "|".join(words("auxiliaries")) in regex_of("finite")
    assert re.fullmatch(regex_of("generic_group"), "the organisation", re.IGNORECASE)


def test_unknown_names_are_input_errors():
    """A pattern or word list the data does not hold is named in the error."""
    with pytest.raises(InputError, match="no_such"):
        pattern("no_such")
    with pytest.raises(InputError, match="no_such"):
        word_set("no_such")
