"""Conflicts: typed signals with reasons, time relations, and the seeds' two cases."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from claimtrack.linking import cues as found_in
from claimtrack.linking.conflicts import compare, find_conflicts, relation
from claimtrack.linking.timing import with_time
from claimtrack.model import (
    Actor,
    ActorKind,
    Claim,
    Cluster,
    ConflictKind,
    Modality,
    Relation,
    Stance,
    When,
)
from claimtrack.resources import Resources, load, using


def _claim(text, speaker="x", said=None, about=None, **fields):
    return Claim.create(
        text=text, source=f"s-{speaker}", speaker=speaker, said=said, about=about, **fields
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("The split from al-Qaeda is real", "The split is in name only", ConflictKind.NULLIFIER),
        ("A man is playing the guitar", "Nobody is playing the guitar", ConflictKind.NEGATION),
        ("The crowd is watching a game", "The crowd is not watching a game", ConflictKind.NEGATION),
        # ... but it does deny "only".
        (
            "The split is the only change Nusra will see",
            "The split is not the only change Nusra will see",
            ConflictKind.NEGATION,
        ),
        (
            "The group broke ties with al-Qaeda",
            "The group maintained ties with al-Qaeda",
            ConflictKind.ANTONYM,
        ),
        (
            "At least 40 fighters were killed in Aleppo",
            "12 fighters were killed in Aleppo",
            ConflictKind.NUMERIC,
        ),
        (
            "Baghdadi was killed in an airstrike",
            "Reports that Baghdadi was killed are a hoax",
            ConflictKind.DENIAL,
        ),
    ],
)
def test_typed_signals(a, b, kind):
    """Each kind of conflict is recognised, with a reason naming its cue."""
    # a nullifier and a denial need to know the two are on one subject (one cluster)
    same = kind in (ConflictKind.DENIAL, ConflictKind.NULLIFIER)
    found = compare(_claim(a), _claim(b), same_proposition=same)
    assert found is not None
    assert found.kind is kind
    assert found.reason.endswith(".")
    assert found.cues_a or found.cues_b


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A man is playing the guitar", "A woman is slicing an onion"),
        ("The talks will resume", "The talks will resume on Monday"),
        ("Two dogs are playing inside", "Two dogs are playing outside"),  # other scenes
        # "not only", "not the only change": more is said, nothing is denied ...
        (
            "Nusra Front will also witness the defection of several leaders",
            "The split is not the only change which Nusra will see: leaders defected",
        ),
        ("The group wants to topple Assad", "The group wants not only to topple Assad"),
    ],
)
def test_no_conflict_without_evidence(a, b):
    """Different content, or content that can both hold, is not a conflict."""
    assert compare(_claim(a), _claim(b)) is None


def test_hedges_weaken_and_questions_assert_nothing():
    """A hedged claim weakens a conflict without erasing it; a question or a condition
    asserts nothing, so it conflicts with nothing."""
    real = _claim("The split is real")
    plain = compare(real, _claim("The split is in name only"), same_proposition=True)
    hedged = compare(real, _claim("The split may be in name only"), same_proposition=True)
    assert plain.strength > hedged.strength > 0
    assert "hedged" in hedged.reason
    for text in ("Is the split in name only?", "If the split is in name only, we leave"):
        assert compare(real, _claim(text), same_proposition=True) is None


def test_a_fragment_of_two_words_conflicts_with_nothing():
    """A phrase quoted for itself ("the narrator mentions 'classified emails'") states
    nothing: the audit's negation against "none of her emails were marked classified" was
    false."""
    denial = _claim("none of her emails were marked classified when they were sent")
    assert compare(_claim("classified emails"), denial, same_proposition=True) is None
    assert compare(_claim("her emails were classified"), denial, same_proposition=True)


def test_compare_is_symmetric_in_kind():
    """Which claim comes first does not change the kind or the strength."""
    a, b = _claim("Nobody is playing the guitar"), _claim("A man is playing the guitar")
    one, two = compare(a, b), compare(b, a)
    assert (one.kind, one.strength) == (two.kind, two.strength)


def test_relations_in_time():
    """Same time: contradiction; one speaker later: reversal; others later: supersession;
    an unknown time: unknown, never assumed equal."""
    july = When.parse("2016-07")
    a = _claim("The group cut ties", speaker="nusra", said=july)
    b = _claim("The group maintained ties", speaker="lister", said=When.parse("2016-07-28"))
    assert relation(a, b) is Relation.CONTRADICTION
    later = _claim("The group maintained ties", speaker="nusra", said=When.parse("2017"))
    assert relation(a, later) is Relation.REVERSAL
    other_later = _claim("The group maintained ties", speaker="lister", said=When.parse("2017"))
    assert relation(a, other_later) is Relation.SUPERSESSION
    unknown = _claim("The group maintained ties", speaker="lister")
    assert relation(a, unknown) is Relation.UNKNOWN


def test_an_actor_and_its_leader_count_as_one_side():
    """A leader changing his organisation's line is a reversal, not a supersession."""
    actors = {
        "zawahiri": Actor(
            id="zawahiri", name="Zawahiri", kind=ActorKind.PERSON, affiliation="al-qaeda"
        )
    }
    a = _claim("no relationship", speaker="al-qaeda", said=When.parse("2014-02"))
    b = _claim("unity", speaker="zawahiri", said=When.parse("2015-FA"))
    assert relation(a, b, actors=actors) is Relation.REVERSAL


