"""The one cattrs converter, and claimtrack's versioned JSON.

All (de)serialisation goes through :data:`converter`; nothing else in claimtrack configures
cattrs.  Documents carry a ``schema`` version; a document of an unknown version, or one that
does not fit the model, is refused with a :class:`~claimtrack.errors.SchemaError` whose
``path`` names the bad field.

>>> from claimtrack.model import Analysis, Source
>>> text = dumps(Analysis(sources=[Source(id="s1", title="A title")]))
>>> loads(text).sources[0].title
'A title'
>>> try:
...     loads('{"schema": "claimtrack/99", "sources": []}')
... except SchemaError as error:
...     print(error.path, error.version)
$.schema claimtrack/99
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import cattrs
from cattrs.preconf.json import make_converter

from claimtrack.errors import ClaimtrackError, SchemaError
from claimtrack.model import Analysis, When

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "decision_lines",
    "dumps",
    "iter_jsonl",
    "iter_records",
    "loads",
    "parse_json",
    "structure",
    "unstructure",
]

SCHEMA_VERSION = "claimtrack/1"
"""The version of the JSON documents this claimtrack writes and reads."""

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, _structure_date)
    # Import limits: a JSON number is not a string, nor "no" a boolean (cattrs would turn
    # ``"id": 5`` into "5" and ``"direct": "no"`` into True).
    # (By predicate: a hook for str would also catch its subclasses, the StrEnums.)
    conv.register_structure_hook_func(lambda cls: cls is str, _strict(str))
    conv.register_structure_hook_func(lambda cls: cls is bool, _strict(bool))
    base_unstructure = conv.get_unstructure_hook(When)
    base_structure = conv.get_structure_hook(When)

    def unstructure_when(when: When) -> dict[str, Any]:
        data: dict[str, Any] = base_unstructure(when)
        data["timex"] = when.timex  # derived, written for readers and other tools
        return data

    def structure_when(data: Any, cls: type[When]) -> When:
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "timex"}
        return base_structure(data, cls)  # type: ignore[no-any-return]

    conv.register_unstructure_hook(When, unstructure_when)
    conv.register_structure_hook(When, structure_when)
    return conv


def _strict(kind: type[T]) -> Any:
    def structure_exactly(value: Any, _: type[T]) -> T:
        if not isinstance(value, kind):
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure_exactly


def _structure_date(value: Any, _: type[dt.date]) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


converter: cattrs.Converter = _make_converter()
"""The converter every claimtrack value goes through."""


def unstructure(value: Any) -> Any:
    """``value`` as plain JSON-ready data (dicts, lists, strings, numbers)."""
    return converter.unstructure(value)


def _error_path(exc: Exception, path: str) -> tuple[str, str]:
    """The first readable message of a cattrs error and the path it names."""
    if isinstance(exc, ClaimtrackError):  # a model validator refused the value
        return str(exc), path
    messages = cattrs.transform_error(exc, path=path)
    first = messages[0] if messages else str(exc)
    message, _, where = first.rpartition(" @ ")
    return (message, where) if message else (first, path)


def structure(data: Any, cls: type[T], *, path: str = "$") -> T:
    """Build a ``cls`` from plain data; a :class:`SchemaError` names the bad field."""
    try:
        return converter.structure(data, cls)
    except (
        cattrs.BaseValidationError,
        ClaimtrackError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
    ) as exc:
        message, where = _error_path(exc, path)
        raise SchemaError(message, path=where) from exc


_SECTIONS = {name: field.type for name, field in ((f.name, f) for f in Analysis.__attrs_attrs__)}


def _check_version(document: Any) -> str:
    if not isinstance(document, dict):
        raise SchemaError(f"expected a JSON object, got {type(document).__name__}", path="$")
    version = document.get("schema")
    if version is None:
        raise SchemaError("missing the schema version", path="$.schema")
    if version != SCHEMA_VERSION:
        raise SchemaError(
            f"unknown schema version {version!r} (this claimtrack reads {SCHEMA_VERSION})",
            path="$.schema",
            version=str(version),
        )
    return str(version)


def analysis_from_data(document: Any) -> Analysis:
    """An :class:`Analysis` from a parsed JSON document, checked section by section so an
    error names the exact item (``$.claims[3].said``)."""
    _check_version(document)
    unknown = sorted(set(document) - set(_SECTIONS) - {"schema"})
    if unknown:
        raise SchemaError(f"unknown section {unknown[0]!r}", path=f"$.{unknown[0]}")
    sections: dict[str, list[Any]] = {}
    for name in _SECTIONS:
        items = document.get(name, [])
        if not isinstance(items, list):
            raise SchemaError(f"expected a list, got {type(items).__name__}", path=f"$.{name}")
        item_type = _item_type(name)
        sections[name] = [
            structure(item, item_type, path=f"$.{name}[{i}]") for i, item in enumerate(items)
        ]
    return Analysis(**sections)


def _item_type(section: str) -> type[Any]:
    from claimtrack import model

    names = {
        "sources": "Source",
        "actors": "Actor",
        "claims": "Claim",
        "clusters": "Cluster",
        "conflicts": "Conflict",
    }
    return getattr(model, names[section])  # type: ignore[no-any-return]


def analysis_to_data(analysis: Analysis) -> dict[str, Any]:
    """The plain-data form of an analysis, with its schema version first."""
    data: dict[str, Any] = {"schema": SCHEMA_VERSION}
    data.update(converter.unstructure(analysis))
    return data


def dumps(analysis: Analysis, *, indent: int | None = 2) -> str:
    """An analysis as claimtrack JSON."""
    return json.dumps(analysis_to_data(analysis), indent=indent, ensure_ascii=False)


MAX_INT_DIGITS = 20
"""A JSON integer of more digits than this is refused (no claimtrack number needs more)."""


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"an integer of {len(digits)} digits (at most {MAX_INT_DIGITS})")
    return int(digits)


def _check_text(document: Any) -> None:
    """Refuse strings that are not Unicode (a lone surrogate such as ``"\\ud800"``)."""
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise SchemaError("text that is not valid Unicode (a lone surrogate)",
                                  path="$") from None  # fmt: skip
        elif isinstance(value, dict):
            stack += value.keys()
            stack += value.values()
        elif isinstance(value, list):
            stack += value


def parse_json(text: str | bytes, *, where: str = "") -> Any:
    """JSON text as plain data, within claimtrack's import limits: nesting Python can
    follow, integers of at most :data:`MAX_INT_DIGITS` digits, Unicode text only."""
    prefix = f"{where}: " if where else ""
    try:
        document = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{prefix}not valid JSON: {exc.msg}", path="$") from exc
    except RecursionError:
        raise SchemaError(f"{prefix}JSON nested too deeply", path="$") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{prefix}not valid JSON: {exc}", path="$") from exc
    _check_text(document)
    return document


def loads(text: str | bytes) -> Analysis:
    """An analysis from claimtrack JSON; raises :class:`SchemaError` for anything else."""
    return analysis_from_data(parse_json(text))


_RECORD_TYPES = {
    "source": "sources",
    "actor": "actors",
    "claim": "claims",
    "cluster": "clusters",
    "conflict": "conflicts",
}


def record_lines(analysis: Analysis) -> Iterator[str]:
    """An analysis as JSON Lines: a header line with the schema, then one record a line,
    each tagged with its ``type`` (source, actor, claim, cluster, conflict)."""
    yield json.dumps({"schema": SCHEMA_VERSION}, ensure_ascii=False)
    for record_type, section in _RECORD_TYPES.items():
        for value in getattr(analysis, section):
            data = {"type": record_type, **converter.unstructure(value)}
            yield json.dumps(data, ensure_ascii=False)


_READ_TYPES = {**_RECORD_TYPES, "decision": "decisions"}
"""Record types of JSON Lines: the analysis's, and a person's membership decisions."""


_DECISION_FIELDS = {"claim": str, "other": str, "same": bool, "decided_by": str}


def _decision(data: dict[str, Any], where: str) -> dict[str, Any]:
    """A membership decision record, its fields checked (the store builds the value)."""
    data.setdefault("decided_by", "person")
    if set(data) != set(_DECISION_FIELDS):
        raise SchemaError(f"{where}: a decision has the fields {sorted(_DECISION_FIELDS)}",
                          path="$")  # fmt: skip
    for name, kind in _DECISION_FIELDS.items():
        if not isinstance(data[name], kind) or data[name] == "":
            raise SchemaError(f"{where}: {name} must be a non-empty {kind.__name__}",
                              path=f"$.{name}")  # fmt: skip
    return data


def decision_lines(decisions: Iterable[Any]) -> Iterator[str]:
    """Membership decisions as JSON Lines records of type ``decision``."""
    for decision in decisions:
        yield json.dumps({"type": "decision", **converter.unstructure(decision)},
                         ensure_ascii=False)  # fmt: skip


def iter_records(lines: Iterable[str], *, name: str = "<jsonl>") -> Iterator[tuple[str, Any]]:
    """The records of claimtrack JSON Lines, one at a time, as ``(section, value)`` pairs
    (section: sources, actors, claims, clusters, conflicts, decisions).  Memory stays
    bounded whatever the size of the file; a bad line raises :class:`SchemaError` naming its
    number."""
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        data = parse_json(line, where=where)
        if not header_seen:
            _check_version(data)
            header_seen = True
            continue
        if not isinstance(data, dict) or data.get("type") not in _READ_TYPES:
            raise SchemaError(f"{where}: expected a record with a type among "
                              f"{sorted(_READ_TYPES)}", path="$.type")  # fmt: skip
        section = _READ_TYPES[data.pop("type")]
        if section == "decisions":  # the store's record: checked here, built by the store
            yield section, _decision(data, where)
            continue
        try:
            yield section, structure(data, _item_type(section))
        except SchemaError as exc:
            raise SchemaError(f"{where}: {str(exc).rpartition(' @ ')[0]}", path=exc.path) from exc
    if not header_seen:
        raise SchemaError(f"{name}: empty, expected a schema header line", path="$")


def iter_jsonl(lines: Iterable[str], *, name: str = "<jsonl>") -> Analysis:
    """An analysis from claimtrack JSON Lines (as :func:`record_lines` writes them)."""
    sections: dict[str, list[Any]] = {section: [] for section in _RECORD_TYPES.values()}
    for section, value in iter_records(lines, name=name):
        if section in sections:  # decisions are the store's, not the analysis's
            sections[section].append(value)
    return Analysis(**sections)


def is_claimtrack_json(head: str) -> bool:
    """Whether a file starting with ``head`` looks like claimtrack's own JSON or JSONL."""
    return re.match(r'\s*\{\s*"schema"\s*:', head) is not None
