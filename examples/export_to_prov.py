"""Analyse a folder and export the provenance of its claims as W3C PROV-JSON: sources as
entities, speakers as agents, each claim attributed to its speaker and derived from its
source, and the attribution chain as delegation.  Needs the prov extra to read it back.

    python examples/export_to_prov.py seeds/ seeds.prov.json
"""

from __future__ import annotations

import argparse
from pathlib import Path

import claimtrack as ct
from claimtrack.actors import ActorRegistry
from claimtrack.present import export


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="seeds", type=Path)
    parser.add_argument("output", nargs="?", default="claims.prov.json", type=Path)
    args = parser.parse_args(argv)

    registry = ActorRegistry.for_folder(args.folder)
    analysis = ct.analyze(ct.read_folder(args.folder), actors=registry)
    export.prov_json(analysis, args.output)

    from prov.model import ProvDocument  # the reference implementation reads it back

    document = ProvDocument.deserialize(source=str(args.output), format="json")
    records = list(document.get_records())
    print(
        f"wrote {args.output}: {len(records)} PROV records for "
        f"{len(analysis.claims)} claims from {len(analysis.sources)} sources"
    )


if __name__ == "__main__":
    main()
