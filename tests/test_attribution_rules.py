"""The attribution layouts' rules as data: every pattern of patterns.toml finds the examples it
must find, and none of those it must not, applied the way its layout applies it; every layout
of layouts.toml reads its example sentences as the data says, through the whole engine."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from typing import Any

import pytest

from claimtrack.actors import OUTLET_NOUN
from claimtrack.attribution.engine import find_attributions, merge_continuations
from claimtrack.attribution.rules import USES, pattern, pattern_table, regex_of, word_set, words
from claimtrack.attribution.speaker_phrases import NAME_WORD
from claimtrack.errors import InputError
from claimtrack.resources import load
from claimtrack.text import transliterator


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def _cue_verbs() -> dict[str, Any]:
    folder = files("claimtrack.resources").joinpath("attribution")
    shapes = tomllib.loads(folder.joinpath("speaker_shapes.toml").read_text("utf-8"))
    return dict(shapes["cue_verb"])


_PLURAL_HEADS = [
    w for w in load("reporting")["speakers"]["unnamed_heads"] if w.endswith("s") or w == "people"
]

_CHANNELS: list[str] = load("reporting")["phrases"]["channels"]

# what the code passes the patterns that need it
FRAGMENTS = {
    "heads": "|".join(_PLURAL_HEADS),
    "past": _alternatives(_cue_verbs()["irregular_past"]),
    "particles": _alternatives(_cue_verbs()["particles"]),
    "name_word": NAME_WORD,
    "outlet_noun": OUTLET_NOUN,
    "article": transliterator().article.apart_pattern,
    "channels": _alternatives(sorted(_CHANNELS, key=len, reverse=True)),
}

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


def _layouts() -> list[dict[str, Any]]:
    folder = files("claimtrack.resources").joinpath("attribution")
    return list(tomllib.loads(folder.joinpath("layouts.toml").read_text("utf-8"))["layouts"])


LAYOUTS = _layouts()
LAYOUT_CASES = [
    (f"{layout['name']}-{kind}-{i}", case)
    for layout in LAYOUTS
    for kind in ("examples", "refuses")
    for i, case in enumerate(layout[kind])
]


def _read(text: str, *, beliefs: bool) -> list[list[str]]:
    found = merge_continuations(find_attributions(text, beliefs=beliefs))
    return [
        [a.source_text(text), a.cue_text(text), a.content_text(text).strip("\"“”,. '")]
        for a in found
    ]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout["name"] for layout in LAYOUTS])
def test_every_layout_is_described_and_has_examples(layout):
    """Each layout names its step and code, says what it reads, and has an example."""
    for key in ("step", "code", "what", "provenance"):
        assert layout[key].strip(), f"{layout['name']} has no {key}"
    assert any(case["found"] for case in layout["examples"])


@pytest.mark.parametrize("case", [c for _, c in LAYOUT_CASES], ids=[n for n, _ in LAYOUT_CASES])
def test_layout_reads_its_examples(case):
    """The engine reads each layout's examples as the data says (and its refusals so too)."""
    assert _read(case["text"], beliefs=case.get("beliefs", True)) == case["found"]
