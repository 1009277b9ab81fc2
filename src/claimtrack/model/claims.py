"""Claims: who said what, when, where in which source, and the words that decided it."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import attrs

from claimtrack.errors import ModelError
from claimtrack.model.fields import check_id, check_span, content_id, strs, to_tuple
from claimtrack.model.notebook import Notebook
from claimtrack.model.when import When

__all__ = ["Claim", "Cue", "Mention", "Modality", "Quote", "Stance"]


def _cues(values: Iterable[Cue]) -> tuple[Cue, ...]:
    return to_tuple(values)


class Stance(StrEnum):
    """What the speaker does with the proposition."""

    ASSERTS = "asserts"
    DENIES = "denies"
    QUESTIONS = "questions"


class Modality(StrEnum):
    """How firmly the proposition is put."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    REPORTED = "reported"  # the speaker passes on what others say


@attrs.frozen(kw_only=True)
class Quote:
    """Where a claim sits in its source's text: a W3C Web Annotation-style anchor.

    ``exact`` is the quoted text, ``start``/``end`` its offsets (code points) into the
    source text, ``prefix``/``suffix`` a little context either side so the quote can be found
    again if the text shifts.
    """

    exact: str
    start: int = attrs.field(validator=check_span)
    end: int = attrs.field(validator=check_span)
    prefix: str = ""
    suffix: str = ""


@attrs.frozen(kw_only=True)
class Cue:
    """A word or phrase that decided something (a stance, a modality, a conflict).

    ``start``/``end`` are offsets into the text of the claim it belongs to.
    """

    kind: str
    text: str
    start: int = attrs.field(validator=check_span)
    end: int = attrs.field(validator=check_span)


@attrs.frozen(kw_only=True)
class Mention:
    """An actor a claim names: ``text`` is the words naming it ("al-Golani"), ``start``/``end``
    their offsets into the claim's text, ``actor`` the id of the actor they resolve to."""

    actor: str = attrs.field(validator=attrs.validators.min_len(1))
    text: str
    start: int = attrs.field(validator=check_span)
    end: int = attrs.field(validator=check_span)


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return to_tuple(values)


def _claim_id(source: str, text: str, quote: Quote | None) -> str:
    where = f"{quote.start}:{quote.end}" if quote is not None else ""
    return content_id("c", source, where, " ".join(text.split()))


@attrs.frozen(kw_only=True)
class Claim(Notebook):
    """One assertion: who said what, when, in which source, through whom.

    ``via`` is the attribution chain between the speaker and the source, nearest the speaker
    first: "sources in al-Nusra cited by Reuters", reported by VICE, has speaker "sources in
    al-Nusra", via ``("reuters",)`` and source VICE's article (depth 3).  ``said`` is when it
    was asserted (not when it was published), ``about`` when the proposition holds.
    ``mentions`` are the actors the claim's text names, in text order (who it is about).
    """

    id: str = attrs.field(validator=check_id)
    text: str
    source: str
    speaker: str | None = None
    quote: Quote | None = None
    via: tuple[str, ...] = attrs.field(default=(), converter=strs)
    said: When | None = None
    about: When | None = None
    stance: Stance = Stance.ASSERTS
    modality: Modality = Modality.CERTAIN
    cues: tuple[Cue, ...] = attrs.field(default=(), converter=_cues)
    direct: bool = False
    recorded_by: str = "unknown"
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)

    @mentions.validator
    def _check_mentions(self, attribute: attrs.Attribute[Any], value: tuple[Mention, ...]) -> None:
        for mention in value:
            if mention.end > len(self.text):
                raise ModelError(
                    f"Claim {self.id!r}: mention {mention.text!r} ends at {mention.end}, past "
                    f"the end of the text ({len(self.text)})"
                )

    @classmethod
    def create(cls, *, text: str, source: str, quote: Quote | None = None, **fields: Any) -> Claim:
        """A claim with its content-addressed id: the same text at the same place of the same
        source always gets the same id, so re-ingesting an article never duplicates it."""
        return cls(
            id=_claim_id(source, text, quote), text=text, source=source, quote=quote, **fields
        )

    @property
    def mentioned(self) -> tuple[str, ...]:
        """The ids of the actors the claim names, each once, in text order."""
        return tuple(dict.fromkeys(m.actor for m in self.mentions))

    @property
    def depth(self) -> int:
        """How many hands the claim passed through: speaker, intermediaries, source."""
        return len(self.via) + (2 if self.speaker is not None else 1)
