"""Reading articles from disk: text files with their metadata sidecars.

An article is a UTF-8 text file (``NAME.txt``); its metadata lives beside it in a TOML
sidecar ``NAME.toml`` (or at the top of the text between ``+++`` lines).  A sidecar may cut
the text into **parts** (the pieces a compilation page reposts, the reader comments under a
post), each a source of its own whose ``parent`` is the page, and may list **claims** a person
recorded by hand.  Everything is read and checked before anything is returned, so a bad
sidecar never leaves half a folder in the store.

Encoding policy: text must be UTF-8 (a byte-order mark is allowed and dropped); Windows line
ends are read as ``\\n``.  Anything else is refused with the file and byte offset at fault,
never silently replaced, because claim offsets must point at the real text.

A sidecar::

    title = "Al-Qaeda just got dumped by its partner in Syria"
    outlet = "VICE News"
    published = "2016-07-28"        # or 2016-07, 2015-FA, "autumn 2015", 2014
    kind = "article"

    [[parts]]                        # optional: pieces of a compilation page
    id = "memri-2016-05-09"
    starts = "Al-Qaeda Leader Ayman Al-Zawahiri"   # text where the piece begins
    outlet = "MEMRI"
    published = "2016-05-09"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import ClaimtrackError, InputError, ModelError, SidecarError
from claimtrack.model import (
    Actor,
    ActorKind,
    Claim,
    Modality,
    Quote,
    Source,
    SourceKind,
    Stance,
    When,
    slugify,
)
from claimtrack.reading.table import TABLE_SUFFIXES, Row, metadata_rows, read_rows
from claimtrack.reading.webpage import PAGE_SUFFIXES, decode_page, page_metadata, page_text
from claimtrack.time.facts import read_date

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "METADATA_TABLE",
    "Document",
    "read_folder",
    "read_source",
    "read_table",
]

ARTICLE_SUFFIXES = (".txt", *PAGE_SUFFIXES)
"""File endings read as articles (text files and saved web pages)."""

METADATA_TABLE = "metadata.csv"
"""A folder's table of its articles' metadata, read when present (see reading.table)."""

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""An article larger than this is refused: it is a dump, not an article (ingest JSONL)."""

_SOURCE_KEYS = {"id", "title", "outlet", "url", "published", "authors", "kind", "derived_from"}
_PART_KEYS = _SOURCE_KEYS | {"starts", "ends"}
_CLAIM_KEYS = {"text", "speaker", "quote", "said", "about", "stance", "modality", "direct", "via"}
_TOP_KEYS = _SOURCE_KEYS | {"parts", "claims"}


