"""``claimtrack evaluate``: claimtrack scored on an evaluation file."""

from __future__ import annotations

import json

import click

from claimtrack.cli.shared import SafePath, echo, friendly
from claimtrack.evaluation import TASKS, evaluate


@click.command("evaluate")
@click.argument("task", type=click.Choice(sorted(TASKS)))
@click.argument("file", type=SafePath(readable=False))
@click.option(
    "--predictions",
    type=SafePath(readable=False),
    metavar="OUT",
    help="Also write one JSON prediction per input row, in input order.",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="clusters: match with sentence embeddings too (the embeddings extra).",
)
@friendly
def evaluate_command(task: str, file: str, predictions: str | None, embeddings: bool) -> None:
    """Score claimtrack on an evaluation file (clusters, pairs, dates or attribution) and
    print the metrics as JSON."""
    metrics = evaluate(task, file, predictions=predictions, embeddings=embeddings)
    echo(json.dumps(metrics, indent=2))
