"""Python and Jupyter: one-line reprs, readable HTML for claims and conflicts, names where
slugs were wanted."""

from __future__ import annotations

import pytest

from claimtrack.model import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    ClaimList,
    Conflict,
    ConflictKind,
    ConflictList,
    Quote,
    Source,
    When,
)
from claimtrack.store import ClaimStore

HOSTILE = "<script>alert('x')</script> & co"


@pytest.fixture(scope="module")
def store(seed_analysis):
    with ClaimStore(":memory:") as store:
        store.add_analysis(seed_analysis)
        yield store


def test_an_analysis_prints_on_one_line(seed_analysis):
    shown = repr(seed_analysis)
    assert "\n" not in shown
    assert len(shown) < 120
    assert shown.startswith("Analysis(")
    assert f"{len(seed_analysis.claims)} claims" in shown
    assert repr(Analysis()) == "Analysis(0 sources, 0 actors, 0 claims, 0 clusters, 0 conflicts)"


def test_the_stores_lists_print_on_one_line(store):
    for found in (store.claims(), store.sources(), store.actors(), store.clusters(),
                  store.conflicts()):  # fmt: skip
        shown = repr(found)
        assert "\n" not in shown
        assert len(shown) < 400
        assert shown.startswith(f"<{len(found)} ")
    assert store.claims() == list(store.claims())  # still a list of claims
    assert repr(store.claims(text="nothing-like-this")) == "<0 claims>"


def test_names_are_accepted_where_slugs_are(store, seed_analysis):
    his = [c.id for c in seed_analysis.claims if c.speaker == "charles-lister"]
    assert his
    for query in ("Charles Lister", "charles lister", "charles-lister", "Lister"):
        assert [c.id for c in store.claims(speaker=query)] == his
    lister = store.actor("charles-lister")
    assert [c.id for c in store.claims(speaker=lister)] == his
    assert store.claims(speaker="Nobody Atall") == []


def test_a_claim_shows_who_said_it_when_and_the_quote_in_context():
    text = f"Nusra is {HOSTILE}"
    source_text = f"He said that {text}, the report says."
    quote = Quote(exact=text, start=13, end=13 + len(text), prefix="He said that ",
                  suffix=", the report")  # fmt: skip
    claim = Claim.create(text=text, source="s1", speaker="charles-lister", quote=quote,
                         said=When.parse("2016-07-28"))  # fmt: skip
    assert source_text[quote.start : quote.end] == text
    shown = claim._repr_html_()
    assert "<script>" not in shown
    assert "&lt;script&gt;" in shown
    assert "charles-lister" in shown
    assert "2016-07-28" in shown
    assert "<mark>" in shown
    assert "He said that" in shown
    assert "Quote(" not in shown
    found = ClaimList([claim], context=Analysis(
        sources=[Source(id="s0", outlet="VICE News"), Source(id="s1", parent="s0")],
        actors=[Actor.named("Charles Lister", kind=ActorKind.PERSON)],
    ).context)  # fmt: skip
    table = found._repr_html_()
    assert "Charles Lister" in table
    assert "VICE News" in table
    assert "&lt;script&gt;" in table


def test_a_conflict_shows_both_sides_and_the_reason(store):
    found = store.conflicts()
    assert found
    table = found._repr_html_()
    claims = {c.id: c for c in store.claims()}
    for conflict in found:
        for side in (conflict.a, conflict.b):
            assert claims[side].text.replace("'", "&#x27;").replace('"', "&quot;") in table
    assert "Charles Lister" in table  # a name, not a slug
    alone = Conflict.between("c-1", "c-2", kind=ConflictKind.NEGATION, reason=HOSTILE)
    shown = alone._repr_html_()
    assert "c-1" in shown
    assert "c-2" in shown
    assert "&lt;script&gt;" in shown
    assert "<script>" not in ConflictList([alone])._repr_html_()


def test_an_analysis_shows_its_conflicts_and_claims_with_names(seed_analysis):
    shown = seed_analysis._repr_html_()
    assert "Charles Lister" in shown
    assert "VICE News" in shown
    assert f"{len(seed_analysis.conflicts)} conflicts" in shown
    assert "more</p>" in shown  # a long list says how many it leaves out
