"""Whom "he" or "she" stands for in one source: the nearest sentence that names a person
who fits (the gender a given name, a title or an earlier pronoun says), its speaker first,
then its subject; names inside quotes and someone's someone ("Trump's chairman") are not.

The functions read the state of a source's speaker resolution (who spoke in which sentence,
the people the text names), as the :class:`Speakers` protocol says."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Protocol

from claimtrack.actors import is_unnamed, speaker_class, speaker_vocabulary
from claimtrack.actors.names import NAME_PARTICLE
from claimtrack.actors.vocabulary import institution_words
from claimtrack.attribution.people import Person, gender_of_name, title_gender
from claimtrack.attribution.resolution_patterns import resolution_pattern
from claimtrack.attribution.rules import pattern
from claimtrack.model import Actor, ActorKind
from claimtrack.resources import cached, load
from claimtrack.text import fold


class Speakers(Protocol):
    """What these functions read of a source's speaker resolution (speaker_resolution.py)."""

    text: str
    people: tuple[Person, ...]
    quoted: tuple[tuple[int, int], ...]
    spoken_in: dict[int, Actor]
    genders: dict[str, str]

    def sentence_starts(self, position: int, count: int) -> list[int]: ...

    def remember(self, actor: Actor) -> Actor: ...

    def named(
        self, head: str, description: str | None, kind: ActorKind | None = None
    ) -> Actor | None: ...

    def mentioned(
        self, start: int, end: int, kind: ActorKind = ActorKind.ORGANIZATION
    ) -> list[tuple[int, Actor]]: ...


__all__ = [
    "Speakers",
    "gender",
    "he_or_she",
    "may_be",
    "may_be_of",
    "nearest_person",
    "one_unnamed_person",
    "person_name",
    "pronoun_gender",
    "with_appositions",
]

_ONE_UNNAMED_PERSON = pattern("one_unnamed_person")


def gender(speakers: Speakers, actor: Actor) -> str | None:
    return speakers.genders.get(actor.id) or (
        gender_of_name(actor.name) if actor.kind is ActorKind.PERSON else None
    )


def pronoun_gender(pronoun: str) -> str:
    """The gender ("m", "f") that "he" or "she" says its person has."""
    return "m" if pronoun == "he" else "f"


def one_unnamed_person(actor: Actor) -> bool:
    """Whether an unnamed actor is one person: "a former senior official".  Not one
    described with "the" ("the Ohio governor"): that is most often someone named before,
    whom "he" should reach (PolNeAR folds 2-4: "he" went from the named person to the
    description in 25 of 46 changed spans)."""
    return _ONE_UNNAMED_PERSON.fullmatch(actor.name) is not None


def may_be(speakers: Speakers, actor: Actor, pronoun: str) -> bool:
    """Whether "he" or "she" can stand for ``actor``: one person, of no other gender."""
    return may_be_of(speakers, actor, pronoun_gender(pronoun))


def may_be_of(speakers: Speakers, actor: Actor, wanted: str | None) -> bool:
    """Whether ``actor`` is one person, of no other gender than ``wanted`` (None: any)."""
    if actor.kind not in (ActorKind.PERSON, ActorKind.UNKNOWN) and not one_unnamed_person(actor):
        return False
    said = gender(speakers, actor)
    return said is None or wanted is None or said == wanted


def he_or_she(speakers: Speakers, pronoun: str, position: int, hearer: str = "") -> Actor | None:
    """The person "he" or "she" stands for: the nearest sentence, this one first, that
    names someone it fits (its speaker first, then the first person it names, its
    subject), up to two sentences back; a sentence where the same pronoun comes first
    carries on someone named further back.  '... the French ambassador, François
    Delattre, uttered a stage whisper. "...," he said' -> Delattre, not an earlier
    speaker; '... a resident named Caroline. "...," she said' -> Caroline.  Never the
    ``hearer`` of the pronoun's own cue: in '"...," he told Hannity', he is not Hannity."""
    carried = re.compile(rf"\b{pronoun}\b", re.IGNORECASE)
    return nearest_person(speakers, pronoun_gender(pronoun), position, carried, not_to(hearer))


def not_to(hearer: str) -> Callable[[Person | Actor], bool]:
    """Whether someone is not the ``hearer`` a statement was made to (by surname)."""
    told = fold(hearer).split()[-1:]
    return lambda who: not told or fold(who.name).split()[-1:] != told


def nearest_person(
    speakers: Speakers,
    wanted: str | None,
    position: int,
    carried: re.Pattern[str] | None = None,
    fits: Callable[[Person | Actor], bool] = lambda who: True,
) -> Actor | None:
    """The person named nearest before ``position`` who may be of the gender ``wanted``
    (None: either) and ``fits``, as :func:`he_or_she` finds them; a sentence where
    ``carried`` comes before anyone is named carries on someone named further back."""
    starts = speakers.sentence_starts(position, 3)
    if not starts:
        return None  # the text opens with the mention: nobody came before it
    ends = [*starts[1:], position]
    for begin, end in zip(reversed(starts), reversed(ends), strict=True):
        speaker = speakers.spoken_in.get(begin)
        if speaker is not None and may_be_of(speakers, speaker, wanted) and fits(speaker):
            return speaker
        found = carried.search(speakers.text, begin, end) if carried else None
        whose = False
        owners: list[Person] = []  # "Justice Scalia's comments": him, if nobody else
        for at, who in _people_in(speakers, begin, end):
            if found is not None and found.start() < at:
                break
            if isinstance(who, Actor):
                if may_be_of(speakers, who, wanted) and fits(who):
                    return speakers.remember(who)
            elif who.possessive and _someones_someone(speakers.text, who.end):
                whose = True  # "Trump's Indiana chairman, Rex Early, ...": not Trump
            elif who.possessive:
                owners.append(who)
            elif (actor := _person(speakers, who, wanted, fits)) is not None:
                return actor
        if whose:
            return None  # the sentence is about someone's someone, left unnamed
        for owner in owners:
            if (actor := _person(speakers, owner, wanted, fits)) is not None:
                return actor
    return None


