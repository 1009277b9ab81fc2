"""Whom a definite description of one person ("the senator", "the Florida senator", "the
billionaire businessman") stands for: a person the article named before it.

A person the description stands in apposition to ("Lloyd Grove, the Daily Beast editor");
else, when the noun is no unnamed source's ("the official" is most often someone left
unnamed), the person "he" would find (:func:`~claimtrack.attribution.antecedents.nearest_person`)
among those who carry that title or no other ("Sen. Ted Cruz" or "Ted Cruz" ... "the
senator", not "Gov. Chris Christie"); else the nearest person the article gave the title.
So an untitled person nearer than the titled one wins: measured on PolNeAR folds 2-4, 58
of 70 changed speakers were right.  The words (titles written short, nouns a title is a
kind of) are data: ``resources/resolution.toml`` [descriptions].
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.attribution.antecedents import Speakers, nearest_person
from claimtrack.attribution.people import Person, title_gender
from claimtrack.attribution.resolution_patterns import resolution_pattern
from claimtrack.attribution.speaker_phrases import one_described_person
from claimtrack.model import Actor, ActorKind
from claimtrack.resources import cached, load
from claimtrack.text import fold

__all__ = ["described_person", "poll_asked", "resolution_pattern"]

# Mechanical: a folded word.
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def described_person(speakers: Speakers, head: str, at: int, sentence: int) -> Actor | None:
    """The person named before ``at`` (where ``head`` is, in the sentence beginning at
    ``sentence``) whom ``head``, a definite description of one person, stands for, or None
    when the article says nothing clear."""
    noun = _person_noun(head)
    if noun is None:
        return None
    gender = title_gender(noun)
    parties = _parties(head)
    before = speakers.text[max(sentence, at - 80) : at] if at > sentence else ""
    for person in speakers.people:
        # "Lloyd Grove, the Daily Beast editor, ...": an apposition names the person.
        if sentence <= person.start < at and before.endswith(
            speakers.text[person.start : person.end] + ", "
        ):
            return speakers.named(person.name, None, ActorKind.PERSON)
    accepted = _kinds().get(noun, frozenset()) | {noun}

    def fits(who: Person | Actor) -> bool:
        # A named person (not "a reporter"), not titled otherwise: "Gov. Chris Christie" is
        # not "the senator", nor "Libertarian nominee Gary Johnson" "the Republican nominee".
        if isinstance(who, Actor) and who.kind is not ActorKind.PERSON:
            return False
        title = (who.title if isinstance(who, Person) else "") or _title_of(speakers, who.name)
        words = _title_words(title)
        if noun in _table()["party_members"]:
            return not _other_party(parties, title)  # "Rep. Trey Gowdy": a Republican
        return (not words or bool(words & accepted)) and not _other_party(parties, title)

    if noun not in _table()["unnamed_nouns"] and noun not in _unnamed_heads():
        # The person "he" would find, among those who fit.
        nearest = nearest_person(speakers, gender, sentence, fits=fits)
        if nearest is not None:
            return nearest
    if noun in _table()["party_members"]:
        return None  # every Republican the article names is titled so
    titled = [
        p
        for p in speakers.people
        if p.start < sentence
        and _title_words(p.title) & accepted
        and (gender is None or p.gender in (None, gender))
        and not _other_party(parties, p.title)
    ]
    # "Sen. Ted Cruz ... the senator": the nearest person the article gave the title.
    return speakers.named(titled[-1].name, None, ActorKind.PERSON) if titled else None


def _parties(words: str) -> frozenset[str]:
    """The parties a description or a title names: "the Republican nominee" -> republican."""
    table = _table()["parties"]
    return frozenset(table[w] for w in _LOWER_WORD.findall(fold(words)) if w in table)


def _other_party(parties: frozenset[str], title: str) -> bool:
    """Whether a title names a party and none of ``parties`` (which names one)."""
    theirs = _parties(title)
    return bool(parties and theirs and not parties & theirs)


def poll_asked(speakers: Speakers, head: str, at: int) -> str | None:
    """The poll a share of people ("38 percent of voters") answered: the last one named
    in its sentence before it or in the sentence before, without its article ("In a
    CNN/ORC International Poll the same month, 38 percent of voters said" -> "CNN/ORC
    International Poll"), or None."""
    if resolution_pattern("share_of_people").match(head) is None:
        return None
    begin = (speakers.sentence_starts(at, 2) or [0])[0]
    polls = list(resolution_pattern("poll_named").finditer(speakers.text, begin, at))
    for found in reversed(polls):
        words = found["poll"].split()
        # "A new Bloomberg poll": the article (capitalised opening the sentence) and
        # lower-case words before who ran it; "New York Times" keeps its "New".
        while (
            words
            and fold(words[0]) in _table()["poll_openers"]
            and (words[0].islower() or fold(words[0]) in _table()["capitalised_poll_openers"])
        ):
            words = words[1:]
        if len(words) > 1 and (
            words[0][:1].isupper() or fold(words[0]) in _table()["named_in_lower_case"]
        ):
            return " ".join(words)  # not "The poll" alone: which one is not said here
    return None


def _person_noun(head: str) -> str | None:
    """The head noun of a definite description of one person: "the Florida senator" ->
    "senator"; "the Wisconsin Republican" -> "republican"; None for anything else."""
    words = head.split()
    if len(words) < 2 or fold(words[0]) not in _definite_openers():
        return None
    noun = fold(words[-1])
    if noun in _table()["plural_nouns"]:
        return None  # "the women say": more than one
    if noun in _table()["party_members"]:
        return noun  # "the Wisconsin Republican": capitalised, yet a description
    if noun in _table()["person_nouns"] and not words[-1][:1].isupper():
        return noun  # "the billionaire", "the actress"
    return noun if one_described_person(head) else None


def _title_words(title: str) -> frozenset[str]:
    """The words of a title, those written short spelled out: "sen." -> {"senator"}."""
    short, honorifics = _table()["abbreviations"], _table()["honorifics"]
    words = _LOWER_WORD.findall(fold(title))
    return frozenset(short.get(w, w) for w in words if w not in honorifics)


def _title_of(speakers: Speakers, name: str) -> str:
    """The title the article gave the person of that name where it named them, else ''."""
    surname = fold(name.split()[-1]) if name.split() else ""
    for person in speakers.people:
        if person.title and fold(person.name.split()[-1]) == surname:
            return person.title
    return ""


@cached  # built from the lexicons in force
def _table() -> dict[str, Any]:
    """[descriptions], its word lists as sets; what a user's replacement of the lexicon
    leaves out is empty, so that descriptions then point back to nobody."""
    given = load("resolution").get("descriptions", {})
    table: dict[str, Any] = {key: given.get(key, {}) for key in _MAPS}
    table |= {key: frozenset(given.get(key, ())) for key in _WORD_LISTS}
    return table


_MAPS = ("abbreviations", "kinds", "parties")
_WORD_LISTS = ("person_nouns", "party_members", "unnamed_nouns", "plural_nouns", "honorifics",
               "poll_openers", "capitalised_poll_openers", "named_in_lower_case")  # fmt: skip


@cached  # built from the lexicons in force
def _kinds() -> dict[str, frozenset[str]]:
    """The titles a noun covers: "lawmaker" -> senator, representative, ..."""
    return {noun: frozenset(titles) for noun, titles in _table()["kinds"].items()}


@cached  # built from the lexicons in force
def _unnamed_heads() -> frozenset[str]:
    return frozenset(load("reporting")["speakers"]["unnamed_heads"])


@cached  # built from the lexicons in force
def _definite_openers() -> frozenset[str]:
    return frozenset(load("reporting")["speakers"]["definite_openers"])
