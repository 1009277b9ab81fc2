"""The lists a query returns: plain lists that print on one line, and that Jupyter shows as
a table of who said what (claims) or of both sides and the reason (conflicts).

>>> from claimtrack.model import Claim
>>> found = ClaimList([Claim.create(text="x", source="s1"), Claim.create(text="y", source="s1")])
>>> found
<2 claims: c-50280454972f440f, c-b3fb7952b8dbadf4>
>>> found == list(found), found[0].text
(True, 'x')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from claimtrack.model.claims import Claim, Context, heading, in_context
from claimtrack.model.links import Conflict, side_html
from claimtrack.model.notebook import SHOWN, escape, table

__all__ = ["ClaimList", "ConflictList", "Results", "claims_html", "conflicts_html"]

T = TypeVar("T")

_NAMED = 3
"""Ids a list's one-line repr names before '...'."""


def claims_html(claims: Sequence[Claim], context: Context | None = None) -> str:
    """A table of claims (the first :data:`SHOWN`): speaker, said, outlet, the quote in
    context, id."""
    context = context or Context()
    rows = [[*heading(c, context), in_context(c), escape(c.id)] for c in claims[:SHOWN]]
    return table(("speaker", "said", "outlet", "claim", "id"), rows, len(claims), "claims")


def conflicts_html(conflicts: Sequence[Conflict], context: Context | None = None) -> str:
    """A table of conflicts (the first :data:`SHOWN`): kind, both sides, reason, id."""
    context = context or Context()
    rows = [
        [escape(f"{x.kind.value}, {x.relation.value}"), side_html(x.a, context),
         side_html(x.b, context), escape(x.reason), escape(x.id)]
        for x in conflicts[:SHOWN]
    ]  # fmt: skip
    return table(("kind", "one side", "other side", "reason", "id"), rows, len(conflicts),
                  "conflicts")  # fmt: skip


class Results(list[T]):
    """A list of what a query found, printed on one line (how many, and the first ids).
    ``context`` holds the names and outlets to show in Jupyter."""

    noun = "results"

    def __init__(self, items: Iterable[T] = (), *, context: Context | None = None,
                 noun: str | None = None) -> None:  # fmt: skip
        super().__init__(items)
        self.context = context if context is not None else Context()
        self.noun = noun or type(self).noun

    def __repr__(self) -> str:
        noun = self.noun if len(self) != 1 else self.noun.removesuffix("s")
        ids = [str(getattr(item, "id", item)) for item in self[:_NAMED]]
        named = ", ".join(ids) + (", ..." if len(self) > _NAMED else "")
        return f"<{len(self)} {noun}{': ' + named if named else ''}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # IPython's plain-text form
        printer.text(repr(self))


class ClaimList(Results[Claim]):
    """Claims a query found."""

    noun = "claims"

    def _repr_html_(self) -> str:
        return claims_html(self, self.context)


class ConflictList(Results[Conflict]):
    """Conflicts a query found; ``context.claims`` holds their sides."""

    noun = "conflicts"

    def _repr_html_(self) -> str:
        return conflicts_html(self, self.context)