def test_only_candidates_are_compared():
    """Claims in different clusters that share no actors are never compared."""
    a = _claim("The split is real", speaker="x")
    b = _claim("The split is in name only", speaker="y")
    assert find_conflicts([a, b], []) == []
    found = find_conflicts([a, b], [Cluster.of([a.id, b.id])])
    assert [c.kind for c in found] == [ConflictKind.NULLIFIER]


@pytest.fixture
def seeds(seed_analysis):
    return seed_analysis


def test_the_split_conflict_of_the_seeds(seeds):
    """The announcement of the break against Lister's 'more in name than anything else':
    a nullifier, at the same time, with a reason quoting the cue."""
    claims = {c.id: c for c in seeds.claims}
    split = [
        x
        for x in seeds.conflicts
        if {claims[x.a].speaker, claims[x.b].speaker} == {"jabhat-al-nusra", "charles-lister"}
        and any("breaking its ties" in claims[i].text for i in (x.a, x.b))
    ]
    assert split  # the headline's statement and the body's
    for conflict in split:
        assert conflict.kind is ConflictKind.NULLIFIER
        assert conflict.relation is Relation.CONTRADICTION
        assert "in name than anything else" in conflict.reason
        lister = (
            claims[conflict.b]
            if claims[conflict.b].speaker == "charles-lister"
            else (claims[conflict.a])
        )
        assert lister.modality is Modality.POSSIBLE


def test_the_activist_who_says_more_change_is_coming_conflicts_with_lister(seeds):
    """Muzamjar al-Sham: the split is not the only change Nusra will see; Lister: the split
    may be more in name than anything else.  A nullifier between two speakers."""
    claims = {c.id: c for c in seeds.claims}
    found = [
        x
        for x in seeds.conflicts
        if "charles-lister" in {claims[x.a].speaker, claims[x.b].speaker}
        and any("only change" in claims[i].text.lower() for i in (x.a, x.b))
    ]
    assert [x.kind for x in found] == [ConflictKind.NULLIFIER]


def test_the_seeds_conflicts_are_few_and_explained(seeds):
    """Every conflict in the seeds is between two speakers and says what the two share."""
    claims = {c.id: c for c in seeds.claims}
    assert 1 <= len(seeds.conflicts) <= 10
    for conflict in seeds.conflicts:
        assert claims[conflict.a].speaker != claims[conflict.b].speaker
        assert "shared:" in conflict.reason


def test_disowning_in_2014_and_unity_in_2015_are_not_a_same_time_contradiction(seeds):
    """al-Qaeda disowned ISIS in 2014; al-Zawahiri called for unity in 2015: a change of
    position over time, never a contradiction at one moment."""
    claims = {c.id: c for c in seeds.claims}
    pairs = [
        x
        for x in seeds.conflicts
        if {claims[x.a].speaker, claims[x.b].speaker} == {"al-qaeda", "ayman-al-zawahiri"}
    ]
    assert pairs
    assert all(x.relation is not Relation.CONTRADICTION for x in pairs)
    assert any(x.relation is Relation.REVERSAL for x in pairs)


def test_conflicts_are_stored_with_a_status_and_never_touch_the_claims(tmp_path):
    """A conflict is a record beside the claims; a person's mark survives re-detection."""
    from claimtrack.model import ConflictStatus, Source
    from claimtrack.store import ClaimStore

    a = Claim.create(text="The split is real", source="s", said=When.on(dt.date(2016, 7, 28)))
    b = Claim.create(text="The split is in name only", source="s")
    found = find_conflicts([a, b], [Cluster.of([a.id, b.id])])
    with ClaimStore(tmp_path / "c.db") as store:
        store.add(Source(id="s", text="..."), [a, b])
        store.save(conflicts=found)
        store.set_conflict_status(found[0].id, ConflictStatus.RESOLVED, note="checked")
        store.save(conflicts=found)
        assert store.conflict(found[0].id).status is ConflictStatus.RESOLVED
        assert store.claim(a.id) == a


