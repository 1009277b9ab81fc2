"""Who contradicts whom: typed, explained conflicts between claims, placed in time.

A conflict is two claims about the same thing that cannot both hold.  :func:`compare` reads
one pair for typed signals, each from a lexicon kept as data:

- **nullifier** — one claim empties the other of substance ("in name only", "cosmetic");
- **denial** — one says the other's report is false ("denies", "hoax", "debunked");
- **negation** — the same content with opposite polarity ("is" / "is not", "no one");
- **antonym** — opposite words about the same thing ("cut" / "increased");
- **numeric** — different numbers for the same quantity (with "at least", "about", ranges);
- **date** — different times for the same event;
- **attribute** — two values of a single-valued attribute (two different leaders).

Hedges weaken a conflict without erasing it; questions are not assertions.  Each conflict
carries its ``kind``, a ``score``, a one-sentence ``reason`` and the cue spans in both
claims.  Then :func:`relation` places the pair in time: a **contradiction** when they speak
of the same time, a **reversal** when one speaker changed position, a **supersession** when
the world changed between the two times — and **unknown** when the times are not known.

:func:`find_conflicts` does this for a whole corpus without comparing everything with
everything: candidates are the claims of one cluster, and claims that name the same actors
on the same topic.

>>> a = Claim.create(text="Nusra is breaking its ties with al-Qaeda", source="s")
>>> b = Claim.create(text="the split from al-Qaeda may be more in name than anything else",
...                  source="s")
>>> found = compare(a, b)
>>> found.kind.value
'nullifier'
>>> print(found.reason)
One claim empties the other of substance: "in name than anything else" (hedged: "may").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import attrs

from claimtrack.linking.clustering import _appeared
from claimtrack.linking.matching import (
    Vectorizer,
    actor_aliases,
    candidate_pairs,
    normalize,
    similarity,
)
from claimtrack.model import (
    Actor,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    Cue,
    Modality,
    Relation,
    Source,
    Stance,
    When,
)
from claimtrack.resources import load
from claimtrack.text import fold

__all__ = ["Signal", "compare", "find_conflicts", "relation"]

MIN_SCORE = 0.35
"""Conflicts scoring lower than this are not reported."""

_TOPIC_THRESHOLD = 0.1  # how alike two claims outside one cluster must be to be compared
# How alike two claims must be, on their own, to be taken for one proposition (so that a
# negation or an antonym between them needs no further evidence).  Stricter than the
# clustering threshold: a cluster is held together by averages, a conflict by one pair.
_SAME_PROPOSITION = 0.3


@attrs.frozen
class Signal:
    """One typed piece of evidence that two claims conflict."""

    kind: ConflictKind
    strength: float
    reason: str
    cues_a: tuple[Cue, ...] = ()
    cues_b: tuple[Cue, ...] = ()


@cache
def _phrases(lexicon: str, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])", re.IGNORECASE)
                 for p in sorted(load(lexicon)[key], key=len, reverse=True))  # fmt: skip


def _find(text: str, patterns: Iterable[re.Pattern[str]], kind: str) -> list[Cue]:
    cues: list[Cue] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if not any(c.start < match.end() and match.start() < c.end for c in cues):
                cues.append(Cue(kind=kind, text=match.group(0), start=match.start(),
                                end=match.end()))  # fmt: skip
    return sorted(cues, key=lambda c: c.start)


_NEGATION_TOKEN = re.compile(r"(?<![\w-])(?:not|no|never|none|nobody|nothing|neither|nor|"
                             r"nowhere|without|cannot)(?![\w-])|n't\b", re.IGNORECASE)  # fmt: skip


_SUBORDINATE = re.compile(
    r"\b(?:so|that|who|which|because|if|when|while|unless|whether|until|"
    r"than|though|although|where|after|before|once)\b",
    re.IGNORECASE,
)


# "not only", "not the only change": more is said; only "only" is denied.
_ADDITIVE = re.compile(r"\s+(?:the\s+)?(?P<word>only|just|merely|simply|alone)\b", re.IGNORECASE)


def _negations(text: str, other: str) -> list[Cue]:
    """Negations of the claim itself: those in a subordinate clause ("so he won't turn into
    a werewolf") or a quotation inside the claim say nothing of its polarity, and an
    additive "not (the) only" denies something only of an ``other`` claim that says "only"."""
    cues = []
    for m in _NEGATION_TOKEN.finditer(text):
        additive = _ADDITIVE.match(text, m.end()) if m.group(0).lower() == "not" else None
        if additive and not re.search(rf"\b{additive['word']}\b", other, re.IGNORECASE):
            continue
        clause = re.split(r"[,;:.!?—–]", text[: m.start()])[-1]
        contrastive = not clause.strip() and re.search(r",\s*$", text[: m.start()]) is not None
        if contrastive or _SUBORDINATE.search(clause) or \
                sum(text[: m.start()].count(q) for q in '"“”') % 2:  # fmt: skip
            continue
        cues.append(Cue(kind="negation", text=m.group(0), start=m.start(), end=m.end()))
    return cues


_CONTENT_DROP = frozenset(
    {"there", "is", "are", "was", "were", "be", "been", "being", "a", "an", "the", "some",
     "any", "one", "nobody", "no", "not", "never", "none", "nothing", "n't", "isn't",
     "aren't", "doesn't", "don't", "didn't", "person", "someone", "somebody", "and", "of",
     "in", "on", "at", "to", "with", "by", "for", "from", "his", "her", "its", "their"}
)  # fmt: skip


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text))
    return {_stem(w) for w in words if w not in _CONTENT_DROP and not w.endswith("n't")}


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "s"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _same_content(a: str, b: str) -> float:
    """How surely two claims say the same thing but for negations and antonyms (0-1): the
    Jaccard overlap of their content words, taken as sure when it is at least 0.6 or when
    the shorter claim is (almost) wholly inside the other.  The cut-offs were chosen on the
    SICK development split as a whole (F1 is flat around them)."""
    first, second = _content(a), _content(b)
    if not first or not second:
        return 0.0
    shared = len(first & second)
    jaccard = shared / len(first | second)
    inside = shared / min(len(first), len(second))
    return jaccard if jaccard >= 0.6 or inside >= 0.85 else 0.0


def _hedges(text: str) -> list[Cue]:
    hedges = load("hedges")
    return _find(text, [re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])", re.IGNORECASE)
                        for w in hedges["possible"] + hedges["probable"]], "hedge")  # fmt: skip


_NUMBER = re.compile(
    r"(?P<mod>at least|more than|over|nearly|almost|about|around|some|up to|fewer than|"
    r"less than|roughly|approximately)?\s*(?P<low>\d[\d,.]*)(?:\s*(?:-|–|to)\s*"
    r"(?P<high>\d[\d,.]*))?\s*(?P<scale>percent|%|million|billion|thousand|hundred)?"
    r"\s+(?P<unit>[a-z]+)",
    re.IGNORECASE,
)


def _quantities(text: str) -> dict[str, tuple[float, float, Cue]]:
    """Numbers by the word they count: '90 percent of', 'at least 10 fighters'."""
    found: dict[str, tuple[float, float, Cue]] = {}
    for m in _NUMBER.finditer(text):
        try:
            low = float(m["low"].replace(",", "").rstrip("."))
            high = float(m["high"].replace(",", "").rstrip(".")) if m["high"] else low
        except ValueError:
            continue
        if 1900 <= low <= 2100 and not m["scale"]:
            continue  # a year, not a count
        scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 1e2}.get(
            (m["scale"] or "").lower(), 1.0)  # fmt: skip
        low, high = low * scale, high * scale
        modifier = (m["mod"] or "").lower()
        if modifier in ("at least", "more than", "over"):
            high = float("inf")
        elif modifier in ("nearly", "almost", "about", "around", "some", "roughly",
                          "approximately"):  # fmt: skip
            low, high = low * 0.85, high * 1.15
        elif modifier in ("up to", "fewer than", "less than"):
            low = 0.0
        unit = "percent" if (m["scale"] or "").lower() in ("percent", "%") else m["unit"].lower()
        cue = Cue(kind="number", text=m.group(0).strip(), start=m.start(), end=m.end())
        found.setdefault(_stem_unit(unit), (low, high, cue))
    return found


def _stem_unit(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


_LEADER = re.compile(r"(?P<group>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:'s)?\s+(?:leader|chief|head|"
                     r"commander|founder)\s+(?P<name>(?:[A-Z][\w'-]+\s?){1,4})")  # fmt: skip


def _attributes(text: str) -> dict[str, tuple[str, Cue]]:
    """Single-valued attributes stated in a claim: who leads a group."""
    found = {}
    for m in _LEADER.finditer(text):
        key = "leader of " + " ".join(normalize(m["group"]))
        found[key] = (" ".join(normalize(m["name"])),
                      Cue(kind="attribute", text=m.group(0).strip(), start=m.start(),
                          end=m.end()))  # fmt: skip
    return found


def _signals(a: Claim, b: Claim, *, same_proposition: bool = False,
             same_topic: bool = False) -> list[Signal]:  # fmt: skip
    """Every typed signal that ``a`` and ``b`` cannot both hold."""
    signals: list[Signal] = []
    overlap = _same_content(a.text, b.text)
    if same_proposition:
        overlap = max(overlap, 0.6)
    # Claims about the same actors on one topic may be set against each other by opposite
    # words or a denial, but a bare negation needs the same content.
    related = max(overlap, 0.6 if same_topic else 0.0)
    nullifiers = _phrases("nullifiers", "phrases")
    null_a, null_b = _find(a.text, nullifiers, "nullifier"), _find(b.text, nullifiers, "nullifier")
    if bool(null_a) != bool(null_b):
        cue = (null_a or null_b)[0].text
        signals.append(Signal(ConflictKind.NULLIFIER, 0.9,
                              f'One claim empties the other of substance: "{cue}"',
                              tuple(null_a), tuple(null_b)))  # fmt: skip
    # Polarity: a claim that negates or denies is "against"; a conflict of this kind needs
    # exactly one side against (two denials of one story agree with each other).
    denials = _phrases("negation", "denials")
    deny_a = _find(a.text, denials, "denial") or _stance_cue(a)
    deny_b = _find(b.text, denials, "denial") or _stance_cue(b)
    neg_a, neg_b = _negations(a.text, b.text), _negations(b.text, a.text)
    against_a, against_b = bool(deny_a or neg_a), bool(deny_b or neg_b)
    if against_a != against_b:
        if (deny_a or deny_b) and related > 0:
            cue = (deny_a or deny_b)[0].text
            signals.append(Signal(ConflictKind.DENIAL, 0.75,
                                  f'One claim calls the other untrue: "{cue}"',
                                  tuple(deny_a), tuple(deny_b)))  # fmt: skip
        elif overlap > 0:
            cue = (neg_a or neg_b)[0].text
            signals.append(Signal(ConflictKind.NEGATION, 0.55 + 0.45 * overlap,
                                  f'The same content with opposite polarity: "{cue}"',
                                  tuple(neg_a), tuple(neg_b)))  # fmt: skip
    for first, second in load("antonyms")["pairs"]:
        for x, y in ((first, second), (second, first)):
            in_a = _find(a.text, _phrases_of(x), "antonym")
            in_b = _find(b.text, _phrases_of(y), "antonym")
            if (in_a and in_b and not _find(a.text, _phrases_of(y), "antonym")
                    and not _find(b.text, _phrases_of(x), "antonym") and related > 0):  # fmt: skip
                signals.append(Signal(ConflictKind.ANTONYM, 0.5 + 0.4 * related,
                                      f'Opposite words about the same thing: "{x}" / "{y}"',
                                      tuple(in_a), tuple(in_b)))  # fmt: skip
                break
    numbers_a, numbers_b = _quantities(a.text), _quantities(b.text)
    for unit in numbers_a.keys() & numbers_b.keys():
        low_a, high_a, cue_a = numbers_a[unit]
        low_b, high_b, cue_b = numbers_b[unit]
        if high_a < low_b or high_b < low_a:
            signals.append(Signal(ConflictKind.NUMERIC, 0.6,
                                  f'Different numbers for the same quantity: "{cue_a.text}" / '
                                  f'"{cue_b.text}"', (cue_a,), (cue_b,)))  # fmt: skip
            break
    attributes_a, attributes_b = _attributes(a.text), _attributes(b.text)
    for key in attributes_a.keys() & attributes_b.keys():
        value_a, cue_a = attributes_a[key]
        value_b, cue_b = attributes_b[key]
        if value_a != value_b and value_a not in value_b and value_b not in value_a:
            signals.append(Signal(ConflictKind.ATTRIBUTE, 0.6,
                                  f'Two values for the {key}: "{cue_a.text}" / "{cue_b.text}"',
                                  (cue_a,), (cue_b,)))  # fmt: skip
    if a.about is not None and b.about is not None and a.about.overlaps(b.about) is False \
            and overlap > 0:  # fmt: skip
        signals.append(
            Signal(
                ConflictKind.DATE, 0.5, f"Different times for the same event: {a.about} / {b.about}"
            )
        )
    return signals


def _stance_cue(claim: Claim) -> list[Cue]:
    """A denial recorded as the claim's stance (the speaker denied it) rather than in words."""
    if claim.stance is Stance.DENIES:
        return [Cue(kind="denial", text="denies", start=0, end=0)]
    return []


@cache
def _phrases_of(phrase: str) -> tuple[re.Pattern[str], ...]:
    return (re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE),)


