"""What the phrase in a speaker's place says: its head (a name or a noun), what the article
says the speaker is ("a fellow at the Middle East Institute"), and the chain the statement
came through ("cited by Reuters")."""

from __future__ import annotations

import re
from typing import Any

import attrs

from claimtrack.actors import (
    NAME_PARTICLE,
    OUTLET_NOUN,
    is_unnamed,
    speaker_class,
    speaker_vocabulary,
)
from claimtrack.actors.names import description_head, is_title
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.speakers import joined_adjectives, names_someone, speaker_in_span
from claimtrack.attribution.validation import speaker_part
from claimtrack.model import Actor
from claimtrack.resources import cached, load
from claimtrack.text import fold, transliterator
from claimtrack.time.finder import find_times

__all__ = [
    "NAME_WORD",
    "SpeakerPhrase",
    "generic_organisation",
    "one_described_person",
    "other_given_name",
    "outlet_name",
    "part_of_name",
    "shortened_description",
    "split_mention",
]

_ROLE_NOUNS = pattern("role_nouns")
_HEAD_TAIL = pattern("head_tail")
_TIME_TAIL = pattern("time_tail")


NAME_WORD = rf"(?:[A-Z][\w'’.-]*|{NAME_PARTICLE})"


_APPOSITION_COMMA = pattern("apposition_comma")


@attrs.frozen
class SpeakerPhrase:
    head: str
    description: str | None
    via: tuple[str, ...]


_LEADING_CONJUNCTION = pattern("leading_conjunction")
# A share of a group is one phrase: "Six in 10 Virginia voters" is not "Six" in a place.
_SHARE_OF_TEN = pattern("share_of_ten")
_PRONOUN_CONTRACTION = pattern("pronoun_contraction")
_CITED_BY = pattern("cited_by")
_AUTHOR_AFTER_TIME = pattern("author_after_time")
_NAME_AFTER_ROLE = pattern("name_after_role", name_word=NAME_WORD)
_ROLE_BEFORE_NAME = pattern("role_before_name", name_word=NAME_WORD)
_OUTLET_DESCRIBED = pattern("outlet_described", name_word=NAME_WORD, outlet_noun=OUTLET_NOUN)
_TRAILING_ADVERBS = pattern("trailing_adverbs")
# Mechanical: a dash with spaces around it, not the hyphen of a name ("Jean-Marie").
_DASH_APPOSITION = re.compile(r"\s+(?:-{1,2}|[—–])\s+")
# Mechanical: brackets and quote marks around or inside a head are no part of a name.
_BRACKETED = re.compile(r"\s*[(\[].*?[)\]]\s*")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")


@cached  # built from the lexicons in force
def _outlet_particle() -> re.Pattern[str]:
    return pattern("outlet_particle", article=transliterator().article.apart_pattern)


def split_mention(mention: str) -> SpeakerPhrase:
    """'Charles Lister, a Senior Fellow at the Middle East Institute' -> head and description;
    'sources in the group cited by Reuters' -> head and the chain."""
    # Markup, a dateline, the phrase about the occasion before the speaker are no part of it.
    # The noun phrase after the clause a span ran on into: "If Sanders would debate, de Blasio".
    mention = speaker_in_span(mention) or joined_adjectives(speaker_part(mention, names_someone))
    via: list[str] = []
    cited = _CITED_BY.search(mention)
    if cited:
        via.append(outlet_name(cited.group(1)))
        mention = mention[: cited.start()]
    # A time ends the mention ("officials on Tuesday"), unless the author comes after it:
    # "a statement released Tuesday afternoon by the agency".
    for start, end, _expression in reversed(find_times(mention)):
        if start > 0 and not mention[start:end].isupper():  # "USA TODAY" is a name
            author = _AUTHOR_AFTER_TIME.match(mention[end:])
            mention = mention[:start].rstrip() + (mention[end:] if author else "")
    mention = _ROLE_NOUNS.sub("", mention)
    mention = _TIME_TAIL.sub("", mention).strip(" ,")
    # An apposition set off by dashes is one set off by commas: "Jane Doe - his co-host -".
    mention = _DASH_APPOSITION.sub(", ", mention.rstrip(" -—–"), count=1)
    head, description = (*_APPOSITION_COMMA.split(mention, maxsplit=1), "")[:2]
    if description.lower().startswith(("who ", "which ")):
        description = ""  # a clause about the speaker, not what the speaker is
    if (tail := _HEAD_TAIL.search(head)) and not _SHARE_OF_TEN.match(head):
        # "an official source at the Foreign Ministry": the head names the speaker, the
        # place or employer describes it.
        head = head[: tail.start()]
        description = ", ".join(p for p in (tail.group(0).strip(" ,"), description) if p)
    # "the head of the group's media office, Jane Doe": the name is the speaker.
    name_after = _NAME_AFTER_ROLE.fullmatch(description.strip())
    if head[:1].islower() and name_after:
        head, description = name_after.group(1).strip(), head
    # "the journalist Jane Doe": a lowercase role before a name.
    role_name = _ROLE_BEFORE_NAME.fullmatch(head)
    if role_name:
        head, description = role_name.group(2).strip(), (description or role_name.group(1).strip())
    # "the state-run Ria news agency": the outlet's name, and what the article says it is.
    outlet = _OUTLET_DESCRIBED.fullmatch(head)
    if outlet:
        head = outlet.group(2).strip()
        what = f"{outlet.group(1)}{outlet.group(3)}"
        description = ", ".join(p for p in (what, description) if p)
    head = _BRACKETED.sub(" ", head)
    head = _QUOTE_MARKS.sub("", head).strip(" ,.'")
    # "When Trump", "As House Speaker Paul Ryan": a conjunction is no part of the name.
    head = _LEADING_CONJUNCTION.sub("", head)
    head = _TRAILING_ADVERBS.sub("", head)
    if contracted := _PRONOUN_CONTRACTION.fullmatch(head):
        head = contracted["pronoun"]  # "He’s (arguing)": the pronoun speaks
    described: str | None = description.strip(" ,.") or None
    return SpeakerPhrase(head=head, description=described, via=tuple(via))


