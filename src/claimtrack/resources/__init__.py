"""claimtrack's lexicons and rule tables: data files, each with its provenance, that a user can
read, extend or replace.

Each ``NAME.toml`` in this folder is one lexicon (cue words, hedges, transliteration rules,
the words that mark an organisation's name...); :func:`load` reads it.  A user replaces any of
them with a folder of their own holding files of the same names, and gives that folder to
:func:`claimtrack.analyze` (``resources=PATH``), to the CLI (``--resources DIR``) or to
:func:`load` (``directory=PATH``).  The names of one story (spellings of its people's and
groups' names, the words that make its groups organisations) are not here: they come with the
story's actors file (``[names]`` in ``actors.toml``) and travel in :class:`Names`.

The lexicons in force are a :class:`Resources` value, made active for a block of work with
:func:`using`; every stage reads :func:`active` (or :func:`load`, which does).

>>> sorted(load("hedges"))
['possible', 'probable']
>>> with using(Resources(names=Names(organizations=("tanzim",)))):
...     active().names.organizations
('tanzim',)
"""

from __future__ import annotations

import contextvars
import functools
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import resources as package_files
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import attrs

from claimtrack.errors import InputError

__all__ = ["Names", "Resources", "active", "cached", "load", "names", "using"]

P = ParamSpec("P")
R = TypeVar("R")


@functools.cache
def names() -> list[str]:
    """The lexicons shipped with claimtrack."""
    folder = package_files.files(__name__)
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def _spellings(groups: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.casefold() for w in group) for group in groups)


def _words(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


@attrs.frozen(kw_only=True, cache_hash=True)
class Names:
    """The names of one story: ``spellings`` are groups of whole words that are one name
    however it is transliterated (the first is the key: ``("jolani", "golani", "julani")``),
    and ``organizations`` the words that make a name an organisation's (``"qaeda"``).

    Read from the ``[names]`` table of an actors file; two stories' names combine with ``|``.
    """

    spellings: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_spellings)
    organizations: tuple[str, ...] = attrs.field(default=(), converter=_words)

    def __or__(self, other: Names) -> Names:
        spellings = self.spellings + tuple(g for g in other.spellings if g not in self.spellings)
        extra = tuple(w for w in other.organizations if w not in self.organizations)
        return Names(spellings=spellings, organizations=self.organizations + extra)

    @classmethod
    def from_table(cls, table: Any, *, where: str) -> Names:
        """The names of a ``[names]`` TOML table (``spellings = [[...], ...]``,
        ``organizations = [...]``)."""
        if not isinstance(table, dict) or set(table) - {"spellings", "organizations"}:
            raise InputError("[names] takes spellings and organizations", location=where)
        spellings = table.get("spellings", [])
        organizations = table.get("organizations", [])
        if not (
            isinstance(spellings, list)
            and all(isinstance(g, list) and g and all(isinstance(w, str) for w in g)
                    for g in spellings)
            and isinstance(organizations, list)
            and all(isinstance(w, str) for w in organizations)
        ):  # fmt: skip
            raise InputError(
                "names.spellings must be lists of words, names.organizations a list of words",
                location=where,
            )
        return cls(spellings=spellings, organizations=organizations)


def _directory(value: str | Path | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if not path.is_dir():
        raise InputError("no such folder of lexicons", location=str(path))
    known = set(names())
    for file in sorted(path.glob("*.toml")):
        if file.stem not in known:
            raise InputError(
                f"no lexicon {file.stem!r} to replace (lexicons: {', '.join(sorted(known))})",
                location=str(file),
            )
    return path


@attrs.frozen(kw_only=True, cache_hash=True)
class Resources:
    """The lexicons one analysis reads: the package's, each replaced by the file of the same
    name in ``directory`` when there is one, and the story's :class:`Names`.

    >>> Resources().load("nullifiers") == load("nullifiers")
    True
    """

    directory: Path | None = attrs.field(default=None, converter=_directory)
    names: Names = attrs.field(factory=Names)

    def load(self, name: str) -> dict[str, Any]:
        """The lexicon ``name`` (e.g. ``"reporting"``) as parsed TOML."""
        return _read(name, self.directory)

    def with_names(self, names: Names) -> Resources:
        """These resources with ``names`` added to the story's names."""
        return attrs.evolve(self, names=self.names | names)


@functools.cache
def _read(name: str, directory: Path | None) -> dict[str, Any]:
    if name not in names():
        raise ValueError(f"no lexicon {name!r}; lexicons: {', '.join(names())}")
    own = directory / f"{name}.toml" if directory is not None else None
    if own is not None and own.is_file():
        try:
            return tomllib.loads(own.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"cannot read lexicon: {exc}", location=str(own)) from exc
    text = package_files.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


_DEFAULT = Resources()
# The default is the frozen value above, never changed: None stands for it.
_ACTIVE: contextvars.ContextVar[Resources | None] = contextvars.ContextVar(
    "claimtrack_resources", default=None
)


def active() -> Resources:
    """The resources in force: the package's own unless :func:`using` says otherwise."""
    return _ACTIVE.get() or _DEFAULT


@contextmanager
def using(resources: Resources) -> Iterator[Resources]:
    """Make ``resources`` the ones in force for the block (and restore the earlier after)."""
    token = _ACTIVE.set(resources)
    try:
        yield resources
    finally:
        _ACTIVE.reset(token)


def load(name: str, *, directory: str | Path | None = None) -> dict[str, Any]:
    """The lexicon ``name`` as parsed TOML: from ``directory`` when it holds ``NAME.toml``,
    else from the resources in force (:func:`active`), else the package's.

    >>> "in name only" in load("nullifiers")["phrases"]
    True
    """
    if directory is not None:
        return Resources(directory=directory).load(name)
    return active().load(name)


_CACHE_SIZE = 1 << 20


def cached(function: Callable[P, R]) -> Callable[P, R]:
    """Like :func:`functools.lru_cache`, for what is built from the lexicons: one cache per
    set of resources in force, so replacing a lexicon is never hidden by a value built
    before."""
    per_resources: dict[Resources, Callable[..., R]] = {}  # lru_cache wrappers

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        resources = active()
        if resources not in per_resources:
            per_resources[resources] = functools.lru_cache(_CACHE_SIZE)(function)
        return per_resources[resources](*args, **kwargs)

    return wrapper
