"""The seeds' conflicts an analyst lists (seeds/conflicts.toml) against what the detector finds.

Each listed pair is matched to found conflicts by its two fragments (case aside, either
order).  The file records what is found today, so both a regression and an improvement fail
here and the file is updated with the change.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimtrack.model import Analysis, Conflict

LISTED = Path(__file__).parent.parent / "seeds" / "conflicts.toml"
DATA: dict[str, Any] = tomllib.loads(LISTED.read_text(encoding="utf-8"))
ENTRIES: list[dict[str, Any]] = DATA["conflict"]


@pytest.fixture
def seeds(seed_analysis: Analysis) -> Analysis:
    return seed_analysis


def _matches(entry: dict[str, Any], conflict: Conflict, texts: dict[str, str]) -> bool:
    a, b = entry["a"].lower(), entry["b"].lower()
    one, other = texts[conflict.a].lower(), texts[conflict.b].lower()
    return (a in one and b in other) or (b in one and a in other)


def _found_as(entry: dict[str, Any], seeds: Analysis) -> set[str]:
    texts = {c.id: c.text for c in seeds.claims}
    return {x.relation.value for x in seeds.conflicts if _matches(entry, x, texts)}


def test_the_listed_conflicts_are_well_formed() -> None:
    for entry in ENTRIES:
        assert entry["relation"] in {"contradiction", "reversal", "supersession"}
        assert len(entry["speakers"]) == 2
        assert entry["why"]
        assert entry["found"] == (entry["relation"] in entry["found_as"])


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['a'][:30]}|{e['b'][:30]}" for e in ENTRIES])
def test_each_listed_conflict_is_found_as_the_file_says(
    entry: dict[str, Any], seeds: Analysis
) -> None:
    """A found entry is found with its relation; a missed one is not found at all (or only
    with the wrong relation the file records)."""
    assert _found_as(entry, seeds) == set(entry["found_as"]), entry["why"]


def _found(entry: dict[str, Any], seeds: Analysis) -> bool:
    return entry["relation"] in _found_as(entry, seeds)


def test_the_recall_on_the_listed_conflicts_is_what_the_file_says(seeds: Analysis) -> None:
    """Entries found with their relation, out of all entries: a regression or an improvement
    both change it."""
    found = [e for e in ENTRIES if _found(e, seeds)]
    missed = [f"{e['a']!r} / {e['b']!r}" for e in ENTRIES if not _found(e, seeds)]
    assert f"{len(found)}/{len(ENTRIES)}" == DATA["recall"], f"missed: {missed}"


def test_every_conflict_found_in_the_seeds_is_listed(seeds: Analysis) -> None:
    """No false conflict on the seeds: each found one matches a listed pair, or one of the
    false ones the file lists under [[false]] (none today)."""
    texts = {c.id: c.text for c in seeds.claims}
    known_false: list[dict[str, Any]] = DATA.get("false", [])
    unlisted = [x for x in seeds.conflicts if not any(_matches(e, x, texts) for e in ENTRIES)]
    assert all(any(_matches(e, x, texts) for e in known_false) for x in unlisted), [
        (texts[x.a], texts[x.b]) for x in unlisted
    ]
    assert len(unlisted) == len(known_false)
