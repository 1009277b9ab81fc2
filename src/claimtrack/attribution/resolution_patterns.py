"""The patterns speaker resolution reads a mention by (``resources/resolution.toml``
[patterns]), beside the layouts' own (``attribution/patterns.toml``)."""

from __future__ import annotations

import re

from claimtrack.resources import cached, load

__all__ = ["resolution_pattern"]


@cached  # built from the lexicons in force
def resolution_pattern(name: str) -> re.Pattern[str]:
    """The pattern ``name`` of ``resolution.toml`` [patterns]; one that finds nothing when a
    user's replacement of the lexicon leaves it out."""
    entry = load("resolution").get("patterns", {}).get(name)
    return re.compile(entry["regex"] if entry else "(?!)")
