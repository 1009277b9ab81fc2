"""List the conflicts between claims published by two outlets (or all, by default).

python examples/conflicts_between_outlets.py seeds/ "VICE News" "The Daily Beast"
"""

from __future__ import annotations

import argparse
from pathlib import Path

import claimtrack as ct
from claimtrack.actors import ActorRegistry


def outlet_of(source: ct.Source, sources: dict[str, ct.Source]) -> str:
    """A piece reposted on a page keeps its own outlet; else the page's."""
    while source.outlet is None and source.parent in sources:
        source = sources[source.parent]
    return source.outlet or source.id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="seeds", type=Path)
    parser.add_argument("outlets", nargs="*", help="two outlets (default: any)")
    args = parser.parse_args(argv)

    registry = ActorRegistry.for_folder(args.folder)
    analysis = ct.analyze(ct.read_folder(args.folder), actors=registry)
    sources = {s.id: s for s in analysis.sources}
    claims = {c.id: c for c in analysis.claims}
    wanted = set(args.outlets)
    for conflict in analysis.conflicts:
        a, b = claims[conflict.a], claims[conflict.b]
        pair = {outlet_of(sources[a.source], sources), outlet_of(sources[b.source], sources)}
        if wanted and not (pair <= wanted and len(pair) == len(wanted)):
            continue
        print(f"{' vs '.join(sorted(pair))}: {conflict.kind.value} ({conflict.relation.value})")
        print(f"  {a.text[:100]}\n  {b.text[:100]}\n  {conflict.reason}\n")


if __name__ == "__main__":
    main()
