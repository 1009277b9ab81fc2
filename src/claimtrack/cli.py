"""The ``claimtrack`` command: a thin layer over the library.

Every command maps a :class:`~claimtrack.errors.ClaimtrackError` to one line on stderr and a
non-zero exit; no traceback reaches the user (set ``CLAIMTRACK_DEBUG=1`` to see one for an
error claimtrack did not expect).  Whatever is printed has its terminal control sequences
removed and text that is not Unicode escaped (``docs/robustness.md``).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

import attrs
import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from claimtrack import __version__
from claimtrack.actors import ActorRegistry
from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.evaluation import TASKS, evaluate
from claimtrack.linking import embeddings as embedding_extra
from claimtrack.linking.embeddings import Embedder
from claimtrack.lookup import Index
from claimtrack.model import Analysis, ConflictKind, ConflictStatus
from claimtrack.pipeline import extract_all, refresh, resources_for
from claimtrack.present import export
from claimtrack.present.extras import require
from claimtrack.present.listing import FORMATS, find_actors, in_window, page, render_rows, window
from claimtrack.present.printable import PrintableStream, printable
from claimtrack.present.terminal import (
    print_actors,
    print_analysis,
    print_claims,
    print_clusters,
    print_conflicts,
    print_sources,
)
from claimtrack.reading.files import read_regular
from claimtrack.reading.folder import Document, read_folder
from claimtrack.resources import using
from claimtrack.serialization import (
    dumps,
    is_claimtrack_json,
    iter_records,
    loads,
)
from claimtrack.store import DEFAULT_STORE, ClaimStore

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_ERROR = 1

MAX_ACTORS_BYTES = 5 * 1024 * 1024
"""An actors file larger than this is refused."""


class _SafePath(click.Path):
    """click's path type, minus its traceback for a name holding a NUL character."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:  # fmt: skip
        try:
            return super().convert(value, param, ctx)
        except ValueError as exc:  # os.stat: "embedded null byte"
            self.fail(f"{printable(repr(value))} is not a path: {exc}", param, ctx)


def _echo(text: str, *, err: bool = False) -> None:
    click.echo(printable(text), err=err)


def _fail(message: str) -> None:
    _echo(f"claimtrack: error: {' '.join(message.split())}", err=True)
    sys.exit(EXIT_ERROR)


