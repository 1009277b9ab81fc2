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
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz, process

from claimtrack.actors.names import strip_title
from claimtrack.errors import InputError
from claimtrack.model import Actor, ActorKind, Rename, slugify
from claimtrack.resources import Names, Resources, active
from claimtrack.text import fold, transliteration_key

__all__ = ["DEFAULT_THRESHOLD", "ActorMatch", "ActorRegistry"]

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
