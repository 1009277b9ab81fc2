"""Speaker resolution inside one source: a mention becomes an actor of the registry, a new
actor, or an unnamed one; "he", "the group", "the activist" and "another" point back to
whoever spoke or was named before."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from claimtrack.actors import ActorMatch, ActorRegistry, guess_kind, is_unnamed, split_title
from claimtrack.actors.names import is_title, repaired_name
from claimtrack.attribution.antecedents import person_name, with_appositions
from claimtrack.attribution.descriptions import described_person, poll_asked, resolution_pattern
from claimtrack.attribution.groups import described_speaker, group, group_before, member
from claimtrack.attribution.people import people_named, quoted_spans
from claimtrack.attribution.pronouns import document_author, pronoun, speaking_document
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import Attribution, count_words, whole_word
from claimtrack.attribution.speaker_phrases import (
    SpeakerPhrase,
    generic_organisation,
    one_described_person,
    other_given_name,
    part_of_name,
    shortened_description,
    split_mention,
)
from claimtrack.model import Actor, ActorKind, Source, slugify
from claimtrack.resources import cached, load
from claimtrack.text import Segment, fold

__all__ = ["PRONOUN", "Speakers"]

_GENERIC_GROUP = pattern("generic_group")
_GENERIC_DOCUMENT = pattern("generic_document")
_ROLE_IN_GROUP = pattern("role_in_group")
PRONOUN = pattern("pronoun")
_ANOTHER = pattern("another")
_ONE_OF_A_KIND = pattern("one_of_a_kind")
_DEFINITE_DESCRIPTION = pattern("definite_description")
_NAME_QUALIFIER = pattern("name_qualifier")
# Mechanical: a capital letter, a folded word.
_CAPITAL = re.compile(r"[A-Z]")
_LOWER_WORD = re.compile(r"[a-z]+")


class Speakers:
    """Speaker resolution inside one source: who was introduced, who spoke last."""

    def __init__(self, registry: ActorRegistry, source: Source, text: str,
                 segments: Sequence[Segment]) -> None:  # fmt: skip
        self.registry = registry
        self.source = source
        self.text = text
        self.starts = [s.start for s in segments]  # the source's sentences, split once
        self.introduced: list[Actor] = []
        self.recent: list[Actor] = []
        self.last_spoke = -1  # where the latest speaker's sentence begins
        # Everyone who has spoken so far, the latest last, with the role words the article
        # described them by ("activist", "official"), for "the activist" to point back to.
        self.described: dict[str, tuple[Actor, frozenset[str]]] = {}
        self.people = with_appositions(text, people_named(text))
        self.quoted = quoted_spans(text)
        self.spoken_in: dict[int, Actor] = {}  # the latest speaker of each sentence, by start
        self.genders: dict[str, str] = {}  # what "he" or "she" has stood for, by actor id
        self.surnames: dict[str, Actor] = {}  # whom a surname alone has stood for

    def sentence_starts(self, position: int, count: int) -> list[int]:
        """Where the last ``count`` sentences beginning before ``position`` begin."""
        before = bisect.bisect_left(self.starts, position)
        return self.starts[max(0, before - count) : before]

    def spoke(self, actor: Actor, sentence_start: int) -> None:
        """Note that ``actor`` is the speaker of the sentence beginning at ``sentence_start``."""
        self.recent.append(actor)
        self.last_spoke = sentence_start
        # The sentence's first speaker is its subject ("Carson turned the story back,
        # pointing out that the paper's reporter had reported ...").
        self.spoken_in.setdefault(sentence_start, actor)

    def continued(self, previous: Actor | None, sentence_start: int) -> Actor | None:
        """Who says a quote that stands alone after an attribution: the speaker before it,
        or, when that attribution named nobody, whoever spoke in the sentence before."""
        if previous is not None:
            return previous
        before = self.sentence_starts(sentence_start, 1)
        return self.spoken_in.get(before[0]) if before else None

    def remember(self, actor: Actor) -> Actor:
        if actor not in self.introduced:
            self.introduced.append(actor)
        return actor

    def mentioned(
        self, start: int, end: int, kind: ActorKind = ActorKind.ORGANIZATION
    ) -> list[tuple[int, Actor]]:
        """The known actors of one kind named between two offsets, by position."""
        found = []
        folded = fold(self.text[start:end])
        for actor in self.registry:
            if actor.kind is not kind:
                continue
            for name in actor.names:
                at = whole_word(fold(name)).search(folded)
                if at and len(name) > 2:
                    found.append((start + at.start(), actor))
        return sorted(found, key=lambda pair: pair[0])

    def resolve(
        self, mention: SpeakerPhrase, attribution: Attribution, position: int
    ) -> Actor | None:
        head = mention.head
        if not head and attribution.source is not None:
            # "... at a news conference at which he predicted": the clause's pronoun speaks.
            start, end = attribution.source
            found = resolution_pattern("pronoun_ending_a_clause").search(self.text, start, end)
            if found is not None and found.end() == end:
                return pronoun(self, found["pronoun"].lower(), found.start("pronoun"))
        if not head:
            return None
        if PRONOUN.match(head):
            start = attribution.source[0] if attribution.source else position
            author = document_author(self, start) if head.lower() == "it" else None
            if author and not PRONOUN.match(split_mention(author).head):
                return self.resolve(split_mention(author), attribution, position)
            referent = pronoun(self, head.lower(), start, attribution.hearer)
            # Only an "it" that opens its sentence or speaks a quote: mid-sentence ("after it
            # announced a breach") it is as often the group as the document before.
            opens = self.text[position:start].strip() in ("", "And", "But")
            speaks = opens or attribution.direct
            document = speaking_document(self, start) if head.lower() == "it" and speaks else None
            if referent is None and document:
                return described_speaker(self, document, position)  # "It says" of a memo
            return referent
        if _GENERIC_GROUP.match(head):
            return group(self, attribution, position) or described_speaker(self, head, position)
        if generic_organisation(head):
            # "The company reported": the business named before, else one left unnamed.
            return group(self, attribution, position) or self.unnamed(head.lower())
        if (role := _ROLE_IN_GROUP.match(head)) and (
            owner := group_before(self, attribution, position)
        ):
            return self.describe(member(self, owner, role["role"].lower()), head)
        if _GENERIC_DOCUMENT.match(head):
            named = [a for a in self.recent if a.kind is not ActorKind.UNNAMED]
            return named[-1] if named else described_speaker(self, head, position)
        # "the bespectacled 71-year-old diplomat" points back as "the diplomat" does.
        short = shortened_description(head)
        short = short if one_described_person(short) else head  # "the senior sources": many
        if (antecedent := self._antecedent(short, position)) is not None:
            return antecedent
        # Not in a relative clause ("X, the nominee, who has called"): often no statement.
        where = None if attribution.antecedent else attribution.source
        at = self.text.find(head, where[0]) if where else -1
        if person := described_person(self, head, max(at, position), position):
            return self.describe(self.remember(person), head)  # "the Florida senator"
        if (poll := poll_asked(self, head, max(at, position))) is not None:
            return self._poll(poll)  # "In a CNN/ORC poll, 38 percent of voters said"
        if (other := self._another(head)) is not None:
            return self.describe(other, other.name)
        if is_unnamed(head) or is_unnamed(mention.head.split(" who ")[0]):
            description = head if mention.description is None else f"{head}, {mention.description}"
            return self.describe(self.unnamed(head, description), head)
        # "his best friend at Lehigh, Bruce Turry": the name after the description.
        described, _, last = (mention.description or "").rpartition(", ")
        lower = head[:1].islower()  # not "Robert Stone, a voter from Greenville, South Carolina"
        if lower and described and person_name(last) and 1 < count_words(last) < 4:
            return self.named(last, f"{head} {described}")
        # "the survey", "his brother": a speaker the text describes, left unnamed.
        return self.named(head, mention.description) or described_speaker(self, head, position)

    def named(self, head: str, description: str | None, kind: ActorKind | None = None
               ) -> Actor | None:  # fmt: skip
        """The actor a name stands for: a known one, else a new one."""
        match = self._resolve_name(head)
        if match is not None:
            actor = match.actor
            if description and not actor.description:
                actor = attrs.evolve(actor, description=description)
                self.registry.add(actor)
            return self.describe(self.remember(actor), head, description)
        title, name = split_title(head)
        if not _CAPITAL.search(name) or count_words(name) > 8:
            return None
        name = repaired_name(name)  # "SarukhÃ¡n" is "Sarukhán"
        # The title is what the article says the speaker is: "Secretary of State".
        actor = Actor.named(
            name,
            kind=kind or guess_kind(name, description),
            description=description or title or None,
        )
        self.registry.add(actor)
        return self.describe(self.remember(actor), head)

    def _poll(self, name: str) -> Actor:
        """The poll a share of people answered: named by who ran it, else left unnamed."""
        if not name[:1].isupper():
            return self.unnamed(name)  # "exit polls"
        actor = self.registry.get(slugify(name)) or Actor.named(name, kind=ActorKind.ORGANIZATION)
        return self.remember(self.registry.add(actor))

    def describe(self, actor: Actor, *words_about: str | None) -> Actor:
        """Note the role words ``actor`` was described by, as the latest speaker."""
        text = " ".join(filter(None, (*words_about, actor.description)))
        roles = _role_words() & frozenset(_LOWER_WORD.findall(fold(text)))
        _, before = self.described.pop(actor.id, (actor, frozenset()))
        self.described[actor.id] = (actor, before | roles)
        return actor

    def roles_of(self, actor: Actor | None) -> frozenset[str]:
        """The role words ("activist", "official") the article has described ``actor`` by."""
        if actor is None or actor.id not in self.described:
            return frozenset()
        return self.described[actor.id][1]

    def _another(self, head: str) -> Actor | None:
        """Whom "another" (or "a second") stands for after one unnamed speaker: '"...,"
        complains one rebel commander. ... Another says' -> another rebel commander."""
        if _ANOTHER.fullmatch(head) is None:
            return None
        for actor in reversed(self.recent):
            one = _ONE_OF_A_KIND.match(actor.name)
            if actor.kind is ActorKind.UNNAMED and one is not None:
                kind = one["kind"]
                return self.unnamed(f"another {kind}", f"another {kind}")
        return None

    def _antecedent(self, head: str, position: int) -> Actor | None:
        """Whom a definite description ("the activist", "the official") points back to: the
        last speaker described by that noun, if there is one."""
        m = _DEFINITE_DESCRIPTION.match(head)
        if m is None:
            return None
        noun = fold(m["noun"])
        # "The activists said" of one activist: the plural of a noun the article used.
        forms = {noun, noun.removesuffix("s")} if len(noun) > 4 else {noun}
        for actor, roles in reversed(self.described.values()):
            if forms & roles:
                return actor
        # "President Barack Obama ... Obama said. ... the president added": one of the
        # latest speakers, whom the article gave that title.
        titled = {
            fold(p.name.split()[-1])
            for p in self.people
            if p.start < position and forms & set(p.title.split())
        }
        for actor in reversed(self.recent[-3:]):
            if actor.kind is ActorKind.PERSON and fold(actor.name.split()[-1]) in titled:
                return actor
        return None

    def _resolve_name(self, head: str) -> ActorMatch | None:
        """The head as written, then shorter forms of it: 'Sen. Lindsey Graham of South
        Carolina' -> 'Lindsey Graham'; 'Russian President Vladimir Putin' -> 'Vladimir Putin';
        'Secretary of State John Kerry' -> 'John Kerry'."""
        candidates = [head]
        short = _NAME_QUALIFIER.split(head)[0]
        given: dict[str, str] = {}  # a surname tried alone, and the given name before it
        # "Sen. Ben Cardin of Maryland": not "Maryland"; "Secretary of State John Kerry": yes.
        for phrase in (short, head) if is_title(short) else (short,):
            words = phrase.split()
            candidates += [" ".join(words[i:]) for i in range(len(words))]
            if len(words) > 1 and part_of_name(words[-2]):
                given[words[-1]] = words[-2]
        for candidate in dict.fromkeys(candidates):
            if not candidate[:1].isupper() and candidate is not head:
                continue
            match = self.registry.resolve(candidate, introduced=self.introduced)
            if match is None or other_given_name(given.get(candidate), match.actor):
                continue
            if match.method == "surname":
                # A surname alone keeps the person it first stood for: "Trump" stays Donald
                # after his daughter Ivanka Trump is introduced.
                actor = self.surnames.setdefault(fold(candidate), match.actor)
                return attrs.evolve(match, actor=actor)
            return match
        return None

    def unnamed(
        self, name: str, description: str | None = None, affiliation: str | None = None
    ) -> Actor:
        """The unnamed speaker ``name`` of this source (of the page, for a piece of one)."""
        scope = self.source.parent or self.source.id
        actor = Actor(
            id=f"{scope}:{slugify(name)[:60]}",
            name=name,
            kind=ActorKind.UNNAMED,
            description=description or name,
            affiliation=affiliation,
        )
        return self.registry.add(actor)


@cached  # built from the lexicons in force
def _role_words() -> frozenset[str]:
    """Words an article calls someone by when it refers back to them ("the activist")."""
    speakers = load("reporting")["speakers"]
    return frozenset(w for w in (*speakers["unnamed_heads"], *speakers["roles"]) if len(w) > 3)