def compare(a: Claim, b: Claim, *, same_proposition: bool = False,
            same_topic: bool = False) -> Signal | None:  # fmt: skip
    """The strongest signal that ``a`` and ``b`` conflict, weighed by hedges and questions,
    or None.  The reason names the cue words in both claims.

    ``same_proposition`` says the two are known to state one proposition (members of one
    cluster): then a negation or an antonym needs no further evidence that they speak of the
    same thing.  ``same_topic`` says they name the same actors on one topic: enough for
    opposite words or a denial, not for a bare negation."""
    signals = _signals(a, b, same_proposition=same_proposition, same_topic=same_topic)
    if not signals:
        return None
    best = max(signals, key=lambda s: (s.strength, s.kind.value))
    factor, notes = 1.0, []
    for claim, cues in ((a, best.cues_a), (b, best.cues_b)):
        if claim.stance is Stance.QUESTIONS or "?" in claim.text:
            factor *= 0.4
            notes.append("a question is not an assertion")
            continue
        hedges = _hedges(claim.text)
        if hedges or claim.modality in (Modality.POSSIBLE, Modality.PROBABLE):
            factor *= 0.8  # a hedged claim weakens a conflict, it does not erase it
            if hedges:
                notes.append(f'hedged: "{hedges[0].text}"')
        # A claim that only passes a report on, without the conflict's own cue, is weak.
        passed_on = _find(claim.text, _phrases("negation", "reporting"), "reporting")
        if not cues and (passed_on or claim.modality is Modality.REPORTED):
            factor *= 0.3
            notes.append(f'reported, not asserted: "{passed_on[0].text}"' if passed_on
                         else "reported, not asserted")  # fmt: skip
    reason = best.reason + (f" ({'; '.join(notes)})" if notes else "") + "."
    return attrs.evolve(best, strength=round(min(1.0, best.strength * factor), 4), reason=reason)