def _friendly(command: F) -> F:
    """Turn claimtrack's errors into one line on stderr."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ClaimtrackError as exc:
            _fail(str(exc))
        except BrokenPipeError:  # `claimtrack claims | head`: the reader left, not an error
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            _fail(f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}")
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug: still one line, and the way to see more
            if os.environ.get("CLAIMTRACK_DEBUG"):
                raise
            _fail(
                f"internal error ({type(exc).__name__}: {exc}); this is a bug in claimtrack: "
                "please report it with the input (CLAIMTRACK_DEBUG=1 shows the traceback)"
            )
        return None

    return wrapper  # type: ignore[return-value]


def _console() -> Console:
    return Console(file=PrintableStream(sys.stdout), soft_wrap=False,  # type: ignore[arg-type]
                   highlight=False)  # fmt: skip


db_option = click.option(
    "--db",
    "db",
    default=DEFAULT_STORE,
    show_default=True,
    metavar="PATH",
    help="The SQLite store to use (created if missing).",
)
actors_option = click.option(
    "--actors",
    "actors_file",
    type=_SafePath(readable=False),
    metavar="FILE",
    help="Known actors, aliases and renames (TOML); an actors.toml in a folder is read too.",
)
metadata_option = click.option(
    "--metadata",
    type=_SafePath(readable=False),
    metavar="FILE",
    help="A CSV or JSONL table of the folders' articles (a `file` column, then title, outlet, "
    "published, ...); a metadata.csv in a folder is read too.",
)
resources_option = click.option(
    "--resources",
    "resources_dir",
    type=_SafePath(file_okay=False),
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimtrack")
def main() -> None:
    """Track claims and their sources: who asserted what, when, and where; which statements
    are the same claim; who contradicts whom."""


@attrs.frozen
class _JsonlExport:
    """A claimtrack JSONL export, checked line by line, to be streamed into the store."""

    path: Path
    source_ids: tuple[str, ...]


def _is_export(path: Path) -> bool:
    """Whether a .json/.jsonl file is claimtrack's own export (its first record says so), not
    a table of articles."""
    try:
        with path.open("rb") as handle:
            head = handle.read(256).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=str(path)) from exc
    return is_claimtrack_json(head)


def _warn_undated(documents: Sequence[Document]) -> None:
    # A compilation page whose every piece has its own date is dated by its pieces.
    undated = sum(1 for d in documents if d.source.published is None
                  and not (d.sources[1:] and all(p.published for p in d.sources[1:])))  # fmt: skip
    if undated:
        _echo(f"claimtrack: warning: {undated} of {len(documents)} articles have no "
                   "publication date (give `published` in a sidecar, a metadata table or the "
                   "page); their relative dates stay unresolved", err=True)  # fmt: skip


def _read_inputs(
    paths: Sequence[str], actors_file: str | None = None, metadata: str | None = None
) -> tuple[list[Document], ActorRegistry, list[Analysis | _JsonlExport]]:
    """Article folders and files become documents; claimtrack's own JSON exports are read
    back as they are, and JSONL exports are checked line by line (and later streamed into
    the store).  Everything is read and checked before anything is stored.

    Actors (and the story's names) come from ``actors_file`` and from an ``actors.toml`` in
    each folder read."""
    documents = []
    exports: list[Analysis | _JsonlExport] = []
    actor_files = [Path(actors_file)] if actors_file else []
    for name in paths:
        path = Path(name)
        if path.is_file() and path.suffix == ".jsonl" and _is_export(path):
            ids = tuple(v.id for section, v in _jsonl_records(path) if section == "sources")
            exports.append(_JsonlExport(path, ids))
        elif path.is_file() and path.suffix == ".json":
            with _export_file(path) as handle:
                exports.append(loads(handle.read()))
        else:
            documents += read_folder(path, metadata=metadata if path.is_dir() else None)
            if path.is_dir() and (path / "actors.toml").is_file():
                actor_files.append(path / "actors.toml")
    registry = ActorRegistry()
    for actor_file in actor_files:
        registry.extend(_actors_from(actor_file))
    return documents, registry, exports


def _actors_from(path: Path) -> ActorRegistry:
    """The actors of a file, read by the input policy (a regular file, under the cap)."""
    read_regular(path, max_bytes=MAX_ACTORS_BYTES, kind="actors file")
    try:
        return ActorRegistry.from_file(path)
    except ClaimtrackError:
        raise
    except (AttributeError, TypeError, ValueError, KeyError, RecursionError) as exc:
        # actors.py should say which entry is bad; until it does, the file is named here.
        raise InputError(f"bad actors file: {exc}", location=str(path)) from exc


@contextmanager
def _export_file(path: Path) -> Iterator[TextIO]:
    """A claimtrack export opened for reading, its errors naming the file."""
    try:
        with path.open(encoding="utf-8") as handle:
            if not is_claimtrack_json(handle.read(256)):
                raise InputError('not a claimtrack export (no "schema" at the start)',
                                 location=str(path))  # fmt: skip
            handle.seek(0)
            yield handle
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", location=str(path)) from exc
    except ClaimtrackError as exc:
        message = str(exc)
        raise InputError(message if str(path) in message else f"{path}: {message}") from exc


def _jsonl_records(path: Path) -> Iterator[tuple[str, Any]]:
    """The records of a claimtrack JSONL export, streamed."""
    with _export_file(path) as handle:
        yield from iter_records(handle, name=str(path))


def _store_all(store: ClaimStore, analysis: Analysis,
               exports: Sequence[Analysis | _JsonlExport],
               embedder: Embedder | None = None) -> None:  # fmt: skip
    """Store what was read, then cluster and find conflicts over the whole store: all in one
    transaction, so no reader ever sees claims without their clusters."""
    with store.atomic():
        copies = store.add_articles(analysis)
        for part in exports:
            if isinstance(part, _JsonlExport):
                store.add_records(_jsonl_records(part.path))
            else:
                store.add_analysis(part)
        _connect(store, embedder)
    paths = {s.id: s.path or s.id for s in analysis.sources}
    for copy, kept in sorted(copies.items()):
        if copy in paths and kept != copy:
            _echo(f"claimtrack: note: {paths[copy]} has the same text as source {kept!r}; "
                  "stored once", err=True)  # fmt: skip


def _connect(store: ClaimStore, embedder: Embedder | None = None) -> None:
    total = store.counts()["claims"]
    if total < 5000:
        refresh(store, embedder=embedder)
        return
    with Progress(TextColumn("clustering {task.total:,} claims"), BarColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True)) as bar:  # fmt: skip
        task = bar.add_task("cluster", total=total)
        refresh(store, progress=lambda done, _: bar.update(task, completed=done),
                embedder=embedder)  # fmt: skip


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=_SafePath(readable=False))
@db_option
@actors_option
@metadata_option
@resources_option
@_friendly
def ingest_command(paths: tuple[str, ...], db: str, actors_file: str | None,
                   metadata: str | None, resources_dir: str | None) -> None:  # fmt: skip
    """Read article folders, saved web pages, CSV/JSONL tables of articles (or claimtrack
    JSON/JSONL exports) into the store.

    All inputs are read and checked first and stored in one transaction: a bad file leaves
    the store as it was.
    """
    documents, registry, exports = _read_inputs(paths, actors_file, metadata)
    with using(resources_for(resources_dir, registry)):
        analysis = extract_all(documents, actors=registry)
        with ClaimStore(db) as store:
            _store_all(store, analysis, exports)
            counts = store.counts()
    _warn_undated(documents)  # once stored: an error stays the only line
    _echo(f"stored in {db}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@main.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=_SafePath(readable=False))
@db_option
@actors_option
@metadata_option
@resources_option
@format_option
@click.option(
    "--html",
    "html_file",
    type=_SafePath(readable=False),
    metavar="FILE",
    help="Also write the report as one HTML page with timeline pictures (the html extra).",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="Cluster with sentence embeddings blended with the lexical similarity (the "
    "embeddings extra); `clusters --same/--different` later re-cluster lexically.",
)
@_friendly
def analyze_command(paths: tuple[str, ...], db: str, actors_file: str | None,
                    metadata: str | None, resources_dir: str | None, output_format: str,
                    html_file: str | None, embeddings: bool) -> None:  # fmt: skip
    """Analyse folders of articles: store them, then report sources, who said what, the
    clusters of the same claim, and conflicts."""
    if html_file:  # a missing extra is said before anything is read or stored
        require("html", "--html")
    embedder = embedding_extra.load_embedder() if embeddings else None
    documents, registry, exports = _read_inputs(paths, actors_file, metadata)
    with using(resources_for(resources_dir, registry)):
        analysis = extract_all(documents, actors=registry)
        with ClaimStore(db) as store:
            _store_all(store, analysis, exports, embedder)
            chosen = [s.id for s in analysis.sources]
            for part in exports:
                chosen += part.source_ids if isinstance(part, _JsonlExport) else [
                    s.id for s in part.sources]  # fmt: skip
            result = store.analysis(sources=chosen)
    _warn_undated(documents)
    # The actors given with the articles belong to their analysis even when they say nothing.
    given = {a.id: a for a in (*result.actors, *analysis.actors)}
    result = attrs.evolve(result, actors=sorted(given.values(), key=lambda a: a.id))
    if html_file:
        from claimtrack.present.html import render

        export.write_text(html_file, render(result, title="Analysis of " + ", ".join(paths)))
        if html_file != "-":
            _echo(f"wrote {html_file}", err=True)
    if output_format == "json":
        _echo(dumps(result))
    else:
        print_analysis(result, _console(), store=db)


listing_format = click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="A readable table, a JSON array, JSON Lines, or CSV.",
)
limit_option = click.option("--limit", type=click.IntRange(min=1), help="At most N rows.",
                            metavar="N")  # fmt: skip
offset_option = click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
                             help="Skip the first N rows.")  # fmt: skip


def _open_existing(db: str, *, readonly: bool = True) -> ClaimStore:
    """The store at ``db``, which must exist; opened read-only unless told otherwise."""
    if not Path(db).exists():
        raise InputError(f"no store at {db}; run `claimtrack ingest` or `claimtrack analyze` "
                         "first, or name one with --db")  # fmt: skip
    return ClaimStore(db, readonly=readonly)


def _emit(values: Sequence[Any], output_format: str, table: Callable[[], None]) -> None:
    if output_format in ("table", "text"):
        table()
    elif values or output_format != "jsonl":
        _echo(render_rows(values, output_format))


def _named(query: str | None, option: str, actors: Sequence[Any]) -> set[str] | None:
    """The ids of the actors a --speaker/--about name finds (fuzzily, through the registry);
    says whom it matched."""
    if query is None:
        return None
    found = find_actors(query, actors)
    if not found:
        raise InputError(f"--{option} {query!r} names no known actor (see `claimtrack actors`)")
    if [a.id for a in found] != [query]:
        names = ", ".join(a.name for a in found[:5]) + (" ..." if len(found) > 5 else "")
        _echo(f"claimtrack: --{option} {query}: {names}", err=True)
    return {a.id for a in found}


@main.command("claims")
@db_option
@click.option(
    "--speaker",
    metavar="NAME",
    help="Only claims by this speaker: an id or any name, spelled as you like.",
)
@click.option(
    "--about",
    metavar="NAME",
    help="Only claims naming this actor in their text, under any of its names or spellings.",
)
@click.option("--source", help="Only claims from this source id.")
@click.option("--outlet", help="Only claims from sources of this outlet.")
@click.option(
    "--since",
    metavar="DATE",
    help="Only claims said on or after DATE (a year, a "
    "month or a day: 2016, 2016-07, 2016-07-28); a claim whose saying has no date "
    "counts from its source's publication date.",
)
@click.option("--until", metavar="DATE", help="Only claims said on or before DATE (as --since).")
@click.option("--text", help="Full-text search (SQLite FTS5) in the claims' text.")
@limit_option
@offset_option
@listing_format
@_friendly
def claims_command(db: str, speaker: str | None, about: str | None, source: str | None,
                   outlet: str | None, since: str | None, until: str | None, text: str | None,
                   limit: int | None, offset: int, output_format: str) -> None:  # fmt: skip
    """List stored claims, filtered by speaker, subject, source, outlet, time and text."""
    start = window(since, option="since")[0] if since else None
    end = window(until, option="until")[1] if until else None
    with _open_existing(db) as store:
        actors = store.actors()
        speakers = _named(speaker, "speaker", actors)
        subjects = _named(about, "about", actors)
        found = store.claims(source=source, outlet=outlet, text=text, about=subjects)
        index = Index(sources=store.sources(), claims=found, actors=actors)
    found = [c for c in found
             if (speakers is None or c.speaker in speakers)
             and in_window(c, index, start, end)]  # fmt: skip
    found = page(found, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_claims(found, _console(), actors=index.actors))


@main.command("sources")
@db_option
@click.option("--outlet", help="Only sources of this outlet.")
@limit_option
@offset_option
@listing_format
@_friendly
def sources_command(db: str, outlet: str | None, limit: int | None, offset: int,
                    output_format: str) -> None:  # fmt: skip
    """List stored sources: id, outlet, publication date, kind and title."""
    with _open_existing(db) as store:
        found = page(store.sources(outlet=outlet), limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_sources(found, _console()))


@main.command("actors")
@db_option
@click.option("--name", metavar="NAME", help="Only actors this name finds (fuzzily).")
@limit_option
@offset_option
@listing_format
@_friendly
def actors_command(db: str, name: str | None, limit: int | None, offset: int,
                   output_format: str) -> None:  # fmt: skip
    """List stored actors with their kind, aliases and how many claims each made."""
    with _open_existing(db) as store:
        actors = store.actors()
        said = Counter(c.speaker for c in store.claims())
    if name is not None:
        actors = find_actors(name, actors)
    actors = sorted(actors, key=lambda a: (-said[a.id], a.kind.value == "unnamed", a.id))
    found = page(actors, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_actors(found, _console(), claims=said))


@main.command("clusters")
@db_option
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Only clusters of at least this many claims.")  # fmt: skip
@click.option(
    "--same",
    nargs=2,
    metavar="CLAIM CLAIM",
    help="Record that two claims state the same proposition, then re-cluster.",
)
@click.option(
    "--different",
    nargs=2,
    metavar="CLAIM CLAIM",
    help="Record that two claims do not state the same proposition, then re-cluster.",
)
@limit_option
@offset_option
@listing_format
@_friendly
def clusters_command(db: str, min_size: int, same: tuple[str, str] | None,
                     different: tuple[str, str] | None, limit: int | None, offset: int,
                     output_format: str) -> None:  # fmt: skip
    """List the clusters of the same claim across sources, largest first, with the ids of
    their claims; record a person's decisions."""
    with _open_existing(db, readonly=not (same or different)) as store:
        for pair, is_same in ((same, True), (different, False)):
            if pair:
                for claim_id in pair:
                    if store.claim(claim_id) is None:
                        raise InputError(f"no claim with id {claim_id!r}")
                store.decide_membership(*pair, same=is_same)
        if same or different:
            refresh(store)
        found = [k for k in store.clusters() if len(k.claims) >= min_size]
        claims = {c.id: c for c in store.claims()}
        actors = {a.id: a for a in store.actors()}
        sources = store.sources()
    found = page(found, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_clusters(
        found, claims, _console(), actors=actors, min_size=min_size, sources=sources))  # fmt: skip


@main.command("conflicts")
@db_option
@click.option(
    "--status",
    type=click.Choice([s.value for s in ConflictStatus]),
    help="Only conflicts with this status.",
)
@click.option(
    "--kind",
    type=click.Choice([k.value for k in ConflictKind]),
    help="Only conflicts of this kind.",
)
@click.option(
    "--mark",
    nargs=2,
    metavar="ID STATUS",
    help="Record a person's decision on a conflict (resolved, rejected, unresolved).",
)
@click.option("--note", help="A note to keep with --mark.")
@limit_option
@offset_option
@listing_format
@_friendly
def conflicts_command(db: str, status: str | None, kind: str | None,
                      mark: tuple[str, str] | None, note: str | None, limit: int | None,
                      offset: int, output_format: str) -> None:  # fmt: skip
    """List conflicts between claims, strongest first, with their reasons, status and note;
    mark them."""
    with _open_existing(db, readonly=not mark) as store:
        if mark:
            conflict_id, new_status = mark
            try:
                decided = ConflictStatus(new_status)
            except ValueError:
                raise InputError(f"--mark takes a status among "
                                 f"{', '.join(s.value for s in ConflictStatus)}, got "
                                 f"{new_status!r}") from None  # fmt: skip
            store.set_conflict_status(conflict_id, decided, note)
        found = store.conflicts(status=ConflictStatus(status) if status else None)
        found = [c for c in found if kind is None or c.kind.value == kind]
        claims = {c.id: c for c in store.claims()}
        actors = {a.id: a for a in store.actors()}
        sources = store.sources()
    found = page(found, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_conflicts(
        found, claims, _console(), actors=actors, sources=sources))  # fmt: skip


@main.command("export")
@db_option
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
    type=_SafePath(readable=False, allow_dash=True),
    metavar="FILE",
    help="The file to write (replaced atomically, keeping its mode; nothing else is written); "
    "- writes to standard output.",
)
@click.option(
    "--table",
    type=click.Choice(list(export.TABLES)),
    help="With --format csv or parquet: which table (default: claims).",
)
@_friendly
def export_command(db: str, export_format: str, output: str, table: str | None) -> None:
    """Export the store: jsonl (claimtrack's own, re-ingestable), csv or parquet (one table),
    prov (W3C PROV-JSON), jsonld (schema.org Claim), annotations (W3C Web Annotation) or
    graphml."""
    if table is not None and export_format not in export.TABLE_FORMATS:
        raise InputError(f"--table applies to --format csv or parquet, not {export_format}")
    with _open_existing(db) as store:
        analysis = store.analysis()
        decisions = store.decision_records() if export_format == "jsonl" else ()
    export.write(analysis, output, format=export_format, table=table, decisions=decisions)
    if output != "-":
        _echo(f"wrote {output}", err=True)


@main.command("evaluate")
@click.argument("task", type=click.Choice(sorted(TASKS)))
@click.argument("file", type=_SafePath(readable=False))
@click.option(
    "--predictions",
    type=_SafePath(readable=False),
    metavar="OUT",
    help="Also write one JSON prediction per input row, in input order.",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="clusters: match with sentence embeddings too (the embeddings extra).",
)
@_friendly
def evaluate_command(task: str, file: str, predictions: str | None, embeddings: bool) -> None:
    """Score claimtrack on an evaluation file (clusters, pairs, dates or attribution) and
    print the metrics as JSON."""
    metrics = evaluate(task, file, predictions=predictions, embeddings=embeddings)
    _echo(json.dumps(metrics, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
