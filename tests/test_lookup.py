"""Lookups over an analysis: by id, and what a source inherits from the pages holding it."""

from __future__ import annotations

from claimtrack.lookup import Index, appeared, lineage
from claimtrack.model import Actor, Analysis, Claim, Source, When
from claimtrack.store import ClaimStore

PAGE = Source(id="page", outlet="MEMRI", published=When.parse("2016-05-09"))
PART = Source(id="part", parent="page", title="A statement")
COMMENT = Source(id="comment", parent="part", kind="comment")


def test_effective_outlet_and_date_walk_the_whole_chain():
    """A comment under a part of a page has the page's outlet and date."""
    index = Index(sources=[PAGE, PART, COMMENT])
    assert [s.id for s in index.lineage("comment")] == ["comment", "part", "page"]
    assert index.outlet("comment") == "MEMRI"
    assert index.published(COMMENT) == PAGE.published


def test_own_values_win_over_the_parents():
    """A source's own outlet and date come before its page's."""
    own = Source(id="own", parent="page", outlet="VICE News", published=When.parse("2016-07"))
    index = Index(sources=[PAGE, own])
    assert index.outlet("own") == "VICE News"
    assert index.published("own").timex == "2016-07"


def test_unknown_parents_and_loops_end_the_chain():
    """A parent that is not known, or a loop of parents, ends the chain instead of failing."""
    a, b = Source(id="a", parent="b"), Source(id="b", parent="a")
    orphan = Source(id="orphan", parent="missing")
    sources = {s.id: s for s in (a, b, orphan)}
    assert [s.id for s in lineage(a, sources)] == ["a", "b"]
    assert [s.id for s in lineage(orphan, sources)] == ["orphan"]
    assert Index(sources=sources.values()).outlet("a") is None
    assert Index().lineage("nothing") == ()


def test_appeared_is_said_else_the_effective_publication():
    """A claim appears when it was said if known, else when its source was published."""
    sources = {s.id: s for s in (PAGE, PART, COMMENT)}
    said = Claim.create(text="x", source="comment", said=When.parse("2016-05-01"))
    unsaid = Claim.create(text="y", source="comment", said=When.unknown("once"))
    assert appeared(said, sources).timex == "2016-05-01"
    assert appeared(unsaid, sources) == PAGE.published
    assert Index(sources=sources.values()).appeared(unsaid) == PAGE.published
    assert appeared(Claim.create(text="z", source="elsewhere"), sources) is None


def test_lookups_by_id():
    """Claims, sources and actors are found by id; a speaker by name, else by id."""
    actor = Actor.named("Charles Lister")
    claim = Claim.create(text="x", source="page", speaker=actor.id)
    stranger = Claim.create(text="y", source="page", speaker="nobody-known")
    index = Index.of(Analysis(sources=[PAGE], actors=[actor], claims=[claim, stranger]))
    assert index.claim(claim.id) == claim
    assert index.source("page") == PAGE
    assert index.actor(actor.id) == actor
    assert index.source(None) is None
    assert index.speaker_name(claim) == "Charles Lister"
    assert index.speaker_name(stranger) == "nobody-known"


def test_store_outlet_filter_walks_the_chain_like_the_index():
    """The store's outlet filter gives a comment under a part its page's outlet too."""
    with ClaimStore(":memory:") as store:
        store.add(PAGE, [])
        store.add(PART, [])
        store.add(COMMENT, [Claim.create(text="deep", source="comment", recorded_by="test")])
        assert [c.text for c in store.claims(outlet="memri")] == ["deep"]
        assert store.claims(outlet="VICE News") == []