def _when_of(claim: Claim, sources: Mapping[str, Source]) -> When | None:
    """The time a claim speaks of: what it is about, else when it was said or appeared."""
    if claim.about is not None and claim.about.known:
        return claim.about
    return _appeared(claim, sources)


def relation(a: Claim, b: Claim, *, sources: Mapping[str, Source] | None = None,
             actors: Mapping[str, Actor] | None = None) -> Relation:  # fmt: skip
    """How two conflicting claims relate in time.

    Same time (their times overlap): a contradiction.  Different times: a reversal when one
    speaker (or a speaker and its own organisation) changed position, else a supersession.
    Unknown times stay unknown: they are never assumed equal.
    """
    sources = sources or {}
    actors = actors or {}
    when_a, when_b = _when_of(a, sources), _when_of(b, sources)
    if when_a is None or when_b is None:
        return Relation.UNKNOWN
    overlapping = when_a.overlaps(when_b)
    if overlapping is None:
        return Relation.UNKNOWN
    if overlapping:
        return Relation.CONTRADICTION
    return Relation.REVERSAL if _same_side(a.speaker, b.speaker, actors) else Relation.SUPERSESSION


def _same_side(a: str | None, b: str | None, actors: Mapping[str, Actor]) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    actor_a, actor_b = actors.get(a), actors.get(b)
    return (actor_a is not None and actor_a.affiliation == b) or (
        actor_b is not None and actor_b.affiliation == a)  # fmt: skip


