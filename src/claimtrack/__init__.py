"""claimtrack: who asserted what, when, and where; which statements are the same claim; who
contradicts whom.

The stages compose in research code as the CLI composes them::

    import claimtrack as ct

    registry = ct.ActorRegistry.from_file("seeds/actors.toml")
    analysis = ct.analyze(ct.read_folder("seeds"), actors=registry)
    # or stage by stage: ct.extract(source, actors=registry), ct.cluster(claims),
    # ct.find_conflicts(claims, clusters), each under the story's names:
    # with ct.resources.using(registry.resources()): ...

>>> import claimtrack as ct
>>> ct.When.parse("2016-07-28").precision.value
'day'
>>> ct.read_date("July 28, 2016").timex
'2016-07-28'
"""

from importlib.metadata import PackageNotFoundError, version

from claimtrack.actors import ActorRegistry
from claimtrack.attribution import extract
from claimtrack.errors import (
    ClaimtrackError,
    DateResolutionError,
    InputError,
    ModelError,
    NotBuiltError,
    SchemaError,
    SidecarError,
    StoreBusyError,
    StoreError,
)
from claimtrack.linking import cluster, find_conflicts
from claimtrack.lookup import Index
from claimtrack.model import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    ConflictStatus,
    Cue,
    Modality,
    Precision,
    Quote,
    Relation,
    Rename,
    Source,
    SourceKind,
    Stance,
    When,
)
from claimtrack.pipeline import analyze
from claimtrack.reading.folder import Document, read_folder, read_source
from claimtrack.resources import Names, Resources
from claimtrack.serialization import SCHEMA_VERSION, dumps, loads
from claimtrack.store import ClaimStore
from claimtrack.time import infer_tense, read_date, resolve_when, timex_value

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "ActorRegistry",
    "Analysis",
    "Claim",
    "ClaimStore",
    "ClaimtrackError",
    "Cluster",
    "Conflict",
    "ConflictKind",
    "ConflictStatus",
    "Cue",
    "DateResolutionError",
    "Document",
    "Index",
    "InputError",
    "Modality",
    "ModelError",
    "Names",
    "NotBuiltError",
    "Precision",
    "Quote",
    "Relation",
    "Rename",
    "Resources",
    "SchemaError",
    "SidecarError",
    "Source",
    "SourceKind",
    "Stance",
    "StoreBusyError",
    "StoreError",
    "When",
    "__version__",
    "analyze",
    "cluster",
    "dumps",
    "extract",
    "find_conflicts",
    "infer_tense",
    "loads",
    "read_date",
    "read_folder",
    "read_source",
    "resolve_when",
    "timex_value",
]
