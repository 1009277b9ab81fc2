"""Whether the phrase an attribution layout found where its speaker goes names a speaker.

A speaker is a person, a group, an organisation, an outlet, a government, a document or a
described unnamed source; a clause ("Congress significantly boosted funding levels"), an
event or the weather ("a heavy snowfall") or a fragment of a page's interface never is.  The
words that decide are data (``resources/attribution/vocabulary.toml``).

>>> is_speaker("a senior U.S. official"), is_speaker("a heavy snowfall")
(True, False)
>>> is_speaker("Congress significantly boosted funding levels")
False
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import Any

from claimtrack.actors import speaker_class, speaker_vocabulary
from claimtrack.attribution.cues import cue_table
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.validation import (
    SUBJECT_PRONOUNS,
    refusing_shape,
    shapes_resource,
    speaker_part,
)
from claimtrack.resources import cached
from claimtrack.text import fold, transliterator

__all__ = [
    "is_speaker",
    "joined_adjectives",
    "names_someone",
    "speaker_class",
    "speaker_in_span",
    "vocabulary",
]


def vocabulary() -> dict[str, Any]:
    """The attribution vocabulary (``resources/attribution/vocabulary.toml``), parsed."""
    return speaker_vocabulary()


@cache
def _not_speakers() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in vocabulary()["not_speakers"].items()}


@cache
def _glued() -> re.Pattern[str]:
    """A page's buttons glued to a word: "Igor BobicFlagShareLikeReply"."""
    words = "|".join(map(re.escape, _not_speakers()["interface"]))
    return re.compile(rf"(?:[a-z\d](?:{words})|(?:{words})[A-Z\d])")


