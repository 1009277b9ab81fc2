"""What every command shares: claimtrack's errors as one line, printable output, the common
options, and opening a store that must exist."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.present.printable import PrintableStream, printable
from claimtrack.store import DEFAULT_STORE, ClaimStore

F = TypeVar("F", bound=Callable[..., Any])

EXIT_ERROR = 1


class SafePath(click.Path):
    """click's path type, minus its traceback for a name holding a NUL character."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:  # fmt: skip
        try:
            return super().convert(value, param, ctx)
        except ValueError as exc:  # os.stat: "embedded null byte"
            self.fail(f"{printable(repr(value))} is not a path: {exc}", param, ctx)


def echo(text: str, *, err: bool = False) -> None:
    """Print ``text`` without its terminal control sequences."""
    click.echo(printable(text), err=err)


def fail(message: str) -> None:
    """Say ``message`` on one line of stderr and exit with an error."""
    echo(f"claimtrack: error: {' '.join(message.split())}", err=True)
    sys.exit(EXIT_ERROR)


def friendly(command: F) -> F:
    """Turn claimtrack's errors into one line on stderr."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ClaimtrackError as exc:
            fail(str(exc))
        except BrokenPipeError:  # `claimtrack claims | head`: the reader left, not an error
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            fail(f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}")
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug: still one line, and the way to see more
            if os.environ.get("CLAIMTRACK_DEBUG"):
                raise
            fail(
                f"internal error ({type(exc).__name__}: {exc}); this is a bug in claimtrack: "
                "please report it with the input (CLAIMTRACK_DEBUG=1 shows the traceback)"
            )
        return None

    return wrapper  # type: ignore[return-value]


def console() -> Console:
    """A rich console on stdout that prints only printable text."""
    return Console(file=PrintableStream(sys.stdout), soft_wrap=False,  # type: ignore[arg-type]
                   highlight=False)  # fmt: skip


def open_existing(db: str, *, readonly: bool = True) -> ClaimStore:
    """The store at ``db``, which must exist; opened read-only unless told otherwise."""
    if not Path(db).exists():
        raise InputError(f"no store at {db}; run `claimtrack ingest` or `claimtrack analyze` "
                         "first, or name one with --db")  # fmt: skip
    return ClaimStore(db, readonly=readonly)


def _store_option(help_text: str) -> Callable[[F], F]:
    return click.option("--db", "db", default=DEFAULT_STORE, show_default=True,
                        metavar="PATH", help=help_text)  # fmt: skip


db_option = _store_option("The SQLite store to use (created if missing).")
store_option = _store_option("The SQLite store (it must exist: `claimtrack analyze` makes it).")
actors_option = click.option(
    "--actors",
    "actors_file",
    type=SafePath(readable=False),
    metavar="FILE",
    help="Known actors, aliases and renames (TOML); an actors.toml in a folder is read too.",
)
metadata_option = click.option(
    "--metadata",
    type=SafePath(readable=False),
    metavar="FILE",
    help="A CSV or JSONL table of the folders' articles (a `file` column, then title, outlet, "
    "published, ...); a metadata.csv in a folder is read too.",
)
resources_option = click.option(
    "--resources",
    "resources_dir",
    type=SafePath(file_okay=False),
    metavar="DIR",
    help="A folder of lexicon files (NAME.toml) that replace claimtrack's own of that name.",
)
format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Readable tables, or JSON for other programs.",
)
