"""Claims: who said what, when, where in which source, and the words that decided it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

import attrs

from claimtrack.errors import ModelError
from claimtrack.model.fields import check_id, check_span, content_id, strs, to_tuple
from claimtrack.model.notebook import Notebook, escape
from claimtrack.model.when import When

__all__ = ["Claim", "Context", "Cue", "Mention", "Modality", "Quote", "Stance", "claim_html"]


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

    def _repr_html_(self) -> str:
        return claim_html(self)

    @property
    def mentioned(self) -> tuple[str, ...]:
        """The ids of the actors the claim names, each once, in text order."""
        return tuple(dict.fromkeys(m.actor for m in self.mentions))

    @property
    def depth(self) -> int:
        """How many hands the claim passed through: speaker, intermediaries, source."""
        return len(self.via) + (2 if self.speaker is not None else 1)


@attrs.frozen
class Context:
    """What a claim's HTML shows for its ids: ``names`` of actors (by id), the ``outlets``
    and ``published`` dates of sources (by id, a piece having its page's), and ``claims`` by
    id (a conflict's sides)."""

    names: Mapping[str, str] = attrs.field(factory=dict)
    outlets: Mapping[str, str] = attrs.field(factory=dict)
    claims: Mapping[str, Claim] = attrs.field(factory=dict)

    published: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of_sources(
        cls,
        sources: Iterable[tuple[str, str | None, str | None, str | None]],
        *,
        names: Mapping[str, str] | None = None,
        claims: Iterable[Claim] = (),
    ) -> Context:
        """The context of (id, parent, outlet, published) rows: each source's outlet and
        publication date, else those of the nearest page holding it (as
        :class:`claimtrack.lookup.Index` finds them)."""
        rows = {id_: (parent, outlet, when) for id_, parent, outlet, when in sources}
        outlets: dict[str, str] = {}
        published: dict[str, str] = {}
        for id_ in rows:
            for field, found in ((1, outlets), (2, published)):
                seen, current = set(), id_
                while current in rows and current not in seen:
                    seen.add(current)
                    if value := rows[current][field]:
                        found[id_] = value
                        break
                    current = rows[current][0] or ""
        return cls(names=names or {}, outlets=outlets, published=published,
                   claims={c.id: c for c in claims})  # fmt: skip


def in_context(claim: Claim) -> str:
    """The claim's words, marked, within the text around them in its source."""
    quote = claim.quote
    if quote is None:
        return f"<mark>{escape(claim.text)}</mark>"
    return (f"…{escape(quote.prefix)}<mark>{escape(quote.exact)}</mark>"
            f"{escape(quote.suffix)}…")  # fmt: skip


def heading(claim: Claim, context: Context) -> tuple[str, str, str]:
    speaker = claim.speaker
    name = context.names.get(speaker, speaker) if speaker is not None else "unknown speaker"
    said = str(claim.said) if claim.said is not None and claim.said.known else None
    if said is None:
        published = context.published.get(claim.source)
        said = f"published {published}" if published else "date unknown"
    outlet = context.outlets.get(claim.source) or claim.source
    return escape(name), escape(said), escape(outlet)


def claim_html(claim: Claim, context: Context | None = None) -> str:
    """One claim: its speaker's name, when it was said, the outlet, and the quote marked
    in its context."""
    name, said, outlet = heading(claim, context or Context())
    return (f"<div><b>{name}</b> · {said} · {outlet}"
            f"<blockquote style='margin:0.3em 0 0.3em 1em'>{in_context(claim)}</blockquote>"
            f"<small>claim {escape(claim.id)}</small></div>")  # fmt: skip
