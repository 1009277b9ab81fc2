"""What kind of actor a mention names: a person, an organisation, a government, an outlet,
or an unnamed source."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files as package_files
from itertools import pairwise
from typing import Any

from claimtrack.actors.names import NAME_PARTICLE, OUTLET_NOUN, is_unnamed, split_title
from claimtrack.actors.vocabulary import speaker_class, words_of_kind
from claimtrack.model import ActorKind
from claimtrack.text import fold

__all__ = ["guess_kind", "kind_words"]

_OUTLET_DESCRIPTION = re.compile(rf"(?:the|an?)\s+(?:[\w-]+\s+){{0,3}}{OUTLET_NOUN}")


_NAME_HEAD = re.compile(r"\s(?:of|from|at|in)\s")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,7}")
_DESCRIPTION_HEAD = re.compile(r"\s(?:at|of|in|for|from|with|who|which|that)\s")


def guess_kind(mention: str, description: str | None = None) -> ActorKind:
    """A best guess at what kind of actor a new mention names, helped by what the article
    says it is.

    >>> guess_kind("SANA"), guess_kind("SANA", "the state-run news agency")
    (<ActorKind.ORGANIZATION: 'organization'>, <ActorKind.OUTLET: 'outlet'>)
    >>> guess_kind("the State Department"), guess_kind("McCain")
    (<ActorKind.GOVERNMENT: 'government'>, <ActorKind.PERSON: 'person'>)
    >>> guess_kind("Poll"), guess_kind("The Monmouth Poll"), guess_kind("Larry Page")
    (<ActorKind.UNNAMED: 'unnamed'>, <ActorKind.UNNAMED: 'unnamed'>, <ActorKind.PERSON: 'person'>)
    """
    if is_unnamed(mention):
        return ActorKind.UNNAMED
    if description and (kind := _kind_of_description(description)) is not None:
        return kind
    # "Robert Antonacci of the New York delegation": the name is the head.
    mention = _NAME_HEAD.split(mention.strip(), maxsplit=1)[0] or mention
    folded = fold(mention).strip()
    words = set(folded.replace("-", " ").split()) | {folded}
    words |= {w.removesuffix("s") for w in words if len(w) > 4}
    phrases = {" ".join(pair) for pair in pairwise(folded.split())}
    title, _ = split_title(mention)
    tokens = mention.split()
    if title or _kind_of_role(tokens) is ActorKind.PERSON:
        return ActorKind.PERSON
    for kind, words_of in ((ActorKind.OUTLET, "outlet"), (ActorKind.GOVERNMENT, "government"),
                           (ActorKind.ORGANIZATION, "organisation")):  # fmt: skip
        if (words | phrases) & words_of_kind(words_of):
            return kind
    if (words | phrases | {folded.removeprefix("the ")}) & words_of_kind("countries"):
        return ActorKind.GOVERNMENT
    if (kind := _kind_of_shape(mention)) is not None:
        return kind
    # Lower-case particles belong to names: "Abu Karim al-Dimashqi", "Ludwig van Beethoven".
    names = [w for w in tokens if w[:1].isupper() or re.fullmatch(NAME_PARTICLE, w)]
    if speaker_class(tokens[-1] if tokens else "") == "documents" and (
        len(tokens) == 1 or fold(tokens[0]) in ("the", "a", "an")
    ):
        # "Poll: Trump a big turnoff ...", "The Monmouth Poll": a headline's document, not
        # a person ("Larry Page", "Sarah Story").
        return ActorKind.UNNAMED
    if len(tokens) == 1 and _ACRONYM.fullmatch(mention):
        return ActorKind.ORGANIZATION  # an acronym: "FBI", "NATO"
    if 1 <= len(names) <= 4 and len(names) == len(tokens) and names[0][:1].isupper():
        return ActorKind.PERSON  # "Amarnath Amarasingam"; a surname alone: "McCain"
    if tokens and fold(tokens[-1]) in _words_of("people", "roles"):
        return ActorKind.UNNAMED  # "The NFL legend": a person the article does not name
    return _kind_of_role(tokens)


def _kind_of_role(tokens: list[str]) -> ActorKind:
    """A role before a name is a person ("MSNBC reporter Alex Seitz-Wald"); a role alone,
    people of a kind ("Young white women")."""
    for index, token in enumerate(tokens):
        if token[:1].islower() and speaker_class(token) == "documents" and index == len(tokens) - 1:
            return ActorKind.UNNAMED  # "The April survey": a document of nobody named
        if token[:1].islower() and speaker_class(token) == "people":
            rest = tokens[index + 1 :]
            if rest and all(w[:1].isupper() or re.fullmatch(NAME_PARTICLE, w) for w in rest):
                return ActorKind.PERSON
            if not rest:
                return ActorKind.UNNAMED
    return ActorKind.UNKNOWN


def _kind_of_description(description: str) -> ActorKind | None:
    """The kind the article's words for an actor give: "the state-run news agency" (an
    outlet), "a fellow at the Middle East Institute" (a person)."""
    if _OUTLET_DESCRIPTION.fullmatch(fold(description)):
        return ActorKind.OUTLET
    head = _DESCRIPTION_HEAD.split(f" {fold(description)} ")[0]
    words = head.split()
    if not words or words[0] not in ("a", "an", "the"):
        return None
    kind = speaker_class(words[-1])
    return {
        "people": ActorKind.PERSON,
        "outlets": ActorKind.OUTLET,
        "governments": ActorKind.GOVERNMENT,
        "organisations": ActorKind.ORGANIZATION,
    }.get(kind or "")


@cache
def kind_words() -> dict[str, Any]:
    """The words of ``resources/attribution/actor_kinds.toml``, parsed."""
    folder = package_files("claimtrack.resources").joinpath("attribution")
    return tomllib.loads(folder.joinpath("actor_kinds.toml").read_text(encoding="utf-8"))


@cache
def _words_of(table: str, key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in kind_words()[table][key])


_NUMBER = re.compile(r"\d[\d,.]*%?")
_POSSESSOR = re.compile(r".+['’]s?$")


def _is_share(words: list[str]) -> bool:
    """A share of a group: "Seventy-two percent", "About four out of 10 voters"."""
    qualifiers, numbers = _words_of("shares", "qualifiers"), _words_of("shares", "numbers")
    while words and (words[0] in qualifiers or " ".join(words[:2]) in qualifiers):
        words = words[2:] if " ".join(words[:2]) in qualifiers else words[1:]
    if not words:
        return False
    first = words[0].split("-")
    return bool(_NUMBER.fullmatch(words[0])) or all(part in numbers for part in first)


def _kind_of_shape(mention: str) -> ActorKind | None:
    """The kind a speaker's shape gives when no word of an institution does: a share or a
    group of people (unnamed), several actors (a group), a person named with a role."""
    folded = fold(mention).strip()
    words = folded.split()
    if not words:
        return None
    if _is_share(words):
        return ActorKind.UNNAMED
    parts = [f" {folded} ".split(j) for j in _words_of("groups", "joiners")]
    joined = any(len(p) > 1 and all(side.strip() for side in p) for p in parts)
    if joined and words[0] not in ("the", "a", "an"):
        return ActorKind.GROUP  # "Sanders and Clinton"; not "the senator and candidate"
    tokens = mention.split()
    plurals = _words_of("groups", "plurals")
    for index, word in enumerate(words):
        if word in plurals or " ".join(words[index : index + 2]) in plurals:
            rest = tokens[index + 1 :]
            if not rest or not all(w[:1].isupper() for w in rest):
                return ActorKind.UNNAMED  # "Democrats", "more traditional Republicans"
    roles = _words_of("people", "roles")
    for index, token in enumerate(tokens[:-1]):
        pair = fold(" ".join(tokens[max(0, index - 1) : index + 1]))
        role = fold(token).strip(",") in roles or pair in roles or speaker_class(token) == "people"
        if role or _POSSESSOR.fullmatch(token):
            rest = [w for w in tokens[index + 1 :] if fold(w) not in ("the", "rev.")]
            if 1 <= len(rest) <= 4 and all(_name_word(w) for w in rest) and rest[0][:1].isupper():
                return ActorKind.PERSON  # "the paper's Robert Costa", "frontman Anthony Kiedis"
    if words[0] == "the" and len(tokens) == 2 and _ACRONYM.fullmatch(tokens[1]):
        return ActorKind.ORGANIZATION  # "the EPA"
    if (
        len(tokens) <= 4
        and re.fullmatch(NAME_PARTICLE, tokens[0])
        and all(w[:1].isupper() for w in tokens[1:])
    ):
        return ActorKind.PERSON  # "al Ashry"
    return None


def _name_word(word: str) -> bool:
    return word[:1].isupper() or bool(re.fullmatch(NAME_PARTICLE, word))
