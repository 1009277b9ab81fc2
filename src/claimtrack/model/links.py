"""Links between claims: clusters of the same proposition, and conflicts."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import attrs

from claimtrack.errors import ModelError
from claimtrack.model.claims import Context, Cue, heading
from claimtrack.model.fields import check_id, check_score, content_id, strs, to_tuple
from claimtrack.model.notebook import Notebook, escape
from claimtrack.model.when import When

__all__ = [
    "Cluster",
    "Conflict",
    "ConflictKind",
    "ConflictStatus",
    "Relation",
    "conflict_html",
    "side_html",
]


def _cues(values: Iterable[Cue]) -> tuple[Cue, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True)
class Cluster(Notebook):
    """Claims that state the same proposition, whatever their stance.

    Members are suggested by the matcher; ``confirmed`` lists the ones a person confirmed.
    ``first`` is the claim that appeared first (earliest ``said``, else earliest
    publication of its source), ``outlets`` the outlets it spread through, and ``span`` the
    time from its first to its last appearance.
    """

    id: str = attrs.field(validator=check_id)
    claims: tuple[str, ...] = attrs.field(converter=strs)
    label: str = ""
    confirmed: tuple[str, ...] = attrs.field(default=(), converter=strs)
    first: str | None = None
    outlets: tuple[str, ...] = attrs.field(default=(), converter=strs)
    span: When | None = None

    @claims.validator
    def _check_claims(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise ModelError(f"Cluster {self.id!r} has no claims")
        if len(set(value)) != len(value):
            raise ModelError(f"Cluster {self.id!r} lists a claim twice")

    @confirmed.validator
    def _check_confirmed(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        stray = set(value) - set(self.claims)
        if stray:
            raise ModelError(
                f"Cluster {self.id!r} confirms claims it does not hold: {sorted(stray)}"
            )

    @classmethod
    def of(cls, claims: Iterable[str], **fields: Any) -> Cluster:
        """A cluster whose id is derived from its (sorted) members."""
        members = tuple(sorted(set(claims)))
        return cls(id=content_id("k", *members), claims=members, **fields)


class ConflictKind(StrEnum):
    """Which signal says the two claims cannot both hold."""

    NEGATION = "negation"
    DENIAL = "denial"
    ANTONYM = "antonym"
    NULLIFIER = "nullifier"
    NUMERIC = "numeric"
    DATE = "date"
    ATTRIBUTE = "attribute"  # a single-valued attribute with two values (two leaders)
    STANCE = "stance"


class Relation(StrEnum):
    """How the two claims of a conflict relate in time."""

    CONTRADICTION = "contradiction"  # same time, cannot both hold
    REVERSAL = "reversal"  # one speaker changed position
    SUPERSESSION = "supersession"  # the world changed between the two times
    UNKNOWN = "unknown"  # the times are not known well enough to tell


class ConflictStatus(StrEnum):
    """What a person decided about a conflict."""

    UNRESOLVED = "unresolved"
    RESOLVED = "resolved"
    REJECTED = "rejected"


@attrs.frozen(kw_only=True)
class Conflict(Notebook):
    """Two claims that cannot both hold, with the evidence and a reason a person can check."""

    id: str = attrs.field(validator=check_id)
    a: str
    b: str = attrs.field()
    kind: ConflictKind
    relation: Relation = Relation.UNKNOWN
    score: float = attrs.field(default=0.0, validator=check_score)
    reason: str = ""
    cues_a: tuple[Cue, ...] = attrs.field(default=(), converter=_cues)
    cues_b: tuple[Cue, ...] = attrs.field(default=(), converter=_cues)
    status: ConflictStatus = ConflictStatus.UNRESOLVED
    note: str | None = None

    @b.validator
    def _check_pair(self, attribute: attrs.Attribute[Any], value: str) -> None:
        if value == self.a:
            raise ModelError(f"Conflict {self.id!r}: a claim cannot conflict with itself")

    def _repr_html_(self) -> str:
        return conflict_html(self)

    @classmethod
    def between(
        cls,
        a: str,
        b: str,
        *,
        kind: ConflictKind,
        cues_a: Iterable[Cue] = (),
        cues_b: Iterable[Cue] = (),
        **fields: Any,
    ) -> Conflict:
        """A conflict with a canonical order of its claims and a content-addressed id, so the
        same pair of the same kind is one record however it was found."""
        if b < a:
            a, b, cues_a, cues_b = b, a, cues_b, cues_a
        return cls(
            id=content_id("x", a, b, kind.value),
            a=a,
            b=b,
            kind=kind,
            cues_a=tuple(cues_a),
            cues_b=tuple(cues_b),
            **fields,
        )


def side_html(claim_id: str, context: Context) -> str:
    claim = context.claims.get(claim_id)
    if claim is None:
        return f"claim {escape(claim_id)}"
    name, said, _ = heading(claim, context)
    return f"<b>{name}</b> ({said}): {escape(claim.text)}"


def conflict_html(conflict: Conflict, context: Context | None = None) -> str:
    """One conflict: its kind, both sides (who said what, when) and the reason."""
    context = context or Context()
    status = conflict.status.value + (f": {conflict.note}" if conflict.note else "")
    return (f"<div><b>Conflict</b> · {escape(conflict.kind.value)} · "
            f"{escape(conflict.relation.value)} · score {conflict.score:.2f} · {escape(status)}"
            f"<ul><li>{side_html(conflict.a, context)}</li>"
            f"<li>{side_html(conflict.b, context)}</li></ul>{escape(conflict.reason)}"
            f"<br><small>conflict {escape(conflict.id)}</small></div>")  # fmt: skip