@attrs.frozen(kw_only=True)
class Document:
    """What one article file yields: its sources (the page first, then its parts), the claims
    its sidecar lists, and the actors those claims name."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()

    @property
    def source(self) -> Source:
        """The source of the file itself."""
        return self.sources[0]


def read_text(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """The text of an article file, by claimtrack's encoding policy."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size:,} bytes, more than the {max_bytes:,} an article may have",
                location=str(path),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=str(path)) from exc
    if b"\x00" in data[:8192]:
        raise InputError("binary file (it holds NUL bytes), not a text article", location=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 at byte {exc.start} (claimtrack reads UTF-8 text; "
            "convert the file, e.g. with iconv)",
            location=str(path),
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty file", location=str(path))
    return text


def _split_front_matter(text: str, path: Path) -> tuple[str, dict[str, Any] | None]:
    if not text.startswith("+++\n"):
        return text, None
    end = text.find("\n+++\n", 4)
    if end < 0:
        raise SidecarError("front matter opened with +++ is never closed", location=str(path))
    meta = _parse_toml(text[4:end], path)
    return text[end + 5 :], meta


def _parse_toml(text: str, where: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SidecarError(f"not valid TOML: {exc}", location=str(where)) from exc


def _get_str(meta: Mapping[str, Any], key: str, where: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SidecarError(f"{key} must be a non-empty string, got {value!r}", location=where)
    return value.strip()


def _get_strs(meta: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = meta.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SidecarError(f"{key} must be a list of strings, got {value!r}", location=where)
    return tuple(v.strip() for v in value if v.strip())


def _check_keys(meta: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(meta) - allowed)
    if unknown:
        raise SidecarError(
            f"unknown field {unknown[0]!r} (known: {', '.join(sorted(allowed))})", location=where
        )


def _published(meta: Mapping[str, Any], where: str) -> When | None:
    value = meta.get("published")
    if value is None:
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        value = value.isoformat()[:10]  # TOML dates arrive as datetime.date
    if not isinstance(value, str):
        raise SidecarError(f"published must be a date string, got {value!r}", location=where)
    try:
        return read_date(value)
    except ClaimtrackError as exc:
        raise SidecarError(f"published: {exc}", location=where) from exc


def _source_fields(meta: Mapping[str, Any], where: str) -> dict[str, Any]:
    kind = meta.get("kind", "article")
    try:
        source_kind = SourceKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in SourceKind)
        raise SidecarError(f"kind {kind!r} is not one of {known}", location=where) from None
    return {
        "title": _get_str(meta, "title", where),
        "outlet": _get_str(meta, "outlet", where),
        "url": _get_str(meta, "url", where),
        "published": _published(meta, where),
        "authors": _get_strs(meta, "authors", where),
        "kind": source_kind,
        "derived_from": _get_strs(meta, "derived_from", where),
    }


def _parts(page: Source, specs: Any, where: str) -> list[Source]:
    """Cut the page's text into the parts its sidecar names, in order."""
    if not isinstance(specs, list) or not all(isinstance(p, dict) for p in specs):
        raise SidecarError("parts must be a list of tables ([[parts]])", location=where)
    text = page.text
    starts: list[int] = []
    cursor = 0
    for i, spec in enumerate(specs):
        part_where = f"{where}: parts[{i}]"
        _check_keys(spec, _PART_KEYS, part_where)
        marker = _get_str(spec, "starts", part_where)
        if marker is None:
            raise SidecarError(
                "a part needs `starts`, the text it begins with", location=part_where
            )
        found = text.find(marker, cursor)
        if found < 0:
            raise SidecarError(
                f"starts {marker!r} is not in the text after the previous part", location=part_where
            )
        starts.append(found)
        cursor = found + len(marker)
    parts = []
    for i, (spec, start) in enumerate(zip(specs, starts, strict=True)):
        part_where = f"{where}: parts[{i}]"
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        if (ends := _get_str(spec, "ends", part_where)) is not None:
            found = text.find(ends, start, end)
            if found < 0:
                raise SidecarError(f"ends {ends!r} is not inside the part", location=part_where)
            end = found
        part_id = _get_str(spec, "id", part_where) or f"{page.id}.{i + 1}"
        try:
            parts.append(
                Source(
                    id=part_id,
                    text=text[start:end],
                    path=page.path,
                    parent=page.id,
                    **_source_fields(spec, part_where),
                )
            )
        except ModelError as exc:
            raise SidecarError(str(exc), location=part_where) from exc
    ids = [page.id, *(p.id for p in parts)]
    if len(set(ids)) != len(ids):
        raise SidecarError("two parts share one id", location=where)
    return parts


def _claims(specs: Any, sources: list[Source], where: str) -> tuple[list[Claim], list[Actor]]:
    """The claims a person listed in the sidecar, anchored in the text they quote."""
    if not isinstance(specs, list) or not all(isinstance(c, dict) for c in specs):
        raise SidecarError("claims must be a list of tables ([[claims]])", location=where)
    claims: list[Claim] = []
    actors: dict[str, Actor] = {}
    for i, spec in enumerate(specs):
        claim_where = f"{where}: claims[{i}]"
        _check_keys(spec, _CLAIM_KEYS | {"source"}, claim_where)
        text = _get_str(spec, "text", claim_where)
        if text is None:
            raise SidecarError("a claim needs `text`", location=claim_where)
        source_id = _get_str(spec, "source", claim_where) or sources[0].id
        source = next((s for s in sources if s.id == source_id), None)
        if source is None:
            raise SidecarError(
                f"source {source_id!r} is neither the file nor one of its parts",
                location=claim_where,
            )
        exact = _get_str(spec, "quote", claim_where)
        quote = None
        if exact is not None:
            start = source.text.find(exact)
            if start < 0:
                raise SidecarError(
                    f"quote {exact[:40]!r} is not in the text of {source_id}", location=claim_where
                )
            end = start + len(exact)
            quote = Quote(
                exact=exact,
                start=start,
                end=end,
                prefix=source.text[max(0, start - 32) : start],
                suffix=source.text[end : end + 32],
            )
        speaker = None
        if (name := _get_str(spec, "speaker", claim_where)) is not None:
            actor = Actor.named(name, kind=ActorKind.UNKNOWN)
            actors.setdefault(actor.id, actor)
            speaker = actor.id
        anchor = source.published.latest if source.published else None
        try:
            said = None if "said" not in spec else read_date(str(spec["said"]), anchor=anchor)
            about = None if "about" not in spec else read_date(str(spec["about"]), anchor=anchor)
            claims.append(
                Claim.create(
                    text=text,
                    source=source.id,
                    quote=quote,
                    speaker=speaker,
                    said=said,
                    about=about,
                    stance=Stance(spec.get("stance", "asserts")),
                    modality=Modality(spec.get("modality", "certain")),
                    direct=bool(spec.get("direct", exact is not None)),
                    via=tuple(slugify(v) for v in _get_strs(spec, "via", claim_where)),
                    recorded_by="sidecar",
                )
            )
        except (ClaimtrackError, ValueError) as exc:
            raise SidecarError(str(exc), location=claim_where) from exc
    return claims, list(actors.values())


def _headline(text: str) -> str | None:
    """The first line of a text when it reads as a headline: short, and not a sentence."""
    first = text.lstrip().split("\n", 1)[0].strip()
    words = first.split()
    if not 2 <= len(words) <= 25 or first[-1] in ".,;:!" or not first[0].isupper():
        return None
    return first


def _page(path: Path) -> tuple[str, dict[str, Any]]:
    """A saved web page's article text and the sidecar fields its markup gives."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=where) from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"file is more than the {MAX_ARTICLE_BYTES:,} bytes an article may have",
                         location=where)  # fmt: skip
    html = decode_page(data, where)
    found = page_metadata(html)
    meta: dict[str, Any] = {k: v for k in ("title", "outlet", "url", "published")
                            if (v := getattr(found, k)) is not None}  # fmt: skip
    if found.authors:
        meta["authors"] = list(found.authors)
    if "published" in meta:
        try:
            read_date(meta["published"])
        except ClaimtrackError:
            del meta["published"]  # a page's own odd date is no reason to refuse the page
    return page_text(html, path), meta


def read_source(path: str | Path, *, root: Path | None = None,
                defaults: Row | None = None) -> Document:  # fmt: skip
    """Read one article file (text or saved web page) and its sidecar into a
    :class:`Document`; ``defaults`` is its row of a metadata table, which a sidecar
    overrides."""
    path = Path(path)
    if path.suffix.lower() in PAGE_SUFFIXES:
        text, found = _page(path)
        front = None
    else:
        text, front = _split_front_matter(read_text(path), path)
        found = {}
    sidecar = path.with_suffix(".toml")
    if front is not None:
        meta, where = front, f"{path} (front matter)"
    elif sidecar.is_file():
        meta, where = _parse_toml(read_text(sidecar), sidecar), str(sidecar)
    elif defaults is not None:
        meta, where = dict(defaults.meta), defaults.where
    else:
        meta, where = {}, str(path)
    _check_keys(meta, _TOP_KEYS, where)
    meta = {**found, **meta}
    if "title" not in meta and (headline := _headline(text)) is not None:
        meta["title"] = headline
    shown = path.relative_to(root) if root is not None else path
    shown_path = shown.as_posix()
    return _document(text, meta, where, source_id=path.stem, path=shown_path)


def _document(text: str, meta: Mapping[str, Any], where: str, *, source_id: str,
              path: str | None) -> Document:  # fmt: skip
    source_id = _get_str(meta, "id", where) or source_id
    try:
        page = Source(id=source_id, text=text, path=path, **_source_fields(meta, where))
    except ModelError as exc:
        raise SidecarError(str(exc), location=where) from exc
    sources = [page]
    if "parts" in meta:
        sources += _parts(page, meta["parts"], where)
    claims, actors = _claims(meta.get("claims", []), sources, where)
    return Document(sources=tuple(sources), claims=tuple(claims), actors=tuple(actors))


def read_table(path: str | Path) -> list[Document]:
    """The articles of a CSV or JSON Lines table (see :mod:`claimtrack.reading.table`)."""
    path = Path(path)
    documents = []
    for row in read_rows(path):
        text = str(row.text).replace("\r\n", "\n").replace("\r", "\n")
        meta = dict(row.meta)
        if "title" not in meta and (headline := _headline(text)) is not None:
            meta["title"] = headline
        documents.append(_document(text, meta, row.where, source_id=f"{path.stem}-{row.number}",
                                   path=path.name))  # fmt: skip
    return documents


def article_paths(folder: Path) -> Iterator[Path]:
    """The article files of a folder (recursively), sorted; refuses links out of it."""
    root = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(dirpath) / name
            real = path.resolve()
            if not real.is_relative_to(root):
                raise InputError(
                    f"links outside the folder {folder} (to {real}); refusing to read it",
                    location=str(path),
                )
            yield path


def read_folder(folder: str | Path, *, metadata: str | Path | None = None) -> list[Document]:
    """Every article in ``folder`` (and its subfolders), read and checked; ``folder`` may
    also be one article file, a saved web page, or a CSV / JSON Lines table of articles.

    ``metadata`` is a table of the articles' fields, one row per file (a ``metadata.csv`` in
    the folder is read when none is named).  Raises :class:`~claimtrack.errors.InputError`
    naming the first bad file; nothing is returned unless everything could be read.
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"no such folder: {folder}")
    if folder.is_file() and folder.suffix.lower() in TABLE_SUFFIXES:
        documents = read_table(folder)
    elif folder.is_file():
        documents = [read_source(folder)]
    else:
        table = Path(metadata) if metadata is not None else folder / METADATA_TABLE
        rows = metadata_rows(table) if metadata is not None or table.is_file() else {}
        documents = []
        for p in article_paths(folder):
            key = p.relative_to(folder).as_posix().removesuffix(".txt")
            documents.append(read_source(p, root=folder, defaults=rows.pop(key, None)))
        if rows:
            row = next(iter(rows.values()))
            raise InputError(f"no article file {row.file!r} in {folder}", location=row.where)
    if not documents:
        raise InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in {folder}")
    seen: dict[str, str] = {}
    for doc in documents:
        for source in doc.sources:
            if source.id in seen:
                raise InputError(
                    f"source id {source.id!r} is used by both {seen[source.id]} and {source.path}"
                )
            seen[source.id] = source.path or source.id
    return documents