# The phrase that describes the head ("sources in the ministry", "the head of the office").
_HEAD_ENDS = pattern("head_ends")
_RELATIVE = pattern("relative_clause")
_COORDINATE_ADJECTIVES = pattern("coordinate_adjectives")
_LEADING_RELATIVE = pattern("leading_relative")
# Compiled once: extraction runs these on every speaker, and the re module's cache is shared
# with the sentence splitter's many patterns.  Mechanical shapes of words (no word list):
_POSSESSIVE = re.compile(r"['’]s$")
_VERB_FORM = re.compile(r"[a-z]+(?:ed|s)")
_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing")
_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[\w%][\w'’.%-]*")


def names_someone(chunk: str) -> bool:
    """Whether a chunk's head part holds a name, a pronoun or a speaker noun."""
    head_part = _HEAD_ENDS.split(f" {chunk} ", maxsplit=1)[0]
    capitalised = _not_speakers()["capitalised"]
    pronouns = frozenset(vocabulary()["speaker_nouns"]["pronouns"])
    for word in _WORD.findall(head_part):
        word = word.rstrip(".")
        if (
            word[:1].isupper()
            and word not in capitalised
            and _POSSESSIVE.sub("", word) not in capitalised
        ):
            return True
        if fold(word) in pronouns or speaker_class(word) is not None:
            return True
    return False


def joined_adjectives(mention: str) -> str:
    """'the bespectacled, 71-year-old diplomat' is one noun phrase: the comma between its
    adjectives goes when the words before it name nobody (no apposition follows them)."""
    found = _COORDINATE_ADJECTIVES.match(mention)
    if found is None or names_someone(mention[: found.start("comma")]):
        return mention
    return mention[: found.start("comma")] + mention[found.end("comma") :]


def _subject_and_verb(words: list[str]) -> bool:
    """Whether the words hold a subject (a name or pronoun, perhaps with an adverb after it)
    followed by a verb in -s or -ed: "Trump despises", "It stands", "He also hosts"."""
    capitalised = _not_speakers()["capitalised"]
    pronouns = frozenset(vocabulary()["speaker_nouns"]["pronouns"])
    not_verbs = _not_speakers()["not_verbs"]
    subject = False
    for k, word in enumerate(words):
        folded = fold(word)
        verb_like = folded.endswith(("ed", "s")) and len(folded) > 3 and word[:1].islower()
        # A plural before a speaker noun, or itself one, is a noun, not a verb: "House
        # ethics investigators", "Abortion rights advocates"; not after "he": "He also hosts",
        # nor a verb of the cue vocabulary: "Trump slams reporters".
        head_noun = (
            (
                (k + 1 < len(words) and speaker_class(words[k + 1]) is not None)
                or speaker_class(word) is not None
            )
            and not any(fold(w) in pronouns for w in words[:k])
            and folded not in cue_table()[1]
        )
        if (
            subject
            and verb_like
            and not (folded.endswith("s") and head_noun)
            and not _POSSESSIVE.search(word)
            and folded not in not_verbs
            # A noun of someone ("supporters") is no verb, but after a subject pronoun it is
            # one: "She offers reasonableness" (an agent ending, "-ers", misleads).
            and (speaker_class(word) is None or fold(words[k - 1]) in SUBJECT_PRONOUNS)
        ):
            return True
        if subject and (folded.endswith("ly") or folded in _not_speakers()["adverbs"]):
            continue
        subject = folded in pronouns or (word[:1].isupper() and word not in capitalised)
    return False


def _chunk_names_speaker(chunk: str, *, strict: bool) -> bool:
    """Whether one comma-separated chunk of a mention is a noun phrase naming someone."""
    banned = _not_speakers()
    words = _LEADING_RELATIVE.sub("", chunk).split()
    while len(words) > 1 and fold(words[-1]) in banned["clause_words"]:
        words.pop()  # "she has (said)", "he will (say)": the verb group of the cue
    if not words:
        return False
    first = _RELATIVE.split(f" {' '.join(words)} ", maxsplit=1)[0].split()
    # A capitalised word before another is part of a name, not a verb: "Rep. Will Hurd".
    lowered = [
        "" if w[:1].isupper() and k + 1 < len(first) and first[k + 1][:1].isupper() else fold(w)
        for k, w in enumerate(first)
    ]
    if any(w in banned["clause_words"] for w in lowered[1:]):
        return False  # "the truce begins on Saturday and was": a clause
    if any(
        a.endswith("ly") and len(a) > 5 and _VERB_FORM.fullmatch(b) and speaker_class(b) is None
        for a, b in pairwise(lowered)
    ):
        return False  # "Congress significantly boosted funding levels"
    # "Lashing out", "Take a look": a clause without its subject; "Schilling" alone, a name.
    participle = _PARTICIPLE.fullmatch(words[0]) is not None and len(words) > 1
    if strict and (participle or words[0] in banned["verbs"]):
        return False
    if strict and any(w in banned["verbs"] for w in lowered[1:]):
        return False  # "Biden grew up": a clause
    if strict and fold(words[0]) in banned["prepositions"]:
        return False  # "In a two-minute response": a phrase about the occasion
    if strict and _subject_and_verb(first):
        return False  # "He extolled the virtues of Vermont": a clause
    if fold(words[-1]) in banned["open_endings"]:
        return False  # "Patriot failed as": goes on past the cue
    return names_someone(" ".join(words))


@cached  # per lexicons in force (reporting.toml); the same few speakers come back
def is_speaker(mention: str, *, strict: bool = False) -> bool:
    """Whether ``mention`` (the text where a layout puts the speaker) names one.

    ``strict`` also refuses a phrase that begins with a preposition ("In a two-minute
    response") or holds a subject and its verb ("He extolled the virtues of Vermont"), as an
    actor's name must not.  Finding attributions does without: there, such a span most often
    runs on from the speaker into the clause before, and on PolNeAR refusing it costs .016
    of source recall for .009 of precision.
    """
    mention = " ".join(mention.split()).strip(" \"'“”‘’()[],.;:—–-")
    if not _LETTER.search(mention) or mention in _not_speakers()["labels"]:
        return False
    scopes = ("spans", "actors") if strict else ("spans",)
    if refusing_shape(mention, scopes=scopes, names_someone=names_someone) is not None:
        return False  # a shape of speaker_shapes.toml: a label, an opening phrase, markup
    if _glued().search(mention):
        return False  # "Igor BobicFlagShareLikeReply...": a page's buttons
    if strict:
        return _names_actor(mention) or _speaker_in_span(mention) is not None
    return any(_chunk_names_speaker(chunk, strict=False) for chunk in mention.split(", "))


def _names_actor(mention: str) -> bool:
    """The strict test of a whole mention: its speaker part is a noun phrase naming someone."""
    mention = joined_adjectives(speaker_part(mention, names_someone))  # "At the rally, he"
    # An actor is named by the head of the mention ("Jane Smith, a fellow"), or by the name
    # after a role ("the head of the media office, Jane Doe").
    chunks = [c for i, c in enumerate(mention.split(", ")) if i == 0 or (i == 1 and _is_name(c))]
    return any(_chunk_names_speaker(chunk, strict=True) for chunk in chunks)


# Where a span's parts meet: a comma, or a dash with spaces around it ("Reynolds - his
# co-host -"); mechanical.
_PART_BREAK = re.compile(r",\s+|\s+(?:-{1,2}|[—–])\s+")


def speaker_in_span(mention: str) -> str | None:
    """The part of a span that names its speaker when the whole span does not: the phrase
    before an apposition set off by dashes, or the noun phrase the span ends with after the
    clause or phrase it ran on into (``[speaker_in_span]`` of ``speaker_shapes.toml``).
    None when the whole span names the speaker, or no part does.

    >>> speaker_in_span("If Sanders would debate on April 14, de Blasio")
    'de Blasio'
    >>> speaker_in_span("Jane Doe") is None
    True
    """
    mention = " ".join(mention.split()).strip(" ,;:—–-")
    if _names_actor(mention):
        return None
    return _speaker_in_span(mention)


@cached  # per lexicons in force
def _speaker_in_span(mention: str) -> str | None:
    table = shapes_resource()["speaker_in_span"]
    relatives = frozenset(table["relatives"])
    breaks = list(_PART_BREAK.finditer(mention))
    candidates = [mention[: b.start()] for b in breaks[:1] if not b.group(0).startswith(",")]
    words = mention.split()
    if words and fold(words[-1]) not in relatives:  # "FIFA, who (said)": not the speaker
        starts = [0, *(b.end() for b in breaks)]
        # Not the apposition of a name before it: "Jane Roe, a Dutch associate".
        candidates += [
            mention[b.end() :]
            for b, start in zip(breaks, starts, strict=False)
            if not _plain_name(mention[start : b.start()])
        ]
    for candidate in candidates:
        head = _PART_BREAK.split(candidate, maxsplit=1)[0].split()
        if (
            not head
            or len(head) > table["max_words"]
            or (head[0].islower() and head[0].endswith("ing"))  # "featuring Hispanics"
            or any(fold(w).strip("()[]\"'“”‘’") in relatives for w in candidate.split())
            or refusing_shape(candidate, scopes=("spans", "actors"), names_someone=names_someone)
            or not _names_actor(candidate)
        ):
            continue
        return joined_adjectives(speaker_part(candidate, names_someone))
    return None


def _plain_name(chunk: str) -> bool:
    """Whether a chunk is a name and nothing more, no weekday or month ("Friday")."""
    capitalised = _not_speakers()["capitalised"]
    return _is_name(chunk) and not any(w.strip(".,") in capitalised for w in chunk.split())


def _is_name(chunk: str) -> bool:
    words = chunk.split()
    article = transliterator().article.apart  # "al-Sham": the article before a name
    return 0 < len(words) <= 6 and all(
        w[:1].isupper() or w.partition("-")[0] in article for w in words
    )
