"""The evidence a conflict rests on: typed :class:`Signal` values, what is left of two
claims once their cues are set aside (:class:`Residue`), and the kinds read from both claims
at once — opposite words, different counts of one thing, two values of a single-valued
attribute, different times named for one event.  :mod:`claimtrack.linking.conflicts`
weighs them into conflicts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from claimtrack.linking import cues as found_in
from claimtrack.linking.matching import TermVector, Vectorizer, overlap
from claimtrack.linking.terms import normalize
from claimtrack.model import Claim, ConflictKind, Cue
from claimtrack.resources import cached
from claimtrack.text import fold

__all__ = [
    "ABOUT_THE_OTHER",
    "SAME_CONTENT",
    "Residue",
    "Signal",
    "antonym_signal",
    "attribute_signal",
    "leaders",
    "named",
    "numeric_signal",
    "shared_note",
    "times_differ",
]

SAME_CONTENT = 0.6
"""How alike (weighted Dice) two claims must be once a negation, antonym or number is set
aside for the difference to be a conflict: the rest must be the same content."""

ABOUT_THE_OTHER = 1 / 3
"""The share of the words of a cue's clause that the other claim must hold."""


@attrs.frozen
class Signal:
    """One typed piece of evidence that two claims conflict."""

    kind: ConflictKind
    strength: float
    reason: str
    cues_a: tuple[Cue, ...] = ()
    cues_b: tuple[Cue, ...] = ()


class Residue:
    """How alike two texts are once some cues are blanked out, weighed by one corpus."""

    def __init__(self, index: Vectorizer) -> None:
        self.index = index

    def _vector(self, text: str) -> TermVector:
        return self.index.vector(text)  # the index keeps each text's vector

    def alike(self, a: str, b: str, drop_a: Iterable[Cue] = (), drop_b: Iterable[Cue] = ()
              ) -> tuple[float, int, list[str]]:  # fmt: skip
        """The weighted Dice of the two rests, how many terms they share, and the shared
        terms, most informative first."""
        va = self._vector(found_in.without(a, drop_a))
        vb = self._vector(found_in.without(b, drop_b))
        dice, _ = overlap(va, vb)
        shared = sorted((t for t in va.weights if t in vb.weights), key=lambda t: (-va.idf[t], t))
        return dice, len(shared), shared

    def about_the_other(self, text: str, cues: Sequence[Cue], other: str) -> bool:
        """Whether the clause of each cue speaks of what the other claim says: a negation
        in a clause the other claim does not share ("I love Oreos. I will never eat them
        again" / "I love Oreos") sets nothing against it."""
        if not cues or not cues[0].end:
            return True  # a stance, not words: it is about the whole claim
        theirs = self._vector(other).weights
        for cue in cues:
            terms = self._vector(found_in.clause_of(text, cue)).weights
            if terms and sum(t in theirs for t in terms) < ABOUT_THE_OTHER * len(terms):
                return False
        return True


def named(shared: Iterable[str]) -> int:
    """How many of the shared terms are actors (every name of an actor is one term)."""
    return sum(1 for t in shared if t.startswith("@"))


def shared_note(shared: Sequence[str]) -> str:
    return f"shared: {', '.join(t.lstrip('@') for t in shared[:5])}"


def times_differ(a: Claim, b: Claim) -> bool:
    """Whether the two claims name different times in words: neither names the other's
    ("Sept. 11" is in "Sept. 11, 2001"; a claim that names both days does not differ)."""
    said_a = fold(a.about.expression or "") if a.about else ""
    said_b = fold(b.about.expression or "") if b.about else ""
    if not said_a or not said_b:
        return False
    return not (said_a in fold(b.text) or said_b in fold(a.text) or said_a in said_b
                or said_b in said_a)  # fmt: skip


def antonym_signal(a: Claim, b: Claim, residue: Residue) -> list[Signal]:
    of_a, of_b = found_in.antonyms_in(a.text), found_in.antonyms_in(b.text)
    if not (of_a and of_b):
        return []
    for x, y in found_in.antonym_pairs():
        in_a, in_b = of_a.get(x, ()), of_b.get(y, ())
        if not (in_a and in_b) or y in of_a or x in of_b:
            continue
        if not (residue.about_the_other(a.text, in_a, b.text)
                and residue.about_the_other(b.text, in_b, a.text)):  # fmt: skip
            continue
        dice, count, shared = residue.alike(a.text, b.text, in_a, in_b)
        # opposite words of two claims on the same content, or of the same two actors
        # ("unity between A and B" / "B has no organizational relationship with A")
        if (dice >= SAME_CONTENT and count >= 2) or named(shared) >= 2:
            return [Signal(ConflictKind.ANTONYM, 0.5 + 0.5 * dice,
                           f'Opposite words about the same thing: "{x}" / "{y}" '
                           f"({shared_note(shared)})", tuple(in_a), tuple(in_b))]  # fmt: skip
    return []


def numeric_signal(a: Claim, b: Claim, residue: Residue) -> list[Signal]:
    numbers_a, numbers_b = found_in.quantities(a.text), found_in.quantities(b.text)
    # what is counted is a word that says something ("10 fighters", not "10 have")
    units = sorted(u for u in {q[0] for q in numbers_a} & {q[0] for q in numbers_b}
                   if u == "percent" or normalize(u))  # fmt: skip
    if not units:
        return []
    drop_a, drop_b = found_in.number_spans(numbers_a), found_in.number_spans(numbers_b)
    dice, count, shared = residue.alike(a.text, b.text, drop_a, drop_b)
    if dice < SAME_CONTENT or count < 3:
        return []
    for unit in units:
        of_a = [q for q in numbers_a if q[0] == unit]
        of_b = [q for q in numbers_b if q[0] == unit]
        if any(not (x[2] < y[1] or y[2] < x[1]) for x in of_a for y in of_b):
            continue  # one count of this thing agrees: the claims may count other things
        first, second = of_a[0], of_b[0]
        if first[2] < second[1] or second[2] < first[1]:
            return [Signal(ConflictKind.NUMERIC, 0.5 + 0.5 * dice,
                           f'Different numbers for the same quantity: "{first[3].text}" / '
                           f'"{second[3].text}" {unit} ({shared_note(shared)})',
                           (first[3],), (second[3],))]  # fmt: skip
    return []


_LEADER = re.compile(r"(?P<group>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:'s)?\s+(?:leader|chief|head|"
                     r"commander|founder)\s+(?P<name>(?:[A-Z][\w'-]+\s?){1,4})")  # fmt: skip


@cached
def leaders(text: str) -> dict[str, tuple[str, Cue]]:
    """Single-valued attributes stated in a claim: who leads a group."""
    found = {}
    for m in _LEADER.finditer(text):
        key = "leader of " + " ".join(normalize(m["group"]))
        found[key] = (" ".join(normalize(m["name"])),
                      Cue(kind="attribute", text=m.group(0).strip(), start=m.start(),
                          end=m.end()))  # fmt: skip
    return found


def attribute_signal(a: Claim, b: Claim) -> list[Signal]:
    leaders_a, leaders_b = leaders(a.text), leaders(b.text)
    for key in sorted(leaders_a.keys() & leaders_b.keys()):
        (value_a, cue_a), (value_b, cue_b) = leaders_a[key], leaders_b[key]
        if value_a != value_b and value_a not in value_b and value_b not in value_a:
            return [Signal(ConflictKind.ATTRIBUTE, 0.6,
                           f'Two values for the {key}: "{cue_a.text}" / "{cue_b.text}"',
                           (cue_a,), (cue_b,))]  # fmt: skip
    return []
