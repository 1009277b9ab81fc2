"""The terms a claim is compared by: its text folded, transliteration-keyed, paraphrases read
as one term, lightly stemmed, stop words out, and the names of known actors read as one term
each (``@id``), so that every spelling of an actor matches every other.

>>> normalize("Al-Qaida's fighters are breaking ties")
['qaeda', 'fighter', 'split']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType

from claimtrack.actors.mentions import MentionFinder
from claimtrack.model import Actor
from claimtrack.resources import cached, load
from claimtrack.text import fold, transliteration_key, transliterator

__all__ = ["actor_aliases", "normalize"]


@cached
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])


def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'ties'/'tie', 'breaking'/'break'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalize(text: str, *, aliases: Mapping[str, str] | None = None) -> list[str]:
    """The terms of a text: folded, transliteration-keyed, paraphrases read as one term
    (``resources/paraphrases.toml``: "breaking ties" is "split"), stemmed, stop words out.

    ``aliases`` maps folded names to a canonical token (an actor id), so that "al-Golani" and
    "Abu Mohammad al-Jolani" become the same term.

    >>> normalize("Al-Qaida's fighters are breaking ties")
    ['qaeda', 'fighter', 'split']
    >>> normalize("Golani spoke", aliases={"golani": "@jolani"})
    ['@jolani', 'spoke']
    """
    folded = fold(text)
    if aliases:
        folded = _replace_aliases(folded, aliases)
    folded = _replace_aliases(folded, _paraphrases())
    folded = _THOUSANDS.sub("", folded)  # "22,700" is the number 22700, as "22700" is
    terms = []
    for word in _WORD.findall(folded):
        if word.startswith("@"):
            terms.append(word)
        elif (term := _term(word)) is not None:
            terms.append(term)
    return terms


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD = re.compile(r"@[\w-]+|\d+(?:\.\d+)?|[^\W_]+(?:'[^\W_]+)*")


@cached  # per set of resources in force: the story's spellings change the terms
def _term(word: str) -> str | None:
    """The term a folded word counts as, or None for a stop word (cached: corpora repeat
    their words)."""
    word = re.sub(r"'s$", "", word)
    if any(c.isdigit() for c in word):
        return word  # a number or a code, even "7", is kept whole
    if word in _stopwords() or len(word) < 2 or word in transliterator().article.apart:
        return None
    return _stem(transliteration_key(word) or word)


@cached
def _paraphrases() -> Mapping[str, str]:
    """Every phrase of ``resources/paraphrases.toml`` -> the one term it is read as."""
    terms = load("paraphrases")["terms"]
    return MappingProxyType({fold(p): term for term, phrases in terms.items() for p in phrases})


def actor_aliases(actors: Iterable[Actor]) -> dict[str, str]:
    """The alias map :func:`normalize` takes: every name of every actor that a text can
    mention (folded) -> one term for that actor (``@id``), so that all its names match as
    one word.  An unnamed source of one article ("Several") is no alias in any text."""
    finder = MentionFinder(())
    return {fold(name): f"@{actor.id}" for actor in actors
            for name in finder.mentionable(actor) if _says_something(name)}  # fmt: skip


def _says_something(name: str) -> bool:
    """Whether a name can stand for an actor in a text: not a stop word or a fragment, which
    an extracted speaker sometimes is ("The", "And")."""
    return len(name) > 2 and any(_term(word) is not None for word in _WORD.findall(fold(name)))


def _replace_aliases(folded: str, aliases: Mapping[str, str]) -> str:
    pattern = _alias_pattern(aliases)
    return pattern.sub(lambda m: f" {aliases[m.group(0)]} ", folded)


# The pattern of each read-only alias map in use, by identity: a corpus normalises thousands
# of texts with one map, which must not be sorted and compiled again for each.  Only a
# MappingProxyType is kept (with its pattern, so that its id is not reused while the entry
# lives): it cannot change behind the pattern; any other mapping is compiled afresh.
_ALIAS_PATTERNS: dict[int, tuple[Mapping[str, str], re.Pattern[str]]] = {}
_ALIAS_PATTERNS_KEPT = 16


def _alias_pattern(aliases: Mapping[str, str]) -> re.Pattern[str]:
    entry = _ALIAS_PATTERNS.get(id(aliases))
    if entry is not None and entry[0] is aliases:
        return entry[1]
    pattern = _compiled_alternation(tuple(sorted(aliases, key=len, reverse=True)))
    if isinstance(aliases, MappingProxyType):
        if len(_ALIAS_PATTERNS) >= _ALIAS_PATTERNS_KEPT:
            _ALIAS_PATTERNS.pop(next(iter(_ALIAS_PATTERNS)))
        _ALIAS_PATTERNS[id(aliases)] = (aliases, pattern)
    return pattern


@cache
def _compiled_alternation(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, names)) or "(?!)"  # an empty map replaces nothing
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
