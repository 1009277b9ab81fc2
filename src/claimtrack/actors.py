"""ActorRegistry: from a mention in the text to the actor who speaks.

Resolution goes from sure to less sure, and says how it matched: an exact alias (any case),
then the transliteration key (al-/el-, Abu/Abou, Mohammad/Mohamed, Jolani/Golani,
Qaeda/Qaida/Qaedah, Nusra/Nusrah meet on one key), then fuzzy matching of the keys with
rapidfuzz, refused below a threshold rather than latching onto a lookalike.

>>> registry = ActorRegistry([
...     Actor.named("Abu Mohammad al-Jolani", kind=ActorKind.PERSON, aliases=["Jolani"]),
...     Actor.named("al-Qaeda", kind=ActorKind.ORGANIZATION, aliases=["Al Qaeda"]),
... ])
>>> match = registry.resolve("Abou Mohamed al-Golani")
>>> match.actor.name, match.method
('Abu Mohammad al-Jolani', 'transliteration')
>>> registry.resolve("Al-Qaedah").actor.id
'al-qaeda'
>>> registry.resolve("Hillary Clinton") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files as package_files
from itertools import pairwise
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz, process

from claimtrack.errors import InputError
from claimtrack.model import Actor, ActorKind, Rename, slugify
from claimtrack.resources import Names, Resources, active, cached, load
from claimtrack.text import fold, transliteration_key

__all__ = [
    "ActorMatch",
    "ActorRegistry",
    "guess_kind",
    "is_unnamed",
    "merge_actors",
    "organization_words",
    "speaker_class",
    "speaker_vocabulary",
    "split_title",
    "strip_title",
]

DEFAULT_THRESHOLD = 90.0
"""Fuzzy scores (0-100) below this are refused."""


@attrs.frozen
class ActorMatch:
    """A resolved mention: the actor, how sure (0-100), and how it matched."""

    actor: Actor
    score: float
    method: str  # alias, transliteration, fuzzy, surname, new

    def why(self) -> str:
        """One sentence saying how the mention was matched."""
        return f"matched {self.actor.name!r} by {self.method} (score {self.score:.0f})"


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


def _words_of_kind(kind: str) -> frozenset[str]:
    words = _actor_words()[kind]
    return words | organization_words() if kind == "organisation" else words


def _institution_words() -> frozenset[str]:
    """Words that make a name an institution's, not a person's ("General Motors Co.")."""
    return _words_of_kind("organisation") | _words_of_kind("government") | _words_of_kind("outlet")


def strip_title(name: str) -> str:
    """'Sen. Lindsey Graham' -> 'Lindsey Graham'; titles are not part of a name, nor are the
    quotation marks of 'activist “Muzamjar al-Sham”' (a pseudonym)."""
    return split_title(name)[1]


def is_unnamed(mention: str) -> bool:
    """Whether a mention describes a speaker without naming one ("a senior U.S. official",
    "opposition sources", "one of the sources")."""
    words = fold(mention).split()
    if not words:
        return False
    heads = set(load("reporting")["speakers"]["unnamed_heads"])
    if words[0] in (
        "a",
        "an",
        "one",
        "another",
        "some",
        "several",
        "many",
        "two",
        "three",
        "few",
        "most",
        "other",
        "these",
        "those",
    ):
        return True
    # The head noun comes before any prepositional phrase: "sources in the ministry".
    before_preposition = re.split(
        r"\s(?:in|of|from|at|within|inside|close to|familiar with|"
        r"for|with|who|that)\s",
        " ".join(words),
    )[0].split()
    if len(before_preposition) < len(words):
        words = before_preposition
        mention = " ".join(mention.split()[: len(words)])
    head = re.sub(r"[^a-z]", "", words[-1])
    if len(words) == 1:
        return head in heads
    return head in heads and not any(w[:1].isupper() for w in mention.split()[-1:])


NAME_PARTICLE = (
    r"(?:(?:al|el|ad|as|ash|an|ar|at|az)-[\w'’-]+|al|el|bin|ibn|bint|abu|de|da|del|van|von|der|"
    r"la|le)"
)
"""Lower-case words that belong to a person's name: "al-Sham", "bin", "van"."""


