"""The model: invariants, ids and TIMEX3 rendering."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from claimtrack.errors import ClaimtrackError, DateResolutionError, ModelError
from claimtrack.model import (
    Actor,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    Precision,
    Quote,
    Source,
    When,
)

from .strategies import claims, whens


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "precision"),
    [
        ("2016-07-28", dt.date(2016, 7, 28), dt.date(2016, 7, 28), Precision.DAY),
        ("2016-07", dt.date(2016, 7, 1), dt.date(2016, 7, 31), Precision.MONTH),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29), Precision.MONTH),
        ("2016-W30", dt.date(2016, 7, 25), dt.date(2016, 7, 31), Precision.WEEK),
        ("2014-W44-WE", dt.date(2014, 11, 1), dt.date(2014, 11, 2), Precision.WEEKEND),
        ("2015-SU", dt.date(2015, 6, 1), dt.date(2015, 8, 31), Precision.SEASON),
        ("2015-WI", dt.date(2015, 12, 1), dt.date(2016, 2, 29), Precision.SEASON),
        ("2015-FA", dt.date(2015, 9, 1), dt.date(2015, 11, 30), Precision.SEASON),
        ("1989-Q3", dt.date(1989, 7, 1), dt.date(1989, 9, 30), Precision.QUARTER),
        ("2011", dt.date(2011, 1, 1), dt.date(2011, 12, 31), Precision.YEAR),
        ("201", dt.date(2010, 1, 1), dt.date(2019, 12, 31), Precision.DECADE),
        ("20", dt.date(2000, 1, 1), dt.date(2099, 12, 31), Precision.CENTURY),
    ],
)
def test_timex_values_parse_to_their_span(value, earliest, latest, precision):
    """Every TIMEX3 date value names the span of days it covers, and renders back to itself."""
    when = When.parse(value)
    assert (when.earliest, when.latest, when.precision) == (earliest, latest, precision)
    assert when.timex == value


def test_when_refuses_earliest_after_latest():
    """A When whose earliest is after its latest is refused."""
    with pytest.raises(ModelError, match="after latest"):
        When(earliest=dt.date(2016, 7, 28), latest=dt.date(2016, 7, 1))


def test_calendar_precision_needs_both_bounds():
    """A day precision without the day is not a time."""
    with pytest.raises(ModelError, match="needs both"):
        When(earliest=dt.date(2016, 7, 28), precision=Precision.DAY)


def test_when_parse_refuses_nonsense():
    """When.parse is for facts: an unreadable date is an error, not a guess."""
    with pytest.raises(DateResolutionError):
        When.parse("the day the music died")
    with pytest.raises(ValueError, match="not a date"):  # also a ValueError
        When.parse("")


@pytest.mark.parametrize("written", ["July 28, 2016", "autumn 2015", "Thursday"])
def test_when_parse_reads_timex_values_only(written):
    """The model reads TIMEX3 values only; a written date is refused with a pointer to
    claimtrack.time.read_date, which reads it."""
    with pytest.raises(DateResolutionError, match=r"not a TIMEX3 date value.*read_date"):
        When.parse(written)


@given(whens())
def test_when_lies_within_its_bounds(when):
    """The TIMEX3 value of a When parses back to a span inside (or equal to) the When."""
    value = when.timex
    if value is None or value.endswith("_REF") or when.precision is Precision.UNKNOWN:
        return
    back = When.from_timex(value)
    assert back is not None
    assert back.earliest <= when.earliest
    assert when.latest <= back.latest


def test_overlaps_is_unknown_for_unknown_times():
    """Two times of which one is unknown neither overlap nor not: the answer is None."""
    assert When.parse("2016-07").overlaps(When.unknown()) is None
    assert When.parse("2016-07").overlaps(When.parse("2016-07-28")) is True
    assert When.parse("2014").overlaps(When.parse("2015")) is False


def test_claim_ids_are_content_addressed():
    """The same text at the same place of the same source is the same claim."""
    quote = Quote(exact="breaking ties", start=10, end=23)
    one = Claim.create(text="Nusra is breaking ties", source="s1", quote=quote, speaker="x")
    again = Claim.create(text="Nusra  is breaking ties", source="s1", quote=quote, speaker="y")
    elsewhere = Claim.create(text="Nusra is breaking ties", source="s2", quote=quote)
    assert one.id == again.id
    assert one.id != elsewhere.id


@given(claims())
def test_claims_are_frozen(claim):
    """Claims are values: they cannot be changed in place, only evolved."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.text = "changed"  # type: ignore[misc]
    assert attrs.evolve(claim, text="changed").text == "changed"


def test_quote_end_before_start_is_refused():
    """A quote anchor must not end before it starts."""
    with pytest.raises(ModelError, match="before start"):
        Quote(exact="x", start=10, end=5)


def test_source_cannot_be_its_own_parent():
    """A source inside itself is refused."""
    with pytest.raises(ModelError, match="own parent"):
        Source(id="a", parent="a")


def test_sequences_must_not_be_strings():
    """A lone string where a list belongs is refused, not split into characters."""
    with pytest.raises(ModelError, match="sequence"):
        Source(id="a", authors="Juan Cole")  # type: ignore[arg-type]


def test_cluster_invariants():
    """A cluster holds each claim once and confirms only its own members."""
    with pytest.raises(ModelError):
        Cluster(id="k", claims=["a", "a"])
    with pytest.raises(ModelError):
        Cluster(id="k", claims=["a"], confirmed=["b"])
    assert Cluster.of(["b", "a"]).id == Cluster.of(["a", "b"]).id


def test_conflict_order_is_canonical():
    """A conflict between a and b is the same record as one between b and a."""
    one = Conflict.between("b", "a", kind=ConflictKind.NULLIFIER, score=0.5)
    two = Conflict.between("a", "b", kind=ConflictKind.NULLIFIER, score=0.5)
    assert (one.a, one.b, one.id) == (two.a, two.b, two.id)
    with pytest.raises(ModelError):
        Conflict.between("a", "a", kind=ConflictKind.NEGATION)
    with pytest.raises(ModelError, match="within"):
        Conflict.between("a", "b", kind=ConflictKind.NEGATION, score=1.5)


def test_actor_ids_come_from_names():
    """Actor.named derives a readable id; every name the actor goes by is listed."""
    actor = Actor.named("Abu Mohamed al-Jolani", aliases=["al-Golani"])
    assert actor.id == "abu-mohamed-al-jolani"
    assert actor.names == ("Abu Mohamed al-Jolani", "al-Golani")


def test_all_errors_share_one_root():
    """Every error class is a ClaimtrackError."""
    import claimtrack.errors as errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), ClaimtrackError)


@pytest.mark.parametrize("cls", [Source, Claim])
def test_an_empty_id_is_a_model_error(cls):
    """An empty id is refused with claimtrack's own error (issue #23, item 16), which is
    also a ValueError."""
    fields = {"text": "x"} if cls is Source else {"text": "x", "source": "s"}
    with pytest.raises(ModelError, match="id must be a non-empty string"):
        cls(id="", **fields)