def _person(
    speakers: Speakers, who: Person, wanted: str | None, fits: Callable[[Person | Actor], bool]
) -> Actor | None:
    """The actor of a person the text names, if they may be of the gender wanted and fit."""
    if who.gender not in (None, wanted) and wanted is not None:
        return None
    actor = speakers.named(who.name, None, ActorKind.PERSON)
    if actor is None or not may_be_of(speakers, actor, wanted) or not fits(who):
        return None
    if who.gender:
        speakers.genders.setdefault(actor.id, who.gender)
    return actor


def _people_in(speakers: Speakers, begin: int, end: int) -> list[tuple[int, Actor | Person]]:
    """The people named between two offsets: those the article names (people.py) and
    the known persons of the registry, by position."""
    people = [p for p in speakers.people if begin <= p.start < end]
    found: list[tuple[int, Actor | Person]] = [(p.start, p) for p in people]
    # A person found in the text says more (a gender) than a known actor at one place.
    taken = [(p.start, p.end) for p in people]
    found += [
        (at, actor)
        for at, actor in speakers.mentioned(begin, end, ActorKind.PERSON)
        if person_name(actor.name)
        and speakers.text[at : at + 1].isupper()
        and not any(s <= at < e for s, e in taken)
    ]
    return sorted(
        (pair for pair in found if not _in_quote(speakers, pair[0])), key=lambda pair: pair[0]
    )


def with_appositions(text: str, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """``people`` (those people.py finds) and the people appositions name that it missed,
    for a given name it does not know: "Dottie Deans, the chairwoman of the Vermont
    Democratic Party" is a person, whom a later "she" may stand for."""
    taken = [(p.start, p.end) for p in people]
    found = list(people)
    for m in resolution_pattern("apposition_person").finditer(text):
        start, end = m.span("name")
        noun = m["description"].split()[-1]
        if any(s < end and start < e for s, e in taken) or speaker_class(noun) != "people":
            continue
        if not person_name(m["name"]) or speaker_class(m["name"].split()[-1]) is not None:
            continue
        words = {fold(w) for w in m["name"].split()}
        before = text[max(0, start - 4) : start]
        if words & institution_words() or before.endswith((", ", "in ", "of ", "'s ", "’s ")):
            continue  # "Greenville, South Carolina, the", "parent company, United Technologies"
        if any(fold(p.name.split()[-1]) == fold(m["name"].split()[-1]) for p in people):
            continue  # someone people.py knows by that surname: theirs
        found.append(Person(start, end, m["name"], title_gender(noun), title=m["description"]))
    return tuple(sorted(found, key=lambda p: p.start))


def _someones_someone(text: str, end: int) -> bool:
    """Whether a possessive name is followed by a person of theirs ("Trump's Indiana
    chairman", "Clinton's husband"), not a thing ("Justice Scalia's comments", "Trump's
    inexperience"), which leaves the sentence about them."""
    after = _WORDS_AFTER.match(text, end)
    words = []
    for word in after.group(0).split() if after else []:
        if fold(word) in _prepositions():
            break  # "Scalia's comments to reporters": the thing is the comments
        words.append(word)
    return any(speaker_class(w) == "people" for w in words)


@cached  # read once, not for each possessive name
def _prepositions() -> frozenset[str]:
    return frozenset(speaker_vocabulary()["not_speakers"]["prepositions"])


# Mechanical: up to three words after a name, to the next punctuation.
_WORDS_AFTER = re.compile(r"(?:['’]s?)?(?:[ \t]+[\w-]+){1,3}")


def _in_quote(speakers: Speakers, position: int) -> bool:
    at = bisect.bisect_right(speakers.quoted, (position, len(speakers.text))) - 1
    return at >= 0 and speakers.quoted[at][0] < position < speakers.quoted[at][1]


def person_name(name: str) -> bool:
    """Whether an actor's name is written as a person's: capitalised words (or particles),
    no function word, no description ("Applicants", "Throughout the debate")."""
    words = name.split()
    return (
        bool(words)
        and not {fold(w) for w in words} & _stopwords()
        and all(w[:1].isupper() or re.fullmatch(NAME_PARTICLE, w) for w in words)
        and not is_unnamed(name)
    )


@cached  # built from the lexicons in force
def _stopwords() -> frozenset[str]:
    """Function words, which no person's name is made of ("But", "The Internet")."""
    return frozenset(load("stopwords")["words"])
