"""What an article's metadata says, checked and made into a :class:`Document`: the fields of
its source, the **parts** its text is cut into, the **claims** a person recorded by hand.

The metadata comes from a TOML sidecar ``NAME.toml`` beside the article, from front matter at
the top of the text between ``+++`` lines, or from the article's row of a metadata table.  A
sidecar may cut the text into parts (the pieces a compilation page reposts, the reader
comments under a post), each a source of its own whose ``parent`` is the page, and may list
claims a person recorded by hand.

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

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import ClaimtrackError, ModelError, SidecarError
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
from claimtrack.time.facts import read_date

__all__ = [
    "TOP_KEYS",
    "Document",
    "build_document",
    "check_keys",
    "parse_toml",
    "split_front_matter",
]

_DATE_FAILURES = (ClaimtrackError, ValueError, OverflowError, AssertionError, RecursionError)

_SOURCE_KEYS = {"id", "title", "outlet", "url", "published", "authors", "kind", "derived_from"}
_PART_KEYS = _SOURCE_KEYS | {"starts", "ends"}
_CLAIM_KEYS = {"text", "speaker", "quote", "said", "about", "stance", "modality", "direct", "via"}
TOP_KEYS = _SOURCE_KEYS | {"parts", "claims"}


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


def split_front_matter(text: str, path: Path) -> tuple[str, dict[str, Any] | None]:
    if not text.startswith("+++\n"):
        return text, None
    end = text.find("\n+++\n", 4)
    if end < 0:
        raise SidecarError("front matter opened with +++ is never closed", location=str(path))
    meta = parse_toml(text[4:end], path)
    return text[end + 5 :], meta


def parse_toml(text: str, where: Path) -> dict[str, Any]:
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


def _get_bool(meta: Mapping[str, Any], key: str, default: bool, where: str) -> bool:
    value = meta.get(key, default)
    if not isinstance(value, bool):
        raise SidecarError(f"{key} must be true or false, got {value!r}", location=where)
    return value


def _via(spec: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """The attribution chain's actor ids; a name that makes no id is refused."""
    names = _get_strs(spec, "via", where)
    ids = tuple(slugify(name) for name in names)
    for name, actor_id in zip(names, ids, strict=True):
        if not actor_id:
            raise SidecarError(f"via: {name!r} is not a name (no letter or digit)", location=where)
    return ids


def check_keys(meta: Mapping[str, Any], allowed: set[str], where: str) -> None:
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
    except _DATE_FAILURES as exc:  # time/ should raise DateResolutionError only
        raise SidecarError(f"published: cannot read date {value!r}: {exc}", location=where) from exc


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
        check_keys(spec, _PART_KEYS, part_where)
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
        check_keys(spec, _CLAIM_KEYS | {"source"}, claim_where)
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
                    direct=_get_bool(spec, "direct", exact is not None, claim_where),
                    via=_via(spec, claim_where),
                    recorded_by="sidecar",
                )
            )
        except _DATE_FAILURES as exc:
            raise SidecarError(str(exc), location=claim_where) from exc
    return claims, list(actors.values())


def build_document(text: str, meta: Mapping[str, Any], where: str, *, source_id: str,
                   path: str | None) -> Document:  # fmt: skip
    """The document of an article's ``text`` and its checked metadata ``meta`` (``where``
    names it in errors): its page's source, then its parts, and the claims recorded in it."""
    source_id = _get_str(meta, "id", where) or source_id
    shown_path = path
    try:
        page = Source(id=source_id, text=text, path=shown_path, **_source_fields(meta, where))
    except ModelError as exc:
        raise SidecarError(str(exc), location=where) from exc
    sources = [page]
    if "parts" in meta:
        sources += _parts(page, meta["parts"], where)
    claims, actors = _claims(meta.get("claims", []), sources, where)
    return Document(sources=tuple(sources), claims=tuple(claims), actors=tuple(actors))
