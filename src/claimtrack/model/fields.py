"""What every model class is built from: tuple converters, validators, content ids, slugs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from claimtrack.errors import ModelError

__all__ = ["check_id", "check_score", "check_span", "content_id", "slugify", "strs", "to_tuple"]

T = TypeVar("T")


def to_tuple(values: Iterable[T]) -> tuple[T, ...]:
    """A sequence as a tuple; a lone string is refused (it would become its characters)."""
    if isinstance(values, str):
        raise ModelError(f"expected a sequence, got the string {values!r}")
    return tuple(values)


def strs(values: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(values)


def content_id(prefix: str, *parts: object) -> str:
    """A short, stable id from the parts that make a record what it is."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def check_id(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise ModelError(f"{type(instance).__name__}.id must be a non-empty string, got {value!r}")


def check_span(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ModelError(f"{type(instance).__name__}: end {value} is before start {instance.start}")


def check_score(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ModelError(f"{type(instance).__name__}.score must be within [0, 1], got {value}")


def slugify(text: str) -> str:
    """A lowercase ASCII id made from a name.

    >>> slugify("Abu Mohamed al-Jolani")
    'abu-mohamed-al-jolani'
    >>> slugify("Jabhat Fateh al-Sham (JFS)")
    'jabhat-fateh-al-sham-jfs'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
