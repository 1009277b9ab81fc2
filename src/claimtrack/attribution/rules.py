"""The attribution layouts' patterns and word lists, read from data.

Each pattern is a named entry of ``resources/attribution/patterns.toml``: what it finds, how
the layout applies it (``use``), its regular expression, the examples it must and must not
find (run as tests) and its provenance.  A pattern is composed from the shared vocabulary:
``{name}`` in it stands for the word list ``name`` of ``[words]`` in
``resources/attribution/vocabulary.toml``, as alternatives, or for a fragment the code
passes (a name's word, built from the actors' particles).

>>> pattern("pronoun").match("They") is not None
True
>>> "the" in word_set("determiners")
True
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from claimtrack.actors import speaker_vocabulary as vocabulary
from claimtrack.errors import InputError

__all__ = ["USES", "pattern", "pattern_table", "regex_of", "word_set", "words"]

USES = ("match", "search", "fullmatch")
"""How a layout applies a pattern: at a position, anywhere, or to a whole phrase."""

_FLAGS = {"i": re.IGNORECASE, "s": re.DOTALL}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@cache
def pattern_table() -> dict[str, dict[str, Any]]:
    """Every pattern entry of ``patterns.toml``, by name."""
    folder = files("claimtrack.resources").joinpath("attribution")
    data = tomllib.loads(folder.joinpath("patterns.toml").read_text(encoding="utf-8"))
    return dict(data["patterns"])


def words(name: str) -> tuple[str, ...]:
    """The word list ``name`` of the vocabulary's ``[words]``, in order."""
    table: dict[str, list[str]] = vocabulary()["words"]
    if name not in table:
        raise InputError(f"vocabulary.toml has no word list {name!r} in [words]")
    return tuple(table[name])


def word_set(name: str) -> frozenset[str]:
    """The word list ``name`` as a set."""
    return frozenset(words(name))


def regex_of(name: str, **fragments: str) -> str:
    """The regular expression of pattern ``name``, its word lists and fragments filled in."""
    entry = pattern_table().get(name)
    if entry is None:
        raise InputError(f"patterns.toml has no pattern {name!r}")
    regex = entry["regex"]
    joined = "".join(regex) if isinstance(regex, list) else str(regex)

    def fill(found: re.Match[str]) -> str:
        key = found[1]
        if key in fragments:
            return fragments[key]
        return "|".join(re.escape(w) for w in words(key))

    return _PLACEHOLDER.sub(fill, joined)


def pattern(name: str, **fragments: str) -> re.Pattern[str]:
    """Pattern ``name`` compiled, with its flags."""
    regex = regex_of(name, **fragments)
    flags = 0
    for letter in pattern_table()[name].get("flags", ""):
        flags |= _FLAGS[letter]
    return re.compile(regex, flags)
