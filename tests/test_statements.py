"""One statement read as several claims (a report of it, two sources) gives one conflict."""

from __future__ import annotations

from claimtrack.linking.conflicts import find_conflicts
from claimtrack.linking.statements import statements
from claimtrack.model import Actor, ActorKind, Claim, Cluster, Quote, Relation, Source, When

REPORT = "on Sunday, the leader called for unity between the two groups"
REPORTED = "unity between the two groups"
START = REPORT.index(REPORTED)
LEADER = Actor(id="leader", name="The Leader", kind=ActorKind.PERSON, affiliation="group")


def _report_and_reported() -> tuple[Claim, Claim]:
    report = Claim.create(text=REPORT, source="post", speaker="paper",
                          quote=Quote(exact=REPORT, start=100, end=100 + len(REPORT)))  # fmt: skip
    reported = Claim.create(text=REPORTED, source="post", speaker="leader", via=("paper",),
                            quote=Quote(exact=REPORTED, start=100 + START,
                                        end=100 + len(REPORT)))  # fmt: skip
    return report, reported


def _disowning(source: str = "statement") -> Claim:
    return Claim.create(text="the unity between the two groups is in name only", source=source,
                        speaker="group", said=When.parse("2014-02"))  # fmt: skip


SOURCES = [
    Source(id="post", published=When.parse("2015-FA")),
    Source(id="statement", published=When.parse("2014-02")),
]


def test_a_report_stands_for_the_statement_it_reports():
    """The reported claim stands for both; a claim alone stands for itself."""
    report, reported = _report_and_reported()
    other = _disowning()
    found = statements([report, reported, other])
    assert found == {report.id: reported.id, reported.id: reported.id, other.id: other.id}


def test_a_conflict_reached_through_a_report_is_one_conflict_of_the_speaker():
    """Against a third claim, the report and the statement it reports give one conflict,
    told by the statement's own speaker: a reversal of the leader's group, not also a
    supersession of the paper that reports it."""
    report, reported = _report_and_reported()
    other = _disowning()
    claims = [report, reported, other]
    found = find_conflicts(claims, [Cluster.of([c.id for c in claims])], sources=SOURCES,
                           actors=[LEADER])  # fmt: skip
    assert [(c.relation, {c.a, c.b}) for c in found] == [
        (Relation.REVERSAL, {reported.id, other.id})
    ]
    assert find_conflicts(list(reversed(claims)), [Cluster.of([c.id for c in claims])],
                          sources=SOURCES, actors=[LEADER]) == found  # fmt: skip


def test_one_speakers_statement_in_two_sources_is_one_conflict():
    """The same words of one speaker in two outlets (one cluster) conflict once with a
    third claim."""
    here = Claim.create(text=REPORTED, source="post", speaker="leader")
    there = Claim.create(text=f"{REPORTED} now", source="wire", speaker="leader")
    other = _disowning()
    claims = [here, there, other]
    sources = [*SOURCES, Source(id="wire", published=When.parse("2015-FA"))]
    found = find_conflicts(claims, [Cluster.of([here.id, there.id, other.id])], sources=sources)
    assert len(found) == 1


def test_one_speaker_at_two_known_times_is_two_statements():
    """The same words said in two different years are two statements."""
    here = Claim.create(text=REPORTED, source="post", speaker="leader", said=When.parse("2015"))
    there = Claim.create(text=REPORTED, source="wire", speaker="leader", said=When.parse("2016"))
    assert len(set(statements([here, there], [Cluster.of([here.id, there.id])]).values())) == 2


def test_a_report_never_conflicts_with_the_statement_it_reports():
    """'X reports that Y denied it' holds 'denied it' by Y: one statement, no conflict."""
    report, reported = _report_and_reported()
    assert find_conflicts([report, reported], [Cluster.of([report.id, reported.id])]) == []


def test_each_pair_of_statements_conflicts_once_in_the_seeds(seed_analysis):
    """al-Hayat's report of al-Zawahiri's call for unity and the call itself are one
    statement: its conflict with al-Qaeda's 2014 disowning is found once, as a reversal."""
    standing = statements(seed_analysis.claims, seed_analysis.clusters,
                          sources=seed_analysis.sources)  # fmt: skip
    pairs = [frozenset((standing[c.a], standing[c.b])) for c in seed_analysis.conflicts]
    assert len(pairs) == len(set(pairs))
    texts = {c.id: c.text for c in seed_analysis.claims}
    unity = [c for c in seed_analysis.conflicts
             if any(texts[i].startswith("unity between") or "called for unity" in texts[i]
                    for i in (c.a, c.b))]  # fmt: skip
    assert [c.relation for c in unity] == [Relation.REVERSAL]


def test_one_speakers_opposite_claims_in_two_years_are_two_statements():
    """A cluster does not weigh stance: one speaker's "is part of" in 2014 and "is not part
    of" in 2016, with no date of saying, are two statements and a change of position, not
    one statement whose conflict is skipped (found by the review)."""
    sources = [Source(id="old", published=When.parse("2014")),
               Source(id="new", published=When.parse("2016"))]  # fmt: skip
    part = Claim.create(text="the front is part of the network", source="old", speaker="front")
    apart = Claim.create(text="the front is not part of the network", source="new",
                         speaker="front")  # fmt: skip
    cluster = Cluster.of([part.id, apart.id])
    assert statements([part, apart], [cluster], sources=sources) == {
        part.id: part.id, apart.id: apart.id}  # fmt: skip
    (found,) = find_conflicts([part, apart], [cluster], sources=sources)
    assert found.relation is Relation.REVERSAL