def outlet_name(text: str) -> str:
    """'London-based Arabic newspaper Asharq al-Awsat' -> 'Asharq al-Awsat'."""
    text = text.strip(" ,.")
    words = text.split()
    tail: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or _outlet_particle().match(word.lower()):
            tail.insert(0, word)
        else:
            break
    while tail and tail[0].lower() in ("of", "the", "de"):
        tail.pop(0)
    return " ".join(tail) if tail else text


def shortened_description(head: str) -> str:
    """A definite description of someone by its article and head noun alone, the words
    before the noun left out: 'the bespectacled 71-year-old diplomat' -> 'the diplomat'.
    Any other head is returned as it is."""
    words = head.split()
    if (
        len(words) < 3
        or fold(words[0]) not in _speakers()["definite_openers"]
        or any(w[:1].isupper() for w in words[1:])
        or description_head(f" {head} ") != f" {head} "  # "the author of the book"
        or not is_unnamed(head)
    ):
        return head
    return f"{words[0]} {words[-1]}"


def one_described_person(name: str) -> bool:
    """Whether an unnamed actor's name describes one person, whom "he" or "she" may stand
    for: "the businessman", "the 46-year-old" (not "the judges", "the company")."""
    words = fold(name).split()
    return (
        len(words) > 1
        and words[0] in _speakers()["definite_openers"]
        and not words[-1].endswith("s")
        and not name.split()[-1][:1].isupper()  # "The Federalist": a name
        and not any(_POSSESSIVE.search(w) for w in words)  # "the group's director"
        and words[-1] not in _speakers()["not_one_person"]
        and not _other_class(words[-1])  # "the newspaper" ends as "designer" does
        and description_head(f" {fold(name)} ") == f" {fold(name)} "
        and speaker_class(words[-1]) in _speakers()["described_classes"]
    )


_POSSESSIVE = re.compile(r"['’]s$")


def _other_class(noun: str) -> bool:
    """Whether a noun is listed as a body, an outlet, a government or a document."""
    nouns = speaker_vocabulary()["speaker_nouns"]
    return any(noun in words for kind, words in nouns.items() if kind not in ("people", "pronouns"))


def generic_organisation(head: str) -> bool:
    """Whether the head is what an article calls an organisation it has named, as "the
    group" is: "the company", "the firm" (``reporting.toml`` [speakers])."""
    words = fold(head).split()
    return (
        len(words) == 2
        and words[0] in _speakers()["definite_openers"]
        and words[1] in _speakers()["organisation_nouns"]
    )


def _speakers() -> dict[str, Any]:
    return dict(load("reporting")["speakers"])


def part_of_name(word: str) -> bool:
    """Whether ``word`` is a capitalised word and no title: a given name, say."""
    return word[:1].isupper() and not is_title(word)


def other_given_name(given: str | None, actor: Actor) -> bool:
    """Whether a full name ``actor`` has gives another given name than ``given``: "Freddy
    Ortega" is not the "German Ortega" named before, though "Donald Trump" is the "Trump"."""
    names = [fold(n).split() for n in actor.names]
    full = [words for words in names if len(words) > 1]
    return given is not None and bool(full) and all(fold(given) not in w for w in full)
