"""Who contradicts whom: typed, explained conflicts between claims, placed in time.

A conflict is two claims about the same thing that cannot both hold.  :func:`compare` reads
one pair for typed signals, each resting on cue words from a lexicon kept as data
(:mod:`claimtrack.linking.cues`) **and** on what is left of the two claims once those cues
are set aside, which must be the same content:

- **nullifier** — one claim empties the other of substance ("in name only", "cosmetic"),
  and both speak of the same subject;
- **denial** — one calls untrue what the other asserts: what the denial is about matches
  the other claim, not merely a claim nearby;
- **negation** — the same content with opposite polarity ("is" / "is not"): the rest of
  the two claims matches closely;
- **antonym** — opposite words ("cut" / "increased") in otherwise matching claims;
- **numeric** — different numbers for the same quantity of the same thing;
- **date** — different times for one proposition;
- **attribute** — two values of a single-valued attribute (two different leaders).

A question or a condition asserts nothing and conflicts with nothing; hedges weaken a
conflict without erasing it, and a claim that only passes a report on weakens it more.
Each conflict carries its ``kind``, a ``score``, a ``reason`` saying what matched and
what differs, and the cue spans in both claims.  Then :func:`relation` places the pair in
time: a **contradiction** when they speak of the same time, a **reversal** when one speaker
changed position, a **supersession** when the world changed between the two times — and
**unknown** when the times are not known.

:func:`find_conflicts` does this for a whole corpus without comparing everything with
everything: candidates are the claims of one cluster, and claims on one subject (sharing
informative terms; :func:`~claimtrack.linking.blocking.scored_pairs`).

>>> a = Claim.create(text="Nusra is breaking its ties with al-Qaeda", source="s")
>>> b = Claim.create(text="Nusra's split from al-Qaeda may be more in name than anything else",
...                  source="t")
>>> found = compare(a, b)
>>> found.kind.value
'nullifier'
>>> print(found.reason)
One claim empties the other of substance: "in name than anything else", on the same
subject (shared: nusra, qaeda, split) (hedged: "may be").
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimtrack.attribution.propositions import has_finite_clause
from claimtrack.linking import cues as found_in
from claimtrack.linking.blocking import scored_pairs
from claimtrack.linking.matching import (
    DEFAULT_THRESHOLD,
    TermVector,
    Vectorizer,
    similarity,
)
from claimtrack.linking.signals import (
    SAME_CONTENT,
    Residue,
    Signal,
    antonym_signal,
    attribute_signal,
    leaders,
    numeric_signal,
    shared_note,
    times_differ,
)
from claimtrack.linking.statements import statements
from claimtrack.linking.terms import actor_aliases
from claimtrack.linking.timing import relation, with_time
from claimtrack.model import (
    Actor,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    Cue,
    Modality,
    Source,
    Stance,
)
from claimtrack.text import tokens

__all__ = ["MIN_SCORE", "Signal", "compare", "find_conflicts", "relation"]

MIN_SCORE = 0.5
"""Conflicts scoring lower than this are not reported."""

DENIED_CONTENT = 0.45
"""How alike what a denial is about and the other claim must be."""

SAME_SUBJECT = 0.3
"""How alike two claims must be, once the cue is set aside, to speak of one subject: the
bar for a nullifier."""

SAME_EVENT = 0.8
"""How alike two claims of one proposition must be for different times to be a conflict
of dates: nearly the same words, so that the times are of the same event."""

CANDIDATE = 0.1
"""How alike two claims outside one cluster must be (sharing two informative terms) to be
compared at all; each kind of conflict then sets its own, higher bar on what is left of
the two claims without its cues."""


def _quotes(text: str, other: str) -> bool:
    """Whether ``text`` holds ``other`` word for word: one passage reported twice, the
    longer copy with a frame of its own ("Giuliani wouldn't speculate about Comey's motives
    for dropping the case" / "about Comey's motives for dropping the case"), which sets
    nothing against the shorter.

    >>> _quotes("Giuliani wouldn't speculate about Comey's motives", "about Comey's motives")
    True
    """
    words, theirs = tokens(text), tokens(other)
    n = len(theirs)
    return n >= 3 and any(words[k : k + n] == theirs for k in range(len(words) - n + 1))


def _one_subject(shared: int, a: str, b: str) -> bool:
    """Whether two claims sharing ``shared`` terms can be taken to speak of one thing: three
    terms say so; two do only when neither claim opens with a pronoun, whose referent the
    words cannot show ("he would not give her advice" / "the advice I give to Donald")."""
    return shared >= 3 or (
        shared >= 2 and not (found_in.opens_with_pronoun(a) or found_in.opens_with_pronoun(b))
    )


def _signals(a: Claim, b: Claim, residue: Residue, *, same_proposition: bool) -> list[Signal]:
    """Every typed signal that ``a`` and ``b`` cannot both hold."""
    signals: list[Signal] = []
    alike = residue.alike
    null_a, null_b = found_in.nullifiers(a.text), found_in.nullifiers(b.text)
    if bool(null_a) != bool(null_b):
        dice, count, shared = alike(a.text, b.text, null_a, null_b)
        if same_proposition or (dice >= SAME_SUBJECT and count >= 2):
            cue = (null_a or null_b)[0].text
            signals.append(Signal(ConflictKind.NULLIFIER, 0.6 + 0.4 * dice,
                                  f'One claim empties the other of substance: "{cue}", on the '
                                  f"same subject ({shared_note(shared)})",
                                  tuple(null_a), tuple(null_b)))  # fmt: skip
    deny_a = found_in.denials(a.text) or _stance_cue(a)
    deny_b = found_in.denials(b.text) or _stance_cue(b)
    neg_a, neg_b = found_in.negations(a.text, b.text), found_in.negations(b.text, a.text)
    if bool(deny_a or neg_a) != bool(deny_b or neg_b):
        if deny_a or deny_b:
            dice, count, shared = alike(a.text, b.text, deny_a, deny_b)
            denier, other = (a, b) if deny_a else (b, a)
            # within one proposition (one cluster) a denial needs only to be about the other
            matches = same_proposition or (
                dice >= DENIED_CONTENT and _one_subject(count, denier.text, other.text)
            )
            if matches and residue.about_the_other(denier.text, deny_a or deny_b, other.text):
                cue = (deny_a or deny_b)[0].text
                signals.append(Signal(ConflictKind.DENIAL, 0.55 + 0.45 * dice,
                                      f'One claim calls untrue what the other asserts: "{cue}" '
                                      f"({shared_note(shared)})",
                                      tuple(deny_a), tuple(deny_b)))  # fmt: skip
        elif not (found_in.negated_anywhere(a.text) and found_in.negated_anywhere(b.text)):
            # both negate something: not opposite polarity, whichever clause it sits in
            negator, other = (a, b) if neg_a else (b, a)
            negated = neg_a or neg_b
            # what is negated is the negation's sentence, not a claim's other sentences
            sentence = found_in.sentence_of(negator.text, negated[0])
            start = negator.text.index(sentence)
            rest = found_in.without(sentence, [attrs.evolve(
                c, start=c.start - start, end=c.end - start) for c in negated
                if start <= c.start < start + len(sentence)])  # fmt: skip
            dice, count, shared = alike(rest, other.text)
            matches = (same_proposition and dice >= SAME_SUBJECT) or (
                dice >= SAME_CONTENT and _one_subject(count, sentence, other.text)
            )
            # "he will release them" / "he is not releasing them": two times, both may hold
            matches = matches and found_in.in_the_future(sentence) == found_in.in_the_future(
                other.text
            )
            if matches and not _quotes(negator.text, other.text) and \
                    residue.about_the_other(negator.text, negated, other.text):  # fmt: skip
                cue = (neg_a or neg_b)[0].text
                signals.append(Signal(ConflictKind.NEGATION, 0.5 + 0.5 * dice,
                                      f'The same content with opposite polarity: "{cue}" '
                                      f"({shared_note(shared)})",
                                      tuple(neg_a), tuple(neg_b)))  # fmt: skip
    signals += antonym_signal(a, b, residue)
    signals += numeric_signal(a, b, residue)
    signals += attribute_signal(a, b)
    if same_proposition and a.about is not None and b.about is not None \
            and a.about.overlaps(b.about) is False and times_differ(a, b) \
            and alike(a.text, b.text)[0] >= SAME_EVENT:  # fmt: skip
        signals.append(
            Signal(
                ConflictKind.DATE,
                0.6,
                f"Different times for one proposition: {a.about} / {b.about}",
            )
        )
    return signals


def _could_conflict(a: Claim, b: Claim) -> bool:
    """Whether two claims of different propositions hold the cues some kind of conflict
    needs: a nullifier, a denial or a negation on one side, or antonyms, counts or leaders
    on both.  Most candidate pairs hold none and are not compared at all; every cue is
    cached per text, so a corpus is read once, not once per pair."""
    if _stance_cue(a) or _stance_cue(b):
        return True
    one_side = (found_in.nullifiers, found_in.denials, found_in.negated_anywhere)
    if any(found(text) for found in one_side for text in (a.text, b.text)):
        return True
    both = (found_in.antonyms_in, found_in.quantities, leaders)
    return any(found(a.text) and found(b.text) for found in both)


def _stance_cue(claim: Claim) -> list[Cue]:
    """A denial recorded as the claim's stance (the speaker denied it) rather than in words.
    A direct quote is what the speaker says, whatever verb reports it: it denies nothing;
    nor does rejecting a thing ("rejected Trump's offer of an exception", "dismissed Walker
    as an ineffective leader", "a special prosecutor to investigate"): only a finite clause
    can be called untrue."""
    if claim.stance is Stance.DENIES and not claim.direct and has_finite_clause(claim.text):
        return [Cue(kind="denial", text="denies", start=0, end=0)]
    return []


def compare(a: Claim, b: Claim, *, index: Vectorizer | None = None,
            same_proposition: bool | None = None) -> Signal | None:  # fmt: skip
    """The strongest signal that ``a`` and ``b`` conflict, weighed by hedges, or None.  The
    reason names the cue words and what the two claims share.

    ``index`` weighs words by a corpus (:class:`~claimtrack.linking.matching.Vectorizer`
    fitted on it); without one, every word weighs alike.  ``same_proposition`` says whether
    the two state one proposition; by default it is decided as clustering decides it."""
    if not (found_in.is_assertion(a.text) and found_in.is_assertion(b.text)):
        return None
    if a.stance is Stance.QUESTIONS or b.stance is Stance.QUESTIONS:
        return None
    if index is None:
        index = Vectorizer([a.text, b.text], weighted=False)
    if same_proposition is None:
        same_proposition = similarity(index.vector(a.text), index.vector(b.text)) >= \
            DEFAULT_THRESHOLD  # fmt: skip
    signals = _signals(a, b, Residue(index), same_proposition=same_proposition)
    if not signals:
        return None
    best = max(signals, key=lambda s: (s.strength, s.kind.value))
    factor, notes = 1.0, []
    for claim, cues in ((a, best.cues_a), (b, best.cues_b)):
        hedges = found_in.hedges(claim.text)
        if hedges or claim.modality in (Modality.POSSIBLE, Modality.PROBABLE):
            factor *= 0.8  # a hedged claim weakens a conflict, it does not erase it
            if hedges:
                notes.append(f'hedged: "{hedges[0].text}"')
        # A claim that only passes a report on, without the conflict's own cue, is weak.
        passed_on = found_in.passed_on(claim.text)
        if not cues and (passed_on or claim.modality is Modality.REPORTED):
            factor *= 0.3
            notes.append(f'reported, not asserted: "{passed_on[0].text}"' if passed_on
                         else "reported, not asserted")  # fmt: skip
    reason = best.reason + (f" ({'; '.join(notes)})" if notes else "") + "."
    return attrs.evolve(best, strength=round(min(1.0, best.strength * factor), 4), reason=reason)


def find_conflicts(claims: Iterable[Claim], clusters: Iterable[Cluster] = (), *,
                   sources: Iterable[Source] = (), actors: Iterable[Actor] = (),
                   min_score: float = MIN_SCORE) -> list[Conflict]:  # fmt: skip
    """Conflicts among claims, strongest first.

    Candidates are pairs inside one cluster, and pairs on one subject (sharing two
    informative terms, at least :data:`CANDIDATE` alike); everything else is never
    compared.  Two claims of one speaker in one source, said at one time, are not set
    against each other.  Claims of one statement (a report of it, the same speaker's words
    in two sources: :func:`~claimtrack.linking.statements.statements`) give one conflict with
    another statement, told by the claim that stands for it.
    """
    claims = sorted({c.id: c for c in claims}.values(), key=lambda c: c.id)
    by_id = {c.id: c for c in claims}
    source_map = {s.id: s for s in sources}
    actor_map = {a.id: a for a in actors}
    index = Vectorizer([c.text for c in claims], aliases=actor_aliases(actor_map.values()))
    vectors = index.vectors()
    vector_of: dict[str, TermVector] = dict(zip(by_id, vectors, strict=True))
    clustered: set[tuple[str, str]] = set()
    for group in clusters:
        members = sorted(m for m in group.claims if m in by_id)
        clustered.update((x, y) for i, x in enumerate(members) for y in members[i + 1 :])
    pairs = set(clustered)
    for i, j, _ in scored_pairs(vectors, min_score=CANDIDATE, min_shared=2):
        pairs.add((claims[min(i, j)].id, claims[max(i, j)].id))
    standing = statements(claims, clusters, sources=source_map.values())
    found: dict[tuple[str, str], tuple[tuple[int, float, str], Conflict]] = {}
    reported: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    terms = {c.id: tuple(sorted(set(t))) for c, t in zip(claims, index.terms, strict=True)}
    for first, second in sorted(pairs):
        a, b = by_id[first], by_id[second]
        one, other = sorted((standing[first], standing[second]))
        if one == other:  # a report and the statement it reports
            continue
        # One speaker in one article at one time does not contradict itself: such pairs are
        # two parts of one statement, or one quote read twice.
        if a.source == b.source and ((a.speaker == b.speaker and a.said == b.said) or (
                a.quote and b.quote and a.quote.start == b.quote.start)):  # fmt: skip
            continue
        # A paragraph repeated in a page gives the same conflict twice: report it once.
        key = min((terms[first], terms[second]), (terms[second], terms[first]))
        if key in reported:
            continue
        same = (first, second) in clustered or \
            similarity(vector_of[first], vector_of[second]) >= DEFAULT_THRESHOLD  # fmt: skip
        if not same and not _could_conflict(a, b):
            continue
        signal = compare(a, b, index=index, same_proposition=same)
        if signal is None or signal.strength < min_score:
            continue
        reported.add(key)
        kind = relation(a, b, sources=source_map, actors=actor_map)
        conflict = Conflict.between(
            a.id, b.id, kind=signal.kind, relation=kind, score=signal.strength,
            reason=with_time(signal.reason, kind, a, b, source_map),
            cues_a=signal.cues_a, cues_b=signal.cues_b,
        )  # fmt: skip
        # One conflict per two statements, told by the claims that stand for them: the
        # statement reported, not a report of it, so its relation is decided once.
        stand_ins = (standing[first] != first) + (standing[second] != second)
        rank = (stand_ins, -conflict.score, conflict.id)
        if (one, other) not in found or rank < found[one, other][0]:
            found[one, other] = (rank, conflict)
    return sorted((c for _, c in found.values()), key=lambda c: (-c.score, c.id))