_NEGATION_EXAMPLES = load("negation")["examples"]


@pytest.mark.parametrize("text", _NEGATION_EXAMPLES["negated"])
def test_negation_examples_are_negated(text):
    assert found_in.negations(text)


@pytest.mark.parametrize("text", _NEGATION_EXAMPLES["not_negated"])
def test_negation_examples_are_not_negated(text):
    assert not found_in.negations(text)


@pytest.mark.parametrize("text", _NEGATION_EXAMPLES["denied"])
def test_denial_examples_are_denials(text):
    assert found_in.denials(text)


@pytest.mark.parametrize("text", _NEGATION_EXAMPLES["not_denied"])
def test_denial_examples_deny_nothing(text):
    assert not found_in.denials(text)


def test_a_refusal_agrees_with_a_negation():
    a = _claim("the president's refusal to call the attack radical Islamic terrorism is a weakness")
    b = _claim("he should resign for not calling the attack radical Islamic terrorism", "y")
    assert compare(a, b, same_proposition=True) is None


def test_an_exhortation_conflicts_with_nothing():
    a = _claim("the goal was not to make America great again")
    b = _claim("And let's make America great again.", "y")
    assert compare(a, b, same_proposition=True) is None


def test_a_direct_quote_reported_by_a_denial_verb_denies_nothing():
    a = _claim("Fields was telling the truth about the arm")
    b = _claim("We are telling the truth about the arm", "y", stance=Stance.DENIES, direct=True)
    assert compare(a, b, same_proposition=True) is None
    indirect = attrs.evolve(b, direct=False)
    assert compare(a, indirect, same_proposition=True).kind is ConflictKind.DENIAL


_REFERENCE_EXAMPLES = load("reference")["examples"]


@pytest.mark.parametrize("text", _REFERENCE_EXAMPLES["open_with_a_pronoun"])
def test_reference_examples_open_with_a_pronoun(text):
    assert found_in.opens_with_pronoun(text)


@pytest.mark.parametrize("text", _REFERENCE_EXAMPLES["name_their_subject"])
def test_reference_examples_name_their_subject(text):
    assert not found_in.opens_with_pronoun(text)


def test_two_shared_words_and_a_pronoun_subject_are_not_one_subject():
    a = _claim("the advice I give to Donald is to Donald.")
    b = _claim("he would not give her advice", "y")
    assert compare(a, b, same_proposition=False) is None
    assert (
        compare(
            _claim("The boy is running"),
            _claim("The boy is not running", "y"),
            same_proposition=False,
        ).kind
        is ConflictKind.NEGATION
    )


def test_a_change_of_position_is_told_in_the_order_it_happened():
    later = _claim("We call for unity", said=When.parse("2015-FA"))
    earlier = _claim("We have no relationship with them", said=When.parse("2014-02"))
    told = with_time("Opposite words.", Relation.REVERSAL, later, earlier, {})
    assert told.endswith("between 2014-02 and 2015-FA.")


@pytest.mark.parametrize(("future", "not_future"), _NEGATION_EXAMPLES["future_and_not"])
def test_a_claim_of_the_future_and_a_negation_of_now_can_both_hold(future, not_future):
    assert found_in.in_the_future(future)
    assert not found_in.in_the_future(not_future)
    assert compare(_claim(future), _claim(not_future, "y"), same_proposition=True) is None


def test_a_contraction_puts_a_claim_in_the_future():
    assert found_in.in_the_future("He'll release them")
    assert found_in.in_the_future("they’ll vote")
    assert not found_in.in_the_future("He released them")


def test_lexicons_that_leave_lists_out_or_empty_find_nothing_and_raise_nothing(tmp_path):
    """A user's replacement lexicon may omit this version's lists or leave one empty."""
    (tmp_path / "negation.toml").write_text('denials = ["denies"]\n', encoding="utf-8")
    (tmp_path / "antonyms.toml").write_text("pairs = []\n", encoding="utf-8")
    (tmp_path / "paraphrases.toml").write_text("[terms]\n", encoding="utf-8")
    with using(Resources(directory=tmp_path)):
        assert not found_in.negations("The split is real")
        assert not found_in.in_the_future("He will go")
        assert found_in.antonyms_in("They broke ties") == {}
        assert compare(_claim("The split is real"), _claim("The split is real", "y")) is None
