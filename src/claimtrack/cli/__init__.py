"""The ``claimtrack`` command: a thin layer over the library.

Every command maps a :class:`~claimtrack.errors.ClaimtrackError` to one line on stderr and a
non-zero exit; no traceback reaches the user (set ``CLAIMTRACK_DEBUG=1`` to see one for an
error claimtrack did not expect).  Whatever is printed has its terminal control sequences
removed and text that is not Unicode escaped (``docs/robustness.md``).

The commands live by what they do: ``analyze`` and ``ingest`` (reading articles in, with
``inputs``), the listings of the store, ``export`` and ``evaluate``; ``shared`` holds the
error handling and options they all use.
"""

from __future__ import annotations

import click

from claimtrack import __version__
from claimtrack.cli.analyze import analyze_command, ingest_command
from claimtrack.cli.evaluate import evaluate_command
from claimtrack.cli.export import export_command
from claimtrack.cli.listings import (
    actors_command,
    claims_command,
    clusters_command,
    conflicts_command,
    sources_command,
)

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimtrack")
def main() -> None:
    """Track claims and their sources: who asserted what, when, and where; which statements
    are the same claim; who contradicts whom."""


for _command in (
    ingest_command,
    analyze_command,
    claims_command,
    sources_command,
    actors_command,
    clusters_command,
    conflicts_command,
    export_command,
    evaluate_command,
):
    main.add_command(_command)
