"""The one error root of claimtrack and its subclasses.

Every error claimtrack raises on purpose is a :class:`ClaimtrackError`, so callers catch one
class. Each subclass also inherits the builtin it is a kind of (``ValueError``, ``OSError``...)
so code written against plain Python exceptions keeps working, and each carries the offending
value as an attribute so a program can act on it without parsing the message.
"""

from __future__ import annotations

__all__ = [
    "ClaimtrackError",
    "DateResolutionError",
    "InputError",
    "ModelError",
    "NotBuiltError",
    "SchemaError",
    "SidecarError",
    "StoreBusyError",
    "StoreError",
]


class ClaimtrackError(Exception):
    """The root of every error claimtrack raises on purpose."""


class ModelError(ClaimtrackError, ValueError):
    """A model value breaks an invariant (``earliest > latest``, an unknown enum value...)."""


class SchemaError(ClaimtrackError, ValueError):
    """A JSON document does not fit claimtrack's schema.

    ``path`` names the bad field the way JSONPath does (``$.claims[3].said``); ``version`` is
    the schema version the document declared, when it declared one.
    """

    def __init__(self, message: str, *, path: str = "$", version: str | None = None) -> None:
        super().__init__(f"{message} @ {path}" if path else message)
        self.path = path
        self.version = version


class InputError(ClaimtrackError, ValueError):
    """An input file or value cannot be read: missing, binary, empty, not UTF-8, outside
    the folder it was read from...  ``location`` names the file (and line) at fault."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.location = location


class SidecarError(InputError):
    """A metadata sidecar is malformed; the message names the file and the field."""


class DateResolutionError(ClaimtrackError, ValueError):
    """A date given as a fact (a sidecar's ``published``, ``When.parse``) cannot be read."""

    def __init__(self, message: str, *, expression: str) -> None:
        super().__init__(message)
        self.expression = expression


class StoreError(ClaimtrackError, OSError):
    """The claim store cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process held the store's write lock for longer than the bounded wait."""


class NotBuiltError(ClaimtrackError, NotImplementedError):
    """A capability that claimtrack does not offer yet (or whose optional extra is missing)."""