# The word a title ends in ("Russian Foreign Minister", "State Department spokesman"), with
# the portfolios of "Secretary of State" and "Chief of Staff" as part of it.
_TITLE_HEAD = (
    r"(?:mr|mrs|ms|dr|sen|senator|rep|representative|gov|governor|gen|general|col|colonel|lt|"
    r"capt|captain|adm|admiral|brig|sgt|president|premier|chancellor|minister|"
    r"secretary(?:-general)?|spokes(?:man|woman|person)|adviser|advisor|ambassador|envoy|"
    r"commander|leader|chief|director|chairman|chairwoman|judge|justice|mayor|king|queen|"
    r"prince|princess|emir|sheikh|shaykh|imam|cleric|prof|professor|activist|analyst|blogger|"
    r"journalist|researcher|scholar|lawyer|attorney|historian|economist|founder|editor|"
    r"correspondent|coordinator)\.?"
    r"(?:\s+of\s+(?:the\s+)?(?:state|defen[cs]e|foreign\s+affairs|interior|justice|energy|"
    r"health|commerce|labou?r|education|treasury|agriculture|transportation|homeland\s+security|"
    r"veterans\s+affairs|national\s+intelligence|staff|information|finance|economy|trade|war))?"
)
_NAME_WORD = rf"(?-i:[\"“]?(?:[A-Z][\w.'’-]*|{NAME_PARTICLE})[\"”]?)"
# The longest title that leaves a name of one to four words: "Lt. Gen. Ali Smith".
_TITLED = re.compile(
    rf"(?P<title>(?:\S+\s+)*{_TITLE_HEAD})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})",
    re.IGNORECASE,
)


def split_title(mention: str) -> tuple[str, str]:
    """The title and the name of a mention: ('Secretary of State', 'John Kerry').  The title
    is '' when there is none, or when what would be left is not a person's name ('General
    Motors', 'General Electric Co.').

    >>> split_title("Russian Foreign Minister Sergei Lavrov")
    ('Russian Foreign Minister', 'Sergei Lavrov')
    >>> split_title("General Motors")
    ('', 'General Motors')
    """
    mention = mention.strip()
    m = _TITLED.fullmatch(mention)
    title, name = (m["title"], m["name"]) if m else ("", mention)
    if title and (
        set(re.findall(r"[a-z]+", fold(name))) & _institution_words()
        # "General" spelled out names companies and assemblies as often as officers.
        or (re.search(r"(?i)\bgeneral$", title) and len(name.split()) == 1)
    ):
        title, name = "", mention
    if quoted := re.fullmatch(r"[\"“](?P<name>[^\"“”]+)[\"”]", name):
        name = quoted["name"]  # a pseudonym: 'activist “Muzamjar al-Sham”'
    return title, name


OUTLET_NOUN = r"(?:news\s+agency|newspaper|daily|channel|broadcaster|website)"
"""What an article calls a news outlet: "SANA, the state-run news agency"."""
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
        if (words | phrases) & _words_of_kind(words_of):
            return kind
    if (words | phrases | {folded.removeprefix("the ")}) & _words_of_kind("countries"):
        return ActorKind.GOVERNMENT
    # Lower-case particles belong to names: "Muzamjar al-Sham", "Osama bin Laden".
    names = [w for w in tokens if w[:1].isupper() or re.fullmatch(NAME_PARTICLE, w)]
    if len(tokens) == 1 and _ACRONYM.fullmatch(mention):
        return ActorKind.ORGANIZATION  # an acronym: "FBI", "NATO"
    if 1 <= len(names) <= 4 and len(names) == len(tokens) and names[0][:1].isupper():
        return ActorKind.PERSON  # "Amarnath Amarasingam"; a surname alone: "McCain"
    return _kind_of_role(tokens)


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


