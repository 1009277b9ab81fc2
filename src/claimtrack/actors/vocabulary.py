"""The words that say what a speaker or an actor is: the attribution vocabulary (speaker
nouns and their classes, agent suffixes, actor words) and the organisation words."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files as package_files
from typing import Any

from claimtrack.resources import active, cached, load
from claimtrack.text import fold

__all__ = [
    "institution_words",
    "organization_words",
    "speaker_class",
    "speaker_vocabulary",
    "words_of_kind",
]


@cached
def organization_words() -> frozenset[str]:
    """The words that make a name an organisation's: ``resources/organizations.toml`` and
    the story's ``[names] organizations`` in force."""
    return frozenset(load("organizations")["words"]) | set(active().names.organizations)


@cache
def _actor_words() -> dict[str, frozenset[str]]:
    """The words that say what kind of actor a name is (the attribution vocabulary)."""
    return {k: frozenset(v) for k, v in speaker_vocabulary()["actor_words"].items()}


@cache
def speaker_vocabulary() -> dict[str, Any]:
    """The words of speakers and actors (``resources/attribution/vocabulary.toml``), parsed:
    read here, below attribution, because naming an actor's kind needs them too."""
    folder = package_files("claimtrack.resources").joinpath("attribution")
    return tomllib.loads(folder.joinpath("vocabulary.toml").read_text(encoding="utf-8"))


def words_of_kind(kind: str) -> frozenset[str]:
    words = _actor_words()[kind]
    return words | organization_words() if kind == "organisation" else words


def institution_words() -> frozenset[str]:
    """Words that make a name an institution's, not a person's ("General Motors Co.")."""
    return words_of_kind("organisation") | words_of_kind("government") | words_of_kind("outlet")


_POSSESSIVE = re.compile(r"['’]s$")
_IES = re.compile(r"ies$")


@cache
def _classes() -> dict[str, str]:
    """Each speaker noun (folded, singular as listed) and its class."""
    nouns: dict[str, list[str]] = speaker_vocabulary()["speaker_nouns"]
    return {fold(word): kind for kind, words in nouns.items() for word in words}


def speaker_class(word: str) -> str | None:
    """The class of a speaker noun ("officials" -> "people", "poll" -> "documents")."""
    folded = fold(word).strip(".'’")
    folded = _POSSESSIVE.sub("", folded)
    classes = _classes()
    suffixes = speaker_vocabulary()["agent_suffixes"]
    if (
        len(folded) >= 6
        and folded not in suffixes["not_people"]
        and any(folded.endswith(suffix) for suffix in suffixes["people"])
    ):
        return "people"
    for form in (folded, folded.removesuffix("s"), folded.removesuffix("es"),
                 _IES.sub("y", folded), folded.rsplit("-", 1)[-1]):  # fmt: skip
        if form in classes:
            return classes[form]
    return None
