"""Mentions: the actors a text names, found under any of their spellings, with their spans.

Every name of every known actor is turned into its transliteration key, a sequence of word
keys; a text is cut into words once (with their offsets), each word keyed, and the longest
run of word keys that is some actor's name wins.  So "Abou Mohamed al-Golani" is found as
the actor of "Abu Mohammad al-Jolani", and a lookup costs a few dictionary reads per word
whatever the number of actors.  A name is a name only when written as one: its first word
capitalised, an acronym ("IS", "JN") in capitals; a person's surname alone ("Lister") counts
only in a text that introduced that person.

>>> from claimtrack.model import Actor, ActorKind
>>> finder = MentionFinder([
...     Actor.named("Abu Mohammad al-Jolani", kind=ActorKind.PERSON, aliases=["Jolani"]),
...     Actor.named("Islamic State", kind=ActorKind.ORGANIZATION, aliases=["IS"]),
... ])
>>> [(m.text, m.actor) for m in finder.find("attended by Abou Mohamed al-Golani, who is not IS")]
[('Abou Mohamed al-Golani', 'abu-mohammad-al-jolani'), ('IS', 'islamic-state')]
>>> [(m.text, m.start, m.end) for m in finder.find("They met al-Golani's men")]
[('al-Golani', 9, 18)]
>>> finder.find("Mohammad met them"), len(finder.find("Mohammad met them", introduced=["x"]))
([], 0)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator
from functools import cache
from typing import NamedTuple

import attrs

from claimtrack.actors.names import is_title
from claimtrack.actors.vocabulary import speaker_vocabulary
from claimtrack.model import Actor, ActorKind, Mention
from claimtrack.resources import Resources, active
from claimtrack.text import Transliterator, fold, transliterator

__all__ = ["Introduced", "MentionFinder", "find_mentions"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}")
_ARTICLE = transliterator().article
_JOIN = re.compile(rf"(?i)[\s-]+(?:{_ARTICLE.joined_pattern}[\s-]+)?")
_LONGEST = 8
"""Names of more words than this are not looked for (none of a real catalogue is longer)."""


class _Word(NamedTuple):
    key: str
    start: int
    end: int
    capital: bool  # starts with a capital letter
    acronym: bool  # written in capitals
    title: bool  # a title ("President", "Mr."), which a surname may follow


@attrs.frozen
class _Entry:
    actor: str
    acronym: bool  # the name is an acronym: only its capitals name it
    surname: bool  # a person's last name alone: only where the person was introduced


_Spelling = tuple[str, int, bool, bool, bool] | None
"""What a written word is: its key, its length without a possessive, capital, acronym,
title; None for an article."""


class MentionFinder:
    """Finds the actors of ``actors`` (all but unnamed sources) in texts.

    Where two actors share a name's key, the one listed first keeps it (pass a catalogue's
    actors before the ones extraction found).
    """

    def __init__(self, actors: Iterable[Actor], *, resources: Resources | None = None) -> None:
        self._translit: Transliterator = transliterator(resources or active())
        self._spellings: dict[str, _Spelling] = {}
        self._names: dict[tuple[str, ...], _Entry] = {}
        surnames: dict[tuple[str, ...], _Entry] = {}
        for actor in actors:
            if actor.kind is ActorKind.UNNAMED:
                continue
            for name in actor.names:
                words = self._words(name)
                key = tuple(w.key for w in words)
                if not self._written_as_name(words):
                    continue
                acronym = len(words) == 1 and words[0].acronym
                self._names.setdefault(key, _Entry(actor.id, acronym, surname=False))
                if actor.kind is ActorKind.PERSON and len(key) >= 2 and words[-1].capital:
                    surnames.setdefault(key[-1:], _Entry(actor.id, False, surname=True))
        for key, entry in surnames.items():
            self._names.setdefault(key, entry)
        # The longest name starting with each word key: most words start none.
        self._reach: dict[str, int] = {}
        for key in self._names:
            self._reach[key[0]] = max(self._reach.get(key[0], 0), len(key))

    def __len__(self) -> int:
        return len(self._names)

    def mentionable(self, actor: Actor) -> list[str]:
        """The names of ``actor`` that a text can mention: none of an unnamed source (a
        description, "several", "a senior official", of one article's speaker), and of
        the others those written as names ("Wow" or "The most" is not one)."""
        if actor.kind is ActorKind.UNNAMED:
            return []
        return [name for name in actor.names if self._written_as_name(self._words(name))]

    def _written_as_name(self, words: list[_Word]) -> bool:
        return 0 < len(words) <= _LONGEST and _looks_like_a_name(words, _not_names(self._translit))

    def _spelling(self, raw: str) -> _Spelling:
        found = self._spellings.get(raw, False)
        if found is False:
            bare = _POSSESSIVE.sub("", raw)  # "al-Rashidi's": the name ends before 's
            folded = fold(bare)
            found = None
            if folded and folded not in self._translit.articles:
                found = (self._translit.word(folded), len(bare), bare[:1].isupper(),
                         _ACRONYM.fullmatch(bare) is not None,
                         is_title(bare))  # fmt: skip
            if len(self._spellings) < 65536:
                self._spellings[raw] = found
        return found  # type: ignore[return-value]

    def _words(self, text: str) -> list[_Word]:
        """The words of ``text`` that are not articles, keyed, with their offsets."""
        words = []
        for match in _WORD.finditer(text):
            spelling = self._spelling(match.group())
            if spelling is not None:
                key, length, capital, acronym, title = spelling
                start = match.start()
                words.append(_Word(key, start, start + length, capital, acronym, title))
        return words

    def find(self, text: str, *, introduced: Container[str] = ()) -> list[Mention]:
        """The mentions of known actors in ``text``, in text order, none overlapping.

        ``introduced`` are the ids of the people already named in full where the text comes
        from (its article): only their surnames alone are mentions.
        """
        return [
            Mention(actor=entry.actor, text=text[start:end], start=start, end=end)
            for entry, _, start, end in self._scan(text, introduced)
        ]

    def introduced(self, text: str) -> set[str]:
        """The ids of the actors ``text`` names by a name of two words or more: the people
        whose surname alone is a mention afterwards."""
        return {entry.actor for entry, length, _, _ in self._scan(text, ()) if length >= 2}

    def _scan(self, text: str, introduced: Container[str]
              ) -> Iterator[tuple[_Entry, int, int, int]]:  # fmt: skip
        """Each name found: its entry, how many words, and its span in ``text``."""
        if not self._names:
            return
        words = self._words(text)
        index = 0
        while index < len(words):
            entry, length = self._longest_name(text, words, index, introduced)
            if entry is None:
                index += 1
                continue
            start, end = words[index].start, words[index + length - 1].end
            yield entry, length, _with_article(text, start), end
            index += length

    def _longest_name(self, text: str, words: list[_Word], index: int,
                      introduced: Container[str]) -> tuple[_Entry | None, int]:  # fmt: skip
        first = words[index]
        reach = self._reach.get(first.key, 0) if first.capital else 0
        for length in range(min(reach, len(words) - index), 0, -1):
            entry = self._names.get(tuple(w.key for w in words[index : index + length]))
            if entry is None:
                continue
            if entry.acronym and not first.acronym:
                continue
            if entry.surname and not _surname_here(text, words, index, entry, introduced):
                continue
            return entry, length
        return None, 0


@cache
def _not_names(translit: Transliterator) -> frozenset[str]:
    """The keys of words no name starts with, though an extracted actor may be called so
    ("He's", "Thursday", "Of course"): the pronouns and the capitalised words that are not
    names of the attribution vocabulary."""
    vocabulary = speaker_vocabulary()
    words = [*vocabulary["speaker_nouns"]["pronouns"], *vocabulary["not_speakers"]["capitalised"]]
    return frozenset(translit.word(_POSSESSIVE.sub("", fold(w))) for w in words)


def _looks_like_a_name(words: list[_Word], not_names: frozenset[str]) -> bool:
    """Whether an actor's name is written as a name: its first word capitalised ("The
    state" is not), not starting with a pronoun or a word that starts sentences ("Of
    course"); an acronym is a name ("IS")."""
    first = words[0]
    return first.capital and (first.acronym or first.key not in not_names)


def _surname_here(text: str, words: list[_Word], index: int, entry: _Entry,
                  introduced: Container[str]) -> bool:  # fmt: skip
    """Whether a surname alone names its person here: the person was introduced, and the word
    is not the end of another name ("Ahrar al-Sham" is not "Muzamjar al-Sham")."""
    if entry.actor not in introduced:
        return False
    if not index:
        return True
    before = words[index - 1]
    joined = _JOIN.fullmatch(text, before.end, words[index].start) is not None
    return not joined or not before.capital or before.title


# "al Rashid" and "al-Rashid", but "as-Salam" only joined: "as Shaykh Ayman" is English.
_ARTICLE_BEFORE = re.compile(
    rf"(?i)\b(?:{_ARTICLE.apart_pattern}[-\s]|{_ARTICLE.joined_pattern}-)$"
)


def _with_article(text: str, start: int) -> int:
    """The start of a name with the Arabic article written before it ("al-Golani")."""
    found = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    return found.start() if found else start


class Introduced(Container[str]):
    """The people introduced in a text (see :meth:`MentionFinder.introduced`), plus those
    ``known`` to be (its speakers), worked out only when a surname alone asks: most texts
    never do."""

    def __init__(self, known: Iterable[str], read: Callable[[], Iterable[str]]) -> None:
        self._known = set(known)
        self._read: Callable[[], Iterable[str]] | None = read

    def add(self, actor: str) -> None:
        self._known.add(actor)

    def __contains__(self, actor: object) -> bool:
        if actor not in self._known and self._read is not None:
            self._known |= set(self._read())
            self._read = None
        return actor in self._known


def find_mentions(text: str, actors: Iterable[Actor]) -> list[Mention]:
    """The actors of ``actors`` that ``text`` names (see :class:`MentionFinder`)."""
    return MentionFinder(actors).find(text)