class ActorRegistry:
    """Known actors and the names they go by.

    ``threshold`` (0-100) is the lowest fuzzy score accepted; below it a mention is refused
    (``resolve`` returns None) rather than matched to a lookalike.
    """

    def __init__(
        self,
        actors: Iterable[Actor] = (),
        *,
        threshold: float = DEFAULT_THRESHOLD,
        names: Names | None = None,
    ) -> None:
        if not 0 <= threshold <= 100:
            raise ValueError(f"threshold must be within [0, 100], got {threshold}")
        self.threshold = threshold
        self.names = names if names is not None else Names()
        """The story's names (spellings, organisation words) read with the actors."""
        self._actors: dict[str, Actor] = {}
        self._by_alias: dict[str, str] = {}
        # Transliteration keys depend on the rules in force: built per set of resources.
        self._by_key: dict[Resources, dict[str, str]] = {}
        self._merged: tuple[Resources, Names, Resources] | None = None
        for actor in actors:
            self.add(actor)

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Any:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._actors.get(actor_id)

    @property
    def actors(self) -> list[Actor]:
        """Every actor, in the order added."""
        return list(self._actors.values())

    def add(self, actor: Actor) -> Actor:
        """Add (or replace) an actor; its names become aliases to resolve (except an unnamed
        source's: "a senior official" in one article is nobody's name in another)."""
        self._actors[actor.id] = actor
        if actor.kind is ActorKind.UNNAMED:
            return actor
        for name in actor.names:
            self._by_alias.setdefault(fold(name).strip(), actor.id)
        for resources, keys in self._by_key.items():
            self._add_keys(actor, keys, resources)
        return actor

    def extend(self, other: ActorRegistry) -> None:
        """Add every actor of ``other`` that is not known yet, and its story's names."""
        for actor in other:
            if actor.id not in self:
                self.add(actor)
        self.names = self.names | other.names
        self._by_key.clear()

    def resources(self) -> Resources:
        """The resources in force with this registry's story names added: what an analysis
        with these actors runs under."""
        base = active()
        if self._merged is None or self._merged[:2] != (base, self.names):
            self._merged = (base, self.names, base.with_names(self.names))
        return self._merged[2]

    @staticmethod
    def _add_keys(actor: Actor, keys: dict[str, str], resources: Resources) -> None:
        for name in actor.names:
            if key := transliteration_key(name, resources=resources):
                keys.setdefault(key, actor.id)

    def _keys(self, resources: Resources) -> dict[str, str]:
        keys = self._by_key.get(resources)
        if keys is None:
            keys = self._by_key[resources] = {}
            for actor in self._actors.values():
                if actor.kind is not ActorKind.UNNAMED:
                    self._add_keys(actor, keys, resources)
        return keys

    @classmethod
    def from_file(cls, path: str | Path, *, threshold: float = DEFAULT_THRESHOLD) -> ActorRegistry:
        """Load actors from a TOML file of ``[[actors]]`` tables (name, kind, aliases,
        description, affiliation, renames = [{name, on}])."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", location=str(path)) from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"not valid TOML: {exc}", location=str(path)) from exc
        entries = data.get("actors", [])
        if not isinstance(entries, list):
            raise InputError("expected [[actors]] tables", location=str(path))
        actors = [
            _actor_from_table(entry, f"{path}: actors[{i}]") for i, entry in enumerate(entries)
        ]
        names = Names.from_table(data.get("names", {}), where=f"{path}: names")
        return cls(actors, threshold=threshold, names=names)

    @classmethod
    def for_folder(cls, folder: str | Path, *, extra: str | Path | None = None) -> ActorRegistry:
        """The actors of a folder of articles: its ``actors.toml`` if it has one, plus the
        actors of ``extra`` (a file) when given; an empty registry otherwise."""
        registry = cls()
        for path in (Path(folder) / "actors.toml", extra):
            if path is not None and Path(path).is_file():
                registry.extend(cls.from_file(path))
        return registry

    def copy(self) -> ActorRegistry:
        """A registry with the same actors, to add to without changing this one (extraction
        works on a copy, so what it finds in one article does not depend on the others)."""
        copied = ActorRegistry(threshold=self.threshold)
        copied._actors = dict(self._actors)
        copied._by_alias = dict(self._by_alias)
        copied._by_key = dict(self._by_key)
        return copied

    def resolve(self, mention: str, *, introduced: Sequence[Actor] = ()) -> ActorMatch | None:
        """The actor a mention names, or None when no match is sure enough.

        ``introduced`` are the actors already named in the same source, most recent last: a
        surname alone ("Lister") resolves to the full name introduced earlier.
        """
        name = strip_title(mention.strip())
        folded = fold(name).strip()
        if not folded:
            return None
        if folded in self._by_alias:
            return ActorMatch(self._actors[self._by_alias[folded]], 100.0, "alias")
        words = name.split()
        if len(words) == 1 and introduced:
            surname = fold(words[0])
            for actor in reversed(introduced):
                parts = [fold(p) for p in actor.name.split()]
                if actor.kind is ActorKind.PERSON and surname in parts[1:]:
                    return ActorMatch(actor, 95.0, "surname")
        resources = self.resources()
        key = transliteration_key(name, resources=resources)
        if not key:
            return None
        keys = self._keys(resources)
        if key in keys:
            return ActorMatch(self._actors[keys[key]], 98.0, "transliteration")
        if len(key) < 4 or not keys:
            return None
        best = process.extractOne(
            key, keys.keys(), scorer=fuzz.ratio, processor=None, score_cutoff=self.threshold
        )
        if best is None:
            return None
        matched_key, score, _ = best
        return ActorMatch(self._actors[keys[matched_key]], float(score), "fuzzy")

    def why(self, mention: str) -> str:
        """How ``mention`` resolves, in a sentence."""
        match = self.resolve(mention)
        return match.why() if match else f"no actor matches {mention!r} well enough"


def merge_actors(known: Iterable[Actor], found: Iterable[Actor]) -> list[Actor]:
    """The actors of a catalogue (``known``) and those extraction found, one per id, sorted
    by id.  A catalogue's actor wins; among found ones with one id, the one that says most
    (a description, then more aliases), ties broken by value; a catalogued actor without a
    description takes the one an article gives it, so the result does not depend
    on the order the articles were read in.

    >>> a = Actor.named("Sergei Lavrov", kind=ActorKind.PERSON)
    >>> b = attrs.evolve(a, description="Foreign Minister")
    >>> merge_actors([], [a, b]) == merge_actors([], [b, a]) == [b]
    True
    """
    merged = {actor.id: actor for actor in known}
    candidates: dict[str, list[Actor]] = {}
    for actor in found:
        candidates.setdefault(actor.id, []).append(actor)
    for actor_id, actors in candidates.items():
        catalogued = merged.get(actor_id)
        if catalogued is None or catalogued.description is None:
            # An article may describe a catalogued actor the catalogue does not describe.
            merged[actor_id] = min(actors, key=_says_most)
    return [merged[i] for i in sorted(merged)]


def _says_most(actor: Actor) -> tuple[Any, ...]:
    return (
        actor.description is None,
        -len(actor.aliases),
        actor.kind is ActorKind.UNKNOWN,
        actor.description or "",
        actor.name,
        actor.kind.value,
        actor.aliases,
        actor.affiliation or "",
    )


def _actor_from_table(entry: Any, where: str) -> Actor:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise InputError("an actor needs a name", location=where)
    renames_table = entry.get("renames", [])
    named = all(isinstance(r, dict) and isinstance(r.get("name"), str) for r in renames_table)
    if not isinstance(renames_table, list) or not named:
        raise InputError("an actor's renames are tables with a name", location=where)
    try:
        renames = [Rename(name=r["name"], on=_date(r.get("on"))) for r in renames_table]
        return Actor(
            id=entry.get("id") or slugify(entry["name"]),
            name=entry["name"],
            kind=ActorKind(entry.get("kind", "unknown")),
            aliases=tuple(entry.get("aliases", [])),
            description=entry.get("description"),
            affiliation=entry.get("affiliation"),
            renames=renames,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"bad actor: {exc}", location=where) from exc


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
