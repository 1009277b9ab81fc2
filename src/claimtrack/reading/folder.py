"""Reading articles from disk: text files and saved web pages, with their metadata from a
sidecar, front matter or a metadata table (its format is :mod:`claimtrack.reading.sidecar`).
Everything is read and checked before anything is returned, so a bad sidecar never leaves
half a folder in the store.

Encoding policy: text must be UTF-8 (a byte-order mark is allowed and dropped); Windows line
ends are read as ``\\n``.  Anything else is refused with the file and byte offset at fault,
never silently replaced, because claim offsets must point at the real text.  Only regular
files are read (no FIFOs, devices or link loops), each kind under a size cap, file names
must be valid UTF-8, and no link (article or sidecar) may lead out of the folder read; see
``docs/robustness.md``.

A source's id is its sidecar's ``id``, else the file's stem; its ``path`` starts with the
name of the folder read (``seeds/000.txt``), so two articles of one name in two folders are
told apart, and the store refuses to let the second take the first one's id.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from claimtrack.errors import InputError, SidecarError
from claimtrack.reading.files import (
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_BYTES,
    MAX_SIDECAR_BYTES,
    article_paths,
    read_regular,
    read_text,
    shown,
)
from claimtrack.reading.sidecar import (
    TOP_KEYS,
    Document,
    build_document,
    check_keys,
    parse_toml,
    split_front_matter,
)
from claimtrack.reading.table import TABLE_SUFFIXES, Row, headline, metadata_rows, read_rows
from claimtrack.reading.webpage import PAGE_SUFFIXES, read_page

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "MAX_SIDECAR_BYTES",
    "METADATA_TABLE",
    "Document",
    "article_paths",
    "read_folder",
    "read_regular",
    "read_source",
    "read_table",
    "read_text",
]

METADATA_TABLE = "metadata.csv"
"""A folder's table of its articles' metadata, read when present (see reading.table)."""


def _sidecar(path: Path, root: Path) -> Path | None:
    """The sidecar of ``path``, if any; one that links out of ``root`` is refused."""
    sidecar = path.with_suffix(".toml")
    if not sidecar.is_symlink() and not sidecar.exists():
        return None
    try:
        real = sidecar.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise SidecarError(f"cannot read sidecar: {exc}", location=shown(sidecar)) from exc
    if not real.is_relative_to(root.resolve()):
        raise SidecarError(
            f"links outside the folder {shown(root)} (to {shown(real)}); refusing to read it",
            location=shown(sidecar),
        )
    return sidecar


def read_source(path: str | Path, *, root: Path | None = None,
                defaults: Row | None = None) -> Document:  # fmt: skip
    """Read one article file (text or saved web page) and its sidecar into a
    :class:`Document`.  ``root`` is the folder read (the file's own folder when not given):
    the shown path starts with its name, and no sidecar may link out of it.  ``defaults`` is
    the file's row of a metadata table, which a sidecar or front matter overrides."""
    path = Path(os.fsdecode(path)) if isinstance(path, bytes) else Path(path)
    if "\x00" in str(path):
        raise InputError(f"file name {str(path)!r} holds a NUL character")
    found: dict[str, Any] = {}
    if path.suffix.lower() in PAGE_SUFFIXES:
        text, found = read_page(path)
        front = None
    else:
        text, front = split_front_matter(read_text(path), path)
    folder = root if root is not None else path.parent
    sidecar = _sidecar(path, folder)
    where = shown(path)
    if front is not None:
        meta, where = front, f"{where} (front matter)"
    elif sidecar is not None:
        where = shown(sidecar)
        raw = read_text(sidecar, max_bytes=MAX_SIDECAR_BYTES, kind="sidecar")
        meta = parse_toml(raw, sidecar)
    elif defaults is not None:
        meta, where = dict(defaults.meta), defaults.where
    else:
        meta = {}
    check_keys(meta, TOP_KEYS, where)
    meta = {**found, **meta}
    if "title" not in meta and (first := headline(text)) is not None:
        meta["title"] = first
    try:
        folder_name = folder.resolve().name
    except (OSError, RuntimeError):
        folder_name = ""
    shown_path = (Path(folder_name) / path.relative_to(folder)).as_posix()
    return build_document(text, meta, where, source_id=path.stem, path=shown_path)


def read_table(path: str | Path) -> list[Document]:
    """The articles of a CSV or JSON Lines table (see :mod:`claimtrack.reading.table`)."""
    path = Path(path)
    documents = []
    for row in read_rows(path):
        text = str(row.text).replace("\r\n", "\n").replace("\r", "\n")
        meta = dict(row.meta)
        if "title" not in meta and (first := headline(text)) is not None:
            meta["title"] = first
        source_id = f"{path.stem}-{row.number}"
        documents.append(build_document(text, meta, row.where, source_id=source_id,
                                        path=path.name))  # fmt: skip
    return documents


def read_folder(folder: str | Path, *, metadata: str | Path | None = None) -> list[Document]:
    """Every article in ``folder`` (and its subfolders), read and checked; ``folder`` may
    also be one article file, a saved web page, or a CSV / JSON Lines table of articles.

    ``metadata`` is a table of the articles' fields, one row per file (a ``metadata.csv`` in
    the folder is read when none is named).  Raises :class:`~claimtrack.errors.InputError`
    naming the first bad file; nothing is returned unless everything could be read.
    """
    folder = Path(os.fsdecode(folder)) if isinstance(folder, bytes) else Path(folder)
    try:
        if "\x00" in str(folder):
            raise InputError(f"path {str(folder)!r} holds a NUL character")
        if not folder.exists() and not folder.is_symlink():
            raise InputError(f"no such folder: {shown(folder)}")
        if not folder.is_dir():
            tables = folder.suffix.lower() in TABLE_SUFFIXES
            documents = read_table(folder) if tables else [read_source(folder)]
            return _unique(documents)
        table = Path(metadata) if metadata is not None else folder / METADATA_TABLE
        rows = metadata_rows(table) if metadata is not None or table.is_file() else {}
    except OSError as exc:  # a name too long, a folder we may not enter...
        raise InputError(f"cannot read: {exc.strerror or exc}", location=shown(folder)) from exc
    documents = []
    for path in article_paths(folder):
        key = path.relative_to(folder).as_posix().removesuffix(".txt")
        documents.append(read_source(path, root=folder, defaults=rows.pop(key, None)))
    if rows:
        row = next(iter(rows.values()))
        raise InputError(f"no article file {row.file!r} in {shown(folder)}", location=row.where)
    if not documents:
        raise InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in {shown(folder)}")
    return _unique(documents)


def _unique(documents: list[Document]) -> list[Document]:
    """The documents, once no two sources share an id."""
    seen: dict[str, str] = {}
    for doc in documents:
        for source in doc.sources:
            if source.id in seen:
                raise InputError(
                    f"source id {source.id!r} is used by both {seen[source.id]} and {source.path}"
                )
            seen[source.id] = source.path or source.id
    return documents
