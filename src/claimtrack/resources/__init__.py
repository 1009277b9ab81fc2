"""claimtrack's lexicons: cue words kept as data files, each with its provenance.

Each ``NAME.toml`` in this folder is one lexicon; :func:`load` reads it.  Users can read,
extend or replace them (pass their own data to the functions that take a lexicon).

>>> sorted(load("hedges"))
['possible', 'probable']
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load", "names"]


def names() -> list[str]:
    """The lexicons shipped with claimtrack."""
    folder = resources.files(__name__)
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


@cache
def load(name: str) -> dict[str, Any]:
    """The lexicon ``name`` (e.g. ``"reporting"``) as parsed TOML."""
    if name not in names():
        raise ValueError(f"no lexicon {name!r}; lexicons: {', '.join(names())}")
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
