"""Find who first said something: the earliest appearance of a claim across sources.

python examples/who_said_it_first.py seeds/ "breaking ties"
"""

from __future__ import annotations

import argparse
from pathlib import Path

import claimtrack as ct
from claimtrack.actors import ActorRegistry


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="seeds", type=Path)
    parser.add_argument(
        "words", nargs="?", default="split al-Qaeda", help="words the claim contains (all of them)"
    )
    args = parser.parse_args(argv)

    registry = ActorRegistry.for_folder(args.folder)
    analysis = ct.analyze(ct.read_folder(args.folder), actors=registry)
    store = ct.ClaimStore(":memory:")
    store.add_analysis(analysis)

    found = store.claims(text=args.words)
    if not found:
        print(f"no claim contains {args.words!r}")
        return
    sources = {s.id: s for s in analysis.sources}
    names = {a.id: a.name for a in analysis.actors}

    def appeared(claim: ct.Claim) -> str:
        when = claim.said or sources[claim.source].published
        if when is None and sources[claim.source].parent:
            when = sources[sources[claim.source].parent].published
        return when.earliest.isoformat() if when and when.earliest else "9999"

    for claim in sorted(found, key=appeared):
        source = sources[claim.source]
        print(
            f"{appeared(claim)}  {names.get(claim.speaker or '', 'unknown'):28}"
            f"  {source.outlet or source.id}: {claim.text[:70]}"
        )


if __name__ == "__main__":
    main()
