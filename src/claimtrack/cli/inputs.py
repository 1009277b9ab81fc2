"""What ``ingest`` and ``analyze`` read and store: article folders and files, claimtrack's
own exports and actors files, all read and checked before one transaction stores them and
re-clusters the store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import attrs
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from claimtrack.actors import ActorRegistry
from claimtrack.cli.shared import echo
from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.linking.embeddings import Embedder
from claimtrack.model import Analysis
from claimtrack.pipeline import refresh
from claimtrack.reading.files import read_regular
from claimtrack.reading.folder import Document, read_folder
from claimtrack.serialization import is_claimtrack_json, iter_records, loads
from claimtrack.store import ClaimStore

MAX_ACTORS_BYTES = 5 * 1024 * 1024
"""An actors file larger than this is refused."""


@attrs.frozen
class JsonlExport:
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


def warn_undated(documents: Sequence[Document]) -> None:
    """Say on stderr how many articles have no publication date."""
    # A compilation page whose every piece has its own date is dated by its pieces.
    undated = sum(1 for d in documents if d.source.published is None
                  and not (d.sources[1:] and all(p.published for p in d.sources[1:])))  # fmt: skip
    if undated:
        echo(f"claimtrack: warning: {undated} of {len(documents)} articles have no "
                   "publication date (give `published` in a sidecar, a metadata table or the "
                   "page); their relative dates stay unresolved", err=True)  # fmt: skip


def read_inputs(
    paths: Sequence[str], actors_file: str | None = None, metadata: str | None = None
) -> tuple[list[Document], ActorRegistry, list[Analysis | JsonlExport]]:
    """Article folders and files become documents; claimtrack's own JSON exports are read
    back as they are, and JSONL exports are checked line by line (and later streamed into
    the store).  Everything is read and checked before anything is stored.

    Actors (and the story's names) come from ``actors_file`` and from an ``actors.toml`` in
    each folder read."""
    documents = []
    exports: list[Analysis | JsonlExport] = []
    actor_files = [Path(actors_file)] if actors_file else []
    for name in paths:
        path = Path(name)
        if path.is_file() and path.suffix == ".jsonl" and _is_export(path):
            ids = tuple(v.id for section, v in _jsonl_records(path) if section == "sources")
            exports.append(JsonlExport(path, ids))
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


def store_all(store: ClaimStore, analysis: Analysis,
              exports: Sequence[Analysis | JsonlExport],
              embedder: Embedder | None = None) -> None:  # fmt: skip
    """Store what was read, then cluster and find conflicts over the whole store: all in one
    transaction, so no reader ever sees claims without their clusters."""
    with store.atomic():
        copies = store.add_articles(analysis)
        for part in exports:
            if isinstance(part, JsonlExport):
                store.add_records(_jsonl_records(part.path))
            else:
                store.add_analysis(part)
        _connect(store, embedder)
    paths = {s.id: s.path or s.id for s in analysis.sources}
    for copy, kept in sorted(copies.items()):
        if copy in paths and kept != copy:
            echo(f"claimtrack: note: {paths[copy]} has the same text as source {kept!r}; "
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
