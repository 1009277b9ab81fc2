"""Sources: the documents claims appear in."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import attrs

from claimtrack.errors import ModelError
from claimtrack.model.fields import check_id, strs
from claimtrack.model.notebook import Notebook
from claimtrack.model.when import When

__all__ = ["Source", "SourceKind"]


class SourceKind(StrEnum):
    """What kind of document a source is."""

    ARTICLE = "article"
    STATEMENT = "statement"
    AUDIO_MESSAGE = "audio_message"
    POST = "post"
    COMMENT = "comment"
    COMPILATION = "compilation"
    REPORT = "report"
    TRANSCRIPT = "transcript"


@attrs.frozen(kw_only=True)
class Source(Notebook):
    """A document claims appear in.

    ``parent`` is the source this one sits inside (a piece reposted on a compilation page, a
    reader comment under a post); ``derived_from`` names the sources it was translated or
    syndicated from, so reprints of one story are not counted as independent.
    """

    id: str = attrs.field(validator=check_id)
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: When | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=strs)
    kind: SourceKind = SourceKind.ARTICLE
    path: str | None = None
    parent: str | None = attrs.field(default=None)
    derived_from: tuple[str, ...] = attrs.field(default=(), converter=strs)

    @parent.validator
    def _check_parent(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value == self.id:
            raise ModelError(f"Source {self.id!r} cannot be its own parent")