def _reason_with_time(reason: str, kind: Relation, a: Claim, b: Claim,
                      sources: Mapping[str, Source]) -> str:  # fmt: skip
    when_a, when_b = _when_of(a, sources), _when_of(b, sources)
    if kind is Relation.REVERSAL:
        return f"{reason} The speaker changed position between {when_a} and {when_b}."
    if kind is Relation.SUPERSESSION:
        return f"{reason} They speak of different times ({when_a}, {when_b})."
    if kind is Relation.UNKNOWN:
        return f"{reason} When one of them holds is not known."
    return reason


def find_conflicts(claims: Iterable[Claim], clusters: Iterable[Cluster] = (), *,
                   sources: Iterable[Source] = (), actors: Iterable[Actor] = (),
                   min_score: float = MIN_SCORE) -> list[Conflict]:  # fmt: skip
    """Conflicts among claims, strongest first.

    Candidates are pairs inside one cluster, and pairs outside clusters that name the same
    actors and are at least loosely on the same topic; everything else is never compared.
    """
    claims = sorted({c.id: c for c in claims}.values(), key=lambda c: c.id)
    by_id = {c.id: c for c in claims}
    source_map = {s.id: s for s in sources}
    actor_map = {a.id: a for a in actors}
    vectorizer = Vectorizer([c.text for c in claims], aliases=actor_aliases(actor_map.values()))
    vectors = dict(zip((c.id for c in claims), vectorizer.vectors(), strict=True))
    pairs: set[tuple[str, str]] = set()
    for group in clusters:
        members = sorted(m for m in group.claims if m in by_id)
        pairs.update((x, y) for i, x in enumerate(members) for y in members[i + 1 :])
    topical = _same_actors_and_topic(claims, vectorizer)
    pairs |= topical
    conflicts = []
    reported: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    terms = {c.id: tuple(sorted(set(t))) for c, t in zip(claims, vectorizer.terms, strict=True)}
    for first, second in sorted(pairs):
        a, b = by_id[first], by_id[second]
        if a.source == b.source and a.quote and b.quote and a.quote.start == b.quote.start:
            continue
        # A paragraph repeated in a page gives the same conflict twice: report it once.
        key = min((terms[first], terms[second]), (terms[second], terms[first]))
        if key in reported:
            continue
        # Claims alike on their own (not only through their cluster) state one proposition.
        same = similarity(vectors[first], vectors[second]) >= _SAME_PROPOSITION
        signal = compare(a, b, same_proposition=same, same_topic=(first, second) in topical)
        if signal is None or signal.strength < min_score:
            continue
        reported.add(key)
        kind = relation(a, b, sources=source_map, actors=actor_map)
        conflicts.append(Conflict.between(
            a.id, b.id, kind=signal.kind, relation=kind, score=signal.strength,
            reason=_reason_with_time(signal.reason, kind, a, b, source_map),
            cues_a=signal.cues_a, cues_b=signal.cues_b,
        ))  # fmt: skip
    return sorted(conflicts, key=lambda c: (-c.score, c.id))


def _same_actors_and_topic(claims: Sequence[Claim], vectorizer: Vectorizer
                           ) -> set[tuple[str, str]]:  # fmt: skip
    """Pairs of claims that name the same two (or more) actors and share some topic."""
    vectors = vectorizer.vectors()
    named = [frozenset(t for t in terms if t.startswith("@")) for terms in vectorizer.terms]
    found = set()
    for i, j in candidate_pairs(vectors):
        if len(named[i] & named[j]) >= 2 and similarity(vectors[i], vectors[j]) >= _TOPIC_THRESHOLD:
            found.add((claims[i].id, claims[j].id))
    return found
