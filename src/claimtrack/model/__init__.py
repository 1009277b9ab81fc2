"""The typed model: sources, actors, claims, times, clusters and conflicts.

Every class is a frozen attrs value: build it with keyword arguments, change it with
:func:`attrs.evolve`, compare it by value.  Sequences are stored as tuples.  Validators guard
invariants (``earliest <= latest``, a score within [0, 1]); formats are the business of the
modules that read them.

>>> import datetime as dt
>>> w = When.parse("2016-07")
>>> w.earliest, w.latest, w.precision.value, w.timex
(datetime.date(2016, 7, 1), datetime.date(2016, 7, 31), 'month', '2016-07')
>>> c = Claim.create(text="Nusra is breaking ties with al-Qaeda.", source="vice-2016-07-28")
>>> c.id == Claim.create(text="Nusra is breaking ties with al-Qaeda.", source="vice-2016-07-28").id
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimtrack.model.actors import Actor, ActorKind, Rename
from claimtrack.model.analysis import Analysis
from claimtrack.model.claims import Claim, Context, Cue, Mention, Modality, Quote, Stance
from claimtrack.model.fields import slugify
from claimtrack.model.links import Cluster, Conflict, ConflictKind, ConflictStatus, Relation
from claimtrack.model.results import ClaimList, ConflictList, Results
from claimtrack.model.sources import Source, SourceKind
from claimtrack.model.when import Precision, When

__all__ = [
    "Actor",
    "ActorKind",
    "Analysis",
    "Claim",
    "ClaimList",
    "Cluster",
    "Conflict",
    "ConflictKind",
    "ConflictList",
    "ConflictStatus",
    "Context",
    "Cue",
    "Mention",
    "Modality",
    "Precision",
    "Quote",
    "Relation",
    "Rename",
    "Results",
    "Source",
    "SourceKind",
    "Stance",
    "When",
    "slugify",
]


MODEL_CLASSES: tuple[Callable[..., Any], ...] = (
    When,
    Source,
    Actor,
    Rename,
    Quote,
    Cue,
    Mention,
    Claim,
    Cluster,
    Conflict,
    Analysis,
)
