"""Analyse a folder of articles and print who said what, the claims repeated across
sources, and who contradicts whom.

    python examples/analyse_folder.py seeds/
    python examples/analyse_folder.py my-articles/ --actors my-actors.toml
"""

from __future__ import annotations

import argparse
from pathlib import Path

import claimtrack as ct
from claimtrack.actors import ActorRegistry


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="seeds", type=Path)
    parser.add_argument("--actors", type=Path, help="actors file (default: FOLDER/actors.toml)")
    args = parser.parse_args(argv)

    registry = ActorRegistry.for_folder(args.folder, extra=args.actors)
    analysis = ct.analyze(ct.read_folder(args.folder), actors=registry)
    names = {a.id: a.name for a in analysis.actors}
    claims = {c.id: c for c in analysis.claims}

    print(f"{len(analysis.sources)} sources, {len(analysis.claims)} claims\n")
    for claim in analysis.claims[:15]:
        when = claim.said.timex if claim.said else "unknown"
        print(f"- {names.get(claim.speaker or '', 'unknown')} ({when}): {claim.text[:90]}")

    print("\nRepeated across sources:")
    for cluster in analysis.clusters:
        if len({claims[c].source for c in cluster.claims}) > 1:
            print(f"- {len(cluster.claims)} claims, first {cluster.span}: {cluster.label[:80]}")

    print("\nConflicts:")
    for conflict in analysis.conflicts:
        a, b = claims[conflict.a], claims[conflict.b]
        print(
            f"- [{conflict.kind.value}, {conflict.relation.value}] "
            f"{names.get(a.speaker or '', '?')} vs {names.get(b.speaker or '', '?')}: "
            f"{conflict.reason}"
        )


if __name__ == "__main__":
    main()
