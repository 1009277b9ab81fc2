"""``claimtrack ingest`` and ``claimtrack analyze``: read articles into the store; analyze
also reports on them."""

from __future__ import annotations

import attrs
import click

from claimtrack.cli.inputs import JsonlExport, read_inputs, store_all, warn_undated
from claimtrack.cli.shared import (
    SafePath,
    actors_option,
    console,
    db_option,
    echo,
    format_option,
    friendly,
    metadata_option,
    resources_option,
)
from claimtrack.linking import embeddings as embedding_extra
from claimtrack.pipeline import extract_all, resources_for
from claimtrack.present import export
from claimtrack.present.extras import require
from claimtrack.present.terminal import print_analysis
from claimtrack.resources import using
from claimtrack.serialization import dumps
from claimtrack.store import ClaimStore


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=SafePath(readable=False))
@db_option
@actors_option
@metadata_option
@resources_option
@friendly
def ingest_command(paths: tuple[str, ...], db: str, actors_file: str | None,
                   metadata: str | None, resources_dir: str | None) -> None:  # fmt: skip
    """Read article folders, saved web pages, CSV/JSONL tables of articles (or claimtrack
    JSON/JSONL exports) into the store.

    All inputs are read and checked first and stored in one transaction: a bad file leaves
    the store as it was.
    """
    documents, registry, exports = read_inputs(paths, actors_file, metadata)
    with using(resources_for(resources_dir, registry)):
        analysis = extract_all(documents, actors=registry)
        with ClaimStore(db) as store:
            store_all(store, analysis, exports)
            counts = store.counts()
    warn_undated(documents)  # once stored: an error stays the only line
    echo(f"stored in {db}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=SafePath(readable=False))
@db_option
@actors_option
@metadata_option
@resources_option
@format_option
@click.option(
    "--html",
    "html_file",
    type=SafePath(readable=False),
    metavar="FILE",
    help="Also write the report as one HTML page with timeline pictures (the html extra).",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="Cluster with sentence embeddings blended with the lexical similarity (the "
    "embeddings extra); `clusters --same/--different` later re-cluster lexically.",
)
@friendly
def analyze_command(paths: tuple[str, ...], db: str, actors_file: str | None,
                    metadata: str | None, resources_dir: str | None, output_format: str,
                    html_file: str | None, embeddings: bool) -> None:  # fmt: skip
    """Analyse folders of articles: store them, then report sources, who said what, the
    clusters of the same claim, and conflicts."""
    if html_file:  # a missing extra is said before anything is read or stored
        require("html", "--html")
    embedder = embedding_extra.load_embedder() if embeddings else None
    documents, registry, exports = read_inputs(paths, actors_file, metadata)
    with using(resources_for(resources_dir, registry)):
        analysis = extract_all(documents, actors=registry)
        with ClaimStore(db) as store:
            store_all(store, analysis, exports, embedder)
            chosen = [s.id for s in analysis.sources]
            for part in exports:
                chosen += part.source_ids if isinstance(part, JsonlExport) else [
                    s.id for s in part.sources]  # fmt: skip
            result = store.analysis(sources=chosen)
    warn_undated(documents)
    # The actors given with the articles belong to their analysis even when they say nothing.
    given = {a.id: a for a in (*result.actors, *analysis.actors)}
    result = attrs.evolve(result, actors=sorted(given.values(), key=lambda a: a.id))
    if html_file:
        from claimtrack.present.html import render

        export.write_text(html_file, render(result, title="Analysis of " + ", ".join(paths)))
        if html_file != "-":
            echo(f"wrote {html_file}", err=True)
    if output_format == "json":
        echo(dumps(result))
    else:
        print_analysis(result, console(), store=db)
