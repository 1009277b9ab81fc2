"""``claimtrack export``: the store written in one of the export formats."""

from __future__ import annotations

import click

from claimtrack.cli.shared import SafePath, echo, friendly, open_existing, store_option
from claimtrack.errors import InputError
from claimtrack.present import export


@click.command("export")
@store_option
@click.option(
    "--format",
    "export_format",
    type=click.Choice(sorted(export.FORMATS)),
    required=True,
    help="The format to write.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=SafePath(readable=False, allow_dash=True),
    metavar="FILE",
    help="The file to write (replaced atomically, keeping its mode; nothing else is written); "
    "- writes to standard output.",
)
@click.option(
    "--table",
    type=click.Choice(list(export.TABLES)),
    help="With --format csv or parquet: which table (default: claims).",
)
@friendly
def export_command(db: str, export_format: str, output: str, table: str | None) -> None:
    """Export the store: jsonl (claimtrack's own, re-ingestable), csv or parquet (one table),
    prov (W3C PROV-JSON), jsonld (schema.org Claim), annotations (W3C Web Annotation) or
    graphml."""
    if table is not None and export_format not in export.TABLE_FORMATS:
        raise InputError(f"--table applies to --format csv or parquet, not {export_format}")
    with open_existing(db) as store:
        analysis = store.analysis()
        decisions = store.decision_records() if export_format == "jsonl" else ()
    export.write(analysis, output, format=export_format, table=table, decisions=decisions)
    if output != "-":
        echo(f"wrote {output}", err=True)
